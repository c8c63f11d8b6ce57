"""``edit`` respects the article's lease; ``leases`` lists who is editing (SQLite, processes)."""

from __future__ import annotations

import json
from pathlib import Path

from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import LeaseOwner
from qk3editor.storage.leases_repository import LeaseRepository
from tests.commands.test_articles_cli import run

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
