"""IPTC fields as XMP properties: the key map, reading values and writing changes."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.photos.exiv2 import XmpValues

if TYPE_CHECKING:
    from pyexiv2 import ImageData

XmpValue = str | list[str] | dict[str, str]

X_DEFAULT = 'lang="x-default"'

# field -> (XMP key, kind) ; kind: text | langalt | seq | bag
XMP_KEYS: dict[str, tuple[str, str]] = {
    "headline": ("Xmp.photoshop.Headline", "text"),
    "description": ("Xmp.dc.description", "langalt"),
    "alt_text": ("Xmp.iptc.AltTextAccessibility", "langalt"),
    "creator": ("Xmp.dc.creator", "seq"),
    "credit": ("Xmp.photoshop.Credit", "text"),
    "copyright": ("Xmp.dc.rights", "langalt"),
    "keywords": ("Xmp.dc.subject", "bag"),
    "date_created": ("Xmp.photoshop.DateCreated", "text"),
    "sublocation": ("Xmp.iptc.Location", "text"),
    "city": ("Xmp.photoshop.City", "text"),
    "province_state": ("Xmp.photoshop.State", "text"),
    "country": ("Xmp.photoshop.Country", "text"),
    "job_id": ("Xmp.photoshop.TransmissionReference", "text"),
    "instructions": ("Xmp.photoshop.Instructions", "text"),
    "title": ("Xmp.dc.title", "langalt"),
}


def _xmp_text(value: XmpValue | None) -> str:
    if isinstance(value, dict):
        value = value.get(X_DEFAULT) or next(iter(value.values()), "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return normalize(str(value)) if value is not None else ""


def _xmp_list(xmp: XmpValues, key: str) -> list[str]:
    value = xmp.get(key)
    if isinstance(value, list):
        return [normalize(str(v)) for v in value]
    items: list[str] = []
    i = 1
    while f"{key}[{i}]" in xmp:
        items.append(normalize(str(xmp[f"{key}[{i}]"])))
        i += 1
    if items:
        return items
    if isinstance(value, str) and value and not value.startswith("type="):
        return [normalize(value)]
    return []


def from_xmp(xmp: XmpValues) -> dict[str, Any]:
    """The fields the XMP of a photo holds, NFC."""
    out: dict[str, Any] = {}
    for name, (key, kind) in XMP_KEYS.items():
        if kind in ("seq", "bag"):
            out[name] = _xmp_list(xmp, key)
        elif key in xmp and not str(xmp[key]).startswith("type="):
            out[name] = _xmp_text(xmp[key])
    return out


def _xmp_changes(md: PhotoMetadata, names: list[str]) -> dict[str, XmpValue | None]:
    changes: dict[str, XmpValue | None] = {}
    for name in names:
        key, kind = XMP_KEYS[name]
        value: str | tuple[str, ...] = getattr(md, name)
        if not value:
            changes[key] = None
        elif isinstance(value, tuple):
            changes[key] = list(value)
        elif kind == "langalt":
            changes[key] = {X_DEFAULT: value}
        else:
            changes[key] = value
    return changes


def write_xmp(img: ImageData, md: PhotoMetadata, names: list[str]) -> None:
    """Write the ``names`` fields of ``md`` as XMP into the pyexiv2 image ``img``."""
    xmp_changes = _xmp_changes(md, names)
    for key in [k for k, v in xmp_changes.items() if v is None]:
        with contextlib.suppress(RuntimeError):
            img.modify_xmp({key: None})
    bags = {k: v for k, v in xmp_changes.items() if isinstance(v, list) and k == "Xmp.dc.subject"}

    img.modify_xmp({k: v for k, v in xmp_changes.items() if v is not None and k not in bags})
    for key, values in bags.items():
        # pyexiv2 writes a Python list as rdf:Seq; dc:subject must be an rdf:Bag
        img.modify_xmp({key: 'type="Bag"'})
        img.modify_xmp({f"{key}[{i}]": v for i, v in enumerate(values, 1)})
