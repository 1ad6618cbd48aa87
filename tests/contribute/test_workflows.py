"""The GitHub workflows: zero findings from actionlint and zizmor, the rules they are written by, and the
pull-request jobs run step by step on a scratch clone, as GitHub would run them for a contributor."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.contribute.helpers import ROOT
from tests.contribute.scratch import ENV
from tests.support.ci import skip_or_fail

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


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


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


class Actions:
    """A scratch copy of this repository as `origin` (with a pull request under refs/pull/7/head), and the
    run: steps of a job executed in a clone of the base, with the values GitHub would give them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.origin = tmp / "origin"
        self.origin.mkdir()
        if not (ROOT / ".git").exists():
            pytest.skip("not a git checkout: the workflows' steps are run on a clone of HEAD")
        tree = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(self.origin)], input=tree, check=True)
        self.git(self.origin, "init", "-q", "-b", "main")
        self.git(self.origin, "add", "-A")
        self.git(self.origin, "commit", "-q", "-m", "base")
        self.base = self.git(self.origin, "rev-parse", "HEAD").strip()
        self.bin = tmp / "bin"
        self.bin.mkdir()
        (self.bin / "gh").write_text("#!/bin/sh\ncat \"$FAKE_REVIEWS\"\n", encoding="utf-8")  # the API's reviews
        (self.bin / "gh").chmod(0o755)
        (tmp / "reviews.json").write_text("", encoding="utf-8")
        self.count = 0

    @staticmethod
    def git(repo: Path, *args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                              env={**os.environ, **ENV}).stdout

    def pull_request(self, files: dict[str, str]) -> str:
        self.count += 1
        self.git(self.origin, "checkout", "-q", "-b", f"contribution-{self.count}", self.base)
        for rel, text in files.items():
            (self.origin / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.origin / rel).write_text(text, encoding="utf-8")
        self.git(self.origin, "add", "-A")
        self.git(self.origin, "commit", "-q", "-m", "contribution")
        head = self.git(self.origin, "rev-parse", "HEAD").strip()
        self.git(self.origin, "update-ref", "refs/pull/7/head", head)
        self.git(self.origin, "checkout", "-q", "main")
        return head

    def run_job(self, workflow: str, job: str, head: str, *, author: str = "awa",
                association: str = "FIRST_TIME_CONTRIBUTOR") -> tuple[int, str, str]:
        """(exit code of the first failing step or 0, stdout of the job, job summary)."""
        values = {"github.event.pull_request.base.sha": self.base, "github.event.pull_request.head.sha": head,
                  "github.event.pull_request.number": "7", "github.event.pull_request.author_association": association,
                  "github.event.pull_request.head.repo.full_name": "awa/site", "github.repository": "labo/site",
                  "github.event.pull_request.user.login": author, "github.token": "none"}
        clone = self.tmp / f"ci-{job}"
        shutil.rmtree(clone, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", str(self.origin), str(clone)], check=True, capture_output=True)
        self.git(clone, "checkout", "-q", "--detach", self.base)
        summary = self.tmp / f"summary-{job}.md"
        summary.write_text("", encoding="utf-8")
        output = []
        for step in load(WORKFLOWS / workflow)["jobs"][job]["steps"]:
            script = step.get("run", "")
            if not script or "pip install" in script:  # checkout and Python are this clone and this venv
                continue
            env = {**os.environ, **ENV, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
                   "RUNNER_TEMP": str(self.tmp), "FAKE_REVIEWS": str(self.tmp / "reviews.json"),
                   "PATH": f"{self.bin}:{Path(sys.executable).parent}:{os.environ['PATH']}"}
            for key, value in step.get("env", {}).items():
                env[key] = re.sub(r"\$\{\{ *([\w.]+) *\}\}", lambda m: values[m.group(1)], value)
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=clone,
                                  env=env, capture_output=True, text=True, check=False, timeout=300)
            output.append(done.stdout)
            if done.returncode != 0:
                return done.returncode, "".join(output) + done.stderr, summary.read_text(encoding="utf-8")
        return 0, "".join(output), summary.read_text(encoding="utf-8")


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
