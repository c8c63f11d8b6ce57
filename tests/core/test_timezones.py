"""One time-zone module, one rule for naive datetimes (naive in code = UTC; typed = local)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from qk3editor.core.timezones import VN_TZ, from_local_naive, to_local, typed_to_utc
from qk3editor.core.vietnamese import dates

# 20:00 UTC on Saturday is 03:00 on Sunday in Vietnam.
MOMENT = datetime(2018, 10, 20, 20, 0, tzinfo=UTC)


def test_to_local_reads_a_naive_datetime_as_utc() -> None:
    naive = datetime(2018, 10, 20, 20, 0)  # as SQLite hands a stored UTC time back
    assert to_local(naive) == to_local(MOMENT)
    assert to_local(naive).replace(tzinfo=None) == datetime(2018, 10, 21, 3, 0)
    assert to_local(naive).utcoffset() == timedelta(hours=7)


def test_to_local_converts_any_aware_datetime() -> None:
    paris = MOMENT.astimezone(timezone(timedelta(hours=2)))
    assert to_local(paris) == MOMENT and to_local(paris).tzinfo is VN_TZ


def test_typed_times_are_newsroom_wall_clock() -> None:
    assert from_local_naive(datetime(2018, 10, 21, 3, 0)) == MOMENT
    assert typed_to_utc(datetime(2018, 10, 21, 3, 0)) == MOMENT
    assert typed_to_utc(MOMENT.astimezone(VN_TZ)) == MOMENT
    assert typed_to_utc(MOMENT.astimezone(VN_TZ)).tzinfo is UTC


def test_portal_dates_follow_the_same_rule() -> None:
    # A naive time from the store is UTC: still Sunday in Vietnam, not Saturday.
    assert dates.format_portal_date(datetime(2018, 10, 20, 20, 0)) == "Chủ nhật, 21/10/2018"
    assert dates.format_portal_datetime(datetime(2018, 10, 20, 20, 0)) == (
        "Chủ nhật, 21/10/2018 03:00"
    )
