"""Organisation logos: only real raster images, decoded and re-encoded by us as a small PNG, so nothing
the uploader put in the file (scripts in an SVG, a polyglot, EXIF location data) is ever served."""

from __future__ import annotations

from io import BytesIO

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import ServiceError

ACCEPTED_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
MAX_SIDE = 400
# Refuse images that decode to more than this: a tiny file can expand to gigabytes (a decompression bomb).
MAX_PIXELS = 25_000_000


def reencode_logo(data: bytes) -> bytes:
    limit = current_app.config["LOGO_MAX_BYTES"]
    if not data:
        raise ServiceError("Choose an image file", field="logo")
    if len(data) > limit:
        raise ServiceError(f"The logo must be {limit // 1024:,} KB or smaller", field="logo")
    unreadable = ServiceError("The logo must be a PNG, JPEG, GIF or WebP image", field="logo")
    try:
        with Image.open(BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise unreadable
            if probe.width * probe.height > MAX_PIXELS:
                raise ServiceError(
                    "The logo's dimensions are too large; use an image under 5,000 × 5,000 pixels",
                    field="logo",
                )
            probe.verify()
        with Image.open(BytesIO(data)) as opened:
            opened.seek(0)  # the first frame of an animation
            image = ImageOps.exif_transpose(opened)
            image = image.convert("RGBA")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = BytesIO()
            image.save(out, "PNG", optimize=True)
    except ServiceError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise unreadable from None
    return out.getvalue()
