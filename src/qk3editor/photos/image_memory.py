"""Image memory reused while renditions are made (issue 14).

A 24-MP rendition allocates about 45 MB (the decoded image, the resize's intermediate, the
result), which the system hands out as fresh zeroed pages each time: 10-15 ms of page faults a
photo, and two threads faulting at once contend for the process's memory map. While a batch
runs (a publish job's renditions, the background preparation), Pillow keeps up to
:data:`REUSED_BLOCKS` freed 16-MB blocks and hands them to the next image; the last user to
leave gives them back (docs/LIMITS.md).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Generator

REUSED_BLOCKS = 16
_reuse_lock = threading.Lock()
_reuse_users = 0


@contextlib.contextmanager
def reused_image_memory() -> Generator[None]:
    """Keep Pillow's freed image blocks for reuse while the block runs (nested and
    concurrent users share it); the last one to leave gives the memory back."""
    global _reuse_users
    from PIL import Image

    with _reuse_lock:
        _reuse_users += 1
        if _reuse_users == 1:
            Image.core.set_blocks_max(REUSED_BLOCKS)
    try:
        yield
    finally:
        with _reuse_lock:
            _reuse_users -= 1
            if _reuse_users == 0:
                Image.core.set_blocks_max(0)  # frees the cached blocks
