"""Export an article: markdown (front matter), the portal HTML page, and Word (.docx).

The .docx is built from the same sanitised HTML the renderer makes, so headings, emphasis,
lists, figures and captions match the preview.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from qk3editor.core.render import PhotoResolver, RenderInput, no_photos, render_body, render_page

if TYPE_CHECKING:  # python-docx is imported when a .docx is made, not at start-up
    from docx.document import Document
    from docx.text.paragraph import Paragraph

EXPORT_FORMATS = ("md", "html", "docx")


def export_html(article: RenderInput, resolver: PhotoResolver = no_photos) -> str:
    """The portal page (the preview's HTML, with the resolver's image URLs)."""
    return render_page(article, resolver)


class _DocxWriter(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.par: Paragraph | None = None
        self.bold = 0
        self.italic = 0
        self.lists: list[str] = []
        self.in_caption = False
        self.quote = 0

    def _new_par(self, style: str | None = None) -> Paragraph:
        try:
            par = self.doc.add_paragraph(style=style)
        except KeyError:
            par = self.doc.add_paragraph()
        self.par = par
        return par

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.par = self.doc.add_heading(level=min(int(tag[1]), 9))
        elif tag == "p":
            self._new_par("Quote" if self.quote else None)
        elif tag in {"ul", "ol"}:
            self.lists.append(tag)
        elif tag == "li":
            style = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
            if len(self.lists) > 1:
                style += f" {min(len(self.lists), 3)}"
            self._new_par(style)
        elif tag == "blockquote":
            self.quote += 1
        elif tag in {"strong", "b"}:
            self.bold += 1
        elif tag in {"em", "i"}:
            self.italic += 1
        elif tag == "br" and self.par is not None:
            self.par.add_run().add_break()
        elif tag == "img":
            self._image(a.get("src", ""))
        elif tag == "figcaption":
            self._new_par("Caption")
            self.in_caption = True

    def _image(self, src: str) -> None:
        url = urlparse(src)
        if url.scheme != "file":
            return
        path = Path(unquote(url.path))
        if path.is_file():
            from docx.shared import Cm

            self.doc.add_picture(str(path), width=Cm(15))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"strong", "b"}:
            self.bold = max(0, self.bold - 1)
        elif tag in {"em", "i"}:
            self.italic = max(0, self.italic - 1)
        elif tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        elif tag == "figcaption":
            self.in_caption = False
        if tag in {"p", "li", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"}:
            self.par = None

    def handle_data(self, data: str) -> None:
        par = self.par
        if par is None:
            if not data.strip():
                return
            par = self._new_par()
        run = par.add_run(data)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or self.in_caption or None


def export_docx(article: RenderInput, resolver: PhotoResolver = no_photos) -> bytes:
    """The article as a Word document (python-docx)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    doc.core_properties.title = article.title
    doc.add_heading(article.title, level=0)
    if article.category:
        doc.core_properties.category = article.category
    if article.lead.strip():
        doc.add_paragraph().add_run(article.lead.strip()).bold = True
    writer = _DocxWriter(doc)
    writer.feed(render_body(article.body, resolver))
    writer.close()
    if article.byline.strip():
        p = doc.add_paragraph()
        p.add_run(article.byline.strip()).bold = True
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
