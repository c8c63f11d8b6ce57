"""Where the reference portal keeps what it is sent (see :mod:`qk3editor.publish.portal`):
one JSON file per item and one file per photo in a folder, written atomically; and its shared
secret."""

from __future__ import annotations

import json
import logging
import os
import secrets as pysecrets
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qk3editor.core import atomic
from qk3editor.core.json_values import object_or_empty

log = logging.getLogger(__name__)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class PortalStore:
    """Items and media in a folder. Thread-safe."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "items").mkdir(parents=True, exist_ok=True)
        (root / "media").mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()

    def _item_path(self, uuid: str) -> Path:
        return self.root / "items" / f"{uuid.lower()}.json"

    def get_item(self, uuid: str) -> dict[str, Any] | None:
        path = self._item_path(uuid)
        with self._lock:
            if not path.is_file():
                return None
            return json.loads(path.read_text("utf-8"))

    def put_item(
        self, uuid: str, item: dict[str, Any], base_modified: str
    ) -> tuple[int, dict[str, Any]]:
        """(200|201, record) or (409, current record) when ``base_modified`` is stale."""
        with self._lock:
            current = self.get_item(uuid)
            if current is None and base_modified != "none":
                return 404, {}
            if current is not None and current["modified"] != base_modified:
                return 409, current
            record = {
                "id": uuid.lower(),
                "item": item,
                "modified": now_iso(),
                "creates": (current or {}).get("creates", 0) + (0 if current else 1),
                "updates": (current or {}).get("updates", 0) + (1 if current else 0),
            }
            atomic.write_bytes(
                self._item_path(uuid), json.dumps(record, ensure_ascii=False).encode()
            )
            return (200 if current else 201), record

    def edit_item(self, uuid: str, title: str) -> dict[str, Any]:
        """An edit made on the portal's side (its own CMS): a new title and modified time."""
        with self._lock:
            record = self.get_item(uuid)
            if record is None:
                raise KeyError(uuid)
            record["item"]["headlines"][0]["value"] = title
            record["modified"] = now_iso()
            atomic.write_bytes(
                self._item_path(uuid), json.dumps(record, ensure_ascii=False).encode()
            )
            return record

    def items(self) -> list[dict[str, Any]]:
        """Every readable record (one that cannot be read is logged and left out)."""
        out: list[dict[str, Any]] = []
        with self._lock:
            for path in sorted((self.root / "items").glob("*.json")):
                try:
                    out.append(object_or_empty(json.loads(path.read_text("utf-8"))))
                except (OSError, UnicodeDecodeError, ValueError, RecursionError):
                    log.warning("portal: %s cannot be read", path.name)
        return out

    def media_path(self, sha: str) -> Path:
        return self.root / "media" / f"{sha}.jpg"

    def has_media(self, sha: str) -> bool:
        return self.media_path(sha).is_file()

    def put_media(self, sha: str, data: bytes) -> bool:
        with self._lock:
            path = self.media_path(sha)
            if path.is_file():
                return False
            atomic.write_bytes(path, data)
            return True


def load_or_create_secret(folder: Path) -> tuple[str, Path]:
    """The portal's shared secret from ``folder/secret`` (0600), made on first start."""
    path = folder / "secret"
    folder.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        return path.read_text("utf-8").strip(), path
    value = pysecrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value, path
