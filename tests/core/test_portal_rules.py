"""Issue 9's pure rules: the one date rule, portal profiles, the publishing preflight."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qk3editor.core.articles import Article, Status
from qk3editor.core.preflight import PreflightSeverity as Severity
from qk3editor.core.preflight import blocking, publish_preflight
from qk3editor.core.publish_data import (
    FeaturedPlacement,
    InvalidProfile,
    LeadPlacement,
    PublishPhoto,
    PublishStatus,
    TargetKind,
    default_profile,
    parse_profile,
    publication_date,
)

NOW = datetime(2026, 12, 5, 7, 0, tzinfo=UTC)
FIRST = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 24, 1, 0, tzinfo=UTC)


def test_date_rule() -> None:
    assert publication_date(PublishStatus.PUBLISH, None, None, NOW) == NOW  # sent now
    assert publication_date(PublishStatus.FUTURE, LATER, None, NOW) == LATER  # scheduled
    assert publication_date(PublishStatus.FUTURE, LATER, FIRST, NOW) == LATER
    assert publication_date(PublishStatus.PUBLISH, None, FIRST, NOW) == FIRST  # an update
    # a time given with "publish now" is not a schedule
    assert publication_date(PublishStatus.PUBLISH, LATER, None, NOW) == NOW


def test_profiles_default_per_kind_and_merge() -> None:
    wp = default_profile(TargetKind.WORDPRESS)
    assert (wp.lead, wp.featured) == (LeadPlacement.BOTH, FeaturedPlacement.FIGURE)
    assert wp.lead_in_content and wp.lead_in_excerpt and wp.featured_figure
    assert not wp.featured_image  # the stock theme's banner would show the photo again
    ninjs = default_profile(TargetKind.NINJS)
    assert not ninjs.lead_in_content and not ninjs.featured_figure and ninjs.featured_image
    both = parse_profile("featured=image+figure", wp)
    assert both.featured_figure and both.featured_image
    merged = parse_profile("featured=image", wp)
    assert merged.lead is LeadPlacement.BOTH and merged.featured is FeaturedPlacement.IMAGE
    assert parse_profile(" LEAD = excerpt ; ", wp).lead is LeadPlacement.EXCERPT
    with pytest.raises(InvalidProfile):
        parse_profile("lead=sidebar", wp)
    with pytest.raises(InvalidProfile):
        parse_profile("colour=red", wp)


def _article(**kw: object) -> Article:
    fields: dict[str, object] = {
        "id": "a",
        "title": "Tiêu đề",
        "lead": "Sapo.",
        "body": "Nội dung.",
        "category": "Tin tức",
        "byline": "",
        "tags": (),
        "status": Status.DRAFT,
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def test_publish_preflight_blocks_missing_lead_body_category() -> None:
    findings = publish_preflight(_article(lead="", body=" ", category=None))
    assert sorted(f.code for f in blocking(findings)) == ["no_body", "no_category", "no_lead"]
    assert blocking(publish_preflight(_article())) == []


def test_publish_preflight_checks_every_photo() -> None:
    photos = [
        PublishPhoto("1", "/a.jpg", "Chú thích", credit="Hữu Đức", featured=True),
        PublishPhoto("2", "/b.jpg", "", credit=""),
        PublishPhoto("3", "/c.jpg", "Có chú thích", credit=""),
    ]
    findings = publish_preflight(_article(), photos)
    codes = {(f.code, f.severity, f.params.get("number")) for f in findings}
    assert ("attached_no_caption", Severity.ERROR, 2) in codes
    assert ("attached_no_credit", Severity.WARNING, 3) in codes
    assert not any(f.code == "no_featured_photo" for f in findings)
    placed = _article(body="![](qk3photo:9)\n\nNội dung.")
    missing = publish_preflight(placed, photos)
    assert any(f.code == "photo_missing" and f.severity is Severity.ERROR for f in missing)
