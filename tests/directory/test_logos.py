"""The logo resizer opens a file the way the validator judged it: one format, no link, pixels counted first.

The validator refuses these files before any build (tests/content_model/test_hostile_files.py); here the
resizer is called directly, as a second lock that does not depend on the order of the build.
"""

from __future__ import annotations

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

from directory.logos import MAX_SIZE, resized_logo  # noqa: E402


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_logo_is_fitted_in_the_maximum_size_and_cached(tmp_path) -> None:
    source = _write(tmp_path, "logo.png", hostile.image("PNG", (480, 320)))
    data, width, height = resized_logo(source, tmp_path / "cache")
    assert (width, height) == (MAX_SIZE, 107)
    assert resized_logo(source, tmp_path / "cache") == (data, width, height)
    assert len(list((tmp_path / "cache").glob("*.webp"))) == 1


def test_postscript_named_png_never_reaches_ghostscript(tmp_path, monkeypatch) -> None:
    from PIL import EpsImagePlugin

    def no_ghostscript(*args, **kwargs):
        raise AssertionError("Ghostscript was started")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", no_ghostscript)
    source = _write(tmp_path, "logo.png", hostile.EPS)
    with pytest.raises(UnidentifiedImageError):
        resized_logo(source, tmp_path / "cache")


def test_a_link_is_not_followed(tmp_path) -> None:
    real = _write(tmp_path, "real.png", hostile.image("PNG"))
    os.symlink(real, tmp_path / "logo.png")
    with pytest.raises(OSError):
        resized_logo(tmp_path / "logo.png", tmp_path / "cache")


def test_pixels_are_counted_before_any_is_decoded(tmp_path, monkeypatch) -> None:
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(Image.Image, "convert", no_decoding)
    source = _write(tmp_path, "logo.png", hostile.bomb_png(6000, 6000))
    with pytest.raises(ValueError, match="6000 × 6000 pixels"):
        resized_logo(source, tmp_path / "cache")
    with pytest.raises(ValueError, match="300 × 200 pixels"):
        resized_logo(_write(tmp_path, "small.png", hostile.image("PNG", (300, 200))), tmp_path / "cache",
                     max_pixels=50_000)


def test_an_unaccepted_type_is_refused_by_its_name(tmp_path) -> None:
    with pytest.raises(ValueError, match="not an image of an accepted type"):
        resized_logo(_write(tmp_path, "logo.eps", hostile.EPS), tmp_path / "cache")
