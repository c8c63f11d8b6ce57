"""After a publish (issue 9): one preflight refuses or --force records; the article is
published with link, target and time, its version a marked revision, and a later edit shows
"changed since publishing"; a photo error names the photo; Ctrl-C leaves a job that is
retried exactly once."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qk3editor.cli import main
from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.core.revisions import RevisionReason
from qk3editor.storage.editor_repository import EditorRepository
from qk3editor.storage.publication_repository import PublicationRepository

from .faultproxy import FaultProxy
from .helpers import make_jpeg

FULL = {
    "title": "Hội nghị quân chính",
    "lead": "QK3 online - Sáng nay, hội nghị khai mạc.",
    "body": "Nội dung **chính**.",
    "category": "Tin tức - Sự kiện",
    "byline": "Hữu Đức",
}


def _create(**fields) -> str:  # type: ignore[no-untyped-def]
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        return ctx.articles.create(ArticleFields(**fields)).id
    finally:
        ctx.close()


def _add_portal(monkeypatch, url: str, secret: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(secret + "\n"))
    cmd = ["target", "add", "cong", "--kind", "ninjs", "--url", url, "--user", "editor"]
    assert main(cmd) == 0


def test_cli_refuses_an_incomplete_article_and_force_is_recorded(
    home, portal, memkeyring, monkeypatch, capsys
):
    article_id = _create(title="Chỉ có tiêu đề")
    _add_portal(monkeypatch, portal.url, portal.secret)
    capsys.readouterr()
    assert main(["publish", article_id, "--target", "cong"]) == 1
    err = capsys.readouterr().err
    assert "3" in err.splitlines()[0]  # three blocking items: lead, body, category
    assert sum(line.lstrip().startswith("✗") for line in err.splitlines()) == 3
    assert portal.store.get_item(article_id) is None  # nothing went out

    assert main(["publish", article_id, "--target", "cong", "--force"]) == 0
    assert portal.store.get_item(article_id) is not None
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        pub = PublicationRepository(ctx.store).get(article_id, "cong")
        assert pub is not None and pub.forced_by == ctx.settings.who
        assert pub.forced_at is not None
        assert ctx.articles.get(article_id).status is Status.PUBLISHED
    finally:
        ctx.close()


def test_published_state_revision_and_changed_since(home, portal, memkeyring, monkeypatch):
    article_id = _create(**FULL)
    _add_portal(monkeypatch, portal.url, portal.secret)
    assert main(["publish", article_id, "--target", "cong"]) == 0
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        article = ctx.articles.get(article_id)
        assert article.status is Status.PUBLISHED
        pubs = PublicationRepository(ctx.store)
        pub = pubs.get(article_id, "cong")
        assert pub is not None and pub.link.endswith(f"/bai-viet/{article_id}")
        assert not pub.changed_since(article)
        revisions = EditorRepository(ctx.store).revisions(article_id)
        marked = [r for r in revisions if r.reason is RevisionReason.PUBLISHED]
        assert len(marked) == 1 and marked[0].id == pub.revision_id
        assert marked[0].snapshot.title == FULL["title"]
        (row,) = ctx.articles.rows([article_id])
        assert row.published_target == "cong" and not row.changed_since_published
        changed = ArticleQuery(changed_since_published=True)
        assert ctx.articles.list_ids(changed) == []
        published = ArticleQuery(status=Status.PUBLISHED)
        assert ctx.articles.list_ids(published) == [article_id]

        ctx.articles.update(article_id, ArticleFields(title="Hội nghị quân chính (sửa)"))
        (row,) = ctx.articles.rows([article_id])
        assert row.changed_since_published
        assert ctx.articles.list_ids(changed) == [article_id]
        first = pub.first_published_at
    finally:
        ctx.close()

    assert main(["publish", article_id, "--target", "cong"]) == 0
    ctx = AppContext.open()
    try:
        (row,) = ctx.articles.rows([article_id])
        assert not row.changed_since_published
        pub = PublicationRepository(ctx.store).get(article_id, "cong")
        assert pub.first_published_at == first  # the one date rule: an update keeps it
        item = portal.store.get_item(article_id)["item"]
        assert item["firstcreated"].startswith(first.strftime("%Y-%m-%dT%H:%M:%S"))
        marked = [
            r
            for r in EditorRepository(ctx.store).revisions(article_id)
            if r.reason is RevisionReason.PUBLISHED
        ]
        assert len(marked) == 2
    finally:
        ctx.close()


def test_preview_sends_a_draft_and_never_unpublishes(home, portal, memkeyring, monkeypatch, capsys):
    article_id = _create(**FULL)
    _add_portal(monkeypatch, portal.url, portal.secret)
    capsys.readouterr()
    assert main(["publish", article_id, "--target", "cong", "--preview"]) == 0
    out = capsys.readouterr().out
    assert f"/bai-viet/{article_id}" in out
    assert portal.store.get_item(article_id)["item"]["pubstatus"] == "withheld"
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        assert ctx.articles.get(article_id).status is Status.DRAFT  # a preview publishes nothing
    finally:
        ctx.close()
    assert main(["publish", article_id, "--target", "cong"]) == 0
    assert main(["publish", article_id, "--target", "cong", "--preview"]) == 1
    assert portal.store.get_item(article_id)["item"]["pubstatus"] == "usable"


@pytest.mark.parametrize("damage", ["missing", "unreadable"])
def test_missing_photo_is_a_photo_error_named_on_the_job(
    damage, home, portal, memkeyring, monkeypatch, capsys, tmp_path
):
    """Through the real renditions provider (the photo desk's), not a stand-in: a photo file
    gone, or one that is no longer a picture."""
    article_id = _create(**FULL)
    (tmp_path / "card").mkdir()
    photo = make_jpeg(tmp_path / "card" / "IMG_0002.jpg", (1200, 800))
    assert main(["photos", "import", str(photo), "--article", article_id]) == 0
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        sources = [p.source for p in ctx.publishing.photo_source(ctx.articles.get(article_id))]
    finally:
        ctx.close()
    assert sources
    for source in sources:
        if damage == "missing":
            Path(source).unlink()
        else:
            Path(source).write_bytes(b"\x00 not a picture any more " * 64)
    _add_portal(monkeypatch, portal.url, portal.secret)
    capsys.readouterr()
    # --force: the photo has no caption yet (a blocking item); the file error comes after
    assert main(["publish", article_id, "--target", "cong", "--force"]) == 1
    err = capsys.readouterr().err
    ctx = AppContext.open()
    try:
        from qk3editor.storage.publish_repository import PublishRepository

        (job,) = PublishRepository(ctx.store).jobs()
    finally:
        ctx.close()
    assert job.state.value == "failed"
    assert (job.error_code, job.error_step) == (f"photo_{damage}", "rendition")
    assert "1" in job.error_message and sources[0] in job.error_message
    assert "internal" not in (job.error_message + err)
    # stored as code + params (English for the log); the CLI shows it in Vietnamese
    from qk3editor.core.i18n import Translator
    from qk3editor.paths import resources_dir

    assert job.error_text(Translator.load("vi", resources_dir() / "translations")) in err
    assert portal.store.get_item(article_id) is None


def test_ctrl_c_leaves_a_job_that_is_retried_exactly_once(home, portal, memkeyring, tmp_path):
    """A real subprocess and a real SIGINT while the article is on its way."""
    article_id = _create(**FULL)
    proxy = FaultProxy(portal.server.port, latency=1.5).start()
    env = dict(
        os.environ,
        PYTHONUNBUFFERED="1",
        QK3EDITOR_LANG="vi",
        PYTHON_KEYRING_BACKEND="tests.publish.helpers.FileKeyring",
        QK3_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    py = [sys.executable, "-m", "qk3editor"]
    try:
        add = subprocess.run(
            [*py, "target", "add", "cong", "--kind", "ninjs", "--url", proxy.url, "--user",
             "editor", "--secret-stdin", "--no-check"],
            input=portal.secret + "\n", capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert add.returncode == 0, add.stderr
        run = subprocess.Popen(
            [*py, "publish", article_id, "--target", "cong"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not proxy.log and time.monotonic() < deadline:  # the first request is on its way
            time.sleep(0.05)
        assert proxy.log, "the publish never reached the portal"
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=60)
        assert run.returncode == 130, (out, err)
        jobs = subprocess.run(
            [*py, "outbox", "--json"], capture_output=True, text=True, env=env, timeout=60
        )
        (job,) = json.loads(jobs.stdout)
        assert job["state"] == "waiting" and job["error_code"] == "interrupted"
        assert job["error_message"]
        retry = subprocess.run(
            [*py, "outbox", "--retry", str(job["id"])],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert retry.returncode == 0, retry.stderr
    finally:
        proxy.stop()
    record = portal.store.get_item(article_id)
    assert record is not None and record["creates"] == 1


def test_target_profile_add_and_edit_merge(home, memkeyring, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật-khẩu-ứng-dụng\n"))
    cmd = ["target", "add", "wp", "--kind", "wordpress", "--url", "https://qk3.example.vn"]
    cmd.append("--no-check")  # an address that does not exist: added offline
    assert main([*cmd, "--user", "bientap", "--profile", "lead=content"]) == 0
    assert main(["target", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("[") :])
    # lead as given; featured keeps WordPress's default
    assert listed[0]["profile"] == {"lead": "content", "featured": "figure"}
    assert main(["target", "edit", "wp", "--profile", "featured=image"]) == 0
    assert main(["target", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("[") :])
    assert listed[0]["profile"] == {"lead": "content", "featured": "image"}  # merged
    assert main(["target", "edit", "wp", "--profile", "lead=everywhere"]) != 0
    assert "lead=everywhere" in capsys.readouterr().err
