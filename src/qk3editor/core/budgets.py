"""Budgets for every input: how much the app accepts, in one place (docs/LIMITS.md).

Every file the app reads is checked here before it is read: it must be a regular file (not a
FIFO, a device such as /dev/zero, a socket or a folder: those could block or never end), and its
size must be within the budget of its kind. The read itself is limited too (a file that grows,
or a /proc file that says its size is 0, cannot slip more through). Over budget, the error says
what the limit is and how large the input was; nothing has been imported or changed.

The limits are generous for newsroom work (the longest article we have seen is about 20,000
words, 130,000 characters) and small enough that the slowest step on the largest accepted input
stays within about 5 s and 500 MB (benchmarks/hostile.py measures it).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Generator
from pathlib import Path
from typing import BinaryIO

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP

KB = 1024
MB = 1024 * KB

# -- articles --------------------------------------------------------------------------------
MAX_ARTICLE_CHARS = 500_000
"""Characters in an article's text (title + lead + body): about 75,000 words, nearly four
times the longest article seen (130,000 characters). The renderer and the checks take nothing
longer: on the worst markdown we know (500,000 characters of open emphasis or unclosed links)
rendering takes about 2-3 s."""
MAX_TEXT_FILE_BYTES = 8 * MB
"""An imported .md/.markdown/.txt/.html file (HTML carries markup, hence more than the text)."""
MAX_FRONT_MATTER_BYTES = 64 * KB
"""The YAML front matter of a markdown file. YAML anchors and aliases are refused outright
(an alias bomb expands a few hundred bytes into gigabytes)."""

# -- Word documents ------------------------------------------------------------------------------
MAX_DOCX_FILE_BYTES = 100 * MB
"""A .docx file as it is on disk (photos inside make it large)."""
MAX_DOCX_UNCOMPRESSED_BYTES = 256 * MB
"""All members of the .docx (a zip) once inflated: checked in the central directory before
anything is inflated, and again while reading, since a directory can lie."""
MAX_DOCX_XML_BYTES = 32 * MB
"""The XML parts of the .docx inflated (what the Word reader parses into memory)."""
MAX_DOCX_MEMBERS = 5_000
"""Members in the .docx zip."""

# -- photos ---------------------------------------------------------------------------------------
MAX_IMAGE_FILE_BYTES = 200 * MB
"""A photo file (a 100-megapixel camera's JPEG is about 60 MB, its TIFF about 300 MB: TIFFs
that large are converted first)."""
MAX_IMAGE_PIXELS = 120_000_000
"""Pixels of a photo (width × height), checked from the header before decoding; Pillow's
``Image.MAX_IMAGE_PIXELS`` is set to the same value."""

# -- newsroom (issue 16) --------------------------------------------------------------------------
MAX_LEASE_REASON_CHARS = 2_000
"""A take-over's reason: a sentence or two, recorded in lease_events."""
MAX_DESK_TEXT_CHARS = 4_000
"""A note sent with an article to the desk, or the desk's comment returning it: a message of a
few paragraphs (the article itself has its own budget). Counted in characters after NFC;
over it, nothing is sent or saved (``desk_text_too_long``)."""
LEASE_EVENTS_KEEP_DAYS = 90
"""Lease history (acquire, release, take-over with its reason, expire) older than this is
deleted by the outbox's run (``prune_lease_events``, every minute in the GUI): a take-over is
a question of this week or this quarter, not of years."""
LEASE_EVENTS_PER_ARTICLE = 200
"""At most this many lease events are kept per article (the newest): an article opened and
closed all day long adds two a time; checked when an event is written."""
LEASE_PRUNE_BATCH = 1_000
"""Oldest lease events looked at per outbox run (the primary key's first rows: a constant
cost, however long the history; events come far slower than this per minute)."""
MAX_PASSWORD_CHARS = 1024
"""A newsroom user's password read from stdin by ``newsroom add-user`` (one line, no more)."""
BLOB_PIECE_BYTES = 1 * MB
"""Issue 16: a photo original goes to and from a PostgreSQL store in pieces of this size (the
memory a send to the newsroom or a store copy holds per photo, whatever the file's size)."""
NEWSROOM_CONNECT_SECONDS = 10
"""A newsroom that does not answer the connection within this many seconds is offline for now
(the send waits in the outbox; TCP keepalives notice a cut line within ~25 s)."""


