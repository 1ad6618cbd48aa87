"""IssueOps: a "new organisation" issue, as GitHub writes its body, becomes a valid entry file, or a French
comment listing what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.conftest import LANGUAGES
from tests.contribute.helpers import ROOT, TODAY

from content_model.validate import validate_site
from contribute import issueops

FORM = issueops.form_text(ROOT)
LABELS = {item["id"]: item["label"] for item in issueops.form_items(FORM)}
CONSENT = "- [X] Je représente cette organisation ou elle est d'accord pour figurer sur le site · I represent this " \
          "organisation or it agrees to appear on the site"


def issue_body(**answers: str) -> str:
    """The body GitHub writes for the form: every question in order, `_No response_` when left empty."""
    answers.setdefault("consent", CONSENT)
    parts = []
    for ident, label in LABELS.items():
        answer = answers.get(ident.replace("-", "_"), answers.get(ident, ""))
        parts.append(f"### {label}\n\n{answer or '_No response_'}")
    return "\n\n".join(parts) + "\n"


GOOD = {
    "name": "Coopérative des tisserandes de Ségou",
    "acronym": "COTIS",
    "legal_form": "cooperative — Coopérative · Cooperative",
    "sectors": "crafts_manufacturing — Artisanat et industrie manufacturière · Craftsmanship and manufacturing, "
               "recycling_water — Recyclage, déchets, eau et restauration écologique · Recycling, waste, water cycle "
               "and ecological restoration",
    "country": "ML",
    "city": "Ségou",
    "coordinates-lat": "13,4317",
    "coordinates-lon": "-6.2157",
    "founded": "2009",
    "membership-status": "applicant — Candidate · Applicant",
    "website": "https://tisserandes.example.org",
    "languages": "fr\nbm",
    "maintainers": "@awa-traore\nkofi",
    "summary": "Des tisserandes qui vendent ensemble.",
    "description": "Nous tissons.\n\n### Nos activités\n\n- teinture\n- tissage",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "organisations").mkdir(parents=True)
    shutil.copy(ROOT / "content/taxonomy.yml", folder / "taxonomy.yml")
    return folder


def test_the_answers_become_a_file_that_validates(content: Path) -> None:
    entry = issueops.entry_from_issue(issue_body(**GOOD), FORM, set(), 42)
    assert entry.problems == [] and entry.slug == "cooperative-des-tisserandes-de-segou"
    (content / f"organisations/{entry.slug}.md").write_text(entry.text, encoding="utf-8")
    report = validate_site(content, languages=LANGUAGES, today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    data = report.registry.get("organisation", entry.slug).data
    assert data["name"] == "Coopérative des tisserandes de Ségou"
    assert data["sectors"] == ["crafts_manufacturing", "recycling_water"]  # labels with commas, two choices
    assert data["coordinates"] == {"lat": 13.4317, "lon": -6.2157}  # the decimal comma understood
    assert data["membership"]["status"] == "applicant" and data["maintainers"] == ["awa-traore", "kofi"]
    assert "acronym: \"COTIS\"" in entry.text
    # a heading inside the description stays in the description
    assert entry.text.endswith("Nous tissons.\n\n### Nos activités\n\n- teinture\n- tissage\n")


def test_typed_text_can_never_become_yaml_structure(content: Path) -> None:
    name = 'Evil"\n---\nunpublished: true\nexample: true #'
    entry = issueops.entry_from_issue(issue_body(**{**GOOD, "name": name, "city": "x\nmaintainers: [mallory]"}),
                                      FORM, set(), 1)
    front = entry.text.split("\n---\n", 1)[0].removeprefix("---\n")
    data = yaml.safe_load(front)
    assert data["name"] == 'Evil" --- unpublished: true example: true #'  # one line, quoted, inert
    assert data["city"] == "x maintainers: [mallory]"
    assert "unpublished" not in data and "example" not in data and data["maintainers"] == ["@awa-traore", "kofi"]


def test_an_existing_name_is_refused_with_the_existing_entry(content: Path) -> None:
    entry = issueops.entry_from_issue(issue_body(**GOOD), FORM, {"cooperative-des-tisserandes-de-segou"}, 3)
    assert entry.problems == [
        "Une fiche existe déjà sous ce nom : content/organisations/cooperative-des-tisserandes-de-segou.md ; "
        "proposez plutôt une correction de cette fiche. · An entry with this name exists already: "
        "content/organisations/cooperative-des-tisserandes-de-segou.md; propose a correction to it instead."]


def test_without_consent_nothing_is_written() -> None:
    entry = issueops.entry_from_issue(issue_body(**{**GOOD, "consent": CONSENT.replace("[X]", "[ ]")}), FORM, set(), 3)
    assert entry.problems[0].startswith("La case « Accord » n'est pas cochée")


def test_a_logo_is_left_to_the_reviewer() -> None:
    logo = "![logo](https://github.com/user-attachments/assets/0000)"
    entry = issueops.entry_from_issue(issue_body(**{**GOOD, "logo": logo}), FORM, set(), 3)
    assert "logo" not in entry.text.split("\n---\n", 1)[0]
    assert entry.notes[0].startswith("Le logo est joint à l'issue")


def run_task(tmp_path: Path, body: str, issue: str = "7") -> tuple[subprocess.CompletedProcess, str]:
    """`invoke issue-entry` on a copy of the repository's content, as the workflow runs it."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    (repo / ".github/ISSUE_TEMPLATE").mkdir(parents=True)
    shutil.copy(ROOT / issueops.FORM_PATH, repo / issueops.FORM_PATH)
    (tmp_path / "issue.md").write_text(body, encoding="utf-8")
    output = tmp_path / "output.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(output)}
    done = subprocess.run([sys.executable, "-m", "invoke", "issue-entry", "--body", str(tmp_path / "issue.md"),
                           "--issue", issue, "--report", str(tmp_path / "report.md"), "--pr-body",
                           str(tmp_path / "pr.md"), "--repo", str(repo)], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False, timeout=120)
    return done, output.read_text(encoding="utf-8") if output.exists() else ""


def test_the_task_writes_the_file_and_the_pull_request_body(tmp_path: Path) -> None:
    done, output = run_task(tmp_path, issue_body(**GOOD))
    assert done.returncode == 0, done.stderr
    assert "ok=true\npath=content/organisations/cooperative-des-tisserandes-de-segou.md\n" in output
    assert "title=Nouvelle organisation · New organisation: Coopérative des tisserandes de Ségou\n" in output
    assert (tmp_path / "repo/content/organisations/cooperative-des-tisserandes-de-segou.md").is_file()
    assert (tmp_path / "pr.md").read_text(encoding="utf-8").rstrip().endswith("Closes #7")


def test_invalid_answers_give_a_french_comment_and_no_file(tmp_path: Path) -> None:
    done, output = run_task(tmp_path, issue_body(**{**GOOD, "country": "Mali", "website": "tisserandes.org"}))
    assert done.returncode == 0, done.stderr
    assert output.startswith("ok=false\npath=\n")
    assert not (tmp_path / "repo/content/organisations/cooperative-des-tisserandes-de-segou.md").exists()
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.startswith("Merci ! Ces réponses ne suffisent pas encore pour créer la fiche")
    problems = [line for line in report.splitlines() if line.startswith("- content/organisations/")]
    assert len(problems) == 2, report
    assert any(": country: " in line for line in problems) and any(": website: " in line for line in problems)
