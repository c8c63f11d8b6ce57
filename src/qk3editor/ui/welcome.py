"""The welcome page: what an empty store shows instead of a disabled form.

One button per way in: a new article, an imported Word/markdown file, imported photos, a
portal to publish to, the user guide. Installed by app.build_gui (:func:`install_welcome`);
it takes the editor's place until an article is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def user_guide_path() -> Path | None:
    """The user guide to open: docs/user-guide.md when it exists, else the README."""
    root = Path(__file__).resolve().parents[3]
    for candidate in (root / "docs" / "user-guide.md", root / "README.md"):
        if candidate.is_file():
            return candidate
    return None


class WelcomePage(QScrollArea):
    """The first page of an empty store (it scrolls rather than make the window bigger)."""

    new_article = Signal()
    import_file = Signal()
    import_photos = Signal()
    add_portal = Signal()
    open_guide = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        content = QWidget(self)
        self.setWidget(content)
        self.content = content
        layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(12)
        title = QLabel(self.tr("Welcome to qk3editor"), content)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "The store is empty. Write a first article, bring one in from Word or a "
                "markdown file, import the photos of a shoot, or add the portal you publish to."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        new_keys = QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.buttons: dict[str, QPushButton] = {}
        for key, text, hint, signal in (
            (
                "new",
                self.tr("New article"),
                self.tr("A draft, saved as you type (%1)").replace("%1", new_keys),
                self.new_article,
            ),
            (
                "import",
                self.tr("Import a Word or markdown file…"),
                self.tr(".docx, .md, .txt, .html; Word images are kept"),
                self.import_file,
            ),
            (
                "photos",
                self.tr("Import photos…"),
                self.tr("From files, a folder or a camera card, into the photo desk"),
                self.import_photos,
            ),
            (
                "portal",
                self.tr("Add a portal…"),
                self.tr("A WordPress site or a ninjs portal; the login is checked"),
                self.add_portal,
            ),
            (
                "guide",
                self.tr("Open the user guide"),
                self.tr("How qk3editor works, step by step"),
                self.open_guide,
            ),
        ):
            button = QPushButton(text, content)
            button.setObjectName(f"welcome_{key}")
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal.emit)
            label = QLabel(hint, content)
            label.setWordWrap(True)
            label.setContentsMargins(4, 0, 0, 8)
            label.setIndent(4)
            layout.addWidget(button)
            layout.addWidget(label)
            self.buttons[key] = button
        layout.addStretch(1)
        self.buttons["new"].setDefault(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_welcome(
    window: QWidget,
    workspace: QWidget,
    opened: Signal,
    actions: dict[str, Callable[[], object]],
    empty: bool,
) -> WelcomePage | None:
    """Show the welcome page in ``workspace``'s place when the store is ``empty``; it gives
    the place back when an article is opened (``opened``)."""
    if not empty:
        return None
    splitter = workspace.parentWidget()
    page = WelcomePage(window)
    index = splitter.indexOf(workspace)  # type: ignore[union-attr]
    sizes = splitter.sizes()  # type: ignore[union-attr]
    splitter.insertWidget(index, page)  # type: ignore[union-attr]
    splitter.setStretchFactor(index, 5)  # type: ignore[union-attr]
    workspace.hide()
    restore = getattr(window, "restore_splitter", None)
    if window.isVisible() or restore is None:
        splitter.setSizes(sizes)  # type: ignore[union-attr]
    else:
        restore()  # the widths the person left (library narrower by default)
    for key, signal in (
        ("new", page.new_article),
        ("import", page.import_file),
        ("photos", page.import_photos),
        ("portal", page.add_portal),
        ("guide", page.open_guide),
    ):
        if key in actions:
            signal.connect(actions[key])

    def leave(*_args: object) -> None:
        if page.isHidden() and not workspace.isHidden():
            return
        now = splitter.sizes()  # type: ignore[union-attr]
        at_page, at_workspace = splitter.indexOf(page), splitter.indexOf(workspace)  # type: ignore[union-attr]
        now[at_workspace], now[at_page] = now[at_page], 0  # the editor takes the page's width
        page.hide()
        workspace.show()
        splitter.setSizes(now)  # type: ignore[union-attr]

    opened.connect(leave)
    page.leave = leave  # type: ignore[attr-defined]
    return page


def open_user_guide() -> bool:
    path = user_guide_path()
    if path is None:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
