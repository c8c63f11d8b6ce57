"""Errors of the photo desk. Each has a stable ``code``; the text is translated via the .ts."""

from __future__ import annotations

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP


class PhotoError(QkError):
    code = "photo"
    template = QT_TRANSLATE_NOOP("errors", "{path}: the photo cannot be used ({detail})")


class PhotoNotFound(PhotoError):
    code = "photo_not_found"
    template = QT_TRANSLATE_NOOP("errors", "{path}: the file does not exist")


class PhotoUnreadable(PhotoError):
    code = "photo_unreadable"
    template = QT_TRANSLATE_NOOP("errors", "{path}: the file cannot be read ({detail})")


class PhotoNotImage(PhotoError):
    code = "photo_not_image"
    template = QT_TRANSLATE_NOOP("errors", "{path}: not an image, or a format we do not read")


class PhotoCorrupt(PhotoError):
    code = "photo_corrupt"
    template = QT_TRANSLATE_NOOP("errors", "{path}: the image is damaged or truncated ({detail})")


class PhotoTooLarge(PhotoError):
    code = "photo_too_large"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path}: too many pixels ({pixels} px; the limit is {limit} px)"
    )


class PhotoReadOnly(PhotoError):
    code = "photo_read_only"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path}: the file or its folder is read-only; nothing was changed"
    )


class DiskFull(PhotoError):
    code = "disk_full"
    template = QT_TRANSLATE_NOOP("errors", "{path}: the disk is full; nothing was changed")


class PhotoWriteFailed(PhotoError):
    code = "photo_write_failed"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path}: the metadata could not be written ({detail}); the file is unchanged"
    )


class LocationLeak(PhotoError):
    code = "location_leak"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path}: the web copy still holds location data ({fields}); publishing is blocked"
    )


class CodesFileError(PhotoError):
    code = "codes_file"
    template = QT_TRANSLATE_NOOP("errors", "{path}, line {line}: {detail}")


class TemplateError(PhotoError):
    code = "caption_template"
    template = QT_TRANSLATE_NOOP("errors", "Unknown variable {{{name}}} in the caption template")


class InvalidPhotoDate(PhotoError):
    code = "photo_date"
    template = QT_TRANSLATE_NOOP(
        "errors", "“{value}” is not a date (use dd/mm/yyyy or yyyy-mm-dd, with a time if known)"
    )


class TemplateFileError(PhotoError):
    code = "caption_template_file"
    template = QT_TRANSLATE_NOOP("errors", "{path}: not a caption template ({detail})")


class DamagedXmp(PhotoError):
    code = "photo_xmp_damaged"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: its XMP metadata was written badly by another tool ({detail}); "
        "nothing was changed",
    )


class HeicCaptionNotWritten(PhotoError):
    code = "photo_heic_caption_store_only"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: captions cannot be written safely into HEIC files; the file is unchanged "
        "and the caption is kept in qk3editor (it goes into the web copies)",
    )


class XmpPacketsDisagree(PhotoError):
    code = "photo_xmp_packets"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{path}: the file holds {count} different XMP packets, and programs disagree on which "
        "one to read; the caption was not written (the file is unchanged)",
    )
