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


def camera_files(folder: Path, n: int, size: tuple[int, int], variants: int = 4) -> list[Path]:
    """``n`` files (unique content: own Exif), half with an embedded Exif thumbnail."""
    import pyexiv2
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    bases = base_images(size, variants)
    thumbs = []
    for b in bases:
        im = Image.open(io.BytesIO(b))
        im.draft("RGB", (160, 120))
        im = im.convert("RGB").resize((160, 107))
        tb = io.BytesIO()
        im.save(tb, "JPEG", quality=70)
        thumbs.append(tb.getvalue())
    files = []
    for i in range(n):
        img = pyexiv2.ImageData(bases[i % variants])
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
            img.modify_thumbnail(thumbs[i % variants])
        img.modify_iptc(
            {"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.Caption": f"Ảnh số {i}"}
        )
        path = folder / f"IMG_{i:04d}.JPG"
        path.write_bytes(img.get_bytes())
        img.close()
        files.append(path)
    return files
