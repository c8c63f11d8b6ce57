"""A 24-megapixel original goes into the newsroom and comes back out with a bounded memory:
one piece (BLOB_PIECE_BYTES) at a time, whatever the file's size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from qk3editor.core.budgets import BLOB_PIECE_BYTES, MB
from qk3editor.storage.db import open_store
from qk3editor.storage.photo_blobs import file_sha256, put_blob, write_blob_file

from .send_helpers import photo_file, sha256


def test_a_24_megapixel_original_streams_in_pieces(tmp_path: Path, newsroom_url: str) -> None:
    # a 24 MP camera JPEG at top quality is 12-25 MB; take the worst case
    original = photo_file(tmp_path, "DSC_0001.JPG", 25 * MB + 12345, seed=24)
    digest, size = file_sha256(original)
    store = open_store(newsroom_url)
    try:
        tracemalloc.start()
        try:
            assert put_blob(store.engine, original, digest, size)
            _current, peak_in = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            out = tmp_path / "back.jpg"
            with store.read() as s:
                assert write_blob_file(s, digest, out) == digest
            _current, peak_out = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert sha256(out) == sha256(original)  # byte for byte
        # a few pieces at most (the driver's copy of the parameter, our read buffer), never
        # the 25 MB file
        assert peak_in < 6 * BLOB_PIECE_BYTES, peak_in
        assert peak_out < 6 * BLOB_PIECE_BYTES, peak_out
        assert not put_blob(store.engine, original, digest, size)  # already there: nothing sent
    finally:
        store.close()
