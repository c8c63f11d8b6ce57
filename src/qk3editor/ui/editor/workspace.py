"""The editor's layout: fields and body with formatting bar and find bar on the left; preview,
preflight and history as tabs on the right; a banner when the store cannot be written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from qk3editor.ui.editor.find_replace import FindReplaceBar
from qk3editor.ui.editor.formatting import FormattingBar
from qk3editor.ui.editor.history import HistoryPanel
from qk3editor.ui.editor.preflight_panel import PreflightPanel
from qk3editor.ui.editor.preview import PreviewPane
from qk3editor.ui.editor.preview_target import PreviewTargetBar
from qk3editor.ui.editor.view import ArticleEditorView


class EditorWorkspace(QWidget):
    def __init__(self, view: ArticleEditorView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorWorkspace")
        self.view = view
        self.banner = QLabel(self)
        self.banner.setObjectName("storeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fde2e1; color: #7a0000; padding: 6px; font-weight: bold; }"
        )
        self.banner.hide()
        self.formatting = FormattingBar(view.body, parent=self)
        self.find_bar = FindReplaceBar(view.body, self)
        # the formatting bar and find bar sit right above/below the body inside the view
        body_index = view.layout().indexOf(view.body)
        view.layout().insertWidget(body_index, self.formatting)
        view.layout().insertWidget(body_index + 2, self.find_bar)

        self.preview = PreviewPane(self)
        self.preflight = PreflightPanel(self)
        self.history = HistoryPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        # the preview and, above it, which portal's page it shows (issue 9)
        self.preview_target = PreviewTargetBar(self)
        preview_page = QWidget(self)
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.setSpacing(2)
        preview_layout.addWidget(self.preview_target)
        preview_layout.addWidget(self.preview, 1)
        self.tabs.addTab(preview_page, self.tr("Preview"))
        self.tabs.addTab(self.preflight, self.tr("Preflight"))
        self.tabs.addTab(self.history, self.tr("History"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(view)
        self.splitter.addWidget(self.tabs)
        self.tabs.setMinimumWidth(100)  # the window may be narrow: the splitter decides
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.focus_mode = False

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def set_focus_mode(self, on: bool) -> None:
        """Only the body: fields, tabs and toolbars hidden (the window hides its other panels)."""
        self.focus_mode = on
        self.tabs.setVisible(not on)
        self.formatting.setVisible(not on)
        form = self.view.form
        for row in range(form.rowCount()):
            form.setRowVisible(row, not on)
        self.view.body.setFocus()
