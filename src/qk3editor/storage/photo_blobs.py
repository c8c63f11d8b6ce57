"""Photo originals kept in a store, byte for byte (issue 16; see :class:`PhotoBlobModel`).

Memory: one piece (:data:`BLOB_CHUNK`, 1 MiB) at a time each way, whatever the file's size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from qk3editor.core.atomic import write_with
from qk3editor.storage.desk_models import BLOB_CHUNK, PhotoBlobModel

BLOB_PATH_PREFIX = "qk3blob:"  # photos.path of an original kept in the store


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
    The bytes read are hashed again: a file changed since it was hashed is refused."""
    with Session(engine) as s, s.begin():
        if has_blob(s, sha256):
            return False
        digest = hashlib.sha256()
        seq = 0
        with open(path, "rb") as fh:
            while piece := fh.read(BLOB_CHUNK):
                digest.update(piece)
                insert_ignoring_duplicates(
                    s,
                    PhotoBlobModel,
                    {"content_hash": sha256, "seq": seq, "data": piece, "total_size": size},
                )
                seq += 1
                if progress is not None:
                    progress(seq * BLOB_CHUNK)
        if seq == 0:  # an empty file: one empty piece marks it whole
            insert_ignoring_duplicates(
                s, PhotoBlobModel, {"content_hash": sha256, "seq": 0, "data": b"", "total_size": 0}
            )
        if digest.hexdigest() != sha256:
            raise ValueError(f"{path} changed while it was sent")
    return True


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
    """Copy an original from one store to another, piece by piece (False: already there)."""
    if has_blob(target, sha256):
        return False
    total = source.scalar(
        select(PhotoBlobModel.total_size).where(
            PhotoBlobModel.content_hash == sha256, PhotoBlobModel.seq == 0
        )
    )
    for seq, piece in enumerate(blob_pieces(source, sha256)):
        insert_ignoring_duplicates(
            target,
            PhotoBlobModel,
            {"content_hash": sha256, "seq": seq, "data": piece, "total_size": int(total or 0)},
        )
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
        raise ValueError(f"the stored original {sha256} is damaged or incomplete")
    return sha256
