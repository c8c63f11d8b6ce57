"""The bundle's entry point: the same ``qk3editor`` command as the pip install."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The photo desk's process pool uses "spawn": a child of the frozen app must run the
    # worker, not start a second window.
    multiprocessing.freeze_support()
    from qk3editor.__main__ import main

    sys.exit(main())
