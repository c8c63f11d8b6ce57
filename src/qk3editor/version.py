"""What ``qk3editor --version`` prints: the version, the build, and the libraries' versions.

The build is ``bundle <describe> (<date>)`` in a PyInstaller bundle (packaging/build.py writes
``BUILD_INFO`` beside the resources), ``git <describe>`` in a source checkout, else ``pip``.
Qt is read only when asked (``--version``): the CLI does not load it otherwise.
"""

from __future__ import annotations

import importlib
import platform
import subprocess
from pathlib import Path

from qk3editor import __version__
from qk3editor.core.i18n import translate
from qk3editor.paths import resources_dir

BUILD_INFO = "BUILD_INFO"


def build() -> str:
    """Where this copy came from: the bundle's build line, the git checkout, or pip."""
    info = resources_dir() / BUILD_INFO
    if info.is_file():
        return info.read_text(encoding="utf-8").strip()
    root = Path(__file__).resolve().parents[2]
    if (root / ".git").exists():
        try:
            out = subprocess.run(
                ["git", "-C", str(root), "describe", "--always", "--dirty", "--tags"],
                capture_output=True,
                text=True,
                timeout=5,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            return f"git {out}"
    return "pip"


def _module_attr(module: str, attr: str) -> str | None:
    try:
        value = getattr(importlib.import_module(module), attr)
    except Exception:  # a missing or broken library is reported, never fatal here
        return None
    return str(value() if callable(value) else value)


def versions() -> list[tuple[str, str]]:
    """(label, value) pairs; labels in the active language."""
    missing = translate("version", "not available")
    qt = _module_attr("PySide6.QtCore", "qVersion")
    pyside = _module_attr("PySide6", "__version__")
    qt_text = f"{qt} (PySide6 {pyside})" if qt else missing
    exiv2 = _module_attr("pyexiv2", "__exiv2_version__")
    pyexiv2 = _module_attr("pyexiv2", "__version__")
    exiv2_text = f"{exiv2} (pyexiv2 {pyexiv2})" if exiv2 else missing
    heif = _module_attr("pillow_heif", "libheif_version")
    return [
        (translate("version", "Version"), __version__),
        (translate("version", "Build"), build()),
        ("Python", platform.python_version()),
        ("Qt", qt_text),
        ("exiv2", exiv2_text),
        ("libheif", heif or missing),
        (translate("version", "System"), platform.platform(terse=True)),
    ]


def version_text() -> str:
    pairs = versions()
    width = max(len(label) for label, _ in pairs)
    lines = [f"qk3editor {__version__}"]
    lines += [f"  {label.ljust(width)}  {value}" for label, value in pairs[1:]]
    return "\n".join(lines)
