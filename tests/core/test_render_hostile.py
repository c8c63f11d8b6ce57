"""Hostile markdown: generated documents never yield a script, an event handler or a script URL.

Each document runs under a generous hang guard (SIGALRM where the platform has it); no
wall-clock assertion beyond that.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from qk3editor.core.render import PhotoRef, RenderInput, render_fragment
from tests.core.editor_fixture import fixture_article

HANG_GUARD_S = 20

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\n>alert(1)</script\n>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "<img src=x onerror=alert(1)>",
    "<img src=x OnErRoR = alert(1) />",
    '<img src="jav&#x09;ascript:alert(1)">',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "<a href='vbscript:msgbox(1)'>x</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<iframe src=javascript:alert(1)></iframe>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<p onclick='alert(1)'>x</p>",
    "<a href=x onmouseover=alert(1)>x</a>",
    "<details open ontoggle=alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="\x01javascript:alert(1)">x</a>',
    "<img src=`javascript:alert(1)`>",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    '<figure class="qk3-figure" data-photo="x"><img src=javascript:alert(1)>'
    '<figcaption class="qk3-caption">c</figcaption></figure>',
    '![cap" onerror="alert(1)](qk3photo:a" onerror="alert(1))',
    "![<script>alert(1)</script>](qk3photo:p1)",
]
STRUCTURE = [
    "# ", "## ", "> ", ">> ", "- ", "1. ", "    ", "* ", "**", "_", "`", "[", "](", ")", "<div>",
    "</div>", "<p>", "</em>", "| a | b |\n|---|---|\n| ", "\n", "\n\n", "```", "---\n",
    "Tăng cường phối hợp ", "Đồng chí Thiếu tướng ", "<", ">", "&", "&amp;", "\"", "'",
]  # fmt: skip


def documents(count: int, seed: int = 4) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(3, 40)):
            pool = PAYLOADS if rng.random() < 0.4 else STRUCTURE
            parts.append(rng.choice(pool))
        doc = "".join(parts)
        if i % 97 == 0:  # huge inputs
            doc = doc * rng.randint(50, 300)
        if i % 113 == 0:  # deep, broken nesting
            doc = ">" * rng.randint(100, 600) + doc + "<div><em>" * rng.randint(50, 400)
        yield doc


URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "object", "embed", "style", "svg", "math", "base"}:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event attribute {name}")
            if name == "style":
                self.problems.append("style attribute")
            if name in URL_ATTRS and value is not None:
                compact = "".join(ch for ch in value if ch > " ").lower()
                if compact.startswith(BAD_SCHEMES):
                    self.problems.append(f"script URL {value!r}")


def problems_in(html_text: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html_text)
    inspector.close()
    found = inspector.problems
    if "<script" in html_text.lower():
        found.append("literal <script")
    return found


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _hang(_sig: int, _frame: object) -> None:
        raise TimeoutError(f"rendering took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _resolver(photo_id: str) -> PhotoRef:
    return PhotoRef(f"https://qk3.example.vn/{photo_id}.jpg", photo_id, "<b>credit</b>")


def test_inspector_catches_what_it_must() -> None:
    """The checker itself: raw hostile HTML is flagged (so a pass below means something)."""
    raw = "".join(PAYLOADS[:15])
    kinds = {p.split(" ")[0] for p in problems_in(raw)}
    assert {"tag", "event", "script", "literal"} <= kinds


def test_thousand_hostile_documents_render_safely() -> None:
    count = 0
    for doc in documents(1100):
        article = RenderInput(title=doc[:200], lead=doc[:300], body=doc, byline=doc[:50])
        with hang_guard(HANG_GUARD_S):
            out = render_fragment(article, _resolver, anchors=count % 2 == 0)
        assert problems_in(out) == [], doc[:500]
        count += 1
    assert count >= 1000


def test_every_payload_alone_and_inside_the_fixture() -> None:
    base = fixture_article()
    for payload in PAYLOADS:
        for body in (payload, base.body + "\n\n" + payload + "\n\n" + base.body):
            out = render_fragment(RenderInput(title="t", body=body), _resolver)
            assert problems_in(out) == [], payload
