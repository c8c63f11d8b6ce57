"""``qk3editor-testing`` in the bundle: the test launcher (``python -m qk3editor.ui.testing``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from qk3editor.ui.fast_start import pause_gc

    pause_gc()  # as ``python -m qk3editor.ui.testing`` does (ui/fast_start.py)
    from qk3editor.ui.testing import main

    sys.exit(main())
