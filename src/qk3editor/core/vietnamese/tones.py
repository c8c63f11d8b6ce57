"""Vietnamese syllables and tone-mark placement (VIETNAMESE.md §1.2-1.4).

A written syllable is ``onset? + nucleus + coda? + tone``. :func:`parse` splits a word into
those parts (or says it is not a Vietnamese syllable: LLVT, José, email); :func:`convert_word`
puts the tone mark where the requested style wants it, which also repairs misplaced marks
(tóan → toán, qúy → quý, gìa → già). Words that are not well-formed syllables are left alone.

The only difference between the styles is the open two-vowel nuclei ``oa``, ``oe``, ``uy``:
old style ``hòa khỏe thủy``, new style ``hoà khoẻ thuỷ``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

OLD = "old"
NEW = "new"

# Combining tone marks: huyền, sắc, hỏi, ngã, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")
# Quality marks: circumflex, breve, horn.
QUALITY_MARKS = frozenset("\u0302\u0306\u031b")

VOWELS = frozenset("aăâeêioôơuưy")
QUALITY_VOWELS = frozenset("ăâêôơư")
ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)
CODAS = frozenset({"c", "ch", "m", "n", "ng", "nh", "p", "t"})
STOP_CODAS = frozenset({"c", "ch", "p", "t"})
NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au âu ay ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ ưa uê ui ưi uô uơ ươ ưu uy yê "
    "iêu oai oao oay oeo uây uêu uôi ươi ươu uya uyê uyu yêu".split()
)
# Nuclei that end in a glide (or are centring diphthongs) take no coda.
OPEN_ONLY = frozenset(
    "ai ao au âu ay ây eo êu ia iu oi ôi ơi ua ưa ui ưi ưu "
    "iêu oai oao oay oeo uây uêu uôi ươi ươu uya uyu yêu".split()
)
# Nuclei that need a coda.
CLOSED_ONLY = frozenset("ă â iê yê uô ươ uyê oo oă uâ".split())
STYLE_PAIRS = frozenset({"oa", "oe", "uy"})


class WordStyle(StrEnum):
    """How a word's tone mark is placed."""

    OLD = "old"  # hòa, thủy: differs between the styles, written in old style
    NEW = "new"  # hoà, thuỷ
    MISPLACED = "misplaced"  # tóan, qúy: wrong in both styles
    NEUTRAL = "neutral"  # same in both styles (quả, hoàng, người, hoa), or not Vietnamese


@dataclass(frozen=True)
class Letter:
    """One letter: its base (with ˆ ˘ ʼ, lower case), its tone mark and its case."""

    base: str
    tone: str
    upper: bool


@dataclass(frozen=True)
class Syllable:
    letters: tuple[Letter, ...]
    onset: str
    nucleus: str
    coda: str
    tone: str
    nucleus_start: int  # index of the nucleus's first letter in ``letters``

    def tone_index(self, style: str = OLD) -> int:
        """Index in ``letters`` of the letter that carries the tone in ``style``."""
        return self.nucleus_start + tone_position(self.nucleus, bool(self.coda), style)


def tone_position(nucleus: str, closed: bool, style: str = OLD) -> int:
    """The index in ``nucleus`` of the vowel that carries the tone (§1.3)."""
    quality = [i for i, ch in enumerate(nucleus) if ch in QUALITY_VOWELS]
    if quality:
        return quality[-1]  # the marked vowel wins; with ươ it is ơ (the last)
    if closed:
        return len(nucleus) - 1
    if len(nucleus) == 1:
        return 0
    if len(nucleus) == 3:
        return 1
    if nucleus in STYLE_PAIRS:
        return 0 if style == OLD else 1
    return 0


