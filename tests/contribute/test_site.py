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
    assert sorted(page.paths) == sorted(expected) and len(set(page.paths)) == len(page.paths)
    assert page.form_hidden is True  # shown by the script; without it the page says to write to us
    assert all(i in page.labels_for for i in page.inputs), set(page.inputs) - page.labels_for


def test_git_words_are_folded_under_technical_details(shipped_site) -> None:
    html = (shipped_site / "proposer/organisation.html").read_text(encoding="utf-8")
    form = html[html.index('<form id="propose-form"'):html.index("</form>")]
    folded = "".join(re.findall(r'<details class="technical">.*?</details>', form, re.S))
    outside = re.sub(r'<details class="technical">.*?</details>', "", form, flags=re.S)
    assert 'id="f-slug"' in folded and 'id="f-maintainers"' in folded
    for word in (r"\bGit\b", "dépôt", "pull request", "YAML", "content/", r"\.md\b", "identifiant"):
        assert not re.search(word, outside, re.I), word
    assert "Envoyer ma fiche" in form and "Détails techniques" in form


def test_numbers_are_typed_as_text_with_a_decimal_keypad(shipped_site) -> None:
    html = (shipped_site / "proposer/project.html").read_text(encoding="utf-8")
    goal = re.search(r'<input [^>]*id="f-funding-goal"[^>]*>', html)[0]
    assert 'type="text"' in goal and 'inputmode="decimal"' in goal and "min=" not in goal and "step=" not in goal


def test_the_organisation_form_takes_a_logo_and_offers_a_first_project(shipped_site) -> None:
    html = (shipped_site / "proposer/organisation.html").read_text(encoding="utf-8")
    logo = re.search(r'<input [^>]*id="f-logo"[^>]*>', html)[0]
    assert 'type="file"' in logo and 'accept="image/png,image/jpeg,image/webp,image/gif"' in logo
    assert 'data-more="../theme/js/propose-org.min.js"' in html
    assert 'data-src="../theme/js/propose-organisation-project.fr.js"' in html
    assert 'id="premier-projet"' in html
    project = (shipped_site / "proposer/project.html").read_text(encoding="utf-8")
    assert 'href="../proposer/organisation.html#premier-projet"' in project
    assert "Votre organisation n’est pas encore dans l’annuaire ?" in project
    assert 'data-more="../theme' not in project  # nothing to load: no logo, no second step


def test_the_second_step_holds_the_project_without_its_organisation_field(shipped_site) -> None:
    text = (shipped_site / "theme/js/propose-organisation-project.fr.js").read_text(encoding="utf-8")
    step = json.loads(re.fullmatch(r"window\.LABO_PROPOSE_STEP=(\{.*\});\n", text, re.S)[1])
    parser = _Controls()
    parser.feed(step["html"])
    kind = next(k for k in FORM_KINDS if k.name == "project")
    assert sorted(parser.paths) == sorted(p for p, f in form_fields(kind) if f.type != "object" and p != "organisation")
    assert 'data-fixed="organisation"' in step["html"] and "Son premier projet" in step["html"]
    assert set(step["rules"]["kinds"]) == {"project"} and step["rules"]["lang"] == "fr"


def test_without_javascript_the_page_says_whom_to_write_to(shipped_site) -> None:
    html = (shipped_site / "proposer/organisation.html").read_text(encoding="utf-8")
    nojs = html[html.index('id="propose-nojs"'):html.index('id="propose-form"')]
    assert 'href="mailto:contact@labo-ess-afrique.org"' in nojs
    assert 'href="../modeles/organisation.md" download="organisation.md"' in nojs
    assert 'src="../theme/js/propose-organisation.fr.js"' in html and 'src="../theme/js/propose.min.js"' in html


def test_templates_are_served_as_downloads(shipped_site) -> None:
    taxonomy, _ = load(ROOT / "content/taxonomy.yml")
    for kind in KINDS:
        served = (shipped_site / f"modeles/{kind.name}.md").read_text(encoding="utf-8")
        assert served == file_template(kind, "", taxonomy)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_page_loads_its_own_rules_file(shipped_site, lang) -> None:
    for kind in FORM_KINDS:
        text = (shipped_site / f"theme/js/propose-{kind.name}.{lang}.js").read_text(encoding="utf-8")
        rules = json.loads(re.fullmatch(r"window\.LABO_PROPOSE=(\{.*\});\n", text, re.S)[1])
        assert set(rules["kinds"]) == {kind.name} and rules["lang"] == lang
        assert rules["repository"] == "https://github.com/labo-ess-afrique/site" and rules["branch"] == "main"
        html = (shipped_site / ("" if lang == "fr" else "en/") / f"proposer/{kind.name}.html").read_text("utf-8")
        assert f"theme/js/propose-{kind.name}.{lang}.js" in html


def test_the_served_scripts_are_the_compacted_sources(shipped_site) -> None:
    from contribute.generator import compact_script

    for name in ("propose", "propose-org"):
        source = (ROOT / f"themes/labo/static/js/{name}.js").read_text(encoding="utf-8")
        assert (shipped_site / f"theme/js/{name}.min.js").read_text(encoding="utf-8") == compact_script(source)


def test_propose_index_lists_every_kind_and_how_it_works(shipped_site) -> None:
    html = (shipped_site / "en/proposer.html").read_text(encoding="utf-8")
    for kind in FORM_KINDS:
        assert f'href="../en/proposer/{kind.name}.html"' in html or f'href="proposer/{kind.name}.html"' in html
    assert "How it works" in html and "usually within a week" in html
    assert "My organisation is not in the directory yet" in html and "proposer/organisation.html#premier-projet" in html
    start = html.index('<details class="technical">')
    technical = html[start:html.index("</details>", start)]
    assert "By e-mail" in technical and "On GitHub, prefilled" in technical and "With a GitHub issue form" in technical


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
    new_file = "github.com/labo-ess-afrique/site/new/main?filename=content/organisations/nouvelle-entree.md&amp;value="
    assert new_file in html
