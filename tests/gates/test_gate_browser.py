"""Gate: navigation can be clicked through, over HTTP and from disk. (One page of every template loads clean over
HTTP and from disk: test_gate_sampled_pages.py.)"""

from __future__ import annotations

import pytest
from tests.support.htmlscan import SiteIndex
from tests.support.pagechecks import DIRECTORY_TEMPLATES, click_through

pytestmark = pytest.mark.browser


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
