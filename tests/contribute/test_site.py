"""The built site: propose pages per kind and language, template downloads, rules file, contribute page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from tests.contribute.helpers import ROOT

from content_model.schema import KINDS
from content_model.taxonomy import load
from contribute.filetemplate import file_template
from contribute.model import FORM_KINDS, form_fields


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.form_hidden = None
        self.ids: set[str] = set()
        self.labels_for: set[str] = set()
        self.inputs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if "data-path" in a and a.get("data-type") != "object" and a["data-path"] != "slug":
            self.paths.append(a["data-path"])
        if tag == "form" and a.get("id") == "propose-form":
            self.form_hidden = "hidden" in a
        if tag == "label" and "for" in a:
            self.labels_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.inputs.append(a.get("id", ""))


def _parse(path) -> _Controls:
    parser = _Controls()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.name)
def test_each_kind_has_a_form_with_a_labelled_control_per_field(shipped_site, kind, lang) -> None:
    page = _parse(shipped_site / f"{lang}proposer/{kind.name}.html")
    expected = [path for path, f in form_fields(kind) if f.type != "object"]
    assert page.paths == expected
    assert page.form_hidden is True  # shown by the script; without it the page explains the other ways
    assert all(i in page.labels_for for i in page.inputs), set(page.inputs) - page.labels_for


def test_without_javascript_the_page_offers_the_template(shipped_site) -> None:
    html = (shipped_site / "proposer/organisation.html").read_text(encoding="utf-8")
    nojs = html[html.index('id="propose-nojs"'):html.index('id="propose-form"')]
    assert 'href="../modeles/organisation.md" download="organisation.md"' in nojs
    assert "Envoyez-le par l’un de ces moyens" in nojs or "Envoyez-le par l'un de ces moyens" in nojs
    assert 'src="../theme/js/propose-rules.js"' in html and 'src="../theme/js/propose.js"' in html


def test_templates_are_served_as_downloads(shipped_site) -> None:
    taxonomy, _ = load(ROOT / "content/taxonomy.yml")
    for kind in KINDS:
        served = (shipped_site / f"modeles/{kind.name}.md").read_text(encoding="utf-8")
        assert served == file_template(kind, "", taxonomy)


def test_rules_file_defines_the_rules_of_every_kind(shipped_site) -> None:
    text = (shipped_site / "theme/js/propose-rules.js").read_text(encoding="utf-8")
    match = re.search(r"^window\.LABO_PROPOSE = (\{.*\});$", text, re.M)
    rules = json.loads(match[1])
    assert set(rules["kinds"]) == {k.name for k in FORM_KINDS}
    assert set(rules["messages"]) == {"fr", "en"}
    assert rules["repository"] == "https://github.com/labo-ess-afrique/site" and rules["branch"] == "main"


def test_propose_index_lists_every_kind_and_the_three_ways(shipped_site) -> None:
    html = (shipped_site / "en/proposer.html").read_text(encoding="utf-8")
    for kind in FORM_KINDS:
        assert f'href="../en/proposer/{kind.name}.html"' in html or f'href="proposer/{kind.name}.html"' in html
    assert "Download the file" in html and "Open it on the Git host" in html and "Send it by e-mail" in html


@pytest.mark.parametrize("lang, word", [("", "Référence des champs"), ("en/", "Field reference")])
def test_contribute_page_holds_the_text_and_the_field_reference(shipped_site, lang, word) -> None:
    html = (shipped_site / f"{lang}pages/contribuer.html").read_text(encoding="utf-8")
    assert word in html
    for kind in KINDS:
        assert f'id="fields-{kind.name}"' in html
        for f in kind.fields:
            if f.name != "lang":
                assert f"<code>{f.name}</code>" in html, f.name
    assert 'href="../proposer.html"' in html  # the link written in the page's Markdown
    assert "github.com/labo-ess-afrique/site/new/main?filename=content/organisations/nouvelle-entree.md&amp;value=" in html
