"""Every executor of the process, owned in one place (Qt-free; the CLI and the GUI share it).

:class:`Pools` makes the thread pools and process pools the other layers work on, by name and
on first use (an unused pool costs nothing at start-up), rebuilds a process pool a crashed
worker broke, and shuts every one of them down in one call. The layers below the UI never
make an executor: they take one (or a :class:`Pools`) by injection.

:class:`Runner` adds the two lanes of the GUI's ``TaskRunner`` — ``db`` (one thread, so
every store write is serialised) and ``io`` — with the same ``submit`` interface, and
repeating timers; the CLI uses it as it is, the GUI's ``qk3editor.ui.tasks.TaskRunner`` wraps
one (its results come back on the GUI thread). ``Runner.shutdown`` stops the timers and the
background services (:meth:`Runner.background`: the live-update listener), cancels what has
not started and joins every thread and worker process: nothing of ours is left.

Code that is handed no pools (a test, a library call) gets a private :class:`Pools` for the
one call through :func:`scoped_pools`, shut down when the call returns.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Generator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
LANES = ("db", "io")


class PoolsClosed(RuntimeError):
    """A pool was asked for after :meth:`Pools.shutdown` (the app is quitting)."""


class Pools:
    """Named executors, made on first use, all shut down by :meth:`shutdown`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: dict[str, ThreadPoolExecutor] = {}
        self._processes: dict[str, tuple[ProcessPoolExecutor, int]] = {}
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def threads(self, name: str, workers: int) -> Executor:
        """The thread pool ``name`` (``workers`` threads at most; the first call sets it)."""
        with self._lock:
            self._check_open()
            pool = self._threads.get(name)
            if pool is None:
                pool = ThreadPoolExecutor(
                    max_workers=max(1, workers), thread_name_prefix=f"qk3-{name}"
                )
                self._threads[name] = pool
            return pool

    def processes(self, name: str, workers: int | None = None) -> Executor:
        """The process pool ``name`` (spawned workers: no fork of a threaded process)."""
        with self._lock:
            self._check_open()
            found = self._processes.get(name)
            if found is None:
                n = max(1, workers or os.cpu_count() or 1)
                found = (_process_pool(n), n)
                self._processes[name] = found
            return found[0]

    def started(self, name: str) -> bool:
        """Whether process pool ``name`` exists already (warmed or used): a caller may
        prefer other means to starting one for a small job."""
        with self._lock:
            return name in self._processes

    def rebuild(self, name: str, broken: Executor) -> Executor:
        """A fresh process pool ``name`` in place of ``broken``, which a dead worker broke
        (``BrokenProcessPool``). If another caller rebuilt it already, that one is returned."""
        with self._lock:
            self._check_open()
            found = self._processes.get(name)
            if found is not None and found[0] is not broken:
                return found[0]
            n = found[1] if found is not None else 1
            fresh = (_process_pool(n), n)
            self._processes[name] = fresh
        broken.shutdown(wait=False, cancel_futures=True)
        return fresh[0]

    def warm(self, name: str, workers: int | None = None) -> Executor:
        """Start the workers of process pool ``name`` now, so the first job need not wait."""
        pool = self.processes(name, workers)
        n = self._processes[name][1]
        for _ in range(n):
            pool.submit(os.getpid)
        return pool

    def names(self) -> list[str]:
        with self._lock:
            return sorted([*self._threads, *self._processes])

    def shutdown(self, wait: bool = True) -> None:
        """Cancel what has not started; with ``wait``, join every thread and worker process."""
        with self._lock:
            self._closed = True
            threads = list(self._threads.values())
            processes = [p for p, _n in self._processes.values()]
            self._threads.clear()
            self._processes.clear()
        for pool in (*threads, *processes):
            pool.shutdown(wait=wait, cancel_futures=True)

    def _check_open(self) -> None:
        if self._closed:
            raise PoolsClosed("the task pools are shut down")


def _process_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_ignore_interrupts,
    )


