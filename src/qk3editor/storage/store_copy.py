"""``store copy --to URL`` (issue 16): a whole store into another — a reporter's SQLite file
into the newsroom's PostgreSQL store, or back — idempotently (run twice: nothing doubled).

Rows are matched by what identifies them in any store: articles by UUID, categories by slug,
photos by content hash, revisions by (article, number), links by (article, photo). An article
already in the target is replaced only by a newer version. Photo ids differ between stores, so
``qk3photo:ID`` references in bodies are rewritten. Photo originals travel with their bytes:
into a PostgreSQL store as ``photo_blobs`` (1 MiB pieces), into a SQLite store as files in the
given photos folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qk3editor.storage.articles_models import ArticleModel, CategoryModel
from qk3editor.storage.db import Store
from qk3editor.storage.editor_models import RevisionModel
from qk3editor.storage.newsroom_send import rewrite_photo_refs
from qk3editor.storage.photo_blobs import (
    blob_of_path,
    blob_path,
    copy_blob,
    file_sha256,
    put_blob,
    write_blob_file,
)
from qk3editor.storage.photos_models import ArticlePhotoModel, PhotoModel
from qk3editor.storage.search import sync_article

SERVER_SET = frozenset({"id", "owner"})  # never copied: the target numbers rows / sets owners


@dataclass
class CopyReport:
    articles_added: int = 0
    articles_updated: int = 0
    categories: int = 0
    photos: int = 0
    originals: int = 0
    missing_originals: int = 0
    revisions: int = 0
    links: int = 0

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def _values(m: Any, skip: frozenset[str] = SERVER_SET) -> dict[str, Any]:
    return {c.key: getattr(m, c.key) for c in m.__table__.columns if c.key not in skip}


def copy_store(
    source: Store,
    target: Store,
    photos_dir: Path | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    report = CopyReport()
    say: Callable[[str, int], None] = progress or _quiet
    with source.read() as src, target.begin() as dst:
        categories = _copy_categories(src, dst, report)
    say("categories", report.categories)
    photo_ids = _copy_photos(source, target, photos_dir, report)
    say("photos", report.photos)
    with source.read() as src, target.begin() as dst:
        _copy_articles(src, dst, categories, photo_ids, report)
        _copy_revisions(src, dst, report)
        _copy_links(src, dst, photo_ids, report)
    say("articles", report.articles_added + report.articles_updated)
    return report


def _quiet(_step: str, _count: int) -> None:
    """Progress nobody watches."""


def _copy_categories(src: Session, dst: Session, report: CopyReport) -> dict[int, int]:
    have = {
        str(slug): int(i) for slug, i in dst.execute(select(CategoryModel.slug, CategoryModel.id))
    }
    out: dict[int, int] = {}
    for c in src.scalars(select(CategoryModel).order_by(CategoryModel.id)):
        if c.slug not in have:
            m = CategoryModel(**_values(c))
            dst.add(m)
            dst.flush()
            have[c.slug] = m.id
            report.categories += 1
        out[c.id] = have[c.slug]
    return out


def _copy_photos(
    source: Store, target: Store, photos_dir: Path | None, report: CopyReport
) -> dict[int, int]:
    """Source photo id → target photo id; originals copied first, each in its own step."""
    with source.read() as src:
        rows = list(src.scalars(select(PhotoModel).order_by(PhotoModel.id)))
    with target.read() as dst:
        have = {
            str(h): int(i) for h, i in dst.execute(select(PhotoModel.content_hash, PhotoModel.id))
        }
    out: dict[int, int] = {}
    for p in rows:
        if p.content_hash in have:
            out[p.id] = have[p.content_hash]
            continue
        path = _copy_original(source, target, p, photos_dir, report)
        with target.begin() as dst:
            values = _values(p)
            values["path"] = path
            values["thumbnail"] = p.thumbnail if target.is_sqlite and source.is_sqlite else ""
            m = PhotoModel(**values)
            dst.add(m)
            dst.flush()
            out[p.id] = have[p.content_hash] = m.id
        report.photos += 1
    return out


def _copy_original(
    source: Store, target: Store, p: PhotoModel, photos_dir: Path | None, report: CopyReport
) -> str:
    """The target's path of the photo's original, its bytes copied there."""
    digest = blob_of_path(p.path)
    name = Path(p.path.split("/", 1)[-1] if digest else p.path).name
    if not target.is_sqlite:
        if digest is not None:
            with source.read() as src, target.begin() as dst:
                copy_blob(src, dst, digest)
            report.originals += 1
            return p.path
        file = Path(p.path)
        if not file.is_file():
            report.missing_originals += 1
            return p.path
        sha, size = file_sha256(file)
        put_blob(target.engine, file, sha, size)
        report.originals += 1
        return blob_path(sha, name)
    if digest is None:
        if not Path(p.path).is_file():
            report.missing_originals += 1
        return p.path  # a file on this machine stays where it is
    if photos_dir is None:  # keep the bytes in the target store itself
        with source.read() as src, target.begin() as dst:
            copy_blob(src, dst, digest)
        report.originals += 1
        return p.path
    out = photos_dir / digest[:2] / f"{digest[:12]}-{name}"
    if not out.is_file():
        with source.read() as src:
            write_blob_file(src, digest, out)
    report.originals += 1
    return str(out)


def _copy_articles(
    src: Session,
    dst: Session,
    categories: dict[int, int],
    photo_ids: dict[int, int],
    report: CopyReport,
) -> None:
    refs = {str(k): v for k, v in photo_ids.items()}
    have = {str(i): int(v) for i, v in dst.execute(select(ArticleModel.id, ArticleModel.version))}
    for a in src.scalars(select(ArticleModel).order_by(ArticleModel.created_at, ArticleModel.id)):
        values = _values(a, frozenset({"owner"}))
        values["category_id"] = categories.get(a.category_id) if a.category_id else None
        values["body"] = rewrite_photo_refs(a.body, refs)
        if a.id not in have:
            m = ArticleModel(**values)
            dst.add(m)
            report.articles_added += 1
        elif a.version > have[a.id]:
            found = dst.get(ArticleModel, a.id)
            assert found is not None
            m = found
            for key, value in values.items():
                setattr(m, key, value)
            report.articles_updated += 1
        else:
            continue
        dst.flush()
        sync_article(dst, m)


def _copy_revisions(src: Session, dst: Session, report: CopyReport) -> None:
    have = {
        (str(a), int(n))
        for a, n in dst.execute(select(RevisionModel.article_id, RevisionModel.number))
    }
    for r in src.scalars(select(RevisionModel).order_by(RevisionModel.id)):
        if (r.article_id, r.number) not in have:
            dst.add(RevisionModel(**_values(r)))
            have.add((r.article_id, r.number))
            report.revisions += 1
    dst.flush()


def _copy_links(src: Session, dst: Session, photo_ids: dict[int, int], report: CopyReport) -> None:
    have = {
        (str(a), int(p))
        for a, p in dst.execute(select(ArticlePhotoModel.article_id, ArticlePhotoModel.photo_id))
    }
    for link in src.scalars(select(ArticlePhotoModel).order_by(ArticlePhotoModel.id)):
        pid = photo_ids.get(link.photo_id)
        if pid is None or (link.article_id, pid) in have:
            continue
        values = _values(link)
        values["photo_id"] = pid
        dst.add(ArticlePhotoModel(**values))
        have.add((link.article_id, pid))
        report.links += 1
    dst.flush()
