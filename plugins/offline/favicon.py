"""The site's icons, drawn at build time from one source, the drawing below: `favicon.ico` at the site root
(16, 32 and 48 px: browsers ask for /favicon.ico when a page names no icon, and Windows wants the three sizes),
`favicon-32.png` for tabs and `favicon-192.png` for phones' home screens (templates/partials/head_icons.html
links them).

Why drawn in code rather than an image file in the theme: the mark is four shapes, the code is its one source,
and Pillow gives the same bytes for the same drawing (no timestamp, no text chunk), so builds stay reproducible.
The mark: a rounded square in the site's brand colour (site.css --brand-dark) holding a ring of three linked
members, the network the site serves.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from pathlib import Path

BACKGROUND = (94, 39, 11, 255)  # --brand-dark of site.css
INK = (255, 255, 255, 255)
ACCENT = (242, 201, 160, 255)  # --b1 of site.css
MASTER = 512  # drawn once at this size, then scaled down
ICO_SIZES = (16, 32, 48)
#: Changes with this file, so a new drawing is never taken from the cache of an older one.
VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def master():  # -> PIL.Image.Image
    """The mark at MASTER px, square, RGBA: drawn again for each file (1 ms) rather than kept (1 MB of pixels)."""
    from PIL import Image, ImageDraw

    size = MASTER
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=BACKGROUND)
    centre, radius = size / 2, size * 0.27
    width = round(size * 0.07)
    draw.ellipse((centre - radius, centre - radius, centre + radius, centre + radius), outline=INK, width=width)
    dot = size * 0.11
    for n in range(3):  # three members on the ring, the first at the top
        angle = math.radians(-90 + 120 * n)
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=ACCENT if n == 0 else INK)
    return image


def _scaled(size: int):
    from PIL import Image

    return master().resize((size, size), Image.Resampling.LANCZOS)


def png(size: int) -> bytes:
    """The mark as a PNG of `size` px (no metadata: the same bytes every build)."""
    buffer = io.BytesIO()
    _scaled(size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ico() -> bytes:
    """favicon.ico with the ICO_SIZES, each drawn from the master."""
    buffer = io.BytesIO()
    images = [_scaled(size) for size in sorted(ICO_SIZES, reverse=True)]
    images[0].save(buffer, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[1:])
    return buffer.getvalue()


#: What templates/partials/head_icons.html links, in this order (href under the site root).
LINKS = (
    {"rel": "icon", "href": "favicon.ico", "sizes": "16x16 32x32 48x48", "type": "image/x-icon"},
    {"rel": "icon", "href": "favicon-32.png", "sizes": "32x32", "type": "image/png"},
    {"rel": "icon", "href": "favicon-192.png", "sizes": "192x192", "type": "image/png"},
    {"rel": "apple-touch-icon", "href": "favicon-192.png", "sizes": "192x192", "type": "image/png"},
)
#: Files at the site root -> how to make them.
FILES: dict[str, Callable[[], bytes]] = {
    "favicon.ico": ico,
    "favicon-32.png": lambda: png(32),
    "favicon-192.png": lambda: png(192),
}
