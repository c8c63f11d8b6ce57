"""The newsroom's time zone. Vietnam has kept UTC+7 without daylight saving since 1975, so a
fixed offset is a safe fallback where the system has no tz database (Windows without tzdata)."""

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
    """A UTC (or any aware) time shown in Asia/Ho_Chi_Minh."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN_TZ)


def from_local_naive(value: datetime) -> datetime:
    """A naive wall-clock time typed in the newsroom, as aware UTC."""
    return value.replace(tzinfo=VN_TZ).astimezone(UTC)
