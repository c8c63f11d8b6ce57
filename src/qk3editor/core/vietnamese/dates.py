"""Dates the way the portal prints them: ``Chủ nhật, 21/10/2018``.

Stored and sent in UTC; shown in Asia/Ho_Chi_Minh (:mod:`qk3editor.core.timezones`, whose rule
for naive datetimes holds here too). The weekday names are our own table:
CLDR (Babel, QLocale) title-cases them ("Chủ Nhật"), the press does not.
"""

from __future__ import annotations

from datetime import date, datetime

from qk3editor.core.timezones import to_local

# Monday first, as datetime.weekday() counts.
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def format_portal_date(value: date | datetime) -> str:
    """``Chủ nhật, 21/10/2018``; a datetime is first put in Vietnam time."""
    if isinstance(value, datetime):
        value = to_local(value).date()
    return f"{weekday_name(value)}, {value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_portal_datetime(value: datetime) -> str:
    """``Chủ nhật, 21/10/2018 08:30`` in Vietnam time."""
    local = to_local(value)
    return f"{format_portal_date(local.date())} {local.hour:02d}:{local.minute:02d}"


def parse_portal_date(text: str) -> date:
    """The date in ``Chủ nhật, 21/10/2018`` (or just ``21/10/2018``); ValueError otherwise."""
    part = text.strip().rsplit(",", 1)[-1].strip()
    day, month, year = (int(x) for x in part.split("/"))
    return date(year, month, day)
