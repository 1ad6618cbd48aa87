"""Organisations approve changes to their entries: the `ownership` pull-request check, offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import LANGUAGES
from tests.contribute.helpers import TODAY
from tests.contribute.scratch import Scratch
from tests.contribute.test_prcheck import run_task

from content_model.validate import validate_site
from contribute import ownership, prcheck

WAITING_FR = "Cette proposition modifie 1 fiche(s) qui appartiennent à une organisation : « Alpha's well »."
WAITING_EN = "This pull request changes 1 entry owned by an organisation: \"Alpha's well\"."
PROJECT = "---\ntitle: \"Alpha's well\"\norganisation: alpha\ncountry: BF\nstatus: funded\n---\n"


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path / "origin")


def review(login: str, state: str, commit: str, association: str = "NONE") -> dict:
    """One review as GitHub's REST API returns it (the fields the check reads)."""
    return {"user": {"login": login, "type": "User"}, "state": state, "commit_id": commit,
            "author_association": association, "submitted_at": "2026-12-06T10:00:00Z"}


def verdict(scratch: Scratch, head: str, author: str, reviews: list[dict], tmp_path: Path):
    """(ok, annotation, summary) of the check, computed as the task does, on a clone at the base commit."""
    clone = scratch.clone(tmp_path / "ci")
    base = validate_site(clone / "content", languages=LANGUAGES, today=TODAY).registry
    head_content = prcheck.export_tree(clone, head, "content", tmp_path / "head")
    head_registry = validate_site(head_content, languages=LANGUAGES, today=TODAY).registry
    paths = prcheck.changed_paths(clone, scratch.base, head)
    decisions = ownership.decide(ownership.requirements(paths, base, head_registry), author, reviews, head)
    return ownership.messages(decisions, ownership.new_maintainers(paths, base, head_registry))


def test_a_change_to_an_owned_project_waits_for_its_maintainers(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT})
    ok, annotation, summary = verdict(scratch, head, "stranger", [], tmp_path)
    assert not ok
    assert annotation.startswith(WAITING_FR)
    assert annotation.index(WAITING_FR) < annotation.index(WAITING_EN)
    assert "écrivez un commentaire sur la proposition : @kofi." in annotation
    assert "| Alpha's well (projet · project `alpha-project`) | `content/projects/alpha-project.md` | Alpha (alpha) " \
           "| @kofi | ❌ en attente · waiting |" in summary


@pytest.mark.parametrize(("reviews", "passes"), [
    ([("kofi", "APPROVED", "head")], True),
    ([("KOFI", "APPROVED", "head")], True),  # logins are case-insensitive
    ([("kofi", "APPROVED", "old")], False),  # an approval of an earlier version: the last push was not seen
    ([("kofi", "APPROVED", "head"), ("kofi", "CHANGES_REQUESTED", "head")], False),
    ([("kofi", "APPROVED", "head"), ("kofi", "COMMENTED", "head")], True),  # a comment keeps the approval
    ([("kofi", "DISMISSED", "head")], False),
    ([("kofi", "PENDING", "head")], False),
    ([("bintou", "APPROVED", "head")], False),  # another organisation's maintainer
    ([("stranger", "APPROVED", "head")], False),
])
def test_an_approval_by_a_maintainer_of_the_entry(scratch: Scratch, tmp_path: Path, reviews, passes) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT})
    given = [review(login, state, head if commit == "head" else scratch.base) for login, state, commit in reviews]
    ok, annotation, summary = verdict(scratch, head, "stranger", given, tmp_path)
    assert ok is passes
    if passes:
        assert "✅ approuvée par · approved by @" in summary


@pytest.mark.parametrize(("association", "passes"), [("MEMBER", True), ("OWNER", True), ("COLLABORATOR", True),
                                                     ("CONTRIBUTOR", False), ("NONE", False)])
def test_a_site_maintainer_may_approve_instead(scratch: Scratch, tmp_path: Path, association, passes) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT})
    ok, _, summary = verdict(scratch, head, "stranger", [review("staff", "APPROVED", head, association)], tmp_path)
    assert ok is passes
    if passes:
        assert "approved by site maintainer @staff" in summary


def test_the_entry_maintainer_opening_the_pull_request_needs_no_approval(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT})
    ok, _, summary = verdict(scratch, head, "Kofi", [], tmp_path)
    assert ok and "✅ proposée par · opened by @Kofi" in summary


