"""The reporter's editor: the foundation's EditorController grown with autosave, session
recovery, live preview, revisions, workflow with who/when, and preflight."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from qk3editor.core.articles import Article, Status
from qk3editor.core.preflight import (
    LEAD_MAX_WORDS,
    Location,
    PhotoInfo,
    PreflightFinding,
    PreflightInput,
    default_text_checker,
    run_preflight,
)
from qk3editor.core.publish_data import PublishPhoto, Target
from qk3editor.core.render import PhotoRef, PhotoResolver, RenderInput
from qk3editor.core.revisions import RetentionPolicy, Revision, RevisionReason
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.editor_import import find_imported_photo
from qk3editor.storage.editor_repository import EditorRepository, SessionEntry
from qk3editor.ui.editor.autosave import Autosaver, CompositionTracker
from qk3editor.ui.editor.controller import EditorController
from qk3editor.ui.editor.fields import RawFields
from qk3editor.ui.editor.preview import PreviewController
from qk3editor.ui.editor.preview_target import PreviewTargetChooser, render_input_of
from qk3editor.ui.editor.workflow import WorkflowActions
from qk3editor.ui.editor.workspace import EditorWorkspace
from qk3editor.ui.errors import describe_error
from qk3editor.ui.operations import Operations
from qk3editor.ui.tasks import TaskRunner

PREFLIGHT_PAUSE_MS = 800
LIBRARY_REFRESH_S = 30.0


PhotoLookup = Callable[[int], Any]  # a photo library's ``get(id)`` (issue 5's PhotoRepository)


def local_photo_resolver(photos_dir: Path, library: PhotoLookup | None = None) -> PhotoResolver:
    """Photos for the preview, as local files: ids in digits from the photo library (its file,
    caption and credit), other tokens from the images imported with an article."""

    def resolve(photo_id: str) -> PhotoRef | None:
        if photo_id.isdigit() and library is not None:
            try:
                photo = library(int(photo_id))
            except Exception:  # not in the library (deleted): the figure says so
                return None
            md = photo.metadata
            return PhotoRef(Path(photo.path).as_uri(), md.description, md.credit, width=560)
        path = find_imported_photo(photos_dir, photo_id)
        return PhotoRef(path.as_uri(), width=560) if path else None

    return resolve


class ArticleEditor(EditorController):
    """See the module docstring. Every store write goes through the ``db`` lane."""

    store_failed = Signal(str)  # translated message; the text stays in the editor
    store_recovered = Signal()
    session_restored = Signal(str)  # article id reopened after a start

    def __init__(
        self,
        workspace: EditorWorkspace,
        articles: ArticleRepository,
        categories: CategoryRepository,
        editor_repo: EditorRepository,
        runner: TaskRunner,
        translator: Any,
        who: Callable[[], str],
        retention_days: Callable[[], int],
        photos_dir: Path | None = None,
        photo_library: PhotoLookup | None = None,
        parent: QObject | None = None,
        lead_max_words: Callable[[], int] | None = None,
        ops: Operations | None = None,
    ) -> None:
        super().__init__(workspace.view, articles, categories, runner, translator, parent, ops)
        self.workspace = workspace
        self.repo = editor_repo
        self.who = who
        self.retention_days = retention_days
        self.lead_max_words = lead_max_words or (lambda: LEAD_MAX_WORDS)
        self.typing_interval = timedelta(minutes=5)
        self.text_checker = default_text_checker()
        resolver = local_photo_resolver(photos_dir, photo_library) if photos_dir else None
        self.photo_resolver = resolver
        # article id -> its featured photo's id (article_photos.featured), read off the GUI thread
        self.featured_photo_of: Callable[[str], str | None] | None = None
        # issue 9, set by the publishing wiring: the first public publication's date of an
        # article (read off the GUI thread, kept until the next publish)
        self.first_published_of: Callable[[str], datetime | None] | None = None
        self._publication_facts: dict[str, datetime | None] = {}
        # issue 9: the preview shows the page of this target's portal (its portal profile);
        # the article's photos as publishing sends them (read off the GUI thread)
        self.preview_target: Target | None = None
        self.page_photos_of: Callable[[str], list[PublishPhoto]] | None = None
        composition = CompositionTracker([self.view.body, self.view.lead], self)
        self.autosaver = Autosaver(runner, self._autosave_job, self, composition=composition)
        self.autosaver.saved.connect(self._on_autosaved)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.recovered.connect(self._on_autosave_recovered)
        self.preview = PreviewController(
            workspace.preview, self.view.body, self.preview_input, runner, parent=self
        )
        if resolver is not None:
            self.preview.resolver = resolver
        self.preview_targets = PreviewTargetChooser(
            workspace.preview_target, self.set_preview_target, self
        )
        self.workflow = WorkflowActions(self)
        self.workflow.move_requested.connect(self.set_status)
        self._preflight_timer = QTimer(self)
        self._preflight_timer.setSingleShot(True)
        self._preflight_timer.setInterval(PREFLIGHT_PAUSE_MS)
        self._preflight_timer.timeout.connect(self.run_preflight)
        self._pending_position: SessionEntry | None = None
        self._field = "body"  # the text field the cursor was last in
        self._library_shown: tuple[object, ...] = ()
        self._library_told_at = 0.0
        self.view.edited.connect(self._on_edited)
        self.view.body.cursorPositionChanged.connect(self._on_cursor_moved)
        workspace.preflight.jump_requested.connect(self.jump_to)
        workspace.history.restore_requested.connect(self.restore_revision)
        self.ops.bus.changed.connect(self._on_bus_changed)

    def _on_bus_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        """The open article moved elsewhere (its status is shown); the preflight reads the
        article's photos, their captions and the settings: check again when one changed."""
        if self.article is None:
            return
        if kind == "article" and self.article.id in ids and not self.announcing_own_save:
            article_id, articles = self.article.id, self.articles
            self.ops.query(
                lambda: articles.get(article_id), self._on_article_changed, key="editor-article"
            )
        elif (
            (kind == "article_photos" and self.article.id in ids)
            or kind == "photo"
            or kind == "settings"
        ):
            self.run_preflight()
            if kind != "settings" and self.preview_target is not None:
                self.preview.schedule()  # the portal's page shows the article's photos

    def _on_article_changed(self, stored: Article) -> None:
        """Show a status the store has and the editor does not (the text stays as typed)."""
        if self.article is None or self.article.id != stored.id:
            return
        if stored.status != self.article.status:
            self.article = replace(self.article, status=stored.status)
            self._show_status(stored)
            self.workflow.update_for(stored.status)

    # -- what the widgets hold ---------------------------------------------------------------
    def _raw(self) -> RawFields:
        """The widgets' text as it is (about a millisecond for a long article): cleaning it
        (NFC, invisible characters) takes ~10 ms for 20,000 words and is done in the jobs."""
        return self.view.raw_fields()

    def forget_publication_facts(self) -> None:
        """After a publish: the preview's date is read again."""
        self._publication_facts.clear()

    def _first_published(self, article_id: str) -> datetime | None:
        if article_id not in self._publication_facts:
            first_of = self.first_published_of
            self._publication_facts[article_id] = first_of(article_id) if first_of else None
        return self._publication_facts[article_id]

    def set_preview_target(self, target: Target | None) -> None:
        """The preview shows the page of ``target``'s portal (None: the QK3 portal's look)."""
        self.preview_target = target
        if self.article is not None:
            self.preview.render_now()

    def preview_input(self) -> Callable[[], RenderInput]:
        """:meth:`render_input` with the page of the selected target's portal."""
        return self.render_input(page=True)

    def render_input(self, page: bool = False) -> Callable[[], RenderInput]:
        """A job (for any lane) that builds the renderer's input from the widgets' text now;
        with ``page``, the selected target's :class:`PagePlan` (lead, featured photo, photos
        not placed in the body) as publishing decides it."""
        raw = self._raw()
        article = self.article
        first_published = self._first_published
        target = self.preview_target if page else None
        photos_of = self.page_photos_of

        def build() -> RenderInput:
            return render_input_of(raw.clean(), article, first_published, target, photos_of)

        return build

    def _focused_field(self) -> tuple[str, QPlainTextEdit]:
        for name in ("body", "lead"):
            w = getattr(self.view, name)
            if w.hasFocus():
                self._field = name
        w = getattr(self.view, self._field, None)
        if not isinstance(w, QPlainTextEdit):
            self._field, w = "body", self.view.body
        return self._field, w

    def position(self) -> SessionEntry | None:
        """Where the cursor is in the open article (field, offset, scroll), or None."""
        if self.article is None:
            return None
        name, w = self._focused_field()
        cursor = w.textCursor().position()
        scroll = self.view.body.verticalScrollBar().value()
        return SessionEntry(self.article.id, True, name, cursor, scroll)

    # -- autosave ----------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self.autosaver.note_edit()
        self.preview.schedule()
        self._preflight_timer.start()

    def _on_cursor_moved(self) -> None:
        if self.article is not None and not self.autosaver.dirty:
            self.autosaver.note_edit()  # the place is part of what a restart brings back

    def _autosave_job(self) -> Callable[[], Any] | None:
        if self.article is None or self.read_only:
            return None
        article_id = self.article.id
        raw = self._raw()
        position = self.position()
        who, interval, repo = self.who(), self.typing_interval, self.repo
        return lambda: repo.autosave(article_id, raw.clean(), position, who, interval)

    def _on_autosaved(self, result: tuple[Article, Revision | None]) -> None:
        article, revision = result
        if self.article and self.article.id == article.id:
            self.article = article
        # The library re-reads a row on ``saved`` (on the GUI thread): tell it only when what it
        # shows changed or a while has passed, not after every autosave of every keystroke.
        shown = (article.id, article.title, article.category, article.byline, article.status)
        now = time.monotonic()
        if shown != self._library_shown or now - self._library_told_at > LIBRARY_REFRESH_S:
            self._library_shown, self._library_told_at = shown, now
            self._on_saved(article)
        if revision is not None and self.article and self.article.id == article.id:
            self.load_history()

    def _on_autosave_failed(self, exc: BaseException) -> None:
        msg = describe_error(exc, self.translator)
        self.workspace.show_banner(msg)
        self.store_failed.emit(msg)

    def _on_autosave_recovered(self) -> None:
        self.workspace.hide_banner()
        self.store_recovered.emit()

    def save(self) -> None:
        """Autosave what is unsaved now (switching article, closing)."""
        self.autosaver.flush()

    def save_revision(self) -> None:
        """The explicit Save: write now and keep a revision; prune by the retention setting."""
        self.save()
        if self.article is None:
            return
        article_id, who = self.article.id, self.who()
        policy = RetentionPolicy(keep_days=self.retention_days())
        repo = self.repo

        def job() -> Revision:
            revision = repo.add_revision(article_id, RevisionReason.SAVE, who)
            repo.prune(article_id, policy)
            return revision

        self.ops.run(
            job,
            changes=[("article", [article_id])],
            on_done=lambda _r: self._after_revision(),
            on_error=self._on_error,
        )

    def _after_revision(self) -> None:
        self.load_history()
        if self.article is not None:
            self.saved.emit(self.article.id)

    # -- opening, session --------------------------------------------------------------------
    def _show(self, article: Article) -> None:
        super()._show(article)
        self.workflow.update_for(article.status)
        self.preview.reset()
        self.preview.render_now()
        self.run_preflight()
        self.load_history()
        position = self._pending_position
        self._pending_position = None
        if position is not None and position.article_id == article.id:
            self._place_cursor(position)
            self.session_restored.emit(article.id)
        entry = self.position()
        if entry is not None:
            self.runner.submit("db", lambda: self.repo.update_position(entry), None, None)

    def _place_cursor(self, p: SessionEntry) -> None:
        w = getattr(self.view, p.field, None)
        if not isinstance(w, QPlainTextEdit):
            w = self.view.body
        self._field = "lead" if w is self.view.lead else "body"
        cursor = w.textCursor()
        cursor.setPosition(min(p.cursor, len(w.toPlainText())))
        w.setTextCursor(cursor)
        w.setFocus()
        if p.field == "body":
            self.view.body.verticalScrollBar().setValue(p.scroll)
        w.ensureCursorVisible()

    def restore_session(self) -> None:
        """Reopen what was open at the last run, where it was."""
        self.runner.submit("db", self.repo.load_session, self._on_session_loaded, self._on_error)

    def _on_session_loaded(self, entries: list[SessionEntry]) -> None:
        active = next((e for e in entries if e.active), entries[-1] if entries else None)
        if active is None:
            self.session_restored.emit("")
            return
        self._pending_position = active
        self.open(active.article_id)

    # -- preflight and history ---------------------------------------------------------------
    def run_preflight(self) -> None:
        self._preflight_timer.stop()
        if self.article is None:
            self.workspace.preflight.set_findings([])
            return
        raw = self._raw()
        checker = self.text_checker
        resolver = self.photo_resolver
        lead_limit = self.lead_max_words()
        featured_of = self.featured_photo_of
        article_id = self.article.id

        def photos(photo_id: str) -> PhotoInfo | None:
            ref = resolver(photo_id) if resolver else None
            return PhotoInfo(ref.caption, ref.credit) if ref else None

        def job() -> list[PreflightFinding]:
            f = raw.clean()
            featured = featured_of(article_id) if featured_of is not None else None
            data = PreflightInput(
                f.title or "", f.lead or "", f.body or "", featured, lead_max_words=lead_limit
            )
            return run_preflight(data, photos if resolver else None, text_checker=checker)

        self.runner.submit(
            "io",
            job,
            self._on_preflight,
            key="preflight",
        )

    def _on_preflight(self, findings: list[PreflightFinding]) -> None:
        self.workspace.preflight.set_findings(findings)

    def jump_to(self, location: Location) -> None:
        """Put the cursor where a preflight item points."""
        target: QWidget | None = getattr(self.view, location.field, None)
        if isinstance(target, QPlainTextEdit):
            block = target.document().findBlockByNumber(location.line)
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, location.column
            )
            if location.length:
                cursor.movePosition(
                    QTextCursor.MoveOperation.Right,
                    QTextCursor.MoveMode.KeepAnchor,
                    location.length,
                )
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        if target is not None:
            target.setFocus()

    def load_history(self) -> None:
        if self.article is None:
            self.workspace.history.set_revisions([])
            return
        article_id = self.article.id
        self.runner.submit(
            "db",
            lambda: self.repo.revisions(article_id),
            self.workspace.history.set_revisions,
            self._on_error,
            key="history",
        )

    def restore_revision(self, revision_id: int) -> None:
        if self.article is None:
            return
        self.save()
        article_id, who, repo = self.article.id, self.who(), self.repo
        self.ops.run(
            lambda: repo.restore(article_id, revision_id, who)[0],
            changes=[("article", [article_id])],
            on_done=self._on_restored,
            on_error=self._on_error,
        )

    def _on_restored(self, article: Article) -> None:
        self.article = None  # show it afresh
        self._show(article)
        self.saved.emit(article.id)

    # -- workflow ----------------------------------------------------------------------------
    def set_status(self, target: Status) -> None:
        who = self.who()
        self._set_status(lambda i: self.repo.change_status(i, target, who))

    def spike(self) -> None:
        who = self.who()
        self._set_status(lambda i: self.repo.change_status(i, Status.SPIKED, who))

    def restore(self) -> None:
        who = self.who()
        self._set_status(lambda i: self.repo.unspike(i, who))

    def _on_status_set(self, article: Article) -> None:
        super()._on_status_set(article)
        self.workflow.update_for(article.status)
        self.load_history()
