"""The article editor: loads an article into the view and saves edits through the db lane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qk3editor.core.articles import STATUS_LABELS, Article, ArticleFields
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import Translator
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.ui.editor.view import ArticleEditorView
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
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.articles = articles
        self.categories = categories
        self.runner = runner
        self.translator = translator
        self.article: Article | None = None
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
        self.runner.submit(
            "db", lambda: self.articles.create(self.new_fields()), self._show, self._on_error
        )

    def open(self, article_id: str) -> None:
        if self.article and self.article.id == article_id:
            return
        self.save()
        self.runner.submit("db", lambda: self.articles.get(article_id), self._show, self._on_error)

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
        self.saved.emit(article.id)

    # -- workflow (``ArticleEditor`` gives the moves, with who made them) ---------------------
    def _set_status(self, op: object) -> None:
        if self.article is None:
            return
        self.save()
        article_id = self.article.id
        self.runner.submit("db", lambda: op(article_id), self._on_status_set, self._on_error)  # type: ignore[operator]

    def _on_status_set(self, article: Article) -> None:
        if self.article and self.article.id == article.id:
            self.article = article
            self._show_status(article)
        self.status_changed.emit(article.id)
        self.saved.emit(article.id)

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, QkError):
            self.error.emit(exc.message(self.translator))
        else:
            self.error.emit(
                QCoreApplication.translate("EditorController", "Unexpected error: {0}").format(
                    type(exc).__name__
                )
            )
