"""Typed views of parsed JSON/YAML (``json.loads``, ``yaml.safe_load``, HTTP bodies).

Parsers return ``Any``; ``isinstance(x, dict)`` then gives a checker ``dict[Unknown, Unknown]``.
These helpers are the one place that says: past this check, an object is ``dict[str, Any]`` and
an array is ``list[Any]``; each value is still checked where it is used.
"""

from __future__ import annotations

from typing import Any, cast

JsonObject = dict[str, Any]


def as_object(value: object) -> JsonObject | None:
    """``value`` if it is a JSON object (a dict), else ``None``."""
    return cast(JsonObject, value) if isinstance(value, dict) else None


def object_or_empty(value: object) -> JsonObject:
    """``value`` if it is a JSON object, else an empty one."""
    return cast(JsonObject, value) if isinstance(value, dict) else {}


def list_or_empty(value: object) -> list[Any]:
    """``value`` if it is a JSON array (a list), else an empty one."""
    return cast(list[Any], value) if isinstance(value, list) else []


def objects_in(value: object) -> list[JsonObject]:
    """The objects of a JSON array (other items and a non-array give nothing)."""
    return [cast(JsonObject, item) for item in list_or_empty(value) if isinstance(item, dict)]
