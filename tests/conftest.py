"""Shared fixtures. Qt runs offscreen; every test gets its own QK3EDITOR_HOME."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("QK3EDITOR_STORE", None)
os.environ.pop("QK3EDITOR_LANG", None)

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for running qk3editor in a child process (source tree importable)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **extra)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else src
    return env


@pytest.fixture(autouse=True)
def no_stray_threads() -> Iterator[None]:
    """Fails a test that leaves a thread of its own running once its fixtures are torn down.

    A test server's connection thread left blocked in a TLS read woke at some later test, when
    its client was garbage-collected; OpenSSL work in such a stray thread while other tests ran
    is how CI runs died with a segmentation fault (tests/publish/netservers.py). A server or
    proxy a test starts ends all its threads when it stops. Threads Qt started
    (``_DummyThread``: Qt's pools call into Python) are Qt's to manage and are not counted.
    """
    before = set(threading.enumerate())
    yield
    grace = time.monotonic() + 2.0  # a thread on its way out gets a moment to finish
    stray = []
    for thread in threading.enumerate():
        if thread in before or type(thread).__name__ == "_DummyThread":
            continue
        thread.join(max(0.0, grace - time.monotonic()))
        if thread.is_alive():
            stray.append(thread.name)
    assert not stray, f"threads left running after the test: {stray}"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty QK3EDITOR_HOME for this test."""
    h = tmp_path / "home"
    monkeypatch.setenv("QK3EDITOR_HOME", str(h))
    return h


@pytest.fixture
def ctx(home: Path) -> Iterator[object]:
    """An open AppContext on a real SQLite file in the test's home."""
    from qk3editor.context import AppContext

    c = AppContext.open()
    yield c
    c.close()


def fixture_article_markdown() -> str:
    """The portal's real article (tests/data) as markdown with front matter."""
    text = (DATA / "qk3-article-2018-10-21.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = paras[4]
    lead_raw = paras[5]
    photo = "phctttdvvqk20177"
    lead = lead_raw.replace(photo, "").strip()
    caption = paras[7]
    body_paras = [p for p in paras[8:-1] if p != photo]
    byline = paras[-1]
    body = f"![{caption}](qk3photo:{photo})\n\n" + "\n\n".join(body_paras)
    return (
        "---\n"
        f"title: {title}\n"
        f'lead: "{lead}"\n'
        "category: Tin tức - Sự kiện\n"
        f"byline: {byline}\n"
        "tags: [dân vận, LLVT Quân khu]\n"
        "date: 2018-10-21\n"
        "---\n\n"
        f"{body}\n"
    )


@pytest.fixture
def fixture_md(tmp_path: Path) -> Path:
    p = tmp_path / "qk3-article.md"
    p.write_text(fixture_article_markdown(), encoding="utf-8")
    return p
