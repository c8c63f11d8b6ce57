"""One reporter process of the concurrent-send test: ``python -m tests.newsroom.send_worker
FOLDER NEWSROOM_URL SHARED_PHOTO GO_FILE``. Prepares its own store and article, waits for
GO_FILE, sends, prints the job's state and the article id."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import keyring

from qk3editor.core.photos import PhotoMetadata
from qk3editor.storage.photos_repository import NewPhoto
from tests.newsroom.send_helpers import article_with_photos, reporter, send, sha256
from tests.publish.helpers import MemoryKeyring


def main() -> int:
    folder, url, shared, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    keyring.set_keyring(MemoryKeyring())
    r = reporter(folder)
    r.services.add_target("toasoan", "newsroom", url, "qk3", "x")
    article = article_with_photos(r, folder, sizes=(300_000,))
    (common,) = r.photos.add(
        [NewPhoto(str(shared), sha256(shared), PhotoMetadata(description="Ảnh chung"))]
    )
    r.photos.attach(article.id, [common.id])
    article = r.articles.get(article.id)
    job_id = send(r, article, "toasoan", note=f"Gửi từ {folder.name}")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    job = r.services.outbox.run_job(job_id, inline_retries=True)
    print(job.state.value, article.id, job.error_code or "", flush=True)
    r.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
