"""Legacy Vietnamese "font encodings" seen as Windows-1252 garbage: TCVN3 (ABC), VNI-Windows,
and VIQR (ASCII). :func:`detect_legacy` recognises them and returns the converted text as an
*offer*; nothing here converts silently (VIETNAMESE.md §2.2).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.vietnamese import tones

TCVN3 = "tcvn3"
VNI = "vni"
VIQR = "viqr"

# TCVN3 (VN3 subset of TCVN 5712:1993) as the characters a Windows-1252 reader shows.
_TCVN3_ROWS = (
    ("¨©ª«¬\u00ad®", "ăâêôơưđ"),
    ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"),
    ("µ¶·¸¹", "àảãáạ"),
    ("»¼½¾Æ", "ằẳẵắặ"),
    ("ÇÈÉÊË", "ầẩẫấậ"),
    ("ÌÎÏÐÑ", "èẻẽéẹ"),
    ("ÒÓÔÕÖ", "ềểễếệ"),
    ("×ØÜÝÞ", "ìỉĩíị"),
    ("ßáâãä", "òỏõóọ"),
    ("åæçèé", "ồổỗốộ"),
    ("êëìíî", "ờởỡớợ"),
    ("ïñòóô", "ùủũúụ"),
    ("õö÷øù", "ừửữứự"),
    ("úûüýþ", "ỳỷỹýỵ"),
)
TCVN3_MAP = {src: dst for row in _TCVN3_ROWS for src, dst in zip(*row, strict=True)}

# VNI-Windows: a base letter followed by a modifier character.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MODS = {
    "ù": ("", _ACUTE),
    "ø": ("", _GRAVE),
    "û": ("", _HOOK),
    "õ": ("", _TILDE),
    "ï": ("", _DOT),
    "â": (_CIRC, ""),
    "á": (_CIRC, _ACUTE),
    "à": (_CIRC, _GRAVE),
    "å": (_CIRC, _HOOK),
    "ã": (_CIRC, _TILDE),
    "ä": (_CIRC, _DOT),
    "ê": (_BREVE, ""),
    "é": (_BREVE, _ACUTE),
    "è": (_BREVE, _GRAVE),
    "ú": (_BREVE, _HOOK),
    "ü": (_BREVE, _TILDE),
    "ë": (_BREVE, _DOT),
}
_VNI_MODS.update({k.upper(): v for k, v in list(_VNI_MODS.items())})
# Single characters standing for a whole letter.
_VNI_LETTERS = {
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ñ": "đ",
    "Ñ": "Đ",
    "î": "ỵ",
    "Î": "Ỵ",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
}
_VNI_VOWELS = "aeiouyAEIOUYôÔöÖ"
_VNI_RE = re.compile(
    "([" + _VNI_VOWELS + "])([" + "".join(_VNI_MODS) + "])|([" + "".join(_VNI_LETTERS) + "])"
)

# VIQR (RFC 1456 style).
_VIQR_QUALITY = {"^": _CIRC, "(": _BREVE, "+": "\u031b"}
_VIQR_TONES = {"'": _ACUTE, "`": _GRAVE, "?": _HOOK, "~": _TILDE, ".": _DOT}
_VIQR_RE = re.compile(r"([aeiouyAEIOUY])([\^(+]?)(['`~]|[.?](?=[A-Za-z])|)|(DD|dd|Dd)")

_PUNCT = "\"'“”‘’()[]{}.,;:!?…-–—«»"


def convert_tcvn3(text: str) -> str:
    """``text`` read as TCVN3 (shown through Windows-1252), in Unicode NFC."""
    return unicodedata.normalize("NFC", "".join(TCVN3_MAP.get(ch, ch) for ch in text))


def _vni_sub(m: re.Match[str]) -> str:
    if m.group(3):
        return _VNI_LETTERS[m.group(3)]
    base = _VNI_LETTERS.get(m.group(1), m.group(1))
    quality, tone = _VNI_MODS[m.group(2)]
    return unicodedata.normalize("NFC", base + quality + tone)


def convert_vni(text: str) -> str:
    """``text`` read as VNI-Windows (shown through Windows-1252), in Unicode NFC."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(_vni_sub, text))


