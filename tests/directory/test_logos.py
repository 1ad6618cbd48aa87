"""The logo resizer opens a file the way the validator judged it: one format, no link, pixels counted first.

The validator refuses these files before any build (tests/content_model/test_hostile_files.py); here the
resizer is called directly, as a second lock that does not depend on the order of the build.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

import pytest
from PIL import Image, UnidentifiedImageError

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT / "plugins"), str(ROOT / "tests" / "content_model")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import hostile  # noqa: E402

from content_model.cache import Cache  # noqa: E402
from directory.logos import CACHE_AREA, MAX_SIZE, WEBP, resized_logo  # noqa: E402


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_logo_is_fitted_in_the_maximum_size_and_cached(tmp_path) -> None:
    source = _write(tmp_path, "logo.png", hostile.image("PNG", (480, 320)))
    data, width, height = resized_logo(source, Cache(tmp_path / "cache"))
    assert (width, height) == (MAX_SIZE, 107)
    assert resized_logo(source, Cache(tmp_path / "cache")) == (data, width, height)
    assert len(list((tmp_path / "cache" / CACHE_AREA).rglob("*.webp"))) == 1
    assert resized_logo(source, None) == (data, width, height), "without a cache, the same bytes"


def test_a_logo_planted_in_the_cache_folder_is_never_shown(tmp_path) -> None:
    """Someone who can write in the cache folder but not read this machine's secret plants another picture where
    a cache keyed by the logo's public bytes would look (the name the cache used until 2026-12-07, and the
    logo's plain hash in the cache's own layout): the build still resizes the contributed logo."""
    source = _write(tmp_path, "logo.png", hostile.image("PNG", (480, 320)))
    raw = source.read_bytes()
    planted = io.BytesIO()
    Image.new("RGB", (160, 160), "red").save(planted, "WEBP")
    for digest in (hashlib.sha256(raw + repr((MAX_SIZE, WEBP)).encode()).hexdigest()[:32],
                   hashlib.sha256(raw).hexdigest()):
        for folder in (tmp_path / "cache" / CACHE_AREA, tmp_path / "cache" / CACHE_AREA / digest[:2]):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{digest}.webp").write_bytes(planted.getvalue())
    data, width, height = resized_logo(source, Cache(tmp_path / "cache"))
    assert (width, height) == (MAX_SIZE, 107) and data != planted.getvalue()


def test_postscript_named_png_never_reaches_ghostscript(tmp_path, monkeypatch) -> None:
    from PIL import EpsImagePlugin

    def no_ghostscript(*args, **kwargs):
        raise AssertionError("Ghostscript was started")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", no_ghostscript)
    source = _write(tmp_path, "logo.png", hostile.EPS)
    with pytest.raises(UnidentifiedImageError):
        resized_logo(source, None)


def test_a_link_is_not_followed(tmp_path) -> None:
    real = _write(tmp_path, "real.png", hostile.image("PNG"))
    os.symlink(real, tmp_path / "logo.png")
    with pytest.raises(OSError):
        resized_logo(tmp_path / "logo.png", None)


def test_pixels_are_counted_before_any_is_decoded(tmp_path, monkeypatch) -> None:
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(Image.Image, "convert", no_decoding)
    source = _write(tmp_path, "logo.png", hostile.bomb_png(6000, 6000))
    with pytest.raises(ValueError, match="6000 × 6000 pixels"):
        resized_logo(source, None)
    with pytest.raises(ValueError, match="300 × 200 pixels"):
        resized_logo(_write(tmp_path, "small.png", hostile.image("PNG", (300, 200))), None,
                     max_pixels=50_000)


def test_an_unaccepted_type_is_refused_by_its_name(tmp_path) -> None:
    with pytest.raises(ValueError, match="not an image of an accepted type"):
        resized_logo(_write(tmp_path, "logo.eps", hostile.EPS), None)
