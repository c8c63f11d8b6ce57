"""The CLI's one way to turn an exception into the line printed on stderr."""

from __future__ import annotations

import logging

from qk3editor.core.i18n import Translator, translate
from qk3editor.edge_errors import as_qk_error

log = logging.getLogger(__name__)


def describe_error(exc: BaseException, translator: Translator | None = None) -> str:
    """``qk3editor: error: ...`` in the chosen language; unknown errors go to the log too."""
    known = as_qk_error(exc)
    if known is not None:
        return translate("cli", "qk3editor: error: {detail}").format(
            detail=known.message(translator)
        )
    log.error("unexpected error", exc_info=exc)
    return translate("cli", "qk3editor: unexpected error ({kind}); details are in the log").format(
        kind=type(exc).__name__
    )
