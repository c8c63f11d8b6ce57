"""Batch captioning: edit many photos at once, templates with variables, code expansion.

Batch semantics (as in Photo Mechanic's "IPTC Stationery"): a field left empty keeps each
photo's own value; keywords are appended to or replace each photo's keywords. Text fields may
hold template variables, filled per photo:

``{date}`` date created (else date taken) as dd/mm/yyyy · ``{city}`` the photo's city ·
``{creator}`` its creators · ``{filename}`` the file name · ``{seq}`` 1-based position in the
batch (``{seq:03d}`` pads) · ``{credit}`` the photo's credit, else the user's own (Preferences ›
Me, :attr:`BatchEdit.default_credit`). ``{{`` and ``}}`` are literal braces.

The user's credit is also the default credit: a photo captioned (or imported) without a credit
of its own gets it; a credit in the file or in the edit always wins.

Codes (a tab-separated file ``code<TAB>expansion``, ``#`` comments) expand ``=code=`` tokens,
e.g. ``=thai=`` → "Thiếu tướng Nguyễn Thanh Hải, Phó Chính ủy Quân khu"; the editor expands a
code as soon as its closing ``=`` is typed (:func:`expand_at_cursor`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.json_values import as_object
from qk3editor.core.photos import TEXT_FIELDS, PhotoMetadata
from qk3editor.core.vietnamese.checks import check_text
from qk3editor.core.vietnamese.findings import Finding
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.photos.errors import CodesFileError, TemplateError, TemplateFileError

TEMPLATE_VARIABLES = ("date", "city", "creator", "filename", "seq", "credit")
CODE_RE = re.compile(r"=([^\s=]{1,40})=")


def normalize_caption(text: str) -> str:
    """Caption text as the newsroom stores it: the Vietnamese toolkit's normalisation
    (invisibles removed, NFC, tone-order and Đ repairs), runs of spaces collapsed."""
    text = normalize(text)
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))


def caption_findings(text: str, house_style: str = "old") -> list[Finding]:
    """The Vietnamese checks of the text toolkit on a caption (spelling, tone style, ...)."""
    return check_text(normalize(text), house_style)


@dataclass(frozen=True)
class BatchEdit:
    """What the batch panel holds. An empty value keeps each photo's own."""

    values: Mapping[str, str]  # field -> text (may hold template variables)
    creator: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    keywords_mode: str = "append"  # append | replace
    # the user's credit (Preferences › Me): given to a photo that has none, and ``{credit}``
    default_credit: str = ""

    def __post_init__(self) -> None:
        for name in self.values:
            if name not in TEXT_FIELDS:
                raise ValueError(f"not an editable field: {name}")
        if self.keywords_mode not in ("append", "replace"):
            raise ValueError(self.keywords_mode)
        for text in self.values.values():
            check_template(text)

    def touched(self) -> list[str]:
        """The fields this edit changes (what to write)."""
        out = [k for k, v in self.values.items() if v.strip()]
        if self.creator:
            out.append("creator")
        if self.keywords:  # apply_batch changes keywords only when some are given
            out.append("keywords")
        if self.default_credit.strip() and "credit" not in out:
            out.append("credit")  # a photo without a credit gets the default one
        return out


def split_list(text: str) -> tuple[str, ...]:
    """A typed list (keywords, creators, tags): items separated by commas, the app's one
    list separator; a semicolon (the old photo-desk separator) is read as one too."""
    return tuple(item.strip() for item in re.split(r"[,;]", text) if item.strip())


