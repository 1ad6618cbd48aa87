"""Gate: the Nu Html Checker finds zero errors in the whole output (one JVM run)."""

from __future__ import annotations

from pathlib import Path

from tests.support.ci import skip_or_fail
from tests.support.vnu import VnuUnavailable, count_html_files, validate_html


def test_every_page_is_valid_html(site: Path, figures: dict) -> None:
    try:
        errors = validate_html(site)
    except VnuUnavailable as exc:
        skip_or_fail(str(exc))
    figures["valid HTML (vnu)"] = f"{count_html_files(site)} HTML files"
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))
