#!/usr/bin/env python3
"""Translations: the one script that updates the .ts sources and builds the .qm files.

    python tools/i18n.py update   # pyside6-lupdate over src/ (existing translations kept)
    python tools/i18n.py build    # pyside6-lrelease: resources/translations/*.ts -> *.qm
    python tools/i18n.py check    # fail if any message lacks a finished translation
    python tools/i18n.py fill F.json  # set translations: {"source": "dịch"} or
                                      # {"Context|source": "dịch"} (context-specific wins)

Source strings are English; ``qk3editor_vi.ts`` holds the Vietnamese.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "qk3editor"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("vi",)


def tool(name: str) -> str:
    """A PySide6 tool from this interpreter's environment, or from PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / name, Path(sys.executable).parent / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SRC.rglob("*.py"))


def update() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"qk3editor_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *sources(),
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def build() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing: list[tuple[str, str]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            t = message.find("translation")
            forms = [] if t is None else t.findall("numerusform")
            text = (forms[0].text if forms else t.text) if t is not None else None
            if t is None or t.get("type") == "unfinished" or not text:
                missing.append((name, message.findtext("source") or ""))
    return missing


def check() -> int:
    bad = 0
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for ctx, src in unfinished(ts):
            print(f"{ts.name}: {ctx}: {src!r} has no translation")
            bad += 1
    return 1 if bad else 0


def fill(mapping_file: Path, lang: str = "vi") -> int:
    """Write translations from a JSON mapping into the .ts (keeps everything else)."""
    import json

    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    ts = TRANSLATIONS / f"qk3editor_{lang}.ts"
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if text is None:
                continue
            t = message.find("translation")
            if t is None:
                t = ET.SubElement(message, "translation")
            for form in list(t):
                t.remove(form)
            if message.get("numerus") == "yes":
                ET.SubElement(t, "numerusform").text = text
                t.text = None
            else:
                t.text = text
            t.attrib.pop("type", None)
            count += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    print(f"{count} translations written to {ts.name}")
    update()  # back to lupdate's own layout, so that fills and updates make small diffs
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "update":
        update()
    elif cmd == "build":
        build()
    elif cmd == "fill" and len(sys.argv) > 2:
        sys.exit(fill(Path(sys.argv[2])))
    elif cmd == "check":
        sys.exit(check())
    else:
        print(__doc__)
        sys.exit(2)
