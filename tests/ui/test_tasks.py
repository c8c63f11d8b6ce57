"""The task runner: results on the GUI thread, stale ones dropped, none lost, none to the dead."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal

from qk3editor.ui.tasks import InlineTaskRunner, TaskRunner


class Receiver(QObject):
    took = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def take(self, value: object) -> None:
        self.got.append(value)
        self.took.emit(value)  # raises "Signal source has been deleted" on a dead receiver


def test_results_come_back_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    main = threading.get_ident()
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.submit(
            "io", threading.get_ident, lambda worker: seen.append((worker, threading.get_ident()))
        )
    assert seen and seen[0][1] == main and seen[0][0] != main
    runner.wait()


def test_only_the_newest_job_of_a_key_delivers(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    got: list[str] = []
    release = threading.Event()
    runner.submit("io", lambda: release.wait(5) and "old", got.append, key="preview")
    runner.submit("io", lambda: "new", got.append, key="preview")
    release.set()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        pass
    runner.wait()
    assert got == ["new"]


def test_an_unhandled_error_is_reported_not_swallowed(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = InlineTaskRunner()
    failures: list[BaseException] = []
    runner.failed.connect(failures.append)
    runner.submit("db", lambda: 1 / 0)
    assert isinstance(failures[0], ZeroDivisionError)


def test_no_delivery_to_a_deleted_receiver(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    receiver = Receiver()
    release = threading.Event()
    runner.submit("io", lambda: release.wait(5) and "late", receiver.take)
    shiboken6.delete(receiver)  # the window closed while the job ran
    release.set()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        pass
    runner.wait()


def test_delivery_to_a_live_receiver(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    receiver = Receiver()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.submit("io", lambda: "ok", receiver.take)
    assert receiver.got == ["ok"]
    runner.wait()


@pytest.mark.parametrize("lane", ["db", "io"])
def test_lanes_exist(qtbot, lane: str) -> None:  # type: ignore[no-untyped-def]
    runner = InlineTaskRunner()
    out: list[str] = []
    runner.submit(lane, lambda: lane, out.append)
    assert out == [lane]


def test_shutdown_stops_the_timers_and_joins_every_pool(qtbot) -> None:  # type: ignore[no-untyped-def]
    import os

    before = set(threading.enumerate())
    runner = TaskRunner()
    ticks: list[int] = []
    timer = runner.every(5, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=5_000)
    uploads = runner.pools.threads("uploads", 2)
    assert uploads.submit(lambda: threading.current_thread().name).result(10).startswith("qk3-")
    pids = {runner.pools.processes("work", 1).submit(os.getpid).result(60) for _ in range(2)}
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.submit("io", lambda: "ok")

    assert runner.shutdown()

    assert not timer.isActive()
    ours = [t.name for t in threading.enumerate() if t not in before and t.name.startswith("qk3-")]
    assert ours == []
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert runner.pools.closed


def test_a_job_still_running_at_shutdown_delivers_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    failures: list[BaseException] = []
    got: list[object] = []
    runner.failed.connect(failures.append)
    release = threading.Event()

    def job() -> str:
        release.wait(5)
        raise RuntimeError("cancelled by the quit")

    runner.submit("io", job, got.append)
    threading.Timer(0.1, release.set).start()
    assert runner.shutdown()
    qtbot.wait(50)  # a queued delivery would arrive now
    assert got == [] and failures == []
