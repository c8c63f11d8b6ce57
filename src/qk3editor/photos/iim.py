"""IPTC IIM: dataset keys and byte limits, the 1:90 charset marker, decoding and cutting.

Before any IIM dataset we write 1:90 CodedCharacterSet = ESC % G (UTF-8), which pyexiv2 does
not add by itself; a legacy IIM block gains 1:90 and its other non-ASCII datasets are
re-encoded to UTF-8 so the block stays consistent. Text too long for an IIM limit is cut at a
character boundary (never inside a UTF-8 sequence or before a combining mark) and reported as
an :class:`IimCut`.

A legacy block without 1:90 is decoded as UTF-8 when the bytes are valid UTF-8, else as
Windows-1258 (Vietnamese); both are NFC-normalised.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qk3editor.core.i18n import translate
from qk3editor.core.photos import LIST_FIELDS, PhotoMetadata
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.photos.exiv2 import IptcValues, raw_bytes

if TYPE_CHECKING:
    from pyexiv2 import ImageData

UTF8_MARKER = "\x1b%G"
LEGACY_ENCODING = "cp1258"

# field -> (IIM key, byte limit); date_created is handled apart (2:55 + 2:60)
IIM_KEYS: dict[str, tuple[str, int]] = {
    "headline": ("Iptc.Application2.Headline", 256),
    "description": ("Iptc.Application2.Caption", 2000),
    "creator": ("Iptc.Application2.Byline", 32),
    "credit": ("Iptc.Application2.Credit", 32),
    "copyright": ("Iptc.Application2.Copyright", 128),
    "keywords": ("Iptc.Application2.Keywords", 64),
    "sublocation": ("Iptc.Application2.SubLocation", 32),
    "city": ("Iptc.Application2.City", 32),
    "province_state": ("Iptc.Application2.ProvinceState", 32),
    "country": ("Iptc.Application2.CountryName", 64),
    "job_id": ("Iptc.Application2.TransmissionReference", 32),
    "instructions": ("Iptc.Application2.SpecialInstructions", 256),
    "title": ("Iptc.Application2.ObjectName", 64),
}
IIM_DATE = "Iptc.Application2.DateCreated"
IIM_TIME = "Iptc.Application2.TimeCreated"
IIM_CHARSET = "Iptc.Envelope.CharacterSet"


@dataclass(frozen=True)
class IimCut:
    """An IIM dataset that had to be shortened to its byte limit (XMP holds the full text)."""

    field: str
    limit: int
    needed: int
    kept: str

    def message(self) -> str:
        return translate(
            "photos", "IIM {field}: {needed} bytes do not fit in {limit}; cut to “{kept}”"
        ).format(field=self.field, needed=self.needed, limit=self.limit, kept=self.kept)


def cut_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits in ``limit`` bytes.

    Never cuts inside a character, and never leaves a base letter without the combining
    marks that follow it (text is NFC, but decomposed input may still arrive).
    """
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    kept = raw[:limit].decode("utf-8", errors="ignore")
    # the next character would be a combining mark of the last kept letter: drop that letter
    rest = text[len(kept) :]
    while kept and rest and unicodedata.combining(rest[0]):
        rest = kept[-1] + rest
        kept = kept[:-1]
    return kept


def decode_iim(raw: bytes, utf8: bool) -> str:
    """An IIM value: UTF-8 when 1:90 says so, else UTF-8 if valid, else Windows-1258."""
    if utf8:
        return normalize(raw.decode("utf-8", errors="replace"))
    try:
        return normalize(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return normalize(raw.decode(LEGACY_ENCODING, errors="replace"))


def declares_utf8(iptc: Mapping[str, Any]) -> bool:
    """Whether the IIM block (read as Latin-1) carries the 1:90 UTF-8 marker."""
    return raw_bytes(str(iptc.get(IIM_CHARSET, ""))) == UTF8_MARKER.encode()


def from_iim(iptc: IptcValues, utf8: bool) -> dict[str, Any]:
    """The fields an IIM block (read as Latin-1) holds, decoded and NFC."""
    out: dict[str, Any] = {}
    for name, (key, _limit) in IIM_KEYS.items():
        value = iptc.get(key)
        if value is None:
            continue
        if name in LIST_FIELDS:
            values = value if isinstance(value, list) else [value]
            out[name] = [decode_iim(raw_bytes(str(v)), utf8) for v in values]
        else:
            if isinstance(value, list):
                value = value[0] if value else ""
            out[name] = decode_iim(raw_bytes(str(value)), utf8)
    date = str(iptc.get(IIM_DATE, "") or "")
    if date:
        time = str(iptc.get(IIM_TIME, "") or "")
        out["date_created"] = f"{date}T{time}" if time else date
    return out


def write_iim(
    img: ImageData, iptc: IptcValues, md: PhotoMetadata, names: list[str]
) -> list[IimCut]:
    """Write the ``names`` fields of ``md`` as IIM into the pyexiv2 image ``img``."""
    utf8 = declares_utf8(iptc)
    if not utf8:
        # 1:90 first, in its own call, so that it precedes every dataset we write
        img.modify_iptc({IIM_CHARSET: UTF8_MARKER})
        # re-encode what a legacy block holds so the whole block is UTF-8 from now on
        legacy: dict[str, str | list[str] | None] = {}
        for key, value in iptc.items():
            if not key.startswith("Iptc.Application2.") or key in (IIM_DATE, IIM_TIME):
                continue
            values = value if isinstance(value, list) else [value]
            raws = [raw_bytes(str(v)) for v in values]
            if all(r.isascii() for r in raws):
                continue
            decoded = [decode_iim(r, False) for r in raws]
            legacy[key] = decoded if isinstance(value, list) else decoded[0]
        if legacy:
            img.modify_iptc(legacy, encoding="utf-8")
    changes: dict[str, str | list[str] | None] = {}
    cuts: list[IimCut] = []
    for name in names:
        if name == "date_created":
            date, _, time = md.date_created.partition("T")
            changes[IIM_DATE] = date or None
            changes[IIM_TIME] = time or None
            continue
        if name not in IIM_KEYS:
            continue
        key, limit = IIM_KEYS[name]
        given: str | tuple[str, ...] = getattr(md, name)
        if not given:
            changes[key] = None
            continue
        kept_values: list[str] = []
        for v in list(given) if isinstance(given, tuple) else [given]:
            kept = cut_utf8(v, limit)
            if kept != v:
                cuts.append(IimCut(name, limit, len(v.encode("utf-8")), kept))
            kept_values.append(kept)
        changes[key] = kept_values if name in LIST_FIELDS else kept_values[0]
    for key in [k for k, v in changes.items() if v is None]:
        if key in iptc:
            img.modify_iptc({key: None})
    img.modify_iptc({k: v for k, v in changes.items() if v is not None}, encoding="utf-8")
    return cuts
