"""Preflight: what stands between an article and "ready", each item with a place to jump to.

The Vietnamese checks (issue 3, ``qk3editor.core.vietnamese.checks``) are imported lazily and
can be replaced by any callable, so this module works before and without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from qk3editor.core.articles import Article
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import PublishPhoto

LEAD_MAX_WORDS = 80
_PHOTO_REF = re.compile(r"!\[([^\]]*)\]\(qk3photo:([^)\s]+)\)")


class PreflightSeverity(StrEnum):
    ERROR = "error"  # blocks "ready"
    WARNING = "warning"  # worth a look


@dataclass(frozen=True)
class Location:
    """Where to jump: a field, and in multi-line fields a line and column (from 0)."""

    field: str
    line: int = 0
    column: int = 0
    length: int = 0


@dataclass(frozen=True)
class PreflightFinding:
    code: str
    severity: PreflightSeverity
    template: str  # English, marked for Linguist under "preflight"
    location: Location
    params: dict[str, object] = field(default_factory=dict[str, object])

    def message(self, translate_fn: Callable[[str, str], str] | None = None) -> str:
        """The message; ``translate_fn(context, text)`` translates the template."""
        text = translate_fn("preflight", self.template) if translate_fn else self.template
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return text


@dataclass(frozen=True)
class PhotoInfo:
    """What preflight needs to know of a photo placed in the body."""

    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class TextFinding:
    """A finding of the Vietnamese checks in one field: character offsets and a message."""

    start: int
    end: int
    message: str
    code: str = "vietnamese"


@dataclass(frozen=True)
class PreflightInput:
    title: str = ""
    lead: str = ""
    body: str = ""
    featured_photo: str | None = None
    lead_max_words: int = LEAD_MAX_WORDS


TextChecker = Callable[[str], Iterable[TextFinding]]
PhotoInfoLookup = Callable[[str], "PhotoInfo | None"]

MESSAGES = {
    "no_title": QT_TRANSLATE_NOOP("preflight", "The article has no title"),
    "no_lead": QT_TRANSLATE_NOOP("preflight", "The article has no lead"),
    "lead_too_long": QT_TRANSLATE_NOOP(
        "preflight", "The lead has {words} words; keep it to {limit}"
    ),
    "photo_no_caption": QT_TRANSLATE_NOOP("preflight", "Photo {photo} has no caption"),
    "photo_no_credit": QT_TRANSLATE_NOOP("preflight", "Photo {photo} has no credit"),
    "photo_missing": QT_TRANSLATE_NOOP("preflight", "Photo {photo} is not in the photo library"),
    "no_featured_photo": QT_TRANSLATE_NOOP("preflight", "No featured photo is chosen"),
    "tone_mixed": QT_TRANSLATE_NOOP(
        "preflight", "Tone marks in two styles: “{word}” here, “{other}” elsewhere"
    ),
    "vietnamese": QT_TRANSLATE_NOOP("preflight", "{detail}"),
    "no_body": QT_TRANSLATE_NOOP("preflight", "The article has no body"),
    "no_category": QT_TRANSLATE_NOOP("preflight", "The article has no category"),
    "attached_no_caption": QT_TRANSLATE_NOOP(
        "preflight", "Photo {number} ({photo}) has no caption"
    ),
    "attached_no_credit": QT_TRANSLATE_NOOP("preflight", "Photo {number} ({photo}) has no credit"),
}


def line_col(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of a character offset, both from 0."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start


def _finding(
    code: str, severity: PreflightSeverity, loc: Location, **params: object
) -> PreflightFinding:
    return PreflightFinding(code, severity, MESSAGES[code], loc, dict(params))


# -- tone style: a minimal detector until the Vietnamese toolkit is there ----------------------
_OLD = re.compile(r"(?<![qQ])(?:[òóỏõọ][ae]|[ÒÓỎÕỌ][AEae]|[ùúủũụ]y|[ÙÚỦŨỤ][Yy])(?!\w)")
_NEW = re.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[oO][ÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵ]|[uU][ỲÝỶỸỴ])(?!\w)")
_WORD_AT = re.compile(r"\w+")


def _word_around(text: str, pos: int) -> str:
    for m in _WORD_AT.finditer(text, max(0, pos - 30)):
        if m.start() <= pos < m.end():
            return m.group(0)
    return ""


def tone_style_findings(fields: dict[str, str]) -> list[PreflightFinding]:
    """One finding per minority-style word when both hòa/thủy and hoà/thuỷ styles appear."""
    old: list[tuple[str, int]] = []
    new: list[tuple[str, int]] = []
    for name, text in fields.items():
        start = 0  # line by line: short regex calls (the editor runs this on a worker thread)
        for line in text.split("\n"):
            old += [(name, start + m.start()) for m in _OLD.finditer(line)]
            new += [(name, start + m.start()) for m in _NEW.finditer(line)]
            start += len(line) + 1
    if not old or not new:
        return []
    minority, majority = (new, old) if len(new) <= len(old) else (old, new)
    other_field, other_pos = majority[0]
    other = _word_around(fields[other_field], other_pos)
    out: list[PreflightFinding] = []
    for name, pos in minority:
        text = fields[name]
        line, col = line_col(text, pos)
        word = _word_around(text, pos)
        loc = Location(name, line, col, len(word))
        out.append(_finding("tone_mixed", PreflightSeverity.WARNING, loc, word=word, other=other))
    return out


# -- the Vietnamese checks, pluggable -----------------------------------------------------------
def default_text_checker() -> TextChecker | None:
    """The Vietnamese toolkit's checks when installed, adapted to :class:`TextFinding`."""
    try:
        from qk3editor.core.vietnamese import checks  # type: ignore[attr-defined]
    except ImportError:
        return None
    fn = next(
        (getattr(checks, n) for n in ("check_text", "check", "run_checks") if hasattr(checks, n)),
        None,
    )
    if fn is None:
        return None

    def adapt(text: str) -> Iterable[TextFinding]:
        for item in fn(text):
            start = int(getattr(item, "start", 0))
            end = int(getattr(item, "end", start))
            message = getattr(item, "message", "")
            if callable(message):  # issue 3's Finding.message(translator=None)
                message = message()
            yield TextFinding(start, end, str(message), str(getattr(item, "code", "vietnamese")))

    return adapt


