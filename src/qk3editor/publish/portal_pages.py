"""The reference portal's web pages (see :mod:`qk3editor.publish.portal`): each article
shaped like the QK3 portal's article page (header, breadcrumb, title, date, the lead once,
the featured picture with its caption, the body) and the index."""

from __future__ import annotations

import html
import logging
import re
from datetime import datetime
from typing import Any

from qk3editor.core.json_values import object_or_empty, objects_in
from qk3editor.core.vietnamese.dates import format_portal_date
from qk3editor.publish.portal_items import valid_id

log = logging.getLogger(__name__)

PAGE_CSS = (
    "body{font-family:Arial,sans-serif;max-width:820px;margin:auto;color:#222}"
    "header{background:#0b5d1e;color:#fff;padding:8px 12px}"
    ".crumb{color:#0b5d1e;margin:12px 0}.lead{font-weight:bold}"
    "figure{margin:16px 0;text-align:center}figure img{max-width:100%}"
    "figcaption{font-style:italic;color:#444}.byline{text-align:right;font-weight:bold}"
)


def _vn_date(iso: object) -> str:
    """``Chủ nhật, 21/10/2018`` for an ISO time, in Vietnam (the day may differ from UTC's);
    "" for a value that is not one (a page never fails on its date)."""
    try:
        return format_portal_date(datetime.fromisoformat(str(iso).replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        return ""


LEAD_PREFIX = "QK3 online - "


def portal_lead(lead: str) -> str:
    """The lead as printed: "QK3 online - " before it, unless the reporter wrote it already
    (the house style starts every lead with it: never twice)."""
    lead = lead.strip()
    if not lead or lead.casefold().startswith(LEAD_PREFIX.strip(" -").casefold()):
        return lead
    return LEAD_PREFIX + lead


def shown_date(item: dict[str, Any], record: dict[str, Any]) -> str:
    """The date a reader sees: the embargo of a scheduled item, else ``firstcreated`` (the
    sender's one date rule: when it was first sent), else this version's time."""
    return str(
        item.get("embargoed")
        or item.get("firstcreated")
        or item.get("versioncreated")
        or record["modified"]
    )


def article_page(record: dict[str, Any]) -> str:
    item = object_or_empty(record["item"])
    title = html.escape(str(objects_in(item["headlines"])[0]["value"]))
    lead = str(_with_role(item.get("descriptions"), "summary").get("value", ""))
    body = str((objects_in(item.get("bodies")) or [{}])[0].get("value", ""))
    crumb = html.escape(str((objects_in(item.get("subjects")) or [{}])[0].get("name", "Tin tức")))
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{PAGE_CSS}</style></head><body>"
        f"<header><strong>QK3 online</strong> · Đường dây nóng · "
        f"{_vn_date(shown_date(item, record))}</header>"
        f'<nav class="crumb">Trang chủ › {crumb}</nav><article><h1>{title}</h1>'
        f"{_lead_paragraph(lead, body)}"
        f"{_featured_figure(item, body)}{body}</article></body></html>"
    )


def _lead_paragraph(lead: str, body: str) -> str:
    """The summary in bold, unless the body starts with the lead already (a target whose
    portal profile puts the lead in the content): a reader sees it once."""
    if body.lstrip().startswith('<p class="qk3-lead">'):
        return ""
    return f'<p class="lead">{html.escape(portal_lead(lead))}</p>'


def _with_role(values: object, role: str) -> dict[str, Any]:
    """The first object of a ninjs array whose ``role`` is ``role`` (or an empty one)."""
    none: dict[str, Any] = {}
    return next((d for d in objects_in(values) if d.get("role") == role), none)


def _featured_figure(item: dict[str, Any], body: str) -> str:
    """The featured picture above the body when the body does not show it already."""
    for assoc in objects_in(item.get("associations")):
        if not _with_role(assoc.get("altids"), "featured"):
            continue
        href = str((objects_in(assoc.get("renditions")) or [{}])[0].get("href", ""))
        if not re.match(r"https?://", href, re.I) or html.escape(href, quote=True) in body:
            return ""
        caption = str(_with_role(assoc.get("descriptions"), "caption").get("value", ""))
        credit = f" ({html.escape(str(assoc['by']))})" if assoc.get("by") else ""
        return (
            f'<figure class="qk3-featured"><img src="{html.escape(href, quote=True)}" '
            f'alt="{html.escape(caption, quote=True)}"><figcaption>{html.escape(caption)}'
            f"{credit}</figcaption></figure>"
        )
    return ""


def _index_row(record: dict[str, Any]) -> str:
    """One line of the index; "" for a record that is not shown or cannot be (never raises)."""
    try:
        item = record["item"]
        if item.get("pubstatus") != "usable" or not valid_id(str(record["id"])):
            return ""
        title = html.escape(str(item["headlines"][0]["value"]))
    except (KeyError, IndexError, TypeError, AttributeError):
        log.warning("portal: a stored item cannot be listed")
        return ""
    return f'<li><a href="/bai-viet/{record["id"]}">{title}</a></li>'


def index_page(records: list[dict[str, Any]]) -> str:
    rows = "".join(_index_row(r) for r in records)
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>QK3 online'
        f"</title><style>{PAGE_CSS}</style></head><body><header><strong>QK3 online"
        f"</strong></header><ul>{rows}</ul></body></html>"
    )
