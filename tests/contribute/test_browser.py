"""The propose form in Debian's Chromium at 360 × 740, from file:// and over HTTP: fill it as a phone user would,
send the entry, and check that what it gives validates (and, for a new organisation with its project and logo,
builds)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from tests.conftest import LANGUAGES, build_site
from tests.contribute.helpers import TODAY
from tests.support import browser as chromium
from tests.support.a11y import format_violations, run_axe

from content_model.validate import validate_site

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
REPO = "https://github.com/labo-ess-afrique/site"


class Tab:
    """A phone-sized tab of the shared Chromium, on the site from disk or from the local HTTP server."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        # bypass_csp and service_workers: axe is injected as a script, served by a route (tests/support/a11y.py).
        self.context = browser.new_context(accept_downloads=True, viewport=PHONE, bypass_csp=True,
                                           service_workers="block")
        self.watcher = chromium.Watcher(base)
        self.watcher.attach(self.context)
        self.page = self.context.new_page()

    def open(self, rel: str) -> object:
        # Let the last page finish what it loads (its icons), so that leaving it aborts no request.
        chromium.settle(self.page, self.watcher)
        self.watcher.current = rel
        self.page.goto("about:blank")  # a new document each time, even when only the #fragment differs
        self.page.goto(self.base + rel)
        self.page.wait_for_selector("#propose-form:not([hidden])")
        chromium.settle(self.page, self.watcher)
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def http_base(shipped_site: Path) -> Iterator[str]:
    with chromium.serve(shipped_site) as url:
        yield url


@pytest.fixture(scope="module")
def tabs(shipped_site: Path, http_base: str, chromium_instance) -> Iterator[dict[str, Tab]]:
    opened = {"file": Tab(chromium_instance, chromium.file_base_url(shipped_site)),
              "http": Tab(chromium_instance, http_base)}
    yield opened
    for tab in opened.values():
        tab.close()


@pytest.fixture
def tab(tabs) -> Tab:
    return tabs["file"]


def _png(path: Path, size=(240, 120)) -> Path:
    Image.new("RGB", size, (200, 80, 20)).save(path, "PNG")
    return path


def _send(page) -> None:
    page.click("main button[type=submit]")
    page.wait_for_selector("#propose-result:not([hidden])")


