"""search, check and text: real processes on a real store (one subprocess per command kind)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qk3editor.cli import main
from tests.conftest import subprocess_env


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=input,
        env=subprocess_env(),
        timeout=120,
    )


def test_search_check_and_text_tools(home: Path, fixture_md: Path) -> None:
    article_id = run("import", str(fixture_md)).stdout.strip()
    for query in ("dan van", "DANG UY", "Đức Việt", "chinh uy"):
        out = run("search", query, "--json")
        assert out.returncode == 0, out.stderr
        assert [h["id"] for h in json.loads(out.stdout)] == [article_id]
    for query in ('"', "(", "NEAR("):
        out = run("search", query, "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == []

    out = run("check", article_id, "--json")
    assert out.returncode == 0, out.stderr
    findings = json.loads(out.stdout)
    codes = [f["code"] for f in findings]
    # house style old: the six "uỷ" only (issue 11: old-style words are no finding)
    assert codes.count("tone.mixed") == 6
    assert all(f["suggestions"] == ["ủy"] for f in findings if f["code"] == "tone.mixed")
    assert all(f["field"] in ("lead", "body") for f in findings)
    other = run("new", "--title", "Tin tức - Sư kiện").stdout.strip()
    typo = json.loads(run("check", other, "--json").stdout)
    assert [(f["field"], f["code"], f["suggestions"]) for f in typo] == [
        ("title", "confusion", ["Sự kiện"])
    ]
    # Vietnamese is the default language of messages.
    assert typo[0]["message"] == "Có lẽ là “Sự kiện”, không phải “Sư kiện”"

    out = run("text", "new-style", input="Thủy điện Hòa Bình\n\ntóan học\n")
    assert out.stdout == "Thuỷ điện Hoà Bình\n\ntoán học\n"


def test_check_file_plain_output(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "bai.txt"
    f.write_text("Dòng một.\nTin tức - Sư kiện\n", encoding="utf-8")
    assert main(["--lang", "en", "check", str(f)]) == 0
    out = capsys.readouterr().out
    assert out == "file:2:11: confusion: Probably “Sự kiện”, not “Sư kiện” → Sự kiện\n"


def test_check_unknown_id_is_an_error(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no-such-id"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(
    ("tool", "given", "expected"),
    [
        ("normalize", "Tie\u0301\u0302ng Vie\u0323\u0302t\n\u00d0\u1ea3ng\n", "Tiếng Việt\nĐảng\n"),
        ("old-style", "hoà\nthuỷ\r\nkhoẻ", "hòa\nthủy\nkhỏe\n"),
        ("slug", "Giá xăng giảm 2,3%\n東京\n", "gia-xang-giam-2-3\n\n"),
        ("fold", "ĐẢNG ỦY\n", "dang uy\n"),
    ],
)
def test_text_tools_line_by_line(
    home: Path,
    tool: str,
    given: str,
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(given.encode("utf-8"))))
    assert main(["text", tool]) == 0
    assert capsys.readouterr().out == expected
