from collections.abc import Callable

from .documents import Image

class ImageConverter: ...

def img_element(func: Callable[[Image], dict[str, str]]) -> ImageConverter: ...
