"""The main window: a shell of menus, toolbar, splitter and status bar.

Features put their widgets and actions into it; the wiring is done in app.py.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar, QWidget


class MainWindow(QMainWindow):
    """Menus File/Edit/Article/View/Help, a left/right splitter, state remembered in QSettings."""

    closing = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("qk3editor — QK3 online newsroom"))
        self._settings = settings
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.addToolBar(self.toolbar)
        mb = self.menuBar()
        self.file_menu: QMenu = mb.addMenu(self.tr("&File"))
        self.edit_menu: QMenu = mb.addMenu(self.tr("&Edit"))
        self.article_menu: QMenu = mb.addMenu(self.tr("&Article"))
        self.view_menu: QMenu = mb.addMenu(self.tr("&View"))
        self.help_menu: QMenu = mb.addMenu(self.tr("&Help"))

        self.new_action = self._action(self.tr("&New article"), QKeySequence.StandardKey.New)
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save)
        self.import_action = self._action(self.tr("&Import..."), "Ctrl+O")  # Ctrl+I: italic
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.spike_action = self._action(self.tr("Move to &trash"), "Ctrl+Del")
        self.restore_action = self._action(self.tr("&Restore from trash"), None)
        self.about_action = self._action(self.tr("&About qk3editor"), None)
        self.publish_action: QAction | None = None  # the Publish menu's, once it is installed
        for a in (self.new_action, self.save_action, self.import_action):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.article_menu.addAction(self.spike_action)
        self.article_menu.addAction(self.restore_action)
        self.help_menu.addAction(self.about_action)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addAction(self.save_action)
        self.quit_action.triggered.connect(self.close)

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str | None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def add_panel(self, widget: QWidget, stretch: int) -> None:
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)

    def restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.restore_splitter()

    def restore_splitter(self) -> None:
        """The panels' widths as the person left them (library narrower by default)."""
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([420, 1000])

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_state()
        super().closeEvent(event)