def check_template(text: str) -> None:
    """Raise :class:`TemplateError` for an unknown ``{variable}``."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise TemplateError(name=text) from None
    for _literal, name, _spec, _conv in parsed:
        if name is not None and name not in TEMPLATE_VARIABLES:
            raise TemplateError(name=name)


def template_vars(
    md: PhotoMetadata, filename: str, seq: int, date_taken: str = "", default_credit: str = ""
) -> dict[str, Any]:
    return {
        "date": _vn_date(md.date_created or date_taken),
        "city": md.city,
        "creator": ", ".join(md.creator),
        "filename": filename,
        "seq": seq,
        "credit": md.credit or normalize_caption(default_credit),
    }


def _vn_date(iso: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else ""


def fill(text: str, variables: Mapping[str, Any]) -> str:
    check_template(text)
    return text.format(**variables)


def apply_batch(
    current: PhotoMetadata,
    edit: BatchEdit,
    *,
    filename: str,
    seq: int,
    date_taken: str = "",
    codes: Mapping[str, str] | None = None,
) -> PhotoMetadata:
    """``current`` with ``edit`` applied: templates filled for this photo, codes expanded."""
    own = _with_own_values(current, edit)
    variables = template_vars(own, filename, seq, date_taken, edit.default_credit)
    changes: dict[str, Any] = {}
    for name, text in edit.values.items():
        if not text.strip():
            continue  # empty keeps the photo's own value
        value = fill(text, variables)
        if codes:
            value = expand_codes(value, codes)
        changes[name] = normalize_caption(value)
    if edit.creator:
        changes["creator"] = tuple(normalize_caption(c) for c in edit.creator if c.strip())
    if edit.keywords:
        new = [normalize_caption(k) for k in edit.keywords if k.strip()]
        base = list(current.keywords) if edit.keywords_mode == "append" else []
        changes["keywords"] = tuple(base + [k for k in new if k not in base])
    if not changes.get("credit") and not current.credit and edit.default_credit.strip():
        changes["credit"] = normalize_caption(edit.default_credit)
    return replace(current, **changes).normalized()


def _with_own_values(current: PhotoMetadata, edit: BatchEdit) -> PhotoMetadata:
    """``current`` with the edit's plain values (no variables in them) and creators: a
    template that sets the city fills its own ``{city}``, one that sets the creator its
    ``{creator}``."""
    plain = {
        name: normalize_caption(text)
        for name, text in edit.values.items()
        if text.strip() and "{" not in text and name in ("city", "date_created", "credit")
    }
    if edit.creator:
        plain_creator = tuple(normalize_caption(c) for c in edit.creator if c.strip())
        return replace(current, **plain, creator=plain_creator)
    return replace(current, **plain)


def apply_to_many(
    photos: Sequence[tuple[PhotoMetadata, str, str]],
    edit: BatchEdit,
    codes: Mapping[str, str] | None = None,
) -> list[PhotoMetadata]:
    """``photos`` = ``(metadata, filename, date_taken)`` in batch order; ``{seq}`` from 1."""
    return [
        apply_batch(md, edit, filename=fn, seq=i, date_taken=dt, codes=codes)
        for i, (md, fn, dt) in enumerate(photos, 1)
    ]


# --------------------------------------------------------------------------- template files


def load_template(path: Path) -> BatchEdit:
    """A caption template file: YAML mapping of fields to text (variables allowed), e.g.::

    description: "{city}, {date}: =thai= thăm bộ đội"
    credit: Báo Quân khu 3
    keywords: [Quân khu 3, diễn tập]
    keywords_mode: append        # or replace
    """
    import yaml

    from qk3editor.core import budgets
    from qk3editor.core.markdown_io import load_yaml

    try:
        raw = budgets.read_limited(path, budgets.MAX_FRONT_MATTER_BYTES)
        data = load_yaml(raw.decode("utf-8-sig"), str(path), front_matter=False)
    except OSError as exc:
        raise TemplateFileError(path=str(path), detail=exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateFileError(path=str(path), detail=type(exc).__name__) from None
    mapping = as_object(data)
    if mapping is None:
        raise TemplateFileError(
            path=str(path), detail=QT_TRANSLATE_NOOP("errors", "mapping expected")
        )
    return edit_from_mapping(mapping, str(path))


def edit_from_mapping(data: Mapping[str, Any], source: str = "") -> BatchEdit:
    data = dict(data)
    if "caption" in data and "description" not in data:
        data["description"] = data.pop("caption")
    unknown = set(data) - set(TEXT_FIELDS) - {"creator", "keywords", "keywords_mode"}
    if unknown:
        raise TemplateFileError(path=source, detail=", ".join(sorted(map(str, unknown))))
    values = {k: normalize(str(v)) for k, v in data.items() if k in TEXT_FIELDS and v is not None}

    def as_list(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return split_list(normalize(value))
        return tuple(normalize(str(v)) for v in value)

    mode = str(data.get("keywords_mode", "append"))
    if mode not in ("append", "replace"):
        raise TemplateFileError(path=source, detail=f"keywords_mode: {mode}")
    return BatchEdit(
        values=values,
        creator=as_list(data.get("creator")),
        keywords=as_list(data.get("keywords")),
        keywords_mode=mode,
    )


# --------------------------------------------------------------------------- codes


def load_codes(path: Path) -> dict[str, str]:
    """Codes from a TSV file: ``code<TAB>expansion`` (``=code=`` or ``code``), ``#`` comments."""
    from qk3editor.core import budgets

    try:
        text = budgets.read_limited(path, budgets.MAX_TEXT_FILE_BYTES).decode("utf-8-sig")
    except OSError as exc:
        raise CodesFileError(path=str(path), line=0, detail=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise CodesFileError(
            path=str(path), line=0, detail=QT_TRANSLATE_NOOP("errors", "not UTF-8")
        ) from None
    return parse_codes(text, str(path))


def parse_codes(text: str, source: str = "") -> dict[str, str]:
    codes: dict[str, str] = {}
    for number, line in enumerate(normalize(text).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            raise CodesFileError(
                path=source,
                line=number,
                detail=QT_TRANSLATE_NOOP("errors", "no tab between code and text"),
            )
        code, expansion = line.split("\t", 1)
        code = code.strip().strip("=")
        if not code or re.search(r"[\s=]", code):
            raise CodesFileError(path=source, line=number, detail=f"bad code {code!r}")
        codes[code] = expansion.strip()
    return codes


def expand_codes(text: str, codes: Mapping[str, str]) -> str:
    """Every known ``=code=`` in ``text`` replaced; unknown ones are left as typed."""
    return CODE_RE.sub(lambda m: codes.get(m.group(1), m.group(0)), text)


def expand_at_cursor(text: str, cursor: int, codes: Mapping[str, str]) -> tuple[str, int]:
    """Expand the code that ends at ``cursor`` (just typed its closing ``=``).

    Returns the new text and cursor; unchanged when no known code ends there.
    """
    if cursor < 3 or text[cursor - 1] != "=":
        return text, cursor
    start = text.rfind("=", 0, cursor - 1)
    if start < 0:
        return text, cursor
    code = text[start + 1 : cursor - 1]
    if code not in codes:
        return text, cursor
    expansion = codes[code]
    return text[:start] + expansion + text[cursor:], start + len(expansion)
