"""Calls for tenders in the shipped site (built 2026-11-18), over time, and their validation rules."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "projects"))  # the shared page reader

from pagetext import build_site, read  # noqa: E402
from tests.conftest import LANGUAGES, keep_languages

from content_model.validate import validate_site  # noqa: E402

FORAGE = "ao-exemple-etude-forage-solaire-koudougou"  # "2027-01-29 17:00", Africa/Ouagadougou (UTC+0)
EAST = "ao-exemple-formation-gestion-cooperatives-afrique-est"  # 2027-02-26, issuer_name, no time zone
THIES = "ao-exemple-evaluation-mutuelle-thies-2025"  # closed on 2025-09-30
CARD = re.compile(r'<li class="card tender-card">\s*<h3><a href="[^"]*?appels-d-offres/([a-z0-9-]+)\.html"')


def cards(page: Path) -> list[str]:
    return CARD.findall(page.read_text(encoding="utf-8"))


def epoch(*args) -> str:
    return str(int(dt.datetime(*args, tzinfo=dt.UTC).timestamp()))


def build_in_french(content: Path, out: Path, when: str):
    """The tests over time read French pages only: built in French alone."""
    return build_site(content, out, epoch=when, extra=keep_languages(content, [LANGUAGES[0]]))


def test_open_calls_first_by_nearest_deadline_closed_ones_archived(shipped_site):
    folder = shipped_site / "appels-d-offres"
    assert cards(folder / "index.html") == [FORAGE, EAST]
    assert cards(folder / "archives.html") == [THIES]
    index = read(folder / "index.html")
    assert "2 appels ouverts" in index.text and "1 appel clos" in index.text
    assert "../appels-d-offres/archives.html" in index.links


def test_open_call_page_shows_deadline_with_zone_budget_documents_and_contact(shipped_site):
    page = read(shipped_site / "appels-d-offres" / f"{FORAGE}.html")
    assert "Appel ouvert clôture dans 72 jours" in page.text
    assert "Date limite 29 janvier 2027 à 17:00 (heure : Burkina Faso)" in page.text
    assert "Publié le 10 novembre 2026" in page.text and "Budget indicatif 3 000 000 F CFA" in page.text
    assert "Termes de référence (exemple fictif) (PDF, 1,6 ko)" in page.text
    document = "../documents/tenders/tdr-exemple-etude-forage-solaire.pdf"
    assert document in page.links
    assert (shipped_site / "appels-d-offres" / document).resolve().stat().st_size == 1566
    assert "../organisations/cooperative-exemple-maraicheres-koudougou.html" in page.links
    assert "appels@maraicheres-koudougou.example.org" in page.text
    english = read(shipped_site / "en" / "appels-d-offres" / f"{FORAGE}.html")
    assert "Open call closes in 72 days" in english.text
    assert "January 29, 2027 at 5:00 PM (Burkina Faso Time)" in english.text
    assert "(PDF, 1.6 kB)" in english.text


def test_an_issuer_outside_the_directory_is_named_without_a_link(shipped_site):
    page = read(shipped_site / "appels-d-offres" / f"{EAST}.html")
    assert "Émetteur Fonds exemple pour l’économie solidaire en Afrique de l’Est (fictif)" in page.text
    assert not [link for link in page.links if "organisations/" in link and link != "../organisations/index.html"]
    assert "Date limite 26 février 2027 " in page.text  # no time zone given: the day only


def test_a_closed_call_keeps_its_page_with_a_notice(shipped_site):
    page = read(shipped_site / "appels-d-offres" / f"{THIES}.html")
    assert "Appel clos" in page.text and "Cet appel est clos" in page.text
    assert "../appels-d-offres/archives.html" in page.links
    org = (shipped_site / "organisations" / "mutuelle-exemple-sante-thies.html").read_text(encoding="utf-8")
    assert f"../appels-d-offres/{THIES}.html" in org


def test_home_lists_the_open_calls(shipped_site):
    home = shipped_site / "index.html"
    text = read(home).text
    assert "Appel ouvert clôture dans" in text.split("Appels d’offres")[-1]
    assert cards(home) == [FORAGE, EAST]


def test_a_call_closes_at_its_local_deadline_and_stays_online(content_copy, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    assert build_in_french(content_copy, before, epoch(2027, 1, 29, 16, 59)).returncode == 0
    assert build_in_french(content_copy, after, epoch(2027, 1, 29, 17, 0)).returncode == 0
    assert cards(before / "appels-d-offres" / "index.html") == [FORAGE, EAST]
    assert "Appel ouvert clôture aujourd’hui" in read(before / "appels-d-offres" / f"{FORAGE}.html").text
    assert cards(after / "appels-d-offres" / "index.html") == [EAST]
    assert cards(after / "appels-d-offres" / "archives.html") == [FORAGE, THIES]  # latest closed first
    assert "Cet appel est clos" in read(after / "appels-d-offres" / f"{FORAGE}.html").text


def test_the_time_zone_of_the_call_decides(content_copy, tmp_path):
    rel = content_copy / "tenders" / f"{FORAGE}.md"
    rel.write_text(rel.read_text(encoding="utf-8").replace("Africa/Ouagadougou", "Africa/Nairobi"), encoding="utf-8")
    out = tmp_path / "out"
    assert build_in_french(content_copy, out, epoch(2027, 1, 29, 15, 0)).returncode == 0  # 18:00 in Nairobi
    assert cards(out / "appels-d-offres" / "index.html") == [EAST]
    assert "(heure : Kenya)" in read(out / "appels-d-offres" / f"{FORAGE}.html").text


def test_when_every_call_has_closed_the_lists_say_so(content_copy, tmp_path):
    out = tmp_path / "out"
    assert build_in_french(content_copy, out, epoch(2027, 3, 1)).returncode == 0
    assert "Aucun appel d’offres n’est ouvert en ce moment." in read(out / "appels-d-offres" / "index.html").text
    home = read(out / "index.html").text
    assert cards(out / "index.html") == [] and "Aucun appel" not in home  # the home leaves an empty block out
    assert len(cards(out / "appels-d-offres" / "archives.html")) == 3


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


def test_documents_must_be_under_content_documents(content_copy):
    # A valid image under images/site/ (published with the site, but not where tender documents go).
    (content_copy / "images" / "site").mkdir(parents=True, exist_ok=True)
    shutil.copy(content_copy / "images" / "logos" / "mutuelle-exemple-sante-thies.png",
                content_copy / "images" / "site" / "plan.png")
    rel = f"tenders/{FORAGE}.md"
    line = _edit(content_copy, rel, "file: documents/tenders/tdr-exemple-etude-forage-solaire.pdf",
                 "file: images/site/plan.png")
    assert _problems(content_copy) == [
        f"content/{rel}:{line}: documents[0].file: \"images/site/plan.png\" is not under content/documents/, the "
        "folder published with the site; move the file there"]


def test_a_missing_document_is_reported(content_copy):
    rel = f"tenders/{FORAGE}.md"
    line = _edit(content_copy, rel, "tdr-exemple-etude-forage-solaire.pdf", "tdr-absent.pdf")
    assert _problems(content_copy) == [
        f"content/{rel}:{line}: documents[0].file: \"documents/tenders/tdr-absent.pdf\" does not exist under "
        "content/; add the file or fix the path"]


def test_a_deadline_with_a_time_needs_a_time_zone(content_copy):
    rel = f"tenders/{FORAGE}.md"
    _edit(content_copy, rel, "timezone: Africa/Ouagadougou\n", "")
    line = next(i for i, text in enumerate((content_copy / rel).read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("deadline:"))
    assert _problems(content_copy) == [
        f"content/{rel}:{line}: deadline: has a time but no \"timezone\"; add e.g. \"timezone: Africa/Ouagadougou\""]


def test_an_issuer_is_either_in_the_directory_or_named(content_copy):
    rel = f"tenders/{EAST}.md"
    _edit(content_copy, rel, "kind: training", "issuer: raess\nkind: training")
    line = next(i for i, text in enumerate((content_copy / rel).read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("issuer:"))
    assert _problems(content_copy) == [
        f"content/{rel}:{line}: issuer: give either \"issuer\" (an organisation of the directory) or \"issuer_name\", "
        "exactly one"]
