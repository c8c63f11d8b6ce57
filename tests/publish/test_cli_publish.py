"""The publishing CLI against the reference portal, in-process (real store, real keyring API)."""

from __future__ import annotations

import io
import json
import sys

from qk3editor.cli import main
from qk3editor.core.articles import ArticleFields

from .helpers import make_jpeg


def _article_id(home) -> str:  # type: ignore[no-untyped-def]
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        return ctx.articles.create(
            ArticleFields(
                title="Hội nghị quân chính",
                lead="Sáng nay, hội nghị khai mạc.",
                body="Nội dung **chính**.",
                category="Tin tức - Sự kiện",
            )
        ).id
    finally:
        ctx.close()


def test_target_publish_outbox_roundtrip(home, portal, memkeyring, monkeypatch, capsys, tmp_path):
    article_id = _article_id(home)
    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    assert (
        main(["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"])
        == 0
    )
    assert main(["target", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("[") :])
    assert listed[0]["name"] == "cong" and portal.secret not in out
    assert main(["target", "test", "cong"]) == 0
    photo = make_jpeg(tmp_path / "a.jpg")
    assert (
        main(
            ["publish", article_id, "--target", "cong", "--photo", f"{photo}=Chú thích tiếng Việt"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"/bai-viet/{article_id}" in out
    item = portal.store.get_item(article_id)["item"]
    assert item["associations"][0]["descriptions"][0]["value"] == "Chú thích tiếng Việt"
    assert main(["publish", article_id, "--target", "cong"]) == 0
    assert portal.store.get_item(article_id)["creates"] == 1
    capsys.readouterr()
    assert main(["outbox", "--json"]) == 0
    jobs = json.loads(capsys.readouterr().out)
    assert [j["state"] for j in jobs] == ["done", "done"]
    store_bytes = b"".join(p.read_bytes() for p in (home / "data").glob("*.sqlite3*"))
    assert portal.secret.encode() not in store_bytes
    assert main(["target", "remove", "cong"]) == 0
    assert not memkeyring.store


def test_publish_failure_names_step_and_job_can_be_cancelled(
    home, portal, memkeyring, monkeypatch, capsys
):
    article_id = _article_id(home)
    monkeypatch.setattr(sys, "stdin", io.StringIO("not-the-secret\n"))
    add = ["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"]
    assert main([*add, "--no-check"]) == 0  # offline add: the wrong password is found later
    assert main(["--lang", "en", "publish", article_id, "--target", "cong"]) == 1
    err = capsys.readouterr().err
    assert "Article" in err or "Connecting" in err  # the step's name, in the chosen language
    assert "not-the-secret" not in err
    assert main(["outbox", "--cancel", "1"]) == 0
    capsys.readouterr()
    main(["outbox", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["state"] == "cancelled"


def test_at_needs_time_zone(home, portal, memkeyring, monkeypatch, capsys):
    article_id = _article_id(home)
    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    main(["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"])
    assert (
        main(
            [
                "publish",
                article_id,
                "--target",
                "cong",
                "--status",
                "future",
                "--at",
                "2030-01-01T08:00",
            ]
        )
        == 1
    )
    assert (
        main(
            [
                "publish",
                article_id,
                "--target",
                "cong",
                "--status",
                "future",
                "--at",
                "2030-01-01T08:00+07:00",
            ]
        )
        == 0
    )
    item = portal.store.get_item(article_id)["item"]
    assert item["embargoed"] == "2030-01-01T01:00:00Z"
