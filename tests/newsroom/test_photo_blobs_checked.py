"""Photo originals kept in a store are checked on insert, not only on read (issue 16): bytes
that do not match the SHA-256, or a piece the store holds differently, refuse the original
with a clear code and store nothing; on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from qk3editor.core.i18n import Translator
from qk3editor.paths import resources_dir
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.desk_models import BLOB_CHUNK, PhotoBlobModel
from qk3editor.storage.photo_blobs import (
    BlobDamaged,
    BlobPieceRefused,
    BlobRefused,
    copy_blob,
    file_sha256,
    has_blob,
    put_blob,
    write_blob_file,
)
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres")
    s = open_store(url)
    yield s
    s.close()


@pytest.fixture
def original(tmp_path: Path) -> Path:
    """Two and a half pieces of bytes that are not all alike (a piece swapped would show)."""
    p = tmp_path / "anh-goc.jpg"
    p.write_bytes(os.urandom(BLOB_CHUNK * 2 + BLOB_CHUNK // 2))
    return p


def _rows(store: Store, sha: str) -> int:
    with store.read() as s:
        stmt = select(func.count()).where(PhotoBlobModel.content_hash == sha)
        return int(s.scalar(stmt) or 0)


def test_a_whole_original_goes_in_and_comes_out_byte_identical(
    store: Store, original: Path, tmp_path: Path
) -> None:
    sha, size = file_sha256(original)
    assert put_blob(store.engine, original, sha, size)
    assert not put_blob(store.engine, original, sha, size)  # already there: nothing sent
    assert _rows(store, sha) == 3
    out = tmp_path / "ra.jpg"
    with store.read() as s:
        write_blob_file(s, sha, out)
    assert out.read_bytes() == original.read_bytes()


def test_a_file_changed_after_hashing_is_refused_and_nothing_stored(
    store: Store, original: Path
) -> None:
    sha, size = file_sha256(original)
    data = bytearray(original.read_bytes())
    data[BLOB_CHUNK + 7] ^= 0xFF  # one byte of the second piece, same size
    original.write_bytes(bytes(data))
    with pytest.raises(BlobRefused) as refused:
        put_blob(store.engine, original, sha, size)
    assert refused.value.code == "photo_blob_refused"
    assert "anh-goc.jpg" in refused.value.message(Translator.load("vi", _ts()))
    assert "không được lưu" in refused.value.message(Translator.load("vi", _ts()))
    assert _rows(store, sha) == 0


def test_a_bad_piece_already_in_the_store_refuses_the_insert(store: Store, original: Path) -> None:
    """A piece left under the same key (raw SQL by a modified client): the duplicate-ignoring
    insert would keep it; the check after the insert finds it, and nothing new is stored."""
    sha, size = file_sha256(original)
    with store.begin() as s:
        s.add(PhotoBlobModel(content_hash=sha, seq=1, data=b"\0" * BLOB_CHUNK, total_size=size))
    with pytest.raises(BlobPieceRefused) as refused:
        put_blob(store.engine, original, sha, size)
    assert refused.value.code == "photo_blob_piece_refused"
    assert refused.value.params["seq"] == 1
    assert "mảnh 1" in refused.value.message(Translator.load("vi", _ts()))
    assert _rows(store, sha) == 1  # only the bad piece that was there; piece 0 not written
    with store.read() as s:
        assert not has_blob(s, sha)


def test_copying_a_damaged_original_is_refused_and_reading_it_says_so(
    store: Store, original: Path, tmp_path: Path
) -> None:
    sha, size = file_sha256(original)
    assert put_blob(store.engine, original, sha, size)
    with store.begin() as s:  # the disk (or a hand) damaged a piece afterwards
        s.execute(
            update(PhotoBlobModel)
            .where(PhotoBlobModel.content_hash == sha, PhotoBlobModel.seq == 2)
            .values(data=b"\1" * (BLOB_CHUNK // 2))
        )
    target = open_store(f"sqlite:///{tmp_path / 'dich.sqlite3'}")
    try:
        with store.read() as src, pytest.raises(BlobRefused), Session(target.engine) as dst:
            with dst.begin():
                copy_blob(src, dst, sha)
        assert _rows(target, sha) == 0
    finally:
        target.close()
    out = tmp_path / "ra.jpg"
    with store.read() as s, pytest.raises(BlobDamaged) as damaged:
        write_blob_file(s, sha, out)
    assert damaged.value.code == "photo_blob_damaged" and not out.exists()


def test_an_empty_original_is_one_empty_piece(store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "rong.jpg"
    empty.write_bytes(b"")
    assert put_blob(store.engine, empty, hashlib.sha256(b"").hexdigest(), 0)
    with store.read() as s:
        assert has_blob(s, hashlib.sha256(b"").hexdigest())


def _ts() -> Path:
    return resources_dir() / "translations"
