"""The library: keeps the model's query in step with the filters; opens articles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qk3editor.core.articles import STATUS_LABELS, ArticleQuery, Status
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.ui.library.model import LibraryModel
from qk3editor.ui.library.view import LibraryView

ALL = "__all__"
SPIKED_VIEW = "__trash__"
CHANGED = "__changed_since_published__"


class LibraryController(QObject):
    open_requested = Signal(str)

    def __init__(
        self,
        view: LibraryView,
        articles: ArticleRepository,
        categories: CategoryRepository,
        parent: QObject | None = None,
        model: LibraryModel | None = None,
        runner: object | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.articles = articles
        self.categories = categories
        self._fill_filters()
        if model is None:
            self.model = LibraryModel(articles.pages(), self)
            view.set_model(self.model)
            view.configure_columns()
            view.sort_as_remembered(None)
            self.model.refresh()
        else:  # the quick start-up model already on screen: the full store takes it over
            self.model = model
            model.set_source(articles.pages())
        view.enable_sorting()  # after the first frame (it reads Qt.SortOrder)
        if runner is not None:  # a long list's anchors for deep jumps, off the GUI thread
            self.model.use_runner(runner)
        view.filters_changed.connect(self._on_view_filters_changed)
        view.article_activated.connect(self.open_requested)

    def _fill_filters(self) -> None:
        translate = QCoreApplication.translate
        sf = self.view.status_filter
        sf.blockSignals(True)
        sf.addItem(translate("LibraryController", "All (not spiked)"), ALL)
        for status in Status:
            if status is not Status.SPIKED:
                sf.addItem(translate("status", STATUS_LABELS[status]), status.value)
        sf.addItem(translate("LibraryController", "Changed since publishing"), CHANGED)
        sf.addItem(translate("LibraryController", "Trash (spiked)"), Status.SPIKED.value)
        sf.blockSignals(False)
        self.reload_categories()

    def reload_categories(self) -> None:
        cf = self.view.category_filter
        current = cf.currentData()
        cf.blockSignals(True)
        cf.clear()
        cf.addItem(QCoreApplication.translate("LibraryController", "All categories"), ALL)
        for c in self.categories.list():
            cf.addItem(c.name, c.id)
        idx = cf.findData(current)
        cf.setCurrentIndex(max(idx, 0))
        cf.blockSignals(False)

    def current_query(self) -> ArticleQuery:
        status = self.view.status_filter.currentData()
        category = self.view.category_filter.currentData()
        base = self.model.query
        return ArticleQuery(
            status=None if status in (None, ALL, CHANGED) else Status(status),
            changed_since_published=status == CHANGED,
            category_id=None if category in (None, ALL) else int(category),
            order_by=base.order_by,
            descending=base.descending,
        )

    def _on_view_filters_changed(self) -> None:
        self.model.set_query(self.current_query())

    def refresh(self, select_id: str | None = None) -> None:
        self.model.refresh()
        if select_id:
            self.view.select_article(self.model.row_of(select_id))

    def on_changed(self, kind: str, ids: tuple[object, ...], remote: bool = False) -> None:
        """The change bus: articles written anywhere in the app (a save, a move, an import).

        A listed row is read again; a new article, or one whose new status the list's filter
        no longer shows (spiked, restored, moved on), refreshes the list. ``remote``: another
        process wrote it (live updates): a new article is listed but not selected.
        """
        if kind != "article":
            return
        # one refresh for the whole batch (an import or a remote batch of N articles would
        # otherwise count and reset the list N times); a local new article is selected
        refresh, select = False, None
        for article_id in ids:
            assert isinstance(article_id, str)
            if self.model.loaded_row(article_id) < 0:  # not on a page read: a new article
                refresh = True
                select = select if remote else article_id
                continue
            self.model.invalidate(article_id)
            row = self.model.row_for(article_id)
            if row is not None and not _shows_status(self.model.query, row.status):
                refresh = True
        if refresh:
            self.refresh(select_id=select)

    def article_saved(self, article_id: str) -> None:
        """A row on a page the model read is read again in place; any other article (a new
        one, or one off the pages read) refreshes the list, which selects it."""
        if self.model.loaded_row(article_id) < 0:
            self.refresh(select_id=article_id)
        else:
            self.model.invalidate(article_id)


def _shows_status(query: ArticleQuery, status: Status) -> bool:
    """Whether a list filtered by ``query`` shows an article with ``status``."""
    if query.status is not None:
        return status is query.status
    return query.include_spiked or status is not Status.SPIKED
