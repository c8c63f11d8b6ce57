"""Benchmark: Vietnamese checks on a 20,000-word article, and false alarms on clean text.

    python benchmarks/checks.py [--quick]

Goals (issue 3): a 20,000-word article checked in <= 50 ms; < 1 finding per 1,000 words on a
clean corpus of >= 20,000 words in house style. The baseline, measured in the same run, is a
naive checker: each word parsed and styled without caches, the word lists scanned linearly.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from qk3editor.core.vietnamese import tones  # noqa: E402
from qk3editor.core.vietnamese.checks import DATA_DIR, _read_tsv, check_text  # noqa: E402
from vi_corpus import Corpus  # noqa: E402

FIXTURE = HERE.parent / "tests" / "core" / "vietnamese" / "fixture-article.txt"


def naive_check(text: str, confusions: list[list[str]], terms: list[list[str]]) -> int:
    """The baseline: what a first implementation does, word by word, nothing cached."""
    words = [m.group() for m in tones.WORD_RE.finditer(text)]
    found = 0
    styles = set()
    for i, word in enumerate(words):
        word = unicodedata.normalize("NFC", word)
        syl = tones.parse.__wrapped__(word)
        if syl is not None and syl.tone:
            old = tones.convert_word.__wrapped__(word, tones.OLD)
            new = tones.convert_word.__wrapped__(word, tones.NEW)
            if old != new:
                styles.add(word == old)
        for row in confusions:
            n = len(row[0].split())
            if " ".join(words[i : i + n]).lower() == row[0]:
                found += 1
        for row in terms:
            n = len(row[0].split())
            if " ".join(words[i : i + n]).lower() == row[0].lower():
                found += 0
    return found + len(styles)


def time_ms(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeat = 5 if args.quick else 15

    article = Corpus(seed=7).text(20_000)
    n_words = len(article.split())
    cold = time_ms(lambda: check_text(article), 1)[0]
    ours = time_ms(lambda: check_text(article), repeat)
    confusions = _read_tsv(DATA_DIR / "confusions.tsv")
    terms = _read_tsv(DATA_DIR / "terms.tsv")
    base = time_ms(lambda: naive_check(article, confusions, terms), max(2, repeat // 5))

    # False alarms: a clean corpus (self-written sentences + the portal article, corrected).
    fixture = FIXTURE.read_text(encoding="utf-8").replace("Sư kiện", "Sự kiện")
    fixture = tones.convert_text(fixture, tones.OLD)
    clean = Corpus(seed=11).text(25_000) + "\n\n" + fixture
    clean_words = len(clean.split())
    findings = check_text(clean)
    per_1000 = len(findings) / clean_words * 1000

    median = statistics.median(ours)
    base_median = statistics.median(base)
    print(f"article: {n_words} words; cold {cold:.1f} ms; warm median {median:.1f} ms")
    print(f"naive baseline median {base_median:.1f} ms")
    print(f"clean corpus: {clean_words} words, {len(findings)} findings, {per_1000:.2f} / 1,000")
    for f in findings[:10]:
        print("  ", f.code, repr(clean[f.start : f.end]))
    print(
        json.dumps(
            {
                "benchmark": "checks",
                "words": n_words,
                "median_ms": round(median, 2),
                "cold_ms": round(cold, 2),
                "baseline_median_ms": round(base_median, 2),
                "ratio": round(base_median / median, 1),
                "goal": "median <= 50 ms; false alarms < 1 per 1,000 words",
                "clean_words": clean_words,
                "false_alarms_per_1000_words": round(per_1000, 3),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
