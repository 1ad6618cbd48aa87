"""Gate: dates stay true. A copy of the site read later (a USB stick, an old cache) never says a call for tenders
is open, a campaign has days left or an event is coming once the reader's clock has passed them: the pages are
written for the build date and corrected in the browser (static/js/dates.js); without JavaScript the absolute
date is written beside every relative phrase."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.support.build import GATE_EPOCH

pytestmark = pytest.mark.browser

BUILT = dt.datetime.fromtimestamp(GATE_EPOCH, dt.UTC)
TENDER_CARD = re.compile(r'<li class="card tender-card">.*?</li>', re.S)


def home_calls(site: Path) -> list[tuple[str, dt.datetime]]:
    """(title, closing instant) of the calls for tenders the home page shows as open."""
    html = (site / "index.html").read_text(encoding="utf-8")
    calls = []
    for card in TENDER_CARD.findall(html):
        until = re.search(r'data-until="([^"]+)"', card)
        if until:
            title = re.sub(r"<[^>]+>", "", re.search(r"<h3>(.*?)</h3>", card, re.S).group(1)).strip()
            calls.append((title, dt.datetime.fromisoformat(until.group(1))))
    return calls


def read_home(browser, base_url: str, clock: dt.datetime, selector: str) -> list[str]:
    """The visible text of every `selector` on the French home page, read with the browser's clock at `clock`."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.install(time=clock)
        page.goto(base_url + "index.html", wait_until="load")
        page.wait_for_function("document.querySelector('[data-state]') !== null")
        return page.locator(selector).all_inner_texts()
    finally:
        context.close()


def test_a_call_reads_closed_on_the_home_page_once_the_clock_passes_its_deadline(browser, base_url: str,
                                                                                  site: Path) -> None:
    calls = home_calls(site)
    assert calls, "the home page of the gate build shows no open call for tenders"
    title, closing = calls[0]
    on_build_day = read_home(browser, base_url, BUILT, ".tender-card")
    assert "Appel ouvert" in on_build_day[0] and "clôture dans" in on_build_day[0], on_build_day[0]
    later = read_home(browser, base_url, closing + dt.timedelta(days=1), ".tender-card")
    card = next(text for text in later if title in text)
    assert re.search(r"\bclos\b", card) and "ouvert" not in card and "clôture dans" not in card, card
    assert re.search(r"Date limite\s:\s\d+ \w+ \d{4}", card), card  # the absolute date stays beside it


def test_days_left_and_upcoming_events_follow_the_readers_clock(browser, base_url: str) -> None:
    later = BUILT + dt.timedelta(days=10)
    projects = read_home(browser, base_url, later, ".project-card")
    # The build says "224 jours restants" for the solar borehole (deadline 2027-06-30); ten days on, 214.
    assert any("214 jours restants" in text for text in projects), projects
    much_later = BUILT + dt.timedelta(days=800)
    events = read_home(browser, base_url, much_later, ".event-card")
    assert events and all("Événement passé" in text for text in events), events
