"""The CLI as a user runs it: real processes, a real SQLite file in QK3EDITOR_HOME."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from qk3editor.cli import main
from tests.conftest import subprocess_env


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        input=input,
        env=subprocess_env(),
        timeout=120,
    )


def test_import_list_show_export_round_trip(home: Path, fixture_md: Path, tmp_path: Path) -> None:
    out = run("import", str(fixture_md))
    assert out.returncode == 0, out.stderr
    (article_id,) = out.stdout.split()

    listed = json.loads(run("list", "--json").stdout)
    assert [a["id"] for a in listed] == [article_id]
    shown = json.loads(run("show", article_id, "--json").stdout)
    for key in (
        "id",
        "title",
        "lead",
        "body",
        "category",
        "byline",
        "tags",
        "status",
        "created_at",
        "updated_at",
    ):
        assert key in shown
    assert shown == listed[0]
    assert shown["title"] == "Tăng cường phối hợp chỉ đạo công tác dân vận trong LLVT Quân khu"
    assert shown["byline"] == "Đức Việt" and shown["category"] == "Tin tức - Sự kiện"
    assert shown["lead"].startswith("QK3 online - ")
    assert shown["status"] == "draft"
    for value in (shown["title"], shown["lead"], shown["body"]):
        assert unicodedata.is_normalized("NFC", value)

    first = tmp_path / "first.md"
    assert run("export", article_id, "--format", "md", "-o", str(first)).returncode == 0
    second_id = run("import", str(first)).stdout.strip()
    assert second_id != article_id
    second = tmp_path / "second.md"
    assert run("export", second_id, "--format", "md", "-o", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    again = json.loads(run("show", second_id, "--json").stdout)
    for key in ("title", "lead", "body", "category", "byline", "tags"):
        assert again[key] == shown[key]
    # Export to stdout gives the same bytes.
    assert run("export", second_id).stdout.encode("utf-8") == second.read_bytes()


def test_import_prints_each_id_on_its_own_line(home: Path, tmp_path: Path) -> None:
    files = []
    for i in range(3):
        p = tmp_path / f"a{i}.md"
        p.write_text(f"# Bài số {i}\n\nNội dung {i}\n", encoding="utf-8")
        files.append(str(p))
    out = run("import", *files)
    assert out.returncode == 0
    ids = out.stdout.splitlines()
    assert len(ids) == 3 and len(set(ids)) == 3
    titles = [json.loads(run("show", i, "--json").stdout)["title"] for i in ids]
    assert titles == ["Bài số 0", "Bài số 1", "Bài số 2"]


def test_errors_are_one_clear_line_in_vietnamese(home: Path, tmp_path: Path) -> None:
    out = run("show", "does-not-exist")
    assert out.returncode == 1
    assert out.stderr.strip() == "qk3editor: lỗi: Không có bài viết nào có mã does-not-exist"
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: [oops\n---\n")
    out = run("import", str(bad))
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
    out = run("import", str(tmp_path / "missing.md"))
    assert out.returncode == 1 and "missing.md" in out.stderr
    assert run("list", "--json").stdout.strip() == "[]"  # nothing half-imported


def test_usage_errors_exit_2(home: Path) -> None:
    out = run("list", "--status", "nonsense")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert run("frobnicate").returncode == 2
    assert run("show").returncode == 2


def test_english_on_request(home: Path) -> None:
    out = run("--lang", "en", "show", "x")
    assert out.stderr.strip() == "qk3editor: error: No article with id x"


def test_new_with_body_file_and_store_option(tmp_path: Path, home: Path) -> None:
    body = tmp_path / "body.md"
    body.write_text("Nội dung bài.\n", encoding="utf-8")
    store = tmp_path / "other.sqlite3"
    out = run(
        "--store", str(store), "--create", "new", "--title", "Bài mới", "--body-file", str(body)
    )
    assert out.returncode == 0, out.stderr
    assert store.exists()
    shown = json.loads(run("--store", str(store), "show", out.stdout.strip(), "--json").stdout)
    assert shown["body"] == "Nội dung bài.\n"
    assert run("list", "--json").stdout.strip() == "[]"  # the default store is untouched


def test_store_from_environment(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "env.sqlite3"
    monkeypatch.setenv("QK3EDITOR_STORE", str(store))
    assert main(["--create", "new", "--title", "Từ biến môi trường"]) == 0
    assert store.exists()


def test_spike_and_restore(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "Bài sẽ xóa"]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main(["spike", article_id]) == 0
    assert main(["list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["list", "--status", "spiked", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == article_id
    assert main(["restore", article_id]) == 0
    assert main(["show", article_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "draft"


def test_workflow_moves_from_the_cli_are_recorded(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qk3editor.context import AppContext
    from qk3editor.storage.editor_repository import EditorRepository

    assert main(["new", "--title", "Bài sẽ xóa"]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main(["spike", article_id]) == 0
    assert main(["restore", article_id]) == 0
    ctx = AppContext.open()
    moves = [
        (c.from_status.value, c.to_status.value)
        for c in EditorRepository(ctx.store).status_history(article_id)
    ]
    ctx.close()
    assert moves == [("draft", "spiked"), ("spiked", "draft")]
