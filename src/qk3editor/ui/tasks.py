"""One task runner for all background work.

Two lanes: ``db`` (a single thread, so every store write is serialised) and ``io`` (images,
HTTP, rendering). A job is a plain callable from the Qt-free layers; its result or exception
comes back on the GUI thread through a signal. Nothing is swallowed: an error without an
``on_error`` goes to :attr:`TaskRunner.failed`.

Re-triggerable work (preview, search, counts) passes a ``key``: only the newest job of a key
delivers its result; older ones are dropped as stale.

The runner owns every executor of the process: it wraps the Qt-free
:class:`qk3editor.core.tasks.Runner` (the CLI's runner), whose :attr:`pools` hand the other
layers their thread and process pools (ingest, uploads, renditions, caption writes), and it
keeps the repeating timers (:meth:`every`). :meth:`shutdown` at quit stops the timers, drops
what has not started and joins every thread and worker process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from qk3editor.core.tasks import Pools, Runner

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]

_running = threading.local()


def current_lane() -> str | None:
    """The lane of the job running on this thread (``None`` outside any job).

    The GUI tests' thread guard asks it: with :class:`InlineTaskRunner` a job runs on the GUI
    thread, and a store write inside it is still one that production runs off that thread.
    """
    return getattr(_running, "lane", None)


def _run_in_lane(lane: str, fn: Callable[[], Any]) -> Any:
    outer = getattr(_running, "lane", None)
    _running.lane = lane
    try:
        return fn()
    finally:
        _running.lane = outer


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results back to it."""

    finished = Signal(int, object)
    errored = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, lane: str, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._lane = lane
        self._id = job_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = _run_in_lane(self._lane, self._fn)
        except BaseException as exc:
            self._relay.errored.emit(self._id, exc)
        else:
            self._relay.finished.emit(self._id, result)


class TaskRunner(QObject):
    """Runs jobs off the GUI thread; see the module docstring."""

    failed = Signal(object)  # an exception nobody handled
    busy_changed = Signal(bool)

    def __init__(
        self, parent: QObject | None = None, io_threads: int = 4, core: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core or Runner(io_threads)
        self._timers: list[QTimer] = []
        self._pools = {"db": QThreadPool(self), "io": QThreadPool(self)}
        self._pools["db"].setMaxThreadCount(1)
        self._pools["io"].setMaxThreadCount(io_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._relay.errored.connect(self._on_relay_errored)
        self._lock = threading.Lock()
        self._next = 0
        self._pending: dict[int, tuple[Callback | None, ErrorCallback | None, str | None]] = {}
        self._latest: dict[str, int] = {}

    def submit(
        self,
        lane: str,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        key: str | None = None,
    ) -> int:
        """Run ``fn`` on ``lane``; call ``on_done(result)``/``on_error(exc)`` on the GUI thread."""
        with self._lock:
            self._next += 1
            job_id = self._next
            self._pending[job_id] = (on_done, on_error, key)
            if key is not None:
                self._latest[key] = job_id
        was_idle = len(self._pending) == 1
        self._start(lane, job_id, fn)
        if was_idle:
            self.busy_changed.emit(True)
        return job_id

    def _start(self, lane: str, job_id: int, fn: Callable[[], Any]) -> None:
        self._pools[lane].start(_Job(lane, job_id, fn, self._relay))

    @property
    def pools(self) -> Pools:
        """The process's thread and process pools (the Qt-free layers take them)."""
        return self.core.pools

    def use(self, core: Runner) -> None:
        """Wrap ``core`` (the AppContext's runner) instead of our own, so one object owns the
        pools the services were built with. Called by the composition root before any use."""
        if core is self.core:
            return
        self.core.shutdown(wait=True)  # ours, still unused
        self.core = core

    def every(self, interval_ms: int, fn: Callable[[], object]) -> QTimer:
        """Call ``fn`` on the GUI thread every ``interval_ms`` until :meth:`shutdown`."""
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(fn)
        timer.start()
        self._timers.append(timer)
        return timer

    def shutdown(self, msecs: int = 30_000) -> bool:
        """At quit: stop the timers, drop the jobs not started, cancel the pools' queued work
        and join every thread and worker process. Nothing of ours runs afterwards."""
        for timer in self._timers:
            timer.stop()
        self._timers.clear()
        for pool in self._pools.values():
            pool.clear()  # queued, not started: never run
        self.core.shutdown(wait=True)
        ok = all(pool.waitForDone(msecs) for pool in self._pools.values())
        with self._lock:
            was_busy = bool(self._pending)
            self._pending.clear()
            self._latest.clear()
        if was_busy:
            self.busy_changed.emit(False)
        return ok

    def is_current(self, key: str, job_id: int) -> bool:
        return self._latest.get(key) == job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every lane is idle (used at shutdown and in tests)."""
        ok = all(pool.waitForDone(msecs) for pool in self._pools.values())
        return ok

    def _take(self, job_id: int) -> tuple[Callback | None, ErrorCallback | None, bool]:
        entry = self._pending.pop(job_id, None)
        if entry is None:  # dropped by shutdown(): nobody waits for it any more
            return None, None, True
        on_done, on_error, key = entry
        stale = key is not None and self._latest.get(key) != job_id
        if not self._pending:
            self.busy_changed.emit(False)
        return on_done, on_error, stale

    @Slot(int, object)
    def _on_relay_finished(self, job_id: int, result: object) -> None:
        on_done, _on_error, stale = self._take(job_id)
        if not stale and on_done is not None and _owner_alive(on_done):
            on_done(result)

    @Slot(int, object)
    def _on_relay_errored(self, job_id: int, exc: BaseException) -> None:
        _on_done, on_error, stale = self._take(job_id)
        if stale:
            return
        if on_error is not None and not _owner_alive(on_error):
            log.info("dropped the error of a job whose window is gone", exc_info=exc)
            return
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background job failed", exc_info=exc)
            self.failed.emit(exc)


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object already deleted (a closed window):
    its result has nobody to go to. The job itself has run; only the delivery is dropped."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class InlineTaskRunner(TaskRunner):
    """Runs each job at once on the calling thread (tests): same callbacks, same staleness."""

    def _start(self, lane: str, job_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = _run_in_lane(lane, fn)
        except BaseException as exc:
            self._on_relay_errored(job_id, exc)
        else:
            self._on_relay_finished(job_id, result)
