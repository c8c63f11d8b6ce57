"""A real headless Chromium (Debian's chromium + chromium-driver, driven by selenium) that
reads a page as a reader at 1280 px sees it: the visible text, every image's box, the
captions, the page's widths; and keeps a screenshot."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH = 1280

_READ = """
  const vw = document.documentElement.clientWidth;
  const imgs = [...document.images].filter(i => i.complete && i.naturalWidth > 0).map(i => {
    const r = i.getBoundingClientRect();
    return {src: i.currentSrc || i.src, left: Math.round(r.left), right: Math.round(r.right),
            width: Math.round(r.width), srcset: i.getAttribute('srcset') || ''};
  });
  const caps = [...document.querySelectorAll('figcaption, .wp-caption-text, .wp-element-caption')]
    .map(e => e.innerText.trim()).filter(Boolean);
  return {vw, innerWidth: window.innerWidth,
          scrollWidth: document.scrollingElement.scrollWidth,
          text: document.body.innerText, imgs, caps};
"""


@dataclass(frozen=True)
class Page:
    url: str
    text: str
    images: list[dict[str, Any]]
    captions: list[str]
    viewport: int
    inner_width: int
    scroll_width: int
    screenshot: Path


def available() -> bool:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return False
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    if available():
        return
    reason = "headless browser unavailable: apt-get install chromium chromium-driver; pip selenium"
    if os.environ.get("QK3_REQUIRE_WORDPRESS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def read_page(url: str, screenshot: Path, cookies: list[dict[str, str]] | None = None) -> Page:
    """Opens ``url`` at 1280 px, waits for the load, reads it, saves ``screenshot``."""
    os.environ.setdefault("SE_OFFLINE", "true")  # never download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={WIDTH},900",
        "--hide-scrollbars",
        "--lang=vi",
    ):
        opts.add_argument(arg)
    opts.binary_location = CHROMIUM
    driver = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
    try:
        driver.set_page_load_timeout(60)
        if cookies:
            driver.get(url)
            for c in cookies:
                driver.add_cookie(c)
        driver.get(url)
        driver.execute_script(
            "return new Promise(r => { if (document.readyState === 'complete') r(); "
            "else addEventListener('load', () => r()); })"
        )
        # lazy images load once scrolled to; a busy machine may still be fetching: wait
        # (bounded) until every image has finished, as a reader scrolling down would see it
        driver.execute_script("window.scrollTo(0, document.scrollingElement.scrollHeight)")
        for _ in range(300):
            if driver.execute_script("return [...document.images].every(i => i.complete)"):
                break
            time.sleep(0.1)
        driver.execute_script("window.scrollTo(0, 0)")
        info = driver.execute_script(_READ)
        height = driver.execute_script("return document.scrollingElement.scrollHeight")
        driver.set_window_size(WIDTH, min(int(height) + 100, 6000))
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(screenshot))
    finally:
        driver.quit()
    return Page(
        url=url,
        text=info["text"],
        images=info["imgs"],
        captions=info["caps"],
        viewport=int(info["vw"]),
        inner_width=int(info["innerWidth"]),
        scroll_width=int(info["scrollWidth"]),
        screenshot=screenshot,
    )


def keep(screenshot: Path) -> Path:
    """A copy under the pytest temp root's ``screenshots/`` (the test artefact)."""
    root = Path(os.environ.get("QK3_SCREENSHOTS", screenshot.parent))
    root.mkdir(parents=True, exist_ok=True)
    dest = root / screenshot.name
    if dest != screenshot:
        shutil.copyfile(screenshot, dest)
    return dest
