"""Before the window: can Qt's platform plugin load here? (Linux, X11.)

Qt's own answer to a missing library is an abort with a page of English ("Could not load the
Qt platform plugin "xcb" ... libxcb-icccm.so.4"). qk3editor asks first, without Qt: each
library the xcb plugin needs (from ``ldd`` on PySide6's ``libqxcb.so`` and
``libQt6XcbQpa.so.6``) is opened with the system loader, and what is missing is named in one
line with the command that installs it. No Qt import here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

# soname → the Debian/Ubuntu package that has it
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    import ctypes  # only where the xcb plugin is used (not with the first frame elsewhere)

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt will use its xcb (X11) plugin: asked for, or left to choose in an X11 session."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":", 1)[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_libraries(
    env: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
    platform: str = sys.platform,
) -> list[tuple[str, str]]:
    """(soname, package) of every library the xcb plugin needs that cannot be loaded here."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform):
        return []
    return [(so, pkg) for so, pkg in XCB_LIBRARIES.items() if not loadable(so)]


def no_display(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """On Linux with no platform chosen, neither an X11 nor a Wayland display to show on."""
    env = os.environ if env is None else env
    return (
        platform.startswith("linux")
        and not env.get("QT_QPA_PLATFORM")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    )


def problem(
    env: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
    platform: str = sys.platform,
) -> str | None:
    """One translated line saying why the window cannot open, or None when it can."""
    from qk3editor.core.i18n import translate

    env = os.environ if env is None else env
    if no_display(env, platform):
        return translate(
            "desktop",
            "qk3editor: there is no screen to open the window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set); start it from a desktop session, or use the commands "
            "(qk3editor --help)",
        )
    missing = missing_libraries(env, loadable, platform)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(pkg for _so, pkg in missing))
    return translate(
        "desktop",
        "qk3editor: the window cannot open: the system libraries {libraries} are missing; "
        "install them with: sudo apt-get install {packages}",
    ).format(libraries=", ".join(so for so, _pkg in missing), packages=packages)
