"""Human names for the stable machine codes the lower layers carry (job states, publish
steps, photo status flags, import outcomes). Qt-free: the CLI and the GUI translate them at
display time with the same (context, source) pairs; ``--json`` keeps the codes.
"""

from __future__ import annotations

from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator

# the same sources as ui/publish/outbox_view.py and ui/publish/dialog.py (one translation)
JOB_STATE_TEXT = {
    "queued": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Queued")),
    "running": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Sending")),
    "waiting": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Waiting to retry")),
    "done": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Published")),
    "failed": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Failed")),
    "conflict": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Conflict")),
    "cancelled": ("Outbox", QT_TRANSLATE_NOOP("Outbox", "Cancelled")),
}
STEP_TEXT = {
    "connect": ("Publish", QT_TRANSLATE_NOOP("Publish", "Connecting")),
    "rendition": ("Publish", QT_TRANSLATE_NOOP("Publish", "Web rendition")),
    "upload": ("Publish", QT_TRANSLATE_NOOP("Publish", "Photo upload")),
    "post": ("Publish", QT_TRANSLATE_NOOP("Publish", "Article")),
    "retry": ("Publish", QT_TRANSLATE_NOOP("Publish", "Retrying")),
    "done": ("Publish", QT_TRANSLATE_NOOP("Publish", "Done")),
}
PHOTO_FLAG_TEXT = {
    "no_caption": ("labels", QT_TRANSLATE_NOOP("labels", "no caption")),
    "no_credit": ("labels", QT_TRANSLATE_NOOP("labels", "no credit")),
    "gps": ("labels", QT_TRANSLATE_NOOP("labels", "location present")),
}


def label(table: dict[str, tuple[str, str]], code: str, translator: Translator) -> str:
    """The translated name of ``code`` in ``table``; the code itself when it has none."""
    found = table.get(code)
    return translator.lookup(*found) if found else code
