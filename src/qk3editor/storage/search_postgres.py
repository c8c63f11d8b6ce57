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

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session

_PLAIN_WORD = re.compile(r"[a-z0-9]+")


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
    exact: Sequence[str] | None,
    prefix: bool,
    limit: int,
) -> list[str] | None:
    """Article ids whose folded words match (and whose plain text has every ``exact`` word,
    in one of its usual cases, when given), newest first; None when :func:`tsquery` is."""
    from qk3editor.storage.search import SearchDocumentModel as Doc

    q = tsquery(folded, prefix)
    if q is None:
        return None
    cond = [text("search_documents.folded_tsv @@ CAST(:tsq AS tsquery)").bindparams(tsq=q)]
    for w in exact or ():
        forms = dict.fromkeys([w, w.capitalize(), w.upper()])
        cond.append(or_(*(Doc.plain.contains(f, autoescape=True) for f in forms)))
    stmt = (
        select(Doc.article_id)
        .where(Doc.article_id.is_not(None), and_(*cond))
        .order_by(Doc.id.desc())
        .limit(limit * 2)
    )
    return [a for a in dict.fromkeys(s.scalars(stmt)) if a is not None]
