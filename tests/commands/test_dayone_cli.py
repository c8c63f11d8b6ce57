"""Issue 10, the CLI for every job: edit, photos feature|place|detach, id prefixes, search
without the trash, check telling a missing file from an unknown id, --store typos refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qk3editor.cli import main
from tests.conftest import subprocess_env
from tests.photos.photo_factory import jpeg_bytes


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def new(capsys: pytest.CaptureFixture[str], title: str, *extra: str) -> str:
    code, out, err = cli(capsys, "new", "--title", title, *extra)
    assert code == 0, err
    return out.strip()


def test_edit_changes_only_the_fields_given(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aid = new(capsys, "Tiêu đề cũ", "--lead", "Sapo cũ", "--byline", "Đức Việt")
    body = tmp_path / "body.md"
    body.write_text("Thân bài mới.\n", encoding="utf-8")
    code, out, err = cli(
        capsys,
        "edit",
        aid[:8],
        "--title",
        "Tiêu đề mới",
        "--body-file",
        str(body),
        "--tags",
        "dân vận, Hải Phòng,  ",
        "--category",
        "Tin tức - Sự kiện",
        "--status",
        "submitted",
    )
    assert code == 0, err
    assert out.strip() == aid
    code, out, _ = cli(capsys, "show", aid, "--json")
    shown = json.loads(out)
    assert shown["title"] == "Tiêu đề mới"
    assert shown["lead"] == "Sapo cũ" and shown["byline"] == "Đức Việt"  # untouched
    assert shown["body"] == "Thân bài mới.\n"
    assert shown["tags"] == ["dân vận", "Hải Phòng"]
    assert shown["category"] == "Tin tức - Sự kiện"
    assert shown["status"] == "submitted"

    from qk3editor.context import AppContext
    from qk3editor.storage.editor_repository import EditorRepository

    ctx = AppContext.open()
    try:
        repo = EditorRepository(ctx.store, ctx.articles)
        assert [c.to_status for c in repo.status_history(aid)][-1].value == "submitted"
        assert any(r.snapshot.title == "Tiêu đề mới" for r in repo.revisions(aid))
    finally:
        ctx.close()

    # a spiked article comes back through edit --status, recorded like restore
    assert cli(capsys, "spike", aid)[0] == 0
    assert cli(capsys, "edit", aid, "--status", "draft")[0] == 0
    assert json.loads(cli(capsys, "show", aid, "--json")[1])["status"] == "draft"
    code, _, err = cli(capsys, "edit", aid, "--status", "published")
    assert code == 1 and "cannot go from" in err


def test_ids_by_unique_prefix_and_ambiguous_ones_listed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qk3editor.context import AppContext
    from qk3editor.core.articles import ArticleFields

    ctx = AppContext.open()
    try:
        a = ctx.articles.create(ArticleFields(title="Bài A"), article_id="abc12345-0000")
        b = ctx.articles.create(ArticleFields(title="Bài B"), article_id="abc99999-0000")
        ctx.articles.create(ArticleFields(title="Bài phần trăm"), article_id="x%y-0000")
    finally:
        ctx.close()
    code, out, _ = cli(capsys, "show", "abc1", "--json")
    assert code == 0 and json.loads(out)["id"] == a.id
    code, out, err = cli(capsys, "show", "abc")
    assert code == 1 and out == ""
    assert "ambiguous" in err and a.id in err and b.id in err and "Bài B" in err
    assert len(err.strip().splitlines()) == 1
    assert cli(capsys, "show", "zzz")[2].strip() == "qk3editor: error: No article with id zzz"
    assert cli(capsys, "show", "x_")[0] == 1  # LIKE wildcards are plain characters
    assert cli(capsys, "show", "x%")[0] == 0
    for command in (["export", "abc9"], ["spike", "abc9"], ["restore", "abc9"]):
        code, _, err = cli(capsys, *command)
        assert code == 0, (command, err)
    assert cli(capsys, "check", "abc1")[0] == 0


def test_search_leaves_the_trash_out_unless_asked(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = new(capsys, "Công tác dân vận ở Hải Phòng")
    trashed = new(capsys, "Dân vận khéo")
    assert cli(capsys, "spike", trashed)[0] == 0
    code, out, _ = cli(capsys, "search", "dan van", "--json")
    assert code == 0 and [h["id"] for h in json.loads(out)] == [kept]
    code, out, _ = cli(capsys, "search", "dan van", "--spiked")
    lines = out.strip().splitlines()
    assert sorted(line.split("\t")[0] for line in lines) == sorted([kept, trashed])
    assert [line for line in lines if line.endswith("\t[trash]")] == [
        f"{trashed}\tDân vận khéo\t[trash]"
    ]


def test_check_tells_a_missing_file_from_an_unknown_id(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "check", "/khongco/bai.md")
    assert code == 1 and err.strip() == "qk3editor: error: No such file: /khongco/bai.md"
    code, _, err = cli(capsys, "check", "bai-viet.md")
    assert code == 1 and "No such file: bai-viet.md" in err
    code, _, err = cli(capsys, "check", "deadbeef")
    assert code == 1 and "No article with id deadbeef" in err
    f = tmp_path / "bai.md"
    f.write_text("Sư kiện lớn.\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check", str(f))
    assert code == 0 and "file:1:1" in out


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(**env),
        timeout=120,
    )


def test_a_store_typo_is_an_error_unless_create(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "khongco" / "kho.sqlite3"
    out = run("--store", str(missing), "list")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == (
        f"qk3editor: error: There is no store at {missing}: check the path, "
        "or add --create to make a new store there"
    )
    assert not (tmp_path / "khongco").exists()  # no folder made either
    out = run("list", QK3EDITOR_STORE=str(missing))
    assert out.returncode == 1 and "--create" in out.stderr
    out = run("--store", str(missing), "--create", "list")
    assert out.returncode == 0, out.stderr
    assert missing.is_file()
    assert run("--store", str(missing), "list").returncode == 0  # it exists now
    # the default store is still made on first run, without --create
    out = run("list")
    assert out.returncode == 0 and (home / "data" / "qk3editor.sqlite3").is_file()


def test_photos_feature_place_detach(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = tmp_path / "b.md"
    body.write_text("Đoạn một.\n\nĐoạn hai.\n", encoding="utf-8")
    aid = new(capsys, "Bài có ảnh", "--body-file", str(body))
    for name, color in (("a.jpg", (200, 0, 0)), ("b.jpg", (0, 0, 200))):
        (tmp_path / name).write_bytes(jpeg_bytes(color=color))
    code, out, err = cli(
        capsys, "photos", "import", str(tmp_path / "a.jpg"), str(tmp_path / "b.jpg")
    )
    assert code == 0, err
    first, second = (int(line.split("\t")[1][1:]) for line in out.splitlines()[:2])

    code, out, err = cli(capsys, "photos", "feature", aid[:6], str(second))
    assert code == 0, err
    assert out.splitlines() == [f"#{second}\tfeatured\t"]  # attached, and featured

    code, _, err = cli(
        capsys, "photos", "place", aid[:6], str(first), "--after", "1", "--caption", "Ảnh một"
    )
    assert code == 0, err
    shown = json.loads(cli(capsys, "show", aid, "--json")[1])
    assert shown["body"] == (f"Đoạn một.\n\n![Ảnh một](qk3photo:{first})\n\nĐoạn hai.\n")
    code, _, _ = cli(capsys, "photos", "place", aid, str(first), "--after", "0")
    shown = json.loads(cli(capsys, "show", aid, "--json")[1])
    assert shown["body"] == (f"![Ảnh một](qk3photo:{first})\n\nĐoạn một.\n\nĐoạn hai.\n")

    code, out, _ = cli(capsys, "photos", "detach", aid, str(first))
    assert code == 0 and out.splitlines() == [f"#{second}\tfeatured\t"]
    shown = json.loads(cli(capsys, "show", aid, "--json")[1])
    assert shown["body"] == "Đoạn một.\n\nĐoạn hai.\n"
    code, _, err = cli(capsys, "photos", "detach", aid, str(first))
    assert code == 1 and f"No photo with id {first}" in err
    code, _, err = cli(capsys, "photos", "feature", aid, "999")
    assert code == 1 and "No photo with id 999" in err
