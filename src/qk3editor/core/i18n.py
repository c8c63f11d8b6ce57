"""Translations for the Qt-free layers (the CLI, error messages), from the same Qt Linguist
source the GUI uses: ``resources/translations/qk3editor_<lang>.ts``.

Source strings are English; Vietnamese is the default language. Mark strings with
``translate("Context", "text")`` or ``QT_TRANSLATE_NOOP("Context", "text")`` so that
``pyside6-lupdate`` extracts them (see ``tools/i18n.py``).
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction under ``context`` without translating it now."""
    return text


class Translator:
    """Looks up translations loaded from a ``.ts`` file; English (the source) as fallback."""

    def __init__(self, language: str = "en", messages: dict[tuple[str, str], str] | None = None):
        self.language = language
        self._messages = messages or {}

    @classmethod
    def load(cls, language: str, translations_dir: Path) -> Translator:
        """The translator for ``language``; English (no file) when there is no such file."""
        path = translations_dir / f"qk3editor_{language}.ts"
        if language == "en" or not path.is_file():
            return cls("en")
        return cls(language, read_ts(path))

    def lookup(self, context: str, text: str, n: int | None = None) -> str:
        """``text`` translated; ``%n`` is replaced by ``n`` when given."""
        out = self._messages.get((context, text)) or text
        if n is not None:
            out = out.replace("%n", str(n))
        return out


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Every finished translation in a Qt Linguist ``.ts`` file, keyed by (context, source)."""
    import xml.etree.ElementTree as ET  # only for .ts files (tools, tests), not at start-up

    messages: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            forms = translation.findall("numerusform")
            text = forms[0].text if forms else translation.text
            if text:
                messages[(name, source)] = text
    return messages


_active = Translator("en")


def translate(context: str, text: str, n: int | None = None) -> str:
    """Translate with the process's active translator (set once by the composition root)."""
    return _active.lookup(context, text, n)


def set_active(translator: Translator) -> None:
    """Install the translator used by :func:`translate` (called by app.py / cli.py only)."""
    global _active
    _active = translator


def active() -> Translator:
    return _active
