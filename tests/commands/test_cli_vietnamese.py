"""Every CLI command and error path with ``--lang vi``: no English sentence reaches a person.

The commands run in this process through ``cli.main`` (argparse, the store, the photo desk,
publishing to a real reference portal on 127.0.0.1, a closed port as a broken server, a wrong
secret, missing files). Each output line goes through :func:`english_sentence`, a heuristic
that flags a line with three or more words of an English stop-list once code-like tokens
(paths, URLs, ids, option names, metavars, ``{choices}``) are removed.
"""

from __future__ import annotations

import json
import re
import secrets as pysecrets
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PIL import Image

from qk3editor import cli
from qk3editor.publish.portal import PortalServer, PortalStore
from tests.publish.helpers import MemoryKeyring

# English words that are also Vietnamese syllables without marks (an, in, no, do, to, on,
# can, con, ...) are left out: "an ninh", "in ở trên" are Vietnamese.
STOP_WORDS = frozenset(
    """
    the is are was were be been not nothing of at by for from with and or
    this that it its there yet only use used cannot could does did has have had
    file files folder exist exists found failed error errors read write written changed
    connection timeout show help message exit usage options arguments argument required
    invalid choice choose unrecognized expected value should would which when what where
    caption credit location present photo photos imported duplicate duplicates done waiting
    queued running published conflict cancelled target job title category status updated
    tags byline lead body step retry upload rendition post
    """.split()
)
CODE_LIKE = re.compile(
    r"""
      https?://\S+          # URLs
    | (?:/|\./|~/)\S*       # paths
    | \S+\.(?:md|jpg|txt|py|json|docx|html)\b
    | --?[\w-]+             # option names
    | \{[^}]*\}             # {choices}
    | \[[^\]]*\]            # [optional parts] of usage lines
    | '[^']*'               # quoted values (choices, ids)
    | \b[A-Z][A-Z_|]+\b     # metavars: COMMAND, ID|FILE
    | \b[0-9a-f]{8}-[0-9a-f-]{27}\b   # article ids
    | \b\w+_\w+\b           # identifiers and codes: no_caption, photo_corrupt
    | \bqk3editor\b
    """,
    re.VERBOSE,
)


def english_sentence(line: str) -> bool:
    """True when ``line`` reads as English: 3+ stop-list words outside code-like tokens."""
    rest = CODE_LIKE.sub(" ", line)
    words = re.findall(r"[A-Za-z]+", rest)
    return sum(1 for w in words if w.lower() in STOP_WORDS) >= 3


def test_the_heuristic_catches_english_and_passes_vietnamese() -> None:
    assert english_sentence("lỗi\t/tmp/x.jpg\t/tmp/x.jpg: the image is damaged or truncated")
    assert english_sentence("usage: qk3editor [-h] --title TITLE show this help message and exit")
    assert english_sentence("  -h, --help  show this help message and exit")
    assert english_sentence("No answer from 127.0.0.1: connection failed")
    assert not english_sentence("#1\t-\tno_caption,no_credit,gps\t\t/tmp/p.jpg")  # codes
    assert english_sentence("#1\t-\tno caption, no credit, location present\t\t/tmp/p.jpg")
    assert not english_sentence("qk3editor: lỗi: Không đọc được missing.md: tệp không tồn tại")
    assert not english_sentence("cách dùng: qk3editor show [-h] id --json {vi,en} COMMAND")
    assert not english_sentence("3\tĐang chờ thử lại\tportal\thttps://x/y?a=the+is+not")


@pytest.fixture
def keyring_in_memory() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


class Portal:
    def __init__(self, root: Path) -> None:
        self.secret = pysecrets.token_urlsafe(24)
        self.server = PortalServer(0, PortalStore(root), {"editor": self.secret})
        self.server.start_background()
        self.url = f"http://127.0.0.1:{self.server.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def all_subcommands() -> list[list[str]]:
    """Every command path (``photos import``, ``target add``, ...) from the parser itself."""
    import argparse

    out: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(cli.build_parser(), [])
    return out


