"""The hostile inputs of issue 12, shared by tests/hostile/test_inputs.py and
benchmarks/hostile.py.

A :class:`Case` writes its input into a folder (``make(folder, scale)``; ``scale`` 1 is the
size the issue reported, 2 its neighbour) and names the code a child process runs on it
(``source``, see :mod:`tests.hostile.harness`) and what must come of it: ``"ok"`` (finished,
within the harness's limits) or the stable code of the refusal. ``baseline`` is the same input
through the old path (python-markdown, ``yaml.safe_load``, reading the whole file…), which
only the benchmark runs, under a cap.

Cases that go through the command line (``cli=True``) run ``qk3editor`` in the child against
the store of ``QK3EDITOR_HOME``; the child's ``RESULT["rc"]`` is the exit code and the message is
on stderr, so they also prove there is no traceback.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MB = 1 << 20


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, float], dict[str, Any]]
    source: str
    expect: str  # "ok" or the QkError code
    baseline: str | None = None
    cli: bool = False
    scales: tuple[float, ...] = (1.0, 2.0)
    wall_s: float = 20.0
    expect2: str | None = None  # at scale 2, when it differs (twice the size is over budget)

    def expected(self, scale: float) -> str:
        return self.expect2 if scale > 1 and self.expect2 else self.expect


# -- renderer ---------------------------------------------------------------------------------
RENDER = """
from qk3editor.core.render import render_body
body = Path(ARGS["path"]).read_text(encoding="utf-8")
RESULT["html_chars"] = len(render_body(body))
"""
RENDER_OLD = """
import markdown
body = Path(ARGS["path"]).read_text(encoding="utf-8")
markdown.markdown(body, extensions=["tables", "fenced_code", "sane_lists"])
"""


def _text(make_text: Callable[[int], str], base: int, name: str = "body.md"):
    def make(folder: Path, scale: float) -> dict[str, Any]:
        p = folder / name
        p.write_text(make_text(int(base * scale)), encoding="utf-8")
        return {"path": str(p)}

    return make


def _render_case(
    name: str, make_text: Callable[[int], str], base: int, expect2: str | None = None
) -> Case:
    return Case(name, _text(make_text, base), RENDER, "ok", RENDER_OLD, expect2=expect2)


RENDER_CASES = [
    _render_case("render: 16 KB of nested brackets", lambda n: "[" * n + "a" + "]" * n, 8000),
    _render_case("render: 16,000 unclosed brackets", lambda n: "[" * n, 16000),
    _render_case("render: 80k &amp;", lambda n: "&amp;" * n, 80000, "article_too_long"),
    _render_case("render: 20k setext lines", lambda n: "a\n=\n" * (n // 2), 20000),
    _render_case("render: 2,000 nested list levels", lambda n: "- " * n + "x\n", 2000),
    _render_case(
        "render: 300 indented list levels",
        lambda n: "".join("  " * i + "- x\n" for i in range(n)),
        300,
    ),
    _render_case("render: 40k unclosed links", lambda n: "[a](b" * n, 40000),
    _render_case("render: 40k '<a '", lambda n: "<a " * n, 40000),
    _render_case("render: 30k open emphasis", lambda n: "*a **a " * n, 30000),
    _render_case("render: 20,000 nested quotes", lambda n: ">" * n + " a\n", 20000),
    Case(
        "render: 50 MB body",
        _text(
            lambda n: ("Tăng cường phối hợp chỉ đạo công tác dân vận. " * 1000 + "\n\n") * n, 1000
        ),
        RENDER,
        "article_too_long",
        RENDER_OLD,
        scales=(1.0,),
    ),
]

# -- Vietnamese checks and legacy detection ----------------------------------------------------
CHECK = """
from qk3editor.core.vietnamese.checks import check_text
text = Path(ARGS["path"]).read_text(encoding="utf-8")
RESULT["findings"] = len(check_text(text))
"""
DETECT = """
from qk3editor.core.vietnamese.legacy import detect_legacy
text = Path(ARGS["path"]).read_text(encoding="utf-8")
RESULT["found"] = str(detect_legacy(text))[:20]
"""
CHECK_OLD = """
from qk3editor.core import budgets
from qk3editor.core.vietnamese.checks import check_text
budgets.MAX_ARTICLE_CHARS = 10**12  # the whole text, as before the budget
check_text(Path(ARGS["path"]).read_text(encoding="utf-8"))
"""
# the old tones.parse built a Letter per character of a word: the baseline is that loop
PARSE_OLD = """
from qk3editor.core.vietnamese import tones
text = Path(ARGS["path"]).read_text(encoding="utf-8")
letters = [tones.split_letter(ch) for word in text.split() for ch in word]
"""
CHECK_CASES = [
    Case(
        "checks: a 50 MB paste of ordinary text",
        _text(lambda n: "Tăng cường phối hợp chỉ đạo công tác dân vận. " * n, 1_100_000, "p.txt"),
        CHECK,
        "ok",
        CHECK_OLD,
        scales=(1.0,),
    ),
    Case(
        "checks: 900k characters of one word",
        _text(lambda n: "\u00b8" * n, 450_000, "word.txt"),
        CHECK,
        "ok",
        PARSE_OLD,
    ),
    Case(
        "legacy detection: 900k characters of one word",
        _text(lambda n: "\u00b8" * n, 450_000, "word.txt"),
        DETECT,
        "ok",
        PARSE_OLD,
    ),
]

# -- imports through the command line (the store must not change) -------------------------------
IMPORT = """
import sys
from qk3editor.cli import main
RESULT["rc"] = main(["--store", ARGS["store"], "--create", *ARGS["argv"]])
"""


def _cli(argv: list[str], make_file: Callable[[Path, float], Path]):
    def make(folder: Path, scale: float) -> dict[str, Any]:
        p = make_file(folder, scale)
        return {"argv": [a.replace("{path}", str(p)) for a in argv], "path": str(p)}

    return make


def _alias_bomb(folder: Path, scale: float) -> Path:
    levels = int(9 * scale)
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"tags: *a{levels}")  # read as the tags: the old code turned it into text
    p = folder / "bomb.md"
    p.write_text("---\ntitle: Bom\n" + "\n".join(lines) + "\n---\n\nThân bài.\n", encoding="utf-8")
    return p


def _big_front_matter(folder: Path, scale: float) -> Path:
    p = folder / "front.md"
    lead = "x" * int(100_000 * scale)
    p.write_text(f"---\ntitle: Dài\nlead: {lead}\n---\n\nThân bài.\n", encoding="utf-8")
    return p


DOCX_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
    b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
)
DOCX_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"


def _zip_bomb(folder: Path, scale: float) -> Path:
    """A .docx whose document.xml inflates to ``scale`` GB of blanks (about 1 MB on disk)."""
    p = folder / f"bomb{scale:g}.docx"
    total = int(1024 * MB * scale)
    chunk = b" " * MB
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(DOCX_HEAD)
            for _ in range(total // MB):
                fh.write(chunk)
            fh.write(DOCX_TAIL)
    return p


def _lying_zip(folder: Path, scale: float) -> Path:
    """A .docx whose directory says document.xml is 1,000 bytes; it inflates to 200 MB."""
    p = folder / "liar.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            fh.write(DOCX_HEAD)
            for _ in range(int(200 * scale)):
                fh.write(b" " * MB)
            fh.write(DOCX_TAIL)
    data = bytearray(p.read_bytes())
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while True:
            at = data.index(sig, at)
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", 1000)
                break
            at += 4
    p.write_bytes(bytes(data))
    return p


def _bytes_file(name: str, size_mb: float, fill: bytes = b"a"):
    def make(folder: Path, scale: float) -> Path:
        p = folder / name
        with open(p, "wb") as fh:
            block = fill * MB
            for _ in range(int(size_mb * scale)):
                fh.write(block)
        return p

    return make


def _long_word(folder: Path, scale: float) -> Path:
    p = folder / "word.txt"
    p.write_text("Tiêu đề\n\n" + "\u00b8" * int(10 * MB * scale), encoding="utf-8")
    return p


def _fifo(name: str):
    def make(folder: Path, scale: float) -> Path:
        p = folder / name
        os.mkfifo(p)
        return p

    return make


def _dev_zero(folder: Path, scale: float) -> Path:
    p = folder / "zero.md"
    p.symlink_to("/dev/zero")
    return p


def _sparse(name: str, size: int):
    def make(folder: Path, scale: float) -> Path:
        p = folder / name
        with open(p, "wb") as fh:
            fh.write(b"\xff\xd8\xff")
            fh.truncate(int(size * scale))
        return p

    return make


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _pixel_bomb(folder: Path, scale: float) -> Path:
    p = folder / "bomb.png"
    side = int(60_000 * scale)
    p.write_bytes(_png_header(side, side))
    return p


def _html(make_text: Callable[[int], str], base: int):
    def make(folder: Path, scale: float) -> Path:
        p = folder / "page.html"
        p.write_text("<title>Trang</title>" + make_text(int(base * scale)), encoding="utf-8")
        return p

    return make


HTML_OLD = """
from html.parser import HTMLParser
parser = HTMLParser(convert_charrefs=True)  # what html_markdown fed it before
parser.feed(Path(ARGS["path"]).read_text(encoding="utf-8"))
parser.close()
"""
READ_WHOLE_OLD = """
data = Path(ARGS["path"]).read_bytes()
"""
YAML_OLD = """
import yaml
text = Path(ARGS["path"]).read_text(encoding="utf-8")
meta = yaml.safe_load(text.split("---")[1])
tags = [str(t) for t in meta["tags"]]  # what parse_markdown did with each tag
"""
DOCX_OLD = """
import mammoth
with open(ARGS["path"], "rb") as fh:
    mammoth.convert_to_html(fh)
