"""Which portal the preview shows (issue 9): a chooser above the editor's preview.

The preview prints the article as the selected target's portal prints it, by that target's
portal profile (:func:`qk3editor.publish.content.page_plan`, the decision publishing makes):
the lead as a bold first paragraph or not at all (excerpt only), the featured photo as the
first captioned figure and/or as the theme's banner, photos not placed in the body after it.
The publish dialog starts on the same target. With no target the preview keeps the QK3
portal's look (lead in bold, photos where the reporter placed them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from qk3editor.core.articles import Article, ArticleFields, utcnow
from qk3editor.core.publish_data import PublishPhoto, PublishStatus, Target, publication_date
from qk3editor.core.render import PagePlan, RenderInput
from qk3editor.ui.operations import ChangeBus


def render_input_of(
    f: ArticleFields,
    article: Article | None,
    first_published: Callable[[str], datetime | None],
    target: Target | None,
    photos_of: Callable[[str], list[PublishPhoto]] | None,
) -> RenderInput:
    """The renderer's input for the editor's (cleaned) fields: the date by the one date rule,
    as every target uses it, and with ``target`` its portal's :class:`PagePlan` as publishing
    decides it (runs in the render job, off the GUI thread)."""
    body = f.body or ""
    date = None
    if article is not None:
        # the one date rule (core.publish_data.publication_date), as every target uses
        first = first_published(article.id)
        now = utcnow()
        wished = article.publish_at
        scheduled = wished if wished is not None and wished > now else None
        status = PublishStatus.FUTURE if scheduled else PublishStatus.PUBLISH
        date = publication_date(status, scheduled, first, now)
    plan = PagePlan()
    if target is not None and article is not None and photos_of is not None:
        from qk3editor.publish.content import page_plan  # the one publishing decision

        plan = page_plan(body, photos_of(article.id), target.kind, target.profile)
    return RenderInput(
        f.title or "", f.lead or "", body, f.category or None, f.byline or "", date, plan
    )


class PreviewTargetBar(QWidget):
    """ "Preview as: [target]" (hidden while there is no target)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewTargetBar")
        self.combo = QComboBox(self)
        self.combo.setObjectName("previewTarget")
        self.combo.setToolTip(
            self.tr("The preview shows the article as this target's portal prints it")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(QLabel(self.tr("Preview as"), self))
        layout.addWidget(self.combo, 1)
        self.hide()


class PreviewTargetChooser(QObject):
    """Keeps the bar's list in step with the stored targets and tells the editor which one
    is chosen (``choose(target or None)``)."""

    def __init__(
        self,
        bar: PreviewTargetBar,
        choose: Callable[[Target | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.choose = choose
        self.targets: dict[str, Target] = {}
        self._read: Callable[[], None] | None = None
        bar.combo.currentIndexChanged.connect(self._chosen)

    def follow(self, bus: ChangeBus, read: Callable[[], None]) -> None:
        """Read the targets again (``read``, which ends in :meth:`set_targets`) whenever one
        is added, edited or removed, and now."""
        self._read = read
        bus.changed.connect(self._on_bus_changed)
        read()

    def _on_bus_changed(self, kind: str, _ids: object) -> None:
        if kind == "target" and self._read is not None:
            self._read()

    def current(self) -> Target | None:
        return self.targets.get(str(self.bar.combo.currentData()))

    def set_targets(self, targets: list[Target]) -> None:
        """The stored targets (read on the db lane); the choice stays when it still exists."""
        combo = self.bar.combo
        keep = combo.currentData()
        self.targets = {t.name: t for t in targets}
        combo.blockSignals(True)
        combo.clear()
        for t in targets:
            combo.addItem(t.name, t.name)
        found = combo.findData(keep)
        combo.setCurrentIndex(found if found >= 0 else (0 if targets else -1))
        combo.blockSignals(False)
        self.bar.setVisible(bool(targets))
        self.choose(self.current())

    def select(self, name: str) -> None:
        """Follow a target chosen elsewhere (the publish dialog)."""
        index = self.bar.combo.findData(name)
        if index >= 0:
            self.bar.combo.setCurrentIndex(index)

    def _chosen(self, _index: int) -> None:
        self.choose(self.current())
