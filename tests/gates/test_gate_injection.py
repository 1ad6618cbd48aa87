"""Gate: no script, handler attribute, javascript:/data: URL or embed that is not the theme's."""

from __future__ import annotations

from pathlib import Path

from tests.support.htmlscan import SiteIndex
from tests.support.inject import scan_for_injected_script


def test_no_script_outside_the_theme(site: Path, site_index: SiteIndex, figures: dict) -> None:
    found = scan_for_injected_script(site, index=site_index)
    figures["injected script scan"] = f"{len(site_index.documents)} HTML/SVG files"
    assert not found, f"{len(found)} scripts or handlers not from the theme:\n" + "\n".join(found)
