"""The HTML a publish sends: the article body from the shared renderer plus the figures.

The shared renderer (issue 4, ``qk3editor.core.render``) is reached through
:func:`body_html` only; until it is there a small stand-in (markdown + nh3) does the job.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qk3editor.core.articles import Article
from qk3editor.core.publishing import PublishPhoto

ARTICLE_MARKER = "qk3editor:article="


@dataclass(frozen=True)
class Figure:
    photo: PublishPhoto
    url: str


def body_html(markdown_text: str) -> str:
    """Portal HTML of the article body (the one shared renderer when it exists)."""
    try:
        from qk3editor.core import render as shared  # issue 4
    except ImportError:
        shared = None
    fn = getattr(shared, "render_body_html", None) or getattr(shared, "render_html", None)
    if fn is not None:
        try:
            return str(fn(markdown_text))
        except TypeError:
            pass
    return _standin_body_html(markdown_text)


def _standin_body_html(markdown_text: str) -> str:
    import markdown
    import nh3

    raw = markdown.markdown(markdown_text, extensions=["extra"], output_format="html")
    return nh3.clean(raw)


def figure_html(fig: Figure) -> str:
    p = fig.photo
    alt = html.escape(p.alt or p.caption, quote=True)
    caption = html.escape(p.caption)
    credit = f' <span class="credit">{html.escape(p.credit)}</span>' if p.credit else ""
    return (
        f'<figure class="qk3-photo"><img src="{html.escape(fig.url, quote=True)}" alt="{alt}">'
        f"<figcaption>{caption}{credit}</figcaption></figure>"
    )


def article_html(article: Article, figures: Sequence[Figure], marker: bool = False) -> str:
    """Body then figures (non-featured first in order), then the byline.

    ``marker`` adds an HTML comment holding the article UUID, by which WordPress' search
    finds the post again after a create whose outcome was unknown.
    """
    parts = [body_html(article.body)]
    parts.extend(figure_html(f) for f in figures)
    if article.byline:
        parts.append(
            f'<p class="byline" style="text-align:right"><strong>'
            f"{html.escape(article.byline)}</strong></p>"
        )
    if marker:
        parts.append(f"<!-- {ARTICLE_MARKER}{article.id} -->")
    return "\n".join(parts)


def meta_hash(photo: PublishPhoto) -> str:
    data = json.dumps([photo.caption, photo.alt, photo.title, photo.credit], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def media_urls_in_order(photos: Sequence[PublishPhoto], urls: Mapping[str, str]) -> list[Figure]:
    return [Figure(p, urls[p.key]) for p in photos if p.key in urls]
