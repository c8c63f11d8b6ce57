# The one function of pillow-heif qk3editor calls (photos/heif.py). pillow-heif's own
# annotation is ``register_heif_opener(**kwargs)`` with untyped keywords, which strict pyright
# reports as Unknown; this stub names the keyword we pass. Add here what else gets used.

def register_heif_opener(*, thumbnails: bool = True) -> None: ...
