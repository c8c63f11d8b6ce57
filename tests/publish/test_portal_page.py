"""The reference portal's article page dates the article the way the portal does: in Vietnam."""

from __future__ import annotations

from qk3editor.publish.portal import article_page


def _record(versioncreated: str) -> dict[str, object]:
    item = {
        "headlines": [{"role": "main", "value": "Hội nghị Quân khu 3"}],
        "descriptions": [{"role": "summary", "value": "Tóm tắt"}],
        "bodies": [{"value": "<p>Nội dung</p>"}],
        "versioncreated": versioncreated,
    }
    return {"item": item, "modified": versioncreated}


def test_the_page_date_is_the_day_in_vietnam_not_in_utc() -> None:
    # 20:00 UTC on Saturday 20/10/2018 is 03:00 on Sunday 21/10/2018 in Vietnam.
    page = article_page(_record("2018-10-20T20:00:00Z"))
    assert "Chủ nhật, 21/10/2018" in page
    assert "20/10/2018" not in page
    assert "QK3 online - Tóm tắt" in page and "<p>Nội dung</p>" in page
