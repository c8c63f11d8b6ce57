"""The Qt-free task runner owns every executor: one shutdown leaves nothing of ours running,
and a process pool a dead worker broke is rebuilt through it."""

from __future__ import annotations

import os
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from qk3editor.core.tasks import Pools, PoolsClosed, Runner
from qk3editor.photos.ingest import INGEST_POOL, IngestOptions, ingest
from tests.photos.photo_factory import jpeg_bytes


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_shutdown_leaves_no_thread_or_worker_process_of_ours() -> None:
    before = set(threading.enumerate())  # other tests' threads are not this runner's
    runner = Runner(io_threads=2)
    ticks = threading.Event()
    runner.every(5, ticks.set)
    got: list[str] = []
    done = threading.Event()
    runner.submit("db", lambda: "db", lambda r: (got.append(r), done.set()))
    assert done.wait(10)
    uploads = runner.pools.threads("uploads", 3)
    assert uploads.submit(threading.current_thread).result(10).name.startswith("qk3-uploads")
    procs = runner.pools.warm("test-procs", 2)
    pids = {procs.submit(os.getpid).result(60) for _ in range(4)}
    assert pids and os.getpid() not in pids
    assert ticks.wait(10)  # the timer ran
    ours = [t for t in threading.enumerate() if t.name.startswith("qk3-")]
    assert ours  # lanes, the uploads pool and the timer are threads of ours

    runner.shutdown()

    assert got == ["db"]
    assert [t.name for t in ours if t.is_alive()] == []
    assert [t.name for t in threading.enumerate() if t not in before] == []
    assert [pid for pid in pids if _alive(pid)] == []
    with pytest.raises(PoolsClosed):
        runner.pools.threads("uploads", 1)


def test_shutdown_cancels_what_has_not_started() -> None:
    pools = Pools()
    one = pools.threads("one", 1)
    release = threading.Event()
    first = one.submit(release.wait, 10)
    queued = one.submit(lambda: "never")
    threading.Timer(0.05, release.set).start()
    pools.shutdown(wait=True)
    assert first.result() is True
    assert queued.cancelled()


def test_a_broken_process_pool_is_rebuilt_through_the_pools() -> None:
    pools = Pools()
    try:
        pool = pools.processes("crashy", 1)
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 3).result(60)  # a worker dies (a native crash)
        with pytest.raises(BrokenProcessPool):
            pool.submit(os.getpid)  # nothing more goes into the broken pool
        fresh = pools.rebuild("crashy", pool)
        assert fresh is not pool
        assert pools.processes("crashy") is fresh
        assert fresh.submit(pow, 2, 5).result(60) == 32
        assert pools.rebuild("crashy", pool) is fresh  # a second caller gets the same one
    finally:
        pools.shutdown()


def test_ingest_goes_on_when_the_runners_pool_was_broken(tmp_path: Path, monkeypatch) -> None:
    """The desk keeps a warm pool; an earlier crash broke it: the next import rebuilds it."""
    from qk3editor.photos import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "THREADS_UP_TO", 5)  # a batch for the process pool
    card = tmp_path / "card"
    card.mkdir()
    for i in range(6):
        (card / f"IMG_{i}.jpg").write_bytes(jpeg_bytes(color=(i * 30, 90, 60)))
    pools = Pools()
    try:
        broken = pools.warm(INGEST_POOL, 2)
        with pytest.raises(BrokenProcessPool):
            broken.submit(os._exit, 1).result(60)
        options = IngestOptions(thumbnails_dir=tmp_path / "thumbs", workers=2)
        report = ingest([card], options, pools=pools)
        assert report.count("imported") == 6
        assert pools.processes(INGEST_POOL) is not broken
    finally:
        pools.shutdown()


def test_runner_lanes_deliver_only_the_newest_of_a_key_and_keep_unhandled_errors() -> None:
    runner = Runner()
    try:
        release = threading.Event()
        got: list[str] = []
        runner.submit("io", lambda: release.wait(10) and "old", got.append, key="k")
        runner.submit("io", lambda: "new", got.append, key="k")
        release.set()
        runner.submit("db", lambda: 1 / 0)
        assert runner.wait(10)
        assert got == ["new"]
        assert [type(e) for e in runner.errors] == [ZeroDivisionError]
    finally:
        runner.shutdown()
