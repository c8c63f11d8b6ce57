"""Every row of the shared Vietnamese test vectors (VIETNAMESE.md; copied from vi-vectors)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qk3editor.core.vietnamese import legacy, tones
from qk3editor.core.vietnamese.fold import fold, slugify
from qk3editor.core.vietnamese.normalize import normalize, normalize_report

VECTORS = Path(__file__).parent / "vectors"


def _unescape_literal(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(s[i + 1], s[i : i + 2]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def _unescape_u(s: str) -> str:
    return s.encode("ascii").decode("unicode_escape")


def rows(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


TONE_ROWS = rows("tone_styles.tsv")
NFC_ROWS = rows("nfc.tsv")
FOLD_ROWS = rows("folding.tsv")
SLUG_ROWS = rows("slugs.tsv")


@pytest.mark.parametrize("row", TONE_ROWS, ids=[r["input"] for r in TONE_ROWS])
def test_tone_styles(row: dict[str, str]) -> None:
    word = row["input"]
    assert tones.to_old_style(word) == row["old_style"]
    assert tones.to_new_style(word) == row["new_style"]
    assert tones.word_style(word).value == row["input_is"]
    # Whole-text conversion agrees with the word converter.
    assert tones.convert_text(f"({word}) x", "new") == f"({row['new_style']}) x"


@pytest.mark.parametrize("row", NFC_ROWS, ids=[r["id"] for r in NFC_ROWS])
def test_nfc(row: dict[str, str]) -> None:
    given = _unescape_u(row["input_escaped"])
    expected = _unescape_u(row["expected_escaped"])
    stage = row["stage"]
    if stage.startswith("legacy-"):
        encoding = {"legacy-tcvn3": "tcvn3", "legacy-vni": "vni", "legacy-viqr": "viqr"}[stage]
        match = legacy.detect_legacy(given)
        assert match is not None and match.encoding == encoding
        assert match.converted == expected
        assert legacy.convert(given, encoding) == expected
        # Never converted silently.
        assert legacy.detect_legacy(normalize(given)) is not None
        return
    out, findings = normalize_report(given)
    assert out == expected
    assert normalize(given) == expected
    if stage == "flag" or row["note"].find("flag") >= 0:
        assert findings, "something to flag"
    else:
        assert not findings
    assert legacy.detect_legacy(given) is None


@pytest.mark.parametrize("row", FOLD_ROWS, ids=[r["input_escaped"] for r in FOLD_ROWS])
def test_fold(row: dict[str, str]) -> None:
    given = _unescape_u(row["input_escaped"])
    assert fold(given) == row["fold_lower"]
    assert fold(given, keep_case=True) == row["fold_keepcase"]


@pytest.mark.parametrize("row", SLUG_ROWS, ids=[r["title_escaped"] for r in SLUG_ROWS])
def test_slugs(row: dict[str, str]) -> None:
    title = _unescape_u(row["title_escaped"])
    assert title == _unescape_literal(row["title"])
    assert slugify(title) == row["slug"]
