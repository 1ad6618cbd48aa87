"""The services catalogue and the economic-model page in the shipped site, and the split setting."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "projects"))  # the shared page reader

from pagetext import build_site, read, squash  # noqa: E402
from tests.conftest import LANGUAGES, keep_languages

from content_model.validate import validate_site  # noqa: E402

OWN = "services/conseil-exemple-gouvernance-sacco.html"  # 20 000 KES per day, its own 80/10/10 split
SITE_SPLIT = "services/formation-exemple-maraichage-agroecologique.html"  # 15 000 F CFA per participant
MODEL = "pages/modele-economique.html"


def table(page: Path, css_class: str) -> str:
    html = page.read_text(encoding="utf-8")
    body = re.split(rf'<table class="{css_class}(?: [^"]*)?">', html)[1]
    return squash(re.sub(r"<[^>]+>", " ", body.split("</table>")[0]))


def test_a_priced_service_shows_its_own_split_in_money(shipped_site):
    page = read(shipped_site / OWN)
    assert "Prix 20 000 KES par jour" in page.text
    assert "Cette offre applique sa propre répartition" in page.text
    assert table(shipped_site / OWN, "split") == (
        "Répartition d’un prix de 20 000 KES Part Pourcentage Montant "
        "Consultant ou prestataire 80 % 16 000 KES Gestion de la plateforme 10 % 2 000 KES "
        "Fonds de soutien aux activités de l’ESS 10 % 2 000 KES Total 100 % 20 000 KES")


def test_a_service_without_its_own_split_uses_the_setting(shipped_site):
    page = read(shipped_site / SITE_SPLIT)
    assert "Prix 15 000 F CFA par participant" in page.text
    assert "Cette offre applique la répartition générale du modèle économique." in page.text
    assert "Consultant ou prestataire 70 % 10 500 F CFA Gestion de la plateforme 15 % 2 250 F CFA" in \
        table(shipped_site / SITE_SPLIT, "split")
    english = read(shipped_site / "en" / SITE_SPLIT)
    assert "F CFA 15,000 per participant" in english.text
    assert "Consultant or provider 70% F CFA 10,500" in table(shipped_site / "en" / SITE_SPLIT, "split")


def test_service_and_provider_link_both_ways(shipped_site):
    page = read(shipped_site / OWN)
    assert "../organisations/kisumu-example-savings-cooperative.html" in page.links
    org = (shipped_site / "organisations" / "kisumu-example-savings-cooperative.html").read_text(encoding="utf-8")
    assert "../services/conseil-exemple-gouvernance-sacco.html" in org
    assert "Pays couverts Kenya, Ouganda, Tanzanie" in page.text
    assert "Langues Anglais, Swahili" in page.text


def test_index_groups_offers_by_kind(shipped_site):
    page = read(shipped_site / "services" / "index.html")
    assert [h for h in page.headings if h[0] == 2] == [(2, "Formations"), (2, "Conseil"), (2, "Études"),
                                                       (2, "Publicité")]
    assert {"#kind-training", "#kind-consulting", "#kind-study", "#kind-advertising"} <= set(page.links)
    assert "Consultant ou prestataire (70 %), Gestion de la plateforme (15 %)" in page.text
    assert "../pages/modele-economique.html" in page.links


def test_economic_model_page_renders_the_current_setting(shipped_site):
    page = read(shipped_site / MODEL)
    assert "La répartition actuelle 70 % — Consultant ou prestataire 15 % — Gestion de la plateforme 15 % — " \
           "Fonds de soutien aux activités de l’ESS" in page.text
    assert "Consultant ou prestataire 70 % 70 000 F CFA" in table(shipped_site / MODEL, "split")
    assert "Total 100 % 100 000 F CFA" in table(shipped_site / MODEL, "split")
    assert "Appui-conseil exemple : gouvernance et gestion des coopératives d’épargne — Consultant ou prestataire " \
           "(80 %)" in page.text
    assert "70% — Consultant or provider" in read(shipped_site / "en" / MODEL).text


def test_changing_the_setting_changes_the_page_and_the_services(content_copy, tmp_path):
    split = {"consultant": 62.5, "platform": 25, "ess_fund": 12.5}
    # A setting renders every page again: only French, the language read here, is built.
    result = build_site(content_copy, tmp_path / "out",
                        extra={"REVENUE_SPLIT": split, **keep_languages(content_copy, ["fr"])})
    assert result.returncode == 0, result.stderr
    model = read(tmp_path / "out" / MODEL)
    assert "62,5 % — Consultant ou prestataire 25 % — Gestion de la plateforme 12,5 %" in model.text
    assert "Consultant ou prestataire 62,5 % 62 500 F CFA" in table(tmp_path / "out" / MODEL, "split")
    # 15 000 F CFA: 9 375 / 3 750 / 1 875, whole francs that add up to the price
    assert table(tmp_path / "out" / SITE_SPLIT, "split").endswith(
        "62,5 % 9 375 F CFA Gestion de la plateforme 25 % 3 750 F CFA Fonds de soutien aux activités de l’ESS "
        "12,5 % 1 875 F CFA Total 100 % 15 000 F CFA")
    assert "80 % 16 000 KES" in table(tmp_path / "out" / OWN, "split")  # its own split is kept


def test_a_setting_that_does_not_add_up_stops_the_build(content_copy, tmp_path):
    split = {"consultant": 70, "platform": 10, "ess_fund": 10}
    result = build_site(content_copy, tmp_path / "out", extra={"REVENUE_SPLIT": split})
    assert result.returncode != 0
    said = re.sub(r"\s+", "", result.stdout + result.stderr)  # Pelican wraps the message to the terminal width
    assert re.sub(r"\s+", "", "labo_site: REVENUE_SPLIT parts must be non-negative and add up to 100 "
                              "(they add up to 90)") in said
    assert not (tmp_path / "out" / "index.html").exists()


def _problems(content: Path) -> list[str]:
    report = validate_site(content, languages=LANGUAGES, today=dt.date(2026, 11, 18), shown_root="content")
    return [str(p) for p in report.problems]


def _edit(content: Path, rel: str, old: str, new: str) -> int:
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def test_a_price_finer_than_the_currency_is_rejected(content_copy):
    rel = "services/formation-exemple-maraichage-agroecologique.md"
    line = _edit(content_copy, rel, "amount: 15000", "amount: 15000.5")
    rel2 = "services/conseil-exemple-gouvernance-sacco.md"
    line2 = _edit(content_copy, rel2, "amount: 20000", "amount: 20000.125")
    assert _problems(content_copy) == [
        f"content/{rel2}:{line2}: price.amount: 20000.125 is finer than the currency allows: KES amounts are given to "
        "2 decimal places at most; round it",
        f"content/{rel}:{line}: price.amount: 15000.5 is finer than the currency allows: XOF amounts are whole "
        "numbers; round it",
    ]


def test_a_service_split_must_add_up_to_100(content_copy):
    rel = "services/conseil-exemple-gouvernance-sacco.md"
    line = _edit(content_copy, rel, "revenue_split:", "revenue_split:")
    _edit(content_copy, rel, "ess_fund: 10", "ess_fund: 5")
    assert _problems(content_copy) == [
        f"content/{rel}:{line}: revenue_split: the parts add up to 95, not 100; adjust them"]
