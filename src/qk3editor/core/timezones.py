"""The app's one time-zone module: times are kept in UTC and shown in the newsroom's zone.

The rule for naive datetimes, everywhere in the app:

- a naive datetime **in code or from the store is UTC** (SQLite hands ``DateTime`` columns
  back without their zone); :func:`to_local` reads it so;
- a naive wall-clock time **a person typed** (a schedule picker, a front-matter date) is
  newsroom time, and only :func:`from_local_naive` / :func:`typed_to_utc` read it, by name.

Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is a safe
fallback where the system has no tz database (Windows without tzdata).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo


def _vn_tz() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Ho_Chi_Minh")
    except Exception:  # ZoneInfoNotFoundError and missing tzdata alike
        return timezone(timedelta(hours=7), "ICT")


VN_TZ = _vn_tz()


def to_local(value: datetime) -> datetime:
    """``value`` in Asia/Ho_Chi_Minh; a naive ``value`` is UTC (see the module docs)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN_TZ)


def from_local_naive(value: datetime) -> datetime:
    """A naive wall-clock time typed in the newsroom, as aware UTC."""
    return value.replace(tzinfo=VN_TZ).astimezone(UTC)


def typed_to_utc(value: datetime) -> datetime:
    """A time a person gave (aware, or naive newsroom wall-clock time) as aware UTC."""
    if value.tzinfo is None:
        return from_local_naive(value)
    return value.astimezone(UTC)
