"""The editor's preview shows what the target's portal shows, per portal profile (issue 9).

For each profile the fixture article with two captioned 3000×2000 photos (the first one
featured, neither placed in the body) is rendered as the editor's preview renders it
(:func:`qk3editor.ui.editor.preview_doc.page_segments` with the target's
:func:`~qk3editor.publish.content.page_plan`) and published through the real outbox to the
real WordPress (stock theme) or the reference portal, whose page a headless Chromium reads at
1280 px. Both must agree: how often the lead is printed, how often each photo is shown and
how often each caption is shown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from qk3editor.core.publish_data import (
    JobState,
    PublishPhoto,
    Target,
    TargetKind,
    default_profile,
    parse_profile,
)
from qk3editor.core.render import PhotoRef, RenderInput
from qk3editor.publish.content import page_plan
from qk3editor.publish.secrets import SecretStore
from qk3editor.ui.editor.preview_doc import page_segments

from . import browser
from .test_portal_pages import CAPTIONS, _plain, big_photos, fixture_fields, real_outbox


@dataclass(frozen=True)
class Shown:
    """What a reader sees of the article: the lead's count, each photo's and each caption's."""

    lead: int
    photos: tuple[int, ...]
    captions: tuple[int, ...]


class _PreviewReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.srcs: list[str] = []
        self.captions: list[str] = []
        self._in_caption = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.srcs.append(dict(attrs).get("src") or "")
        if tag == "figcaption":
            self._in_caption += 1
            self.captions.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption":
            self._in_caption -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_caption:
            self.captions[-1] += data


def preview_shows(lead: str, photos: list[PublishPhoto], target: Target) -> Shown:
    """The editor's preview of the article for ``target`` (its page plan), as counts."""
    fields = fixture_fields()
    plan = page_plan(fields.body or "", photos, target.kind, target.profile)
    article = RenderInput(fields.title or "", lead, fields.body or "", None, "", None, plan)

    def resolve(key: str) -> PhotoRef | None:
        photo = next((p for p in photos if p.key == key), None)
        return PhotoRef(f"file:///photos/{key}.jpg", photo.caption, photo.credit) if photo else None

    segments, _lines = page_segments(article, resolve)
    reader = _PreviewReader()
    reader.feed("".join(segments))
    text = "".join(reader.text)
    return Shown(
        text.count(lead[:60]),
        tuple(reader.srcs.count(f"file:///photos/{p.key}.jpg") for p in photos),
        tuple(sum(p.caption in c for c in reader.captions) for p in photos),
    )


def page_shows(page: browser.Page, lead: str, photos: list[PublishPhoto], urls: dict[str, str]):  # type: ignore[no-untyped-def]
    """The same counts read by Chromium on the published page; ``urls``: photo key → the
    uploaded file's URL (WordPress serves sized copies: ``name-1024x683.jpg``)."""

    def is_photo(src: str, url: str) -> bool:
        stem = re.escape(url.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        return re.search(rf"/{stem}(-\d+x\d+)?\.\w+$", src.split("?")[0]) is not None

    captions = [_plain(c) for c in page.captions]
    return Shown(
        _plain(page.text).count(_plain(lead)[:60]),
        tuple(sum(is_photo(i["src"], urls[p.key]) for i in page.images) for p in photos),
        tuple(sum(_plain(p.caption) in c for c in captions) for p in photos),
    )


def publish_and_read(outbox, repo, article, photos, name: str, shot: Path) -> browser.Page:  # type: ignore[no-untyped-def]
    job = outbox.run_job(outbox.enqueue(article, photos, name).id)
    assert job.state is JobState.DONE, job.error_message
    page = browser.read_page(job.link, shot)
    browser.keep(page.screenshot)
    return page


WORDPRESS_PROFILES = ["", "featured=image+figure", "lead=excerpt,featured=image"]
PORTAL_PROFILES = ["", "lead=content,featured=image+figure"]


@pytest.mark.parametrize("profile", WORDPRESS_PROFILES)
def test_preview_agrees_with_stock_wordpress(
    profile, wordpress_stock, repo, articles, memkeyring, fast_policy, tmp_path
):  # type: ignore[no-untyped-def]
    browser.require()
    wp = wordpress_stock
    chosen = parse_profile(profile, default_profile(TargetKind.WORDPRESS))
    target = Target("wp", TargetKind.WORDPRESS, wp.url, wp.user, {"profile": chosen.to_json()})
    repo.add_target(target)
    SecretStore().set("wp", wp.user, wp.app_password)
    article = articles.create(fixture_fields())
    photos = big_photos(tmp_path / "photos")
    name = re.sub(r"\W+", "-", profile) or "default"
    page = publish_and_read(
        real_outbox(repo, fast_policy), repo, article, photos, "wp", tmp_path / f"wp-{name}.png"
    )
    urls = {k: m.url for k, m in repo.media(article.id, "wp").items()}
    preview = preview_shows(article.lead, photos, target)
    assert page_shows(page, article.lead, photos, urls) == preview
    if not profile:  # the default: the lead once, each photo once, each caption once
        assert preview == Shown(1, (1, 1), (1, 1))


@pytest.mark.parametrize("profile", PORTAL_PROFILES)
def test_preview_agrees_with_the_reference_portal(
    profile, portal, repo, articles, memkeyring, fast_policy, tmp_path
):  # type: ignore[no-untyped-def]
    browser.require()
    chosen = parse_profile(profile, default_profile(TargetKind.NINJS))
    options = {"read_timeout": 2.0, "profile": chosen.to_json()}
    target = Target("portal", TargetKind.NINJS, portal.url, "editor", options)
    repo.add_target(target)
    SecretStore().set("portal", "editor", portal.secret)
    article = articles.create(fixture_fields())
    photos = big_photos(tmp_path / "photos")
    name = re.sub(r"\W+", "-", profile) or "default"
    page = publish_and_read(
        real_outbox(repo, fast_policy), repo, article, photos, "portal", tmp_path / f"p-{name}.png"
    )
    urls = {k: m.url for k, m in repo.media(article.id, "portal").items()}
    preview = preview_shows(article.lead, photos, target)
    assert page_shows(page, article.lead, photos, urls) == preview
    assert preview == Shown(1, (1, 1), (1, 1))  # both profiles: once each
    assert len(CAPTIONS) == len(photos)
