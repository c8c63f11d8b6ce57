"""Preferences (issue 10): the dialog, its pages, and the wiring that makes every change apply
at once through the one settings-changed signal (:class:`SettingsRelay`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from qk3editor.ui.preferences.relay import SettingsRelay

__all__ = ["SettingsRelay", "install_preferences"]


def install_preferences(
    ctx: Any, runner: Any, window: Any, editor: Any, checks: Any = None, desk: Any = None
) -> SettingsRelay:
    # ``runner``: the GUI's Operations (the portals page's targets panel runs through it)
    """The Preferences action (Edit menu, Ctrl+,) and the live reactions to a change:
    checks and preflight re-run, the photo desk's house style, user and renditions follow,
    a new article starts with the byline. Called once by app.build_gui."""
    from qk3editor.core.articles import ArticleFields
    from qk3editor.photos.renditions import specs_from_settings

    relay = SettingsRelay(ctx, window)

    def new_fields() -> ArticleFields:
        return ArticleFields(byline=ctx.settings.byline or None)

    if hasattr(editor, "new_fields"):
        editor.new_fields = new_fields

    def on_changed(settings: Any) -> None:
        if checks is not None:
            checks.enabled = bool(settings.checks_enabled)
            checks.check_now()
        run_preflight = getattr(editor, "run_preflight", None)
        if run_preflight is not None:
            run_preflight()
        if desk is not None:
            desk.view.captions.house_style = settings.tone_style
            desk.who = settings.who
            desk.default_credit = settings.photo_credit
            desk.set_location_policy(settings.location_policy)
            desk.specs = specs_from_settings(settings)
            codes = (settings.extra or {}).get("photo_codes_file")
            if codes and codes != getattr(desk, "_codes_file", None) and Path(codes).is_file():
                desk._codes_file = codes
                desk.load_codes(Path(codes), remember=False)

    relay.changed.connect(on_changed)
    if checks is not None:
        checks.enabled = bool(ctx.settings.checks_enabled)

    action = QAction(QCoreApplication.translate("Preferences", "&Preferences…"), window)
    action.setObjectName("preferencesAction")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: show_preferences(ctx, runner, window))
    menu = getattr(window, "edit_menu", None)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    window.preferences_action = action
    return relay


def show_preferences(ctx: Any, runner: Any, window: Any, page: str | None = None) -> Any:
    """Open the preferences (kept as ``window.preferences_dialog`` while it lives)."""
    from qk3editor.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(ctx, runner, window)
    if page:
        dialog.show_page(page)
    dialog.show()
    window.preferences_dialog = dialog
    return dialog
