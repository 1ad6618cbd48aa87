"""The agenda as a reader sees it: built from the shipped content plus fixture events, build date 2026-11-18."""

from __future__ import annotations

import re

from agenda_helpers import build_site, built, card_links, content_with_site_events, main_html, text
from tests.conftest import keep_languages

UPCOMING = [
    "formation-en-cours",  # running on the build date: "Happening now", first
    "webinaire-exemple-epargne-mobile",
    "formation-exemple-valorisation-plastiques-lome",
    "forum-exemple-ess-ouagadougou-2027",
    "semaine-thies",  # 2027-04-12, all day
    "atelier-nairobi-matin",  # 2027-04-14 09:00 Nairobi = 06:00 UTC
    "atelier-ouaga-matin",  # 2027-04-14 09:00 Ouagadougou = 09:00 UTC
    "assises-exemple-mutualite-thies-2027",
    "webinaire-caire-ete",
]


def test_upcoming_events_are_sorted_by_date_and_instant():
    site = built()
    for page in ("agenda/index.html", "en/agenda/index.html"):
        assert card_links(main_html(site / page)) == UPCOMING, page


def test_event_running_on_the_build_date_is_under_happening_now():
    html = main_html(built() / "agenda/index.html")
    first_heading = re.search(r"<h2 id=\"group-[^\"]+\">([^<]+)</h2>", html).group(1)
    assert first_heading == "En cours"
    assert "Avril 2027" in text(html)


def test_past_events_leave_the_index_for_their_year():
    site = built()
    index = main_html(site / "agenda/index.html")
    for slug in ("forum-termine-hier", "assises-2024", "atelier-exemple-reseaux-ess-abidjan-2025"):
        assert f"/agenda/{slug}.html" not in index
    assert card_links(main_html(site / "agenda/archives/2026.html")) == ["forum-termine-hier"]
    assert card_links(main_html(site / "agenda/archives/2025.html")) == ["atelier-exemple-reseaux-ess-abidjan-2025"]
    assert card_links(main_html(site / "agenda/archives/2024.html")) == ["assises-2024"]
    assert "Événements passés en 2024" in text(main_html(site / "agenda/archives/2024.html"))
    assert "Past events in 2024" in text(main_html(site / "en/agenda/archives/2024.html"))
    years = re.findall(r'href="[^"]*/agenda/archives/(\d{4})\.html"', index)
    assert years == ["2026", "2025", "2024"]  # newest first


def test_facet_pages_by_country_kind_and_online():
    site = built()
    senegal = main_html(site / "agenda/pays/sn.html")
    assert card_links(senegal) == ["formation-en-cours", "semaine-thies", "assises-exemple-mutualite-thies-2027"]
    assert "<h1>Sénégal</h1>" in senegal
    forums = main_html(site / "agenda/type/forum.html")
    upcoming, _, past = forums.partition('id="past-title"')
    assert card_links(upcoming) == ["forum-exemple-ess-ouagadougou-2027", "semaine-thies"]
    assert card_links(past) == ["forum-termine-hier"]
    online = main_html(site / "en/agenda/en-ligne.html")
    assert card_links(online) == ["webinaire-exemple-epargne-mobile", "webinaire-caire-ete"]
    assert "<h1>Online</h1>" in online


def test_event_page_shows_times_in_the_event_zone_with_the_zone_named():
    site = built()
    nairobi_fr = text(main_html(site / "agenda/atelier-nairobi-matin.html"))
    assert "mercredi 14 avril 2027, 09:00 – 12:00" in nairobi_fr
    assert "Nairobi, UTC+03:00" in nairobi_fr
    ouaga_en = text(main_html(site / "en/agenda/atelier-ouaga-matin.html"))
    assert "Wednesday, April 14, 2027, 9:00 AM – 12:00 PM" in ouaga_en
    assert "Ouagadougou, GMT+00:00" in ouaga_en
    cairo = main_html(site / "agenda/webinaire-caire-ete.html")
    assert 'datetime="2027-07-08T09:00+03:00"' in cairo  # summer time in Cairo
    assert "jeudi 8 juillet 2027, 09:00" in text(cairo)


def test_all_day_and_multi_day_events_show_a_range_without_times():
    site = built()
    week = main_html(site / "agenda/semaine-thies.html")
    assert "12–16 avr. 2027" in text(week)
    assert "Fuseau horaire" not in week
    assert 'datetime="2027-04-12"' in week
    assert "Apr 12 – 16, 2027" in text(main_html(site / "en/agenda/semaine-thies.html"))


def test_registration_price_and_free():
    site = built()
    nairobi = text(main_html(site / "agenda/atelier-nairobi-matin.html"))
    assert "Les inscriptions sont closes." in nairobi  # deadline 2026-11-10 is before the build date
    assert "inscription.example.org" not in main_html(site / "agenda/atelier-nairobi-matin.html")
    assert re.search(r"Prix 1 500 Ksh|Prix 1 500 KES", nairobi), nairobi
    forum = main_html(site / "agenda/forum-exemple-ess-ouagadougou-2027.html")
    assert 'href="https://forum-ess.example.org/inscription"' in forum
    assert "date limite : 26 février 2027" in text(forum)
    assert "Prix Gratuit" in text(forum)
    assert "Price Free" in text(main_html(site / "en/agenda/forum-exemple-ess-ouagadougou-2027.html"))
    webinar = main_html(site / "agenda/webinaire-exemple-epargne-mobile.html")
    assert 'href="https://webinar.example.org/epargne-mobile"' in webinar


