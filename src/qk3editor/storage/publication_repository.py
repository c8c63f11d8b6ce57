"""The published state of articles: recorded after a successful publish, in one transaction
with the article's move to "published" and its marked revision."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from qk3editor.core.article_list import PUBLIC_REMOTE_STATUSES
from qk3editor.core.articles import Status, utcnow
from qk3editor.core.errors import ArticleNotFound
from qk3editor.core.publish_data import Publication
from qk3editor.core.revisions import RevisionReason
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.db import Store
from qk3editor.storage.editor_models import StatusChangeModel
from qk3editor.storage.editor_repository import snapshot_in
from qk3editor.storage.publication_models import ArticlePublicationModel

# A publish is a fact: the article is on the portal whatever its workflow state was (a
# publish with --force from a draft included). These states become "published".
_BECOMES_PUBLISHED = frozenset(
    {Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.UNPUBLISHED, Status.SPIKED}
)


def _to_publication(m: ArticlePublicationModel) -> Publication:
    return Publication(
        article_id=m.article_id,
        target=m.target,
        link=m.link,
        remote_status=m.remote_status,
        first_published_at=m.first_published_at,
        published_at=m.published_at,
        article_version=m.article_version,
        revision_id=m.revision_id,
        who=m.who,
        forced_by=m.forced_by,
        forced_at=m.forced_at,
    )


class PublicationRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self,
        article_id: str,
        target: str,
        link: str,
        remote_status: str,
        who: str = "",
        forced: dict[str, object] | None = None,
        article_version: int | None = None,
        when: datetime | None = None,
    ) -> Publication:
        """A successful publish of ``article_version`` (the job's snapshot) to ``target``.

        A public one (publish / scheduled) moves the article to "published" (a "corrected"
        one stays so), snapshots it as a revision marked "published" and remembers the
        version, so that a later edit shows "changed since publishing". A draft on the portal
        (the portal preview) records only the link.
        """
        now = when or utcnow()
        public = remote_status in PUBLIC_REMOTE_STATUSES
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            row = s.scalar(
                select(ArticlePublicationModel).where(
                    ArticlePublicationModel.article_id == article_id,
                    ArticlePublicationModel.target == target,
                )
            )
            if not public and row is not None and row.remote_status in PUBLIC_REMOTE_STATUSES:
                return _to_publication(row)  # a draft preview never hides a real publish
            revision_id = None
            stored = m.version
            version = stored if article_version is None else min(article_version, stored)
            if public:
                source = Status(m.status)
                if source in _BECOMES_PUBLISHED:
                    # the text is unchanged: the version stays, so an editor holding it
                    # saves on without a conflict (only an edit makes it "changed")
                    m.status = Status.PUBLISHED.value
                    s.add(
                        StatusChangeModel(
                            article_id=article_id,
                            from_status=source.value,
                            to_status=Status.PUBLISHED.value,
                            who=who,
                            at=now,
                        )
                    )
                rev = snapshot_in(s, m, RevisionReason.PUBLISHED, who)
                revision_id = rev.id
            if row is None:
                row = ArticlePublicationModel(
                    article_id=article_id, target=target, first_published_at=now
                )
                s.add(row)
            elif public and row.remote_status not in PUBLIC_REMOTE_STATUSES:
                row.first_published_at = now  # the drafts before were previews
            row.link = link
            row.remote_status = remote_status
            row.published_at = now
            row.article_version = version
            row.revision_id = revision_id
            row.who = who
            row.forced_by = str(forced["by"]) if forced else None
            row.forced_at = now if forced else None
            row.forced_findings = (
                json.dumps(forced.get("findings", []), ensure_ascii=False) if forced else None
            )
            s.flush()
            return _to_publication(row)

    def of_article(self, article_id: str) -> list[Publication]:
        with self._store.begin() as s:
            rows = s.scalars(
                select(ArticlePublicationModel)
                .where(ArticlePublicationModel.article_id == article_id)
                .order_by(ArticlePublicationModel.published_at.desc())
            ).all()
            return [_to_publication(r) for r in rows]

    def get(self, article_id: str, target: str) -> Publication | None:
        return next((p for p in self.of_article(article_id) if p.target == target), None)

    def first_published_at(self, article_id: str, target: str | None = None) -> datetime | None:
        """The first public publication's date (on ``target``, or on any target)."""
        dates = [
            p.first_published_at
            for p in self.of_article(article_id)
            if p.public and (target is None or p.target == target)
        ]
        return min(dates) if dates else None

    def latest(self, article_ids: Sequence[str]) -> dict[str, Publication]:
        """Each article's newest public publication (the library's column)."""
        if not article_ids:
            return {}
        with self._store.begin() as s:
            rows = s.scalars(
                select(ArticlePublicationModel).where(
                    ArticlePublicationModel.article_id.in_(list(article_ids)),
                    ArticlePublicationModel.remote_status.in_(PUBLIC_REMOTE_STATUSES),
                )
            ).all()
            out: dict[str, Publication] = {}
            for r in rows:
                p = _to_publication(r)
                if p.article_id not in out or p.published_at > out[p.article_id].published_at:
                    out[p.article_id] = p
            return out
