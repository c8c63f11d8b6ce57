"""The preflight counts what a reporter must act on (issue 11, deliverable 3)."""

from __future__ import annotations

import re

import pytest

from qk3editor.core.preflight import PreflightInput, default_text_checker, run_preflight
from qk3editor.core.vietnamese import tones
from tests.conftest import fixture_article_markdown

FRONT = re.compile(r"^---\n(.*?)\n---\n", re.S)


def fixture_fields() -> tuple[str, str, str]:
    text = fixture_article_markdown()
    head = FRONT.match(text)
    assert head is not None
    meta = dict(line.split(": ", 1) for line in head.group(1).splitlines())
    return meta["title"], meta["lead"].strip('"'), text[head.end() :]


@pytest.mark.parametrize("style", [tones.OLD, tones.NEW])
def test_preflight_on_the_fixture_lists_only_words_away_from_the_house_style(style: str) -> None:
    title, lead, body = fixture_fields()
    checker = default_text_checker(style)
    assert checker is not None
    findings = run_preflight(
        PreflightInput(title=title, lead=lead, body=body, featured_photo="x"), None, checker
    )
    fields = {"title": title, "lead": lead, "body": body}
    tone = [f for f in findings if f.code.startswith("tone")]
    other = tones.WordStyle.NEW if style == tones.OLD else tones.WordStyle.OLD
    for f in tone:
        text = fields[f.location.field]
        lines = text.split("\n")
        word = lines[f.location.line][f.location.column : f.location.column + f.location.length]
        assert tones.word_style(word) is other, word
    expected = sum(
        1
        for text in fields.values()
        for w in re.findall(r"\w+", text)
        if tones.word_style(w) is other
    )
    assert len(tone) == expected
    # the report: 15 warnings, words in the house style among them
    assert len(tone) < 15
    assert all("{" not in f.message() for f in findings)
