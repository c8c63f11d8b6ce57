"""Camera-like test JPEGs for the photo benchmarks (generated, never downloaded)."""

from __future__ import annotations

import io
import random
from pathlib import Path

FULL_SIZE = (6000, 4000)  # 24 megapixels
QUICK_SIZE = (3000, 2000)


def base_images(size: tuple[int, int], count: int, seed: int = 1) -> list[bytes]:
    """``count`` distinct camera-like JPEGs: smooth gradients + sensor-like noise, q=92."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    out = []
    for _ in range(count):
        w, h = size
        small = Image.effect_noise((w // 50, h // 50), 60).convert("RGB")
        tint = Image.new("RGB", small.size, tuple(rng.randrange(40, 220) for _ in range(3)))
        scene = Image.blend(small, tint, 0.6).resize(size, Image.Resampling.BILINEAR)
        scene = scene.filter(ImageFilter.GaussianBlur(2))
        noise = Image.effect_noise(size, 40).convert("RGB")
        photo = Image.blend(scene, noise, 0.22)
        buf = io.BytesIO()
        photo.save(buf, "JPEG", quality=92, subsampling=0)
        out.append(buf.getvalue())
    return out


_SCENES: dict[tuple[int, int, int], object] = {}


def _scene(size: tuple[int, int], variant: int) -> object:
    """A decoded base scene, made once per worker process."""
    from PIL import Image

    key = (size[0], size[1], variant)
    if key not in _SCENES:
        _SCENES[key] = Image.open(io.BytesIO(base_images(size, 1, seed=variant + 1)[0])).convert(
            "RGB"
        )
    return _SCENES[key]


def _make_one(args: tuple[str, int, tuple[int, int], int]) -> str:
    """One camera file with its own pixels (a unique patch), Exif, IIM, and for half of them
    an embedded Exif thumbnail."""
    import pyexiv2
    from PIL import Image

    path, i, size, variants = args
    scene = _scene(size, i % variants)
    im = scene.copy()  # type: ignore[attr-defined]
    patch = Image.effect_noise((256, 256), 30 + i % 50).convert("RGB")
    im.paste(patch, ((i * 97) % (size[0] - 256), (i * 53) % (size[1] - 256)))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92, subsampling=0)
    img = pyexiv2.ImageData(buf.getvalue())
    try:
        img.modify_exif(
            {
                "Exif.Image.Make": "Canon",
                "Exif.Image.Model": "EOS 5D Mark IV",
                "Exif.Photo.DateTimeOriginal": f"2026:11:20 08:{i // 60:02d}:{i % 60:02d}",
                "Exif.Photo.BodySerialNumber": f"SN{i:06d}",
                "Exif.Image.Orientation": "1",
            }
        )
        if i % 2 == 0:
            thumb = im.resize((160, 107))
            tb = io.BytesIO()
            thumb.save(tb, "JPEG", quality=70)
            img.modify_thumbnail(tb.getvalue())
        img.modify_iptc(
            {"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.Caption": f"Ảnh số {i}"}
        )
        Path(path).write_bytes(img.get_bytes())
    finally:
        img.close()
    return path


def camera_files(folder: Path, n: int, size: tuple[int, int], variants: int = 2) -> list[Path]:
    """``n`` camera-like files, each with its own pixels (made on every core)."""
    import concurrent.futures as cf
    import multiprocessing
    import os

    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(str(folder / f"IMG_{i:04d}.JPG"), i, size, variants) for i in range(n)]
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(os.cpu_count() or 2, mp_context=ctx) as pool:
        return [Path(p) for p in pool.map(_make_one, jobs, chunksize=4)]
