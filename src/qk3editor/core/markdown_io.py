"""Markdown files with optional YAML front matter: the import and export format.

Front matter keys: ``title, lead, category, byline, tags, date``. Without front matter the first
``# heading`` is the title. Export writes the keys in that order, so import → export →
import → export gives byte-identical files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from qk3editor.core import budgets
from qk3editor.core.articles import Article, ArticleFields
from qk3editor.core.errors import ImportFormatError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.timezones import VN_TZ, from_local_naive, to_local, typed_to_utc

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_H1 = re.compile(r"\A\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|\Z)")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_BAD_DATE = QT_TRANSLATE_NOOP("errors", "{path}: cannot read the date {value!r}")


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no BOM / zero-width space / soft hyphen, and the Vietnamese repairs
    NFC cannot do (tone typed before ˆ/˘, ETH → Đ): :func:`core.vietnamese.normalize`."""
    from qk3editor.core.vietnamese.normalize import clean_paste

    return clean_paste(text)


def decode_bytes(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("errors", "{path} is not UTF-8 text"), path=path
        ) from None


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


@lru_cache(maxsize=1)
def _no_alias_loader() -> type:
    import yaml  # lazily: not needed to show the first window

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader that refuses anchors and aliases before composing anything (an alias
        bomb of a few hundred bytes expands into gigabytes)."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            loader: Any = self  # PyYAML's composer is untyped
            event: Any = loader.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _AliasFound(int(event.start_mark.line) + 1)
            return super().compose_node(parent, index)

    return NoAliasLoader


def load_yaml(text: str, path: str = "", first_line: int = 1, front_matter: bool = True) -> object:
    """``text`` read as YAML the safe way: no Python objects, no anchors or aliases; front
    matter at most ``budgets.MAX_FRONT_MATTER_BYTES``. Raises ``yaml.YAMLError`` for bad YAML
    and :class:`~qk3editor.core.budgets.YamlAliasRefused` /
    :class:`~qk3editor.core.budgets.FrontMatterTooLarge` over budget."""
    import yaml

    size = len(text.encode("utf-8", "surrogatepass"))
    if front_matter and size > budgets.MAX_FRONT_MATTER_BYTES:
        raise budgets.FrontMatterTooLarge(
            path=path,
            size=budgets.human_size(size),
            limit=budgets.human_size(budgets.MAX_FRONT_MATTER_BYTES),
            size_bytes=size,
            limit_bytes=budgets.MAX_FRONT_MATTER_BYTES,
        )
    try:
        return yaml.load(text, Loader=_no_alias_loader())
    except _AliasFound as found:
        raise budgets.YamlAliasRefused(path=path, line=found.line + first_line - 1) from None


def parse_markdown(text: str, path: str = "", fallback_title: str = "") -> ArticleFields:
    """The article fields of a markdown document (front matter optional).

    Over budget (``core.budgets``: article length, front matter size, YAML aliases) it raises
    the budget's error before anything else is done with the text."""
    if len(text) > budgets.MAX_ARTICLE_CHARS + budgets.MAX_FRONT_MATTER_BYTES:
        budgets.check_article_text(text)  # refused before cleaning megabytes
    text = clean_text(text)
    meta: dict[str, object] = {}
    m = _FRONT.match(text)
    if m:
        import yaml  # lazily: not needed to show the first window

        try:
            loaded: object = load_yaml(m.group(1), path, first_line=2) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ImportFormatError(
                QT_TRANSLATE_NOOP(
                    "errors", "{path}: the front matter is not valid YAML (line {line})"
                ),
                path=path,
                line=(mark.line + 2) if mark is not None else "?",
            ) from None
        if not isinstance(loaded, dict):
            raise ImportFormatError(
                QT_TRANSLATE_NOOP("errors", "{path}: the front matter must be 'key: value' lines"),
                path=path,
            )
        # YAML keys may be numbers or dates too: each is made text below.
        meta = {str(k).lower(): v for k, v in cast(dict[object, object], loaded).items()}
        body = text[m.end() :]
    else:
        body = text
    title = _str(meta.get("title"))
    if not title:
        h1 = _H1.match(body)
        if h1:
            title = h1.group(1).strip()
            body = body[h1.end() :]
        else:
            title = fallback_title
    tags_raw = meta.get("tags") or ()
    if isinstance(tags_raw, str):
        tags_raw = [t for t in re.split(r"[,;]", tags_raw)]
    if not isinstance(tags_raw, list | tuple):
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("errors", "{path}: tags must be a list"), path=path
        )
    tags = tuple(_str(t) for t in cast(Sequence[object], tags_raw) if _str(t))
    publish_at = parse_date(meta.get("date"), path)
    budgets.check_article_text(title, _str(meta.get("lead")), body)
    return ArticleFields(
        title=clean_text(title).strip(),
        lead=_str(meta.get("lead")),
        body=body.strip("\n") + "\n" if body.strip() else "",
        category=_str(meta.get("category")) or None,
        byline=_str(meta.get("byline")),
        tags=tags,
        publish_at=publish_at,
    )


