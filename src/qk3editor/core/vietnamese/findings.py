"""The :class:`Finding` every Vietnamese check returns (re-exported by ``checks``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from qk3editor.core.i18n import Translator, translate


class Severity(StrEnum):
    ERROR = "error"  # not Vietnamese as written (red underline)
    WARNING = "warning"  # house style, likely typo (orange)
    INFO = "info"  # a suggestion (blue)


@dataclass(frozen=True)
class Finding:
    """One problem in a text.

    ``start``/``end`` index the checked string (Python str indices); ``code`` is stable
    (tests, the UI and ``--json`` consumers branch on it); ``template`` is the English
    message marked with ``QT_TRANSLATE_NOOP("checks", ...)`` and filled from ``params``;
    each suggestion replaces ``text[start:end]``.
    """

    start: int
    end: int
    code: str
    template: str
    params: dict[str, Any] = field(default_factory=dict[str, Any])
    suggestions: tuple[str, ...] = ()
    severity: Severity = Severity.WARNING

    def message(self, translator: Translator | None = None) -> str:
        text = (
            translator.lookup("checks", self.template)
            if translator
            else translate("checks", self.template)
        )
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return text

    def shifted(self, offset: int) -> Finding:
        """The same finding for a text that starts ``offset`` characters later."""
        return Finding(
            self.start + offset,
            self.end + offset,
            self.code,
            self.template,
            self.params,
            self.suggestions,
            self.severity,
        )

    def to_dict(self, translator: Translator | None = None) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(translator),
            "suggestions": list(self.suggestions),
        }


def apply_suggestion(text: str, finding: Finding, index: int = 0) -> str:
    """``text`` with the finding's ``index``-th suggestion put in place of its span."""
    return text[: finding.start] + finding.suggestions[index] + text[finding.end :]
