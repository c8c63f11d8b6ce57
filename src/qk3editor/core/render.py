"""The one renderer: markdown → sanitised portal HTML, for the preview and for publishing.

Pipeline: markdown-it-py (CommonMark + tables) → nh3 (allow-list) → figures resolved → the
portal's article shape.
Markdown to sanitised HTML blocks is :mod:`qk3editor.core.markdown_html` (re-exported here).
The body is split into independent blocks (at blank lines where markdown cannot join them) and
each block's sanitised HTML is cached, so re-rendering while a reporter types touches only the
block that changed. Photos placed in the body are written ``![caption](qk3photo:<id>)`` on a
line of their own; a *resolver* turns the id into a URL, caption and credit (local file URLs
for the preview, remote URLs for publishing).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from string import Template

from qk3editor.core import budgets
from qk3editor.core.markdown_html import (  # the first half of the renderer, re-exported
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    MAX_NESTING,
    PHOTO_SCHEME,
    URL_SCHEMES,
    render_block,
    sanitize,
    split_blocks,
)
from qk3editor.core.vietnamese.dates import format_portal_date

_SAFE_SRC = re.compile(r"^(?:https?://|file:///|/)", re.I)


@dataclass(frozen=True)
class PhotoRef:
    """What a resolver knows of a photo placed in the body."""

    src: str
    caption: str = ""
    credit: str = ""
    width: int | None = None


PhotoResolver = Callable[[str], "PhotoRef | None"]


def no_photos(_photo_id: str) -> PhotoRef | None:
    """A resolver that knows no photo (figures keep their caption, lose their image)."""
    return None


@dataclass(frozen=True)
class PagePlan:
    """What a target's portal page adds around the body, so that the preview shows what
    that portal shows (issue 9; made by :func:`qk3editor.publish.content.page_plan` from the
    target's portal profile, the same decision publishing makes).

    ``lead``: the lead is printed on the page. ``banner``: a photo id the theme shows above
    the article without its caption (WordPress' featured image). ``before`` / ``after``:
    markdown photo snippets shown as captioned figures before the body (the featured photo)
    and after it (attached photos not placed in the body)."""

    lead: bool = True
    banner: str | None = None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderInput:
    """The parts of an article the renderer shows (plain values, safe to pass to a thread)."""

    title: str = ""
    lead: str = ""
    body: str = ""
    category: str | None = None
    byline: str = ""
    date: datetime | None = None
    page: PagePlan = PagePlan()


# -- figures resolved ---------------------------------------------------------------------------
_FIGURE = re.compile(
    r'<figure class="qk3-figure" data-photo="([^"]*)">(.*?)<figcaption class="qk3-caption">'
    r"(.*?)</figcaption></figure>",
    re.S,
)
_CREDIT_PREFIX = "Ảnh: "
# a credit typed with its own prefix ("Ảnh: Đức Việt", "ảnh : TTXVN", "Photo: AP") keeps one
_TYPED_PREFIX = re.compile(r"^\s*(?:ảnh|photo)\s*:\s*", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]*>")


def credit_name(credit: str) -> str:
    """A credit without the prefix a person may have typed ("Ảnh: Đức Việt" → "Đức Việt"):
    whoever shows it adds its own prefix once."""
    return _TYPED_PREFIX.sub("", credit).strip()


_TITLE = re.compile(r'\btitle="([^"]*)"')


def _resolve_figures(fragment: str, resolver: PhotoResolver) -> str:
    def figure(m: re.Match[str]) -> str:
        photo_id = html.unescape(m.group(1))
        caption_html = m.group(3)
        ref = resolver(photo_id)
        attr_id = html.escape(photo_id, quote=True)
        if ref is None or not _SAFE_SRC.match(ref.src):
            img = '<p class="qk3-missing" align="center">[?]</p>'
        else:
            width = f' width="{int(ref.width)}"' if ref.width else ""
            alt = html.escape(_TAGS.sub("", html.unescape(caption_html)) or ref.caption, quote=True)
            src = html.escape(ref.src, quote=True)
            img = f'<p class="qk3-photo" align="center"><img src="{src}" alt="{alt}"{width}></p>'
        if not caption_html.strip() and ref is not None and ref.caption:
            caption_html = html.escape(ref.caption)
        # the article's own credit (the snippet's title, issue 5) wins over the file's
        title = _TITLE.search(m.group(2))
        credit_text = html.unescape(title.group(1)) if title else ""
        if not credit_text and ref is not None:
            credit_text = ref.credit
        credit_text = _TYPED_PREFIX.sub("", credit_text)
        credit = ""
        if credit_text:
            credit = (
                f' <span class="qk3-credit">({_CREDIT_PREFIX}{html.escape(credit_text)})</span>'
            )
        # the image and the caption in block elements of their own: QTextBrowser (the preview)
        # does not know <figure>, and browsers lay these out the same way
        return (
            f'<figure class="qk3-figure" data-photo="{attr_id}">{img}'
            f'<figcaption><p class="qk3-caption" align="center">{caption_html}{credit}</p>'
            "</figcaption></figure>"
        )

    return _FIGURE.sub(figure, fragment)


_FIRST_TEXT_TAG = re.compile(r"<(?:p|h[1-6]|li|pre|td|th|dt|dd|figcaption)\b[^>]*>")


def _with_anchor(block: str, line: int) -> str:
    """``<a name="L<line>">`` inside the block's first text element (QTextBrowser keeps an
    anchor only where there is text to hang it on)."""
    anchor = f'<a name="L{line}"></a>'
    m = _FIRST_TEXT_TAG.search(block)
    if m is None:
        return anchor + block
    return block[: m.end()] + anchor + block[m.end() :]


def render_body(body: str, resolver: PhotoResolver = no_photos, anchors: bool = False) -> str:
    """The body's sanitised HTML with figures resolved.

    With ``anchors`` each block holds an ``<a name="L<n>"></a>`` (n = its first line, from 0)
    so that the preview can scroll to the editor's place.
    """
    parts = [
        _with_anchor(block, line) if anchors else block
        for line, block in render_body_blocks(body, resolver)
    ]
    return "\n".join(parts)


def render_body_blocks(body: str, resolver: PhotoResolver = no_photos) -> list[tuple[int, str]]:
    """The body's blocks, each as (first line, sanitised HTML with figures resolved): the
    preview updates only the blocks whose HTML changed.

    A body over ``budgets.MAX_ARTICLE_CHARS`` raises
    :class:`~qk3editor.core.budgets.ArticleTooLong` (the preview keeps its last good render
    and says why; publishing stops with the message)."""
    budgets.check_article_text(body)
    out: list[tuple[int, str]] = []
    for line, text in split_blocks(body):
        block = render_block(text)
        if "qk3-figure" in block:  # block by block: short regex calls, no scan of the whole
            block = _resolve_figures(block, resolver)
        out.append((line, block))
    return out


def block_lines(body: str) -> list[int]:
    """The first line of every block (the anchors :func:`render_body` writes)."""
    return [n for n, _t in split_blocks(body)]


# -- dates ------------------------------------------------------------------------------------
def portal_date(value: datetime) -> str:
    """The portal's header date, e.g. ``Chủ nhật, 21/10/2018`` (Vietnam time)."""
    return format_portal_date(value)


# -- the article -------------------------------------------------------------------------------
_TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"


def templates_dir() -> Path:
    """The shipped templates (source tree, or the wheel's copy)."""
    packaged = Path(__file__).resolve().parents[1] / "resources" / "templates"
    return packaged if packaged.is_dir() else _TEMPLATES


@lru_cache(maxsize=4)
def _template(name: str) -> Template:
    return Template((templates_dir() / name).read_text(encoding="utf-8"))


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_fragment(
    article: RenderInput,
    resolver: PhotoResolver = no_photos,
    anchors: bool = False,
    home_label: str = "Trang chủ",
) -> str:
    """The article as the portal shows it: the HTML publishing sends (and the preview shows)."""
    parts = _head_parts(article, home_label)
    parts.append(render_content(article, resolver, anchors))
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def _head_parts(article: RenderInput, home_label: str) -> list[str]:
    parts = ['<article class="qk3-article">']
    crumbs = f'<a href="/">{_esc(home_label)}</a>'
    if article.category:
        crumbs += f' <span class="qk3-sep">›</span> <span>{_esc(article.category)}</span>'
    parts.append(f'<p class="qk3-breadcrumb">{crumbs}</p>')
    parts.append(f'<h1 class="qk3-title">{_esc(article.title)}</h1>')
    if article.date is not None:
        parts.append(f'<p class="qk3-date">{_esc(portal_date(article.date))}</p>')
    if article.lead.strip() and article.page.lead:
        lead = _esc(article.lead.strip()).replace("\n", "<br>")
        parts.append(f'<p class="qk3-lead"><strong>{lead}</strong></p>')
    return parts


def banner_html(article: RenderInput, resolver: PhotoResolver) -> str:
    """The theme's featured image (no caption), as :class:`PagePlan` says; "" if none."""
    if article.page.banner is None:
        return ""
    ref = resolver(article.page.banner)
    if ref is None or not _SAFE_SRC.match(ref.src):
        return ""
    width = f' width="{int(ref.width)}"' if ref.width else ""
    src = _esc(ref.src)
    return f'<p class="qk3-banner" align="center"><img src="{src}" alt=""{width}></p>'


def article_head(article: RenderInput, home_label: str = "Trang chủ") -> str:
    """What comes before the body (breadcrumb, title, date, lead): the preview's first
    segment."""
    return "\n".join(_head_parts(article, home_label)[1:])


def article_tail(article: RenderInput) -> str:
    """What comes after the body (the byline): the preview's last segment."""
    if not article.byline.strip():
        return ""
    return f'<p class="qk3-byline" align="right">{_esc(article.byline.strip())}</p>'


def render_content(
    article: RenderInput, resolver: PhotoResolver = no_photos, anchors: bool = False
) -> str:
    """The body with its figures and the byline: the part of :func:`render_fragment` under
    the header, which publishing sends as the post's content (title and lead travel apart)."""
    parts = ['<div class="qk3-body">', render_body(article.body, resolver, anchors), "</div>"]
    if article.byline.strip():
        parts.append(f'<p class="qk3-byline" align="right">{_esc(article.byline.strip())}</p>')
    return "\n".join(parts)


def render_page(
    article: RenderInput, resolver: PhotoResolver = no_photos, anchors: bool = False
) -> str:
    """The full preview page: the portal's frame, its CSS and :func:`render_fragment`."""
    css = (templates_dir() / "article.css").read_text(encoding="utf-8")
    return _template("article_page.html").substitute(
        title=_esc(article.title),
        css=css,
        article=render_fragment(article, resolver, anchors),
    )


__all__ = [  # with markdown_html's names, which callers import from here
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "MAX_NESTING",
    "PHOTO_SCHEME",
    "URL_SCHEMES",
    "PagePlan",
    "PhotoRef",
    "PhotoResolver",
    "RenderInput",
    "article_head",
    "article_tail",
    "banner_html",
    "block_lines",
    "credit_name",
    "no_photos",
    "portal_date",
    "render_block",
    "render_body",
    "render_body_blocks",
    "render_content",
    "render_fragment",
    "render_page",
    "sanitize",
    "split_blocks",
    "templates_dir",
]
