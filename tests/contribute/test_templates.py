"""File templates: every field with its help, and a new file validates once its required fields are filled."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from tests.contribute.helpers import ROOT, problems

from content_model import frontmatter
from content_model.schema import KINDS, KINDS_BY_NAME
from content_model.taxonomy import load
from contribute.filetemplate import file_template, new_entry
from contribute.model import walk

#: Valid values for the required fields of each kind (and for the rules across fields: an event says where
#: it takes place, a call for tenders who issues it).
REQUIRED_VALUES = {
    "organisation": {"membership.status": "applicant"},
    "project": {"organisation": "raess", "country": "BF", "status": "in_progress"},
    "event": {"kind": "forum", "start": "2027-03-10", "online": "\"https://meet.example.org/forum\""},
    "service": {"kind": "consulting", "provider": "yam-pukri"},
    "tender": {"kind": "study", "deadline": "2027-01-15", "issuer_name": "\"Ministère exemple\""},
    "article": {"date": "2026-11-01", "category": "annonces"},
    "page": {},
}


def _fill(text: str, values: dict[str, str]) -> str:
    """Type values after the colons of a template, as a contributor does in an editor."""
    lines, stack = text.split("\n"), []
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#") or ":" not in line or line.startswith("---"):
            continue
        indent = (len(line) - len(line.lstrip())) // 2
        key = line.strip().split(":", 1)[0]
        stack[indent:] = [key]
        path = ".".join(stack)
        if path in values:
            lines[i] = " " * (2 * indent) + f"{key}: {values[path]}"
    return "\n".join(lines)


def _required_paths(kind) -> set[str]:
    """Required fields a new file must get: top-level ones and those of required groups."""
    out = set()
    for path, f in walk(kind.fields):
        parts = path.split(".")
        parents_required = len(parts) == 1 or KINDS_BY_NAME[kind.name].get(parts[0]).required
        if f.required and f.type != "object" and parents_required and not _in_list_of_groups(kind, path):
            out.add(path)
    return out


def _in_list_of_groups(kind, path: str) -> bool:
    fields, parts = kind.fields, path.split(".")
    for part in parts[:-1]:
        f = next(x for x in fields if x.name == part)
        if f.many:
            return True
        fields = f.fields
    return False


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_new_file_reports_only_missing_required_fields_then_validates(kind, content_copy) -> None:
    taxonomy, _ = load(content_copy / "taxonomy.yml")
    path = new_entry(content_copy, kind, "Entrée d’essai « n° 1 » : no", taxonomy)
    assert path.name == "entree-d-essai-n-1-no.md"
    rel = f"content/{kind.folder}/{path.name}"
    before = [p for p in problems(content_copy) if p.startswith(rel)]
    empty = {p.split(": ", 2)[1] for p in before if "is empty; give a value" in p}
    assert empty == _required_paths(kind) - {kind.title_field}, before

    path.write_text(_fill(path.read_text(encoding="utf-8"), REQUIRED_VALUES[kind.name]), encoding="utf-8")
    assert problems(content_copy) == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_template_lists_every_field_with_its_help(kind) -> None:
    text = file_template(kind, "Nom", None)
    fm = frontmatter.parse(text)
    assert fm.problems == []
    for path, f in walk(kind.fields):
        if f.name == "lang":
            continue  # derived from the file name
        if _in_list_of_groups(kind, path):
            continue  # items of a list of groups are shown as a commented example
        assert tuple(path.split(".")) in fm.lines, f"{path} missing from the {kind.name} template"
        lines = text.split("\n")
        i, block = fm.lines[tuple(path.split("."))] - 2, []
        while i >= 0 and lines[i].lstrip().startswith("# "):
            block.insert(0, lines[i].strip()[2:])
            i -= 1
        explained = " ".join(block)
        assert f.fr in explained and f.en in explained, (path, block)
    assert fm.data[kind.title_field] == "Nom"


def test_template_title_keeps_what_yaml_would_misread() -> None:
    for title in ("no", "3.10", "Yes: « oui »", "+226 25 30 00 00", "#1 \"quoted\" \\ back"):
        data = yaml.safe_load(file_template(KINDS_BY_NAME["organisation"], title, None).split("---")[1])
        assert data["name"] == title


def test_codes_of_the_taxonomy_are_listed_in_the_template(content_copy) -> None:
    taxonomy, _ = load(content_copy / "taxonomy.yml")
    text = file_template(KINDS_BY_NAME["organisation"], "", taxonomy)
    assert "union_federation" in text and "agriculture" in text


def test_invoke_new_writes_a_unique_file(content_copy) -> None:
    cmd = [sys.executable, "-m", "invoke", "new", "organisation", "Réseau ESS d’Abidjan", "--content",
           str(content_copy)]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "reseau-ess-d-abidjan.md" in first.stdout and "reseau-ess-d-abidjan-2.md" in second.stdout
    assert (content_copy / "organisations/reseau-ess-d-abidjan-2.md").read_text(encoding="utf-8").startswith("---\n")
    bad = subprocess.run([sys.executable, "-m", "invoke", "new", "organisme", "X", "--content", str(content_copy)],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "unknown kind 'organisme'; use one of: organisation, project" in bad.stderr


def test_optional_group_left_empty_counts_as_absent(content_copy) -> None:
    """The template's empty `coordinates:` group is ignored; half-filled, its missing part is reported."""
    path = content_copy / "organisations/essai.md"
    path.write_text("---\nname: \"Essai\"\nmembership:\n  status: member\ncoordinates:\n  lat:\n  lon:\n---\n",
                    encoding="utf-8")
    assert problems(content_copy) == []
    path.write_text("---\nname: \"Essai\"\nmembership:\n  status: member\ncoordinates:\n  lat: 12.3\n  lon:\n---\n",
                    encoding="utf-8")
    assert problems(content_copy) == [
        "content/organisations/essai.md:7: coordinates.lon: is empty; give a value (longitude (−180 to 180))"]
