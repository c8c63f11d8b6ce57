"""Search on PostgreSQL: the folded words as a tsvector with a GIN index (issue 14).

``search_documents.folded_tsv`` (migration ``c14_search_terms``) holds the words of the folded
text (runs of a-z and 0-9, as ``parse_query`` splits a query once folded), kept by the server.
A query whose folded words are all such runs is asked as a tsquery (``'dan' & 'van':*``), newest
first: the planner walks the id index backwards for common words and the GIN index for rare
ones, instead of scanning every text with ``LIKE '%word%'`` (1.1 s for a rare word at 100,000
articles). Other queries (a word with letters fold() keeps, like ß) keep the LIKE scan.
The exact tier (the words as typed, diacritics included) is a flag on each row the tsquery
lets through: its plain text read once as bytes, each word's usual cases looked for there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import and_, func, literal, or_, select, text
from sqlalchemy.orm import Session

_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# the newest texts read on the id index first (a rare word costs reading these: ~4 ms)
WINDOW = 500


def tsquery(words: Sequence[str], prefix: bool) -> str | None:
    """The tsquery of folded ``words`` (the last a prefix), or None when a word is not a run
    of a-z and 0-9 (the tsvector split it elsewhere: the LIKE scan answers)."""
    if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return None
    terms = [f"'{w}'" for w in words]
    if prefix:
        terms[-1] += ":*"
    return " & ".join(terms)


def postgres_ids(
    s: Session,
    folded: Sequence[str],
    exact: Sequence[str],
    prefix: bool,
    limit: int,
) -> list[tuple[str, bool]] | None:
    """Up to ``limit`` article ids whose folded words match, each with whether its plain text
    has every ``exact`` word (in one of its usual cases); those first, then newest first.
    None when :func:`tsquery` is (the LIKE scan answers).

    Two steps with fixed plans, as the planner's estimate for a tsquery can be far off either
    way: the newest ``WINDOW`` texts on the id index backwards (a common word fills the page
    there at once); then, if the page is not full, on along the id index when the words were
    common in the window, else the GIN index over the older texts (a rare word: few to read).
    The exact tier is taken among the matches found: an older text with the words as typed is
    listed in its place, not ahead of the newer ones.
    """
    from qk3editor.storage.search import SearchDocumentModel as Doc

    q = tsquery(folded, prefix)
    if q is None:
        return None
    n = limit * 2
    # the newest id, and the id index walked backwards for the first step (the settings last
    # for this transaction; the queries after them read ids, on either plan)
    first = s.execute(select(func.max(Doc.id), *_plan(bitmap=False))).first()
    newest: int | None = first[0] if first is not None else None
    if newest is None:
        return []
    match = text("search_documents.folded_tsv @@ CAST(:tsq AS tsquery)").bindparams(tsq=q)
    stmt = _step(Doc, match, exact)
    window = max(WINDOW, n)
    cut = newest - window
    rows = _rows(s, stmt(Doc.id > cut, n))
    if len(rows) < n and cut > 0:
        # the share of texts that matched in the window guesses the cost of each way on:
        # walking back until the page is full, or the bitmap of every older match
        share = len(rows) / window
        need = n - len(rows)
        if not share or need / share > share * cut:
            s.execute(select(*_plan(bitmap=True)))
        rows += _rows(s, stmt(Doc.id <= cut, need))
    out: dict[str, bool] = {}
    for article_id, is_exact in rows:
        if is_exact:
            out.setdefault(article_id, True)
    for article_id, _exact in rows:
        out.setdefault(article_id, False)
    return list(out.items())[:limit]


def _step(doc: Any, match: Any, exact: Sequence[str]) -> Callable[[Any, int], Any]:
    """The statement of one step, given its id range ``where`` and ``limit``: (article id,
    exact) of the newest matching article texts.

    The exact tier reads each row's plain text once, as bytes (``convert_to``, in a subquery),
    and looks for each word's usual cases there with ``position`` on bytea: ``strpos`` on the
    text column decompressed the (pglz, inline) text again for every call (up to three per
    word) and counted characters up to each match; a byte match of UTF-8 is the same answer.
    At 100,000 articles, the 2,000 rows of "Đức Việt": 16.5 ms, now 9.5 (issue 14,
    ``benchmarks/_search_pg.py``).
    """
    from sqlalchemy import LargeBinary, bindparam

    if not exact:

        def plain_step(where: Any, limit: int) -> Any:
            base = select(doc.article_id, literal(False)).where(
                doc.article_id.is_not(None), match, where
            )
            return base.order_by(doc.id.desc()).limit(limit)

        return plain_step

    def found(text_bytes: Any, word: str) -> Any:
        return func.pg_catalog.position(text_bytes, bindparam(None, word.encode(), LargeBinary))

    def exact_step(where: Any, limit: int) -> Any:
        inner = (
            select(doc.id, doc.article_id, func.convert_to(doc.plain, "UTF8").label("b"))
            .where(doc.article_id.is_not(None), match, where)
            .order_by(doc.id.desc())
            .limit(limit)
            .subquery()
        )
        has_exact = and_(
            *(
                or_(
                    *(
                        found(inner.c.b, f) > 0
                        for f in dict.fromkeys([w, w.capitalize(), w.upper()])
                    )
                )
                for w in exact
            )
        )
        return select(inner.c.article_id, has_exact).order_by(inner.c.id.desc())

    return exact_step


def _rows(s: Session, stmt: Any) -> list[tuple[str, bool]]:
    """(article id, exact) of each row of ``stmt`` (its WHERE keeps article texts only)."""
    rows: list[tuple[Any, ...]] = [tuple(r) for r in s.execute(stmt)]
    return [(str(r[0]), bool(r[1])) for r in rows]


def _plan(bitmap: bool) -> list[Any]:
    """Settings for this transaction: the id index walked backwards, or the GIN bitmap."""
    on, off = ("enable_bitmapscan", "enable_indexscan")
    if not bitmap:
        on, off = off, on
    return [
        func.set_config(on, "on", True),
        func.set_config(off, "off", True),
        func.set_config("enable_seqscan", "off", True),
        # psycopg prepares a statement run five times, and the server may then keep one
        # generic plan, made under the other step's settings
        func.set_config("plan_cache_mode", "force_custom_plan", True),
    ]
