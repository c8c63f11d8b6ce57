"""The CLI's one describer: QkErrors, known library errors, anything else (logged)."""

from __future__ import annotations

import errno
import logging
import sqlite3

import httpx
import pytest
from sqlalchemy.exc import OperationalError

from qk3editor.commands.errors import describe_error
from qk3editor.core.errors import ArticleNotFound
from qk3editor.core.i18n import Translator
from qk3editor.edge_errors import as_qk_error
from qk3editor.paths import resources_dir


@pytest.fixture
def vi() -> Translator:
    return Translator.load("vi", resources_dir() / "translations")


def test_known_errors_get_codes_and_parameters() -> None:
    full = as_qk_error(OSError(errno.ENOSPC, "No space left on device", "/data/kho.sqlite3"))
    assert full is not None and full.code == "disk_full"
    assert full.params == {"path": "/data/kho.sqlite3"}
    assert as_qk_error(OSError(errno.EROFS, "Read-only file system", "/mnt")).code == (  # type: ignore[union-attr]
        "disk_read_only"
    )
    locked = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    assert as_qk_error(locked).code == "store_busy"  # type: ignore[union-attr]
    request = httpx.Request("POST", "https://qk3.example/wp-json")
    timeout = as_qk_error(httpx.ReadTimeout("timed out", request=request))
    assert timeout is not None and timeout.code == "network_timeout"
    assert timeout.params == {"url": "https://qk3.example/wp-json"}
    refused = as_qk_error(httpx.ConnectError("refused", request=request))
    assert refused is not None and refused.code == "network_unreachable"
    assert as_qk_error(RuntimeError("boom")) is None
    not_found = ArticleNotFound(id="a1")
    assert as_qk_error(not_found) is not_found


def test_cli_lines_are_vietnamese_and_unknown_errors_are_logged(
    vi: Translator, caplog: pytest.LogCaptureFixture
) -> None:
    from qk3editor.core.i18n import active, set_active

    before = active()
    set_active(vi)
    try:
        assert describe_error(ArticleNotFound(id="a1"), vi) == (
            "qk3editor: lỗi: Không có bài viết nào có mã a1"
        )
        full = OSError(errno.ENOSPC, "No space left on device", "/data/kho.sqlite3")
        assert "Ổ đĩa đã đầy: /data/kho.sqlite3" in describe_error(full, vi)
        with caplog.at_level(logging.ERROR, logger="qk3editor"):
            line = describe_error(RuntimeError("boom"), vi)
        assert "RuntimeError" in line and "nhật ký" in line
        assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    finally:
        set_active(before)
