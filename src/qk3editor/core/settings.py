"""Application settings: a small JSON file in the config folder, written atomically.

Read once by the composition root; changed only through ``AppContext.update_settings``, which
saves them and tells every subscriber (the GUI relays it as one Qt signal). Code reads the
current value (``ctx.settings``) or subscribes; nothing keeps a copy from start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from qk3editor.core import atomic
from qk3editor.core.json_values import as_object


class Settings(NamedTuple):
    """Every user setting, with its default.

    A named tuple rather than a frozen dataclass: it is read before the window's first frame,
    where a dataclass costs ~1 ms to make and ``dataclasses`` 2 ms to import (issue 14).
    Change one with :meth:`with_changes`."""

    language: str = "vi"
    user_name: str = ""
    tone_style: str = "old"  # "old" (hòa, thủy) or "new" (hoà, thuỷ): the house style
    revision_retention_days: int = 90
    lead_max_words: int = 80  # preflight: a longer lead (sapo) is flagged
    rendition_long_edge: int = 1600
    rendition_quality: int = 85
    ca_bundle: str = ""
    byline: str = ""  # the byline a new article starts with
    photo_credit: str = ""  # the user's credit: photos imported/captioned without one get it
    checks_enabled: bool = True  # the Vietnamese checks underlined as you type
    # web photos: "strip" removes every location (the default); "per_photo" keeps it where a
    # person chose to for that photo (recorded with who and when). Nothing else is accepted.
    location_policy: str = "strip"
    # other keys a feature keeps (photo codes, renditions): read-only here; a change passes
    # a new mapping to with_changes
    extra: Mapping[str, Any] = MappingProxyType({})

    def with_changes(self, **changes: Any) -> Settings:
        return self._replace(**changes)

    @property
    def who(self) -> str:
        """The person recorded on changes (the setting, or the OS account)."""
        if self.user_name:
            return self.user_name
        try:
            return os.getlogin()
        except OSError:
            return os.environ.get("USER") or os.environ.get("USERNAME") or "?"


def choose_language(language: str | None, env: Mapping[str, str], settings: Settings) -> str:
    """``--lang`` wins over ``QK3EDITOR_LANG``, which wins over the setting (default vi)."""
    return language or env.get("QK3EDITOR_LANG") or settings.language


def load_settings(path: Path) -> Settings:
    """The settings in ``path``; defaults for a missing file or unknown/invalid values."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return Settings()
    import json  # only when there is a file (issue 14: ~2.5 ms of the first frame otherwise)

    try:
        raw = json.loads(text)
    except ValueError:
        return Settings()
    stored = as_object(raw)
    if stored is None:
        return Settings()
    values: dict[str, Any] = {}
    default = Settings()
    for key, value in stored.items():
        if key == "extra":
            extra = as_object(value)
            if extra is not None:
                values[key] = MappingProxyType(extra)  # read-only, as the default
        elif key in Settings._fields and isinstance(value, type(getattr(default, key))):
            values[key] = value
    if values.get("location_policy") not in (None, "strip", "per_photo"):
        del values["location_policy"]  # an unknown policy never weakens the default
    return Settings(**values)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` atomically (temp file, fsync, replace)."""
    import json

    values = {**settings._asdict(), "extra": dict(settings.extra)}
    atomic.write_text(path, json.dumps(values, ensure_ascii=False, indent=2) + "\n")
