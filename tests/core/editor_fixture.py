"""The portal's fixture article as an editor article (shared by the render/preflight tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from qk3editor.core.render import PhotoRef, RenderInput

# A copy of ../shared/fixtures/qk3-article-2018-10-21.txt, so that a fresh clone has it.
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "qk3-article-2018-10-21.txt"


def fixture_text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def fixture_article() -> RenderInput:
    """Title, lead, body, photo and byline cut from the scraped portal page."""
    paras = [p.strip() for p in fixture_text().split("\n") if p.strip()]
    title = paras[4]
    lead = paras[5].replace("phctttdvvqk20177", "")
    caption = paras[7]
    body_paras = paras[8:-1]
    body = f"![{caption}](qk3photo:phctttdvvqk20177)\n\n" + "\n\n".join(body_paras) + "\n"
    return RenderInput(
        title=title,
        lead=lead,
        body=body,
        category="Tin tức - Sự kiện",
        byline=paras[-1],
        date=datetime(2018, 10, 21, 2, 30, tzinfo=UTC),
    )


def remote_resolver(photo_id: str) -> PhotoRef | None:
    return PhotoRef(f"https://qk3.example.vn/media/{photo_id}.jpg", "", "Đức Việt")
