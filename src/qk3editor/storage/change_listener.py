"""Live updates from PostgreSQL (issue 16): one LISTEN connection, no polling.

The store's triggers (:mod:`.notify_sql`) announce each change on ``qk3_changes``.
:class:`ChangeListener` holds one connection of its own in autocommit mode, LISTENs, and
sleeps in ``select`` on its socket (and on a pipe that :meth:`stop` writes to) until the
server sends something. Notifications arriving together are gathered for a moment and handed
on in one batch, ids merged per kind, those this process wrote itself left out (its own views
were told already). A dropped connection (server restart, network cut, the connection killed)
is reopened with growing pauses; after a reconnect the batch is ``[("resync", ())]``: what
happened meanwhile is unknown, so everything shown is read again.

Runs on a thread of the task runner (``Runner.background``); Qt-free.
"""

from __future__ import annotations

import json
import logging
import os
import select
from collections.abc import Callable
from typing import Any

from sqlalchemy import make_url

from qk3editor.core.json_values import as_object, list_or_empty
from qk3editor.storage.notify_sql import CHANNEL, origin_name

log = logging.getLogger(__name__)

Change = tuple[str, tuple[Any, ...]]
RESYNC = "resync"
GATHER_S = 0.03  # notifications this close together are one batch
GATHER_MAX_S = 0.2
RETRY_S = (0.2, 0.5, 1.0, 2.0, 5.0)


def conninfo(url: str) -> str:
    """A libpq connection string for a SQLAlchemy PostgreSQL URL."""
    u = make_url(url).set(drivername="postgresql")
    return u.render_as_string(hide_password=False)


class ChangeListener:
    def __init__(
        self,
        url: str,
        on_changes: Callable[[list[Change]], None],
        skip_origin: str | None = None,
        on_connected: Callable[[bool], None] | None = None,
    ) -> None:
        """``on_changes(batch)`` and ``on_connected(first)`` run on the listener's thread."""
        self.url = url
        self.on_changes = on_changes
        self.skip_origin = origin_name() if skip_origin is None else skip_origin
        self.on_connected = on_connected
        self._wake_r, self._wake_w = os.pipe()
        self._stopped = False
        self.conn: Any = None  # the open psycopg connection (tests kill its backend)

    def stop(self) -> None:
        self._stopped = True
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass

    def run(self) -> None:
        """Listen until :meth:`stop`; see the module docstring."""
        attempt = 0
        first = True
        try:
            while not self._stopped:
                try:
                    self.conn = self._connect()
                except Exception as exc:
                    log.warning("live updates: cannot connect (%s)", exc)
                    self._pause(RETRY_S[min(attempt, len(RETRY_S) - 1)])
                    attempt += 1
                    continue
                attempt = 0
                if self.on_connected is not None:
                    self.on_connected(first)
                if not first:
                    self.on_changes([(RESYNC, ())])
                first = False
                try:
                    self._listen(self.conn)
                except Exception as exc:
                    if not self._stopped:
                        log.warning("live updates: connection lost (%s); reconnecting", exc)
                finally:
                    self._close()
        finally:
            os.close(self._wake_r)
            os.close(self._wake_w)

    def _connect(self) -> Any:
        import psycopg

        conn = psycopg.connect(
            conninfo(self.url),
            autocommit=True,
            application_name=(origin_name() + " listen")[:63],
            # a network cut with no reset is noticed within about half a minute
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            connect_timeout=10,
        )
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                pass

    def _pause(self, seconds: float) -> None:
        select.select([self._wake_r], [], [], seconds)

    def _listen(self, conn: Any) -> None:
        pg = conn.pgconn
        sock = pg.socket
        while not self._stopped:
            ready, _w, _x = select.select([sock, self._wake_r], [], [])
            if self._wake_r in ready:
                return
            batch = self._drain(pg)
            waited = 0.0
            while waited < GATHER_MAX_S and not self._stopped:
                ready, _w, _x = select.select([sock, self._wake_r], [], [], GATHER_S)
                if sock not in ready:
                    break
                batch.extend(self._drain(pg))
                waited += GATHER_S
            merged = merge(batch)
            if merged and not self._stopped:
                self.on_changes(merged)

    def _drain(self, pg: Any) -> list[dict[str, Any]]:
        import psycopg

        pg.consume_input()  # raises OperationalError when the server is gone
        if pg.status != psycopg.pq.ConnStatus.OK:
            raise psycopg.OperationalError("the connection is closed")
        found: list[dict[str, Any]] = []
        while (n := pg.notifies()) is not None:
            try:
                payload = json.loads(n.extra.decode("utf-8"))
            except ValueError:
                continue
            obj = as_object(payload)
            if obj is not None and obj.get("origin") != self.skip_origin:
                found.append(obj)
        return found


def merge(payloads: list[dict[str, Any]]) -> list[Change]:
    """One change per kind, ids in order of arrival without repeats."""
    kinds: dict[str, dict[Any, None]] = {}
    for p in payloads:
        kind = p.get("kind")
        ids = list_or_empty(p.get("ids"))
        if not isinstance(kind, str):
            continue
        seen = kinds.setdefault(kind, {})
        for i in ids:
            seen[i] = None
    return [(kind, tuple(ids)) for kind, ids in kinds.items()]
