"""Logos resized once with Pillow and kept in the build's cache by their bytes: never served at full size.

A logo comes from a pull request. The validator has already judged it by its bytes (content_model/files.py
and filetypes.py: the one format its name gives, its pixels counted from the header, decoded to the end);
this module opens it the same way again, as a second lock rather than a trust in the order of the build:
never through a link, with that one format (so Pillow never picks EPS, which runs Ghostscript), and with the
pixel limit checked before a single pixel is decoded.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import Path

from PIL import Image

from content_model.cache import Cache
from content_model.files import open_no_follow
from content_model.filetypes import BY_EXTENSION, IMAGE
from content_model.limits import DEFAULT

MAX_SIZE = 160  # CSS pixels; shown at 80 px, so sharp on 2x screens
#: How the small logo is encoded. Method 5, not 6 (libwebp's slowest): on the shipped logos, 6 takes 60 times
#: as long (0.27 s a logo) for files 0.6 % larger.
WEBP = {"quality": 85, "method": 5}
CACHE_AREA = "logos"


def resized_logo(source: Path, cache: Cache | None, *,
                 max_pixels: int = DEFAULT.image_pixels) -> tuple[bytes, int, int]:
    """WebP bytes of the logo fitted in MAX_SIZE, with its width and height. `cache`: the build's cache, where the
    WebP is kept by the logo's bytes under a name only this machine can make (a file planted in the cache folder
    under a guessable name is never shown as a logo); None: resized each time. `max_pixels`: LABO_LIMITS'
    "image_pixels". Raises ValueError for a file that is not an image of an accepted type or is too large."""
    image_type = BY_EXTENSION.get(source.suffix.lower())
    if image_type is None or image_type.family != IMAGE:
        raise ValueError(f"{source}: not an image of an accepted type")
    with open_no_follow(source) as f:
        raw = f.read()
    key = hashlib.sha256(raw).digest() + repr((MAX_SIZE, WEBP)).encode()
    cached = cache.get(CACHE_AREA, key, ".webp") if cache is not None else None
    if cached is not None:
        with Image.open(io.BytesIO(cached), formats=["WEBP"]) as img:
            return cached, img.width, img.height
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the limit below is lower than Pillow's
        img = Image.open(io.BytesIO(raw), formats=[image_type.detail])
    with img:
        if img.width * img.height > max_pixels:
            raise ValueError(f"{source}: {img.width} × {img.height} pixels, more than the {max_pixels} allowed")
        img = img.convert("RGBA")
        img.thumbnail((MAX_SIZE, MAX_SIZE), Image.Resampling.LANCZOS)
        encoded = io.BytesIO()
        img.save(encoded, "WEBP", **WEBP)
        width, height = img.width, img.height
    data = encoded.getvalue()
    if cache is not None:
        cache.put(CACHE_AREA, key, data, ".webp")  # atomic: two builds may resize the same logo at once
    return data, width, height
