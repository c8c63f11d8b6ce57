"""Markdown to sanitised HTML, one block at a time: the first half of the one renderer
(:mod:`qk3editor.core.render` resolves the figures and builds the portal's article from these
blocks, and re-exports what is here).

markdown-it-py (CommonMark + tables) -> nh3 (allow-list) -> a second check of script URLs. A
paragraph holding only a ``qk3photo:`` image becomes a ``<figure>`` with its caption; the photo
stays a placeholder until :mod:`render` resolves it.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

PHOTO_SCHEME = "qk3photo"

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "del", "div", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
        "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "figure": {"class", "data-photo"},
    "figcaption": {"class"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "code": {"class"},
    "abbr": {"title"},
}
# data: and javascript: are absent on purpose; our own images use qk3photo: and are resolved
# after sanitising, by a resolver whose URLs are checked again (render._SAFE_SRC).
URL_SCHEMES = frozenset({"http", "https", "mailto", PHOTO_SCHEME})


# -- markdown → HTML (markdown-it-py, CommonMark) ------------------------------------------------
# Why markdown-it-py and not python-markdown: python-markdown's inline patterns are regular
# expressions re-run over the rest of the text, which makes hostile input quadratic or worse
# (16 KB of nested brackets 11.6 s, 20k setext lines 35 s, 2,000 nested lists 50 s and 1.5 GB);
# markdown-it-py is a port of markdown-it, built and tested against CommonMark's pathological
# inputs (delimiter stacks, bracket balancing with bottoms) and stays near-linear.
MAX_NESTING = 64  # block tokens (a list level is two): beyond it markdown-it stops parsing


def _figure_rule(state: StateCore) -> None:
    """A paragraph holding only a ``qk3photo:`` image becomes a figure with a figcaption."""
    tokens = state.tokens
    for i in range(1, len(tokens) - 1):
        tok = tokens[i]
        if tok.type != "inline" or tokens[i - 1].type != "paragraph_open":
            continue
        children = tok.children or []
        if len(children) != 1 or children[0].type != "image":
            continue
        src = str(children[0].attrGet("src") or "")
        if not src.startswith(PHOTO_SCHEME + ":"):
            continue
        tokens[i - 1].meta["qk3_figure"] = unquote(src[len(PHOTO_SCHEME) + 1 :])
        tokens[i + 1].meta["qk3_figure"] = children[0].content


def _figure_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    photo: object = tokens[idx].meta.get("qk3_figure")
    if photo is None:
        return self.renderToken(tokens, idx, options, env)
    return f'<figure class="qk3-figure" data-photo="{html.escape(str(photo), quote=True)}">'


def _figure_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    caption: object = tokens[idx].meta.get("qk3_figure")
    if caption is None:
        return self.renderToken(tokens, idx, options, env)
    return f'<figcaption class="qk3-caption">{html.escape(str(caption))}</figcaption></figure>\n'


_local = threading.local()


def _md() -> MarkdownIt:
    md = getattr(_local, "md", None)
    if md is None:
        md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        md.enable("table")
        md.core.ruler.push("qk3_figures", _figure_rule)
        md.add_render_rule("paragraph_open", _figure_open)
        md.add_render_rule("paragraph_close", _figure_close)
        _local.md = md
    return md


_SCRIPTISH = ("javascript:", "vbscript:", "livescript:", "data:")


_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


def _drop_hidden_script_urls(fragment: str) -> str:
    """Empty a URL that a lenient browser could still read as a script URL.

    nh3 already refuses unknown schemes; this also refuses ones hidden by blanks or control
    characters inside the scheme (java<TAB>script:), which some parsers skip. Done on nh3's
    normalised output (double-quoted attributes) rather than in a Python callback per attribute.
    """

    def check(m: re.Match[str]) -> str:
        compact = "".join(ch for ch in html.unescape(m.group(2)) if ch > " ").lower()
        return f'{m.group(1)}=""' if compact.startswith(_SCRIPTISH) else m.group(0)

    return _URL_ATTR.sub(check, fragment)


def sanitize(fragment: str) -> str:
    """``fragment`` with everything outside the allow-list removed (scripts with content)."""
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _drop_hidden_script_urls(cleaned) if ("href" in cleaned or "src" in cleaned) else cleaned


def _fallback_html(text: str) -> str:
    """Plain escaped paragraphs, for a block markdown cannot handle (e.g. absurd nesting)."""
    parts = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in parts)


@lru_cache(maxsize=8192)
def render_block(text: str) -> str:
    """One markdown block → sanitised HTML, photos still as ``qk3photo:`` placeholders."""
    md = _md()
    try:
        tokens = md.parse(text)
        if any(t.level >= MAX_NESTING - 1 for t in tokens):
            out = _fallback_html(text)  # markdown-it would drop what lies deeper
        else:
            out = md.renderer.render(tokens, md.options, {}).rstrip("\n")
    except (RecursionError, ValueError, IndexError, KeyError):
        out = _fallback_html(text)
    return sanitize(out)


# -- splitting the body into independent blocks ------------------------------------------------
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_JOINS_PREVIOUS = re.compile(r"^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||:)")
_NEEDS_WHOLE = re.compile(r"^ {0,3}\[[^\]\n]+\]:|^\*\[|<!--|^ {0,3}<", re.M)


def split_blocks(body: str) -> list[tuple[int, str]]:
    """``body`` cut at blank lines where markdown cannot carry a construct across.

    Returns (first line number, text) pairs. A document with link reference definitions,
    comments or raw HTML blocks is one block: those reach across blank lines.
    """
    if _NEEDS_WHOLE.search(body):
        return [(0, body)]
    lines = body.split("\n")
    blocks: list[tuple[int, str]] = []
    start = 0
    fence: str | None = None
    blank_before = False
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if not line.strip():
            blank_before = True
            continue
        if blank_before and i > start and not _JOINS_PREVIOUS.match(line):
            blocks.append((start, "\n".join(lines[start:i])))
            start = i
        blank_before = False
        if m:
            fence = m.group(1)
    blocks.append((start, "\n".join(lines[start:])))
    return [(n, t) for n, t in blocks if t.strip()]
