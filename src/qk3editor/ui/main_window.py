"""The main window: a shell of menus, toolbar, splitter and status bar.

Features put their widgets and actions into it; the wiring is done in app.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMenu, QSplitter, QToolBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

DEFAULT_SIZE = QSize(1280, 800)
# what a window manager's title bar and borders take around the window (the frame is not
# known before the first show): the first window must fit the available screen with them
FRAME_ALLOWANCE = QSize(16, 40)
# the default shares of the window: library, editor fields, preview (the preview at least a
# third: "QK3 onlin/e" must not wrap mid-word)
LIBRARY_SHARE = 0.30
PREVIEW_SHARE = 0.36


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen's free area (without panels and docks) where ``widget`` is, else primary."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_window(window: QWidget, available: QRect, wanted: QSize = DEFAULT_SIZE) -> None:
    """``window`` at ``wanted`` size or smaller, so that with its frame it fits ``available``;
    moved inside it."""
    width = min(wanted.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(wanted.height(), available.height() - FRAME_ALLOWANCE.height())
    window.resize(max(width, 320), max(height, 240))
    x = available.x() + max(0, (available.width() - window.width()) // 2)
    y = available.y() + max(
        0, (available.height() - window.height() - FRAME_ALLOWANCE.height()) // 2
    )
    window.move(x, y)


class MainWindow(QMainWindow):
    """Menus File/Edit/Article/View/Help, a left/right splitter, state remembered in QSettings."""

    closing = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("qk3editor — QK3 online newsroom"))
        self._settings = settings
        # left/right: QSplitter's default. Neither Qt.Orientation nor the parent is passed:
        # the (orientation, parent) overload would build the ``Qt`` namespace before the first
        # frame (~20 ms, see ui/library/view.py); setCentralWidget gives it its parent
        self.splitter = QSplitter()
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
            # setShortcuts([...]), which is setShortcut: PySide6's setShortcut builds the
            # ``Qt`` namespace before the first frame (see ui/library/view.py)
            action.setShortcuts([QKeySequence(shortcut)])
        return action

    def add_panel(self, widget: QWidget, stretch: int) -> None:
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)

    def restore_state(
        self, available: QRect | None = None, only: Sequence[QWidget] | None = None
    ) -> None:
        """Geometry, toolbars, splitters and columns as the person left them; the first time
        a window that fits the screen's free area (a 1366×768 laptop: 1280×800 does not).

        ``only``: the splitters and headers to restore, when the caller knows them all (the
        first frame: finding them costs PySide6 a Python type for every child widget, ~5 ms).
        """
        available = available or available_geometry(self)
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            if not available.contains(self.frameGeometry()):  # another, smaller screen now
                fit_window(self, available, self.size())
        else:
            fit_window(self, available)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.restore_splitter(only)

    def restore_splitter(self, only: Sequence[QWidget] | None = None) -> None:
        """The panels' widths as the person left them; by default the library takes
        :data:`LIBRARY_SHARE` of the window and the preview :data:`PREVIEW_SHARE`."""
        width = max(self.width(), 640)
        for splitter in self._named(QSplitter, only):
            saved = self._settings.value(f"splitters/{splitter.objectName()}")
            if splitter is self.splitter and not isinstance(saved, QByteArray):
                saved = self._settings.value("window/splitter")  # before 0.2
            if isinstance(saved, QByteArray) and splitter.restoreState(saved):
                continue
            if splitter is self.splitter and splitter.count() >= 2:
                library = int(width * LIBRARY_SHARE)
                splitter.setSizes([library, width - library, *[0] * (splitter.count() - 2)])
            elif splitter.objectName() == "editorSplitter" and splitter.count() == 2:
                editor = int(width * (1 - LIBRARY_SHARE))
                preview = int(width * PREVIEW_SHARE)
                splitter.setSizes([editor - preview, preview])
        for header in self._named(QHeaderView, only):
            saved = self._settings.value(f"columns/{header.objectName()}")
            if isinstance(saved, QByteArray):
                header.restoreState(saved)

    def _named(
        self, kind: type[QSplitter] | type[QHeaderView], only: Sequence[QWidget] | None = None
    ) -> list:  # type: ignore[type-arg]
        found = self.findChildren(kind) if only is None else only
        return [w for w in found if isinstance(w, kind) and w.objectName()]

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        for splitter in self._named(QSplitter):
            self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        from PySide6.QtCore import Qt

        for header in self._named(QHeaderView):
            self._settings.setValue(f"columns/{header.objectName()}", header.saveState())
            # the sort as plain numbers too: the first frame sorts the library from them
            # without reading Qt.SortOrder (see saved_sort)
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self._settings.setValue(
                f"sort/{header.objectName()}", f"{header.sortIndicatorSection()} {int(descending)}"
            )
        self._settings.sync()

    def saved_sort(self, header: QHeaderView) -> tuple[int, bool] | None:
        """The column and order (descending) ``header`` was sorted by when the window was
        last saved, if its state came back with :meth:`restore_state`."""
        if not isinstance(self._settings.value(f"columns/{header.objectName()}"), QByteArray):
            return None
        column, _, descending = str(
            self._settings.value(f"sort/{header.objectName()}", "")
        ).partition(" ")
        if not column.lstrip("-").isdigit() or descending not in ("0", "1"):
            return None
        return int(column), descending == "1"

    def keep_help_last(self) -> None:
        """Help is the last menu (platform convention), also after features add theirs."""
        bar = self.menuBar()
        action = self.help_menu.menuAction()
        bar.removeAction(action)
        bar.addAction(action)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_state()
        super().closeEvent(event)