def _download(page, into: Path) -> Path:
    with page.expect_download() as info:
        page.click("#propose-download")
    target = into / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_required_fields_are_reported_and_focused(tab) -> None:
    page = tab.open("proposer/organisation.html")
    assert page.is_hidden("#propose-nojs")
    page.click("main button[type=submit]")
    summary = page.locator("#propose-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "propose-errors"
    text = summary.inner_text()
    assert "3 problèmes à corriger" in text and "Ce champ est obligatoire." in text
    assert page.get_attribute("#f-name", "aria-invalid") == "true"
    assert "f-name-error" in page.get_attribute("#f-name", "aria-describedby")
    assert page.is_visible("#f-slug-error")  # the identifier's problem opens its "Technical details"
    _no_sideways_scroll(page)
    assert tab.watcher.take() == []


def test_an_organisation_from_the_form_validates(tab, content_copy, tmp_path) -> None:
    page = tab.open("proposer/organisation.html")
    page.fill("#f-name", "Coopérative d’épargne « Naam » : no")
    page.fill("#f-acronym", "3.10")
    page.select_option("#f-legal-form", "cooperative")
    page.check("#f-sectors-1")
    page.select_option("#f-country", "NO")  # a country the browser names (Intl), not the page
    assert page.eval_on_selector("#f-country option[value=NO]", "o => o.textContent") == "Norvège"
    page.fill("#f-city", "Thiès")
    page.fill("#f-coordinates-lat", "14,79")
    page.fill("#f-coordinates-lon", "-16.93")
    page.fill("#f-founded", "2004")
    page.select_option("#f-membership-status", "applicant")
    page.fill("#f-membership-since", "2025-01-15")
    page.fill("#f-website", "https://example.org/naam?x=1&y=2")
    page.fill("#f-phone", "+221 33 000 00 00")
    page.select_option("#f-languages", ["fr", "wo"])
    page.fill("#f-summary", "Épargne et crédit solidaires.\nDeuxième ligne : « ok ».")
    page.fill("#f-body", "## Histoire\n\nFondée en 2004 par 30 femmes.\n\n- épargne\n- crédit")
    page.click("#f-part details.technical summary")
    assert page.input_value("#f-slug") == "cooperative-d-epargne-naam-no"
    page.fill("#f-maintainers", "@awa-ndiaye, kofi")
    _send(page)
    assert page.is_visible("#propose-mail-hint")  # short enough: the e-mail carries the text itself
    mail = page.get_attribute("#propose-mail", "href")
    assert mail.startswith("mailto:contact@labo-ess-afrique.org?subject=")

    saved = _download(page, tmp_path)
    text = saved.read_text(encoding="utf-8")
    assert saved.name == "cooperative-d-epargne-naam-no.md"
    assert text == page.text_content("#propose-files pre")
    (content_copy / "organisations" / saved.name).write_text(text, encoding="utf-8")
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY)
    assert [str(p) for p in report.problems] == []
    data = report.registry.get("organisation", "cooperative-d-epargne-naam-no").data
    assert data["name"] == "Coopérative d’épargne « Naam » : no" and data["acronym"] == "3.10"
    assert data["country"] == "NO" and data["languages"] == ["fr", "wo"]
    assert data["maintainers"] == ["awa-ndiaye", "kofi"] and data["founded"] == 2004
    assert data["coordinates"] == {"lat": 14.79, "lon": -16.93}
    assert data["summary"] == "Épargne et crédit solidaires.\nDeuxième ligne : « ok »."

    # The new-file link keeps the folder: new/BRANCH?filename=FOLDER/NAME&value=TEXT
    github = urlsplit(page.get_attribute("#propose-files a.propose-github", "href"))
    assert f"{github.scheme}://{github.netloc}{github.path}" == f"{REPO}/new/main"
    assert github.query.startswith("filename=content/organisations/cooperative-d-epargne-naam-no.md&value=")
    assert parse_qs(github.query)["value"] == [text]
    assert tab.watcher.take() == []


def _fill_new_organisation(page, logo: Path) -> None:
    page.fill("#f-name", "Coopérative des tisserandes de Bobo")
    page.select_option("#f-legal-form", "cooperative")
    page.select_option("#f-country", "BF")
    page.fill("#f-city", "Bobo-Dioulasso")
    page.select_option("#f-membership-status", "applicant")
    page.select_option("#f-languages", ["fr", "dyu"])
    page.fill("#f-summary", "Tissage et teinture du Faso Dan Fani.")
    page.set_input_files("#f-logo", str(logo))
    page.wait_for_selector("#f-logo-preview")


