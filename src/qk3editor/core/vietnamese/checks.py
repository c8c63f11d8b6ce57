"""Checks over a Vietnamese text. Each :class:`Finding` has a span, a stable code, a message
(English template marked for Linguist) and suggestions.

Codes (stable):
  ``syllable.invalid``        not a Vietnamese syllable though written with Vietnamese marks
  ``syllable.misplaced_tone`` tone mark on the wrong vowel (tóan, qủa, gỉai)
  ``syllable.telex``          unconverted Telex (tieengs, Vieetj)
  ``tone.mixed``              the text uses both tone styles (hòa/thủy and hoà/thuỷ)
  ``tone.house_style``        the text uses one style, not the house style
  ``confusion``               a word pair from the confusion list (sư kiện → sự kiện)
  ``term.spelling`` / ``term.case``  a listed name, rank, unit or abbreviation spelled or
                              capitalised differently
  ``legacy.encoding``         a paragraph in TCVN3 / VNI / VIQR
  ``unicode.*``               marks that form no letter (see ``normalize``)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.vietnamese import legacy, tones
from qk3editor.core.vietnamese.findings import Finding, Severity, apply_suggestion
from qk3editor.core.vietnamese.fold import fold
from qk3editor.core.vietnamese.normalize import COMBINING_RE, mark_findings, to_nfc

__all__ = [
    "Checker",
    "Finding",
    "Severity",
    "apply_suggestion",
    "check_text",
    "default_checker",
    "telex_decode",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

T_INVALID = QT_TRANSLATE_NOOP("checks", "“{word}” is not a Vietnamese syllable")
T_MISPLACED = QT_TRANSLATE_NOOP("checks", "Tone mark in the wrong place: “{word}” → “{fix}”")
T_TELEX = QT_TRANSLATE_NOOP("checks", "Unconverted Telex typing? “{word}” → “{fix}”")
T_MIXED = QT_TRANSLATE_NOOP(
    "checks", "Tone marks in two styles in one text (hòa/thủy and hoà/thuỷ): “{word}”"
)
T_HOUSE = QT_TRANSLATE_NOOP("checks", "Not in the house tone style: “{word}” → “{fix}”")
T_CONFUSION = QT_TRANSLATE_NOOP("checks", "Probably “{fix}”, not “{word}”")
T_TERM_SPELLING = QT_TRANSLATE_NOOP("checks", "House spelling is “{fix}”, not “{word}”")
T_TERM_CASE = QT_TRANSLATE_NOOP("checks", "House capitalisation is “{fix}”, not “{word}”")
T_LEGACY = QT_TRANSLATE_NOOP(
    "checks", "This paragraph looks like {encoding} text; convert it to Unicode?"
)
LEGACY_NAMES = legacy.NAMES

# Marks only Vietnamese uses among Latin-script languages: ˆ ˘ ʼ, hỏi, nặng, ngã; and đ.
_VIETNAMESE_MARKS_RE = re.compile("[ăâêôơưđĂÂÊÔƠƯĐ\u0309\u0323\u0303]")
_TOKEN_RE = re.compile(r"\w+")
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_TELEX_PAIRS = (
    ("uow", "ươ"),
    ("dd", "đ"),
    ("aa", "â"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("aw", "ă"),
    ("ow", "ơ"),
    ("uw", "ư"),
)


@dataclass(frozen=True)
class Term:
    text: str
    kind: str  # abbr | rank | name
    tokens: tuple[str, ...]
    seps: tuple[str, ...]  # separators between tokens (len(tokens) - 1)
    keys: tuple[str, ...]  # folded tokens


def _read_tsv(path: Path) -> list[list[str]]:
    out: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([to_nfc(c.strip()) for c in line.split("\t")])
    return out


def _tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    parts = list(_TOKEN_RE.finditer(text))
    tokens = tuple(p.group() for p in parts)
    seps = tuple(text[a.end() : b.start()] for a, b in itertools.pairwise(parts))
    return tokens, seps


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return fold(word)


def telex_decode(word: str) -> str | None:
    """The syllable an ASCII Telex key sequence types (``tieengs`` → ``tiếng``), or None."""
    if (
        not word.isascii()
        or not word.isalpha()
        or not 2 <= len(word) <= 2 * tones.MAX_SYLLABLE_CHARS
    ):
        return None
    lower = word.lower()
    tone = ""
    effects: list[str] = []
    if lower[-1] in _TELEX_TONES and any(c in "aeiouy" for c in lower[:-1]):
        tone = _TELEX_TONES[lower[-1]]
        effects.append(lower[-1])
        lower, word = lower[:-1], word[:-1]
    out: list[str] = []
    uppers: list[bool] = []
    i = 0
    while i < len(lower):
        for src, dst in _TELEX_PAIRS:
            if lower.startswith(src, i):
                out.append(dst)
                uppers.append(word[i].isupper())
                i += len(src)
                effects.append(src)
                break
        else:
            out.append(lower[i])
            uppers.append(word[i].isupper())
            i += 1
    # English has "see", "how", "bus", "car": ask for two Telex keys, or one rare in English.
    if len(effects) < 2 and not (effects and effects[0] in ("dd", "aw", "uw", "uow")):
        return None
    letters = [c.upper() if u else c for c, u in zip(out, uppers, strict=True)]
    if tone:
        first_vowel = next((k for k, c in enumerate(out) if c in tones.VOWELS), None)
        if first_vowel is None:
            return None
        letters[first_vowel] = to_nfc(letters[first_vowel] + tone)
    candidate = to_nfc("".join(letters))
    if not tones.is_syllable(candidate):
        return None
    return tones.convert_word(candidate, tones.OLD)


class Checker:
    """The checks with their word lists loaded once (construct once, share, thread-safe)."""

    def __init__(
        self, confusions: Iterable[tuple[str, str]] = (), terms: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._confusions: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
        for wrong, right in confusions:
            toks, seps = _tokens(tones.convert_text(wrong.lower(), tones.OLD))
            if toks:
                self._confusions.setdefault(toks[0], []).append((toks, seps, right))
        self._terms: dict[str, list[Term]] = {}
        self._known: set[str] = set()
        for text, kind in terms:
            toks, seps = _tokens(text)
            if not toks:
                continue
            term = Term(text, kind, toks, seps, tuple(_key(t) for t in toks))
            self._terms.setdefault(term.keys[0], []).append(term)
            self._known.update(toks)
        for candidates in self._terms.values():
            candidates.sort(key=lambda t: -len(t.tokens))

    @classmethod
    def from_files(cls, confusions: Path, terms: Path) -> Checker:
        conf = [(r[0], r[1]) for r in _read_tsv(confusions) if len(r) >= 2]
        term_rows = [(r[0], r[1] if len(r) > 1 else "name") for r in _read_tsv(terms)]
        return cls(conf, term_rows)

    # -- public ---------------------------------------------------------------------------
    def check(self, text: str, house_style: str = tones.OLD) -> list[Finding]:
        """Every finding in ``text`` (NFC), sorted by position.

        Only the first ``budgets.MAX_ARTICLE_CHARS`` characters are looked at: a longer text
        (a 50 MB paste) is over the article budget anyway, and checking it whole would take
        gigabytes."""
        from qk3editor.core.budgets import MAX_ARTICLE_CHARS

        text = text[:MAX_ARTICLE_CHARS]
        findings: list[Finding] = []
        if COMBINING_RE.search(text):
            findings.extend(mark_findings(text))
        findings.extend(self._legacy(text))
        spans = [m.span() for m in _TOKEN_RE.finditer(text)]
        words = [text[a:b] for a, b in spans]
        vocab = {w: _word_info(w, house_style) for w in set(words)}
        infos = [vocab[w] for w in words]
        findings.extend(self._syllables(spans, words, infos))
        findings.extend(self._tone_style(spans, words, infos, house_style))
        findings.extend(self._confusion(text, spans, infos))
        findings.extend(self._term_checks(text, spans, infos, house_style))
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        return findings

    # -- the checks -----------------------------------------------------------------------
    def _legacy(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        pos = 0
        for line in text.split("\n"):
            viqr_hint = any(c in line for c in "^(+`'~") or "DD" in line or "dd" in line
            if line.strip() and (not line.isascii() or viqr_hint):
                match = legacy.detect_legacy(line)
                if match is not None:
                    out.append(
                        Finding(
                            pos,
                            pos + len(line),
                            "legacy.encoding",
                            T_LEGACY,
                            {"encoding": LEGACY_NAMES[match.encoding]},
                            (match.converted,),
                            Severity.WARNING,
                        )
                    )
            pos += len(line) + 1
        return out

    def _syllables(
        self, spans: list[tuple[int, int]], words: list[str], infos: list[WordInfo]
    ) -> list[Finding]:
        out: list[Finding] = []
        for (start, end), word, info in zip(spans, words, infos, strict=True):
            if info.kind is None or word in self._known:
                continue
            if info.kind == "misplaced":
                code, template = "syllable.misplaced_tone", T_MISPLACED
            elif info.kind == "telex":
                code, template = "syllable.telex", T_TELEX
            else:
                code, template = "syllable.invalid", T_INVALID
            out.append(
                Finding(
                    start,
                    end,
                    code,
                    template,
                    {"word": word, "fix": info.fix},
                    (info.fix,) if info.fix else (),
                    Severity.ERROR,
                )
            )
        return out

    def _tone_style(
        self,
        spans: list[tuple[int, int]],
        words: list[str],
        infos: list[WordInfo],
        style: str,
    ) -> list[Finding]:
        styled = [k for k, info in enumerate(infos) if info.style is not None]
        styles = {infos[k].style for k in styled}
        out: list[Finding] = []
        if len(styles) == 2:
            other = tones.NEW if style == tones.OLD else tones.OLD
            for k in styled:
                word = words[k]
                in_house = infos[k].style == style
                fix = tones.convert_word(word, other if in_house else style)
                out.append(
                    Finding(
                        spans[k][0],
                        spans[k][1],
                        "tone.mixed",
                        T_MIXED,
                        {"word": word, "fix": fix},
                        (fix,),
                        Severity.INFO if in_house else Severity.WARNING,
                    )
                )
        elif styles and styles != {style}:
            for k in styled:
                word = words[k]
                fix = tones.convert_word(word, style)
                out.append(
                    Finding(
                        spans[k][0],
                        spans[k][1],
                        "tone.house_style",
                        T_HOUSE,
                        {"word": word, "fix": fix},
                        (fix,),
                        Severity.INFO,
                    )
                )
        return out

    def _confusion(
        self, text: str, spans: list[tuple[int, int]], infos: list[WordInfo]
    ) -> list[Finding]:
        out: list[Finding] = []
        lowered = [info.low_old for info in infos]
        for i, low in enumerate(lowered):
            for toks, seps, right in self._confusions.get(low, ()):
                n = len(toks)
                if tuple(lowered[i : i + n]) != toks or not _seps_match(text, spans, i, seps):
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                found = text[start:end]
                fix = right[0].upper() + right[1:] if found[:1].isupper() else right
                out.append(
                    Finding(
                        start,
                        end,
                        "confusion",
                        T_CONFUSION,
                        {"word": found, "fix": fix},
                        (fix,),
                        Severity.WARNING,
                    )
                )
        return out

    def _term_checks(
        self, text: str, spans: list[tuple[int, int]], infos: list[WordInfo], style: str
    ) -> list[Finding]:
        out: list[Finding] = []
        keys = [info.key for info in infos]
        terms = self._terms
        i = 0
        while i < len(keys):
            candidates = terms.get(keys[i])
            if not candidates:
                i += 1
                continue
            hit = None
            for term in candidates:
                n = len(term.tokens)
                if tuple(keys[i : i + n]) == term.keys and _seps_match(text, spans, i, term.seps):
                    hit = term
                    break
            if hit is None:
                i += 1
                continue
            n = len(hit.tokens)
            start, end = spans[i][0], spans[i + n - 1][1]
            finding = _term_finding(hit, text[start:end], start, end, text, style)
            if finding is not None:
                out.append(finding)
            i += n
        return out


def _seps_match(text: str, spans: list[tuple[int, int]], i: int, seps: tuple[str, ...]) -> bool:
    if i + len(seps) >= len(spans):
        return False
    for k, sep in enumerate(seps):
        actual = text[spans[i + k][1] : spans[i + k + 1][0]]
        if " ".join(actual.split()) != " ".join(sep.split()) or (sep and not actual):
            return False
        if sep.isspace() and "\n" in actual:
            return False
    return True


def _term_finding(
    term: Term, found: str, start: int, end: int, text: str, style: str
) -> Finding | None:
    want = tones.convert_text(term.text, style)
    have = tones.convert_text(found, style)
    if have == want:
        return None
    if have.lower() == want.lower():
        if have.isupper() and len(term.tokens) > 1:
            return None  # an all-caps headline
        if term.kind == "rank":
            after = text[end:].lstrip(" ")
            if not (have[:1].islower() and after[:1].isupper()):
                return None  # "các đại tá": a rank before no name stays lower case
        elif term.kind == "name":
            if have.islower() and not any(ch.isdigit() for ch in have):
                return None  # used as a common noun
        code, template = "term.case", T_TERM_CASE
    else:
        code, template = "term.spelling", T_TERM_SPELLING
        if term.kind == "name":
            return None  # names collide when folded (Quang Ninh, a person; Quảng Ninh)
        if term.kind == "abbr" and found.isalpha() and found.islower() and len(found) <= 3:
            return None  # "qk", "ubnd" typed in lower case: likely another word
    return Finding(
        start, end, code, template, {"word": found, "fix": want}, (want,), Severity.WARNING
    )


class WordInfo(NamedTuple):
    kind: str | None  # misplaced / telex / invalid / None
    fix: str
    style: str | None  # "old" / "new" when the word reveals a tone style
    key: str  # folded
    low_old: str  # lower case, old style (for the confusion list)


@lru_cache(maxsize=65536)
def _word_info(word: str, style: str) -> WordInfo:
    if not word.isalpha():
        kind, fix = None, ""
    else:
        kind, fix = _analyse(word, style)
    ws = tones.word_style(word)
    return WordInfo(
        kind,
        fix,
        ws.value if ws in (tones.WordStyle.OLD, tones.WordStyle.NEW) else None,
        _key(word),
        tones.convert_word(word.lower(), tones.OLD),
    )


def _analyse(word: str, style: str) -> tuple[str | None, str]:
    """(kind, fix) for one word: misplaced / telex / invalid / None (fine or not ours)."""
    if tones.is_syllable(word):
        if tones.word_style(word) is tones.WordStyle.MISPLACED:
            return "misplaced", tones.convert_word(word, style)
        return None, ""
    if word.isascii():
        if word.isupper() and len(word) > 1:
            return None, ""  # an abbreviation
        decoded = telex_decode(word)
        if decoded is not None and decoded != word:
            return "telex", tones.convert_word(decoded, style)
        return None, ""
    if _VIETNAMESE_MARKS_RE.search(word):
        return "invalid", ""
    return None, ""


@lru_cache(maxsize=1)
def default_checker() -> Checker:
    """The checker with the bundled word lists (``data/``)."""
    return Checker.from_files(DATA_DIR / "confusions.tsv", DATA_DIR / "terms.tsv")


def check_text(text: str, house_style: str = tones.OLD) -> list[Finding]:
    """Every finding in ``text`` with the bundled word lists."""
    return default_checker().check(to_nfc(text), house_style)
