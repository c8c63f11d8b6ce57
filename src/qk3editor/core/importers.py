"""Import articles from Word (.docx), markdown, plain text and HTML; export .md, .html, .docx.

Word goes through mammoth (headings, bold, italics, lists, images, captions kept) into HTML and
then into our markdown; images come out as bytes with a placeholder photo id
(``qk3photo:import-N``) for the photo library to take over. Text files are decoded as UTF-8,
else Windows-1258/1252; a legacy-font detector (TCVN3/VNI, issue 3's
``qk3editor.core.vietnamese.legacy``) is pluggable and only *reports* — conversion is offered,
never silent.

The HTML → markdown conversion all formats share is in :mod:`qk3editor.core.html_markdown`.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from qk3editor.core import budgets
from qk3editor.core.errors import ImportFormatError
from qk3editor.core.html_markdown import html_to_markdown
from qk3editor.core.vietnamese.normalize import clean_paste

IMPORT_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".html", ".htm")
PLACEHOLDER_PREFIX = "import-"

# Word styles → HTML mammoth writes; Caption/Title/Subtitle are Word's built-in names.
DOCX_STYLE_MAP = """
p[style-name='Title'] => h1.doc-title:fresh
p[style-name='Subtitle'] => p.doc-lead:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='caption'] => p.caption:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""


@dataclass(frozen=True)
class ExtractedImage:
    """An image found in an imported document; ``placeholder`` is the id used in the body."""

    placeholder: str
    data: bytes
    content_type: str
    caption: str = ""

    @property
    def extension(self) -> str:
        return {"image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}.get(
            self.content_type, ".jpg"
        )


@dataclass(frozen=True)
class ImportedDocument:
    title: str = ""
    lead: str = ""
    body: str = ""
    category: str | None = None
    byline: str = ""
    tags: tuple[str, ...] = ()
    images: tuple[ExtractedImage, ...] = ()
    encoding: str = "utf-8"
    legacy_encoding: str | None = None  # "tcvn3", "vni"… when the detector suspects one
    warnings: tuple[str, ...] = field(default_factory=tuple)


LegacyDetector = Callable[[str], "str | None"]


def default_legacy_detector() -> LegacyDetector:
    """The toolkit's TCVN3/VNI/VIQR detector, as the encoding name it suspects (or None)."""
    from qk3editor.core.vietnamese.legacy import detect_legacy

    def detect(text: str) -> str | None:
        found = detect_legacy(text)
        return found.encoding if found else None

    return detect


def legacy_view(data: bytes) -> str:
    """The bytes as a legacy-font (TCVN3/VNI) document shows them: UTF-8 when valid, else
    Windows-1252, nothing cleaned (in TCVN3 the "invisible" soft hyphen is the letter ư)."""
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _legacy_convert(text: str, encoding: str) -> str:
    from qk3editor.core.vietnamese.legacy import convert

    return convert(text, encoding)


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^<>]*>", " ", markup))  # [^<>]: one scan, not one per "<"


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1258/1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in ("cp1258", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def decode_html(data: bytes) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


# -- the formats --------------------------------------------------------------------------------
def check_docx(data: bytes, path: str = "document.docx") -> None:
    """Refuse a .docx over budget from its zip central directory, before inflating anything.

    The directory's sizes bound the reading too: ``zipfile`` (which the Word reader uses) never
    inflates a member past the size its directory entry declares. Raises
    :class:`~qk3editor.core.budgets.DocxTooLarge`, ``DocxTooManyParts`` or ImportFormatError.
    """
    import zipfile

    if len(data) > budgets.MAX_DOCX_FILE_BYTES:
        raise budgets.too_large(path, len(data), budgets.MAX_DOCX_FILE_BYTES)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFormatError(path=path, detail=f"not a Word document ({exc})") from None
    if len(infos) > budgets.MAX_DOCX_MEMBERS:
        raise budgets.DocxTooManyParts(
            path=path,
            size=budgets.human_count(len(infos)),
            limit=budgets.human_count(budgets.MAX_DOCX_MEMBERS),
        )
    total = sum(i.file_size for i in infos)
    xml = sum(i.file_size for i in infos if not i.filename.startswith("word/media/"))
    for size, limit in ((total, budgets.MAX_DOCX_UNCOMPRESSED_BYTES),
                        (xml, budgets.MAX_DOCX_XML_BYTES)):  # fmt: skip
        if size > limit:
            raise budgets.DocxTooLarge(
                path=path,
                size=budgets.human_size(size),
                limit=budgets.human_size(limit),
                size_bytes=size,
                limit_bytes=limit,
            )


def import_docx(
    data: bytes,
    path: str = "document.docx",
    detector: LegacyDetector | None = None,
    convert_legacy: str | None = None,
) -> ImportedDocument:
    """A Word document: headings, bold, italics, lists, images and their captions.

    ``convert_legacy`` ("tcvn3", "vni") reads the text as that legacy font encoding."""
    import mammoth

    check_docx(data, path)
    images: list[tuple[bytes, str]] = []

    def keep_image(image: mammoth.documents.Image) -> dict[str, str]:
        with image.open() as fh:
            images.append((fh.read(), str(image.content_type or "image/jpeg")))
        return {
            "src": f"qk3photo:{PLACEHOLDER_PREFIX}{len(images)}",
            "alt": str(image.alt_text or ""),
        }

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=DOCX_STYLE_MAP,
            convert_image=mammoth.images.img_element(keep_image),
        )
    except Exception as exc:  # mammoth raises many kinds on a damaged file
        raise ImportFormatError(path=path, detail=f"not a Word document ({exc})") from None
    value = str(result.value)
    budgets.check_article_text(_visible_text(value))
    found = None
    if convert_legacy:
        value = _legacy_convert(value, convert_legacy)
    elif detector is not None:
        found = detector(_visible_text(value))
    title, lead, body, captions = html_to_markdown(value)
    caption_of = dict(captions)
    extracted = tuple(
        ExtractedImage(f"{PLACEHOLDER_PREFIX}{i + 1}", blob, ctype, caption_of.get(i, ""))
        for i, (blob, ctype) in enumerate(images)
    )
    warnings = tuple(str(m.message) for m in result.messages)
    return ImportedDocument(
        title=clean_paste(title),
        lead=clean_paste(lead),
        body=clean_paste(body),
        images=extracted,
        encoding="docx",
        legacy_encoding=found or None,
        warnings=warnings,
    )


