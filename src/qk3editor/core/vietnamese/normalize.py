"""Unicode normalisation for Vietnamese text, applied wherever text enters the app.

NFC is not enough (VIETNAMESE.md §2): a tone typed *before* a circumflex or breve has the
same combining class, so NFC cannot put it right (``e+◌́+◌̂`` stays ``é+◌̂``); ETH ``Ð/ð``
looks exactly like ``Đ/đ``; pasted text carries zero-width spaces, BOMs and soft hyphens.
:func:`normalize` repairs all of that; :func:`normalize_report` also returns findings for what
cannot be repaired (two tone marks on one letter, a tone on a consonant, ``d+◌̵``).
"""

from __future__ import annotations

import re
import unicodedata

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.vietnamese import legacy
from qk3editor.core.vietnamese.findings import Finding, Severity

INVISIBLES = "\u200b\ufeff\u2060\u00ad"
_INVISIBLE_RE = re.compile("[" + INVISIBLES + "]")
_NO_SOFT_HYPHEN_RE = re.compile("[\u200b\ufeff\u2060]")
COMBINING_RE = re.compile("[\u0300-\u036f]")
# A tone mark (any of the class-230 ones, incl. the deprecated U+0340/1) before ˆ or ˘.
_TONE_BEFORE_QUALITY_RE = re.compile("([\u0300\u0301\u0303\u0309\u0340\u0341]+)([\u0302\u0306])")
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
_MARKER = "\ue000"  # stands for a removed zero-width space that hid a word break
_HIDDEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])\u200b(?=[^\W\d_])")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

T_TWO_TONES = QT_TRANSLATE_NOOP("checks", "Two tone marks on one letter: “{text}”")
T_TONE_ON_CONSONANT = QT_TRANSLATE_NOOP("checks", "A tone mark on a consonant: “{text}”")
T_FAKE_DD = QT_TRANSLATE_NOOP("checks", "“{text}” imitates đ with a combining stroke")
T_STRAY_MARK = QT_TRANSLATE_NOOP("checks", "A combining mark that forms no letter: “{text}”")
T_HIDDEN_BREAK = QT_TRANSLATE_NOOP(
    "checks", "An invisible character joined two words here: “{text}”; a space is missing?"
)


def to_nfc(text: str) -> str:
    """Bare Unicode NFC, no repairs: for building letters and reading our own data files.
    Text entering the app goes through :func:`normalize` instead."""
    return unicodedata.normalize("NFC", text)


def repair(text: str) -> str:
    """NFC plus the repairs NFC cannot do: tone-before-ˆ/˘ order, ETH → Đ. Nothing removed."""
    text = unicodedata.normalize("NFC", text)
    if "Ð" in text or "ð" in text:  # translate() of a long text holds the GIL for ~5 ms
        text = text.translate(_ETH)
    if COMBINING_RE.search(text):
        decomposed = unicodedata.normalize("NFD", text)
        swapped = _TONE_BEFORE_QUALITY_RE.sub(r"\2\1", decomposed)
        if swapped != decomposed:
            text = unicodedata.normalize("NFC", swapped)
    return text


def strip_invisibles(text: str) -> str:
    """``text`` without zero-width spaces, BOMs, word joiners and soft hyphens.

    A soft hyphen is kept when the text looks like TCVN3, where byte 0xAD is the letter ư.
    """
    if "\u00ad" in text and _looks_tcvn3(text):
        return _NO_SOFT_HYPHEN_RE.sub("", text)
    return _INVISIBLE_RE.sub("", text)


def _looks_tcvn3(text: str) -> bool:
    match = legacy.detect_legacy(text)
    return match is not None and match.encoding == legacy.TCVN3


def normalize(text: str) -> str:
    """The text as the app stores it: invisibles removed, NFC, Vietnamese repairs."""
    if text.isascii() and "\ufeff" not in text:
        return text
    return repair(strip_invisibles(text))


def clean_paste(text: str) -> str:
    """Pasted text: line ends unified, then :func:`normalize`. Legacy encodings are *not*
    converted here (see :func:`qk3editor.core.vietnamese.legacy.detect_legacy`)."""
    return normalize(text.replace("\r\n", "\n").replace("\r", "\n"))


def normalize_report(text: str) -> tuple[str, list[Finding]]:
    """:func:`normalize` plus findings (spans in the *normalised* text) for what it cannot fix."""
    marked = _HIDDEN_BREAK_RE.sub(_MARKER, text)
    out = normalize(marked)
    findings: list[Finding] = []
    # Zero-width spaces that were hiding a missing space.
    pieces = out.split(_MARKER)
    if len(pieces) > 1:
        clean = "".join(pieces)
        pos = 0
        for piece in pieces[:-1]:
            pos += len(piece)
            start, end = _word_bounds(clean, pos)
            word = clean[start:end]
            fixed = word[: pos - start] + " " + word[pos - start :]
            findings.append(
                Finding(
                    start, end, "unicode.hidden_break", T_HIDDEN_BREAK, {"text": word}, (fixed,)
                )
            )
        out = clean
    findings.extend(mark_findings(out))
    findings.sort(key=lambda f: f.start)
    return out, findings


def _word_bounds(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and (text[start - 1].isalpha() or unicodedata.combining(text[start - 1])):
        start -= 1
    end = pos
    while end < len(text) and (text[end].isalpha() or unicodedata.combining(text[end])):
        end += 1
    return start, end


def mark_findings(text: str) -> list[Finding]:
    """Findings for combining marks left over in NFC ``text`` (they form no Vietnamese letter)."""
    findings: list[Finding] = []
    for m in re.finditer("(.)([\u0300-\u036f]+)", text, re.DOTALL):
        base, marks = m.group(1), m.group(2)
        whole = m.group(0)
        base_parts = unicodedata.normalize("NFD", base)
        plain = base_parts[0]
        if plain in "dD" and ("\u0335" in marks or "\u0336" in marks):
            dd = "Đ" if plain == "D" else "đ"
            findings.append(
                Finding(m.start(), m.end(), "unicode.fake_dd", T_FAKE_DD, {"text": whole}, (dd,))
            )
            continue
        base_tones = [c for c in base_parts[1:] if c in TONE_MARKS]
        extra_tones = [c for c in marks if c in TONE_MARKS]
        if plain.lower() in "aeiouy" and base_tones and extra_tones:
            bare = "".join(c for c in base_parts if c not in TONE_MARKS)
            options = [to_nfc(bare + t) for t in dict.fromkeys(base_tones + extra_tones)]
            findings.append(
                Finding(
                    m.start(),
                    m.end(),
                    "unicode.two_tones",
                    T_TWO_TONES,
                    {"text": whole},
                    tuple(options),
                    Severity.ERROR,
                )
            )
        elif plain.isalpha() and plain.lower() not in "aeiouy" and extra_tones:
            findings.append(
                Finding(
                    m.start(),
                    m.end(),
                    "unicode.tone_on_consonant",
                    T_TONE_ON_CONSONANT,
                    {"text": whole},
                    (base,),
                    Severity.ERROR,
                )
            )
        else:
            findings.append(
                Finding(
                    m.start(),
                    m.end(),
                    "unicode.stray_mark",
                    T_STRAY_MARK,
                    {"text": whole},
                    (base,),
                    Severity.ERROR,
                )
            )
    return findings
