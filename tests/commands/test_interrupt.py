"""Ctrl+C in the CLI: one Vietnamese line saying what was left and how to go on, exit 130.

Real signals: ``photos import`` of many files in a child process gets SIGINT while it reads
them; ``publish`` gets SIGINT (sent to this process by the server it is talking to) while it
waits for the answer.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest
from PIL import Image

from qk3editor import cli
from tests.conftest import subprocess_env
from tests.publish.helpers import MemoryKeyring


def make_photos(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        img = Image.effect_noise((900, 600), 40 + i % 50).convert("RGB")
        img.save(folder / f"p{i:03}.jpg", quality=90)


def test_ctrl_c_during_photos_import_says_what_was_left(home: Path, tmp_path: Path) -> None:
    n = 120
    make_photos(tmp_path / "in", n)
    args = [sys.executable, "-m", "qk3editor", "--lang", "vi", "photos", "import"]
    child = subprocess.Popen(
        [*args, str(tmp_path / "in")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    from qk3editor.paths import resolve_paths

    thumbs = resolve_paths().thumbnails_dir
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:  # wait until files are read
        if any(p.suffix == ".jpg" for p in thumbs.rglob("*.jpg")):
            break
        time.sleep(0.02)
    assert child.poll() is None, "the import ended before it could be interrupted"
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err  # one line, no traceback
    assert lines[0].startswith("qk3editor: đã dừng (Ctrl+C): ")
    assert "chạy lại đúng lệnh này" in lines[0]
    imported = out.count("đã nhập\t#")
    assert f"đã nhập {imported} ảnh" in lines[0]
    assert imported < n
    # the advice works: the same command again imports the rest
    again = subprocess.run(
        [*args, str(tmp_path / "in")],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "qk3editor", "photos", "list", "--json"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    assert len(json.loads(listed.stdout)) == n


class Hang(BaseHTTPRequestHandler):
    """Answers the login check; on the article's upload, presses Ctrl+C on the client."""

    def do_GET(self) -> None:  # whoami
        self.send_response(200)
        body = json.dumps({"user": "editor"}).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl+C while we wait
        time.sleep(2)
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hanging_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hang)
    server.daemon_threads = False  # server_close() joins the handler (it sleeps 2 s)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_ctrl_c_during_publish_names_the_job_and_the_command(
    home: Path,
    fixture_md: Path,
    hanging_server: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        assert cli.main(["import", str(fixture_md)]) == 0
        article = capsys.readouterr().out.split()[0]
        monkeypatch.setattr("sys.stdin", io.StringIO("secret\n"))
        add = ["target", "add", "site", "--kind", "ninjs", "--url", hanging_server]
        assert cli.main([*add, "--user", "editor"]) == 0
        capsys.readouterr()
        code = cli.main(["--lang", "vi", "publish", article, "--target", "site"])
    finally:
        keyring.set_keyring(previous)
    err = capsys.readouterr().err
    assert code == 130, err
    last = err.strip().splitlines()[-1]
    # publish marks its job and says so itself (issue 9), in one Vietnamese line
    assert last.startswith("Đã ngắt: tác vụ 1 chờ trong hộp thư đi"), err
    assert "qk3editor outbox --retry 1" in last
    assert "Traceback" not in err


def _stop(*_a: object, **_k: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    "where",
    [
        "qk3editor.cli.build_parser",  # while the commands are read
        "qk3editor.context.AppContext.open",  # while the store opens
        "qk3editor.context.AppContext.close",  # while it closes, after the work
        "qk3editor.commands.text.run_check",  # in a command
    ],
)
def test_ctrl_c_anywhere_prints_one_vietnamese_line(
    home: Path,
    fixture_md: Path,
    where: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 11: Ctrl+C anywhere in the CLI prints one line in Vietnamese saying what was left
    and how to go on (exit 130), never a traceback — also while the store opens or closes."""
    assert cli.main(["import", str(fixture_md)]) == 0
    article = capsys.readouterr().out.split()[0]
    module, _, name = where.rpartition(".")
    if module.endswith("AppContext"):
        from qk3editor.context import AppContext

        monkeypatch.setattr(AppContext, name, _stop if name == "close" else classmethod(_stop))
    else:
        monkeypatch.setattr(module + "." + name, _stop, raising=False)
    code = cli.main(["--lang", "vi", "check", article])
    monkeypatch.undo()
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 130, err
    assert len(lines) == 1, err
    assert lines[0].startswith("qk3editor: đã dừng (Ctrl+C): "), err
    assert "chạy lại" in lines[0], err  # how to go on
