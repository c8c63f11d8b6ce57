"""Photo originals kept in a store, byte for byte (issue 16; see :class:`PhotoBlobModel`).

Memory: one piece (:data:`BLOB_CHUNK`, 1 MiB) at a time each way, whatever the file's size.

Checked on insert, not only on read: the bytes going in must hash to the original's SHA-256
and add up to its size, and, before the transaction commits, each piece as the store now
holds it is hashed again (by the server on PostgreSQL, ``sha256(data)``; read back on SQLite)
and compared with the piece sent. A piece that differs (damaged on the way, or a bad piece
already there under the same key, which the duplicate-ignoring insert would have kept) refuses
the whole original (:class:`BlobPieceRefused`, code ``photo_blob_piece_refused``; bytes that
do not match the SHA-256 or size: :class:`BlobRefused`, ``photo_blob_refused``): nothing is
stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from qk3editor.core.atomic import write_with
from qk3editor.core.errors import StoreError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.storage.desk_models import BLOB_CHUNK, PhotoBlobModel

BLOB_PATH_PREFIX = "qk3blob:"  # photos.path of an original kept in the store


class BlobRefused(StoreError):
    """An original whose bytes do not match its SHA-256 or size: not stored."""

    code = "photo_blob_refused"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The photo original {name} was not stored: its bytes do not match its SHA-256 or its "
        "size (the file changed, or was damaged on the way). Nothing was written; send it again",
    )


class BlobPieceRefused(BlobRefused):
    """A piece as the store holds it differs from the piece sent: the original is not stored."""

    code = "photo_blob_piece_refused"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The photo original {name} was not stored: piece {seq} as the store holds it differs "
        "from the one sent. Nothing was written; send it again",
    )


class BlobDamaged(StoreError):
    """A stored original read back does not match its SHA-256 (damaged or incomplete)."""

    code = "photo_blob_damaged"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The photo original {name} kept in the store is damaged or incomplete; "
        "it was not written out",
    )


def blob_path(sha256: str, name: str) -> str:
    """What ``photos.path`` holds in a store that keeps the original itself."""
    return f"{BLOB_PATH_PREFIX}{sha256}/{name}"


def blob_of_path(path: str) -> str | None:
    if not path.startswith(BLOB_PATH_PREFIX):
        return None
    return path[len(BLOB_PATH_PREFIX) :].split("/", 1)[0]


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while piece := fh.read(BLOB_CHUNK):
            digest.update(piece)
            size += len(piece)
    return digest.hexdigest(), size


def has_blob(session: Session, sha256: str) -> bool:
    return (
        session.scalar(
            select(PhotoBlobModel.seq).where(
                PhotoBlobModel.content_hash == sha256, PhotoBlobModel.seq == 0
            )
        )
        is not None
    )


def insert_ignoring_duplicates(session: Session, model: Any, values: dict[str, Any]) -> None:
    """INSERT that leaves an existing row (same key) as it is, on PostgreSQL and SQLite: two
    senders of one original wait for each other and the second writes nothing."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(model).values(**values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(model).values(**values).on_conflict_do_nothing())


def put_blob(
    engine: Engine,
    path: Path,
    sha256: str,
    size: int,
    progress: Callable[[int], None] | None = None,
) -> bool:
    """Store the file's bytes under ``sha256`` in one transaction (False: already there).
    The bytes read are hashed again (a file changed since it was hashed is refused) and the
    stored pieces checked before the commit (module docs): :class:`BlobRefused`."""
    with Session(engine) as s, s.begin():
        if has_blob(s, sha256):
            return False
        with open(path, "rb") as fh:
            pieces = iter(lambda: fh.read(BLOB_CHUNK), b"")
            _insert_checked(s, sha256, size, pieces, path.name, progress)
    return True


