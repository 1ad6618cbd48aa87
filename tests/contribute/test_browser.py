"""The propose form in Debian's Chromium, opened from file://: fill it, get the file, validate it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from tests.contribute.helpers import TODAY
from tests.support import browser as chromium

from content_model.validate import validate_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(shipped_site: Path, chromium_instance) -> Iterator[object]:
    context = chromium_instance.new_context(accept_downloads=True)
    watcher = chromium.Watcher(chromium.file_base_url(shipped_site))
    watcher.attach(context)
    tab = context.new_page()
    tab.watcher = watcher
    yield tab
    context.close()


def _open(page, site: Path, rel: str) -> None:
    page.watcher.current = rel
    page.goto(chromium.file_base_url(site) + rel)
    page.wait_for_selector("#propose-form:not([hidden])")


def _download(page, into: Path) -> Path:
    with page.expect_download() as info:
        page.click("#propose-download")
    target = into / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_required_fields_are_reported_and_focused(page, shipped_site) -> None:
    _open(page, shipped_site, "proposer/organisation.html")
    assert page.is_hidden("#propose-nojs")
    page.click("main button[type=submit]")
    summary = page.locator("#propose-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "propose-errors"
    text = summary.inner_text()
    assert "3 problèmes à corriger" in text and "Ce champ est obligatoire." in text
    assert page.get_attribute("#f-name", "aria-invalid") == "true"
    assert "f-name-error" in page.get_attribute("#f-name", "aria-describedby")
    assert page.watcher.take() == []


def test_an_organisation_from_the_form_validates(page, shipped_site, content_copy, tmp_path) -> None:
    _open(page, shipped_site, "proposer/organisation.html")
    page.fill("#f-name", "Coopérative d’épargne « Naam » : no")
    assert page.input_value("#f-slug") == "cooperative-d-epargne-naam-no"
    page.fill("#f-acronym", "3.10")
    page.select_option("#f-legal-form", "cooperative")
    page.check("#f-sectors-1")
    page.select_option("#f-country", "NO")
    page.fill("#f-city", "Thiès")
    page.fill("#f-coordinates-lat", "14.79")
    page.fill("#f-coordinates-lon", "-16.93")
    page.fill("#f-founded", "2004")
    page.select_option("#f-membership-status", "applicant")
    page.fill("#f-membership-since", "2025-01-15")
    page.fill("#f-website", "https://example.org/naam?x=1&y=2")
    page.fill("#f-phone", "+221 33 000 00 00")
    page.select_option("#f-languages", ["fr", "wo"])
    page.fill("#f-maintainers", "@awa-ndiaye, kofi")
    page.fill("#f-summary", "Épargne et crédit solidaires.\nDeuxième ligne : « ok ».")
    page.fill("#f-body", "## Histoire\n\nFondée en 2004 par 30 femmes.\n\n- épargne\n- crédit")
    page.click("main button[type=submit]")
    page.wait_for_selector("#propose-result:not([hidden])")
    preview = page.inner_text("#propose-preview")
    assert page.inner_text("#propose-path") == "content/organisations/cooperative-d-epargne-naam-no.md"

    saved = _download(page, tmp_path)
    text = saved.read_text(encoding="utf-8")
    assert saved.name == "cooperative-d-epargne-naam-no.md" and text == preview
    (content_copy / "organisations" / saved.name).write_text(text, encoding="utf-8")
    report = validate_site(content_copy, today=TODAY)
    assert [str(p) for p in report.problems] == []
    data = report.registry.get("organisation", "cooperative-d-epargne-naam-no").data
    assert data["name"] == "Coopérative d’épargne « Naam » : no" and data["acronym"] == "3.10"
    assert data["country"] == "NO" and data["languages"] == ["fr", "wo"]
    assert data["maintainers"] == ["awa-ndiaye", "kofi"] and data["founded"] == 2004
    assert data["summary"] == "Épargne et crédit solidaires.\nDeuxième ligne : « ok »."

    github = urlsplit(page.get_attribute("#propose-github", "href"))
    assert github.path.endswith("/new/main/content/organisations")
    assert parse_qs(github.query)["value"] == [text] and parse_qs(github.query)["filename"] == [saved.name]
    mail = page.get_attribute("#propose-mail", "href")
    assert mail.startswith("mailto:contact@labo-ess-afrique.org?subject=")
    assert page.watcher.take() == []


def test_an_event_in_english_with_times_validates(page, shipped_site, content_copy, tmp_path) -> None:
    _open(page, shipped_site, "en/proposer/event.html")
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
    page.click("main button[type=submit]")
    page.wait_for_selector("#propose-result:not([hidden])")
    saved = _download(page, tmp_path)
    (content_copy / "events" / saved.name).write_text(saved.read_text(encoding="utf-8"), encoding="utf-8")
    report = validate_site(content_copy, today=TODAY)
    assert [str(p) for p in report.problems] == []
    event = report.registry.get("event", "ess-forum-lome-2027")
    assert str(event.data["start"]) == "2027-05-04 09:00:00" and event.data["organisers"] == ["raess"]
    page.click("#propose-edit")
    assert page.is_visible("#propose-form") and page.is_hidden("#propose-result")
    assert page.watcher.take() == []


def test_a_long_description_falls_back_to_download(page, shipped_site) -> None:
    _open(page, shipped_site, "proposer/project.html")
    page.fill("#f-title", "Projet très détaillé")
    page.select_option("#f-organisation", "raess")
    page.select_option("#f-country", "BF")
    page.select_option("#f-status", "completed")
    page.fill("#f-body", "Un paragraphe accentué, très long. " * 400)
    page.click("main button[type=submit]")
    page.wait_for_selector("#propose-result:not([hidden])")
    assert page.is_hidden("#propose-github") and page.is_visible("#propose-github-long")
    assert page.is_hidden("#propose-mail") and page.is_visible("#propose-mail-long")
    assert page.is_visible("#propose-download")
    assert page.watcher.take() == []
