"""Small, defensive readers for JPEG structure (no pixel decoding).

Used for: the embedded Exif thumbnail (read from the file's first kilobytes, so the photo desk
can show something at once), the Photoshop IRB's IPTC digest (the Metadata Working Group's
check that XMP and IIM are in sync) and the compressed image data (to prove that a metadata
write left it byte-identical). Every function returns ``None``/empty on malformed input rather
than raising: the callers treat missing structure as "not there".
"""

from __future__ import annotations

import functools
import hashlib
import math
import struct
from collections.abc import Iterator
from typing import Any

SOI = b"\xff\xd8"
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def iter_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """``(marker, payload_start, payload_end)`` for each segment up to and including SOS."""
    if not data.startswith(SOI):
        return
    pos = 2
    n = len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:
            return
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > n:
            return
        yield marker, pos + 4, pos + 2 + length
        if marker == 0xDA:  # SOS: entropy-coded data follows
            return
        pos += 2 + length


def sos_header_end(data: bytes) -> int | None:
    """Offset just past the first SOS segment's header (where scan data starts), or ``None``."""
    for marker, _start, end in iter_segments(data):
        if marker == 0xDA:
            return end
    return None


def metadata_head(data: bytes) -> bytes:
    """A JPEG's bytes up to the end of its first SOS header, closed by EOI: every metadata
    segment and none of the scan data (all exiv2 needs to read metadata, without copying
    megabytes). Anything else (another format, no SOS found) is returned unchanged."""
    end = sos_header_end(data)
    return data[:end] + b"\xff\xd9" if end else data


def image_data_digest(data: bytes) -> str | None:
    """A hash of what decodes to pixels: frame header, tables and the entropy-coded data.

    Metadata segments (APPn, COM) are left out, so a lossless metadata write keeps this hash.
    """
    h = hashlib.sha256()
    last_end = None
    for marker, start, end in iter_segments(data):
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            continue
        h.update(bytes([marker]))
        h.update(data[start:end])
        last_end = end
        if marker == 0xDA:
            h.update(memoryview(data)[end:])  # no 10 MB copy
    return h.hexdigest() if last_end is not None else None


def exif_thumbnail(head: bytes) -> bytes | None:
    """The JPEG thumbnail in Exif IFD1, from the file's first bytes (64 KiB is enough)."""
    for marker, start, end in iter_segments(head):
        if marker == 0xE1 and head[start : start + 6] == b"Exif\x00\x00":
            return _ifd1_thumbnail(head[start + 6 : end])
        if marker == 0xDA:
            break
    return None


def _ifd1_thumbnail(tiff: bytes) -> bytes | None:
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return None
    e = "<" if tiff[:2] == b"II" else ">"
    try:
        (ifd0,) = struct.unpack(e + "I", tiff[4:8])
        (count,) = struct.unpack(e + "H", tiff[ifd0 : ifd0 + 2])
        (ifd1,) = struct.unpack(e + "I", tiff[ifd0 + 2 + 12 * count : ifd0 + 6 + 12 * count])
        if ifd1 == 0:
            return None
        (count,) = struct.unpack(e + "H", tiff[ifd1 : ifd1 + 2])
        offset = length = None
        for i in range(count):
            entry = tiff[ifd1 + 2 + 12 * i : ifd1 + 14 + 12 * i]
            tag, _typ, _n, value = struct.unpack(e + "HHII", entry)
            if tag == 0x0201:
                offset = value
            elif tag == 0x0202:
                length = value
    except struct.error:
        return None
    if offset is None or not length or offset + length > len(tiff):
        return None
    thumb = tiff[offset : offset + length]
    return thumb if thumb.startswith(SOI) else None


def photoshop_resources(data: bytes) -> dict[int, bytes]:
    """Photoshop image resources (8BIM blocks) from the APP13 segments."""
    out: dict[int, bytes] = {}
    for marker, start, end in iter_segments(data):
        if marker != 0xED or data[start : start + 14] != b"Photoshop 3.0\x00":
            continue
        block = data[start + 14 : end]
        pos = 0
        while pos + 12 <= len(block) and block[pos : pos + 4] == b"8BIM":
            (rid,) = struct.unpack(">H", block[pos + 4 : pos + 6])
            name_len = block[pos + 6]
            pos += 7 + name_len
            if (name_len + 1) % 2:
                pos += 1
            if pos + 4 > len(block):
                break
            (size,) = struct.unpack(">I", block[pos : pos + 4])
            pos += 4
            out.setdefault(rid, block[pos : pos + size])
            pos += size + (size % 2)
    return out


def iptc_digest_state(data: bytes) -> str:
    """``"match"``, ``"mismatch"`` or ``"absent"``: the IPTC digest (IRB 0x0425) against the IIM.

    Per the Metadata Working Group, a matching digest means the XMP was written in sync with
    the IIM; a mismatch means a tool unaware of XMP changed the IIM afterwards.
    """
    res = photoshop_resources(data)
    digest = res.get(0x0425)
    iim = res.get(0x0404)
    if not digest or iim is None:
        return "absent"
    return "match" if hashlib.md5(iim).digest() == digest else "mismatch"


