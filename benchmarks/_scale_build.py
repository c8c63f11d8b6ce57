"""Building the scale benchmark's stores (``scale.py``): SQLite files cached by size and
schema heads, and a throw-away PostgreSQL server filled the same way."""

from __future__ import annotations

import contextlib
import glob
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

THUMBS = 64  # distinct thumbnail files the photos share


WORDS = (
    "Quân khu tổ chức hội nghị tổng kết công tác dân vận năm trong lực lượng vũ trang "
    "Bộ đội Biên phòng Hải Phòng huấn luyện sẵn sàng chiến đấu tìm kiếm cứu nạn trực thăng "
    "Lữ đoàn pháo phòng không Đức Việt Nguyễn Thanh Hải Kiến Thụy Móng Cái đường thủy lôi "
    "dân quân tự vệ Thiếu tướng chính ủy đảng ủy bảo đảm an toàn giao thông biển đảo"
).split()


def parse_size(text: str) -> int:
    t = text.strip().lower()
    mult = 1_000_000 if t.endswith("m") else 1_000 if t.endswith("k") else 1
    return int(float(t.rstrip("km")) * mult)


def label(n: int) -> str:
    return f"{n // 1_000_000}m" if n >= 1_000_000 else f"{n // 1_000}k" if n >= 1_000 else str(n)


def pss_mb() -> float:
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# -- building ------------------------------------------------------------------------------
def cache_dir() -> Path:
    d = Path(os.environ.get("QK3_BENCH_CACHE") or Path(tempfile.gettempdir()) / "qk3-bench-cache")
    d.mkdir(parents=True, exist_ok=True)
    return d


def store_path(n: int, photos: int) -> Path:
    from qk3editor.storage.heads import script_heads

    heads = "-".join(sorted(script_heads()))
    return cache_dir() / f"scale-a{label(n)}-p{label(photos)}-{heads}.sqlite3"


def _sentence(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(k))


def make_thumbnails(folder: Path) -> list[str]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(THUMBS):
        p = folder / f"t{i}.jpg"
        if not p.exists():
            colour = (40 + i * 3 % 200, 90 + i * 7 % 160, 160 - i % 120)
            Image.new("RGB", (320, 213), colour).save(p, quality=80)
        paths.append(str(p))
    return paths


def older_store(path: Path) -> Path | None:
    """The newest cached store of the same sizes made by an older schema (another key)."""
    size = path.name.split("-")[:3]  # scale, a<n>, p<photos>
    found = [
        p
        for p in path.parent.glob("-".join(size) + "-*.sqlite3")
        if p != path and p.name.split("-")[:3] == size
    ]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def ensure(path: Path, n: int, photos: int) -> None:
    """The cached store at ``path``: an older one of the same sizes copied and upgraded
    through the migrations (as a user's store reaches a new release: minutes at 1M, where
    building anew takes ~27), else built."""
    if path.exists():
        return
    older = older_store(path)
    if older is None:
        print(f"building {label(n)} articles + {label(photos)} photos in {path} ...", flush=True)
        build(path, n, photos)
        return
    from qk3editor.storage.db import make_engine, migrate

    print(f"upgrading a copy of {older.name} through the migrations ...", flush=True)
    t0 = time.perf_counter()
    tmp = path.with_suffix(".upgrading")
    shutil.copyfile(older, tmp)
    engine = make_engine(f"sqlite:///{tmp}")
    migrate(engine)
    engine.dispose()
    tmp.rename(path)
    print(f"  upgraded in {time.perf_counter() - t0:.0f} s: {path.name}", flush=True)


def build(path: Path, n: int, photos: int) -> None:
    """A cached SQLite store of ``n`` articles and ``photos`` photos at ``path``."""
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    fill(f"sqlite:///{tmp}", n, photos, path.parent / "scale-thumbs")
    tmp.rename(path)
    print(f"  built {path.name}", flush=True)