# -- the run ------------------------------------------------------------------------------------
def run_preflight(
    article: PreflightInput,
    photos: PhotoInfoLookup | None = None,
    text_checker: TextChecker | None = None,
    check_tone: bool = True,
) -> list[PreflightFinding]:
    """Every item between ``article`` and "ready", errors first, then in reading order."""
    out: list[PreflightFinding] = []
    if not article.title.strip():
        out.append(_finding("no_title", PreflightSeverity.ERROR, Location("title")))
    lead = article.lead.strip()
    if not lead:
        out.append(_finding("no_lead", PreflightSeverity.ERROR, Location("lead")))
    else:
        words = len(lead.split())
        if words > article.lead_max_words:
            out.append(
                _finding(
                    "lead_too_long",
                    PreflightSeverity.WARNING,
                    Location("lead"),
                    words=words,
                    limit=article.lead_max_words,
                )
            )
    placed = list(_PHOTO_REF.finditer(article.body))
    for m in placed:
        caption, photo_id = m.group(1).strip(), m.group(2)
        line, col = line_col(article.body, m.start())
        loc = Location("body", line, col, m.end() - m.start())
        info = photos(photo_id) if photos else PhotoInfo(caption=caption, credit="?")
        if info is None:
            out.append(_finding("photo_missing", PreflightSeverity.ERROR, loc, photo=photo_id))
            continue
        if not caption and not info.caption.strip():
            out.append(_finding("photo_no_caption", PreflightSeverity.ERROR, loc, photo=photo_id))
        if not info.credit.strip():
            out.append(_finding("photo_no_credit", PreflightSeverity.ERROR, loc, photo=photo_id))
    if not article.featured_photo:
        out.append(_finding("no_featured_photo", PreflightSeverity.WARNING, Location("photos")))
    fields = {"title": article.title, "lead": article.lead, "body": article.body}
    checker = text_checker
    if checker is not None:
        for name, text in fields.items():
            for tf in checker(text):
                line, col = line_col(text, tf.start)
                loc = Location(name, line, col, max(0, tf.end - tf.start))
                out.append(
                    PreflightFinding(tf.code, PreflightSeverity.WARNING, MESSAGES["vietnamese"],
                                     loc, {"detail": tf.message})
                )  # fmt: skip
    if check_tone and checker is None:  # the toolkit's checks report "tone.mixed" themselves
        out.extend(tone_style_findings(fields))
    order = {"title": 0, "lead": 1, "photos": 2, "body": 3}
    out.sort(
        key=lambda f: (
            f.severity is not PreflightSeverity.ERROR,
            order.get(f.location.field, 9),
            f.location.line,
            f.location.column,
        )
    )
    return out