# -- errors ---------------------------------------------------------------------------------------
class InputTooLarge(QkError):
    """A file over its budget; ``size_bytes``/``limit_bytes`` carry the numbers."""

    code = "input_too_large"
    template = QT_TRANSLATE_NOOP("errors", "{path} is too large ({size}; the limit is {limit})")


class ArticleTooLong(QkError):
    code = "article_too_long"
    template = QT_TRANSLATE_NOOP(
        "errors", "The article is too long ({size} characters; the limit is {limit} characters)"
    )


class FrontMatterTooLarge(QkError):
    code = "front_matter_too_large"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path}: the front matter is too large ({size}; the limit is {limit})"
    )


class YamlAliasRefused(QkError):
    code = "yaml_alias"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: the YAML uses anchors or aliases (& or *, line {line}), which are not accepted",
    )


class DocxTooLarge(QkError):
    code = "docx_too_large"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: the Word document unpacks to {size}, more than the limit of {limit}: "
        "nothing was imported",
    )


class DocxTooManyParts(QkError):
    code = "docx_too_many_parts"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: the Word document has {size} parts, more than the limit of {limit}: "
        "nothing was imported",
    )


class NotRegularFile(QkError):
    code = "not_regular_file"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} is not an ordinary file (a folder, device or pipe) and cannot be read",
    )


# -- sizes shown to people ---------------------------------------------------------------------
def human_size(n: int) -> str:
    """``n`` bytes as people read them: ``8 MB``, ``64 KB``, ``1,5 GB`` (Vietnamese comma)."""
    for unit, scale in (("GB", 1024 * MB), ("MB", MB), ("KB", KB)):
        if n >= scale:
            value = n / scale
            text = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
            return f"{text.replace('.', ',')} {unit}"
    return f"{n} B"


def human_count(n: int) -> str:
    """``n`` with a dot every three digits, as Vietnamese writes it (``1.000.000``)."""
    return f"{n:,}".replace(",", ".")


def too_large(path: str | Path, size: int, limit: int) -> InputTooLarge:
    return InputTooLarge(
        path=str(path),
        size=human_size(size),
        limit=human_size(limit),
        size_bytes=size,
        limit_bytes=limit,
    )


def check_article_text(*parts: str) -> None:
    """Raise :class:`ArticleTooLong` when the parts together exceed ``MAX_ARTICLE_CHARS``."""
    size = sum(len(p) for p in parts)
    if size > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(
            size=human_count(size),
            limit=human_count(MAX_ARTICLE_CHARS),
            size_chars=size,
            limit_chars=MAX_ARTICLE_CHARS,
        )


# -- reading files within budget ---------------------------------------------------------------
def check_regular(path: Path, st: os.stat_result | None = None) -> os.stat_result:
    """The file's stat, after checking it is a regular file (symlinks followed).

    Raises :class:`NotRegularFile` for a folder, FIFO, device or socket, and ``OSError`` when
    the path cannot be examined (missing, no permission)."""
    st = st if st is not None else os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path=str(path))
    return st


@contextlib.contextmanager
def open_regular(path: Path, limit: int) -> Generator[BinaryIO, None, None]:
    """``path`` opened for reading, once it is known to be a regular file within ``limit``.

    Opened with ``O_NONBLOCK`` (a FIFO put in the file's place between a check and the open
    must not block us), checked with ``fstat`` on the open descriptor (no race), then switched
    back to blocking reads. Raises :class:`NotRegularFile`, :class:`InputTooLarge` or
    ``OSError``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = check_regular(path, os.fstat(fd))
        if st.st_size > limit:
            raise too_large(path, st.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:
        yield fh


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of regular file ``path``, at most ``limit`` of them (else
    :class:`InputTooLarge`). Raises :class:`NotRegularFile` and ``OSError`` as
    :func:`open_regular` does."""
    with open_regular(path, limit) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew since fstat, or said 0 (a /proc file)
        raise too_large(path, len(data), limit)
    return data
