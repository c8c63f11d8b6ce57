"""Real JPEGs made for the photo tests (Pillow pixels, pyexiv2 metadata)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

REFERENCE = Path("/work/shared/reference-images")
if not REFERENCE.is_dir():
    REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference-images"

CAPTION_VI = "Thiếu tướng Nguyễn Thanh Hải, Phó Chính ủy Quân khu 3, thăm bộ đội tại Hải Phòng"


def jpeg_bytes(
    size: tuple[int, int] = (400, 300),
    *,
    color: tuple[int, int, int] = (180, 90, 40),
    exif_thumb: bool = False,
    gps: bool = False,
    orientation: int | None = None,
    iim: dict[str, Any] | None = None,
    xmp: dict[str, Any] | None = None,
    makernote: bool = False,
    date_taken: str | None = None,
) -> bytes:
    """A real JPEG with a gradient (so it compresses like a photo) and the asked metadata."""
    import pyexiv2

    im = Image.new("RGB", size, color)
    im.paste(
        Image.linear_gradient("L").resize(size).convert("RGB"), (0, 0), Image.new("L", size, 80)
    )
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=88)
    data = buf.getvalue()
    exif: dict[str, Any] = {}
    if orientation:
        exif["Exif.Image.Orientation"] = str(orientation)
    if date_taken:
        exif["Exif.Photo.DateTimeOriginal"] = date_taken
    if gps:
        exif.update(
            {
                "Exif.GPSInfo.GPSLatitudeRef": "N",
                "Exif.GPSInfo.GPSLatitude": "20/1 51/1 0/1",
                "Exif.GPSInfo.GPSLongitudeRef": "E",
                "Exif.GPSInfo.GPSLongitude": "106/1 41/1 0/1",
            }
        )
    if makernote:
        exif["Exif.Image.Make"] = "Canon"
        exif["Exif.Photo.MakerNote"] = "1 2 3 4 5 6 7 8"
    if not (exif or exif_thumb or iim or xmp):
        return data
    img = pyexiv2.ImageData(data)
    try:
        if exif:
            img.modify_exif(exif)
        if exif_thumb:
            tb = io.BytesIO()
            im.resize((160, 120)).save(tb, "JPEG", quality=70)
            img.modify_thumbnail(tb.getvalue())
        if iim:
            img.modify_iptc(iim)
        if xmp:
            img.modify_xmp(xmp)
        return img.get_bytes()
    finally:
        img.close()


def exiftool_json(path: Path, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", "-struct", *args, str(path)],
        check=True,
        capture_output=True,
    )
    return json.loads(out.stdout.decode("utf-8"))[0]


# exiftool is the reference the acceptance tests compare with; CI installs it and sets
# QK3_REQUIRE_EXIFTOOL=1, where its absence is a failure rather than a skip.
needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None and os.environ.get("QK3_REQUIRE_EXIFTOOL") != "1",
    reason="exiftool absent (Debian: libimage-exiftool-perl)",
)
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "IPTC-PhotometadataRef-Std2017.1.jpg").is_file(),
    reason="reference images absent",
)