def _viqr_sub(m: re.Match[str]) -> str:
    if m.group(4):
        return "Đ" if m.group(4)[0] == "D" else "đ"
    base, quality, tone = m.group(1), m.group(2), m.group(3)
    if not quality and not tone:
        return m.group(0)
    marks = _VIQR_QUALITY.get(quality, "")
    if quality == "(" and base.lower() != "a":
        return m.group(0)
    if quality == "+" and base.lower() not in "ou":
        return m.group(0)
    if quality == "^" and base.lower() not in "aeo":
        return m.group(0)
    return unicodedata.normalize("NFC", base + marks + _VIQR_TONES.get(tone, ""))


def convert_viqr(text: str) -> str:
    """``text`` read as VIQR (``Vie^.t Nam``), in Unicode NFC."""
    return unicodedata.normalize("NFC", _VIQR_RE.sub(_viqr_sub, text))


NAMES = {TCVN3: "TCVN3 (ABC)", VNI: "VNI-Windows", VIQR: "VIQR"}


class LegacyEncodingSuspected(QkError):
    """An import file looks like a legacy font encoding; the user chooses what to do."""

    code = "legacy_encoding"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path} looks like the old {encoding} font encoding, nothing was imported: add "
        "--convert-legacy to convert it to Unicode, or --keep-legacy to import it as it is",
    )


CONVERTERS = {TCVN3: convert_tcvn3, VNI: convert_vni, VIQR: convert_viqr}


def convert(text: str, encoding: str) -> str:
    """``text`` converted from the legacy ``encoding`` (tcvn3, vni, viqr) to Unicode."""
    return CONVERTERS[encoding](text)


def syllable_ratio(text: str) -> float:
    """Share of the whitespace-separated words of ``text`` that are Vietnamese syllables."""
    words = [w.strip(_PUNCT) for w in text.split()]
    words = [w for w in words if w and not w.isdigit()]
    if not words:
        return 0.0
    return sum(1 for w in words if tones.is_syllable(w)) / len(words)


def _marked_ratio(text: str) -> float:
    """Share of words carrying a Vietnamese mark (a text with none is no conversion)."""
    words = text.split()
    if not words:
        return 0.0
    return sum(1 for w in words if not w.isascii()) / len(words)


@dataclass(frozen=True)
class LegacyMatch:
    """An offer: ``text`` looks like ``encoding``; ``converted`` is the Unicode reading."""

    encoding: str
    converted: str
    score: float  # gain in the share of valid syllables


def _candidates(text: str) -> list[str]:
    if text.isascii():
        return [VIQR] if re.search(r"[aeiouyAEIOUY][\^(+`'?~.]|DD|dd", text) else []
    if any(ord(ch) > 0xFF and ch not in "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" for ch in text):
        return []  # real Unicode Vietnamese (ư, ơ, ạ ...) never appears in legacy garbage
    return [TCVN3, VNI]


def detect_legacy(text: str, min_gain: float = 0.2) -> LegacyMatch | None:
    """The legacy encoding ``text`` is most likely written in, or None.

    Decodes the text each way and keeps the reading whose words are valid Vietnamese
    syllables markedly more often than the original's. Short texts are ambiguous: the UI
    shows the offer and a preview, and converts only when the user says so.
    """
    base = syllable_ratio(text)
    best: LegacyMatch | None = None
    for encoding in _candidates(text):
        converted = convert(text, encoding)
        if converted == text or _marked_ratio(converted) == 0:
            continue
        gain = syllable_ratio(converted) - base
        if gain >= min_gain and (best is None or gain > best.score):
            best = LegacyMatch(encoding, converted, gain)
    return best
