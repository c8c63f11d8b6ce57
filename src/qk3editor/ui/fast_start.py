"""Two costs of a Python Qt start that are not the window's (issue 14, start-up).

Measured on this project's start-up benchmark (10k articles, 15 interleaved runs): together
about 10 ms of the ~135 ms to the first frame.

* **The cyclic garbage collector** runs a collection every 700 new container objects. A start
  creates hundreds of thousands (PySide6's signature modules, every class and function of ours)
  and frees almost none, so each collection walks a growing heap to find nothing: about 7 ms to
  the first frame. :func:`pause_gc` turns it off at the very start of the GUI's process;
  :func:`resume_gc` turns it on once the GUI is built (``app.run_gui``), whatever happened.
  Reference counting frees everything that is not a cycle meanwhile; the cycles made during the
  start are collected by the first collection after it.

* **PySide6's ``__feature__`` check** (``shibokensupport.feature``): after ``PySide6.QtCore`` is
  imported, every later import calls ``_mod_uses_pyside(module)``, which reads the module's
  whole source (``inspect.getsource``) to see whether it mentions "PySide6", so that the module
  may use ``from __feature__ import snake_case``. About 3 ms for the ~50 modules of the first
  frame (napari/napari#8584 measured the same tax). :func:`skip_feature_scan` answers without
  reading for the two cases whose answer is known: the standard library never uses PySide6,
  and this application never selects a feature (its modules get PySide6's plain API, as the
  scan gives every module that imports Qt). Everything else still goes to PySide6's check.
  The hook is private to PySide6: when it is not there (another version), nothing is changed.

Neither changes what the program does; only when the collector runs, and a file read.
"""

from __future__ import annotations

import gc
import sys
from types import ModuleType

_paused = False


def pause_gc() -> None:
    """Turn the cyclic collector off for the start (no-op when it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> None:
    """Turn the collector back on, if :func:`pause_gc` turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.collect()  # the start's few cycles, once; the rest is kept in the oldest generation
        gc.enable()


def gc_paused() -> bool:
    return _paused


def feature_scan_skipped() -> bool:
    feature = sys.modules.get("shibokensupport.feature")
    return bool(getattr(getattr(feature, "_mod_uses_pyside", None), "qk3_skip", False))


def skip_feature_scan() -> bool:
    """Answer PySide6's per-import source scan for our modules and the standard library.

    Call after PySide6 is imported. True when the hook was installed (or already was)."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan):
        return False
    if getattr(scan, "qk3_skip", False):
        return True
    stdlib = sys.stdlib_module_names

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "") or ""
        top = name.partition(".")[0]
        if top == "qk3editor":
            return True  # PySide6's plain API, never a __feature__ selection
        if top in stdlib:
            return False  # no standard module imports PySide6
        return bool(scan(module))

    uses_pyside.qk3_skip = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