def fill(url: str, n: int, photos: int, thumbs_dir: Path, batch: int = 2_000) -> None:
    """Articles (with their search text) and photos into the empty store at ``url``, its
    schema made by the migrations (``open_store``)."""
    from sqlalchemy import insert

    from qk3editor.storage.articles_models import ArticleModel
    from qk3editor.storage.db import open_store
    from qk3editor.storage.photos_models import PhotoModel
    from qk3editor.storage.search import article_text, document_row
    from qk3editor.storage.search_terms import refresh_terms

    store = open_store(url)  # the schema through the migrations
    rng = random.Random(14)
    base = datetime(2020, 1, 1, tzinfo=UTC)
    statuses = ["published"] * 6 + ["draft", "submitted", "approved", "spiked"]
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        n_cat = len(conn.exec_driver_sql("SELECT id FROM categories").all())
    articles = ArticleModel.__table__
    from qk3editor.storage.search import SearchDocumentModel

    docs_table = SearchDocumentModel.__table__
    for start in range(0, n, batch):
        rows, docs = [], []
        for i in range(start, min(n, start + batch)):
            aid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            title = _sentence(rng, rng.randint(6, 12)).capitalize()
            lead = _sentence(rng, 30)
            body = "\n\n".join(_sentence(rng, 40) for _ in range(3))
            byline = rng.choice(("Đức Việt", "Thanh Hải", "Minh Anh", "Hoàng Sáng", ""))
            when = base + timedelta(minutes=i * 3 + rng.randint(0, 2))
            rows.append(
                {
                    "id": aid,
                    "title": title,
                    "lead": lead,
                    "body": body,
                    "category_id": 1 + i % n_cat if i % 17 else None,
                    "byline": byline,
                    "tags": ["dân vận"],
                    "status": statuses[i % len(statuses)],
                    "created_at": when,
                    "updated_at": when,
                    "version": 1,
                }
            )
            plain = article_text(title, lead, body, byline, ["dân vận"])
            docs.append(document_row("article", aid, aid, plain))
        with store.engine.begin() as conn:
            conn.execute(insert(articles), rows)
            conn.execute(insert(docs_table), docs)
        done = start + len(rows)
        if done % 100_000 == 0 or done == n:
            print(f"  {done} articles, {time.perf_counter() - t0:.0f} s", flush=True)
    thumbs = make_thumbnails(thumbs_dir)
    photo_table = PhotoModel.__table__
    for start in range(0, photos, batch):
        rows = []
        for i in range(start, min(photos, start + batch)):
            headline = _sentence(rng, 6).capitalize()
            description = _sentence(rng, 25) if i % 9 else ""
            credit = "QK3 online" if i % 13 else ""
            name = f"/photos/{2020 + i // 20_000}/DSC_{i:06d}.JPG"
            rows.append(
                {
                    "path": name,
                    "content_hash": f"{i:064x}",
                    "size_bytes": 8_000_000,
                    "width": 6000,
                    "height": 4000,
                    "format": "JPEG",
                    "thumbnail": thumbs[i % len(thumbs)],
                    "camera": "NIKON D750",
                    "date_taken": (base + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%S")
                    if i % 50
                    else "",
                    "gps": i % 11 == 0,
                    "has_iim": True,
                    "headline": headline,
                    "description": description,
                    "credit": credit,
                    "city": "Hải Phòng",
                    "creator": ["Đức Việt"],
                    "keywords": ["dân vận", "biên phòng"],
                    "search_text": "\n".join((headline, description, credit, name)).casefold(),
                    "imported_at": base,
                    "updated_at": base,
                }
            )
        with store.engine.begin() as conn:
            conn.execute(insert(photo_table), rows)
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            refresh_terms(conn)  # the words of the rows written around index_text
    with store.engine.connect() as conn:
        if store.is_sqlite:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        else:  # what autovacuum does within a minute of a bulk load: statistics, and the
            # visibility map that lets a count walk an index only
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    store.close()
    print(f"  filled in {time.perf_counter() - t0:.0f} s", flush=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder (as tests/pg_fixture.py starts it); its URL."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("PostgreSQL server binaries are missing (Debian package 'postgresql')")
    bindir = Path(found[-1]).parent

    def run(*cmd: str) -> None:
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, *cmd], check=True, capture_output=True)

    root = Path(tempfile.mkdtemp(prefix="qk3-scale-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        os.chmod(root, 0o755)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    data = str(root / "data")
    run(str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "qk3", "-E", "UTF8",
        "--locale=C.UTF-8")  # fmt: skip
    run(str(bindir / "pg_ctl"), "-D", data, "-w", "-l", str(root / "log"), "-o",
        f"-h 127.0.0.1 -p {port} -k {root} -F", "start")  # fmt: skip
    try:
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "qk3", "qk3")
        yield f"postgresql+psycopg://qk3@127.0.0.1:{port}/qk3"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            run(str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)