def _fill_first_project(page) -> None:
    page.click("#propose-step-add")
    page.wait_for_selector("#s-part")
    assert page.evaluate("document.activeElement.id") == "s-heading"
    page.fill("#s-title", "Teinture naturelle à Bobo")
    page.select_option("#s-country", "BF")
    page.select_option("#s-status", "seeking_funding")
    page.select_option("#s-funding-currency", "XOF")
    page.fill("#s-funding-goal", "1 500 000")
    page.fill("#s-body", "Un atelier de teinture végétale pour 40 tisserandes.")


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_new_organisation_and_its_first_project_with_a_logo_make_a_zip_that_validates(
        tabs, where, content_copy, tmp_path) -> None:
    tab = tabs[where]
    page = tab.open("proposer/organisation.html")
    _fill_new_organisation(page, _png(tmp_path / "logo.png"))
    _fill_first_project(page)
    _no_sideways_scroll(page)
    _send(page)
    _no_sideways_scroll(page)
    assert page.is_visible("#propose-mail-attach") and page.is_hidden("#propose-mail-hint")
    assert page.evaluate("document.querySelector('#propose-send li').id") == "propose-send-file"  # download first
    assert page.inner_text("#propose-download-name") == "cooperative-des-tisserandes-de-bobo.zip"
    saved = _download(page, tmp_path)
    archive = zipfile.ZipFile(saved)
    assert archive.namelist() == ["content/organisations/cooperative-des-tisserandes-de-bobo.md",
                                  "content/images/logos/cooperative-des-tisserandes-de-bobo.png",
                                  "content/projects/teinture-naturelle-a-bobo.md"]
    assert archive.read("content/images/logos/cooperative-des-tisserandes-de-bobo.png") == (
        tmp_path / "logo.png").read_bytes()
    archive.extractall(content_copy.parent)  # the paths start with content/
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY)
    assert [str(p) for p in report.problems] == []
    org = report.registry.get("organisation", "cooperative-des-tisserandes-de-bobo").data
    assert org["logo"] == "images/logos/cooperative-des-tisserandes-de-bobo.png"
    project = report.registry.get("project", "teinture-naturelle-a-bobo").data
    assert project["organisation"] == "cooperative-des-tisserandes-de-bobo"
    assert project["funding"] == {"currency": "XOF", "goal": 1500000}
    links = page.eval_on_selector_all("#propose-files a.propose-github", "links => links.map(a => a.href)")
    assert [parse_qs(urlsplit(u).query)["filename"] for u in links] == [
        ["content/organisations/cooperative-des-tisserandes-de-bobo.md"],
        ["content/projects/teinture-naturelle-a-bobo.md"]]
    assert "content/images/logos/" in page.text_content("#propose-files")  # how to add the logo on GitHub
    assert tab.watcher.take() == []
    if where == "file":  # one build is enough: both give the same files
        out = tmp_path / "site"
        built = build_site(content_copy, out)
        assert built.returncode == 0, built.stderr
        html = (out / "organisations/cooperative-des-tisserandes-de-bobo.html").read_text(encoding="utf-8")
        logo = r'<img class="logo" src="\.\./organisations/logos/cooperative-des-tisserandes-de-bobo\.webp"'
        assert re.search(logo, html)
        assert (out / "organisations/logos/cooperative-des-tisserandes-de-bobo.webp").is_file()
        project_html = (out / "projets/teinture-naturelle-a-bobo.html").read_text(encoding="utf-8")
        assert "cooperative-des-tisserandes-de-bobo.html" in project_html


def test_the_first_project_can_be_opened_from_its_link_and_removed(tab) -> None:
    page = tab.open("proposer/organisation.html#premier-projet")
    page.wait_for_selector("#s-part")
    assert page.is_hidden("#premier-projet")
    page.click("#s-remove")
    assert page.locator("#s-part").count() == 0 and page.is_visible("#propose-step-add")
    page.fill("#f-name", "Association Sini Sanuman")
    page.select_option("#f-membership-status", "observer")
    _send(page)
    assert page.inner_text("#propose-download-name") == "association-sini-sanuman.md"  # one file: no zip
    assert tab.watcher.take() == []


