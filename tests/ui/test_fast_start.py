"""ui/fast_start.py (issue 14, start-up): the collector's pause and PySide6's source scan.

The launcher's side (paused to the first frame, on again once the GUI is built) is held by
tests/ui/test_startup_path.py in a real child process; these hold the two functions."""

from __future__ import annotations

import gc
import importlib
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from qk3editor.ui import fast_start


@pytest.fixture
def restored_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    fast_start._paused = False
    (gc.enable if was else gc.disable)()


def test_pause_and_resume_the_collector(restored_gc: None) -> None:
    gc.enable()
    fast_start.pause_gc()
    assert not gc.isenabled() and fast_start.gc_paused()
    fast_start.pause_gc()  # twice: still one pause
    fast_start.resume_gc()
    assert gc.isenabled() and not fast_start.gc_paused()


def test_resume_leaves_a_collector_it_did_not_pause(restored_gc: None) -> None:
    gc.disable()  # someone else's choice (a profiler, a test)
    fast_start.pause_gc()
    assert not fast_start.gc_paused()
    fast_start.resume_gc()
    assert not gc.isenabled()


def _module(name: str, path: Path | None) -> types.ModuleType:
    module = types.ModuleType(name)
    if path is not None:
        module.__file__ = str(path)
    return module


def test_the_scan_is_answered_without_reading_for_ours_and_the_standard_library(
    tmp_path: Path,
) -> None:
    import PySide6.QtCore  # noqa: F401  (the scan exists once PySide6 is loaded)

    feature = sys.modules["shibokensupport.feature"]
    scan_before = feature._mod_uses_pyside
    try:
        assert fast_start.skip_feature_scan() and fast_start.feature_scan_skipped()
        installed = feature._mod_uses_pyside
        assert fast_start.skip_feature_scan() and feature._mod_uses_pyside is installed  # once
        # ours: PySide6's plain API, without a file to read (PySide6's own scan says False
        # for a module without source: the answer did not come from it)
        assert installed(_module("qk3editor.ui.imaginary", None)) is True
        assert scan_before(_module("qk3editor.ui.imaginary", None)) is False
        # the standard library: never, whatever its source says
        lying = tmp_path / "json_lying.py"
        lying.write_text("import PySide6\n", encoding="utf-8")
        assert installed(_module("json.lying", lying)) is False
        # anything else still goes to PySide6's scan, which reads the source
        third = tmp_path / "third_party_widget.py"
        third.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
        plain = tmp_path / "third_party_plain.py"
        plain.write_text("X = 1\n", encoding="utf-8")
        sys.path.insert(0, str(tmp_path))
        try:
            widget = importlib.import_module("third_party_widget")
            plain_module = importlib.import_module("third_party_plain")
            assert installed(widget) is True
            assert installed(plain_module) is False
        finally:
            sys.path.remove(str(tmp_path))
            sys.modules.pop("third_party_widget", None)
            sys.modules.pop("third_party_plain", None)
    finally:
        feature._mod_uses_pyside = scan_before


def test_without_pyside6_s_scan_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("feature"))
    assert not fast_start.skip_feature_scan()
    assert not fast_start.feature_scan_skipped()