def _ignore_interrupts() -> None:
    """Workers leave Ctrl+C to the parent (which stops the work and says what was left): a
    terminal sends SIGINT to the whole process group, and each worker would print a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def scoped_pools(pools: Pools | None) -> Generator[Pools, None, None]:
    """``pools`` itself, or a private one for this call, shut down when it returns."""
    if pools is not None:
        yield pools
        return
    own = Pools()
    try:
        yield own
    finally:
        own.shutdown(wait=True)


class Timer:
    """A repeating timer on its own thread (the CLI's ``every``); :meth:`stop` ends it."""

    def __init__(self, interval_s: float, fn: Callable[[], object]) -> None:
        self._interval = interval_s
        self._fn = fn
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="qk3-timer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._fn()
            except Exception:
                log.exception("timer job failed")

    def stop(self) -> None:
        self._stop.set()
        if threading.current_thread() is not self._thread:
            self._thread.join()


class Runner:
    """The Qt-free task runner: lanes, named pools, timers, one shutdown. See the module docs.

    ``on_done``/``on_error`` run on the worker thread (there is no event loop to return to);
    an error without ``on_error`` is logged and kept in :attr:`errors`.
    """

    def __init__(self, io_threads: int = 4, pools: Pools | None = None) -> None:
        self.pools = pools or Pools()
        self.io_threads = io_threads
        self.errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._next = 0
        self._latest: dict[str, int] = {}
        self._pending: set[Future[Any]] = set()
        self._timers: list[Timer] = []
        self._stoppers: list[Callable[[], None]] = []

    def lane(self, lane: str) -> Executor:
        if lane not in LANES:
            raise ValueError(f"no lane {lane!r}")
        return self.pools.threads(lane, 1 if lane == "db" else self.io_threads)

    def submit(
        self,
        lane: str,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        key: str | None = None,
    ) -> int:
        """Run ``fn`` on ``lane``; only the newest job of a ``key`` delivers its result."""
        with self._lock:
            self._next += 1
            job_id = self._next
            if key is not None:
                self._latest[key] = job_id

        def job() -> None:
            try:
                result = fn()
            except BaseException as exc:
                if key is not None and not self.is_current(key, job_id):
                    return
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("background job failed", exc_info=exc)
                    self.errors.append(exc)
                return
            if on_done is not None and (key is None or self.is_current(key, job_id)):
                on_done(result)

        fut = self.lane(lane).submit(job)
        with self._lock:
            self._pending.add(fut)
        fut.add_done_callback(self._finished)
        return job_id

    def _finished(self, fut: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(fut)

    def is_current(self, key: str, job_id: int) -> bool:
        with self._lock:
            return self._latest.get(key) == job_id

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def every(self, interval_ms: int, fn: Callable[[], object]) -> Timer:
        """Call ``fn`` every ``interval_ms`` until :meth:`shutdown` (on a timer thread)."""
        timer = Timer(interval_ms / 1000, fn)
        with self._lock:
            self._timers.append(timer)
        return timer

    def background(
        self, name: str, run: Callable[[], object], stop: Callable[[], None]
    ) -> Future[Any]:
        """Run ``run`` for as long as the app lives on a thread of its own (a LISTEN
        connection): :meth:`shutdown` calls ``stop`` first, which must make ``run`` return."""
        with self._lock:
            self._stoppers.append(stop)

        def job() -> None:
            try:
                run()
            except Exception:
                log.exception("background service %s failed", name)

        return self.pools.threads(f"bg-{name}", 1).submit(job)

    def wait(self, timeout: float | None = None) -> bool:
        """Until every submitted job has finished (False on timeout)."""
        import concurrent.futures as cf

        with self._lock:
            pending = list(self._pending)
        _done, not_done = cf.wait(pending, timeout=timeout)
        return not not_done

    def shutdown(self, wait: bool = True) -> None:
        """Stop the timers, cancel what has not started, join every thread and process."""
        with self._lock:
            timers = list(self._timers)
            self._timers.clear()
            stoppers = list(self._stoppers)
            self._stoppers.clear()
        for timer in timers:
            timer.stop()
        for stop in stoppers:
            stop()
        self.pools.shutdown(wait=wait)
