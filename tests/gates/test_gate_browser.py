"""Gate: one page of every template loads in Chromium from disk with no console error, no failed request and no
request to another host (over HTTP: test_gate_sampled_pages.py); navigation can be clicked through."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support import browser as chromium
from tests.support.htmlscan import SiteIndex
from tests.support.pagechecks import DIRECTORY_TEMPLATES, check_pages_load, click_through
from tests.support.sampling import sample_pages

pytestmark = pytest.mark.browser


def test_one_page_of_every_template_loads_clean_from_disk(browser, site: Path, site_index: SiteIndex) -> None:
    samples = sample_pages(site_index.root, site_index)
    context = browser.new_context()
    try:
        problems = check_pages_load(context, chromium.file_base_url(site), list(samples.values()))
    finally:
        context.close()
    assert samples and not problems, "\n".join(problems)


def test_reader_clicks_through_directory_and_facet_and_back(
    browser, base_url: str, site_index: SiteIndex, figures: dict
) -> None:
    context = browser.new_context()
    try:
        steps, problems = click_through(context, base_url, site_index)
    finally:
        context.close()
    figures["click-through"] = " | ".join(steps)
    assert not problems, "steps: " + " | ".join(steps) + "\n" + "\n".join(problems)
    if any(doc.template in DIRECTORY_TEMPLATES for doc in site_index.pages):
        # Once the directory exists, the walk must go through it and one of its facets.
        assert not [step for step in steps if "(no " in step], " | ".join(steps)
