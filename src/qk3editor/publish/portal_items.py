"""What the reference portal accepts (see :mod:`qk3editor.publish.portal`): the id
grammar, the item checks (every handler is total: a bad item is a 400, never a crash) and the
sanitiser stored HTML goes through (core/render.py's allow-lists)."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from typing import Any

import nh3

from qk3editor.core import render
from qk3editor.core.json_values import as_object, list_or_empty, objects_in

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")  # always with fullmatch
SHA_RE = re.compile(r"[0-9a-f]{64}")
# what our own renderer puts on its output besides the sanitiser's allow-list (classes and
# alignment of paragraphs, the body's div, the credit's span)
RENDERED_ATTRIBUTES = {"p": {"class", "align"}, "div": {"class"}, "span": {"class"}}


def valid_id(value: str) -> bool:
    """An item id: 1-128 of ``A-Z a-z 0-9 _ -``, starting with a letter or digit, whole."""
    return ID_RE.fullmatch(value) is not None and value.strip("-") != ""


def valid_sha(value: str) -> bool:
    return SHA_RE.fullmatch(value) is not None


def sanitize_html(fragment: str) -> str:
    """HTML as the portal stores it: core/render.py's allow-lists (tags, attributes, URL
    schemes; scripts dropped with their content, script URLs hidden by blanks emptied), plus
    the presentational attributes our own renderer writes."""
    attributes = {tag: set(names) for tag, names in render.ALLOWED_ATTRIBUTES.items()}
    for tag, names in RENDERED_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(names)
    cleaned = nh3.clean(
        fragment,
        tags=set(render.ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=attributes,
        url_schemes=set(render.URL_SCHEMES) - {render.PHOTO_SCHEME},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _URL_ATTR.sub(_empty_script_url, cleaned)


_SCRIPTISH = ("javascript:", "vbscript:", "livescript:", "data:")
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


def _empty_script_url(m: re.Match[str]) -> str:
    """Like the renderer: a URL a lenient browser could still read as a script URL (blanks or
    control characters inside the scheme) is emptied."""
    compact = "".join(ch for ch in html.unescape(m.group(2)) if ch > " ").lower()
    return f'{m.group(1)}=""' if compact.startswith(_SCRIPTISH) else m.group(0)


def json_depth(value: object) -> int:
    """How deeply lists and objects nest (iterative: no recursion on hostile input)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        obj, children = as_object(node), list_or_empty(node)
        if obj is not None:
            children = list(obj.values())
        elif not isinstance(node, list):
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _list_of_dicts(item: dict[str, Any], key: str, text: str) -> str | None:
    problem = f"{key} must be a list of objects with a text {text}"
    value: object = item.get(key, [])
    entries = list_or_empty(value)
    if not isinstance(value, list):
        return problem
    for entry in entries:
        obj = as_object(entry)
        if obj is None or not isinstance(obj.get(text, ""), str):
            return problem
    return None


def item_problem(item: dict[str, Any]) -> str | None:
    """Why the portal cannot store and show ``item``, or None."""
    headlines = list_or_empty(item.get("headlines"))
    first = as_object(headlines[0]) if headlines else None
    if first is None or not isinstance(first.get("value"), str):
        return "headlines[0].value is required"
    for key in ("versioncreated", "firstcreated", "embargoed"):
        if key in item and not _is_time(item[key]):
            return f"{key} is not an ISO 8601 time"
    for key, text in (
        ("bodies", "value"),
        ("descriptions", "value"),
        ("subjects", "name"),
        ("associations", "name"),
    ):
        problem = _list_of_dicts(item, key, text)
        if problem:
            return problem
    for assoc in objects_in(item.get("associations")):
        for key, text in (("renditions", "href"), ("descriptions", "value"), ("altids", "role")):
            problem = _list_of_dicts(assoc, key, text)
            if problem:
                return "associations: " + problem
        if not isinstance(assoc.get("by", ""), str):
            return "associations: by must be text"
    for key in ("pubstatus", "by"):
        if not isinstance(item.get(key, ""), str):
            return f"{key} must be text"
    return None


def schema_validator() -> Any:
    try:
        import jsonschema
    except ImportError:  # the portal still works; it just does not validate
        return None
    from qk3editor.paths import resources_dir

    path = resources_dir() / "ninjs" / "ninjs-schema_2.2.json"
    if not path.is_file():
        return None
    return jsonschema.Draft202012Validator(json.loads(path.read_text("utf-8")))
