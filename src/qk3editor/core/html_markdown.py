"""HTML → markdown for imports: what Word (through mammoth), editors and web pages produce.

Block kinds the importers use beyond plain markdown: a Word "Title" paragraph (``doc-title``)
and "Subtitle" (``doc-lead``) become the article's title and lead, a "Caption" paragraph right
after an image becomes that image's caption.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "tr"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
MAX_LIST_INDENT = 16  # deeper lists keep this indent (the renderer shows 32 levels at most)
# a "<" that opens a complete tag, comment opener, declaration or processing instruction; the
# lookahead stops at the next "<" or ">", so all of them together scan the text once
_TAG_START = re.compile(r"<(?!/?[A-Za-z][^<>]*>|!--|![^<>]*>|\?[^<>]*>)")


def _escape_stray_lt(source: str) -> str:
    """``source`` with every ``<`` that does not open a complete tag written as ``&lt;``, and
    comments without an end removed.

    Python's ``HTMLParser`` re-scans the rest of the text from every ``<`` that does not open a
    complete tag (``"<a " * 40000`` took minutes, ``"<!--" * N`` too); after this it finds
    every tag whole and reads the text in one pass."""
    source = _TAG_START.sub("&lt;", source)
    if "<!--" not in source:
        return source
    out: list[str] = []
    pos = 0
    while True:
        start = source.find("<!--", pos)
        if start < 0:
            out.append(source[pos:])
            break
        end = source.find("-->", start + 4)
        out.append(source[pos:start])
        if end < 0:  # no comment ends after this one: the rest is text
            out.append(source[start:].replace("<", "&lt;"))
            break
        pos = end + 3
    return "".join(out)


class _MarkdownWriter(HTMLParser):
    """A small HTML → markdown converter for what Word, mammoth and web pages produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (kind, markdown)
        self._buf: list[str] = []
        self._kind = "p"
        self._lists: list[list[int | str]] = []  # [type, counter]
        self._quote = 0
        self._skip = 0
        self._href: list[str | None] = []
        self._pre = False
        self.doc_title = ""
        self.doc_lead = ""

    # block handling
    def _flush(self) -> None:
        text = "".join(self._buf)
        self._buf = []
        if self._pre:
            content = text.strip("\n")
        else:
            content = re.sub(r"[ \t\n]+", " ", text).strip()
        if not content:
            return
        self.blocks.append((self._kind, content))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        cls = a.get("class", "")
        if tag in _BLOCK or tag in {"ul", "ol", "div", "figure", "table"}:
            self._flush()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._kind = "title" if "doc-title" in cls else tag
        elif tag == "p":
            self._kind = "caption" if "caption" in cls else "lead" if "doc-lead" in cls else "p"
        elif tag == "figcaption":
            self._kind = "caption"
        elif tag in {"ul", "ol"}:
            self._lists.append([tag, 0])
        elif tag == "li":
            self._kind = "li"
            if self._lists:
                self._lists[-1][1] = int(self._lists[-1][1]) + 1
            self._buf.append(self._list_prefix())
        elif tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._kind, self._pre = "pre", True
        elif tag in {"strong", "b"}:
            self._buf.append("**")
        elif tag in {"em", "i"}:
            self._buf.append("*")
        elif tag == "code" and not self._pre:
            self._buf.append("`")
        elif tag == "br":
            self._buf.append("  \n" if not self._pre else "\n")
        elif tag == "a":
            self._href.append(a.get("href") or None)
            self._buf.append("[")
        elif tag == "img":
            alt = a.get("alt", "").replace("]", "")
            self._flush_inline_image(alt, a.get("src", ""))
        elif tag in {"td", "th"}:
            self._buf.append(" ")

    def _flush_inline_image(self, alt: str, src: str) -> None:
        self._flush()
        self.blocks.append(("img", f"![{alt}]({src})"))

    def _list_prefix(self) -> str:
        if not self._lists:
            return "- "
        depth = min(len(self._lists) - 1, MAX_LIST_INDENT)  # deeper: quadratic text
        kind, n = self._lists[-1]
        marker = f"{n}. " if kind == "ol" else "- "
        return "    " * depth + "\x00" + marker  # \x00 keeps the indent through whitespace folding

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in {"strong", "b"}:
            self._buf.append("**")
        elif tag in {"em", "i"}:
            self._buf.append("*")
        elif tag == "code" and not self._pre:
            self._buf.append("`")
        elif tag == "a":
            href = self._href.pop() if self._href else None
            self._buf.append(f"]({href})" if href else "]")
        if tag in _BLOCK or tag in {"ul", "ol", "div", "figure", "table"}:
            kind = self._kind
            self._flush_with_quote(kind)
            self._kind = "p"
        if tag in {"ul", "ol"} and self._lists:
            self._lists.pop()
        elif tag == "blockquote":
            self._quote = max(0, self._quote - 1)
        elif tag == "pre":
            self._pre = False

    def _flush_with_quote(self, kind: str) -> None:
        before = len(self.blocks)
        self._flush()
        if self._quote and len(self.blocks) > before:
            k, text = self.blocks[-1]
            self.blocks[-1] = (k, "> " + text)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._pre:
            data = re.sub(r"([\\`*_\[\]])", r"\\\1", data)
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_markdown(source: str) -> tuple[str, str, str, list[tuple[int, str]]]:
    """(title, lead, markdown body, [(image index in body, caption)]) of an HTML document.

    The title is a Word "Title" paragraph or the first level-1 heading; the lead a "Subtitle".
    A caption paragraph right after an image becomes that image's caption.
    """
    w = _MarkdownWriter()
    w.feed(_escape_stray_lt(source))
    w.close()
    title = lead = ""
    out: list[str] = []
    captions: list[tuple[int, str]] = []
    pending_img: int | None = None
    image_count = 0
    for kind, text in w.blocks:
        if kind == "title" and not title:
            title = _unescape_md(text)
            continue
        if kind == "h1" and not title and not out:
            title = _unescape_md(text)
            continue
        if kind == "lead" and not lead:
            lead = _unescape_md(text)
            continue
        if kind == "img":
            pending_img = len(out)
            out.append(text)
            image_count += 1
            continue
        if kind == "caption" and pending_img is not None:
            caption = _unescape_md(text).replace("]", "")
            out[pending_img] = re.sub(r"^!\[[^\]]*\]", f"![{caption}]", out[pending_img])
            captions.append((image_count - 1, caption))
            pending_img = None
            continue
        pending_img = None
        if kind.startswith("h") and kind[1:].isdigit():
            out.append("#" * int(kind[1:]) + " " + text)
        elif kind == "pre":
            out.append("```\n" + text + "\n```")
        else:
            out.append(text.replace("\x00", ""))
    body = _join_blocks(out, [k for k, _ in w.blocks])
    return title, lead, body, captions


def _join_blocks(blocks: list[str], _kinds: list[str]) -> str:
    """Blocks separated by a blank line, except consecutive list items (one list)."""
    lines: list[str] = []
    prev: str | None = None
    for b in blocks:
        m = re.match(r"^( {4})*(- |\d+\. )", b)
        # the kind of a top-level item: "-" or "1"; a nested item belongs to the list above
        item = None
        if m:
            item = "nested" if m.group(1) else ("-" if m.group(2) == "- " else "1")
        same_list = item is not None and prev is not None and (item == "nested" or item == prev)
        if lines:
            lines.append("\n" if same_list else "\n\n")
        lines.append(b)
        if item != "nested":
            prev = item
    text = "".join(lines)
    return text + "\n" if text else ""


def _unescape_md(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]])", r"\1", text).replace("**", "").strip()