def parse_date(value: object, path: str = "") -> datetime | None:
    """A front-matter date: ISO date/time (naive means Vietnam time) or dd/mm/yyyy."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return typed_to_utc(value)
    if isinstance(value, date):
        return from_local_naive(datetime(value.year, value.month, value.day))
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = _DMY.search(text)
        if not m:
            raise ImportFormatError(_BAD_DATE, path=path, value=text) from None
        day, month, year = (int(g) for g in m.groups())
        try:
            parsed = datetime(year, month, day)
        except ValueError:
            raise ImportFormatError(_BAD_DATE, path=path, value=text) from None
    return typed_to_utc(parsed)


def _str(value: object) -> str:
    if value is None:
        return ""
    return clean_text(str(value)).strip()


def export_markdown(article: Article) -> str:
    """The article as markdown with front matter (the inverse of :func:`parse_markdown`)."""
    meta: dict[str, object] = {"title": article.title}
    if article.lead:
        meta["lead"] = article.lead
    if article.category:
        meta["category"] = article.category
    if article.byline:
        meta["byline"] = article.byline
    if article.tags:
        meta["tags"] = list(article.tags)
    if article.publish_at:
        meta["date"] = to_local(article.publish_at).isoformat()
    import yaml

    front = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    body = article.body.strip("\n")
    return f"---\n{front}---\n\n{body}\n" if body else f"---\n{front}---\n"


def os_error_text(exc: OSError) -> str:
    """A file-system error in the user's language (by errno, never the English text)."""
    import errno

    from qk3editor.core.i18n import translate

    texts = {
        errno.ENOENT: QT_TRANSLATE_NOOP("errors", "the file does not exist"),
        errno.EACCES: QT_TRANSLATE_NOOP("errors", "permission denied"),
        errno.EPERM: QT_TRANSLATE_NOOP("errors", "permission denied"),
        errno.ENOSPC: QT_TRANSLATE_NOOP("errors", "the disk is full"),
        errno.EROFS: QT_TRANSLATE_NOOP("errors", "the disk is read-only"),
        errno.EISDIR: QT_TRANSLATE_NOOP("errors", "this is a folder, not a file"),
    }
    text = texts.get(exc.errno or -1)
    return translate("errors", text) if text else (exc.strerror or type(exc).__name__)


def read_markdown_file(path: Path) -> ArticleFields:
    try:
        data = budgets.read_limited(path, budgets.MAX_TEXT_FILE_BYTES)
    except OSError as exc:
        raise ImportFormatError(path=str(path), detail=os_error_text(exc)) from None
    return parse_markdown(decode_bytes(data, str(path)), str(path), fallback_title=path.stem)


ARTICLE_FILE_SUFFIXES = (".md", ".markdown", ".txt")


def read_article_file(path: Path) -> ArticleFields:
    """The article in one import file (markdown and text; more formats register here)."""
    if path.suffix.lower() not in ARTICLE_FILE_SUFFIXES:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("errors", "{path}: files of type {suffix} cannot be imported"),
            path=str(path),
            suffix=path.suffix or "?",
        )
    return read_markdown_file(path)


__all__ = ["VN_TZ", "export_markdown", "parse_date", "parse_markdown", "read_markdown_file"]