def is_ready(findings: Iterable[PreflightFinding]) -> bool:
    return not any(f.severity is PreflightSeverity.ERROR for f in findings)


# -- before publishing: the one decision for the GUI's dialog and the CLI ----------------------
def publish_preflight(
    article: Article,
    photos: Sequence[PublishPhoto] = (),
    text_checker: TextChecker | None = None,
    lead_max_words: int = LEAD_MAX_WORDS,
) -> list[PreflightFinding]:
    """What stands between ``article`` (with the ``photos`` it goes out with) and a publish.

    Errors block (``qk3editor publish`` exits 1 unless ``--force``; the GUI's publish button
    asks for the same override); warnings are shown. The editor's own checks
    (:func:`run_preflight`) plus: a body and a category, and every attached photo captioned.
    """
    by_key = {p.key: p for p in photos}

    def lookup(photo_id: str) -> PhotoInfo | None:
        p = by_key.get(photo_id)
        return None if p is None else PhotoInfo(caption=p.caption, credit=p.credit)

    featured = next((p.key for p in photos if p.featured), None)
    source = PreflightInput(
        title=article.title,
        lead=article.lead,
        body=article.body,
        featured_photo=featured,
        lead_max_words=lead_max_words,
    )
    out = run_preflight(source, lookup if photos else None, text_checker)
    if not photos:  # without photos the placeholder lookup would invent a credit
        out = [f for f in out if f.code not in ("photo_no_credit", "photo_no_caption")]
    if not article.body.strip():
        out.append(_finding("no_body", PreflightSeverity.ERROR, Location("body")))
    if not (article.category or "").strip():
        out.append(_finding("no_category", PreflightSeverity.ERROR, Location("category")))
    placed = {m.group(2) for m in _PHOTO_REF.finditer(article.body)}
    for number, p in enumerate(photos, start=1):
        if p.key in placed:
            continue  # checked where it stands in the body
        loc = Location("photos", number - 1)
        if not p.caption.strip():
            out.append(
                _finding(
                    "attached_no_caption", PreflightSeverity.ERROR, loc, number=number, photo=p.key
                )
            )
        if not p.credit.strip():
            out.append(
                _finding(
                    "attached_no_credit", PreflightSeverity.WARNING, loc, number=number, photo=p.key
                )
            )
    order = {"title": 0, "lead": 1, "category": 2, "body": 3, "photos": 4}
    out.sort(
        key=lambda f: (f.severity is not PreflightSeverity.ERROR, order.get(f.location.field, 9))
    )
    return out


def blocking(findings: Iterable[PreflightFinding]) -> list[PreflightFinding]:
    return [f for f in findings if f.severity is PreflightSeverity.ERROR]
