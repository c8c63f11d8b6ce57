"""Several editors on one store (issue 16), put into the window by the composition root."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qk3editor.ui.editor.lease import LeaseController
from qk3editor.ui.library.holds import LibraryHolds
from qk3editor.ui.live import install_live_updates

if TYPE_CHECKING:
    from qk3editor.ui.editor.workspace import EditorWorkspace
    from qk3editor.ui.gui import Gui


def install_newsroom(gui: Gui, workspace: EditorWorkspace) -> None:
    """The open article's lease (banner, read-only, take-over), the library's marks of what
    others are editing and, on PostgreSQL, the live updates from other processes."""
    leases = LeaseController(gui.editor, workspace, gui.ctx.leases, gui.ctx.tasks, gui.window)
    gui.leases = leases
    holds = LibraryHolds(gui.library.model, gui.ctx.leases, gui.ops, gui.window)
    leases.lease_changed.connect(holds.on_lease_changed)

    def give_back() -> None:  # after the editor's last save, before the runner stops
        leases.release_open()
        gui.runner.wait()

    gui.window.closing.connect(give_back)
    resync = [gui.library.refresh, leases.resync]
    gui.live = install_live_updates(gui.ctx, gui.bus, resync, gui.window)
