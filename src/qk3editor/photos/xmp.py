"""IPTC fields as XMP properties: the key map, reading values and writing changes."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.vietnamese.normalize import normalize

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


def _xmp_text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get(X_DEFAULT) or next(iter(value.values()), "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return normalize(str(value)) if value is not None else ""


def _xmp_list(xmp: Mapping[str, Any], key: str) -> list[str]:
    value = xmp.get(key)
    if isinstance(value, list):
        return [normalize(str(v)) for v in value]
    items = []
    i = 1
    while f"{key}[{i}]" in xmp:
        items.append(normalize(str(xmp[f"{key}[{i}]"])))
        i += 1
    if items:
        return items
    if isinstance(value, str) and value and not value.startswith("type="):
        return [normalize(value)]
    return []


def from_xmp(xmp: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the XMP of a photo holds, NFC."""
    out: dict[str, Any] = {}
    for name, (key, kind) in XMP_KEYS.items():
        if kind in ("seq", "bag"):
            out[name] = _xmp_list(xmp, key)
        elif key in xmp and not str(xmp[key]).startswith("type="):
            out[name] = _xmp_text(xmp[key])
    return out


def _xmp_changes(md: PhotoMetadata, names: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in names:
        key, kind = XMP_KEYS[name]
        value = getattr(md, name)
        if not value:
            changes[key] = None
        elif kind == "langalt":
            changes[key] = {X_DEFAULT: value}
        elif kind in ("seq", "bag"):
            changes[key] = list(value)
        else:
            changes[key] = value
    return changes


def write_xmp(img: Any, md: PhotoMetadata, names: list[str]) -> None:
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
