"""Diacritic-insensitive full-text search that ranks exact matches first.

Every searchable text is a row of ``search_documents`` (``source``, ``source_key``, the
``article_id`` it belongs to, the NFC ``plain`` text and its ``fold()``). Articles are kept
in sync by :class:`~qk3editor.storage.articles_repository.ArticleRepository` through
:func:`sync_article`; another source (photo captions) calls :func:`index_text` /
:func:`remove_text` with its own ``source`` name and the article the text belongs to.

On SQLite an FTS5 table (migration 0002) indexes both columns; a query is folded the same
way and matched against ``folded``; articles whose ``plain`` text has the query words as
typed (đường, not only dương) come first, then the others; newest first within each tier.
Elsewhere (PostgreSQL) LIKE over ``folded`` is the fallback. A query is reduced to its words
before it reaches the database, so quotes, parentheses and FTS operators are just text: no
query raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from qk3editor.core.vietnamese.fold import fold
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.storage.articles_models import ArticleModel, Base, CategoryModel
from qk3editor.storage.db import Store
from qk3editor.storage.search_postgres import postgres_ids
from qk3editor.storage.search_terms import WORD_RE, add_pending_terms, expand, terms_current

ARTICLE_SOURCE = "article"
MAX_QUERY_WORDS = 16


def alembic_include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For alembic comparisons: the FTS5 table, its shadow tables, the words of the index
    (SQLite) and the server-kept tsvector (PostgreSQL) are not ORM models."""
    if name is None:
        return True
    if type_ == "table" and name.startswith("search_fts"):
        return False
    if type_ == "index" and name.startswith("ix_search_fts"):
        return False
    return not (type_ in ("column", "index") and "folded_tsv" in name)


