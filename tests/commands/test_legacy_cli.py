"""`qk3editor import` and `text from-*` with files in TCVN3 (ABC) and VNI-Windows: the CLI
says so, imports nothing, and converts only when asked (VIETNAMESE.md §2.2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import subprocess_env

# "Tăng cường phối hợp" / "Đức Việt ... Quân khu ... Hải Phòng" as TCVN3 bytes (shared/vi-vectors
# nfc.tsv rows n47, n50-n53): 0xAD is ư (a soft hyphen in Windows-1252).
TCVN3_TXT = (
    "T\u00a8ng c\u00ad\u00eang ph\u00e8i h\u00eep\n\n"
    "\u00a7\u00f8c Vi\u00d6t v\u00b5 Qu\u00a9n khu 3 t\u00b9i H\u00b6i Ph\u00dfng, "
    "S\u00f9 ki\u00d6n Ch\u00f1 nh\u00cbt.\n"
).encode("cp1252")
TCVN3_UNICODE_BODY = "Đức Việt và Quân khu 3 tại Hải Phòng, Sự kiện Chủ nhật."
# VNI-Windows: "Đức Việt", "Tăng cường", "Việt Nam" (nfc.tsv n54 and §2.2)
VNI_TXT = "Taêng cöôøng\n\nÑöùc Vieät ôû Vieät Nam.\n".encode("cp1252")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        input=stdin,
        env=subprocess_env(),
        timeout=120,
    )


def test_import_offers_the_conversion_and_converts_only_when_asked(
    home: Path, tmp_path: Path
) -> None:
    tcvn3 = tmp_path / "tcvn3.txt"
    tcvn3.write_bytes(TCVN3_TXT)
    vni = tmp_path / "vni.md"
    vni.write_bytes(VNI_TXT)

    refused = run("import", str(tcvn3))
    assert refused.returncode != 0 and refused.stdout == b""
    line = refused.stderr.decode("utf-8").strip()
    assert "\n" not in line and "TCVN3" in line and "--convert-legacy" in line
    assert "bảng mã" in line  # said in Vietnamese
    assert run("list", "--json").stdout.strip() == b"[]"  # nothing imported

    out = run("import", "--convert-legacy", str(tcvn3), str(vni))
    assert out.returncode == 0, out.stderr.decode()
    first, second = out.stdout.decode().split()
    shown = run("show", first).stdout.decode("utf-8")
    assert "Tăng cường phối hợp" in shown and TCVN3_UNICODE_BODY in shown
    shown = run("show", second).stdout.decode("utf-8")
    assert "Tăng cường" in shown and "Đức Việt ở Việt Nam." in shown

    # --keep-legacy imports a UTF-8 file as it is (the user's choice)
    kept = tmp_path / "kept.md"
    kept.write_text("Vie\u00e4t Nam\n\nVie\u00e4t Nam \u00f1\u00f6\u00f9c.\n", encoding="utf-8")
    assert run("import", str(kept)).returncode != 0
    out = run("import", "--keep-legacy", str(kept))
    assert out.returncode == 0, out.stderr.decode()
    assert "Vie\u00e4t Nam" in run("show", out.stdout.decode().strip()).stdout.decode("utf-8")


def test_text_from_legacy(home: Path) -> None:
    out = run("text", "from-legacy", stdin=TCVN3_TXT)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode("utf-8").splitlines()[0] == "Tăng cường phối hợp"
    out = run("text", "from-vni", stdin="Ñöùc Vieät\n".encode("cp1252"))
    assert out.stdout.decode("utf-8") == "Đức Việt\n"
    plain = run("text", "from-legacy", stdin="Đức Việt\n".encode())
    assert plain.returncode == 1 and plain.stdout.decode("utf-8") == "Đức Việt\n"
    assert "TCVN3" in plain.stderr.decode("utf-8")
