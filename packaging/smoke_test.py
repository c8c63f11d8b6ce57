"""Smoke test of the one-folder bundle, as a reporter's machine would run it.

    python packaging/smoke_test.py [--bundle dist/qk3editor] [--compare .venv/bin/qk3editor]

The bundle is copied into a clean temporary folder and run with an environment that has no
Python of ours in it: PATH=/usr/bin:/bin (no virtual environment), PYTHONHOME/PYTHONPATH
unset, a fresh HOME and QK3EDITOR_HOME. Steps, each checked:

1. every library the executable, Python, Qt (xcb platform) and exiv2 need resolves inside the
   bundle or to the system's C/X11 libraries, never to a Python install (ldd);
2. ``qk3editor --version`` names the bundle build, Qt and exiv2;
3. ``qk3editor import`` the fixture article; ``export --format html`` renders it (the preview's
   renderer: markdown, sanitiser, template);
4. five JPEGs: ``photos import --article`` (the spawn process pool of the photo desk, inside
   the frozen app), ``photos caption``, ``photos export --web`` (exiv2 writes the caption);
5. the window under Xvfb (``Xvfb :N -noreset``), started by the bundle's test launcher
   ``qk3editor-testing --exit-after-shown ARTICLE.md`` (qk3editor.ui.testing: the same run_gui):
   it shows the window, imports the file through the desktop "open with" path and quits; the
   store then holds the article.

It prints the bundle's size and start-up times (``--version``, window shown); with
``--compare`` the same for a pip-installed ``qk3editor``. The driver needs Pillow (for the test
JPEG); the bundle needs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CANDIDATES = (
    ROOT / "tests" / "data" / "qk3-article-2018-10-21.txt",
    Path("/work/shared/fixtures/qk3-article-2018-10-21.txt"),
)
CAPTION = "Chính uỷ Quân khu 3 thăm bộ đội huấn luyện"
CREDIT = "Ảnh: Đức Việt"


class SmokeError(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeError(message)
    print(f"  ok  {message}", flush=True)


def clean_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home / "user"),
        "QK3EDITOR_HOME": str(home / "qk3"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QK3EDITOR_LANG": "vi",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    for name in ("DISPLAY", "XAUTHORITY"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra or {})
    (home / "user").mkdir(parents=True, exist_ok=True)
    return env


def run(
    exe: Path, args: list[str], env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        cwd=env["HOME"],
    )
    if done.returncode != 0:
        raise SmokeError(
            f"qk3editor {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done


def check_libraries(bundle: Path) -> None:
    internal = bundle / "_internal"
    key = [bundle / "qk3editor"]
    key += list(internal.glob("libpython3*.so*"))
    key += list((internal / "pyexiv2" / "lib").glob("*.so"))
    key += list(internal.rglob("libQt6Widgets.so*"))[:1]
    key += list(internal.rglob("platforms/libqxcb.so"))
    key += list(internal.rglob("platforms/libqoffscreen.so"))
    key.append(bundle / "qk3editor-testing")
    check(len(key) >= 7, f"key binaries found: {', '.join(p.name for p in key)}")
    bad: list[str] = []
    for binary in key:
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line and not preloaded(binary, line):
                bad.append(f"{binary.name}: {line.strip()}")
            target = line.split("=>")[-1].strip().split(" (")[0]
            if re.search(r"python3|\.venv|pyenv|site-packages", target) and not target.startswith(
                str(bundle)
            ):
                bad.append(f"{binary.name}: {line.strip()} (outside the bundle)")
    check(bad == [], "every library resolves, none to a Python outside the bundle" + str(bad))


def preloaded(binary: Path, line: str) -> bool:
    """pyexiv2 loads its libexiv2.so with ctypes before its extension module, which then finds
    it by soname (libexiv2.so.NN) among the loaded libraries: ldd cannot see that."""
    name = line.strip().split(" ")[0]
    return (
        binary.name.startswith("exiv2api")
        and name.startswith("libexiv2.so")
        and (binary.parent / "libexiv2.so").is_file()
    )


def tree_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def make_jpeg(path: Path, shade: int = 0) -> None:
    from PIL import Image

    image = Image.new("RGB", (1600, 1067), (150, 40 + 30 * shade, 40))
    for x in range(0, 1600, 40):  # some detail, so the encoder has work
        for y in range(0, 1067, 40):
            image.putpixel((x, y), (255, 220, 80))
    image.save(path, quality=90)


def start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str]:
    if os.environ.get("DISPLAY"):
        return None, os.environ["DISPLAY"]
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SmokeError("Xvfb is not installed (apt-get install xvfb)")
    for number in range(99, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        proc = subprocess.Popen(
            [xvfb, f":{number}", "-noreset", "-screen", "0", "1366x768x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, f":{number}"
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        proc.kill()
    raise SmokeError("could not start Xvfb")


def time_version(exe: Path, env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        run(exe, ["--version"], env)
        best = min(best, time.perf_counter() - t0)
    return best


def time_window(launcher: list[str], env: dict[str, str], args: list[str]) -> float:
    """Seconds from the process start to the first frame (the test launcher's report)."""
    t0 = time.time()
    exe, *pre = launcher
    done = run(Path(exe), [*pre, "--exit-after-shown", *args], dict(env, QT_QPA_PLATFORM="xcb"))
    shown = re.search(r"^shown (\d+\.\d+)", done.stdout, re.M)
    if shown is None:
        raise SmokeError(f"the window did not report being shown:\n{done.stdout}\n{done.stderr}")
    return float(shown.group(1)) - t0


def smoke(bundle: Path, compare: Path | None, keep: bool) -> int:
    fixture = next((p for p in FIXTURE_CANDIDATES if p.is_file()), None)
    if fixture is None:
        raise SmokeError("the fixture article is missing")
    tmp = Path(tempfile.mkdtemp(prefix="qk3-smoke-"))
    xvfb, display = start_xvfb()
    figures: dict[str, object] = {}
    try:
        clean = tmp / "clean" / "qk3editor"
        t0 = time.perf_counter()
        shutil.copytree(bundle, clean, symlinks=True)
        exe = clean / "qk3editor"
        size = tree_size(clean)
        figures["bundle_mb"] = round(size / 1e6)
        print(f"bundle copied to {clean} ({size / 1e6:.0f} MB, {time.perf_counter() - t0:.1f} s)")
        env = clean_env(tmp, {"DISPLAY": display})

        print("1. libraries")
        check_libraries(clean)

        print("2. --version")
        version = run(exe, ["--version"], env).stdout
        print("    " + version.replace("\n", "\n    "))
        check("bundle" in version, "the build is the bundle's")
        check(re.search(r"Qt +6\.", version) is not None, "Qt is named")
        check(re.search(r"exiv2 +0\.", version) is not None, "exiv2 is named")
        check("Bản dựng" in version, "labels in Vietnamese")

        print("3. import and render")
        article = run(exe, ["import", str(fixture)], env).stdout.strip().splitlines()[-1].split()[0]
        check(len(article) >= 8, f"fixture imported as {article}")
        html_out = tmp / "preview.html"
        run(exe, ["export", article, "--format", "html", "-o", str(html_out)], env)
        page = html_out.read_text(encoding="utf-8")
        check("<p>" in page and "QK3 online" in page, "the article renders to HTML")

        print("4. photos: import (process pool), caption, web rendition through exiv2")
        jpegs = [tmp / f"anh-{i}.jpg" for i in range(5)]
        for i, jpeg in enumerate(jpegs):
            make_jpeg(jpeg, i)
        # five files: more than ingest.INLINE_BELOW, so the spawn process pool runs them
        run(exe, ["photos", "import", "--article", article, *map(str, jpegs)], env)
        listed = run(exe, ["photos", "list"], env).stdout
        check(len(re.findall(r"^#\d+", listed, re.M)) == 5, "five photos imported by the pool")
        photo = re.search(r"#(\d+)", listed)
        assert photo is not None
        run(
            exe,
            ["photos", "caption", photo.group(1), "--caption", CAPTION, "--credit", CREDIT],
            env,
        )
        web = tmp / "web"
        run(exe, ["photos", "export", photo.group(1), "--web", "-o", str(web)], env)
        renditions = sorted(web.rglob("*.jpg"))
        check(renditions != [], f"web rendition written: {[p.name for p in renditions]}")
        data = renditions[0].read_bytes()
        check(data[:2] == b"\xff\xd8", "it is a JPEG")
        check(CAPTION.encode("utf-8") in data, "the caption is in its metadata (exiv2)")
        if shutil.which("exiftool"):
            meta = json.loads(
                subprocess.run(
                    [
                        "exiftool",
                        "-json",
                        "-XMP-dc:Description",
                        "-IPTC:Caption-Abstract",
                        "-charset",
                        "iptc=UTF8",
                        str(renditions[0]),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )[0]
            check(meta.get("Description") == CAPTION, "exiftool reads the caption back")

        print("5. the window under Xvfb")
        opened = tmp / "Bài mới.md"
        opened.write_text("# Tin nhanh từ đơn vị\n\nQK3 online - Bài mở bằng “Mở bằng”.\n", "utf-8")
        launcher = [str(clean / "qk3editor-testing")]
        shown = time_window(launcher, env, [str(opened)])
        check(shown > 0, f"the window was shown ({shown:.2f} s)")
        listing = run(exe, ["list"], env).stdout
        check("Tin nhanh từ đơn vị" in listing, "the file given to the window was imported")
        figures["window_shown_s"] = round(time_window(launcher, env, []), 2)
        figures["version_s"] = round(time_version(exe, env), 2)
        if compare is not None:
            penv = dict(clean_env(tmp / "pip"), DISPLAY=display)
            penv["PATH"] = f"{compare.parent}:/usr/bin:/bin"
            run(compare, ["import", str(fixture)], penv)
            pip_launcher = [str(compare.parent / "python"), "-m", "qk3editor.ui.testing"]
            figures["pip_window_shown_s"] = round(time_window(pip_launcher, penv, []), 2)
            figures["pip_version_s"] = round(time_version(compare, penv), 2)
        print("figures: " + json.dumps(figures))
        print("smoke test passed")
        return 0
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "qk3editor")
    ap.add_argument("--compare", type=Path, help="a pip-installed qk3editor to time beside it")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    if not (args.bundle / "qk3editor").is_file():
        print(f"no bundle at {args.bundle} (python packaging/build.py)", file=sys.stderr)
        return 1
    try:
        compare = args.compare.absolute() if args.compare else None
        return smoke(args.bundle.resolve(), compare, args.keep)
    except (SmokeError, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
