"""Run the real CLI with the Nth ``os.fsync`` blocking forever: ``python -m ... N ARGS...``.

The test kills this process with SIGKILL while a caption batch is stalled inside a write (its
temp file open and locked, earlier files already replaced): the state a power cut or kill -9
leaves, reached at a known point instead of by luck. Prints ``stalled`` when it blocks.
"""

from __future__ import annotations

import os
import sys
import threading
import time


def main() -> int:
    limit = int(sys.argv[1])
    real = os.fsync
    calls = 0
    lock = threading.Lock()

    def fsync(fd: int) -> None:
        nonlocal calls
        with lock:
            calls += 1
            stall = calls > limit
        if stall:
            print("stalled", file=sys.stderr, flush=True)
            while True:
                time.sleep(3600)
        real(fd)

    os.fsync = fsync  # type: ignore[assignment]
    from qk3editor.cli import main as cli_main

    return cli_main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
