"""Issue 10, a fresh desktop: the README's first command opens the window under a real X
server (Xvfb) on a fresh QK3EDITOR_HOME and shows the welcome page; where Qt's xcb plugin
cannot load, qk3editor says so in one Vietnamese line naming the library and the apt-get
command, never with Qt's abort text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qk3editor import desktop_check
from tests.conftest import subprocess_env


def test_missing_libraries_are_named_with_their_packages() -> None:
    env = {"DISPLAY": ":0"}
    gone = {"libxcb-icccm.so.4", "libxcb-cursor.so.0"}
    found = desktop_check.missing_libraries(env, lambda so: so not in gone, "linux")
    assert found == [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ]
    assert desktop_check.missing_libraries(env, lambda so: True, "linux") == []
    # other platforms, Wayland sessions and offscreen are not X11's business
    assert (
        desktop_check.missing_libraries({"QT_QPA_PLATFORM": "offscreen"}, lambda s: False, "linux")
        == []
    )
    assert desktop_check.missing_libraries({"DISPLAY": ":0"}, lambda s: False, "win32") == []
    assert (
        desktop_check.missing_libraries(
            {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, lambda s: False, "linux"
        )
        == []
    )
    assert desktop_check.missing_libraries({"QT_QPA_PLATFORM": "xcb"}, lambda s: False, "linux")
    assert desktop_check.problem({"DISPLAY": ":0"}, lambda s: True, "linux") is None


def test_every_library_the_xcb_plugin_links_is_known() -> None:
    """The table is ldd's answer for the installed PySide6 (no X11 library is left out)."""
    import PySide6

    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        pytest.skip("ldd on Linux only")
    qt = Path(PySide6.__file__).parent / "Qt"
    needed = set()
    for lib in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True).stdout
        needed |= {line.split()[0] for line in out.splitlines() if "=>" in line}
    x11 = {n for n in needed if n.startswith(("libxcb", "libX11", "libxkbcommon"))}
    assert x11 and x11 <= set(desktop_check.XCB_LIBRARIES)


def test_a_missing_library_is_one_vietnamese_line(home: Path, tmp_path: Path) -> None:
    """A real start with libxcb-icccm.so.4 unusable (a broken file first on the loader path)."""
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-icccm.so.4").write_bytes(b"not a library")
    env = subprocess_env(LD_LIBRARY_PATH=str(broken), DISPLAY=":987")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "QK3EDITOR_LANG"):
        env.pop(name, None)
    out = subprocess.run(
        [sys.executable, "-m", "qk3editor"], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 1
    assert out.stderr.strip() == (
        "qk3editor: không mở được cửa sổ vì thiếu thư viện hệ thống libxcb-icccm.so.4; "
        "cài bằng lệnh: sudo apt-get install libxcb-icccm4"
    )
    assert "qt.qpa" not in out.stderr and "Could not load" not in out.stderr


@pytest.fixture
def xvfb() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    for number in range(140, 200):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-noreset", "-screen", "0", "1366x768x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    yield display
    proc.terminate()
    proc.wait(10)


def test_first_command_opens_the_window_on_welcome_under_xvfb(tmp_path: Path, xvfb: str) -> None:
    """The README's first command's entry point (``qk3editor`` with no argument) on a fresh
    home, under a real X server with the xcb plugin: the window is shown on the welcome page."""
    home = tmp_path / "fresh-home"
    env = subprocess_env(DISPLAY=xvfb, QK3EDITOR_HOME=str(home))
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "QK3EDITOR_LANG"):
        env.pop(name, None)
    # the same run_gui as ``qk3editor``, through the test launcher that quits once it is shown
    command = [sys.executable, "-m", "qk3editor.ui.testing", "--exit-after-shown"]
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith("shown ") for line in lines), out.stdout
    assert "welcome=1" in lines, out.stdout
    assert (home / "data" / "qk3editor.sqlite3").is_file()
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"  # the suite's own stays offscreen


def test_the_readme_names_every_package_the_window_needs() -> None:
    import re

    from tests.conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- system-packages -->\n```sh\n(.*?)```", text, re.S)
    assert block
    named = set(block.group(1).split())
    assert set(desktop_check.XCB_LIBRARIES.values()) <= named
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(pkg in ci.split() for pkg in desktop_check.XCB_LIBRARIES.values())
    assert "tools/first_run_check.sh" in ci
