"""Typed errors with stable codes. The UI and CLI map a code to translated text."""

from __future__ import annotations

from typing import Any

from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator


class QkError(Exception):
    """Base of every error a user may see.

    ``code`` is stable (tests and the UI branch on it); ``template`` is the English text,
    marked for Qt Linguist under the context ``errors``; ``params`` fill it in.
    """

    code = "error"
    template = QT_TRANSLATE_NOOP("errors", "Something went wrong: {detail}")

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self, translator: Translator | None = None) -> str:
        """The message, in the translator's language (English without one)."""
        return _format(self.template, self.params, translator)

    def record(self) -> dict[str, Any]:
        """The error as plain data to store or pass between processes (never translated
        text): ``{"code", "template", "params"}``; :func:`record_message` shows it later."""
        return {
            "code": self.code,
            "template": self.template,
            "params": {
                k: v if isinstance(v, int | float) else str(v) for k, v in self.params.items()
            },
        }


def record_message(record: dict[str, Any] | None, translator: Translator | None = None) -> str:
    """The message of a stored :meth:`QkError.record`, in the translator's language."""
    if not record:
        return ""
    return _format(str(record.get("template") or ""), dict(record.get("params") or {}), translator)


def _format(template: str, params: dict[str, Any], translator: Translator | None) -> str:
    """The one place an error becomes text: the template and every parameter that is a
    marked phrase (``detail=QT_TRANSLATE_NOOP("errors", "connection failed")``) translated;
    other parameters (paths, URLs, ids) pass through unchanged."""
    if translator is None:
        text, values = template, params
    else:
        text = translator.lookup("errors", template)
        values = {
            k: translator.lookup("errors", v) if isinstance(v, str) and v else v
            for k, v in params.items()
        }
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


class NotFoundError(QkError):
    code = "not_found"
    template = QT_TRANSLATE_NOOP("errors", "Not found: {what}")


class ArticleNotFound(NotFoundError):
    code = "article_not_found"
    template = QT_TRANSLATE_NOOP("errors", "No article with id {id}")


class PhotoIdNotFound(NotFoundError):
    code = "photo_id_not_found"
    template = QT_TRANSLATE_NOOP("errors", "No photo with id {id}")


class ConflictError(QkError):
    code = "conflict"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The article was changed elsewhere (version {expected} expected, {actual} found)",
    )


class ValidationError(QkError):
    code = "invalid"
    template = QT_TRANSLATE_NOOP("errors", "Invalid value: {detail}")


class InvalidTransition(QkError):
    code = "invalid_transition"
    template = QT_TRANSLATE_NOOP("errors", "An article cannot go from {source} to {target}")


class ImportFormatError(QkError):
    code = "import_format"
    template = QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {detail}")


class StoreError(QkError):
    code = "store"
    template = QT_TRANSLATE_NOOP("errors", "The store cannot be used: {detail}")


class StoreReadOnly(StoreError):
    code = "store_read_only"
    template = QT_TRANSLATE_NOOP(
        "errors", "The store is read-only or the disk is full; your text is kept in the editor"
    )


class AmbiguousId(QkError):
    code = "ambiguous_id"
    template = QT_TRANSLATE_NOOP(
        "errors", "The id {prefix} is ambiguous; type more of it. It could be: {candidates}"
    )


class FileMissing(NotFoundError):
    code = "file_missing"
    template = QT_TRANSLATE_NOOP("errors", "No such file: {path}")


class StoreMissing(StoreError):
    code = "store_missing"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "There is no store at {path}: check the path, or add --create to make a new store there",
    )