"""
CHECK_FILE_OLD = """
from qk3editor.core.vietnamese.checks import check_text
check_text(Path(ARGS["path"]).read_text(encoding="utf-8"))
"""

IMPORT_CASES = [
    Case("import: YAML alias bomb in front matter", _cli(["import", "{path}"], _alias_bomb),
         IMPORT, "yaml_alias", YAML_OLD, cli=True),
    Case("import: 100 KB front matter", _cli(["import", "{path}"], _big_front_matter),
         IMPORT, "front_matter_too_large", None, cli=True),
    Case("import: .docx inflating to 1 GB", _cli(["import", "{path}"], _zip_bomb),
         IMPORT, "docx_too_large", DOCX_OLD, cli=True, scales=(1.0,), wall_s=30),
    Case("import: .docx whose directory lies about its size",
         _cli(["import", "{path}"], _lying_zip), IMPORT, "import_format", DOCX_OLD, cli=True,
         scales=(1.0,)),
    Case("import: HTML of 40k unclosed '<a '",
         _cli(["import", "{path}"], _html(lambda n: "<a " * n, 40000)), IMPORT, "ok",
         HTML_OLD, cli=True),
    Case("import: HTML list nested 40k deep",
         _cli(["import", "{path}"], _html(lambda n: "<ul><li>" * n + "x", 40000)), IMPORT, "ok",
         HTML_OLD, cli=True, expect2="article_too_long"),
    Case("import: 20 MB of one long word", _cli(["import", "{path}"], _long_word),
         IMPORT, "input_too_large", PARSE_OLD, cli=True),
    Case("import: 50 MB markdown", _cli(["import", "{path}"], _bytes_file("big.md", 50)),
         IMPORT, "input_too_large", READ_WHOLE_OLD, cli=True, scales=(1.0,)),
    Case("import: just over the text budget (9 MB)",
         _cli(["import", "{path}"], _bytes_file("nine.md", 9)),
         IMPORT, "input_too_large", None, cli=True, scales=(1.0,)),
    Case("import: 7 MB under the file budget, over the article budget",
         _cli(["import", "{path}"], _bytes_file("seven.md", 7)),
         IMPORT, "article_too_long", None, cli=True, scales=(1.0,)),
    Case("import: a FIFO", _cli(["import", "{path}"], _fifo("fifo.md")),
         IMPORT, "not_regular_file", None, cli=True, scales=(1.0,)),
    Case("import: /dev/zero", _cli(["import", "{path}"], _dev_zero),
         IMPORT, "not_regular_file", None, cli=True, scales=(1.0,)),
    Case("check: 50 MB file", _cli(["check", "{path}"], _bytes_file("big.txt", 50)),
         IMPORT, "input_too_large", CHECK_FILE_OLD, cli=True, scales=(1.0,)),
    Case("check: a FIFO", _cli(["check", "{path}"], _fifo("fifo.txt")),
         IMPORT, "not_regular_file", None, cli=True, scales=(1.0,)),
    Case("photos import: 1.5 GB file named .jpg",
         _cli(["photos", "import", "{path}"], _sparse("huge.jpg", 1536 * MB)),
         IMPORT, "input_too_large", READ_WHOLE_OLD, cli=True),
    Case("photos import: a FIFO named .jpg", _cli(["photos", "import", "{path}"], _fifo("p.jpg")),
         IMPORT, "not_regular_file", None, cli=True, scales=(1.0,)),
    Case("photos import: 3.6 gigapixels in a 100-byte PNG",
         _cli(["photos", "import", "{path}"], _pixel_bomb),
         IMPORT, "photo_too_large", None, cli=True),
]  # fmt: skip

ALL = RENDER_CASES + CHECK_CASES + IMPORT_CASES
