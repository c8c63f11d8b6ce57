"""One importer process for the concurrency test: ``python -m ... STORE WORKER COUNT FOLDER``.

Runs the real ``qk3editor import`` command COUNT times in this process, each on one markdown
file whose front matter names a category shared with the other workers (some of them new
names with the same slug), and prints one line per import: ``ok ID`` or ``fail CODE``.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

# Names that fold to the same slug on purpose: "Quốc phòng" and "Quoc phong" are one category.
CATEGORIES = ("Quốc phòng", "Quoc phong", "Thời sự", "THỜI SỰ", "Thoi su", "Biển đảo", "Bien dao")


def main() -> int:
    from qk3editor.cli import main as cli_main

    store, worker, count, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    out = Path(folder)
    for i in range(count):
        category = CATEGORIES[(worker + i) % len(CATEGORIES)]
        path = out / f"w{worker}-{i}.md"
        path.write_text(
            f"---\ntitle: Bài {worker}-{i}\ncategory: {category}\n---\n\nNội dung {worker}-{i}.\n",
            encoding="utf-8",
        )
        buf, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
            code = cli_main(["--store", store, "import", str(path)])
        if code == 0:
            print("ok", buf.getvalue().strip(), flush=True)
        else:
            print("fail", code, err.getvalue().strip().replace("\n", " | "), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
