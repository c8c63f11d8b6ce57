from collections.abc import Callable
from typing import BinaryIO

class Image:
    alt_text: str | None
    content_type: str | None
    # a callable returning a context manager over the image's bytes
    open: Callable[[], BinaryIO]