def refresh_iptc_digest(data: bytes) -> bytes:
    """``data`` with a stale IPTC digest (IRB 0x0425) replaced by the current IIM's MD5.

    The digest has a fixed size (16 bytes), so this patches bytes in place and never moves a
    segment. Without a digest (or without IIM) ``data`` is returned unchanged.
    """
    res = photoshop_resources(data)
    old = res.get(0x0425)
    iim = res.get(0x0404)
    if not old or len(old) != 16 or iim is None:
        return data
    new = hashlib.md5(iim).digest()
    if new == old:
        return data
    marker = b"8BIM\x04\x25"
    at = data.find(marker)
    while at != -1:
        name_len = data[at + 6]
        pos = at + 7 + name_len + ((name_len + 1) % 2)
        if data[pos + 4 : pos + 20] == old:
            return data[: pos + 4] + new + data[pos + 20 :]
        at = data.find(marker, at + 1)
    return data


XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")


def strip_xmp(data: bytes) -> bytes:
    """``data`` without its XMP packets (APP1 segments), everything else byte for byte.

    Used to read the rest of a file whose XMP a tool wrote badly; never to write.
    """
    out = bytearray()
    last = 0
    for marker, start, end in iter_segments(data):
        if marker == 0xE1 and data[start:end].startswith(XMP_HEADERS):
            out += data[last : start - 4]
            last = end
    out += data[last:]
    return bytes(out)


def draft_size(size: tuple[int, int], largest: int) -> tuple[int, int]:
    """The size an image of ``size`` fits into ``largest`` px at, in its own proportions: what
    to ask of Pillow's ``draft`` (JPEG DCT scaling, 1/2..1/8, decodes to no less). Asking for
    a square refuses 1/2 to a 4:3 phone photo (4032x3024 for 1600 px: 2016x1512 is enough)
    and 1/8 to a 3:2 6-MP photo for a 320 px thumbnail (375x250 is enough)."""
    w, h = size
    k = largest / max(w, h, 1)
    if k >= 1:
        return size
    return max(1, math.ceil(w * k)), max(1, math.ceil(h * k))


def xmp_packets(data: bytes) -> list[tuple[int, int]]:
    """``(segment_start, segment_end)`` of each standard XMP packet (APP1 ``xap/1.0/``),
    marker included; extended XMP segments (``xmp/extension``) are not packets of their own."""
    return [
        (start - 4, end)
        for marker, start, end in iter_segments(data)
        if marker == 0xE1 and data[start:end].startswith(XMP_HEADERS[0])
    ]


def drop_duplicate_xmp(data: bytes) -> tuple[bytes, int]:
    """``data`` with repeated XMP packets removed when they are byte-identical copies of the
    first, and the number of *different* packets (1 or 0: one packet left, nothing to fear).

    Exiv2 reads and writes the first packet, exiftool (and others) let a later one win: with
    two different packets a caption we write is not the one other programs show.
    """
    packets = xmp_packets(data)
    if len(packets) < 2:
        return data, len(packets)
    first = data[packets[0][0] : packets[0][1]]
    if any(data[a:b] != first for a, b in packets[1:]):
        return data, len({data[a:b] for a, b in packets})
    out = bytearray(data[: packets[1][0]])
    for (_a, b), nxt in zip(packets[1:], [*packets[2:], None], strict=False):
        out += data[b : nxt[0] if nxt else len(data)]
    return bytes(out), 1


def draft(im: Any, box: tuple[int, int]) -> None:
    """Decode a JPEG at the smallest DCT scale that still covers ``box`` (never below it).

    Pillow's ``draft`` offers 1/2, 1/4 and 1/8; libjpeg-turbo also decodes at 3/8, asked as a
    scale of 1/3 (it picks the smallest M/8 not below it). A 24-MP 6000x4000 photo for a
    1600-px rendition then decodes to 2250x1500 instead of 3000x2000: the bicubic resize,
    most of a rendition's CPU, reads 44% fewer pixels (50 -> 33 ms; the decode costs 3 ms
    more). The scaled IDCT is itself a band-limited downscale: the rendition is as close to a
    full-resolution Lanczos one as before (``test_renditions``, docs/PERFORMANCE.md). Only
    for sides that are multiples of 8 (camera sensors' are): the decoded image then has the
    original's proportions exactly, so the rendition's size does not change.
    """
    w, h = im.size
    bw, bh = box
    w3, h3 = w * 3 // 8, h * 3 // 8
    pillow_scale = min(w // max(1, bw), h // max(1, bh))  # what draft() would pick (>= 2 here)
    if (
        w % 8 == 0
        and h % 8 == 0
        and w3 >= bw
        and h3 >= bh
        and pillow_scale in (2, 3)
        and len(im.tile) == 1
        and not im.decoderconfig
        and _libjpeg_scales_by_eighths()
    ):
        d, _extent, offset, args = im.tile[0]
        im.tile = [type(im.tile[0])(d, (0, 0, w3, h3), offset, args)]
        im._size = (w3, h3)  # what draft() sets for its own scales
        im.decoderconfig = (3, 0)
        return
    im.draft(im.mode, box)


@functools.cache
def _libjpeg_scales_by_eighths() -> bool:
    from PIL import features

    return bool(features.check_feature("libjpeg_turbo"))
