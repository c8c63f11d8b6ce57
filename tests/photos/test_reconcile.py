"""Photos reconcile with the store (issue 12, deliverable 6), with real JPEGs and exiftool.

kill -9 during a caption batch, then ``photos check``: temp files removed (never a live
writer's), captions already in the files read back into the store; a JPEG with two XMP
packets; exiv2 warnings in the log, not the report; control characters in file names.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from qk3editor.photos import jpeg
from qk3editor.storage.db import backup_sqlite
from tests.conftest import ROOT, subprocess_env
from tests.photos.photo_factory import exiftool_json, jpeg_bytes, needs_exiftool

X = 'lang="x-default"'


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(QK3EDITOR_HOME=str(home)),
        timeout=120,
    )


def stored(home: Path) -> dict[str, dict[str, object]]:
    out = run("photos", "list", "--json", home=home)
    assert out.returncode == 0, out.stderr
    return {p["path"]: p for p in json.loads(out.stdout)}


def description(item: dict[str, object]) -> str:
    return str(item["description"])


def temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.qk3tmp"))


@needs_exiftool
def test_kill_during_a_caption_batch_then_photos_check(tmp_path: Path) -> None:
    home, card = tmp_path / "home", tmp_path / "card"
    card.mkdir()
    for i in range(12):
        (card / f"anh-{i:02d}.jpg").write_bytes(
            jpeg_bytes(
                (640, 480), color=(20 * i, 90, 40), xmp={"Xmp.dc.description": {X: f"Ảnh cũ {i}"}}
            )
        )
    assert run("photos", "import", str(card), home=home).returncode == 0
    ids = [str(p["id"]) for p in stored(home).values()]
    assert len(ids) == 12
    caption = "Bộ đội Quân khu 3 diễn tập"
    # fsync 1..6 pass (3 files, each: file + folder), the 7th blocks inside a write
    child = subprocess.Popen(
        [
            *(sys.executable, "-m", "tests.photos.stalling_cli", "6", "--lang", "en"),
            *("photos", "caption", *ids, "--caption", caption),
        ],
        cwd=ROOT,
        env=subprocess_env(QK3EDITOR_HOME=str(home)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not temps(card) and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.01)
        assert temps(card), child.communicate()
        time.sleep(0.2)  # the other writer threads reach their stall too
        # a live writer's temp is locked: a check now must leave it alone (run on a copy of
        # the store, so that what it reads back does not spoil the check after the kill)
        copy = backup_sqlite(home / "data" / "qk3editor.sqlite3", tmp_path / "copy")
        live = run("--store", str(copy), "photos", "check", home=home)
        assert live.returncode == 0, live.stderr
        assert "temp file removed" not in live.stdout and temps(card)
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
    left = temps(card)
    assert left  # what kill -9 leaves behind
    before = stored(home)
    in_files = {str(p): exiftool_json(p).get("XMP-dc:Description") for p in card.glob("*.jpg")}
    newer = sorted(p for p, d in in_files.items() if d == caption and description(before[p]) != d)
    assert newer  # captions in the files that the store does not know
    out = run("photos", "check", home=home)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert temps(card) == []
    assert out.stdout.count("temp file removed\t-\t") == len(left)
    assert (
        sorted(
            line.split("\t")[2]
            for line in out.stdout.splitlines()
            if line.startswith("caption read back")
        )
        == newer
    )
    after = stored(home)
    for path, desc in in_files.items():  # the store now says what every file says
        assert description(after[path]) == desc
    again = run("photos", "check", home=home)
    assert "caption read back" not in again.stdout and "temp file removed" not in again.stdout


@needs_exiftool
def test_two_different_xmp_packets_are_refused_and_identical_ones_merged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    a = jpeg_bytes(xmp={"Xmp.dc.description": {X: "Mô tả A"}})
    b = jpeg_bytes(xmp={"Xmp.dc.description": {X: "Mô tả B"}})
    (_sa, ea), (sb, eb) = jpeg.xmp_packets(a)[0], jpeg.xmp_packets(b)[0]
    two = tmp_path / "two.jpg"
    two.write_bytes(a[:ea] + b[sb:eb] + a[ea:])
    c = jpeg_bytes(color=(20, 160, 90), xmp={"Xmp.dc.description": {X: "Mô tả C"}})
    (sc, ec) = jpeg.xmp_packets(c)[0]
    dup = tmp_path / "dup.jpg"
    dup.write_bytes(c[:ec] + c[sc:ec] + c[ec:])
    assert exiftool_json(two)["XMP-dc:Description"] == "Mô tả B"  # exiftool reads the last
    out = run("photos", "import", str(two), str(dup), home=home)
    assert out.returncode == 0, out.stderr
    by_name = {Path(p).name: item["id"] for p, item in stored(home).items()}
    before = two.read_bytes()
    out = run(
        "photos",
        "caption",
        str(by_name["two.jpg"]),
        str(by_name["dup.jpg"]),
        "--caption",
        "Mới",
        home=home,
    )
    assert out.returncode == 1
    assert "2 different XMP packets" in out.stdout and "captioned\t#" in out.stdout
    assert two.read_bytes() == before  # refused: unchanged
    assert exiftool_json(dup)["XMP-dc:Description"] == "Mới"  # the one packet left holds it
    assert len(jpeg.xmp_packets(dup.read_bytes())) == 1


def _exif_with_bad_entries() -> bytes:
    data = bytearray(jpeg_bytes(orientation=6, date_taken="2024:01:02 03:04:05"))
    for marker, start, _end in jpeg.iter_segments(bytes(data)):
        if marker == 0xE1 and data[start : start + 4] == b"Exif":
            data[start + 6 + 8 + 2 + 2] = 0xEE  # the type of IFD0's first entry: unknown
            break
    return bytes(data)


def test_exiv2_warnings_go_to_the_log_not_the_report(tmp_path: Path) -> None:
    home = tmp_path / "home"
    photo = tmp_path / "canh-bao.jpg"
    photo.write_bytes(_exif_with_bad_entries())
    out = run("photos", "import", str(photo), home=home)
    assert out.returncode == 0, out.stderr
    assert "[warn]" not in out.stdout and "[warn]" not in out.stderr
    assert len(out.stdout.splitlines()) == 2  # one line for the file, one summary
    log = (home / "logs" / "qk3editor.log").read_text(encoding="utf-8")
    assert "exiv2: [warn]" in log


def test_control_characters_in_file_names_keep_one_line_per_file(tmp_path: Path) -> None:
    home, card = tmp_path / "home", tmp_path / "card"
    card.mkdir()
    names = ["dòng\nmới.jpg", "tab\there.jpg", "esc\x1b[31m.jpg", "rlo\u202egpj.jpg", "thường.jpg"]
    for i, name in enumerate(names):
        (card / name).write_bytes(jpeg_bytes(color=(10 * i, 90, 40)))
    (card / "hỏng\n.jpg").write_bytes(b"\xff\xd8 not really")
    out = run("photos", "import", str(card), home=home)
    lines = out.stdout.splitlines()
    assert len(lines) == len(names) + 2, out.stdout  # one per file and the summary
    assert all(line.count("\t") == 2 for line in lines[:-1])
    assert "dòng\\nmới.jpg" in out.stdout and "esc\\x1b[31m.jpg" in out.stdout
    assert "\x1b" not in out.stdout and "\u202e" not in out.stdout
    listed = run("photos", "list", home=home).stdout.splitlines()
    assert len(listed) == len(names) and all(line.count("\t") == 4 for line in listed)
    os.remove(card / "dòng\nmới.jpg")
    checked = run("photos", "check", home=home)
    assert checked.stdout.splitlines()[0].startswith("file missing\t#")
    assert len(checked.stdout.splitlines()) == 2


def test_a_stray_temp_without_a_writer_is_removed_and_others_kept(tmp_path: Path) -> None:
    home, card = tmp_path / "home", tmp_path / "card"
    card.mkdir()
    (card / "a.jpg").write_bytes(jpeg_bytes())
    assert run("photos", "import", str(card), home=home).returncode == 0
    stray = card / ".a.jpg.x1y2z3.qk3tmp"
    stray.write_bytes(b"half a file")
    other = card / ".notes.txt"  # not ours
    other.write_text("x")
    out = run("photos", "check", home=home)
    assert out.returncode == 0 and not stray.exists() and other.exists()
    assert out.stdout.startswith("temp file removed\t-\t")
