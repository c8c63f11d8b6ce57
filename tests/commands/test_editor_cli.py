"""`qk3editor import` takes Word files; `export` writes the portal HTML and Word."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import subprocess_env
from tests.core.test_importers import make_docx


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )


def test_import_docx_then_export_html_and_docx(home: Path, tmp_path: Path) -> None:
    src = tmp_path / "bai-viet.docx"
    make_docx(src)
    out = run("import", str(src))
    assert out.returncode == 0, out.stderr
    (article_id,) = out.stdout.split()
    shown = json.loads(run("show", article_id, "--json").stdout)
    assert shown["title"] == "Tăng cường phối hợp công tác dân vận"
    assert shown["lead"].startswith("QK3 online - Sáng 10 - 11")
    body = shown["body"]
    assert "# Kết quả hai năm" in body and "**củng cố 115 tổ chức đảng**" in body
    assert "- Tuyên truyền, vận động nhân dân" in body and "1. Bước một" in body
    assert f"(qk3photo:{article_id}-1)" in body
    assert (home / "data" / "photos" / "imported" / f"{article_id}-1.jpg").is_file()

    page = tmp_path / "bai.html"
    assert run("export", article_id, "--format", "html", "-o", str(page)).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert '<h1 class="qk3-title">Tăng cường phối hợp' in html and "<figure" in html
    word = tmp_path / "bai.docx"
    assert run("export", article_id, "--format", "docx", "-o", str(word)).returncode == 0
    again = run("import", str(word))
    assert again.returncode == 0, again.stderr


def test_bad_docx_is_one_clear_line(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    out = run("import", str(bad))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "hong.docx" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
