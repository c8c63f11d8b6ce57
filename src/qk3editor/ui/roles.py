"""The window follows the newsroom role (issue 16): what the login may not do is disabled,
with the reason as its tooltip, and the status bar says who is logged in as what.

Only a convenience: the PostgreSQL server refuses the same things (grants, row-level security,
guard triggers), and a refusal that still reaches it shows the ``permission_denied`` message.
On a local (SQLite) store nothing here changes the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from qk3editor.core.articles import Status
from qk3editor.core.roles import Capabilities

READ_ONLY_MARK = "qk3RoleReadOnly"  # set on a field this gate made read-only (and only those)


class RoleGate(QObject):
    """Keeps the window's actions in step with the role and the open article."""

    def __init__(
        self,
        caps: Capabilities,
        window: Any,
        editor: Any,
        photo_desk: Any = None,
        leases: Any = None,
    ) -> None:
        super().__init__(window)
        self.caps = caps
        self.window = window
        self.editor = editor
        self.label = QLabel(self._who(), window)
        self.label.setObjectName("newsroomRole")
        window.statusBar().addPermanentWidget(self.label)
        for menu in window.menuBar().findChildren(QMenu):
            menu.setToolTipsVisible(True)  # a disabled item says why
        editor.workflow.refusal = self._why_move
        editor.role_allows_edit = self._may_edit
        editor.workflow.updated.connect(lambda _status: self.refresh())
        editor.opened.connect(lambda _id: self.refresh())
        self.photo_desk = photo_desk
        self.leases = leases  # ui.editor.lease.LeaseController (given back when we may not edit)
        if photo_desk is not None:  # after the desk's own handler (which enables "Apply")
            selection = photo_desk.view.grid.selectionModel()
            selection.selectionChanged.connect(lambda *_a: self.refresh_captions())
        self.refresh()

    def _who(self) -> str:
        role = self.caps.role_label() or QCoreApplication.translate("Roles", "no role")
        return QCoreApplication.translate("Roles", "Newsroom: {login} ({role})").format(
            login=self.caps.login, role=role
        )

    def _may_edit(self) -> bool:
        article = self.editor.article
        return article is None or self.caps.why_not_edit(article.owner, article.status) is None

    def _why_move(self, target: Status) -> str | None:
        article = self.editor.article
        if article is None:
            return None
        return self.caps.why_not_status(article.owner, article.status, target)

    def refresh(self) -> None:
        """After an article is opened or moved: the editing and workflow actions."""
        w = self.window
        article = self.editor.article
        edit = spike = None
        if article is not None:
            edit = self.caps.why_not_edit(article.owner, article.status)
            spike = self.caps.why_not_status(article.owner, article.status, Status.SPIKED)
        _gate(w.new_action, self.caps.why_not_create())
        _gate(w.save_action, edit)
        _gate(w.spike_action, spike)
        _gate(w.restore_action, edit)
        publish = getattr(w, "publish_action", None)
        if isinstance(publish, QAction):
            _gate(publish, self.caps.why_not_publish())
        if edit is not None and self.leases is not None and self.leases.held:
            self.leases.release_open()  # submitted: the desk may take it at once
        view = getattr(self.editor, "view", None)
        for name in ("title", "lead", "body", "byline", "tags", "category"):
            field = getattr(view, name, None)
            if isinstance(field, QWidget):
                _read_only(field, edit)

    def refresh_captions(self) -> None:
        """The caption panel's "Apply" only for photos the role may caption."""
        desk = self.photo_desk
        photos = desk.shown_selection()
        why = next(
            (w for p in photos if (w := self.caps.why_not_caption(p.owner)) is not None), None
        )
        button = desk.view.captions.apply_button
        if why is not None:
            button.setEnabled(False)
        button.setToolTip(why or "")


def _gate(action: QAction, why: str | None) -> None:
    action.setEnabled(why is None)
    action.setToolTip(why or "")


def _read_only(field: QWidget, why: str | None) -> None:
    """Read-only with the reason as tooltip; undone only where this gate did it (a lease may
    make the editor read-only too: that is not ours to undo)."""
    set_read_only = getattr(field, "setReadOnly", None)
    if why is not None:
        if set_read_only is not None:
            if not getattr(field, "isReadOnly", lambda: True)():
                set_read_only(True)
                field.setProperty(READ_ONLY_MARK, True)
        elif field.isEnabled():
            field.setEnabled(False)
            field.setProperty(READ_ONLY_MARK, True)
        field.setToolTip(why)
    elif field.property(READ_ONLY_MARK):
        if set_read_only is not None:
            set_read_only(False)
        else:
            field.setEnabled(True)
        field.setProperty(READ_ONLY_MARK, False)
        field.setToolTip("")


def install_roles(
    caps: Capabilities, window: Any, editor: Any, photo_desk: Any = None, leases: Any = None
) -> RoleGate | None:
    """Called once by app.build_gui after the menus exist; nothing on a local store."""
    if not caps.newsroom:
        return None
    return RoleGate(caps, window, editor, photo_desk, leases)
