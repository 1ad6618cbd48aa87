"""Gate: zero broken internal links or anchors in the whole output."""

from __future__ import annotations

from pathlib import Path

from tests.support.htmlscan import SiteIndex
from tests.support.links import check_links, count_checked_links


def test_every_internal_link_names_an_existing_file_and_anchor(
    site: Path, site_index: SiteIndex, figures: dict
) -> None:
    broken = check_links(site, site_index)
    figures["links"] = f"{count_checked_links(site_index)} URLs in {len(site_index.documents)} HTML/SVG files"
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)