def _insert_checked(
    s: Session,
    sha256: str,
    size: int,
    pieces: Iterator[bytes],
    name: str,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Insert the pieces under ``sha256`` and check them (module docs); raises
    :class:`BlobRefused` inside the caller's transaction, which then stores nothing."""
    digest = hashlib.sha256()
    sent: list[tuple[bytes, int]] = []  # each piece's SHA-256 and length (32 bytes a MiB)
    for piece in pieces:
        digest.update(piece)
        sent.append((hashlib.sha256(piece).digest(), len(piece)))
        insert_ignoring_duplicates(
            s,
            PhotoBlobModel,
            {"content_hash": sha256, "seq": len(sent) - 1, "data": piece, "total_size": size},
        )
        if progress is not None:
            progress(len(sent) * BLOB_CHUNK)
    if not sent:  # an empty file: one empty piece marks it whole
        sent.append((hashlib.sha256(b"").digest(), 0))
        insert_ignoring_duplicates(
            s, PhotoBlobModel, {"content_hash": sha256, "seq": 0, "data": b"", "total_size": 0}
        )
    got = sum(n for _h, n in sent)
    if digest.hexdigest() != sha256:
        raise BlobRefused(name=name)
    if got != size:
        raise BlobRefused(name=name)
    stored = _stored_pieces(s, sha256)
    for seq, ((want, n), found) in enumerate(zip(sent, stored, strict=False)):
        if found != (want, n, size):
            raise BlobPieceRefused(name=name, seq=seq)
    if len(stored) != len(sent):
        raise BlobPieceRefused(name=name, seq=min(len(stored), len(sent)))


def _stored_pieces(s: Session, sha256: str) -> list[tuple[bytes, int, int]]:
    """Each stored piece's SHA-256, length and recorded total size, in order: hashed by the
    server on PostgreSQL (the bytes do not come back), read back one at a time on SQLite."""
    if s.get_bind().dialect.name == "postgresql":
        rows = s.execute(
            select(
                func.sha256(PhotoBlobModel.data),
                func.length(PhotoBlobModel.data),
                PhotoBlobModel.total_size,
            )
            .where(PhotoBlobModel.content_hash == sha256)
            .order_by(PhotoBlobModel.seq)
        ).all()
        return [(bytes(h), int(n), int(t)) for h, n, t in rows]
    out: list[tuple[bytes, int, int]] = []
    seqs = s.scalars(
        select(PhotoBlobModel.seq)
        .where(PhotoBlobModel.content_hash == sha256)
        .order_by(PhotoBlobModel.seq)
    ).all()
    for seq in seqs:
        data, total = s.execute(
            select(PhotoBlobModel.data, PhotoBlobModel.total_size).where(
                PhotoBlobModel.content_hash == sha256, PhotoBlobModel.seq == seq
            )
        ).one()
        out.append((hashlib.sha256(bytes(data)).digest(), len(data), int(total)))
    return out


def blob_pieces(session: Session, sha256: str) -> Iterator[bytes]:
    """The original's bytes, one piece per query (never the whole file in memory)."""
    seq = 0
    while True:
        data = session.scalar(
            select(PhotoBlobModel.data).where(
                PhotoBlobModel.content_hash == sha256, PhotoBlobModel.seq == seq
            )
        )
        if data is None:
            return
        yield bytes(data)
        seq += 1


def copy_blob(source: Session, target: Session, sha256: str) -> bool:
    """Copy an original from one store to another, piece by piece (False: already there);
    checked as :func:`put_blob` checks (a damaged source is refused: :class:`BlobRefused`)."""
    if has_blob(target, sha256):
        return False
    total = source.scalar(
        select(PhotoBlobModel.total_size).where(
            PhotoBlobModel.content_hash == sha256, PhotoBlobModel.seq == 0
        )
    )
    if total is None:
        raise BlobRefused(name=sha256[:12])
    _insert_checked(target, sha256, int(total), blob_pieces(source, sha256), sha256[:12])
    return True


def write_blob_file(session: Session, sha256: str, path: Path) -> str:
    """Write the original to ``path`` (atomically), checking its SHA-256; returns it."""
    digest = hashlib.sha256()

    def fill(fh: Any) -> None:
        for piece in blob_pieces(session, sha256):
            digest.update(piece)
            fh.write(piece)

    write_with(path, fill)
    if digest.hexdigest() != sha256:
        path.unlink(missing_ok=True)
        raise BlobDamaged(name=path.name)
    return sha256