def test_a_name_already_in_the_directory_is_refused_with_a_link_to_it(tab, shipped_site) -> None:
    page = tab.open("proposer/organisation.html")
    page.fill("#f-name", "Yam  pukri")
    page.press("#f-name", "Tab")  # said at once, before the rest of the form is filled
    error = page.locator("#f-name-error")
    assert error.inner_text().startswith("\"Yam Pukri\" est déjà dans l’annuaire")
    links = page.eval_on_selector_all("#f-name-error a",
                                      "links => links.map(a => [a.textContent, a.getAttribute('href')])")
    assert links == [["Voir sa fiche", "../organisations/yam-pukri.html"],
                     ["La modifier plutôt", f"{REPO}/edit/main/content/organisations/yam-pukri.md"]]
    assert (shipped_site / "organisations/yam-pukri.html").is_file()
    page.select_option("#f-membership-status", "member")
    page.click("main button[type=submit]")
    assert "déjà dans l’annuaire" in page.inner_text("#propose-errors")
    assert page.input_value("#f-slug") == "yam-pukri"  # never yam-pukri-2
    assert page.is_hidden("#propose-result")
    page.click("#f-name-error a >> nth=0")
    page.wait_for_url(re.compile(r"organisations/yam-pukri\.html$"))
    assert "Yam Pukri" in page.inner_text("h1")
    assert tab.watcher.take() == []


def test_numbers_typed_the_french_way_are_understood_and_said_so(tab, content_copy, tmp_path) -> None:
    page = tab.open("proposer/project.html")
    page.fill("#f-title", "Moulin solidaire")
    page.select_option("#f-organisation", "raess")
    page.select_option("#f-country", "BF")
    page.select_option("#f-status", "seeking_funding")
    page.select_option("#f-funding-currency", "EUR")
    page.fill("#f-funding-goal", "1 500,50")
    page.press("#f-funding-goal", "Tab")
    assert page.inner_text("#f-funding-goal-notice") == "\"1 500,50\" est compris comme 1500.5."
    page.fill("#f-funding-raised", "250,25")
    _send(page)
    saved = _download(page, tmp_path)
    text = saved.read_text(encoding="utf-8")
    assert "  goal: 1500.5\n" in text and "  raised: 250.25\n" in text
    (content_copy / "projects" / saved.name).write_text(text, encoding="utf-8")
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY)
    assert [str(p) for p in report.problems] == []
    assert [str(n) for n in report.notices if saved.name in str(n)] == []  # the file holds the numbers as written
    assert tab.watcher.take() == []


