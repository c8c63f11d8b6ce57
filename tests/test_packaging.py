"""Issue 15: desktop integration files and ``qk3editor --version``."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "vn.qk3.qk3editor"


def test_appstream_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        if os.environ.get("QK3_REQUIRE_APPSTREAM"):
            pytest.fail("appstreamcli is required (apt-get install appstream)")
        pytest.skip("appstreamcli not installed")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation was successful" in done.stdout


def test_desktop_entry_opens_markdown_and_word_files() -> None:
    entry = configparser.RawConfigParser(strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "qk3editor %f"  # the file goes to gui_arguments
    assert desktop["Icon"] == APP_ID
    mimes = desktop["MimeType"].rstrip(";").split(";")
    assert "text/markdown" in mimes
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in mimes
    assert desktop["Comment[vi]"] and desktop["GenericName[vi]"]
    from qk3editor.app import DESKTOP_ID, gui_arguments

    assert DESKTOP_ID == APP_ID
    for name in ("bài.docx", "/tmp/Tin Mới.md"):
        assert gui_arguments([name]) == {"store": None, "lang": None, "files": name}


def test_icon_set_is_rendered_from_the_svg() -> None:
    assert (ICONS / "qk3editor.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    from PIL import Image

    from qk3editor.ui.startup import ICON_SIZES  # the window's icon names the same files

    rendered = sorted(int(p.name.partition("x")[0]) for p in (ICONS / "hicolor").iterdir())
    assert tuple(rendered) == ICON_SIZES
    for size in ICON_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "qk3editor.png"
        with Image.open(png) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            assert image.getpixel((0, 0))[3] == 0  # transparent corner
            assert image.getpixel((size // 2, size // 2))[3] == 255  # the shield
    ico = (ICONS / "qk3editor.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_version_names_the_build_qt_and_exiv2_in_vietnamese(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qk3editor", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=subprocess_env(QK3EDITOR_HOME=str(tmp_path)),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    from qk3editor import __version__

    assert lines[0] == f"qk3editor {__version__}"
    text = done.stdout
    assert "Bản dựng" in text and "Hệ điều hành" in text
    import pyexiv2
    from PySide6 import QtCore

    assert re.search(rf"^  Qt +{re.escape(QtCore.qVersion())} ", text, re.M), text
    assert re.search(rf"^  exiv2 +{re.escape(pyexiv2.__exiv2_version__)} ", text, re.M), text
    assert "git " in text or "pip" in text
