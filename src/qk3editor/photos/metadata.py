"""IPTC Photo Metadata the newsroom uses: read and written as XMP and IIM with pyexiv2.

Fields (IPTC Photo Metadata Standard → XMP property / IIM dataset, IIM byte limit):

=================  ==============================  ==============================  =====
field              XMP                             IIM                             bytes
=================  ==============================  ==============================  =====
headline           photoshop:Headline              2:105 Headline                    256
description        dc:description (x-default)      2:120 Caption-Abstract           2000
alt_text           Iptc4xmpCore:AltTextAccess...   (none)                              -
creator            dc:creator (Seq)                2:80 By-line (repeatable)          32
credit             photoshop:Credit                2:110 Credit                       32
copyright          dc:rights (x-default)           2:116 Copyright Notice            128
keywords           dc:subject (Bag: unordered)     2:25 Keywords (repeatable)         64
date_created       photoshop:DateCreated           2:55 Date + 2:60 Time               -
sublocation        Iptc4xmpCore:Location           2:92 Sub-location                  32
city               photoshop:City                  2:90 City                          32
province_state     photoshop:State                 2:95 Province/State                32
country            photoshop:Country               2:101 Country Name                 64
job_id             photoshop:TransmissionReference 2:103 Original Transmission Ref    32
instructions       photoshop:Instructions          2:40 Special Instructions         256
title              dc:title (x-default)            2:05 Object Name                   64
=================  ==============================  ==============================  =====

Writing: XMP always; IIM too when the file already has IIM. Before any IIM dataset we write
1:90 CodedCharacterSet = ESC % G (UTF-8), which pyexiv2 does not add by itself; a legacy
IIM block gains 1:90 and its other non-ASCII datasets are re-encoded to UTF-8 so the block
stays consistent. Text too long for an IIM limit is cut at a character boundary (never inside
a UTF-8 sequence or before a combining mark) and reported as an :class:`IimCut`; XMP keeps the
full text.

Reading (Metadata Working Group guidance 2.0): IIM is decoded as UTF-8 when 1:90 says so; a
legacy block without 1:90 is decoded as UTF-8 when the bytes are valid UTF-8, else as
Windows-1258 (Vietnamese) — both are NFC-normalised. When XMP and IIM disagree: with an IPTC
digest that matches the IIM, or no digest, XMP wins (IIM fills in fields XMP lacks); with a
digest that does not match, a tool unaware of XMP edited the IIM last, so IIM wins.

Writes are lossless and atomic: the file's bytes are edited in memory (pyexiv2 rewrites only
metadata segments; pixels are never decoded or re-encoded), written to a temp file in the same
folder, fsynced, and moved over the original with ``os.replace``. A failed write removes the
temp file and leaves the original untouched.

This module holds the read/write entry points and the XMP/IIM reconciliation; the IIM codec
is in :mod:`qk3editor.photos.iim`, the XMP property map in :mod:`qk3editor.photos.xmp` and
pyexiv2 access in :mod:`qk3editor.photos.exiv2`; import their names from there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from qk3editor.core import budgets
from qk3editor.core.errors import QkError
from qk3editor.core.photos import (
    FIELDS,
    PhotoMetadata,
)
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.photos import heif, jpeg
from qk3editor.photos.errors import (
    DamagedXmp,
    HeicCaptionNotWritten,
    InvalidPhotoDate,
    PhotoCorrupt,
    PhotoWriteFailed,
    XmpPacketsDisagree,
)
from qk3editor.photos.exiv2 import EXIV2_LOCK, ExifValues, IptcValues, open_exiv2, raw_bytes
from qk3editor.photos.files import atomic_write, read_bytes, read_jpeg_head
from qk3editor.photos.iim import (
    IimCut,
    declares_utf8,
    from_iim,
    write_iim,
)
from qk3editor.photos.xmp import from_xmp, write_xmp

_V = TypeVar("_V")


@dataclass(frozen=True)
class PhotoFacts:
    """What a read tells beyond the IPTC fields: Exif facts and where the values came from."""

    metadata: PhotoMetadata
    has_iim: bool = False
    iim_utf8: bool = False
    iptc_digest: str = "absent"
    preferred: str = "xmp"
    date_taken: str = ""
    orientation: int = 1
    gps: bool = False
    make: str = ""
    model: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- reading


def read_metadata(path: Path) -> PhotoFacts:
    """The IPTC fields and Exif facts of the photo at ``path`` (of a JPEG only its metadata
    head is read, not the scan data)."""
    head = read_jpeg_head(path)
    return read_metadata_bytes(head[0] if head else read_bytes(path), str(path))


def read_metadata_bytes(data: bytes, path: str = "") -> PhotoFacts:
    data = jpeg.metadata_head(data)  # outside the lock: exiv2 needs no scan data
    with EXIV2_LOCK:
        return _read_metadata_bytes(data, path)


def _read_metadata_bytes(data: bytes, path: str) -> PhotoFacts:
    warnings: list[str] = []
    try:
        img = open_exiv2(data, path)
    except PhotoCorrupt as exc:
        # a packet of bad XMP makes exiv2 refuse the whole file: read the rest without it
        stripped = jpeg.strip_xmp(data) if "XMP" in str(exc.params.get("detail")) else data
        if stripped == data:
            raise
        img = open_exiv2(stripped, path)
        warnings.append(f"XMP: {str(exc.params.get('detail')).strip()}")
    try:
        xmp = _safe(img.read_xmp, warnings, "XMP")
        iptc = _safe(lambda: img.read_iptc(encoding="latin-1"), warnings, "IIM")
        exif = _safe(lambda: img.read_exif(encoding="latin-1"), warnings, "Exif")
    finally:
        img.close()
    utf8 = declares_utf8(iptc)
    xmp_fields = from_xmp(xmp)
    iim_fields = from_iim(iptc, utf8)
    digest = jpeg.iptc_digest_state(data) if iptc else "absent"
    different = jpeg.drop_duplicate_xmp(data)[1]
    if different > 1:
        warnings.append(f"XMP: {different} different packets; the first one was read")
    preferred = "iim" if digest == "mismatch" else "xmp"
    first, second = (iim_fields, xmp_fields) if preferred == "iim" else (xmp_fields, iim_fields)
    merged = {name: first.get(name) or second.get(name) for name in FIELDS}
    md = PhotoMetadata.from_dict({k: v for k, v in merged.items() if v})
    return PhotoFacts(
        metadata=md,
        has_iim=bool(iptc),
        iim_utf8=utf8,
        iptc_digest=digest,
        preferred=preferred,
        date_taken=_exif_date(exif),
        orientation=_int(exif.get("Exif.Image.Orientation"), 1),
        gps=any(k.startswith("Exif.GPSInfo.") for k in exif)
        or any(k.startswith("Xmp.exif.GPS") for k in xmp),
        make=normalize(_exif_text(exif.get("Exif.Image.Make"))),
        model=normalize(_exif_text(exif.get("Exif.Image.Model"))),
        warnings=tuple(warnings),
    )


def _safe(fn: Callable[[], Mapping[str, _V]], warnings: list[str], what: str) -> dict[str, _V]:
    try:
        return dict(fn())
    except (RuntimeError, UnicodeError, ValueError) as exc:
        warnings.append(f"{what}: {exc}")
        return {}


def _exif_text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    try:
        return raw_bytes(value).decode("utf-8").strip("\x00 ").strip()
    except UnicodeError:
        return value.strip("\x00 ").strip()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).split()[0])
    except (ValueError, IndexError):
        return default


def _exif_date(exif: ExifValues) -> str:
    """Exif DateTimeOriginal (or DateTime) as ISO 8601 ``YYYY-MM-DDTHH:MM:SS``."""
    for key in ("Exif.Photo.DateTimeOriginal", "Exif.Image.DateTime"):
        value = _exif_text(exif.get(key))
        if len(value) >= 19 and value[4] == ":":
            return value[:10].replace(":", "-") + "T" + value[11:19]
    return ""


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class WriteResult:
    path: Path
    cuts: tuple[IimCut, ...] = ()
    wrote_iim: bool = False


def write_metadata(
    path: Path, metadata: PhotoMetadata, only: Iterable[str] | None = None
) -> WriteResult:
    """Write ``metadata`` into the file at ``path`` losslessly and atomically.

    ``only`` limits the write to these fields (default: every field; an empty value removes
    the field). Raises a :class:`PhotoError`; the original is then untouched.
    """
    head = read_jpeg_head(path)
    if head is None and is_heif_file(path):
        # exiv2 cannot write HEIF (BMFF) metadata safely: refuse before touching the file
        raise HeicCaptionNotWritten(path=str(path))
    if head is None:  # not a JPEG (or no scan found early): the whole file goes through exiv2
        data = read_bytes(path)
        new_data, cuts, wrote_iim = apply_metadata(data, metadata, only, str(path))
        atomic_write(path, new_data)
        return WriteResult(path, tuple(cuts), wrote_iim)
    raw_head, stat = head
    out, cuts, wrote_iim = apply_metadata(raw_head + b"\xff\xd9", metadata, only, str(path))
    new_head = out[:-2]
    # the scan data is copied file to file by the kernel: never decoded, never in Python
    atomic_write(path, new_head, tail_from=(len(raw_head), stat))
    return WriteResult(path, tuple(cuts), wrote_iim)


def is_heif_file(path: Path) -> bool:
    try:
        with budgets.open_regular(path, budgets.MAX_IMAGE_FILE_BYTES) as fh:
            return heif.is_heif(fh.read(64))
    except (OSError, QkError):
        return False


def apply_metadata(
    data: bytes,
    metadata: PhotoMetadata,
    only: Iterable[str] | None = None,
    path: str = "",
    *,
    force_iim: bool = False,
) -> tuple[bytes, list[IimCut], bool]:
    """The file's bytes with ``metadata`` written in (nothing touches the disk).

    IIM is written when the file has IIM, or always with ``force_iim`` (web renditions: the
    portal's WordPress reads the caption from IIM).
    """
    with EXIV2_LOCK:
        return _apply_metadata(data, metadata, only, path, force_iim)


def _apply_metadata(
    data: bytes,
    metadata: PhotoMetadata,
    only: Iterable[str] | None,
    path: str,
    force_iim: bool,
) -> tuple[bytes, list[IimCut], bool]:
    if heif.is_heif(data[:64]):
        raise HeicCaptionNotWritten(path=path)
    md = metadata.normalized()
    names = [n for n in FIELDS if only is None or n in set(only)]
    if "date_created" in names:
        md = replace(md, date_created=normalize_date(md.date_created))
    # JPEG: exiv2 only sees the metadata head (up to the end of the SOS header); the
    # entropy-coded image data is spliced back from the original bytes afterwards, so it is
    # byte-identical by construction and megabytes are not copied through exiv2.
    head_end = jpeg.sos_header_end(data)
    if head_end:
        # two different XMP packets: exiv2 would write the first, others read the last
        deduped, different = jpeg.drop_duplicate_xmp(data[:head_end])
        if different > 1:
            raise XmpPacketsDisagree(path=path, count=different)
        if len(deduped) != head_end:
            data, head_end = deduped + data[head_end:], len(deduped)
    work = data[:head_end] + b"\xff\xd9" if head_end else data
    try:
        img = open_exiv2(work, path)
    except PhotoCorrupt as exc:
        detail = str(exc.params.get("detail", "")).strip()
        if "XMP" in detail:  # never drop another tool's (damaged) XMP to write ours
            raise DamagedXmp(path=path, detail=detail) from None
        raise
    try:
        iptc: IptcValues
        try:
            iptc = img.read_iptc(encoding="latin-1")
        except (RuntimeError, UnicodeError):
            iptc = {}
        write_xmp(img, md, names)
        cuts: list[IimCut] = []
        wrote_iim = bool(iptc) or force_iim
        if wrote_iim:
            cuts = write_iim(img, iptc, md, names)
        out = img.get_bytes()
    except RuntimeError as exc:
        raise PhotoWriteFailed(path=path, detail=str(exc)) from None
    finally:
        img.close()
    if head_end:
        new_end = jpeg.sos_header_end(out)
        if not new_end or out[new_end:] != b"\xff\xd9":
            raise PhotoWriteFailed(path=path, detail="unexpected JPEG structure")
        out = out[:new_end] + data[head_end:]
    return jpeg.refresh_iptc_digest(out), cuts, wrote_iim


_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?"
)
_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def normalize_date(value: str) -> str:
    """IPTC Date Created as ISO 8601 (what XMP stores); ``dd/mm/yyyy`` is accepted too.

    Raises :class:`InvalidPhotoDate` for anything else (exiv2 would write a zero date).
    """
    value = value.strip()
    if not value:
        return ""
    m = _VN_DATE.fullmatch(value)
    if m:
        value = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = _ISO_DATE.fullmatch(value)
    if not m:
        raise InvalidPhotoDate(value=value)
    try:
        datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InvalidPhotoDate(value=value) from None
    if m.group(4) is None:
        return value
    hour, minute = int(m.group(4)), int(m.group(5))
    if hour > 23 or minute > 59 or int(m.group(6) or 0) > 59:
        raise InvalidPhotoDate(value=value)
    seconds = m.group(6) or "00"
    tz = "+00:00" if m.group(7) == "Z" else (m.group(7) or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}:{seconds}{tz}"
