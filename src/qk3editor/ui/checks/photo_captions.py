"""The captions of an article's photos as fields of the tone dialog (issue 11).

A photo's caption in the article is its own caption when the article set one (kept in the
store's ``article_photos``), else the file's caption (IPTC description; for a HEIC file kept
only in the store). A change goes back where the caption came from, through the one
operation path: the article's own caption by ``set_caption`` on the ``db`` lane; the file's
caption as the photo desk writes captions (the file on the ``io`` lane, then the store records
what the file holds; a HEIC caption stays in the store).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from qk3editor.core.errors import record_message
from qk3editor.core.photos import ArticlePhoto, Photo
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import (
    CaptionLine,
    CaptionWrite,
    PhotoRepo,
    record_captions,
    write_captions,
)
from qk3editor.photos.errors import HeicCaptionNotWritten
from qk3editor.ui.operations import Operations

PREFIX = "photo:"


class CaptionRepo(PhotoRepo, Protocol):
    def set_caption(self, article_id: str, photo_id: int, caption: str | None) -> ArticlePhoto: ...


@dataclass(frozen=True)
class CaptionField:
    key: str  # "photo:<id>"
    label: str  # shown in the dialog's Field column
    text: str
    photo: Photo
    own: bool  # the article's own caption (else the file's)


def literal(text: str) -> str:
    """``text`` as a batch value that is written as it is (braces are no template)."""
    return text.replace("{", "{{").replace("}", "}}")


class ArticleCaptions:
    """The tone dialog's view of the current article's photo captions."""

    def __init__(
        self, repo: CaptionRepo, ops: Operations, article_id: Callable[[], str | None]
    ) -> None:
        self.repo = repo
        self.ops = ops
        self._article_id = article_id
        self.fields: dict[str, CaptionField] = {}

    def load(self) -> dict[str, CaptionField]:
        """The captions of the article's photos (a read; nothing is written)."""
        article_id = self._article_id()
        self.fields = {}
        if not article_id:
            return self.fields
        for n, ap in enumerate(self.repo.article_photos(article_id), 1):
            if not ap.caption:
                continue
            label = QCoreApplication.translate("ToneStyleDialog", "Caption of photo %1 (%2)")
            label = label.replace("%1", str(n)).replace("%2", Path(ap.photo.path).name)
            key = f"{PREFIX}{ap.photo.id}"
            own = ap.caption_override is not None
            self.fields[key] = CaptionField(key, label, ap.caption, ap.photo, own)
        return self.fields

    def apply(self, texts: Mapping[str, str], on_done: Callable[[], None] | None = None) -> None:
        """Write the changed captions ``texts`` (by field key) back where each came from."""
        article_id = self._article_id()
        fields = [(self.fields[k], t) for k, t in texts.items() if k in self.fields]
        if not article_id or not fields:
            return
        own = [(f.photo.id, t) for f, t in fields if f.own]
        files = [(f.photo, t) for f, t in fields if not f.own]
        repo, ops = self.repo, self.ops
        pools = ops.runner.pools

        def set_own() -> None:  # db lane
            for photo_id, text in own:
                repo.set_caption(article_id, photo_id, text)

        def write_files() -> list[CaptionWrite]:  # io lane: only the files
            out: list[CaptionWrite] = []
            for photo, text in files:
                edit = BatchEdit(values={"description": literal(text)})
                out.extend(write_captions([photo], edit, pools=pools))
            return out

        def record(writes: list[CaptionWrite]) -> None:
            ids = [w.line.photo_id for w in writes]
            ops.run(
                lambda: record_captions(repo, writes),
                changes=[("photo", ids), ("article_photos", [article_id])],
                on_done=done,
            )

        def done(lines: list[CaptionLine]) -> None:
            # a HEIC caption kept in the store is the expected outcome, not a failure
            failed = [x for x in lines if not x.ok and x.code != HeicCaptionNotWritten.code]
            if failed:
                ops.failed.emit("\n".join(record_message(x.error, ops.translator) for x in failed))
            if on_done:
                on_done()

        if own:
            ops.run(set_own, changes=[("article_photos", [article_id])])
        if files:
            ops.runner.submit("io", write_files, on_done=record, on_error=ops.report)
        elif on_done:
            on_done()
