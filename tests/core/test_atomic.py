"""The one atomic writer: whole or not at all, temp file cleaned up, permissions kept."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from qk3editor.core import atomic


def test_writes_new_files_and_their_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "settings.json"
    atomic.write_text(target, "Đức Việt\n")
    assert target.read_bytes() == "Đức Việt\n".encode()
    assert list(target.parent.iterdir()) == [target]
    # A new file gets open()'s mode, not mkstemp's private 0o600.
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_replacing_keeps_the_old_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "photo.jpg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "item.json"
    target.write_bytes(b"old")

    def half_then_full(fh: BinaryIO) -> None:
        fh.write(b"ne")
        raise OSError(errno.ENOSPC, "No space left on device")  # cannot be caused in a test

    with pytest.raises(OSError) as info:
        atomic.write_with(target, half_then_full)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["item.json"]


def test_an_interrupted_write_leaves_no_temp_either(tmp_path: Path) -> None:
    target = tmp_path / "cache.jpg"

    def interrupted(fh: BinaryIO) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic.write_with(target, interrupted, durable=False)
    assert list(tmp_path.iterdir()) == []


def test_durable_writes_flush_file_and_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    atomic.write_bytes(tmp_path / "a", b"x")
    assert len(synced) == 2  # the temp file, then the folder (the rename)
    synced.clear()
    atomic.write_bytes(tmp_path / "b", b"x", durable=False)
    assert synced == []


def test_a_new_empty_temp_is_not_taken_for_stray(tmp_path: Path) -> None:
    """A writer makes its temp file and then locks it: a check in between saw an unlocked
    temp and removed it, and the write failed (seen under load in test_reconcile's kill
    test). An empty temp younger than a minute is left; a killed writer's temp with data in
    it, or an old empty one, is stray."""
    name = f".anh.jpg.abc123{atomic.TEMP_SUFFIX}"
    fresh = tmp_path / name
    fresh.write_bytes(b"")
    assert atomic.stray_temps(tmp_path) == []
    half = tmp_path / f".bai.md.def456{atomic.TEMP_SUFFIX}"
    half.write_bytes(b"half a file")
    assert atomic.stray_temps(tmp_path) == [half]
    old = os.path.getmtime(fresh) - atomic.FRESH_EMPTY_TEMP_S - 1
    os.utime(fresh, (old, old))
    assert atomic.stray_temps(tmp_path) == sorted([fresh, half])
