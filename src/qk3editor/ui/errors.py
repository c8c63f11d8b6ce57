"""The GUI's one way to turn an exception into a sentence for the person at the screen.

A :class:`~qk3editor.core.errors.QkError` shows its own message (Vietnamese through the
translator); known library errors (full or read-only disk, a locked SQLite store, network
timeouts) become typed errors first (:func:`qk3editor.edge_errors.as_qk_error`); anything else
is logged with its traceback and shown as one generic line.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from qk3editor.core.i18n import Translator, active
from qk3editor.edge_errors import as_qk_error

log = logging.getLogger(__name__)


def describe_error(exc: BaseException, translator: Translator | None = None) -> str:
    """What went wrong, in the UI's language; unknown errors are logged with a traceback."""
    known = as_qk_error(exc)
    if known is not None:
        return known.message(translator if translator is not None else active())
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Unexpected error ({0}); the details are in the log"
    ).replace("{0}", type(exc).__name__)