def import_html(
    data: bytes, detector: LegacyDetector | None = None, convert_legacy: str | None = None
) -> ImportedDocument:
    raw = legacy_view(data) if detector is not None or convert_legacy else ""
    if convert_legacy:
        text, encoding = _legacy_convert(raw, convert_legacy), convert_legacy
    else:
        text, encoding = decode_html(data)
    budgets.check_article_text(text)  # markup included: what the converter has to walk
    title, lead, body, _captions = html_to_markdown(text)
    if not title:
        title = _html_title(text)
    doc = ImportedDocument(
        title=clean_paste(title), lead=clean_paste(lead), body=clean_paste(body), encoding=encoding
    )
    return doc if convert_legacy else _with_legacy(doc, detector, _visible_text(raw))


def _html_title(text: str) -> str:
    """The first ``<title>``'s text: one search each way (a regex retried from every
    ``<title`` of a document without ``</title>`` is quadratic)."""
    lower = text.lower()
    start = lower.find("<title")
    if start < 0:
        return ""
    open_end = lower.find(">", start)
    close = lower.find("</title>", open_end) if open_end >= 0 else -1
    if close < 0:
        return ""
    return html.unescape(text[open_end + 1 : close]).strip()


def import_text(data: bytes, markdown: bool, detector: LegacyDetector | None = None,
                fallback_title: str = "", convert_legacy: str | None = None,
                ) -> ImportedDocument:  # fmt: skip
    """A markdown file (front matter optional) or plain text (first line is the title)."""
    raw = legacy_view(data) if detector is not None or convert_legacy else ""
    if convert_legacy:
        text, encoding = _legacy_convert(raw, convert_legacy), convert_legacy
    else:
        text, encoding = decode_text(data)
    if markdown:
        from qk3editor.core.markdown_io import parse_markdown

        f = parse_markdown(text, fallback_title=fallback_title)  # cleans the text itself
        doc = ImportedDocument(
            title=f.title or "",
            lead=f.lead or "",
            body=f.body or "",
            category=f.category,
            byline=f.byline or "",
            tags=tuple(f.tags or ()),
            encoding=encoding,
        )
    else:
        budgets.check_article_text(text)
        text = clean_paste(text)
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        title = paras[0].split("\n")[0].strip() if paras else fallback_title
        rest = paras[1:] if paras else []
        body = "\n\n".join(re.sub(r"([\\`*_\[\]#>])", r"\\\1", p) for p in rest)
        doc = ImportedDocument(title=title, body=body + "\n" if body else "", encoding=encoding)
    return doc if convert_legacy else _with_legacy(doc, detector, raw)


def _with_legacy(
    doc: ImportedDocument, detector: LegacyDetector | None, raw: str = ""
) -> ImportedDocument:
    """``doc`` with the legacy encoding the detector suspects in ``raw`` (the uncleaned text:
    cleaning removes TCVN3's ư, a soft hyphen), if any."""
    if detector is None:
        return doc
    found = detector(raw or doc.title + "\n" + doc.lead + "\n" + doc.body)
    if found and raw and doc.encoding in ("cp1258", "windows-1258"):
        # a real Windows-1258 document: keep the suspicion only if the legacy reading is
        # markedly more Vietnamese than the Windows-1258 one
        from qk3editor.core.vietnamese.legacy import syllable_ratio

        decoded = doc.title + "\n" + doc.lead + "\n" + doc.body
        if syllable_ratio(_legacy_convert(raw, found)) < syllable_ratio(decoded) + 0.2:
            found = None
    return replace(doc, legacy_encoding=found) if found else doc


def import_file(
    path: Path, detector: LegacyDetector | None = None, convert_legacy: str | None = None
) -> ImportedDocument:
    """The article in ``path`` (.docx, .md, .markdown, .txt, .html, .htm).

    ``detector`` reports a suspected legacy font encoding in ``legacy_encoding``;
    ``convert_legacy`` ("tcvn3", "vni", "viqr") converts from it, when the user said so."""
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise ImportFormatError(path=str(path), detail=f"unsupported file type {suffix}")
    limit = budgets.MAX_DOCX_FILE_BYTES if suffix == ".docx" else budgets.MAX_TEXT_FILE_BYTES
    try:
        data = budgets.read_limited(path, limit)
    except OSError as exc:
        raise ImportFormatError(path=str(path), detail=exc.strerror or str(exc)) from None
    if suffix == ".docx":
        doc = import_docx(data, str(path), detector, convert_legacy)
        return doc if doc.title else replace(doc, title=clean_paste(path.stem))
    if suffix in (".html", ".htm"):
        return import_html(data, detector, convert_legacy)
    return import_text(
        data, suffix != ".txt", detector, fallback_title=clean_paste(path.stem),
        convert_legacy=convert_legacy,
    )  # fmt: skip
