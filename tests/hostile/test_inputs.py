"""The hostile-input suite (issue 12): every case in a child process with a memory limit
(RLIMIT_AS 1 GiB) and a wall-clock kill, at the size the issue reported and at twice it.

A case either finishes (``expect == "ok"``) or is refused with its clear Vietnamese message;
either way without a traceback, and for imports with the store's row counts and the input file
unchanged. No wall-clock assertion: the kill is a hang guard, set where the old code (measured
by benchmarks/hostile.py) overran it at the neighbour size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.hostile import cases as C
from tests.hostile.expect import shows_message
from tests.hostile.harness import run_case, sqlite_counts

PARAMS = [
    pytest.param(case, scale, id=f"{case.name} x{scale:g}")
    for case in C.ALL
    for scale in case.scales
]


def _fingerprint(path: Path) -> object:
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode) or st.st_size > 64 * C.MB:
        return (st.st_mode, st.st_size, st.st_mtime_ns)
    return path.read_bytes()


@pytest.fixture
def store(ctx) -> Path:  # type: ignore[no-untyped-def]
    """A real SQLite store with one article in it (the child opens it by path)."""
    from qk3editor.core.articles import ArticleFields

    ctx.articles.create(ArticleFields(title="Bài có sẵn", body="Thân bài.\n"))
    return ctx.paths.default_store_path


@pytest.mark.parametrize(("case", "scale"), PARAMS)
def test_hostile_input(case: C.Case, scale: float, tmp_path: Path, store: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    args = case.make(inputs, scale)
    args["store"] = str(store)
    before = sqlite_counts(store)
    path = Path(args["path"])
    print_before = _fingerprint(path)
    r = run_case(case.source, args, wall_s=case.wall_s, env={"QK3EDITOR_LANG": "vi"})
    expect = case.expected(scale)
    assert r.outcome in ("ok", "refused"), r.describe()
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    if case.cli:
        output = r.stdout + r.stderr
        if expect == "ok":
            assert r["rc"] == 0, output[-2000:]
        else:
            assert r["rc"] != 0 and shows_message(output, expect), output[-2000:]
        assert "unexpected error" not in output and "lỗi không mong đợi" not in output
    elif expect == "ok":
        assert r.ok, r.describe()
    else:
        assert r.refused and r.code == expect, r.describe()
        assert shows_message(r.message_vi, expect), r.message_vi
    after = sqlite_counts(store)
    if case.cli and expect == "ok" and "import" in args["argv"][0]:
        assert after["articles"] == before["articles"] + 1  # imported once, whole
    else:
        assert after == before  # nothing half-imported, nothing touched
    assert _fingerprint(path) == print_before
