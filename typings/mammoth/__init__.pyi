# Minimal stub for the part of mammoth qk3editor uses (core/importers.py: .docx import).
# mammoth ships no type information.

from typing import BinaryIO

from . import documents as documents
from . import images as images

class Message:
    type: str
    message: str

class Result:
    value: str
    messages: list[Message]

def convert_to_html(
    fileobj: BinaryIO,
    *,
    style_map: str = ...,
    convert_image: images.ImageConverter | None = ...,
) -> Result: ...
