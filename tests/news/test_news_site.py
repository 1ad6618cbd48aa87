"""News as a reader sees it: index, categories, article pages, sponsored label, campaigns, home block."""

from __future__ import annotations

import re

from news_helpers import article_links, built, main_html, text

NEWEST_FIRST = [
    "annonce-exemple-kits-solaires",  # 2026-11-20
    "annonce-payee",  # 2026-11-14 10:30
    "appel-a-candidatures",  # 2026-11-12
    "exemple-maraicheres-koudougou-collecte",  # 2026-11-05
    "campagne-exemple-financement-oess",  # 2026-10-20
    "compte-rendu-exemple-atelier-abidjan-2025",  # 2025-10-15
]


def test_index_lists_published_articles_newest_first():
    site = built()
    for page in ("actualites/index.html", "en/actualites/index.html"):
        assert article_links(main_html(site / page)) == NEWEST_FIRST, page


def test_unpublished_article_appears_nowhere():
    site = built()
    assert not (site / "actualites/article-retire.html").exists()
    assert not any("article-retire" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_one_page_per_category_with_translated_labels():
    site = built()
    announcements = main_html(site / "actualites/rubriques/annonces.html")
    assert "<h1>Annonces</h1>" in announcements
    assert article_links(announcements) == ["annonce-exemple-kits-solaires", "annonce-payee", "appel-a-candidatures"]
    advocacy = main_html(site / "en/actualites/rubriques/plaidoyer.html")
    assert "<h1>Advocacy</h1>" in advocacy
    assert article_links(advocacy) == ["campagne-exemple-financement-oess"]
    assert "<h1>Forums et comptes rendus</h1>" in main_html(site / "actualites/rubriques/forums.html")
    assert "<h1>Actualités</h1>" in main_html(site / "actualites/rubriques/actualites.html")
    nav = re.findall(r'href="[^"]*/actualites/rubriques/([a-z]+)\.html"', main_html(site / "actualites/index.html"))
    assert nav == ["actualites", "plaidoyer", "forums", "annonces"]


def test_sponsored_announcement_is_labelled_on_its_page_and_in_every_list():
    site = built()
    page = main_html(site / "actualites/annonce-payee.html")
    banner = page.index('class="sponsored-label sponsored-banner"')
    assert banner < page.index("<h1")  # read before the title
    assert "Contenu sponsorisé — annonce payée par Cabinet Exemplaire SARL" in text(page)
    assert "Sponsored — paid announcement by Cabinet Exemplaire SARL" in text(
        main_html(site / "en/actualites/annonce-payee.html"))
    for listing in ("actualites/index.html", "actualites/rubriques/annonces.html", "index.html"):
        cards = re.findall(r'<li class="card news-card[^"]*">.*?</li>', main_html(site / listing), flags=re.S)
        card = next(c for c in cards if "actualites/annonce-payee.html" in c)
        assert card.startswith('<li class="card news-card news-sponsored">'), listing
        assert "Contenu sponsorisé" in card and "Cabinet Exemplaire SARL" in card, listing
    plain = main_html(site / "actualites/appel-a-candidatures.html")
    assert "sponsored-label" not in plain and "sponsorisé" not in plain


def test_article_page_shows_date_authors_and_category():
    site = built()
    page = text(main_html(site / "actualites/appel-a-candidatures.html"))
    assert "12 novembre 2026" in page
    assert "par Secrétariat du réseau et Comité de sélection" in page
    en = main_html(site / "en/actualites/appel-a-candidatures.html")
    assert "<h1>Call for applications to the SSE incubator</h1>" in en
    assert "November 12, 2026" in text(en)
    # each name isolated, so that a name in another script keeps the sentence's punctuation in place
    assert 'lang="fr">by <bdi>Secrétariat du réseau</bdi> and <bdi>Comité de sélection</bdi>' in en
    assert 'href="../../en/actualites/rubriques/annonces.html">Announcements</a>' in en


def test_campaign_shows_goal_call_to_action_and_what_it_concerns():
    site = built()
    page = main_html(site / "actualites/campagne-exemple-financement-oess.html")
    campaign = page[page.index('<aside class="campaign"'):page.index("</aside>")]
    assert "Campagne de plaidoyer" in campaign
    assert "Objectif : Obtenir que les bailleurs" in text(campaign)
    assert '<a class="button" href="https://campagne-ess.example.org/appel"' in campaign
    assert "Signer l’appel (exemple)" in campaign
    related = re.findall(r'<a href="\.\./((?:organisations|projets|agenda)/[a-z0-9-]+\.html)"', page)
    assert related == ["organisations/reseau-exemple-acteurs-ess-abidjan.html",
                       "organisations/mutuelle-exemple-sante-thies.html",
                       "projets/projet-exemple-forage-solaire-koudougou.html",
                       "projets/projet-exemple-chambre-froide-kisumu.html",
                       "agenda/forum-exemple-ess-ouagadougou-2027.html"]
    for path in related:
        assert (site / path).is_file(), path
    en = main_html(site / "en/actualites/campagne-exemple-financement-oess.html")
    assert '<span lang="fr">Obtenir que les bailleurs' in en  # the goal is not translated: marked French


def test_untranslated_article_falls_back_to_french_with_a_badge():
    page = main_html(built() / "en/actualites/annonce-exemple-kits-solaires.html")
    assert '<h1 lang="fr">' in page
    assert '<div lang="fr"><p>' in page  # the body; the badge beside it is in the page's language
    assert "in French" in page


def test_organisation_page_lists_the_news_about_it():
    page = main_html(built() / "organisations/reseau-exemple-acteurs-ess-abidjan.html")
    assert 'href="../actualites/campagne-exemple-financement-oess.html"' in page


def test_home_page_shows_the_latest_three_articles():
    html = (built() / "index.html").read_text(encoding="utf-8")
    block = html[html.index('id="home-news-title"'):]
    block = block[:block.index("</section>")]
    assert article_links(block) == NEWEST_FIRST[:3]
    assert 'href="./actualites/index.html"' in block


def test_long_lists_are_paginated():
    site = built(NEWS_PAGE_SIZE="2")
    first = main_html(site / "actualites/index.html")
    assert article_links(first) == NEWEST_FIRST[:2]
    assert article_links(main_html(site / "actualites/index-p3.html")) == NEWEST_FIRST[4:]
    assert 'href="../actualites/index-p2.html" rel="next"' in first
    assert "page 1 sur 3" in text(first)
    assert (site / "en/actualites/rubriques/annonces-p2.html").is_file()


def test_local_build_writes_no_feed_and_links_none():
    site = built()
    assert not (site / "feeds").exists()
    assert "application/atom+xml" not in (site / "actualites/index.html").read_text(encoding="utf-8")
