"""The HTML a publish sends, made by the one shared renderer (``qk3editor.core.render``).

The preview shows :func:`qk3editor.core.render.render_fragment`; a post's content is
:func:`qk3editor.core.render.render_content`, the part of that same fragment under the header
(title and lead travel in their own fields: WordPress ``title``/``excerpt``, ninjs
``headlines``/``descriptions``). The only differences from the preview are the resolver
(photo id → the URL the target gave the uploaded rendition, instead of the local file) and
the article marker comment.

Where the photos go:

* a photo the reporter placed in the body (``![caption](qk3photo:ID)``) stands exactly there,
  as a figure with its figcaption (caption and credit);
* the featured photo (``article_photos.featured``) when it is *not* placed in the body is the
  post's featured image (WordPress ``featured_media``, a ninjs association flagged
  ``featured``; the reference portal shows it above the body, with its caption). When the
  target's portal profile says ``featured=image+figure`` it is also the content's first
  figure; with ``featured=figure`` (WordPress' default: the stock theme shows the featured
  image as a banner without its caption) it is only the content's first figure, and the post
  has no featured image, so the photo and its caption are on the page once;
* any other photo attached to the article but not placed in the body is appended after the
  body, in the article's photo order, as the same figure the renderer makes for a placed one
  (it was attached to be published; dropping it silently would lose it).
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping, Sequence

from qk3editor.core import render
from qk3editor.core.articles import Article
from qk3editor.core.photos import find_photo_placements, photo_snippet
from qk3editor.core.publish_data import MediaRecord, PortalProfile, PublishPhoto, TargetKind
from qk3editor.core.render import PagePlan, PhotoRef, PhotoResolver, RenderInput
from qk3editor.publish import blocks

ARTICLE_MARKER = "qk3editor:article="
BLOCK_MARKER = "qk3Article"  # the article UUID as an attribute of the first block (WordPress)


def render_input(article: Article, body: str | None = None) -> RenderInput:
    """The renderer's view of a stored article (the same fields the editor's preview uses)."""
    return RenderInput(
        title=article.title,
        lead=article.lead,
        body=article.body if body is None else body,
        category=article.category,
        byline=article.byline,
        date=article.publish_at or article.created_at,
    )


def placed_keys(body: str) -> set[str]:
    """The photo ids the reporter placed in the body."""
    return {ref.photo_id for ref in find_photo_placements(body)}


def unplaced_photos(body: str, photos: Sequence[PublishPhoto]) -> list[PublishPhoto]:
    """Photos appended after the body: attached, not placed, not the featured one."""
    placed = placed_keys(body)
    return [p for p in photos if p.key not in placed and not p.featured]


def featured_figure(
    body: str, photos: Sequence[PublishPhoto], profile: PortalProfile | None
) -> PublishPhoto | None:
    """The featured photo shown as the content's first figure (profile ``image+figure``),
    unless the reporter placed it in the body already."""
    if profile is None or not profile.featured_figure:
        return None
    featured = next((p for p in photos if p.featured), None)
    if featured is None or featured.key in placed_keys(body):
        return None
    return featured


def banner_photo(
    photos: Sequence[PublishPhoto], profile: PortalProfile | None
) -> PublishPhoto | None:
    """The photo a portal shows as the post's featured image (WordPress ``featured_media``):
    the featured one, else the first; none when the profile says ``figure``."""
    if profile is not None and not profile.featured_image:
        return None
    return next((p for p in photos if p.featured), None) or next(iter(photos), None)


def page_plan(
    body: str, photos: Sequence[PublishPhoto], kind: TargetKind, profile: PortalProfile
) -> PagePlan:
    """What the target's portal page shows around the body, for the editor's preview: the
    same decisions as :func:`publish_body`, :func:`banner_photo` and the portal's page.

    WordPress' stock theme prints the content (with the lead when the profile puts it
    there) and the featured image as a banner without its caption, never the excerpt. The
    reference portal prints the summary (once) and the featured picture with its caption
    above the body unless the body shows it already."""
    first = featured_figure(body, photos, profile)
    after = tuple(photo_snippet(p.key, p.caption, p.credit) for p in unplaced_photos(body, photos))
    if kind is TargetKind.WORDPRESS:
        banner = banner_photo(photos, profile)
        before = (photo_snippet(first.key, first.caption, first.credit),) if first else ()
        return PagePlan(profile.lead_in_content, banner.key if banner else None, before, after)
    featured = next((p for p in photos if p.featured), None)
    before: tuple[str, ...] = ()
    if featured is not None and featured.key not in placed_keys(body):
        before = (photo_snippet(featured.key, featured.caption, featured.credit),)
    return PagePlan(True, None, before, after)


def publish_body(
    body: str, photos: Sequence[PublishPhoto], profile: PortalProfile | None = None
) -> str:
    """The markdown that is rendered: (the featured figure,) the body, the unplaced photos."""
    extra = [photo_snippet(p.key, p.caption, p.credit) for p in unplaced_photos(body, photos)]
    first = featured_figure(body, photos, profile)
    out = body
    if extra:
        out = body.rstrip("\n") + "\n\n" + "\n\n".join(extra) + "\n"
    if first is not None:
        out = photo_snippet(first.key, first.caption, first.credit) + "\n\n" + out
    return out


def lead_html(lead: str) -> str:
    """The lead as the QK3 portal prints it: the content's bold first paragraph."""
    text = html.escape(lead.strip(), quote=False).replace("\n", "<br>")
    return f"<strong>{text}</strong>"


