"""Build the qk3editor one-folder bundle with PyInstaller.

    python packaging/build.py [--out DIR] [--work DIR]

Result: DIR/qk3editor/ (default dist/qk3editor/) holding the ``qk3editor`` executable (the GUI
with no argument, the CLI otherwise) and ``_internal/`` with Python, Qt (Core, Gui, Widgets and
their plugins), exiv2 (pyexiv2's libraries), pillow-heif, the translations, templates, icons
and the user guide. Copy the folder anywhere; it needs no Python on the machine.

PyInstaller comes from the ``[bundle]`` extra (``pip install -e '.[bundle]'``); when it is not
importable, this script installs it into the running interpreter. Build on the system you ship
to (PyInstaller does not cross-compile): Linux here and in CI; Windows and macOS, see
packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "qk3editor.spec"
PYINSTALLER = "pyinstaller>=6.10"


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print(f"installing {PYINSTALLER} into {sys.executable}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER], check=True)


def describe() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--tags"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def build_info() -> str:
    from qk3editor import __version__  # the source tree's version

    day = datetime.now(UTC).strftime("%Y-%m-%d")
    return f"bundle {__version__} {describe()} ({day}, {platform.system()} {platform.machine()})"


def folder_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the qk3editor one-folder bundle.")
    ap.add_argument("--out", type=Path, default=ROOT / "dist", help="where qk3editor/ goes")
    ap.add_argument("--work", type=Path, help="PyInstaller's work folder (default: a temp one)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if not (ROOT / "docs" / "huong-dan" / "README.md").is_file():
        print("docs/huong-dan/README.md is missing", file=sys.stderr)
        return 1
    ensure_pyinstaller()
    started = time.monotonic()
    out = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="qk3-build-") as tmp:
        info = Path(tmp) / "BUILD_INFO"
        info.write_text(build_info() + "\n", encoding="utf-8")
        work = args.work.resolve() if args.work else Path(tmp) / "work"
        env = dict(os.environ, QK3_BUILD_INFO=str(info))
        cmd = [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(out),
            "--workpath",
            str(work),
            str(SPEC),
        ]
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    bundle = out / "qk3editor"
    exe = bundle / ("qk3editor.exe" if sys.platform == "win32" else "qk3editor")
    if not exe.is_file():
        print(f"no executable at {exe}", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):  # the per-user install beside the executable
        for name in (
            "install-linux.sh",
            "vn.qk3.qk3editor.desktop",
            "vn.qk3.qk3editor.metainfo.xml",
        ):
            shutil.copy2(ROOT / "packaging" / name, bundle / name)
    size = folder_size(bundle)
    print(
        f"bundle: {bundle} ({size / 1e6:.0f} MB, built in {time.monotonic() - started:.0f} s)",
        flush=True,
    )
    if shutil.which("du"):
        subprocess.run(["du", "-sh", str(bundle)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
