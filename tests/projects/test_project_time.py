"""Statuses that change with time, computed at build time under a fixed SOURCE_DATE_EPOCH.

A build at another date than the seed cache's renders every page again (the build date is in every page's key):
each test builds only the languages it reads."""

from __future__ import annotations

import datetime as dt

from pagetext import build_site, read
from tests.conftest import keep_languages

FORAGE = "projets/projet-exemple-forage-solaire-koudougou.html"


def epoch(year: int, month: int, day: int, hour: int = 12) -> str:
    return str(int(dt.datetime(year, month, day, hour, tzinfo=dt.UTC).timestamp()))


def test_on_the_deadline_day_the_campaign_is_still_open(content_copy, tmp_path):
    result = build_site(content_copy, tmp_path / "out", epoch=epoch(2027, 6, 30),
                        extra=keep_languages(content_copy, ["fr"]))
    assert result.returncode == 0, result.stderr
    page = read(tmp_path / "out" / FORAGE)
    assert "Dernier jour jusqu’au 30 juin 2027" in page.text
    assert page.headings and "Recherche de financement" in page.text
    assert (tmp_path / "out" / "projets" / "statut" / "seeking-funding.html").is_file()


def test_the_day_after_the_deadline_the_campaign_is_shown_as_ended(content_copy, tmp_path):
    out = tmp_path / "out"
    result = build_site(content_copy, out, epoch=epoch(2027, 7, 1), extra=keep_languages(content_copy, ["fr", "en"]))
    assert result.returncode == 0, result.stderr
    page = read(out / FORAGE)
    assert "Collecte terminée le 30 juin 2027" in page.text
    assert ("La collecte s’est terminée le 30 juin 2027. La fiche du projet indique encore : "
            "« Recherche de financement ».") in page.text
    assert "../projets/statut/campaign-ended.html" in page.links
    ended = (out / "projets" / "statut" / "campaign-ended.html").read_text(encoding="utf-8")
    assert "projet-exemple-forage-solaire-koudougou.html" in ended
    assert not (out / "projets" / "statut" / "seeking-funding.html").exists()
    assert "en recherche de financement" not in read(out / "index.html").text
    english = read(out / "en" / FORAGE)
    assert "Campaign ended on June 30, 2027" in english.text


def test_days_left_count_down_with_the_build_date(content_copy, tmp_path):
    result = build_site(content_copy, tmp_path / "out", epoch=epoch(2027, 6, 28),
                        extra=keep_languages(content_copy, ["fr", "en"]))
    assert result.returncode == 0, result.stderr
    assert "2 jours restants" in read(tmp_path / "out" / FORAGE).text
    assert "2 days left" in read(tmp_path / "out" / "en" / FORAGE).text
