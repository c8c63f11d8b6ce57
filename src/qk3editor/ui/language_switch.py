"""A language chosen in Preferences applies at once (issue 10): the composition root's GUI is
rebuilt in the new language, in the same process (:func:`switch_language`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qk3editor.paths import resources_dir

if TYPE_CHECKING:
    from qk3editor.ui.gui import Gui


def follow_language(gui: Gui) -> None:
    """A language chosen in Preferences applies at once: the GUI is rebuilt in the new
    language (:func:`switch_language`) as soon as the change's signal has returned."""
    from PySide6.QtCore import QTimer

    assert gui.settings_relay is not None
    last = {"language": gui.ctx.settings.language, "switching": False}

    def on_changed(settings: Any) -> None:
        language = settings.language
        if language == last["language"] or language not in ("vi", "en"):
            return  # another setting changed
        last["language"] = language
        if language == gui.ctx.translator.language or last["switching"]:
            return
        last["switching"] = True
        # after the change's signal has returned (the preferences page that sent it is part
        # of the window being replaced); the window as context: no switch once it is gone
        QTimer.singleShot(0, gui.window, lambda: _switch_if_open(gui, language))

    gui.settings_relay.changed.connect(on_changed)


def _switch_if_open(gui: Gui, language: str) -> None:
    if gui.window.isVisible():  # a window closed meanwhile (quitting) is not rebuilt
        switch_language(gui, language)


def switch_language(gui: Gui, language: str) -> Gui:
    """The GUI rebuilt in ``language`` in the same process, as a restart would build it.

    Why a rebuild and not a retranslation: every widget sets its texts with ``self.tr`` when
    it is built (dozens of classes, menus added by each feature's ``install_*``); a
    ``retranslateUi`` in each would have to be kept in step by hand and no test could show that
    none was missed. Rebuilding reuses the start-up path, so every text is in the new language
    by construction. What the person had is kept: unsaved text is flushed and the cursor
    recorded first, then the session (the open article, where the cursor was) is restored in
    the new window, and the window's geometry comes back from its settings file. The
    preferences, if open, are opened again on the same page. Callbacks in ``gui.replaced``
    get the new Gui (run_gui keeps it for the quit).
    """
    from PySide6.QtCore import QCoreApplication, QTranslator

    from qk3editor.app import build_gui, build_shell
    from qk3editor.context import AppContext
    from qk3editor.ui.i18n import install_translators

    old_window = gui.window
    dialog = getattr(old_window, "preferences_dialog", None)
    page: str | None = None
    if dialog is not None and dialog.isVisible():
        page = list(dialog.pages)[dialog.areas.currentRow()]
        dialog.close()
    editor = gui.editor
    editor.save()  # unsaved text first
    entry = editor.position()
    if entry is not None:
        repo = editor.repo
        gui.runner.submit("db", lambda: repo.update_position(entry), None, None)
    gui.runner.wait()
    store_url = gui.ctx.store.url
    runner_type = type(gui.runner)
    old_window.close()  # its closing handlers: save, wait, renditions preparer, test portal
    gui.runner.wait()
    gui.shutdown()
    old_window.deleteLater()

    app = QCoreApplication.instance()
    assert app is not None
    for translator in [*gui.translators, *app.findChildren(QTranslator)]:
        QCoreApplication.removeTranslator(translator)
    translators = install_translators(app, language, resources_dir() / "translations")
    ctx = AppContext.open(store=store_url, language=language)
    shell = build_shell(ctx.paths)
    shell.window.show()
    new = build_gui(ctx, runner_type(), shell)
    new.translators = translators
    new.replaced = gui.replaced
    new.editor.restore_session()  # the open article, where the cursor was
    if page is not None:
        from qk3editor.ui.preferences import show_preferences

        show_preferences(new.ctx, new.ops, new.window, page)
    for callback in list(new.replaced):
        callback(new)
    return new
