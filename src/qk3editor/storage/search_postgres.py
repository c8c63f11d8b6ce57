"""Search on PostgreSQL: the folded words as a tsvector with a GIN index (issue 14).

``search_documents.folded_tsv`` (migration ``c14_search_terms``) holds the words of the folded
text (runs of a-z and 0-9, as ``parse_query`` splits a query once folded), kept by the server.
A query whose folded words are all such runs is asked as a tsquery (``'dan' & 'van':*``), newest
first: the planner walks the id index backwards for common words and the GIN index for rare
ones, instead of scanning every text with ``LIKE '%word%'`` (1.1 s for a rare word at 100,000
articles). Other queries (a word with letters fold() keeps, like ß) keep the LIKE scan.
The exact tier (the words as typed, diacritics included) is the same search narrowed by
``LIKE`` on the plain text of the rows the tsquery lets through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session

_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# the newest texts read on the id index first (a rare word costs reading these: ~15 ms)
WINDOW = 2_000


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
    there at once), then, if the page is not full, the GIN index over the older ones (a rare
    word: few rows to read). The exact tier is taken among the matches found: an older text
    with the words as typed is listed in its place, not ahead of the newer ones.
    """
    from qk3editor.storage.search import SearchDocumentModel as Doc

    q = tsquery(folded, prefix)
    if q is None:
        return None
    n = limit * 2
    newest = s.scalar(select(func.max(Doc.id)))
    if newest is None:
        return []
    match = text("search_documents.folded_tsv @@ CAST(:tsq AS tsquery)").bindparams(tsq=q)
    stmt = select(Doc.id, Doc.article_id).where(Doc.article_id.is_not(None), match)
    cut = newest - max(WINDOW, n)
    _plan(s, bitmap=False)
    rows = s.execute(stmt.where(Doc.id > cut).order_by(Doc.id.desc()).limit(n)).all()
    if len(rows) < n and cut > 0:
        _plan(s, bitmap=True)
        older = stmt.where(Doc.id <= cut).order_by(Doc.id.desc()).limit(n - len(rows))
        rows += s.execute(older).all()
    s.execute(
        text(
            "SELECT set_config('enable_indexscan', 'on', true), "
            "set_config('enable_bitmapscan', 'on', true), set_config('enable_seqscan', 'on', true)"
        )
    )
    exact_docs: set[int] = set()
    if exact and rows:
        cond = [Doc.id.in_([r[0] for r in rows])]
        for w in exact:
            forms = dict.fromkeys([w, w.capitalize(), w.upper()])
            cond.append(or_(*(Doc.plain.contains(f, autoescape=True) for f in forms)))
        exact_docs = set(s.scalars(select(Doc.id).where(and_(*cond))))
    out: dict[str, bool] = {}
    for doc_id, article_id in rows:
        if doc_id in exact_docs:
            out.setdefault(article_id, True)
    for _doc_id, article_id in rows:
        out.setdefault(article_id, False)
    return list(out.items())[:limit]


def _plan(s: Session, bitmap: bool) -> None:
    """For this transaction: the id index walked backwards, or the GIN index's bitmap."""
    on, off = (
        ("enable_bitmapscan", "enable_indexscan")
        if bitmap
        else ("enable_indexscan", "enable_bitmapscan")
    )
    s.execute(
        text(
            f"SELECT set_config('{on}', 'on', true), set_config('{off}', 'off', true), "
            "set_config('enable_seqscan', 'off', true)"
        )
    )
