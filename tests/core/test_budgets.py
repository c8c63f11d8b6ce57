"""Budgets (core/budgets.py) in process: the refusals the hostile suite runs in children, at
their edges."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from qk3editor.core import budgets
from qk3editor.core.importers import check_docx
from qk3editor.core.markdown_io import load_yaml, parse_markdown
from qk3editor.core.render import MAX_NESTING, render_body


def test_sizes_read_the_vietnamese_way() -> None:
    assert budgets.human_size(8 * budgets.MB) == "8 MB"
    assert budgets.human_size(1536 * budgets.MB) == "1,5 GB"
    assert budgets.human_size(100) == "100 B"
    assert budgets.human_count(1_000_000) == "1.000.000"


def test_read_limited_takes_the_limit_and_refuses_one_byte_more(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_bytes(b"x" * 100)
    assert budgets.read_limited(p, 100) == b"x" * 100
    with pytest.raises(budgets.InputTooLarge) as err:
        budgets.read_limited(p, 99)
    assert err.value.params["size_bytes"] == 100 and err.value.params["limit_bytes"] == 99


def test_a_fifo_and_a_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "f.md"
    os.mkfifo(fifo)  # nobody writes: a blocking open would hang the test
    for p in (fifo, tmp_path):
        with pytest.raises(budgets.NotRegularFile):
            budgets.read_limited(p, 100)


def test_yaml_anchor_or_alias_is_refused_with_its_line() -> None:
    assert load_yaml("title: a\ntags: [x, y]\n") == {"title": "a", "tags": ["x", "y"]}
    with pytest.raises(budgets.YamlAliasRefused) as err:
        load_yaml("title: a\nx: &a [1]\n", "f.md", first_line=2)
    assert err.value.params["line"] == 3
    with pytest.raises(budgets.YamlAliasRefused):
        parse_markdown("---\na: &x [1, 2]\nb: *x\n---\n\nbody\n", "f.md")


def test_front_matter_at_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    filler = budgets.MAX_FRONT_MATTER_BYTES - len("title: t\nlead: ")  # the YAML, exactly
    ok = f"---\ntitle: t\nlead: {'x' * filler}\n---\n\nbody\n"
    assert parse_markdown(ok).title == "t"
    with pytest.raises(budgets.FrontMatterTooLarge):
        parse_markdown(ok.replace("lead: ", "lead: x"))


def test_article_length_limit() -> None:
    body = "a" * (budgets.MAX_ARTICLE_CHARS - 10)
    assert len(parse_markdown("# T\n\n" + body).body) == len(body) + 1
    with pytest.raises(budgets.ArticleTooLong):
        parse_markdown("# T\n\n" + body + "b" * 20)
    with pytest.raises(budgets.ArticleTooLong):
        render_body(body + "b" * 20)


def _docx(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_docx_directory_is_checked_before_inflating() -> None:
    check_docx(_docx({"word/document.xml": b"<w:document/>"}))
    many = {f"word/p{i}.xml": b"" for i in range(budgets.MAX_DOCX_MEMBERS + 1)}
    with pytest.raises(budgets.DocxTooManyParts):
        check_docx(_docx(many))
    xml = {"word/document.xml": b" " * (budgets.MAX_DOCX_XML_BYTES + 1)}
    with pytest.raises(budgets.DocxTooLarge) as err:
        check_docx(_docx(xml))
    assert err.value.params["limit_bytes"] == budgets.MAX_DOCX_XML_BYTES


def test_nesting_beyond_the_parser_limit_keeps_every_word() -> None:
    depth = MAX_NESTING  # list levels: twice the block levels markdown-it allows
    body = "".join("  " * i + f"- mục{i}\n" for i in range(depth)) + "\nđoạn sau\n"
    out = render_body(body)
    assert "mục0" in out and f"mục{depth - 1}" in out and "đoạn sau" in out
    shallow = render_body("- a\n  - b\n    - c\n")
    assert shallow.count("<ul>") == 3


def test_photo_figure_with_a_vietnamese_id() -> None:
    out = render_body("![Chú thích](qk3photo:ảnh-1)\n")
    assert 'data-photo="ảnh-1"' in out and "Chú thích" in out