def test_event_page_offers_its_ics_and_links_its_organisers_both_ways():
    site = built()
    page = main_html(site / "agenda/forum-exemple-ess-ouagadougou-2027.html")
    assert 'href="../agenda/forum-exemple-ess-ouagadougou-2027.ics"' in page
    assert "Ajouter à mon agenda" in page
    assert 'href="../organisations/cooperative-exemple-maraicheres-koudougou.html"' in page
    organisation = main_html(site / "organisations/cooperative-exemple-maraicheres-koudougou.html")
    assert 'href="../agenda/forum-exemple-ess-ouagadougou-2027.html"' in organisation
    en = main_html(site / "en/agenda/forum-exemple-ess-ouagadougou-2027.html")
    assert 'href="../../en/agenda/forum-exemple-ess-ouagadougou-2027.ics"' in en
    assert "<h1>Example West African SSE Forum</h1>" in en


def test_event_page_lists_the_news_about_it():
    page = main_html(built() / "agenda/forum-exemple-ess-ouagadougou-2027.html")
    assert 'href="../actualites/campagne-exemple-financement-oess.html"' in page


def test_untranslated_event_is_shown_in_french_with_a_badge_on_the_english_site():
    page = main_html(built() / "en/agenda/atelier-nairobi-matin.html")
    assert '<h1 lang="fr">Atelier du matin à Nairobi</h1>' in page
    assert "in French" in page


def test_home_page_shows_the_next_three_events():
    site = built()
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    block = html[html.index('id="home-events-title"'):]
    block = block[:block.index("</section>")]
    assert card_links(block) == UPCOMING[:3]
    assert 'href="./agenda/index.html"' in block


def test_published_build_leaves_examples_out_of_pages_and_calendars():
    site = built(include_examples=False)
    assert not (site / "agenda/forum-exemple-ess-ouagadougou-2027.html").exists()
    assert not (site / "agenda/forum-exemple-ess-ouagadougou-2027.ics").exists()
    assert card_links(main_html(site / "agenda/index.html")) == [s for s in UPCOMING if "exemple" not in s]
    feed = (site / "agenda/agenda.ics").read_text(encoding="utf-8")
    assert "exemple" not in feed
    assert "UID:atelier-ouaga-matin@labo-ess-afrique.org" in feed


def test_long_lists_are_paginated_and_facets_keep_the_recent_past(tmp_path):
    content = content_with_site_events(tmp_path)
    for day in range(1, 13):  # twelve past events in Niger, 2026-01-01 to 2026-01-12
        (content / "events" / f"passe-niger-{day:02d}.md").write_text(
            f"---\ntitle: \"Passé au Niger {day}\"\nkind: meeting\nstart: 2026-01-{day:02d}\n"
            "location:\n  city: Niamey\n  country: NE\n---\n", encoding="utf-8")
    # A page size in the settings renders every page again: only the languages read here are built.
    result = build_site(content, tmp_path / "out", extra={"AGENDA_PAGE_SIZE": "4",
                                                          **keep_languages(content, ["fr", "en"])})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out"
    pages = ["agenda/index.html", "agenda/index-p2.html", "agenda/index-p3.html"]
    assert [slug for page in pages for slug in card_links(main_html(site / page))] == UPCOMING
    assert not (site / "agenda/index-p4.html").exists()
    first = main_html(site / "agenda/index.html")
    assert 'href="../agenda/index-p2.html" rel="next"' in first and "page 1 sur 3" in first
    niger = main_html(site / "agenda/pays/ne.html")
    assert card_links(niger) == [f"passe-niger-{day:02d}" for day in range(12, 2, -1)]  # the ten most recent
    assert "Les plus récents de 12 événements passés" in text(niger)
    archive = [slug for page in ("agenda/archives/2026.html", "agenda/archives/2026-p2.html",
                                 "agenda/archives/2026-p3.html", "agenda/archives/2026-p4.html")
               for slug in card_links(main_html(site / page))]
    assert archive == ["forum-termine-hier"] + [f"passe-niger-{day:02d}" for day in range(12, 0, -1)]
    assert "Past events in 2026 (page 2)" in (site / "en/agenda/archives/2026-p2.html").read_text(encoding="utf-8")


def test_an_event_cannot_take_the_name_of_an_agenda_page(tmp_path):
    content = content_with_site_events(tmp_path)
    (content / "events" / "semaine-thies.md").rename(content / "events" / "agenda.md")
    result = build_site(content, tmp_path / "out")
    assert result.returncode != 0
    said = " ".join((result.stdout + result.stderr).split())
    assert ('events/agenda.md:1: "agenda" is a name the site uses for its own pages; rename the file '
            '(e.g. "agenda-event.md")') in said
    assert not (tmp_path / "out" / "index.html").exists()
