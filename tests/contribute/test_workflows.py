"""The GitHub workflows: zero findings from actionlint and zizmor, the rules they are written by, and the
pull-request jobs run step by step on a scratch clone, as GitHub would run them for a contributor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.contribute.helpers import ROOT
from tests.support.ci import skip_or_fail
from tests.support.pr_steps import Actions, load, steps

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def tool(name: str) -> str:
    """The linter pinned in requirements-dev.txt (next to this Python), else on PATH; skip locally, fail in CI."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        skip_or_fail(f"{name} is not installed (pip install -r requirements-dev.txt)")
    return found


def test_actionlint_finds_nothing() -> None:
    done = subprocess.run([tool("actionlint"), "-no-color", *map(str, FILES)], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_zizmor_offline_finds_nothing() -> None:
    done = subprocess.run([tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github")], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_every_action_is_pinned_by_sha_with_its_version() -> None:
    for path in FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            if line.strip().startswith(("uses:", "- uses:")):
                ref = line.split("uses:", 1)[1].strip()
                assert PINNED.match(ref), f"{path.name}: {ref}"


def test_every_workflow_starts_without_permissions_and_checkout_keeps_no_credentials() -> None:
    for path in FILES:
        workflow = load(path)
        assert workflow["permissions"] == {}, path.name  # each job asks for what it needs
        for job, step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false", f"{path.name}: {job}"


def test_no_expression_is_pasted_into_a_script() -> None:
    for path in FILES:
        for job, step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name}: {job}: pass values through env:"


def test_pull_request_jobs_run_the_base_code_and_never_ask_for_generated_files() -> None:
    for name in ("pr.yml", "ownership.yml"):
        workflow = load(WORKFLOWS / name)
        for job, step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["ref"] == "${{ github.event.pull_request.base.sha }}", f"{name}: {job}"
            assert "--check" not in step.get("run", ""), f"{name}: {job}"
    assert load(WORKFLOWS / "deploy.yml")["on"]["schedule"] == [{"cron": "17 3 * * *"}]  # dates roll over nightly


# -- pr.yml and ownership.yml, step by step, on a scratch clone of this repository --------------------------------


NEW_ORG = ("---\nname: \"Union des tisserandes de Ségou\"\nlegal_form: union_federation\ncountry: ML\ncity: Ségou\n"
           "membership:\n  status: applicant\nmaintainers: [awa-traore]\nsummary: \"Des tisserandes.\"\n---\n\nNous "
           "tissons ensemble.\n")
NEW_PROJECT = ("---\ntitle: \"Un atelier de teinture\"\norganisation: union-tisserandes-segou\ncountry: ML\n"
               "status: in_progress\nsummary: \"Un atelier.\"\n---\n\nLe projet.\n")


@pytest.fixture(scope="module")
def actions(tmp_path_factory) -> Actions:
    return Actions(tmp_path_factory.mktemp("actions"))


def test_a_contributors_new_organisation_and_project_pass_every_check(actions: Actions) -> None:
    head = actions.pull_request({"content/organisations/union-tisserandes-segou.md": NEW_ORG,
                                 "content/projects/atelier-teinture-segou.md": NEW_PROJECT})
    for workflow, job in (("pr.yml", "scope"), ("pr.yml", "content"), ("ownership.yml", "ownership")):
        code, out, summary = actions.run_job(workflow, job, head, author="awa-traore")
        assert code == 0, f"{job}: {out}"
    assert "- Union des tisserandes de Ségou (union-tisserandes-segou) : @awa-traore" in summary


def test_a_change_to_another_organisations_entry_is_flagged(actions: Actions) -> None:
    owned = next(p for p in sorted((ROOT / "content/organisations").glob("*.md"))
                 if "maintainers: [" in p.read_text(encoding="utf-8") and not p.name.endswith(".en.md"))
    text = owned.read_text(encoding="utf-8").replace("\n---\n", "\n---\n\nModifié par quelqu'un d'autre.\n", 1)
    head = actions.pull_request({f"content/organisations/{owned.name}": text})
    assert actions.run_job("pr.yml", "content", head)[0] == 0
    code, out, summary = actions.run_job("ownership.yml", "ownership", head, author="stranger")
    assert code == 1
    assert "Cette proposition modifie 1 fiche(s) qui appartiennent à une organisation" in summary
    assert any(line.startswith("::error title=Approbation des mainteneurs") for line in out.splitlines())


def test_code_in_a_contribution_is_refused_before_anything_runs(actions: Actions) -> None:
    head = actions.pull_request({"tasks.py": "raise SystemExit('pwned')\n", "content/organisations/x.md": NEW_ORG})
    code, out, summary = actions.run_job("pr.yml", "scope", head)
    assert code == 1 and "Cette proposition modifie 1 fichier(s) en dehors du dossier content/." in summary
    assert "- `tasks.py`" in summary
    # The content job, had it run, still uses the base's tasks.py: the pull request's never runs.
    code, out, _ = actions.run_job("pr.yml", "content", head)
    assert "pwned" not in out
