"""``photos feature|place|detach``: an article's photos (article ids by any unique prefix).
Registered by :mod:`qk3editor.commands.photos` under ``photos``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from qk3editor.commands.output import write_text
from qk3editor.core.errors import PhotoIdNotFound
from qk3editor.core.i18n import translate
from qk3editor.core.photos import ArticlePhoto

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.storage.photos_repository import PhotoRepository


def register(psub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = psub.add_parser("feature", help=translate("cli", "make a photo the article's featured one"))
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("photo", type=int, metavar="PHOTO")
    p.set_defaults(handler=run_feature)

    p = psub.add_parser("place", help=translate("cli", "place a photo in an article's body"))
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("photo", type=int, metavar="PHOTO")
    p.add_argument(
        "--after",
        type=int,
        metavar="N",
        help=translate("cli", "after paragraph N (0: first; default: at the end)"),
    )
    p.add_argument("--caption", help=translate("cli", "the caption in this article"))
    p.set_defaults(handler=run_place)

    p = psub.add_parser("detach", help=translate("cli", "take a photo out of an article"))
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("photo", type=int, metavar="PHOTO")
    p.set_defaults(handler=run_detach)


def _attached(repo: PhotoRepository, article_id: str, photo_id: int) -> list[ArticlePhoto]:
    """The article's photos, with ``photo_id`` attached (at the end) if it was not."""
    repo.get(photo_id)  # an unknown photo fails before anything changes
    photos = repo.article_photos(article_id)
    if all(ap.photo.id != photo_id for ap in photos):
        photos = repo.attach(article_id, [photo_id])
    return photos


def _print_photos(photos: list[ArticlePhoto]) -> None:
    featured = translate("cli", "featured")
    for ap in photos:
        mark = featured if ap.featured else ""
        write_text(f"#{ap.photo.id}\t{mark}\t{ap.caption.replace(chr(10), ' ')[:60]}\n")


def run_feature(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.photos
    article_id = ctx.articles.resolve_id(args.article)
    _attached(repo, article_id, args.photo)
    _print_photos(repo.set_featured(article_id, args.photo))
    return 0


def run_place(args: argparse.Namespace, ctx: AppContext) -> int:
    """Attach the photo if needed and put it in the body as a paragraph of its own (moved there
    if it was placed elsewhere)."""
    from qk3editor.core.articles import ArticleFields
    from qk3editor.core.body_photos import place_photo, remove_photo
    from qk3editor.core.photos import photo_snippet

    repo = ctx.photos
    article_id = ctx.articles.resolve_id(args.article)
    _attached(repo, article_id, args.photo)
    if args.caption is not None:
        repo.set_caption(article_id, args.photo, args.caption)
    ap = next(a for a in repo.article_photos(article_id) if a.photo.id == args.photo)
    article = ctx.articles.get(article_id)
    body = place_photo(
        remove_photo(article.body, args.photo),
        photo_snippet(args.photo, ap.caption, ap.credit),
        args.after,
    )
    ctx.articles.update(article_id, ArticleFields(body=body))
    _print_photos(repo.article_photos(article_id))
    return 0


def run_detach(args: argparse.Namespace, ctx: AppContext) -> int:
    """The photo leaves the article: its list and every place in the body (the file stays)."""
    from qk3editor.core.articles import ArticleFields
    from qk3editor.core.body_photos import remove_photo

    repo = ctx.photos
    article_id = ctx.articles.resolve_id(args.article)
    repo.get(args.photo)
    photos = repo.article_photos(article_id)
    article = ctx.articles.get(article_id)
    body = remove_photo(article.body, args.photo)
    if all(ap.photo.id != args.photo for ap in photos) and body == article.body:
        raise PhotoIdNotFound(id=args.photo)
    if body != article.body:
        ctx.articles.update(article_id, ArticleFields(body=body))
    _print_photos(repo.detach(article_id, args.photo))
    return 0
