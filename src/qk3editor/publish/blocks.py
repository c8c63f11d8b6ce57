"""WordPress block markup around the one renderer's sanitised HTML.

:func:`qk3editor.core.render.render_content` stays the single renderer; this module only cuts
its output into top-level elements and wraps each one in the block delimiters WordPress's own
block editor writes (``<!-- wp:paragraph -->`` ...), so a post opens in the editor as ordinary
blocks (never one "Classic" block) and themes size and caption images themselves.

Photos become ``core/image`` blocks carrying the attachment id (``{"id":N}``, class
``wp-image-N``), a size WordPress serves with ``srcset`` (``large``: never wider than a
content column) and the caption with its credit as ``<figcaption class="wp-element-caption">``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser

from qk3editor.core.json_values import object_or_empty


@dataclass(frozen=True)
class BlockImage:
    """What an image block needs of an uploaded photo."""

    attachment_id: int
    url: str  # the URL of the size below
    size: str = "large"  # a size slug WordPress knows: large | full | ...


ImageLookup = Callable[[str], "BlockImage | None"]

_VOID = frozenset({"br", "hr", "img", "wbr"})


class _TopLevel(HTMLParser):
    """Splits a fragment into its top-level elements: (tag, attrs, outer HTML, inner HTML)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.depth = 0
        self.items: list[tuple[str, dict[str, str], str, str]] = []
        self._start = 0
        self._inner = 0
        self._tag = ""
        self._attrs: dict[str, str] = {}
        self._last = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def _stray(self, upto: int) -> None:
        gap = self.text[self._last : upto]
        if gap.strip():
            self.items.append(("#text", {}, gap.strip(), gap.strip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            start = self._offset()
            self._stray(start)
            end = start + len(self.get_starttag_text() or "")
            if tag in _VOID:
                self.items.append((tag, {k: v or "" for k, v in attrs}, self.text[start:end], ""))
                self._last = end
                return
            self._start, self._inner, self._tag = start, end, tag
            self._attrs = {k: v or "" for k, v in attrs}
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            start = self._offset()
            self._stray(start)
            end = start + len(self.get_starttag_text() or "")
            self.items.append((tag, {k: v or "" for k, v in attrs}, self.text[start:end], ""))
            self._last = end

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if self.depth == 0:
            close = self._offset()
            end = self.text.index(">", close) + 1
            self.items.append(
                (
                    self._tag,
                    self._attrs,
                    self.text[self._start : end],
                    self.text[self._inner : close],
                )
            )
            self._last = end

    def run(self) -> list[tuple[str, dict[str, str], str, str]]:
        self.feed(self.text)
        self.close()
        self._stray(len(self.text))
        return self.items


def top_level(fragment: str) -> list[tuple[str, dict[str, str], str, str]]:
    return _TopLevel(fragment).run()


def _attrs_json(attrs: Mapping[str, object]) -> str:
    if not attrs:
        return ""
    return " " + json.dumps(dict(attrs), ensure_ascii=False, separators=(",", ":"))


def wrap(name: str, inner: str, attrs: Mapping[str, object] | None = None) -> str:
    return f"<!-- wp:{name}{_attrs_json(attrs or {})} -->\n{inner}\n<!-- /wp:{name} -->"


def paragraph(inner_html: str, align: str | None = None) -> str:
    if align:
        return wrap(
            "paragraph", f'<p class="has-text-align-{align}">{inner_html}</p>', {"align": align}
        )
    return wrap("paragraph", f"<p>{inner_html}</p>")


def _list(tag: str, inner: str, attrs: dict[str, str]) -> str:
    items: list[str] = []
    for sub_tag, _a, _outer, sub_inner in top_level(inner):
        if sub_tag != "li":
            continue
        # a nested list inside the item becomes a list block of its own (as the editor does)
        parts = top_level(sub_inner)
        text: list[str] = []
        nested: list[str] = []
        for t, a, outer, i in parts:
            if t in ("ul", "ol"):
                nested.append(_list(t, i, a))
            elif t == "p":  # a loose list's paragraphs: the item's text
                text.append(i)
            else:
                text.append(outer)
        body = " ".join(s.strip() for s in text)
        if nested:
            body += "".join(nested)
        items.append(wrap("list-item", f"<li>{body}</li>"))
    block_attrs: dict[str, object] = {}
    if tag == "ol":
        block_attrs["ordered"] = True
        if attrs.get("start"):
            block_attrs["start"] = int(attrs["start"])
    start = f' start="{int(attrs["start"])}"' if tag == "ol" and attrs.get("start") else ""
    return wrap("list", f"<{tag}{start}>" + "".join(items) + f"</{tag}>", block_attrs)


_CAPTION_P = re.compile(r'<p class="qk3-caption"[^>]*>(.*)</p>', re.S)
_IMG_ALT = re.compile(r'<img [^>]*\balt="([^"]*)"')


def image_block(image: BlockImage, alt: str, caption_html: str) -> str:
    attrs = {"id": image.attachment_id, "sizeSlug": image.size, "linkDestination": "none"}
    img = (
        f'<img src="{html.escape(image.url, quote=True)}" alt="{alt}" '
        f'class="wp-image-{image.attachment_id}"/>'
    )
    caption = (
        f'<figcaption class="wp-element-caption">{caption_html}</figcaption>'
        if caption_html.strip()
        else ""
    )
    return wrap(
        "image", f'<figure class="wp-block-image size-{image.size}">{img}{caption}</figure>', attrs
    )


def _figure(attrs: dict[str, str], inner: str, images: ImageLookup) -> str:
    m = _CAPTION_P.search(inner)
    caption = m.group(1).strip() if m else ""
    image = images(html.unescape(attrs.get("data-photo", "")))
    if image is None:  # nothing uploaded for it: the caption stays, as in the preview
        return paragraph(caption) if caption else ""
    alt = _IMG_ALT.search(inner)
    return image_block(image, alt.group(1) if alt else "", caption)


def to_blocks(fragment: str, images: ImageLookup) -> str:
    """``fragment`` (the renderer's sanitised HTML) as block markup."""
    out: list[str] = []
    for tag, attrs, outer, inner in top_level(fragment):
        if tag == "div" and attrs.get("class") == "qk3-body":
            out.append(to_blocks(inner, images))
        elif tag == "p":
            align = (
                attrs.get("align") if attrs.get("align") in ("left", "center", "right") else None
            )
            out.append(paragraph(inner, align))
        elif tag == "#text":
            out.append(paragraph(html.escape(html.unescape(inner), quote=False)))
        elif re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            out.append(
                wrap("heading", f"<{tag}>{inner}</{tag}>", {} if level == 2 else {"level": level})
            )
        elif tag in ("ul", "ol"):
            out.append(_list(tag, inner, attrs))
        elif tag == "blockquote":
            quoted = to_blocks(inner, images)
            out.append(wrap("quote", f'<blockquote class="wp-block-quote">{quoted}</blockquote>'))
        elif tag == "figure" and "qk3-figure" in attrs.get("class", ""):
            out.append(_figure(attrs, inner, images))
        elif tag == "pre":
            out.append(wrap("code", f'<pre class="wp-block-code">{inner}</pre>'))
        elif tag == "table":
            out.append(wrap("table", f'<figure class="wp-block-table">{outer}</figure>'))
        elif tag == "hr":
            out.append(
                wrap("separator", '<hr class="wp-block-separator has-alpha-channel-opacity"/>')
            )
        else:  # anything else the sanitiser let through stays exactly as it is
            out.append(wrap("html", outer))
    return "\n\n".join(b for b in out if b)


# -- reading block markup back (tests, and the lookup of our own posts) ---------------------------
_DELIM = re.compile(
    r"<!--\s+(/)?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+(\{.*?\}\s+)?(/)?-->", re.S
)


@dataclass
class ParsedBlock:
    name: str  # "core/paragraph", or "core/freeform" for HTML outside any block
    attrs: dict[str, object]
    inner_html: str
    inner_blocks: list[ParsedBlock]


def parse_blocks(content: str) -> list[ParsedBlock]:
    """The top-level blocks of ``content``, as WordPress's ``parse_blocks`` reads them:
    non-blank HTML outside any block delimiter is a ``core/freeform`` ("Classic") block."""
    root = ParsedBlock("#root", {}, "", [])
    stack = [root]
    pos = 0
    for m in _DELIM.finditer(content):
        gap = content[pos : m.start()]
        top = stack[-1]
        if gap.strip():
            if top is root:
                root.inner_blocks.append(ParsedBlock("core/freeform", {}, gap, []))
            else:
                top.inner_html += gap
        pos = m.end()
        closer, name, attrs_json, void = m.group(1), m.group(2), m.group(3), m.group(4)
        full = name if "/" in name else "core/" + name
        if closer:
            if len(stack) > 1 and stack[-1].name == full:
                stack.pop()
            continue
        attrs = object_or_empty(json.loads(attrs_json)) if attrs_json else {}
        block = ParsedBlock(full, dict(attrs), "", [])
        stack[-1].inner_blocks.append(block)
        if not void:
            stack.append(block)
    tail = content[pos:]
    if tail.strip():
        root.inner_blocks.append(ParsedBlock("core/freeform", {}, tail, []))
    return root.inner_blocks


def walk(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    out: list[ParsedBlock] = []
    for b in blocks:
        out.append(b)
        out.extend(walk(b.inner_blocks))
    return out


_FIRST_OPEN = re.compile(r"<!-- wp:([a-z][a-z0-9_/-]*)( \{.*?\})? (/)?-->", re.S)


def with_attribute(markup: str, key: str, value: str) -> str:
    """``markup`` with one more attribute on its first block's delimiter (the editor keeps
    unknown attributes out of the way; WordPress's search still finds the text)."""
    m = _FIRST_OPEN.search(markup)
    if m is None:
        return markup
    attrs: dict[str, object] = object_or_empty(json.loads(m.group(2))) if m.group(2) else {}
    attrs[key] = value
    void = " /" if m.group(3) else ""
    opener = f"<!-- wp:{m.group(1)}{_attrs_json(attrs)}{void} -->"
    return markup[: m.start()] + opener + markup[m.end() :]
