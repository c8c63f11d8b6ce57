"""The scale benchmark's report (``scale.py``): the goals, one size's lines, the growth."""

from __future__ import annotations

import os
from typing import Any

from _scale_build import label

GOALS = {100_000: (100.0, 5.0), 1_000_000: (200.0, 20.0)}


def interactive(r: dict[str, Any]) -> dict[str, float]:
    figs = {
        "library_open": r["library_open_ms"],
        "scroll_page": r["scroll_page_ms_max"],
        "search_in_library": r["search_in_library_max_ms"],
        "desk_open": r["desk_open_ms"],
    }
    figs.update({f"sort_{k}": v for k, v in r["sort_ms"].items()})
    jumps = r["deep_jump_ms"].items()
    figs.update({f"jump_{k}": v for k, v in jumps if k.endswith("keyset_max_ms")})
    figs.update({f"filter_{k}": v for k, v in r["filter_ms"].items()})
    return figs


def report(r: dict[str, Any]) -> None:
    n = r["articles"]
    print(
        f"\n== {label(n)} articles, {label(r['photos'])} photos ({r.get('backend', 'sqlite')}; "
        f"load average {r['load_start']:.1f} to {r['load_end']:.1f} on {os.cpu_count()} cores)"
    )
    print(
        f"  library open {r['library_open_ms']:.1f} ms ({r['library_rows']} rows), again "
        f"{r['library_reopen_ms']:.1f} ms; naive load-all {r['naive_open_ms']:.1f} ms"
        + (" (capped)" if r["naive_capped"] else "")
    )
    print("  sort  " + "  ".join(f"{k} {v:.1f}" for k, v in r["sort_ms"].items()))
    print("  filter " + "  ".join(f"{k} {v:.1f}" for k, v in r["filter_ms"].items()))
    print(
        f"  scroll {r['scroll_rows']} rows: page max {r['scroll_page_ms_max']:.1f} ms, median "
        f"{r['scroll_page_ms_median']:.1f}, total {r['scroll_total_ms']:.0f} ms, "
        f"{r['scroll_chunk_loads']} chunk loads"
    )
    deep = r["deep_jump_ms"]
    print(
        "  jump to 50-90%, median (worst): "
        + "  ".join(
            f"{k.removesuffix('_keyset_ms')} {v:.1f} ({deep[k.replace('_ms', '_max_ms')]:.1f}) ms;"
            f" OFFSET {deep[k.replace('keyset', 'offset')]:.1f} "
            f"({deep[k.replace('keyset_ms', 'offset_max_ms')]:.1f}), anchors after "
            f"{deep[k.replace('keyset', 'anchors_ready')]:.0f} ms off the GUI thread"
            for k, v in deep.items()
            if k.endswith("_keyset_ms")
        )
    )
    print(
        f"  search (50 hits) median {r['search50_median_ms']:.2f} ms p95 "
        f"{r['search50_p95_ms']:.2f} ms; library ids (1,000) median "
        f"{r['search_median_ms']:.2f} ms p95 {r['search_p95_ms']:.2f} ms; in the "
        f"library median {r['search_in_library_median_ms']:.1f} max "
        f"{r['search_in_library_max_ms']:.1f}; naive LIKE median {r['naive_search_median_ms']:.1f}"
    )
    print(
        f"  photo desk open {r['desk_open_ms']:.1f} ms, first {r['desk_visible_tiles']} "
        f"thumbnails {r['desk_first_thumbnails_ms']:.1f} ms ({r['desk_rows']} photos)"
    )
    print(
        f"  PSS start {r['pss_start_mb']:.0f} MB, peak {r['pss_peak_mb']:.0f} MB, steady "
        f"{r['pss_steady_mb']:.0f} MB; store {r.get('store_mb', float('nan')):.0f} MB"
    )
    goal = GOALS.get(n)
    if goal:
        figs = interactive(r)
        slow = {k: round(v, 1) for k, v in figs.items() if v >= goal[0]}
        r["goal_interactive_ms"] = goal[0]
        r["over_goal"] = slow
        print(
            f"  goals: interactive < {goal[0]:.0f} ms: {'met' if not slow else f'missed {slow}'}; "
            f"search median <= {goal[1]:.0f} ms: "
            f"{'met' if r['search50_median_ms'] <= goal[1] else 'missed'} (50 hits), "
            f"{'met' if r['search_median_ms'] <= goal[1] else 'missed'} (1,000 ids)"
            + (
                f"; steady PSS < 300 MB: {'met' if r['pss_steady_mb'] < 300 else 'missed'}"
                if n == 100_000
                else ""
            )
        )


def growth(results: list[dict[str, Any]], key: str) -> float:
    """How many times ``key`` grew from the smallest size run to the largest."""
    return results[-1][key] / max(results[0][key], 1e-3)
