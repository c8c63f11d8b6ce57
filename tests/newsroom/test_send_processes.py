"""Five reporter processes send to one newsroom at once (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from qk3editor.core.articles import Status
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.desk_models import PhotoBlobModel
from qk3editor.storage.photos_repository import PhotoRepository
from tests.conftest import ROOT, subprocess_env

from .send_helpers import photo_file, sha256


def test_five_reporters_send_at_once(tmp_path: Path, newsroom_url: str) -> None:
    shared = photo_file(tmp_path, "chung.jpg", 1_500_000, seed=7)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.newsroom.send_worker",
                str(tmp_path / f"pv{i}"),
                newsroom_url,
                str(shared),
                str(go),
            ],
            cwd=ROOT,
            env=subprocess_env(QK3EDITOR_HOME=str(tmp_path / f"home{i}")),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(5)
    ]
    for p in procs:
        assert p.stdout is not None
        assert p.stdout.readline().strip() == "ready", p.stderr.read() if p.stderr else ""
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(out.split())
    assert [r[0] for r in results] == ["done"] * 5, results
    ids = {r[1] for r in results}
    desk = open_store(newsroom_url)
    try:
        articles = ArticleRepository(desk)
        photos = PhotoRepository(desk)
        for article_id in ids:
            assert articles.get(article_id).status is Status.SUBMITTED
            assert len(photos.article_photos(article_id)) == 2
        with desk.read() as s:
            shared_pieces = s.scalar(
                select(func.count()).where(PhotoBlobModel.content_hash == sha256(shared))
            )
            originals = s.scalar(select(func.count()).where(PhotoBlobModel.seq == 0))
        assert shared_pieces == 2  # one copy of the shared original (1.5 MB: two pieces)
        assert originals == 6  # five own originals and the shared one
        assert photos.count() == 6
    finally:
        desk.close()
