"""A timeline of one publish (``benchmarks/publish.py --trace``): when each photo's rendition
and each of its stages (read, hash, decode, resize, encode, metadata, location check, cache
write) ran, on which thread, when each request went out and came back, the store writes, how
many renditions and requests were under way at once.

It wraps the functions the publish calls (module attributes and methods, put back by
:meth:`Timeline.uninstall`), so it measures the real code path; the wrappers cost a few
microseconds a call.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# stage -> the letter it is drawn with in the lanes
LETTERS = {
    "rendition": "r",
    "read": "f",
    "hash": "h",  # the rendition cache's key: the original's content hash
    "decode": "d",
    "srgb": "c",
    "resize": "z",
    "encode": "e",
    "metadata": "m",
    "check": "k",
    "cache write": "w",
    "GET media": "g",
    "PUT media": "U",
    "GET item": "i",
    "PUT item": "P",
    "store": "s",
}
CPU_STAGES = ("read", "hash", "decode", "srgb", "resize", "encode", "metadata", "check")


@dataclass
class Span:
    name: str
    key: str
    thread: str
    start: float
    end: float
    cpu: float  # this thread's CPU during the call (s)


class Timeline:
    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.t0 = time.perf_counter()
        self._lock = threading.Lock()
        self._local = threading.local()
        self._undo: list[tuple[Any, str, Any]] = []

    # -- recording ------------------------------------------------------------------------
    def start(self) -> None:
        self.spans.clear()
        self.t0 = time.perf_counter()

    @contextmanager
    def span(self, name: str, key: str | None = None) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            end, cpu = time.perf_counter(), time.thread_time() - cpu
            k = key if key is not None else getattr(self._local, "key", "")
            thread = threading.current_thread().name
            with self._lock:
                self.spans.append(Span(name, k, thread, start, end, cpu))

    def _wrap(self, owner: Any, attr: str, name: str, key_of: Callable[..., str] | None) -> None:
        original = getattr(owner, attr)
        timeline = self

        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = key_of(*args, **kwargs) if key_of else None
            if name == "rendition":
                timeline._local.key = key
            with timeline.span(name, key):
                return original(*args, **kwargs)

        self._undo.append((owner, attr, original))
        setattr(owner, attr, wrapper)

    def install(self, renditions: Any = None) -> None:
        """Wrap the rendition path and the store; the publisher is wrapped by
        :meth:`publisher_factory`."""
        from PIL import Image, ImageFile

        from qk3editor.photos import publish_providers
        from qk3editor.photos import renditions as rend
        from qk3editor.storage.publish_repository import PublishRepository

        photo_key: Callable[..., str] = lambda self, photo, *a, **k: str(photo.key)  # noqa: E731
        self._wrap(publish_providers.DeskRenditions, "__call__", "rendition", photo_key)
        self._wrap(publish_providers, "_read_original", "read", None)
        self._wrap(publish_providers.DeskRenditions, "cache_key", "hash", None)
        self._wrap(publish_providers.DeskRenditions, "_write_cache", "cache write", None)
        self._wrap(rend, "read_bytes", "read", None)
        self._wrap(rend, "_to_srgb", "srgb", None)
        self._wrap(rend, "apply_metadata", "metadata", None)
        self._wrap(rend, "check_rendition", "check", None)
        self._wrap(ImageFile.ImageFile, "load", "decode", None)
        self._wrap(Image.Image, "thumbnail", "resize", None)
        self._wrap(Image.Image, "save", "encode", None)
        for method in ("save_media", "save_remote", "update_job", "claim", "job", "media"):
            self._wrap(PublishRepository, method, "store", None)

    def uninstall(self) -> None:
        while self._undo:
            owner, attr, original = self._undo.pop()
            setattr(owner, attr, original)

    def publisher_factory(self, factory: Callable[..., Any]) -> Callable[..., Any]:
        timeline = self

        def make(target: Any, secret: str) -> Any:
            publisher = factory(target, secret)
            calls = {
                "media_exists": "GET media",
                "upload_media": "PUT media",
                "get_post": "GET item",
                "create_post": "PUT item",
                "update_post": "PUT item",
            }
            for method, name in calls.items():
                original = getattr(publisher, method)

                def wrapper(*args: Any, _o: Any = original, _n: str = name, **kw: Any) -> Any:
                    key = str(args[1].key) if _n.endswith("media") else "post"
                    with timeline.span(_n, key):
                        return _o(*args, **kw)

                setattr(publisher, method, wrapper)
            return publisher

        return make

    # -- report ---------------------------------------------------------------------------
    def report(self, total_ms: float, cpu_ms: float = 0.0, width: int = 100) -> str:
        spans = sorted(self.spans, key=lambda s: s.start)
        if not spans:
            return "(nothing recorded)"
        ms = lambda t: (t - self.t0) * 1000  # noqa: E731
        scale = max(total_ms, 1.0) / width
        out: list[str] = []
        legend = ", ".join(f"{v}={k}" for k, v in LETTERS.items())
        out.append(f"timeline: one column = {scale:.0f} ms; {legend}")
        out.append("  (a rendition's lane shows its stages; 'r' where no stage is named)")
        keys: list[str] = []
        for s in spans:
            if s.key and s.key not in keys and s.key != "post":
                keys.append(s.key)
        lanes: dict[str, list[str]] = {k: [" "] * width for k in [*keys, "post", "store"]}
        # outer spans first, stages drawn over them
        order = ["rendition", "GET media", "PUT media", "GET item", "PUT item", "store"]
        ranked = sorted(spans, key=lambda s: order.index(s.name) if s.name in order else 99)
        for s in ranked:
            lane = "store" if s.name == "store" else (s.key or "store")
            if lane not in lanes:
                continue
            a = min(width - 1, int(ms(s.start) / scale))
            b = max(a + 1, min(width, int(ms(s.end) / scale + 0.5)))
            for i in range(a, b):
                lanes[lane][i] = LETTERS.get(s.name, "?")
        for lane, cells in lanes.items():
            out.append(f"{lane:>6} |{''.join(cells)}|")
        out.append("")
        out.append(f"{'photo':>6} {'render':>13} {'GET':>13} {'PUT':>13}  thread")
        for k in keys:
            row = [k.rjust(6)]
            thread = ""
            for name in ("rendition", "GET media", "PUT media"):
                found = [s for s in spans if s.key == k and s.name == name]
                if found:
                    s = found[0]
                    row.append(f"{ms(s.start):5.0f}-{ms(s.end):5.0f}".rjust(13))
                    thread = thread or s.thread
                else:
                    row.append("-".rjust(13))
            out.append(" ".join(row) + "  " + thread)
        totals: dict[str, float] = defaultdict(float)
        cpus: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        for s in spans:
            totals[s.name] += (s.end - s.start) * 1000
            cpus[s.name] += s.cpu * 1000
            counts[s.name] += 1
        out.append("")
        out.append("each step summed over photos: wall ms / CPU ms of the calls (x calls):")
        names = [n for n in [*LETTERS, *sorted(set(totals) - set(LETTERS))] if counts[n]]
        for i in range(0, len(names), 5):
            out.append(
                "  "
                + ", ".join(
                    f"{n} {totals[n]:.0f}/{cpus[n]:.0f} ({counts[n]}x)" for n in names[i : i + 5]
                )
            )
        renders = [s for s in spans if s.name == "rendition"]
        requests = [
            s for s in spans if s.name in ("GET media", "PUT media", "GET item", "PUT item")
        ]
        out.append(
            f"at once: renditions at most {_most_at_once(renders)}, requests at most "
            f"{_most_at_once(requests)}; first rendition starts at "
            f"{ms(renders[0].start) if renders else 0:.0f} ms, first request at "
            f"{ms(min((s.start for s in requests), default=self.t0)):.0f} ms, last rendition ends "
            f"at {ms(max((s.end for s in renders), default=self.t0)):.0f} ms, "
            f"the post goes out at "
            f"{ms(min((s.start for s in spans if s.name == 'PUT item'), default=self.t0)):.0f} ms"
        )
        if cpu_ms:
            out.append(
                f"CPU of this process {cpu_ms:.0f} ms, of which renditions "
                f"{cpus['rendition']:.0f} ms and requests "
                f"{sum(cpus[n] for n in ('GET media', 'PUT media', 'GET item', 'PUT item')):.0f} ms"
            )
        return "\n".join(out)


def _most_at_once(spans: list[Span]) -> int:
    edges = sorted([(s.start, 1) for s in spans] + [(s.end, -1) for s in spans])
    now = most = 0
    for _t, d in edges:
        now += d
        most = max(most, now)
    return most