@pytest.mark.parametrize("content, message", [
    (b"%PDF-1.7\n%%EOF\n", "Ce fichier n’est pas une image d’un type accepté par le site (PNG, JPG, WEBP, GIF)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(6 * 1024 * 1024), "Cette image pèse 6 Mo, plus que les 5 Mo permis"),
])
def test_a_logo_the_validator_would_refuse_is_refused_at_once(tab, content, message, tmp_path) -> None:
    page = tab.open("proposer/organisation.html")
    logo = tmp_path / "logo.png"  # a file Chromium reads itself: 6 MB sent through Playwright took 3 s
    logo.write_bytes(content)
    page.set_input_files("#f-logo", str(logo))
    page.wait_for_selector("#f-logo-error:not([hidden])")
    assert page.inner_text("#f-logo-error").startswith(message)
    assert page.locator("#f-logo-preview").count() == 0
    page.fill("#f-name", "Groupement Wend Panga")
    page.select_option("#f-membership-status", "applicant")
    page.click("main button[type=submit]")
    assert message in page.inner_text("#propose-errors") and page.is_hidden("#propose-result")
    assert tab.watcher.take() == []


def test_an_event_in_english_with_times_validates(tab, content_copy, tmp_path) -> None:
    page = tab.open("en/proposer/event.html")
    page.fill("#f-title", "ESS forum: Lomé 2027")
    page.select_option("#f-kind", "forum")
    page.fill("#f-start-date", "2027-05-04")
    page.fill("#f-start-time", "09:00")
    page.fill("#f-end-date", "2027-05-04")
    page.fill("#f-end-time", "08:00")
    page.fill("#f-location-city", "Lomé")
    page.select_option("#f-location-country", "TG")
    page.select_option("#f-organisers", ["raess"])
    page.click("main button[type=submit]")
    errors = page.inner_text("#propose-errors")
    assert "The end is before the start." in errors and "A time is given: choose the time zone." in errors
    page.fill("#f-end-time", "17:30")
    page.fill("#f-timezone", "Africa/Lome")
    _send(page)
    saved = _download(page, tmp_path)
    (content_copy / "events" / saved.name).write_text(saved.read_text(encoding="utf-8"), encoding="utf-8")
    report = validate_site(content_copy, languages=LANGUAGES, today=TODAY)
    assert [str(p) for p in report.problems] == []
    event = report.registry.get("event", "ess-forum-lome-2027")
    assert str(event.data["start"]) == "2027-05-04 09:00:00" and event.data["organisers"] == ["raess"]
    page.click("#propose-edit")
    assert page.is_visible("#propose-form") and page.is_hidden("#propose-result")
    assert tab.watcher.take() == []


def test_a_long_description_is_downloaded_then_attached(tab) -> None:
    page = tab.open("proposer/project.html")
    page.fill("#f-title", "Projet très détaillé")
    page.select_option("#f-organisation", "raess")
    page.select_option("#f-country", "BF")
    page.select_option("#f-status", "completed")
    page.fill("#f-body", "Un paragraphe accentué, très long. " * 400)
    _send(page)
    assert page.locator("#propose-files a.propose-github").count() == 0
    assert "Trop long pour un lien" in page.text_content("#propose-files")
    assert page.is_visible("#propose-mail-attach") and page.is_visible("#propose-download")
    body = parse_qs(urlsplit(page.get_attribute("#propose-mail", "href")).query)["body"][0]
    assert body == "Bonjour, voici ma fiche pour le site, dans le fichier joint projet-tres-detaille.md."
    assert tab.watcher.take() == []


def test_an_image_the_browser_cannot_read_is_refused(tab) -> None:
    """A file the browser cannot show is refused without an uncaught error (an <img> error, not an exception)."""
    page = tab.open("proposer/organisation.html")
    junk = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 10)
    page.set_input_files("#f-logo", files=[{"name": "x.png", "mimeType": "image/png", "buffer": junk.getvalue()}])
    page.wait_for_selector("#f-logo-error:not([hidden])")
    assert page.inner_text("#f-logo-error") == (
        "Cette image ne peut pas être lue ; enregistrez-la de nouveau en PNG ou en JPEG.")
    assert tab.watcher.take() == []


@pytest.mark.parametrize("rel", ["proposer/organisation.html", "en/proposer/organisation.html"])
def test_every_state_of_the_form_passes_axe(tabs, rel, tmp_path) -> None:
    """The states a reader reaches (problems listed, the second step open, the entry ready to send), which the
    site gate, loading pages as they are, does not see."""
    tab = tabs["http"]
    page = tab.open(rel)
    page.click("#propose-step-add")
    page.wait_for_selector("#s-part")
    page.set_input_files("#f-logo", files=[{"name": "x.png", "mimeType": "image/png", "buffer": b"%PDF-1.7"}])
    page.wait_for_selector("#f-logo-error:not([hidden])")
    page.click("main button[type=submit]")
    page.wait_for_selector("#propose-errors:not([hidden])")
    first_project = "Son premier projet" if rel.startswith("proposer") else "Its first project"
    assert f"{first_project} — " in page.inner_text("#propose-errors")  # which entry a problem is in
    problems = format_violations(f"{rel} with problems", run_axe(page))
    page.set_input_files("#f-logo", str(_png(tmp_path / "logo.png")))
    page.wait_for_selector("#f-logo-preview")
    page.fill("#f-name", "Union des groupements Naam")
    page.select_option("#f-membership-status", "member")
    page.fill("#s-title", "Banque de céréales")
    page.select_option("#s-country", "BF")
    page.select_option("#s-status", "in_progress")
    _send(page)
    page.click("#propose-technical summary")
    problems += format_violations(f"{rel} ready to send", run_axe(page))
    assert problems == []
    assert tab.watcher.take() == []
