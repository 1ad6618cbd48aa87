"""Gate: the site asks no other host for anything (no CDN, no web fonts); static scan."""

from __future__ import annotations

from pathlib import Path

from tests.support.external import find_external_requests
from tests.support.htmlscan import SiteIndex


def test_no_request_to_another_host(site: Path, site_index: SiteIndex, figures: dict) -> None:
    found = find_external_requests(site, site_index)
    css = len(site_index.files_with_suffix(".css"))
    figures["no external requests"] = f"{len(site_index.documents)} HTML/SVG files, {css} stylesheets scanned"
    assert not found, f"{len(found)} requests to other hosts or web fonts:\n" + "\n".join(found)
