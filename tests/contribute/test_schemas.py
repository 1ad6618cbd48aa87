"""JSON Schemas, CONTRIBUTING.md and the issue form are current; the schemas are valid and match the content."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from tests.contribute.helpers import ROOT, load_tasks

from content_model import frontmatter
from content_model.schema import KINDS, KINDS_BY_NAME
from content_model.taxonomy import load
from contribute import contributing, issueform, schemas
from contribute.filetemplate import file_template

SCHEMAS = ROOT / schemas.FOLDER


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return load_tasks().generated_files()


def test_generated_files_are_current(generated) -> None:
    stale = [rel for rel, text in generated.items()
             if not (ROOT / rel).is_file() or (ROOT / rel).read_text(encoding="utf-8") != text]
    assert stale == [], f"not current: {stale}; run `invoke schemas` and commit the result"
    shipped = {f"{schemas.FOLDER}/{p.name}" for p in SCHEMAS.glob("*.json")}
    assert shipped == {rel for rel in generated if rel.startswith(schemas.FOLDER + "/")}


def test_every_kind_has_a_schema_and_each_is_valid() -> None:
    for kind in KINDS:
        schema = json.loads((SCHEMAS / f"{kind.name}.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        assert set(schema["properties"]) == {f.name for f in kind.fields}
        assert schema["required"] == [f.name for f in kind.fields if f.required]


def _as_json(value):
    """What a YAML 1.2 editor sees: dates are text ("2027-03-10", "2027-03-10 09:00")."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_every_shipped_content_file_matches_its_schema() -> None:
    checked = 0
    for path in sorted((ROOT / "content").rglob("*.md")):
        rel = path.relative_to(ROOT / "content").as_posix()
        if rel.split("/")[0] not in {k.folder for k in KINDS}:
            continue
        fm = frontmatter.parse(path.read_text(encoding="utf-8"))
        errors = [f"{rel}: {'.'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in _validator(schemas.schema_for_file(rel)).iter_errors(_as_json(fm.data))]
        assert errors == []
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("data, where", [
    ({"name": "X", "membership": {"status": "member"}, "country": "Burkina"}, "country"),
    ({"name": "X", "membership": {"status": "member"}, "contry": "BF"}, ""),
    ({"name": "X"}, ""),
    ({"name": "X", "membership": {"status": "membre"}}, "membership.status"),
    ({"name": "X", "membership": {"status": "member"}, "website": "javascript:alert(1)"}, "website"),
    ({"name": "X", "membership": {"status": "member"}, "coordinates": {"lat": 12.3}}, "coordinates"),
    ({"name": "X\ny", "membership": {"status": "member"}}, "name"),
])
def test_the_organisation_schema_refuses_what_the_validator_refuses(data, where) -> None:
    errors = list(_validator("organisation.json").iter_errors(data))
    assert errors, data
    assert any(".".join(map(str, e.absolute_path)) == where for e in errors), [e.message for e in errors]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_new_template_passes_its_schema_but_for_its_empty_required_fields(kind) -> None:
    """Editors flag only what the contributor must fill in: blank optional fields are allowed."""
    taxonomy, _ = load(ROOT / "content/taxonomy.yml")
    data = _as_json(frontmatter.parse(file_template(kind, "Titre", taxonomy)).data)
    flagged = {e.absolute_path[0] for e in _validator(f"{kind.name}.json").iter_errors(data)}
    assert flagged == {f.name for f in kind.fields if f.required} - {kind.title_field}


def test_translations_have_their_own_schema() -> None:
    validator = _validator("organisation.translation.json")
    assert list(validator.iter_errors({"name": "Women market gardeners", "summary": "A cooperative."})) == []
    assert list(validator.iter_errors({"name": "X", "country": "BF"}))  # facts come from the original
    assert schemas.schema_for_file("organisations/raess.en.md") == "organisation.translation.json"
    assert KINDS_BY_NAME["organisation"].get("name").translatable


@pytest.fixture(scope="module")
def contribution_files() -> dict[str, str]:
    """CONTRIBUTING.md and the field references, as `invoke schemas` writes them (contributing.generated)."""
    tasks = load_tasks()
    settings, published = tasks._settings(), tasks._settings(publish=True)
    content = ROOT / "content"
    taxonomy, _ = load(content / "taxonomy.yml")
    return contributing.generated(content, taxonomy, tasks._translate(), languages=tuple(settings["LANGUAGES"]),
                                  siteurl=published["SITEURL"], repository=settings["REPOSITORY_URL"],
                                  branch=settings["REPOSITORY_BRANCH"])


def test_contributing_and_the_field_references_are_current(contribution_files) -> None:
    assert set(contribution_files) == {"CONTRIBUTING.md", "docs/champs.md", "docs/fields.md", "docs/campos.md"}
    stale = [rel for rel, text in contribution_files.items() if (ROOT / rel).read_text(encoding="utf-8") != text]
    assert stale == [], f"not current: {stale}; run `invoke schemas` and commit the result"


def test_contributing_is_short_and_for_people_in_every_language(contribution_files) -> None:
    text = contribution_files["CONTRIBUTING.md"]
    assert len(text.encode("utf-8")) < 6_000 * 3  # a few phone screens per language (fr, en, pt), not 72 KB
    assert "# Contribuer" in text and "# Contribute" in text and "# Contribuir" in text
    assert "<!-- from content/pages/contribuer.md -->" in text
    assert "<!-- from content/pages/contribuer.en.md -->" in text
    assert "<!-- from content/pages/contribuer.pt.md -->" in text
    assert "Três formas de contribuir" in text and "](docs/campos.md)" in text
    for words in ("Trois façons de contribuer", "Ce qui se passe ensuite", "dans la semaine", "Corriger ou retirer",
                  "Three ways to contribute", "What happens next", "within a week", "Correcting or withdrawing",
                  "invoke import membres.xlsx --kind organisations --dry-run", "invoke export --kind organisations"):
        assert words in text, words
    assert "](docs/champs.md)" in text and "](docs/fields.md)" in text
    assert "/issues/new?template=new-organisation.yml" in text and "/proposer.html)" in text
    assert "| `name` |" not in text and "?filename=" not in text  # the tables and the long links live apart
    assert "](../" not in text  # relative links of the page point at the published site here


@pytest.mark.parametrize("path, lang", [("docs/champs.md", "fr"), ("docs/fields.md", "en"), ("docs/campos.md", "pt")])
def test_each_field_reference_holds_every_field_and_a_prefilled_link_per_kind(contribution_files, path, lang) -> None:
    text = contribution_files[path]
    for kind in KINDS:
        for f in kind.fields:
            if f.name != "lang":
                assert f"| `{f.name}` |" in text, f.name
        assert f"new/main?filename=content/{kind.folder}/nouvelle-entree.md&value=" in text, kind.name
    assert {"fr": "Référence des champs", "en": "Field reference", "pt": "Referência dos campos"}[lang] in text
    assert ("[English](fields.md)" if lang != "en" else "[Français](champs.md)") in text


def test_issue_form_says_what_happens_once_accepted(generated) -> None:
    import yaml

    form = yaml.safe_load(generated[".github/ISSUE_TEMPLATE/new-organisation.yml"])
    intro = form["body"][0]["attributes"]["value"]
    assert "Un mainteneur relit votre demande et ajoutera l'étiquette « acceptée » : la fiche sera alors proposée " \
           "automatiquement" in intro
    assert "add the label “acceptée” (accepted): the entry is then proposed automatically" in intro
    workflow = (ROOT / ".github/workflows/issueops.yml").read_text(encoding="utf-8")
    assert f"github.event.label.name == '{issueform.ACCEPTED}'" in workflow


def test_issue_form_asks_every_field_a_person_can_answer(generated) -> None:
    import yaml

    form = yaml.safe_load(generated[".github/ISSUE_TEMPLATE/new-organisation.yml"])
    ids = {item.get("id") for item in form["body"]}
    assert {"name", "membership-status", "country", "sectors", "maintainers", "coordinates-lat"} <= ids
    assert not {"slug", "example", "unpublished"} & ids
    status = next(i for i in form["body"] if i.get("id") == "membership-status")
    assert status["attributes"]["options"][0] == "member — Membre · Member"
    assert all(len(i["attributes"].get("label", "")) <= 100 for i in form["body"])
