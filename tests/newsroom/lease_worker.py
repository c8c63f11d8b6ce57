"""A child process for the lease tests: one editor of a shared store.

``python -m tests.newsroom.lease_worker URL ARTICLE_ID edit N LABEL``: N times, wait for the
article's lease, append a line to its body (expected version: no lost update), release.
``... hold TTL_S``: take the lease, print "held", keep it alive by heartbeats until killed.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import LeaseOwner
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.leases_repository import LeaseRepository


def main(argv: list[str]) -> int:
    import os
    import socket

    url, article_id, mode = argv[:3]
    store = open_store(url)
    me = LeaseOwner("worker", f"Biên tập {os.getpid()}", socket.gethostname(), os.getpid())
    if mode == "hold":
        leases = LeaseRepository(store, me, ttl=timedelta(seconds=float(argv[3])))
        assert leases.acquire(article_id).granted
        print("held", flush=True)
        while True:
            time.sleep(0.2)
            leases.renew([article_id])
    n, label = int(argv[3]), argv[4]
    leases = LeaseRepository(store, me, ttl=timedelta(seconds=30))
    articles = ArticleRepository(store)
    refused = 0
    for i in range(n):
        while not leases.acquire(article_id).granted:
            refused += 1
            time.sleep(0.01)
        a = articles.get(article_id)
        time.sleep(0.005)  # a read-modify-write that would lose updates without the lease
        articles.update(
            article_id, ArticleFields(body=a.body + f"{label}-{i}\n"), expected_version=a.version
        )
        assert leases.release(article_id)
    print(f"done {refused}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
