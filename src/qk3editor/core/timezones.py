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
from functools import cache

# Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since June 1975: a time from 1976 on
# reads the same with this fixed offset (tests/core/test_timezones.py checks every 6 hours to
# 2100 against the tz database), which :func:`local_text` uses so that the library's first
# frame does not import zoneinfo (~4 ms with sysconfig; issue 14, start-up).
_FIXED_SINCE = datetime(1976, 1, 1, tzinfo=UTC)
_UTC7 = timezone(timedelta(hours=7))


@cache
def vn_tz() -> tzinfo:
    """Asia/Ho_Chi_Minh (one object: ``VN_TZ``), loaded at the first use."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Ho_Chi_Minh")
    except Exception:  # ZoneInfoNotFoundError and missing tzdata alike
        return timezone(timedelta(hours=7), "ICT")


def __getattr__(name: str) -> tzinfo:  # VN_TZ, loaded at its first use (PEP 562)
    if name == "VN_TZ":
        return vn_tz()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def to_local(value: datetime) -> datetime:
    """``value`` in Asia/Ho_Chi_Minh; a naive ``value`` is UTC (see the module docs)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(vn_tz())


def local_text(value: datetime, fmt: str) -> str:
    """``to_local(value).strftime(fmt)``; for a time since 1976 (and no ``%Z``) without the tz
    database."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value >= _FIXED_SINCE and "%Z" not in fmt:
        return value.astimezone(_UTC7).strftime(fmt)
    return to_local(value).strftime(fmt)


def from_local_naive(value: datetime) -> datetime:
    """A naive wall-clock time typed in the newsroom, as aware UTC."""
    return value.replace(tzinfo=vn_tz()).astimezone(UTC)


def typed_to_utc(value: datetime) -> datetime:
    """A time a person gave (aware, or naive newsroom wall-clock time) as aware UTC."""
    if value.tzinfo is None:
        return from_local_naive(value)
    return value.astimezone(UTC)