class SearchDocumentModel(Base):
    __tablename__ = "search_documents"
    __table_args__ = (UniqueConstraint("source", "source_key", name="uq_search_documents_source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(40))
    source_key: Mapped[str] = mapped_column(String(80))
    article_id: Mapped[str | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=True, index=True
    )
    plain: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class SearchHit:
    """One article found. ``exact`` when its text has the query words as typed."""

    article_id: str
    title: str
    status: str
    category: str | None
    exact: bool
    rank: int  # 0 = best


def article_text(title: str, lead: str, body: str, byline: str, tags: Iterable[str] | None) -> str:
    """The searchable text of an article: title, lead, body, byline and tags."""
    return "\n".join([title or "", lead or "", body or "", byline or "", " ".join(tags or ())])


def document_row(source: str, key: str, article_id: str | None, plain: str) -> dict[str, Any]:
    plain = normalize(plain)
    return {
        "source": source,
        "source_key": key,
        "article_id": article_id,
        "plain": plain,
        "folded": fold(plain),
    }


def index_text(session: Session, source: str, key: str, article_id: str | None, plain: str) -> None:
    """Add or replace the searchable text ``source``/``key`` (inside the caller's unit of work)."""
    row = document_row(source, key, article_id, plain)
    doc = session.scalar(
        select(SearchDocumentModel).where(
            SearchDocumentModel.source == source, SearchDocumentModel.source_key == key
        )
    )
    if doc is None:
        session.add(SearchDocumentModel(**row))
    elif doc.plain != row["plain"] or doc.article_id != article_id:
        doc.plain, doc.folded, doc.article_id = row["plain"], row["folded"], article_id
    session.flush()
    if session.get_bind().dialect.name == "sqlite":
        add_pending_terms(session.connection(), batch=500)


def remove_text(session: Session, source: str, key: str) -> None:
    session.execute(
        delete(SearchDocumentModel).where(
            SearchDocumentModel.source == source, SearchDocumentModel.source_key == key
        )
    )


def sync_article(session: Session, m: ArticleModel) -> None:
    """Keep the article's search text in step with ``m`` (called on every create/update)."""
    plain = article_text(m.title, m.lead, m.body, m.byline, m.tags)
    index_text(session, ARTICLE_SOURCE, m.id, m.id, plain)


# -- queries ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedQuery:
    folded: tuple[str, ...]  # the words, folded
    exact: tuple[str, ...]  # the words as typed (NFC, lower case)
    prefix: bool  # the last word is being typed

    @property
    def has_exact_tier(self) -> bool:
        """Whether the words as typed differ from the folded ones (an exact tier to search)."""
        return tuple(fold(w) for w in self.exact) != self.exact


def parse_query(query: str, prefix: bool = True) -> ParsedQuery:
    """The words of ``query``; everything else (quotes, brackets, operators) is dropped."""
    q = normalize(query or "")
    exact = tuple(w.lower() for w in WORD_RE.findall(q))[:MAX_QUERY_WORDS]
    folded = tuple(w for w in (fold(w) for w in exact) if w)
    is_prefix = prefix and bool(q) and not q[-1].isspace() and bool(folded)
    return ParsedQuery(folded, exact, is_prefix)


def _fts_expr(
    column: str, words: Sequence[str], prefix: bool, last: Sequence[str] | None = None
) -> str:
    """An FTS5 query: every word in ``column``; the last one a prefix when ``prefix``,
    written as the index's words that start with it (``last``) when they are known."""
    terms = [_quoted(w) for w in words]
    if prefix:
        terms[-1] = "(" + " OR ".join(map(_quoted, last)) + ")" if last else terms[-1] + "*"
    return " AND ".join(f"{column} : {t}" for t in terms)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class SearchRepository:
    """Search articles (and whatever else indexes text for an article)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, query: str, limit: int = 50, prefix: bool = True) -> list[SearchHit]:
        """Articles matching every word of ``query``, diacritics ignored; exact matches first.

        ``prefix``: the last word may be incomplete (search as you type).
        """
        parsed = parse_query(query, prefix)
        if not parsed.folded or limit <= 0:
            return []
        with self._store.read() as s:
            return self._hits(s, self._ids(s, parsed, limit))

    def _ids(self, s: Session, q: ParsedQuery, limit: int) -> list[tuple[str, bool]]:
        """(article id, exact) of up to ``limit`` matches, exact ones first, on either store."""
        if self._store.is_sqlite:
            return self._sqlite_ids(s, q, limit)
        return self._server_ids(s, q, limit)

    def _sqlite_ids(self, s: Session, q: ParsedQuery, limit: int) -> list[tuple[str, bool]]:
        out: dict[str, bool] = {}
        conn = s.connection()
        current = not q.prefix or terms_current(conn)
        if q.has_exact_tier:
            expr = self._expr(conn, "plain", q.exact, q.prefix and current, q.prefix)
            for article_id in self._fts_articles(s, expr, limit) if expr else ():
                out.setdefault(article_id, True)
        if len(out) < limit:
            expr = self._expr(conn, "folded", q.folded, q.prefix and current, q.prefix)
            for article_id in self._fts_articles(s, expr, limit) if expr else ():
                out.setdefault(article_id, False)
                if len(out) >= limit:
                    break
        return list(out.items())[:limit]

    @staticmethod
    def _expr(
        conn: Any, column: str, words: Sequence[str], expand_last: bool, prefix: bool
    ) -> str | None:
        """The FTS5 query for ``words``; None when the last word, a prefix, starts no word
        of the index (nothing can match)."""
        last = expand(conn, words[-1], column == "folded") if expand_last else None
        if last is not None and not last:
            return None
        return _fts_expr(column, words, prefix, last)

    def _fts_articles(self, s: Session, expr: str, limit: int) -> list[str]:
        """Articles matching ``expr``, newest text first.

        Within a tier the newest match wins: bm25 over every match costs time in proportion
        to their number (a common word is in most articles: 250 ms on 100,000 articles, and
        13 ms even for the newest 200), while walking the index newest-first stops at ``limit``.
        """
        rows = s.execute(
            text(
                "SELECT d.article_id FROM search_fts f "
                "JOIN search_documents d INDEXED BY ix_search_fts_doc_article ON d.id = f.rowid "
                "WHERE search_fts MATCH :q ORDER BY f.rowid DESC LIMIT :n"
            ),
            {"q": expr, "n": limit * 2},
        ).all()
        return list(dict.fromkeys(r[0] for r in rows if r[0] is not None))

    def _server_ids(self, s: Session, q: ParsedQuery, limit: int) -> list[tuple[str, bool]]:
        """PostgreSQL: the folded words' tsvector (``search_postgres``), else the LIKE scan."""
        exact = q.exact if q.has_exact_tier else ()
        found = postgres_ids(s, q.folded, exact, q.prefix, limit)
        return self._like_ids(s, q, limit) if found is None else found

    def _like_ids(self, s: Session, q: ParsedQuery, limit: int) -> list[tuple[str, bool]]:
        """The portable fallback: LIKE over the folded column (and the plain one for exact)."""

        def ids(exact: bool) -> list[str]:
            stmt = select(SearchDocumentModel.article_id).where(
                SearchDocumentModel.article_id.is_not(None)
            )
            for w in q.exact if exact else q.folded:
                if exact:  # SQL lower() is ASCII-only on SQLite: try the usual cases
                    col = SearchDocumentModel.plain
                    forms = dict.fromkeys([w, w.capitalize(), w.upper()])
                    stmt = stmt.where(or_(*(col.contains(f, autoescape=True) for f in forms)))
                else:
                    stmt = stmt.where(SearchDocumentModel.folded.contains(w, autoescape=True))
            found = s.scalars(stmt.limit(limit * 2))
            return [a for a in dict.fromkeys(found) if a is not None]

        out: dict[str, bool] = {}
        if q.has_exact_tier:
            for a in ids(exact=True):
                out.setdefault(a, True)
        for a in ids(exact=False):
            out.setdefault(a, False)
        return list(out.items())[:limit]

    def _hits(self, s: Session, ids: list[tuple[str, bool]]) -> list[SearchHit]:
        if not ids:
            return []
        stmt = (
            select(ArticleModel.id, ArticleModel.title, ArticleModel.status, CategoryModel.name)
            .outerjoin(CategoryModel, ArticleModel.category_id == CategoryModel.id)
            .where(ArticleModel.id.in_([i for i, _ in ids]))
        )
        rows = {r[0]: r for r in s.execute(stmt)}
        hits: list[SearchHit] = []
        for article_id, exact in ids:
            r = rows.get(article_id)
            if r is not None:
                hits.append(SearchHit(r[0], r[1], r[2], r[3], exact, len(hits)))
        return hits

    def search_ids(self, query: str, limit: int = 1000, prefix: bool = True) -> list[str]:
        """Just the ids of :meth:`search` (the library filters by them), in its order.

        Without :meth:`search`'s hits: the library reads its own rows (a thousand rows made
        into hits cost 20-40 ms; issue 14), and keeps only the articles it finds. Every id is an
        article's: ``search_documents.article_id`` is a foreign key that deletes the text with
        its article (checking the ids again cost 12 ms a thousand at 100,000 articles).
        """
        parsed = parse_query(query, prefix)
        if not parsed.folded or limit <= 0:
            return []
        with self._store.read() as s:
            return [i for i, _ in self._ids(s, parsed, limit)]

    def reindex(self) -> int:
        """Rebuild every article's search text (after an import done behind the store's back)."""
        n = 0
        with self._store.begin() as s:
            for m in s.scalars(select(ArticleModel)):
                sync_article(s, m)
                n += 1
        return n
