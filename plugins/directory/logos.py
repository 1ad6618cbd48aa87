"""Logos resized once with Pillow and cached by content hash: never served at full size."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image

MAX_SIZE = 160  # CSS pixels; shown at 80 px, so sharp on 2x screens


def resized_logo(source: Path, cache_dir: Path) -> tuple[bytes, int, int]:
    """WebP bytes of the logo fitted in MAX_SIZE, with its width and height."""
    raw = source.read_bytes()
    key = hashlib.sha256(raw + str(MAX_SIZE).encode()).hexdigest()[:32]
    cached = cache_dir / f"{key}.webp"
    if cached.is_file():
        with Image.open(cached) as img:
            return cached.read_bytes(), img.width, img.height
    with Image.open(source) as img:
        img = img.convert("RGBA")
        img.thumbnail((MAX_SIZE, MAX_SIZE), Image.Resampling.LANCZOS)
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        img.save(tmp, "WEBP", quality=85, method=6)
        tmp.replace(cached)
        return cached.read_bytes(), img.width, img.height
