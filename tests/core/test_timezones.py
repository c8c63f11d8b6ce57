"""One time-zone module, one rule for naive datetimes (naive in code = UTC; typed = local)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from qk3editor.core.timezones import (
    VN_TZ,
    from_local_naive,
    local_text,
    to_local,
    typed_to_utc,
)
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


def test_local_text_reads_as_the_tz_database_since_1976() -> None:
    """The library's dates are formatted without loading zoneinfo (issue 14, start-up): the
    fixed UTC+7 must agree with Asia/Ho_Chi_Minh at every time it is used for."""
    fmt = "%d/%m/%Y %H:%M"
    moment = datetime(1976, 1, 1, tzinfo=UTC)
    while moment < datetime(2100, 1, 1, tzinfo=UTC):
        assert local_text(moment, fmt) == to_local(moment).strftime(fmt), moment
        assert to_local(moment).utcoffset() == timedelta(hours=7), moment
        moment += timedelta(hours=6, minutes=7)
    naive = datetime(2018, 10, 20, 20, 0)  # SQLite's UTC
    assert local_text(naive, fmt) == "21/10/2018 03:00"
    before = datetime(1975, 1, 1, 12, 0, tzinfo=UTC)  # UTC+8 then: read from the tz database
    assert local_text(before, fmt) == to_local(before).strftime(fmt) == "01/01/1975 20:00"
    assert local_text(MOMENT, "%H:%M %Z") == to_local(MOMENT).strftime("%H:%M %Z")
