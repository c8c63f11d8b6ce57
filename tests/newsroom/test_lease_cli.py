"""``edit`` respects the article's lease; ``leases`` lists who is editing (SQLite, processes)."""

from __future__ import annotations

import json
from pathlib import Path

from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import LeaseOwner
from qk3editor.storage.leases_repository import LeaseRepository
from tests.commands.test_articles_cli import run
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

VIET = LeaseOwner("viet", "Đức Việt", "may-toa-soan", 4242)


def test_edit_refuses_a_held_article_unless_forced_with_a_reason(home: Path) -> None:
    ctx = AppContext.open()
    article = ctx.articles.create(ArticleFields(title="Bài đang được sửa"))
    viet = LeaseRepository(ctx.store, VIET)
    assert viet.acquire(article.id).granted

    listed = run("leases")
    assert listed.returncode == 0 and "Đức Việt (viet)" in listed.stdout
    assert json.loads(run("leases", "--json").stdout)[0]["holder_name"] == "Đức Việt"

    refused = run("edit", article.id, "--title", "Tiêu đề mới")
    assert refused.returncode == 1
    assert "Đức Việt đang sửa bài này" in refused.stderr
    assert ctx.articles.get(article.id).title == "Bài đang được sửa"

    no_reason = run("edit", article.id, "--title", "Tiêu đề mới", "--force")
    assert no_reason.returncode == 1 and "lý do" in no_reason.stderr

    forced = run("edit", article.id, "--title", "Tiêu đề mới", "--force", "--reason", "Sửa gấp")
    assert forced.returncode == 0, forced.stderr
    assert ctx.articles.get(article.id).title == "Tiêu đề mới"
    assert viet.renew([article.id]) == [article.id]  # taken over, then given back
    assert "Không có ai đang sửa bài nào" in run("leases").stdout
    history = json.loads(run("leases", "--history", article.id, "--json").stdout)
    assert [(e["action"], e["reason"]) for e in history] == [
        ("acquire", None),
        ("takeover", "Sửa gấp"),
        ("release", None),
    ]
    assert run("edit", article.id, "--title", "Lần nữa").returncode == 0  # free now
    ctx.close()


def test_five_cli_processes_editing_one_article_at_once_on_postgres(
    home: Path,
    tmp_path: Path,
    fresh_postgres: str,  # noqa: F811
) -> None:
    """Each `edit` either holds the lease and writes, or is refused saying who holds it: no
    write is lost and none goes through unheld."""
    import subprocess
    import sys

    from qk3editor.storage.articles_repository import ArticleRepository
    from qk3editor.storage.db import open_store
    from tests.conftest import subprocess_env

    store = open_store(fresh_postgres)
    article = ArticleRepository(store).create(ArticleFields(title="Bài chung"))
    for k in range(5):
        (tmp_path / f"{k}.md").write_text(f"Nội dung từ máy {k}.\n", encoding="utf-8")
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "qk3editor",
                "--store",
                fresh_postgres,
                "edit",
                article.id,
                "--body-file",
                str(tmp_path / f"{k}.md"),
                "--tags",
                f"máy {k}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        for k in range(5)
    ]
    results = [c.communicate(timeout=180) for c in children]  # all five run at once
    codes = [c.returncode for c in children]
    ok = [k for k, code in enumerate(codes) if code == 0]
    assert ok, [err for _out, err in results]
    for k, code in enumerate(codes):
        assert code == 0 or "đang sửa bài này" in results[k][1], results[k][1]
    final = ArticleRepository(store).get(article.id)
    assert final.version == 1 + len(ok)  # every accepted edit counted, none lost
    assert final.tags[0] in {f"máy {k}" for k in ok}
    events = LeaseRepository(store, VIET).events(article.id)
    assert [e.action for e in events].count("acquire") == len(ok)
    assert [e.action for e in events].count("release") == len(ok)
    store.close()
