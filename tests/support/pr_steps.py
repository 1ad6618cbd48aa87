"""The pull-request workflows' steps, run on a scratch clone of this repository as GitHub would run them.

`Actions` makes a copy of HEAD the `origin`, commits a contributor's pull request under refs/pull/7/head
(text, bytes and symbolic links), then runs the `run:` steps of a job of a workflow in a fresh clone of the
base, with the values GitHub would put in their environment. Shared by the workflow tests and the hostile
pull-request tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.contribute.scratch import ENV

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


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

    def pull_request(self, files: dict[str, str | bytes]) -> str:
        """Commit `files` on a branch from the base, as a contributor would: text, bytes, or "symlink:<target>"
        for a symbolic link (git stores links as links). Returns the head commit."""
        self.count += 1
        self.git(self.origin, "checkout", "-q", "-b", f"contribution-{self.count}", self.base)
        for rel, value in files.items():
            path = self.origin / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(value, bytes):
                path.write_bytes(value)
            elif value.startswith("symlink:"):
                path.symlink_to(value.removeprefix("symlink:"))
            else:
                path.write_text(value, encoding="utf-8")
        # -f: an attacker's commit can hold paths .gitignore names (.cache/, output/); git add -f does it.
        self.git(self.origin, "add", "-A", "-f")
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