def test_adding_oneself_as_maintainer_does_not_grant_the_approval(scratch: Scratch, tmp_path: Path) -> None:
    alpha = "---\nname: \"Alpha\"\nmembership:\n  status: member\nmaintainers: [kofi, mallory]\n---\n"
    head = scratch.pull_request({"content/organisations/alpha.md": alpha})
    ok, annotation, summary = verdict(scratch, head, "mallory", [review("mallory", "APPROVED", head)], tmp_path)
    assert not ok  # the maintainers are read from the base branch
    assert "@kofi" in annotation and "@mallory" not in annotation.split("commentaire")[1].split(".")[0]
    assert "#### Nouveaux mainteneurs déclarés · New maintainers declared" in summary
    assert "- Alpha (alpha) : @mallory" in summary


def test_a_new_entry_naming_an_organisation_needs_its_consent(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/projects/beta-scheme.md": "---\ntitle: \"Beta's scheme\"\n"
                                                                    "organisation: beta\ncountry: BF\n"
                                                                    "status: funded\n---\n"})
    ok, annotation, summary = verdict(scratch, head, "stranger", [], tmp_path)
    assert not ok and "@bintou" in annotation
    assert "Beta (beta) — attribuée par la proposition · named by the pull request" in summary
    assert verdict(scratch, head, "stranger", [review("bintou", "APPROVED", head)], tmp_path)[0]


def test_moving_a_project_to_another_organisation_needs_both(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT.replace("alpha\n", "beta\n")})
    assert not verdict(scratch, head, "stranger", [review("bintou", "APPROVED", head)], tmp_path)[0]
    assert not verdict(scratch, head, "stranger", [review("kofi", "APPROVED", head)], tmp_path)[0]
    assert verdict(scratch, head, "stranger", [review("kofi", "APPROVED", head), review("bintou", "APPROVED", head)],
                   tmp_path)[0]


def test_a_new_organisation_with_maintainers_and_its_project_pass(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({
        "content/organisations/delta.md": "---\nname: \"Delta\"\nmembership:\n  status: applicant\n"
                                          "maintainers: [awa]\n---\n",
        "content/projects/delta-project.md": "---\ntitle: \"Delta's mill\"\norganisation: delta\ncountry: ML\n"
                                             "status: seeking_funding\n---\n"})
    ok, annotation, summary = verdict(scratch, head, "awa", [], tmp_path)
    assert ok
    assert annotation.startswith("Aucune fiche modifiée n’appartient à une organisation qui a des mainteneurs.")
    assert "- Delta (delta) : @awa" in summary  # shown to the reviewer, who checks who awa is


def test_an_organisation_without_maintainers_is_the_site_maintainers_to_review(scratch: Scratch,
                                                                                 tmp_path: Path) -> None:
    head = scratch.pull_request({"content/organisations/gamma.md": "---\nname: \"Gamma 2\"\nmembership:\n"
                                                                   "  status: observer\n---\n"})
    assert verdict(scratch, head, "stranger", [], tmp_path)[0]


def test_the_task_reads_reviews_from_the_api_and_writes_the_summary(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/projects/alpha-project.md": PROJECT})
    clone = scratch.clone(tmp_path / "ci")
    reviews = tmp_path / "reviews.json"
    reviews.write_text("", encoding="utf-8")  # no review yet
    summary = tmp_path / "summary.md"
    done = run_task("pr-owners", "--base", scratch.base, "--head", head, "--author", "stranger", "--reviews",
                    str(reviews), "--repo", str(clone), summary=summary)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and WAITING_FR in errors[0]
    assert WAITING_FR in summary.read_text(encoding="utf-8")
    # `gh api --paginate --jq '.[]'` writes one review per line
    reviews.write_text("\n".join(json.dumps(r) for r in [review("someone", "COMMENTED", head),
                                                          review("kofi", "APPROVED", head)]), encoding="utf-8")
    done = run_task("pr-owners", "--base", scratch.base, "--head", head, "--author", "stranger", "--reviews",
                    str(reviews), "--repo", str(clone), summary=summary)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Chaque fiche modifiée est approuvée par ses mainteneurs ou par un mainteneur du site." in done.stdout
