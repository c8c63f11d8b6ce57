"""Every string has Vietnamese, and the committed .qm files match their .ts sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402


def test_every_message_is_translated() -> None:
    assert i18n.check() == 0


def test_ts_covers_every_string_in_the_sources(tmp_path: Path) -> None:
    ts = tmp_path / "probe_vi.ts"
    subprocess.run(
        [i18n.tool("pyside6-lupdate"), "-locations", "none", *i18n.sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    import xml.etree.ElementTree as ET

    def keys(p: Path) -> set[tuple[str, str]]:
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in ET.parse(p).getroot().iter("context")
            for m in c.iter("message")
        }

    missing = keys(ts) - keys(ROOT / "resources/translations/qk3editor_vi.ts")
    assert not missing, f"run tools/i18n.py update and translate: {sorted(missing)[:10]}"


def test_qm_is_built_from_the_current_ts(tmp_path: Path) -> None:
    src = ROOT / "resources/translations/qk3editor_vi.ts"
    out = tmp_path / "vi.qm"
    subprocess.run(
        [i18n.tool("pyside6-lrelease"), "-silent", str(src), "-qm", str(out)], check=True
    )
    assert out.read_bytes() == (ROOT / "resources/translations/qk3editor_vi.qm").read_bytes(), (
        "run tools/i18n.py build"
    )