def media_resolver(
    photos: Sequence[PublishPhoto], media: Mapping[str, MediaRecord]
) -> PhotoResolver:
    """Photo id → the uploaded rendition's remote URL, with the article's caption and credit."""
    by_key = {p.key: p for p in photos}

    def resolve(photo_id: str) -> PhotoRef | None:
        rec = media.get(photo_id)
        if rec is None or not rec.url:
            return None
        photo = by_key.get(photo_id)
        if photo is None:
            return PhotoRef(rec.url)
        return PhotoRef(rec.url, photo.caption, photo.credit)

    return resolve


def article_html(
    article: Article,
    photos: Sequence[PublishPhoto],
    media: Mapping[str, MediaRecord],
    marker: bool = False,
    profile: PortalProfile | None = None,
) -> str:
    """The post's content: the shared renderer's :func:`render_content` with remote photos
    (clean HTML: the ninjs body).

    ``marker`` adds an HTML comment holding the article UUID, by which WordPress' search
    finds the post again after a create whose outcome was unknown.
    """
    source = render_input(article, publish_body(article.body, photos, profile))
    out = render.render_content(source, media_resolver(photos, media))
    if profile is not None and profile.lead_in_content and article.lead.strip():
        out = f'<p class="qk3-lead">{lead_html(article.lead)}</p>\n' + out
    if marker:
        out += f"\n<!-- {ARTICLE_MARKER}{article.id} -->"
    return out


def wordpress_content(
    article: Article,
    photos: Sequence[PublishPhoto],
    media: Mapping[str, MediaRecord],
    images: blocks.ImageLookup,
    profile: PortalProfile,
) -> str:
    """The post's content as WordPress block markup: the same renderer's sanitised HTML
    (:func:`article_html` without the lead), each top-level element wrapped in its block,
    each photo an image block of its attachment (``images``: photo key → size to show)."""
    source = render_input(article, publish_body(article.body, photos, profile))
    fragment = render.render_content(source, media_resolver(photos, media))
    out = blocks.to_blocks(fragment, images)
    if profile.lead_in_content and article.lead.strip():
        out = blocks.paragraph(lead_html(article.lead)) + "\n\n" + out
    return blocks.with_attribute(out, BLOCK_MARKER, article.id)


def has_marker(content: str, article_id: str) -> bool:
    """Whether a post's raw content carries this article's UUID (either marker form)."""
    return (
        f"{ARTICLE_MARKER}{article_id}" in content or f'"{BLOCK_MARKER}":"{article_id}"' in content
    )


def body_html(article: Article) -> str:
    """The content without remote photos (the local side of a conflict, for comparison)."""
    return render.render_content(render_input(article))


def meta_hash(photo: PublishPhoto) -> str:
    data = json.dumps([photo.caption, photo.alt, photo.title, photo.credit], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
