"""The words of the SQLite search index, so that a prefix is searched as its words (issue 14).

FTS5 answers ``"luy"*`` by merging, in memory, the whole list of every word starting so
before the first row comes out (50-400 ms at a million articles, whatever the LIMIT); the same
query as ``("luyen" OR "luyện")`` walks the index newest-first and stops at the LIMIT. The
table ``search_fts_terms`` (migration ``c14_search_terms``) holds every word the index has
seen; triggers note in ``search_fts_pending`` each document written since its words were
added, and :func:`add_pending_terms` (run by ``index_text``) adds them. While notes are
pending (a bulk writer went around ``index_text``), :func:`expand` answers ``None`` and the
search falls back to FTS5's own prefix query: slower, never wrong.
"""

from __future__ import annotations

import re
from typing import Any

from qk3editor.core.vietnamese.fold import fold

TERMS = "search_fts_terms"
PENDING = "search_fts_pending"
# FTS5's unicode61 tokenizer: letters and numbers make words, case folded (the query's words
# are cut the same way: storage/search.py)
WORD_RE = re.compile(r"[^\W_]+")
# at most this many words for one prefix; more (a one-letter prefix in a large archive):
# FTS5's prefix query, which costs the same whatever the number of words
MAX_EXPANSION = 300
# documents whose words one call adds at most (each is read and split in Python)
PENDING_BATCH = 2_000


def words_of(*texts: str) -> set[str]:
    """The words FTS5 (unicode61, diacritics kept) indexes for ``texts``."""
    out: set[str] = set()
    for t in texts:
        out.update(WORD_RE.findall(t.lower()))
    return out


def refresh_terms(conn: Any) -> None:
    """Every word of the FTS5 index into ``search_fts_terms``; nothing pending after.

    For a store filled behind ``index_text`` (a migration, a bulk import, the benchmarks'
    builder): FTS5's vocabulary is read once (about 10 s for a million articles).
    """
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_vocab "
        "USING fts5vocab(main, search_fts, 'row')"
    )
    conn.exec_driver_sql(
        f"INSERT OR IGNORE INTO {TERMS}(term) SELECT term FROM temp.search_fts_vocab"
    )
    conn.exec_driver_sql("DROP TABLE temp.search_fts_vocab")
    conn.exec_driver_sql(f"DELETE FROM {PENDING}")


def add_pending_terms(conn: Any, batch: int = PENDING_BATCH) -> bool:
    """Add the words of up to ``batch`` pending documents; True when none is left pending."""
    rows = conn.exec_driver_sql(
        f"SELECT p.doc_id, d.plain, d.folded FROM {PENDING} p "
        f"LEFT JOIN search_documents d ON d.id = p.doc_id LIMIT ?",
        (batch,),
    ).all()
    if not rows:
        return True
    words: set[str] = set()
    for _doc, plain, folded in rows:
        words.update(words_of(plain or "", folded or ""))
    if words:
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO {TERMS}(term) VALUES (?)", [(w,) for w in sorted(words)]
        )
    conn.exec_driver_sql(
        f"DELETE FROM {PENDING} WHERE doc_id IN ({','.join('?' * len(rows))})",
        tuple(r[0] for r in rows),
    )
    return len(rows) < batch


def terms_current(conn: Any) -> bool:
    """Whether every document's words are in ``search_fts_terms``."""
    return conn.exec_driver_sql(f"SELECT 1 FROM {PENDING} LIMIT 1").first() is None


def expand(conn: Any, prefix: str, folded: bool) -> list[str] | None:
    """The index's words starting with ``prefix`` (only folded ones when ``folded``), or
    None when FTS5's own prefix query must answer (too many words, or words pending)."""
    rows = conn.exec_driver_sql(
        f"SELECT term FROM {TERMS} WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
        (prefix, prefix + "\U0010ffff", MAX_EXPANSION * 4 + 1),
    ).all()
    terms = [r[0] for r in rows if not folded or fold(r[0]) == r[0]]
    if len(rows) > MAX_EXPANSION * 4 or len(terms) > MAX_EXPANSION:
        return None
    return terms