def split_letter(ch: str) -> Letter | None:
    """A letter split into base (with its quality mark) and tone; None if not a letter."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if not base.isalpha():
        return None
    tones = [m for m in decomposed[1:] if m in TONE_MARKS]
    quality = "".join(m for m in decomposed[1:] if m in QUALITY_MARKS)
    others = [m for m in decomposed[1:] if m not in TONE_MARKS and m not in QUALITY_MARKS]
    if others or len(tones) > 1:
        return Letter(ch.lower(), "?", ch.isupper())
    composed = unicodedata.normalize("NFC", base + quality)
    return Letter(composed.lower(), tones[0] if tones else "", base.isupper())


# The longest syllable is 7 letters (nghiêng); with marks typed apart (NFD) still under 16.
# Longer "words" are not syllables, and are refused before a Letter is built per character
# (20 MB of one word took 3.8 GB).
MAX_SYLLABLE_CHARS = 16


def _letters(word: str) -> tuple[Letter, ...] | None:
    if len(word) > MAX_SYLLABLE_CHARS:
        return None
    out: list[Letter] = []
    for ch in unicodedata.normalize("NFC", word):
        if unicodedata.combining(ch):
            # A mark NFC could not compose (two tones on one letter, tone on a consonant).
            return None
        letter = split_letter(ch)
        if letter is None:
            return None
        out.append(letter)
    return tuple(out)


def _split_onset(bases: str) -> str | None:
    for onset in ONSETS:
        if bases.startswith(onset):
            rest = bases[len(onset) :]
            if onset == "gi" and (not rest or rest[0] not in VOWELS):
                return "g"  # gì, gìn: the i is the vowel
            if onset == "qu" and (not rest or rest[0] not in VOWELS):
                return None
            return onset
    if bases[:1] in VOWELS:
        return ""
    return None


@lru_cache(maxsize=65536)
def parse(word: str) -> Syllable | None:
    """The syllable ``word`` spells, or None when it is not a well-formed Vietnamese syllable."""
    letters = _letters(word)
    if not letters:
        return None
    if any(letter.tone == "?" for letter in letters):
        return None
    bases = "".join(letter.base for letter in letters)
    onset = _split_onset(bases)
    if onset is None:
        return None
    i = len(onset)
    j = i
    while j < len(bases) and bases[j] in VOWELS:
        j += 1
    nucleus, coda = bases[i:j], bases[j:]
    if nucleus not in NUCLEI or (coda and coda not in CODAS):
        return None
    if coda and nucleus in OPEN_ONLY:
        return None
    if not coda and nucleus in CLOSED_ONLY:
        return None
    if coda in ("ch", "nh") and nucleus[-1] not in "aêiy":
        return None
    if onset in ("gh", "ngh", "k") and nucleus[0] not in "eêiy":
        return None
    if onset == "c" and nucleus[0] in "eêiy":
        return None
    # Tones: on vowels only; one tone (the same one typed twice is collapsed).
    tones: set[str] = set()
    for k, letter in enumerate(letters):
        if letter.tone:
            if not (i <= k < j) and not (onset in ("gi", "qu") and k == i - 1):
                return None
            tones.add(letter.tone)
    if len(tones) > 1:
        return None
    tone = tones.pop() if tones else ""
    if tone and coda in STOP_CODAS and tone not in ("\u0301", "\u0323"):
        return None
    return Syllable(letters, onset, nucleus, coda, tone, i)


def _render(letters: tuple[Letter, ...], tone: str, index: int) -> str:
    out: list[str] = []
    for k, letter in enumerate(letters):
        text = letter.base + (tone if k == index else "")
        text = unicodedata.normalize("NFC", text)
        out.append(text.upper() if letter.upper else text)
    return "".join(out)


@lru_cache(maxsize=65536)
def convert_word(word: str, style: str = OLD) -> str:
    """``word`` with its tone mark placed as ``style`` wants; non-syllables unchanged."""
    syl = parse(word)
    if syl is None or not syl.tone:
        return word
    return _render(syl.letters, syl.tone, syl.tone_index(style))


def to_old_style(word: str) -> str:
    return convert_word(word, OLD)


def to_new_style(word: str) -> str:
    return convert_word(word, NEW)


@lru_cache(maxsize=65536)
def word_style(word: str) -> WordStyle:
    """Old, new, misplaced, or neutral (also for what is not a syllable: LLVT, José)."""
    word = unicodedata.normalize("NFC", word)
    syl = parse(word)
    if syl is None:
        return WordStyle.NEUTRAL
    old, new = convert_word(word, OLD), convert_word(word, NEW)
    if old == new:
        return WordStyle.NEUTRAL if word == old else WordStyle.MISPLACED
    if word == old:
        return WordStyle.OLD
    if word == new:
        return WordStyle.NEW
    return WordStyle.MISPLACED


def is_syllable(word: str) -> bool:
    return parse(word) is not None


# A word: letters (with combining marks) only. Digits and punctuation split words.
WORD_RE = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*")


@dataclass(frozen=True)
class StyleChange:
    """One word a style conversion changes: ``text[start:end]`` becomes ``new``."""

    start: int
    end: int
    old: str
    new: str
    kind: WordStyle


def style_changes(text: str, style: str = OLD) -> list[StyleChange]:
    """Every word of ``text`` (NFC) that converting to ``style`` changes, in order."""
    changes: list[StyleChange] = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        converted = convert_word(word, style)
        if converted != word:
            changes.append(StyleChange(m.start(), m.end(), word, converted, word_style(word)))
    return changes


def apply_changes(text: str, changes: list[StyleChange]) -> str:
    """``text`` with ``changes`` (non-overlapping, from :func:`style_changes`) applied."""
    out: list[str] = []
    pos = 0
    for c in sorted(changes, key=lambda c: c.start):
        out.append(text[pos : c.start])
        out.append(c.new)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def convert_text(text: str, style: str = OLD) -> str:
    """``text`` with every Vietnamese word in ``style``; everything else unchanged."""
    text = unicodedata.normalize("NFC", text)
    return WORD_RE.sub(lambda m: convert_word(m.group(), style), text)


def to_old_style_text(text: str) -> str:
    return convert_text(text, OLD)


def to_new_style_text(text: str) -> str:
    return convert_text(text, NEW)


@dataclass(frozen=True)
class StyledWord:
    start: int
    end: int
    word: str
    style: WordStyle


def styled_words(text: str) -> list[StyledWord]:
    """The words of ``text`` whose spelling reveals a tone style (old or new)."""
    out: list[StyledWord] = []
    for m in WORD_RE.finditer(text):
        s = word_style(m.group())
        if s in (WordStyle.OLD, WordStyle.NEW):
            out.append(StyledWord(m.start(), m.end(), m.group(), s))
    return out


def find_mixed_style(text: str) -> list[StyledWord]:
    """The style-revealing words of ``text`` when it uses both styles; [] when consistent."""
    words = styled_words(text)
    if len({w.style for w in words}) < 2:
        return []
    return words


def text_style(text: str) -> str | None:
    """``old``/``new`` when ``text`` uses one style, ``mixed``, or None when nothing shows."""
    styles = {w.style for w in styled_words(text)}
    if not styles:
        return None
    if len(styles) == 2:
        return "mixed"
    return next(iter(styles)).value
