"""A scratch git repository shaped like this one, and pull requests committed to it as a contributor would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.contribute.helpers import ROOT

ORGS = {
    "content/organisations/alpha.md": "---\nname: \"Alpha\"\nmembership:\n  status: member\n"
                                      "maintainers: [kofi]\n---\n",
    "content/organisations/beta.md": "---\nname: \"Beta\"\nmembership:\n  status: partner\n"
                                     "maintainers: [bintou]\n---\n",
    "content/organisations/gamma.md": "---\nname: \"Gamma\"\nmembership:\n  status: observer\n---\n",
    "content/projects/alpha-project.md": "---\ntitle: \"Alpha's well\"\norganisation: alpha\ncountry: BF\n"
                                         "status: completed\n---\n",
    "plugins/code.py": "print('base')\n",
    ".github/workflows/pr.yml": "name: pull request\n",
}
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


class Scratch:
    """`repo` with one commit on main (`base`); `pull_request()` commits changes on a branch and returns its sha."""

    def __init__(self, path: Path, files: dict[str, str] | None = None) -> None:
        self.repo = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        files = dict(ORGS if files is None else files)
        files.setdefault("content/taxonomy.yml", (ROOT / "content/taxonomy.yml").read_text(encoding="utf-8"))
        self._write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "base")
        self.base = self.git("rev-parse", "HEAD").strip()
        self._count = 0

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.repo), *args], capture_output=True, text=True, check=False,
                              env={**os.environ, **ENV})
        assert done.returncode == 0, done.stderr
        return done.stdout

    def _write(self, files: dict[str, str | None]) -> None:
        for rel, text in files.items():
            path = self.repo / rel
            if text is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if text.startswith("symlink:"):
                path.symlink_to(text.removeprefix("symlink:"))
            else:
                path.write_text(text, encoding="utf-8")

    def pull_request(self, files: dict[str, str | None], *, renames: dict[str, str] | None = None) -> str:
        """Commit `files` (None: delete; "symlink:target": a symlink) on a new branch from base; its head sha."""
        self._count += 1
        self.git("checkout", "-q", "-b", f"pr-{self._count}", self.base)
        for old, new in (renames or {}).items():
            (self.repo / new).parent.mkdir(parents=True, exist_ok=True)
            self.git("mv", old, new)
        self._write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", f"pull request {self._count}")
        head = self.git("rev-parse", "HEAD").strip()
        self.git("checkout", "-q", "main")
        return head

    def clone(self, dest: Path) -> Path:
        """A clone of the base as CI makes it (the head commits fetched, the work tree at base)."""
        shutil.rmtree(dest, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", "--no-checkout", str(self.repo), str(dest)], check=True,
                       env={**os.environ, **ENV})
        subprocess.run(["git", "-C", str(dest), "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*"],
                       check=True, env={**os.environ, **ENV})
        subprocess.run(["git", "-C", str(dest), "checkout", "-q", "--detach", self.base], check=True,
                       env={**os.environ, **ENV})
        return dest
