"""What a refusal must look like to a person: the Vietnamese message of the error's code."""

from __future__ import annotations

import re
from functools import lru_cache

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import Translator
from qk3editor.paths import resources_dir


def _all_errors() -> dict[str, type[QkError]]:
    import qk3editor.core.budgets
    import qk3editor.photos.errors  # noqa: F401 - registers the photo errors

    out: dict[str, type[QkError]] = {}
    todo = [QkError]
    while todo:
        cls = todo.pop()
        out.setdefault(cls.code, cls)
        todo.extend(cls.__subclasses__())
    return out


@lru_cache(maxsize=1)
def _translator() -> Translator:
    return Translator.load("vi", resources_dir() / "translations")


def vietnamese_fragments(code: str) -> list[str]:
    """The fixed parts of the Vietnamese message for ``code`` (between its ``{params}``)."""
    cls = _all_errors()[code]
    text = _translator().lookup("errors", cls.template)
    assert text != cls.template, f"{code}: no Vietnamese translation"
    return [f.strip() for f in re.split(r"\{[^}]*\}", text) if len(f.strip()) >= 4]


def shows_message(output: str, code: str) -> bool:
    return all(f in output for f in vietnamese_fragments(code))
