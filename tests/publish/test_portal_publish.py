"""Publishing to the reference portal (ninjs push), directly and through a faulty proxy."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import httpx
import jsonschema
import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState, PublishStatus
from qk3editor.publish.errors import PublishConflict
from qk3editor.publish.outbox import Outbox
from qk3editor.publish.secrets import SecretStore

from .conftest import add_portal_target
from .faultproxy import FaultProxy
from .helpers import make_photos

SHARED = Path("/work/shared/ninjs")


def _schema(version: str) -> dict:
    path = SHARED / f"ninjs-schema_{version}.json"
    if not path.is_file():  # the copy shipped with the app
        path = Path(__file__).resolve().parents[2] / "resources/ninjs/ninjs-schema_2.2.json"
    return json.loads(path.read_text("utf-8"))


def test_publish_two_photos_to_portal(outbox, repo, portal, article, tmp_path):
    add_portal_target(repo, SecretStore(), portal.url, portal.secret)
    photos = make_photos(tmp_path / "photos", 2)
    job = outbox.enqueue(article, photos, "portal")
    done = outbox.run_job(job.id)
    assert done.state is JobState.DONE, done.error_message
    record = portal.store.get_item(article.id)
    assert record is not None and record["creates"] == 1
    item = record["item"]
    jsonschema.Draft202012Validator(_schema("2.2")).validate(item)
    assert [a["type"] for a in item["associations"]] == ["picture", "picture"]
    assert item["associations"][0]["descriptions"][0]["value"] == photos[0].caption
    page = httpx.get(done.link).text
    assert "Quân khu 3 tổ chức hội thi" in page
    assert "<figcaption>Bộ đội Quân khu 3 huấn luyện, ảnh 1" in page
    for assoc in item["associations"]:
        img = httpx.get(assoc["renditions"][0]["href"])
        assert img.status_code == 200 and img.content[:2] == b"\xff\xd8"


def test_republish_updates_in_place_and_skips_unchanged_photos(
    outbox, repo, portal, article, articles, tmp_path
):
    proxy = FaultProxy(portal.server.port).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        photos = make_photos(tmp_path / "photos", 3)
        outbox.run_job(outbox.enqueue(article, photos, "portal").id)
        first_puts = [p for m, p, _ in proxy.log if m == "PUT" and "/media/" in p]
        assert len(first_puts) == 3
        proxy.log.clear()
        edited = articles.update(article.id, ArticleFields(title="Tiêu đề mới"), article.version)
        done = outbox.run_job(outbox.enqueue(edited, photos, "portal").id)
        assert done.state is JobState.DONE
        assert not [p for m, p, _ in proxy.log if m == "PUT" and "/media/" in p]
        record = portal.store.get_item(article.id)
        assert record["creates"] == 1 and record["updates"] == 1
        assert record["item"]["headlines"][0]["value"] == "Tiêu đề mới"
        assert len(portal.store.items()) == 1
    finally:
        proxy.stop()


def test_server_edit_stops_with_conflict_carrying_both_versions(
    outbox, repo, portal, article, tmp_path
):
    add_portal_target(repo, SecretStore(), portal.url, portal.secret)
    outbox.run_job(outbox.enqueue(article, [], "portal").id)
    portal.store.edit_item(article.id, "Biên tập viên cổng sửa")
    job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
    assert job.state is JobState.CONFLICT
    assert job.conflict["remote"]["title"] == "Biên tập viên cổng sửa"
    assert job.conflict["local"]["title"] == article.title
    assert portal.store.get_item(article.id)["item"]["headlines"][0]["value"] == (
        "Biên tập viên cổng sửa"
    )
    # The person chooses to overwrite.
    outbox.resolve_conflict(job.id, overwrite=True)
    again = outbox.run_job(job.id)
    assert again.state is JobState.DONE
    assert portal.store.get_item(article.id)["item"]["headlines"][0]["value"] == article.title


def test_portal_rejects_stale_base_even_without_client_check(portal):
    from qk3editor.publish.portal import PortalStore

    store: PortalStore = portal.store
    status, rec = store.put_item("00000000-0000-4000-8000-000000000000", {"x": 1}, "none")
    assert status == 201
    assert store.put_item(rec["id"], {"x": 2}, "stale")[0] == 409
    assert store.put_item(rec["id"], {"x": 2}, rec["modified"])[0] == 200
    assert PublishConflict.code == "publish_conflict"


def test_reset_after_create_is_found_by_uuid_not_duplicated(
    outbox, repo, portal, article, tmp_path
):
    proxy = FaultProxy(portal.server.port).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        proxy.rules.append(("PUT", "/items/", "reset"))
        job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
        assert job.state is JobState.DONE
        assert job.attempts == 2
        record = portal.store.get_item(article.id)
        assert record["creates"] == 1
        assert repo.remote(article.id, "portal").modified.startswith(record["modified"] + "#")
    finally:
        proxy.stop()


def test_reset_after_update_is_not_taken_for_a_server_edit(outbox, repo, portal, article, tmp_path):
    proxy = FaultProxy(portal.server.port).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        assert outbox.run_job(outbox.enqueue(article, [], "portal").id).state is JobState.DONE
        # the re-publish's PUT reaches the portal (new modified time); its answer is lost
        proxy.rules.append(("PUT", "/items/", "reset"))
        job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
        assert job.state is JobState.DONE
        assert job.attempts == 2
        record = portal.store.get_item(article.id)
        assert record["creates"] == 1
        assert repo.remote(article.id, "portal").modified.startswith(record["modified"] + "#")
    finally:
        proxy.stop()


def test_a_server_edit_after_a_lost_update_still_stops_the_job(
    repo, portal, article, memkeyring, fast_policy
):
    """The lost-update allowance covers only our own update: a title changed on the server
    between the lost answer and the retry is a conflict, never overwritten."""
    edited: list[bool] = []

    def edit_on_server_while_waiting(_seconds: float) -> None:
        if not edited:
            portal.store.edit_item(article.id, "Biên tập viên cổng sửa sau khi mất trả lời")
            edited.append(True)

    outbox = Outbox(
        repo, SecretStore(), _renditions(), policy=fast_policy, sleep=edit_on_server_while_waiting
    )
    proxy = FaultProxy(portal.server.port).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        assert outbox.run_job(outbox.enqueue(article, [], "portal").id).state is JobState.DONE
        proxy.rules.append(("PUT", "/items/", "reset"))
        job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
        assert edited and job.state is JobState.CONFLICT
        assert portal.store.get_item(article.id)["item"]["headlines"][0]["value"].startswith(
            "Biên tập viên"
        )
    finally:
        proxy.stop()


def test_reset_after_create_then_after_the_adopting_update_is_no_conflict(
    outbox, repo, portal, article, tmp_path
):
    proxy = FaultProxy(portal.server.port).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        proxy.rules += [("PUT", "/items/", "reset"), ("PUT", "/items/", "reset")]
        job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
        assert job.state is JobState.DONE
        assert job.attempts == 3
        assert portal.store.get_item(article.id)["creates"] == 1
    finally:
        proxy.stop()


def test_retry_after_is_honoured(repo, portal, article, memkeyring, fast_policy):
    slept: list[float] = []
    outbox = Outbox(repo, SecretStore(), _renditions(), policy=fast_policy, sleep=slept.append)
    proxy = FaultProxy(portal.server.port, retry_after=7).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        proxy.plan = ["429"]
        job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
        assert job.state is JobState.DONE
        assert slept and slept[0] >= 7
    finally:
        proxy.stop()


def _renditions():  # type: ignore[no-untyped-def]
    from qk3editor.publish.renditions import PillowRenditions

    return PillowRenditions(max_side=320)


def test_wrong_secret_fails_without_retry_and_without_leaking(outbox, repo, portal, article):
    wrong = "Sai-M4t-Khau-" + "x" * 20
    add_portal_target(repo, SecretStore(), portal.url, wrong)
    job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
    assert job.state is JobState.FAILED
    assert job.error_code == "auth"
    assert job.attempts == 1
    assert wrong not in (job.error_message or "")


def test_offline_job_waits_and_goes_out_after_restart(
    store, repo, portal, article, memkeyring, fast_policy, tmp_path
):
    proxy = FaultProxy(portal.server.port, fault_rate=1.0, faults=("drop",)).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        outbox = Outbox(
            repo, SecretStore(), _renditions(), policy=fast_policy, sleep=lambda s: None
        )
        job = outbox.run_job(outbox.enqueue(article, make_photos(tmp_path / "ph", 1), "portal").id)
        assert job.state is JobState.WAITING
        assert portal.store.get_item(article.id) is None
        # "Restart": a new store object and outbox over the same file; the portal answers again.
        from qk3editor.storage.db import open_store
        from qk3editor.storage.publish_repository import PublishRepository

        store2 = open_store(store.url)
        repo2 = PublishRepository(store2)
        outbox2 = Outbox(
            repo2, SecretStore(), _renditions(), policy=fast_policy, sleep=lambda s: None
        )
        proxy.fault_rate = 0.0
        repo2.update_job(job.id, next_attempt_at=job.created_at)  # its time has come
        ran = outbox2.run_due()
        assert [j.state for j in ran] == [JobState.DONE]
        assert portal.store.get_item(article.id)["creates"] == 1
        store2.close()
    finally:
        proxy.stop()


def test_cancel_and_retry_a_failed_job(outbox, repo, portal, article):
    add_portal_target(repo, SecretStore(), portal.url, "wrong")
    job = outbox.run_job(outbox.enqueue(article, [], "portal").id)
    assert job.state is JobState.FAILED
    SecretStore().set("portal", "editor", portal.secret)
    outbox.retry(job.id)
    assert outbox.run_job(job.id).state is JobState.DONE
    other = outbox.enqueue(article, [], "portal")
    assert outbox.cancel(other.id).state is JobState.CANCELLED
    assert outbox.run_due() == []


@pytest.mark.parametrize("seed", [3])
def test_ten_articles_through_thirty_percent_faults(
    repo, articles, portal, memkeyring, fast_policy, tmp_path, seed
):
    proxy = FaultProxy(
        portal.server.port, fault_rate=0.3, seed=seed, slow_seconds=0.05, retry_after=0
    ).start()
    try:
        add_portal_target(repo, SecretStore(), proxy.url, portal.secret)
        outbox = Outbox(
            repo, SecretStore(), _renditions(), policy=fast_policy, sleep=lambda s: None, workers=3
        )
        ids = []
        for n in range(10):
            a = articles.create(ArticleFields(title=f"Bài {n}", lead="Tin", body="Nội dung"))
            photos = make_photos(tmp_path / f"a{n}", 2, prefix=f"a{n}p", size=(320, 240))
            outbox.enqueue(a, photos, "portal", PublishStatus.PUBLISH)
            ids.append((a.id, photos))
        for _ in range(50):
            outbox.run_due(inline_retries=True)
            open_jobs = repo.jobs([JobState.QUEUED, JobState.WAITING, JobState.RUNNING])
            for j in open_jobs:
                repo.update_job(j.id, next_attempt_at=j.created_at)
            if not open_jobs:
                break
        assert sum(proxy.counts[f] for f in ("drop", "500", "429", "slow", "reset")) > 5
        jobs = repo.jobs()
        assert Counter(j.state for j in jobs) == {JobState.DONE: 10}
        items = portal.store.items()
        assert len(items) == 10
        for article_id, photos in ids:
            rec = portal.store.get_item(article_id)
            assert rec["creates"] == 1
            hrefs = [a["renditions"][0]["href"] for a in rec["item"]["associations"]]
            assert len(hrefs) == len(photos)
            for href in hrefs:
                assert portal.store.has_media(href.rsplit("/", 1)[1].removesuffix(".jpg"))
    finally:
        proxy.stop()
