"""Gate: every page light enough for paid data; no big image, no font file."""

from __future__ import annotations

from pathlib import Path

from tests.support.htmlscan import SiteIndex
from tests.support.weight import (
    IMAGE_LIMIT_BYTES,
    PAGE_BUDGET_BYTES,
    check_fonts,
    check_images,
    page_weights,
)


def test_every_page_within_the_budget(site: Path, site_index: SiteIndex, figures: dict) -> None:
    weights = page_weights(site, site_index)
    over = [w.describe() for w in weights if w.total > w.budget]  # PAGE_BUDGET_BYTES, or a document's own
    if weights:
        figures["weight"] = f"{len(weights)} pages; heaviest {weights[0].describe()}"
    heading = f"{len(over)} pages over {PAGE_BUDGET_BYTES // 1024} KB gz (or their own budget):\n"
    assert not over, heading + "\n".join(over)


def test_no_image_above_the_limit(site: Path, site_index: SiteIndex) -> None:
    found = check_images(site, IMAGE_LIMIT_BYTES, site_index)
    assert not found, "\n".join(found)


def test_no_font_files(site: Path, site_index: SiteIndex) -> None:
    found = check_fonts(site, site_index)
    assert not found, "\n".join(found)
