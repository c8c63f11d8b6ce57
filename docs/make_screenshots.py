"""Screenshots for the docs, from the real app:

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--lang vi|en] [--out DIR]

The user guide's pictures (docs/huong-dan/img; docs/guide_screenshots.py), then the welcome
page and each preferences page (docs/img; docs/welcome_screenshots.py): a fresh
QK3EDITOR_HOME in a temporary folder, the window at 1366×768, grabbed offscreen. Run it again
when the interface changes; look at every picture before committing.
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "huong-dan" / "img")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("QK3EDITOR_STORE", None)
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

        return welcome_screenshots.shoot(args.lang, ROOT / "docs" / "img")


if __name__ == "__main__":
    sys.exit(main())
