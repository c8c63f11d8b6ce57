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


def test_translations_follow_the_default_house_style() -> None:
    """The UI writes tone marks as the app's default house style says (old: hòa, thủy,
    tòa soạn), so that one window does not say "tòa soạn" and the next "toà soạn"; only the
    strings that show the two styles side by side carry new-style examples."""
    import re
    import xml.etree.ElementTree as ET

    from qk3editor.core.settings import Settings
    from qk3editor.core.vietnamese.tones import convert_word

    style = Settings().tone_style
    examples = {"hoà", "thuỷ", "khoẻ"}  # in "New style (hoà, thuỷ)" and the like
    wrong: list[str] = []
    root = ET.parse(ROOT / "resources/translations/qk3editor_vi.ts").getroot()
    for message in root.iter("message"):
        tr = message.find("translation")
        texts = [] if tr is None else [tr.text or "", *(n.text or "" for n in tr.iter())]
        for text in texts:
            for word in re.findall(r"\w+", text):
                if word.lower() not in examples and convert_word(word, style) != word:
                    wrong.append(f"{word} ({message.findtext('source')})")
    assert not wrong, wrong[:10]
