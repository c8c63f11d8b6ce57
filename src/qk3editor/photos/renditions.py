"""Web renditions for publishing: resized, oriented, sRGB, and stripped of location.

A rendition is a new JPEG made from the pixels (Exif orientation applied, converted to sRGB
from the embedded ICC profile) with no metadata copied over; then only what the portal shows
is written back: headline, caption, alt text, creator, credit, copyright, title, keywords and
date (XMP and IIM). GPS, every location field (Exif, XMP, IIM), maker notes and the embedded
thumbnail therefore never reach it. Each rendition is re-read afterwards; if any location
remains, :class:`LocationLeak` blocks publishing.

Keeping the location is a choice a person makes per photo (:class:`LocationChoice`, recorded
with who and when); only then are City/Province/Country/Sub-location and the GPS block copied.
The location policy (Preferences › Photos, setting ``location_policy``) decides whether such
choices are honoured at all: ``strip`` (the default) removes the location from every web copy,
``per_photo`` keeps it where a person chose to (:func:`location_choice`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.core import budgets
from qk3editor.core.photos import LOCATION_FIELDS, Photo, PhotoMetadata
from qk3editor.photos import heif, jpeg
from qk3editor.photos.errors import PhotoCorrupt, PhotoNotImage, PhotoTooLarge
from qk3editor.photos.exiv2 import EXIV2_LOCK, open_exiv2
from qk3editor.photos.files import atomic_write, os_error, read_bytes
from qk3editor.photos.ingest import DEFAULT_MAX_PIXELS
from qk3editor.photos.metadata import apply_metadata, read_metadata_bytes

if TYPE_CHECKING:
    from PIL.ImageCms import ImageCmsProfile

KEPT_FIELDS = (
    "headline",
    "description",
    "alt_text",
    "creator",
    "credit",
    "copyright",
    "keywords",
    "title",
    "date_created",
)
# The web rendition's resampling filter (issue 14). Bicubic, not Lanczos: the resize is most
# of a rendition's CPU (24 MP, decoded at 1/2: Lanczos 71 ms, bicubic 49 ms of ~100 ms), and
# the two differ far less than the JPEG encode every rendition goes through anyway: Lanczos
# vs bicubic 41-61 dB PSNR, SSIM 0.997-1.000, where Lanczos vs its own quality-85 JPEG is
# 24-42 dB, SSIM 0.96-0.99 (photos with small print, the camera-like and the publish
# benchmark's 24-MP files: benchmarks/rendition_filter.py, docs/PERFORMANCE.md). A test holds
# the margin (test_renditions: the filter differs from Lanczos well below the encode's change).
RESAMPLE = "BICUBIC"

# every key prefix that can tell where a photo was taken (as pyexiv2 names them)
LOCATION_PREFIXES = (
    "Exif.GPSInfo.",
    "Xmp.exif.GPS",
    "Xmp.photoshop.City",
    "Xmp.photoshop.State",
    "Xmp.photoshop.Country",
    "Xmp.iptc.Location",
    "Xmp.iptc.CountryCode",
    "Xmp.iptcExt.LocationCreated",
    "Xmp.iptcExt.LocationShown",
    "Xmp.iptcExt.City",
    "Xmp.iptcExt.ProvinceState",
    "Xmp.iptcExt.CountryName",
    "Xmp.iptcExt.CountryCode",
    "Xmp.iptcExt.Sublocation",
    "Xmp.iptcExt.WorldRegion",
    "Xmp.iptcExt.LocationId",
    "Iptc.Application2.City",
    "Iptc.Application2.SubLocation",
    "Iptc.Application2.ProvinceState",
    "Iptc.Application2.CountryName",
    "Iptc.Application2.CountryCode",
    "Iptc.Application2.LocationCode",
    "Iptc.Application2.LocationName",
)
OTHER_FORBIDDEN = ("Exif.Photo.MakerNote", "Exif.MakerNote.", "Exif.Thumbnail.")


@dataclass(frozen=True)
class RenditionSpec:
    name: str
    max_size: int
    quality: int


DEFAULT_SPECS = (RenditionSpec("web", 1600, 85),)


def specs_from_settings(settings: Any) -> tuple[RenditionSpec, ...]:
    """The web rendition from the app settings (``rendition_long_edge``, ``rendition_quality``).

    ``settings.extra["photo_renditions"]`` may list more: ``[{name, max_size, quality}]``.
    """
    if settings is None:
        return DEFAULT_SPECS
    edge = int(getattr(settings, "rendition_long_edge", 1600) or 1600)
    quality = int(getattr(settings, "rendition_quality", 85) or 85)
    specs = [RenditionSpec("web", max(16, edge), min(100, max(10, quality)))]
    extra: dict[str, Any] = getattr(settings, "extra", None) or {}
    entries: list[dict[str, Any]] = extra.get("photo_renditions", []) or []
    for entry in entries:
        try:
            specs.append(
                RenditionSpec(
                    str(entry["name"]),
                    max(16, int(entry["max_size"])),
                    min(100, max(10, int(entry.get("quality", quality)))),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(specs)


@dataclass(frozen=True)
class LocationChoice:
    """A person chose to publish this photo with its location."""

    keep: bool
    by: str
    at: datetime


LOCATION_POLICIES = ("strip", "per_photo")  # the settings' ``location_policy``; strip first


def location_choice(photo: Photo | None, policy: str) -> LocationChoice | None:
    """The recorded choice to publish ``photo`` with its location, when the policy lets such a
    choice count (``per_photo``); ``None`` (the location is removed) in every other case,
    an unknown policy included."""
    if policy != "per_photo" or photo is None:
        return None
    if not photo.keep_location or photo.keep_location_at is None:
        return None
    return LocationChoice(True, photo.keep_location_by, photo.keep_location_at)


@dataclass(frozen=True)
class RenditionFile:
    path: Path
    spec: RenditionSpec
    width: int
    height: int
    location_kept: bool


def location_keys(data: bytes) -> list[str]:
    """Every metadata key in ``data`` that reveals a location (Exif, XMP, IIM)."""
    with EXIV2_LOCK:
        return _location_keys(data)


def _location_keys(data: bytes) -> list[str]:
    img = open_exiv2(data, "")
    try:
        keys: list[str] = []
        for read in (img.read_exif, img.read_xmp, lambda: img.read_iptc(encoding="latin-1")):
            with contextlib.suppress(RuntimeError, UnicodeError):
                keys.extend(read())
    finally:
        img.close()
    return [k for k in keys if k.startswith(LOCATION_PREFIXES)]


def forbidden_keys(data: bytes) -> list[str]:
    """Maker notes and the embedded thumbnail, which a rendition must not carry."""
    with EXIV2_LOCK:
        return _forbidden_keys(data)


def _forbidden_keys(data: bytes) -> list[str]:
    img = open_exiv2(data, "")
    try:
        with contextlib.suppress(RuntimeError, UnicodeError):
            exif = img.read_exif()
            return [k for k in exif if k.startswith(OTHER_FORBIDDEN)]
        return []
    finally:
        img.close()


def render(
    source: Path,
    out_dir: Path,
    specs: Sequence[RenditionSpec] = DEFAULT_SPECS,
    *,
    metadata: PhotoMetadata | None = None,
    location: LocationChoice | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    stem: str | None = None,
) -> list[RenditionFile]:
    """The web renditions of ``source`` in ``out_dir`` (``<stem>-<spec>.jpg``).

    ``metadata`` is what the renditions carry (the article's caption may differ from the
    file's); by default the file's own. Raises :class:`LocationLeak` if a rendition still
    holds location data that nobody chose to keep.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    results: list[RenditionFile] = []
    for spec, body, width, height, keep in render_bytes(
        source, specs, metadata=metadata, location=location, max_pixels=max_pixels
    ):
        target = out_dir / f"{stem or source.stem}-{spec.name}.jpg"
        if target.exists():
            atomic_write(target, body)
        else:
            _write_new(target, body)
        results.append(RenditionFile(target, spec, width, height, keep))
    return results


def render_bytes(
    source: Path,
    specs: Sequence[RenditionSpec] = DEFAULT_SPECS,
    *,
    metadata: PhotoMetadata | None = None,
    location: LocationChoice | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    data: bytes | None = None,
) -> list[tuple[RenditionSpec, bytes, int, int, bool]]:
    """The renditions in memory: ``(spec, jpeg bytes, width, height, location kept)``.

    Each one has been re-read and checked (:func:`check_rendition`) before it is returned.
    ``data``: the file's bytes when the caller has read them already.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = budgets.MAX_IMAGE_PIXELS  # Pillow's own bomb check, same budget
    if data is None:
        data = read_bytes(source)
    heif.register_for(data)
    # the file's own metadata only when none is given (publishing always gives it)
    md = metadata or read_metadata_bytes(data, str(source)).metadata
    keep = bool(location and location.keep)
    name = str(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
            # the whole file to the decoder in one call, which runs without the interpreter
            # lock: read in 64-KB pieces, a 10-MB original took the lock back 150 times and
            # waited for it behind the other threads each time (issue 14)
            im.decodermaxblock = max(im.decodermaxblock, len(data))
            if im.size[0] * im.size[1] > max_pixels:
                raise PhotoTooLarge(path=name, pixels=im.size[0] * im.size[1], limit=max_pixels)
            if im.format == "JPEG":
                jpeg.draft(im, jpeg.draft_size(im.size, max(s.max_size for s in specs)))
            im.load()
            ImageOps.exif_transpose(im, in_place=True)  # no copy of a 6-MP image when upright
            im = _to_srgb(im)
        except UnidentifiedImageError:
            raise PhotoNotImage(path=name) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoTooLarge(path=name, pixels="?", limit=max_pixels) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoCorrupt(path=name, detail=str(exc)) from None
    kept = KEPT_FIELDS + (LOCATION_FIELDS if keep else ())
    web_md = PhotoMetadata.from_dict({k: v for k, v in md.as_dict().items() if k in kept})
    gps = _gps_block(jpeg.metadata_head(data)) if keep else {}
    results: list[tuple[RenditionSpec, bytes, int, int, bool]] = []
    for n, spec in enumerate(specs):
        # the last (usually the only) rendition shrinks the decoded image itself: a copy of
        # it costs as much CPU as a quarter of the resize
        copy = im if n == len(specs) - 1 else im.copy()
        copy.thumbnail((spec.max_size, spec.max_size), getattr(Image.Resampling, RESAMPLE))
        buf = io.BytesIO()
        copy.save(
            buf,
            "JPEG",
            quality=spec.quality,
            optimize=True,
            progressive=True,
            icc_profile=_srgb_icc(),
        )
        body, _cuts, _ = apply_metadata(buf.getvalue(), web_md, kept, name, force_iim=True)
        if gps:
            body = _with_gps(body, gps)
        check_rendition(body, f"{name} ({spec.name})", keep_location=keep)
        results.append((spec, body, copy.size[0], copy.size[1], keep))
    return results


def check_rendition(data: bytes, path: str, *, keep_location: bool = False) -> None:
    """Re-read a rendition; raise :class:`LocationLeak` if it reveals a location.

    With ``keep_location`` the location is allowed (a person chose it); maker notes and the
    embedded thumbnail never are.
    """
    from qk3editor.photos.errors import LocationLeak

    leaks = [] if keep_location else location_keys(data)
    leaks += forbidden_keys(data)
    if leaks:
        raise LocationLeak(path=path, fields=", ".join(sorted(set(leaks))))


def _write_new(target: Path, body: bytes) -> None:
    try:
        target.write_bytes(b"")  # atomic_write replaces an existing file (its mode is kept)
    except OSError as exc:
        raise os_error(target, exc) from None
    try:
        atomic_write(target, body)
    except BaseException:
        target.unlink(missing_ok=True)  # no empty .jpg left behind by a failed write
        raise


def _to_srgb(im: Any) -> Any:
    from PIL import ImageCms

    icc = im.info.get("icc_profile")
    if icc:
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGB"
            im = ImageCms.profileToProfile(
                im if im.mode in ("RGB", "CMYK") else im.convert("RGB"),
                src,
                _srgb_profile(),
                outputMode=mode,
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            im = im.convert("RGB")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        from PIL import Image

        rgba = im.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))  # transparency onto white, not black
        im = white
    if im.mode != "RGB":
        im = im.convert("RGB")
    im.info.pop("icc_profile", None)
    return im


@functools.cache
def _srgb_profile() -> ImageCmsProfile:
    from PIL import ImageCms

    # Pillow binds ImageCms.core to the C module or, where it failed to load, to a
    # DeferredError, so createProfile's declared return type is Unknown to a checker.
    made = ImageCms.createProfile("sRGB")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    return ImageCms.ImageCmsProfile(made)  # pyright: ignore[reportUnknownArgumentType]


@functools.cache
def _srgb_icc() -> bytes:
    return _srgb_profile().tobytes()


def _gps_block(data: bytes) -> dict[str, Any]:
    with EXIV2_LOCK:
        return _gps_block_locked(data)


def _gps_block_locked(data: bytes) -> dict[str, Any]:
    img = open_exiv2(data, "")
    try:
        with contextlib.suppress(RuntimeError, UnicodeError):
            return {k: v for k, v in img.read_exif().items() if k.startswith("Exif.GPSInfo.")}
        return {}
    finally:
        img.close()


def _with_gps(body: bytes, gps: dict[str, Any]) -> bytes:
    with EXIV2_LOCK:
        return _with_gps_locked(body, gps)


def _with_gps_locked(body: bytes, gps: dict[str, Any]) -> bytes:
    img = open_exiv2(body, "")
    try:
        img.modify_exif(gps)
        return img.get_bytes()
    finally:
        img.close()