def test_every_command_and_error_path_speaks_vietnamese(
    home: Path,
    tmp_path: Path,
    fixture_md: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    keyring_in_memory: None,
) -> None:
    import io

    seen: list[tuple[str, str]] = []

    def run(*args: str, stdin: str = "") -> tuple[int, str]:
        monkeypatch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
        )
        try:
            code = cli.main(["--lang", "vi", *args])
        except SystemExit as exc:  # --help exits through argparse
            code = int(exc.code or 0)
        out = capsys.readouterr()
        text = out.out + out.err
        for line in text.splitlines():
            seen.append((" ".join(args), line))
        return code, text

    # help of every command and sub-command
    for path in all_subcommands():
        code, text = run(*path, "--help")
        assert code == 0 and "cách dùng" in text, (path, text)

    # usage errors (argparse's own messages)
    for args in (
        ["bogus"],
        ["show"],
        ["new"],
        ["list", "--status", "nope"],
        ["list", "--bad"],
        ["photos"],
        ["photos", "caption", "x"],
        ["photos", "location", "1"],
        ["target", "add", "x", "--kind", "ninjs"],
    ):
        code, text = run(*args)
        assert code == 2 and "lỗi cú pháp lệnh" in text, (args, text)

    # articles
    code, text = run("import", str(fixture_md))
    assert code == 0
    article = text.split()[0]
    for args in (
        ["list"],
        ["show", article],
        ["search", "dân vận"],
        ["check", article],
        ["check", str(fixture_md)],
        ["export", article, "-o", str(tmp_path / "a.md")],
        ["spike", article],
        ["restore", article],
        ["store", "check"],
        ["store", "backups"],
    ):
        code, text = run(*args)
        assert code == 0, (args, text)
    assert "Tiêu đề" in run("show", article)[1]
    # missing files, unknown ids
    for args in (
        ["import", str(tmp_path / "missing.md")],
        ["new", "--title", "x", "--body-file", str(tmp_path / "missing.txt")],
        ["show", "nope"],
        ["check", "nope"],
        ["export", "nope"],
        ["photos", "caption", "99"],
    ):
        code, text = run(*args)
        assert code == 1 and "lỗi" in text, (args, text)

    # photos: good files, a damaged one, a missing one
    for i in range(2):
        Image.new("RGB", (64, 48), (i * 90, 100, 100)).save(tmp_path / f"p{i}.jpg")
    (tmp_path / "bad.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"garbage" * 20)
    code, text = run(
        "photos", "import", str(tmp_path / "p0.jpg"), str(tmp_path / "p1.jpg"),
        str(tmp_path / "bad.jpg"), str(tmp_path / "gone.jpg"),
    )  # fmt: skip
    assert code == 1 and "đã nhập" in text
    code, text = run("photos", "list")
    assert "chưa có chú thích" in text
    listed = json.loads(run("photos", "list", "--json")[1])
    assert "no_caption" in listed[0]["status"]  # --json keeps the machine codes
    for args in (
        ["photos", "caption", "1", "--credit", "Ảnh: Đức Việt", "--caption", "Hà Nội"],
        ["photos", "place", article, "1", "--caption", "Hà Nội"],
        ["photos", "feature", article, "1"],
        ["photos", "detach", article, "1"],
        ["edit", article, "--title", "Tiêu đề mới", "--tags", "dân vận, Quân khu 3"],
        ["photos", "location", "1", "--keep"],
        ["photos", "export", "1", "--web", "-o", str(tmp_path / "web")],
        ["photos", "list"],
        ["photos", "check"],
    ):
        code, text = run(*args)
        assert code == 0, (args, text)
    for args in (  # unknown ids, a backup that is not there
        ["photos", "feature", article, "99"],
        ["photos", "place", "nope", "1"],
        ["photos", "detach", article, "99"],
        ["edit", "nope", "--title", "x"],
        ["edit", article, "--body-file", str(tmp_path / "missing.txt")],
        ["store", "restore-backup", "khong-co.sqlite3"],
    ):
        code, text = run(*args)
        assert code != 0 and "lỗi" in text, (args, text)

    # publishing: a bad address, a wrong secret, a broken server, then a real portal
    portal = Portal(tmp_path / "portal")
    try:
        for args in (
            ["target", "add", "plain", "--kind", "ninjs", "--url", "http://x.org", "--user", "u"],
            ["target", "add", "notaurl", "--kind", "ninjs", "--url", "nope", "--user", "u"],
        ):  # fmt: skip
            code, text = run(*args, stdin="secret\n")
            assert code == 1, (args, text)
        run("target", "add", "wrong", "--kind", "ninjs", "--url", portal.url, "--user", "editor",
            stdin="not-the-secret\n")  # fmt: skip
        run("target", "add", "down", "--kind", "ninjs", "--url",
            f"http://127.0.0.1:{closed_port()}", "--user", "editor", stdin="x\n")  # fmt: skip
        code, text = run("target", "add", "portal", "--kind", "ninjs", "--url", portal.url,
                         "--user", "editor", stdin=portal.secret + "\n")  # fmt: skip
        assert code == 0, text
        run("target", "list")
        assert run("target", "test", "wrong")[0] == 1
        assert run("target", "test", "down")[0] == 1
        assert run("target", "test", "portal")[0] == 0
        # editing a target: a wrong password, a broken server, then the right one
        code, text = run("target", "edit", "portal", "--password-stdin", stdin="sai\n")
        assert code == 1 and "lỗi" in text, text
        code, text = run("target", "edit", "down", "--url", f"http://127.0.0.1:{closed_port()}")
        assert code == 1 and "lỗi" in text, text
        code, text = run("target", "edit", "portal", "--password-stdin", stdin=portal.secret + "\n")
        assert code == 0, text
        assert run("target", "edit", "khong-co", "--user", "x")[0] == 1
        assert run("publish", article, "--target", "wrong")[0] == 1
        assert run("publish", article, "--target", "down")[0] == 1
        code, text = run("publish", article, "--target", "portal")
        assert code == 0, text
        run("publish", article, "--target", "portal", "--queue")
        code, text = run("outbox")
        assert "Đã đăng" in text
        run("outbox", "--run")
        run("outbox", "--cancel", "999")
        run("outbox", "--retry", "999")
        run("target", "remove", "plain")
        run("target", "remove", "wrong")
    finally:
        portal.stop()
    run("text", "from-legacy", stdin="plain ascii words\n")

    english = [(cmd, line) for cmd, line in seen if english_sentence(line)]
    assert not english, "\n".join(f"{cmd!r}: {line}" for cmd, line in english)


@pytest.mark.parametrize("style", ["old", "new"])
def test_check_on_the_fixture_suggests_only_the_house_style(
    home: Path, style: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Acceptance: ``qk3editor check`` on the fixture article with house style old suggests
    only old-style forms, with new only new-style forms; house-style words are no finding."""
    from qk3editor.core.settings import Settings, save_settings
    from qk3editor.core.vietnamese import tones
    from qk3editor.paths import resolve_paths

    save_settings(resolve_paths().settings_file, Settings(tone_style=style))
    fixture = Path(__file__).parents[1] / "data" / "qk3-article-2018-10-21.txt"
    assert cli.main(["--lang", "vi", "check", str(fixture), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    other = tones.WordStyle.NEW if style == "old" else tones.WordStyle.OLD
    tone = [f for f in findings if f["code"].startswith("tone")]
    assert tone, findings
    for f in findings:
        for suggestion in f["suggestions"]:
            for word in re.findall(r"\w+", suggestion):
                assert tones.word_style(word) is not other, f
    for f in tone:
        assert tones.word_style(f["text"]) is other, f
    assert cli.main(["--lang", "vi", "check", str(fixture)]) == 0
    text = capsys.readouterr().out
    assert "Ủy → Uỷ" not in text if style == "old" else "Uỷ → Ủy" not in text
