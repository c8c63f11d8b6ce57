"""`qk3editor photos ...` as a user runs it: a real process, real JPEGs, a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from qk3editor.photos.metadata import read_metadata
from tests.conftest import subprocess_env
from tests.photos.photo_factory import CAPTION_VI, jpeg_bytes

FIELDS = (
    "headline",
    "description",
    "alt_text",
    "creator",
    "credit",
    "copyright",
    "keywords",
    "date_created",
    "sublocation",
    "city",
    "province_state",
    "country",
    "job_id",
    "instructions",
    "title",
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(QK3EDITOR_LANG="en"),
        timeout=120,
    )


def test_import_list_caption_export(home: Path, tmp_path: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / "a.jpg").write_bytes(
        jpeg_bytes(
            gps=True,
            iim={"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.City": "Hải Phòng"},
        )
    )
    (card / "b.jpg").write_bytes(jpeg_bytes(color=(0, 0, 200), date_taken="2026:11:20 08:00:00"))
    (card / "broken.jpg").write_text("không phải ảnh")
    out = run("photos", "import", str(card))
    assert out.returncode == 1  # one file could not be imported: said, and the rest went on
    assert out.stdout.count("imported\t#") == 2 and "broken.jpg" in out.stdout

    again = run("photos", "import", str(card / "a.jpg"))
    assert again.returncode == 0 and "duplicate" in again.stdout

    listed = json.loads(run("photos", "list", "--json").stdout)
    assert len(listed) == 2
    for photo in listed:
        assert set(FIELDS) <= set(photo) and Path(photo["path"]).is_file()
    by_name = {Path(p["path"]).name: p for p in listed}
    a, b = by_name["a.jpg"], by_name["b.jpg"]
    assert a["gps"] and a["city"] == "Hải Phòng" and "no_caption" in a["status"]

    template = tmp_path / "t.yaml"
    template.write_text("description: '=thai= tại {city}, ảnh {seq}'\nkeywords: [QK3]\n", "utf-8")
    codes = tmp_path / "codes.tsv"
    codes.write_text("thai\tThiếu tướng Nguyễn Thanh Hải\n", "utf-8")
    out = run(
        "photos",
        "caption",
        str(a["id"]),
        "--template",
        str(template),
        "--codes",
        str(codes),
        "--credit",
        "Báo Quân khu 3",
    )
    assert out.returncode == 0, out.stderr
    md = read_metadata(Path(a["path"])).metadata
    assert md.description == "Thiếu tướng Nguyễn Thanh Hải tại Hải Phòng, ảnh 1"
    assert md.credit == "Báo Quân khu 3" and md.keywords == ("QK3",)
    listed = {p["id"]: p for p in json.loads(run("photos", "list", "--json").stdout)}
    assert listed[a["id"]]["description"] == md.description

    out = run("photos", "caption", str(b["id"]), "--caption", CAPTION_VI)
    assert out.returncode == 0
    assert read_metadata(Path(b["path"])).metadata.description == CAPTION_VI

    out = run("photos", "location", str(a["id"]), "--keep")
    assert out.returncode == 0 and "location kept" in out.stdout
    kept = {p["id"]: p for p in json.loads(run("photos", "list", "--json").stdout)}[a["id"]]
    assert kept["keep_location"] and kept["keep_location_by"] and kept["keep_location_at"]
    assert run("photos", "location", str(a["id"]), "--drop").returncode == 0

    web = tmp_path / "web"
    out = run("photos", "export", str(a["id"]), str(b["id"]), "--web", "-o", str(web))
    assert out.returncode == 0, out.stderr
    files = sorted(p.name for p in web.iterdir())
    assert files == [f"photo-{a['id']}-web.jpg", f"photo-{b['id']}-web.jpg"]
    facts = read_metadata(web / files[0])
    assert not facts.gps and facts.metadata.city == ""
    assert facts.metadata.credit == "Báo Quân khu 3"


def test_unknown_photo_is_one_clear_line(home: Path) -> None:
    out = run("photos", "caption", "99", "--caption", "x")
    assert out.returncode == 1
    assert "No photo with id 99" in out.stderr and "Traceback" not in out.stderr


def test_import_into_an_article(home: Path, tmp_path: Path) -> None:
    from qk3editor.context import AppContext
    from qk3editor.core.articles import ArticleFields
    from qk3editor.storage.photos_repository import PhotoRepository

    ctx = AppContext.open()
    article = ctx.articles.create(ArticleFields(title="Bài"))
    ctx.close()
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_bytes())
    out = run("photos", "import", str(photo), "--article", article.id)
    assert out.returncode == 0, out.stderr
    ctx = AppContext.open()
    try:
        placed = PhotoRepository(ctx.store).article_photos(article.id)
        assert len(placed) == 1 and placed[0].featured
    finally:
        ctx.close()
    assert run("photos", "import", str(photo), "--article", "nope").returncode == 1
