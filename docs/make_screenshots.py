"""Screenshots for the docs and the layout check, from the real app (the one harness):

    python docs/make_screenshots.py [--lang vi|en]              # every picture below
    python docs/make_screenshots.py --check [--size 1600x900]   # one JSON line: layout problems

It runs itself on Qt's offscreen platform with one laptop screen (1366×768 unless ``--size``;
docs/screenshot_harness.py) and writes:

- the user guide's pictures (docs/huong-dan/img; docs/guide_screenshots.py);
- the welcome page and each preferences page (docs/img; docs/welcome_screenshots.py);
- the laptop set (docs/img): main-window (with the preview), photo-desk (grid),
  photo-desk-table, publish-dialog, outbox — a sample newsroom with real JPEG files
  (:func:`screenshot_harness.sample_newsroom`), each window sized by the app itself.

``--check`` opens the same windows (and the targets and every preferences page) and prints
the layout problems (tests/ui/test_layout_1366.py runs it at 1366×768 and 1600×900). Run it
again when the interface changes; look at every picture before committing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "docs"))
sys.path.insert(0, str(ROOT))

import screenshot_harness  # noqa: E402  (docs/ is not a package)


def size_of(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "huong-dan" / "img")
    ap.add_argument("--check", action="store_true", help="print the layout problems as JSON")
    ap.add_argument("--size", type=size_of, default=screenshot_harness.LAPTOP, help="WxH")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.child:  # again, on the laptop screen in a fresh home
        argv = [a for a in sys.argv[1:]] + ["--child"]
        return screenshot_harness.on_laptop_screen(__file__, argv, args.size)
    if args.check:
        return screenshot_harness.layout_run(args.lang, True, None)
    os.environ.pop("QK3EDITOR_STORE", None)
    laptop_home = os.environ["QK3EDITOR_HOME"]
    suffix = "" if args.lang == "vi" else f"-{args.lang}"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QK3EDITOR_HOME"] = str(Path(tmp) / "home")
        os.environ["QK3EDITOR_LANG"] = args.lang
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        import guide_screenshots

        args.out.mkdir(parents=True, exist_ok=True)
        for path in guide_screenshots.shoot(args.lang, args.out, Path(tmp)):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QK3EDITOR_HOME"] = str(Path(tmp) / "home")  # an empty store: the welcome
        import welcome_screenshots

        welcome_screenshots.shoot(args.lang, ROOT / "docs" / "img")
    os.environ["QK3EDITOR_HOME"] = laptop_home
    out = ROOT / "docs" / "img"
    return screenshot_harness.layout_run(args.lang, False, out, suffix)


if __name__ == "__main__":
    sys.exit(main())
