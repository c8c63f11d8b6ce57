"""The article editor: loads an article into the view and saves edits through the db lane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qk3editor.core.articles import STATUS_LABELS, Article, ArticleFields
from qk3editor.core.i18n import Translator
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.ui.editor.view import ArticleEditorView
from qk3editor.ui.errors import describe_error
from qk3editor.ui.operations import ChangeBus, Operations
from qk3editor.ui.tasks import TaskRunner


class EditorController(QObject):
    """One open article at a time. Saves are serialised on the runner's ``db`` lane."""

    saved = Signal(str)  # article id
    opened = Signal(str)
    closed = Signal()
    status_changed = Signal(str)
    error = Signal(str)  # a translated message for the status bar / a dialog

    def __init__(
        self,
        view: ArticleEditorView,
        articles: ArticleRepository,
        categories: CategoryRepository,
        runner: TaskRunner,
        translator: Translator,
        parent: QObject | None = None,
        ops: Operations | None = None,
    ) -> None:
        """``ops``: the app's operations (app.build_gui); an editor built alone gets its own."""
        super().__init__(parent)
        self.view = view
        self.articles = articles
        self.categories = categories
        self.runner = runner
        self.translator = translator
        self.ops = ops if ops is not None else Operations(runner, ChangeBus(self), translator, self)
        self.article: Article | None = None
        self.announcing_own_save = False
        # issue 16: another editor holds the open article (ui/editor/lease.py): shown, not saved
        self.read_only = False
        # the fields a new article starts with (the preferences' byline, set by the wiring)
        self.new_fields: Callable[[], ArticleFields] = ArticleFields
        view.setEnabled(False)
        self.reload_categories()

    # -- lifecycle -------------------------------------------------------------------------
    def reload_categories(self) -> None:
        self.view.set_categories([c.name for c in self.categories.list()])

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article else None

    def new_article(self) -> None:
        """Create an empty draft in the store at once (nothing typed is ever unsaved)."""
        self.save()
        articles, new_fields = self.articles, self.new_fields
        self.ops.run(
            lambda: articles.create(new_fields()),
            changes=lambda article: [("article", [article.id])],
            on_done=self._show,
            on_error=self._on_error,
        )

    def open(self, article_id: str) -> None:
        if self.article and self.article.id == article_id:
            return
        self.save()
        articles = self.articles
        self.ops.query(lambda: articles.get(article_id), self._show, self._on_error)

    def _show(self, article: Article) -> None:
        self.article = article
        self.view.show_fields(
            article.title,
            article.lead,
            article.category or "",
            article.byline,
            ", ".join(article.tags),
            article.body,
        )
        self._show_status(article)
        self.view.setEnabled(True)
        self.view.empty_hint.hide()
        self.view.title.setFocus()
        self.opened.emit(article.id)

    def _show_status(self, article: Article) -> None:
        label = QCoreApplication.translate("status", STATUS_LABELS[article.status])
        self.view.status_label.setText(label)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        """Write what is unsaved before switching article or status (``ArticleEditor``
        autosaves: it flushes here)."""

    def _on_saved(self, article: Article) -> None:
        if self.article and self.article.id == article.id:
            self.article = article
            self._show_status(article)
        self.announcing_own_save = True  # what this editor shows is what was saved
        try:
            self.ops.bus.announce("article", [article.id])  # the library and others follow
        finally:
            self.announcing_own_save = False
        self.saved.emit(article.id)

    # -- workflow (``ArticleEditor`` gives the moves, with who made them) ---------------------
    def _set_status(self, op: Callable[[str], Article]) -> None:
        if self.article is None:
            return
        self.save()
        article_id = self.article.id
        self.ops.run(
            lambda: op(article_id),
            changes=[("article", [article_id])],
            on_done=self._on_status_set,
            on_error=self._on_error,
        )

    def _on_status_set(self, article: Article) -> None:
        if self.article and self.article.id == article.id:
            self.article = article
            self._show_status(article)
        self.status_changed.emit(article.id)
        self.saved.emit(article.id)

    def _on_error(self, exc: BaseException) -> None:
        self.error.emit(describe_error(exc, self.translator))
