"""The library's search box: filters the list as you type, off the UI thread.

Each keystroke restarts a short timer; the query runs on the ``db`` lane with a key, so only
the newest query's result reaches the list (stale results are dropped by the runner).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qk3editor.storage.search import SearchRepository
    from qk3editor.ui.library.controller import LibraryController

DEBOUNCE_MS = 150
MAX_RESULTS = 2000


class SearchBox(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearch")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search (dan van finds dân vận)"))


class LibrarySearch(QObject):
    """Runs the box's query and hands the ids to ``show_ids``; an empty box calls ``show_all``."""

    results_shown = Signal(str, int)  # query, number of articles

    def __init__(
        self,
        box: SearchBox,
        search_ids: Callable[[str], list[str]],
        show_ids: Callable[[list[str]], None],
        show_all: Callable[[], None],
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or box)
        self.box = box
        self._search_ids = search_ids
        self._show_ids = show_ids
        self._show_all = show_all
        self.runner = runner
        self._key = f"library-search-{id(self)}"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        box.textChanged.connect(self._on_box_text_changed)
        self.active_query = ""

    def _on_box_text_changed(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()  # an explicit search answers the pending debounce too: no second run
        query = normalize(self.box.text())
        if not query.strip():
            self.active_query = ""
            self.runner.submit("db", lambda: None, lambda _r: self._show_all_now(), key=self._key)
            return
        search = self._search_ids

        def job() -> tuple[str, list[str]]:
            return query, search(query)

        self.runner.submit("db", job, self._on_results, key=self._key)

    def _show_all_now(self) -> None:
        self._show_all()
        self.results_shown.emit("", -1)

    def _on_results(self, result: tuple[str, list[str]]) -> None:
        query, ids = result
        self.active_query = query
        self._show_ids(ids)
        if self._model is not None:
            self._apply(ids)
            self.results_shown.emit(query, self._model.rowCount())
            return
        self.results_shown.emit(query, len(ids))

    # -- the library model: results within the filters, through every refresh --------------
    _model: Any = None
    _applying = False

    def attach_model(self, model: Any) -> None:
        """Show results in ``model`` (a LibraryModel): only the articles its status/category
        filters let through, in the order of relevance; a refresh of the library (after a
        save, a filter change) keeps them and searches again, until the box is cleared."""
        self._model = model
        self._show_all = lambda: self._apply(None)
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(lambda *_args: self._on_model_reset())  # an article saved

    def _apply(self, ids: list[str] | None) -> None:
        self._applying = True
        try:
            self._model.set_ranked(ids)
        finally:
            self._applying = False

    def _on_model_reset(self) -> None:
        # someone else refreshed the list (a save, an import): the search box stays in charge
        if not self._applying and self.active_query and not self._timer.isActive():
            self._timer.start()


def attach_library_search(
    library: LibraryController, search_repository: SearchRepository, runner: TaskRunner
) -> LibrarySearch:
    """Put a search box in the library's filter bar and wire it (one call from app.py).

    ``library`` is the LibraryController (its ``view.filter_bar`` and ``model``);
    ``search_repository`` a :class:`~qk3editor.storage.search.SearchRepository`.
    """
    view = library.view
    model = library.model
    box = SearchBox(view)
    view.filter_bar.insertWidget(0, box, 3)
    repo = search_repository

    def search_ids(query: str) -> list[str]:
        # spiked articles too: the status filter decides (the Trash view searches the trash)
        return [h.article_id for h in repo.search(query, limit=MAX_RESULTS)]

    search = LibrarySearch(box, search_ids, lambda _ids: None, lambda: None, runner, box)
    search.attach_model(model)
    return search
