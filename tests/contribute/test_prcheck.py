"""The pull-request scope check and the content overlay, run as CI runs them on a scratch clone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.contribute.helpers import ROOT
from tests.contribute.scratch import Scratch

from contribute import prcheck

REFUSED_FR = "Cette proposition modifie 2 fichier(s) en dehors du dossier content/."
REFUSED_EN = "This pull request changes 2 file(s) outside the content/ folder."


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path / "origin")


def run_task(*args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    """`invoke <args>` from this repository, as the workflow runs it (GitHub's environment when `summary`)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    if summary is not None:
        env.update(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False, timeout=120)


def test_a_content_only_pull_request_passes(scratch: Scratch) -> None:
    head = scratch.pull_request({"content/organisations/gamma.md": "---\nname: \"Gamma!\"\nmembership:\n"
                                                                   "  status: observer\n---\n"})
    verdict = prcheck.scope(prcheck.changed_paths(scratch.repo, scratch.base, head), "NONE")
    assert verdict.ok and verdict.outside == []
    assert verdict.messages()[0].startswith("La proposition ne modifie que des fichiers de content/.")


def test_a_stranger_changing_code_is_refused_in_french_then_english(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"plugins/code.py": "import os; os.system('curl evil')\n",
                                 ".github/workflows/pr.yml": "name: pwned\n",
                                 "content/organisations/gamma.md": "---\nname: \"G\"\n---\n"})
    clone = scratch.clone(tmp_path / "ci")
    summary = tmp_path / "summary.md"
    done = run_task("pr-scope", "--base", scratch.base, "--head", head, "--association", "FIRST_TIME_CONTRIBUTOR",
                    "--repo", str(clone), summary=summary)
    assert done.returncode == 1
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1  # one annotation; the summary lists every path
    assert errors[0].startswith("::error title=Fichiers hors de content/ · Files outside content/::" + REFUSED_FR)
    assert errors[0].index(REFUSED_FR) < errors[0].index(REFUSED_EN)
    text = summary.read_text(encoding="utf-8")
    assert text.index(REFUSED_FR) < text.index(REFUSED_EN)
    assert "- `.github/workflows/pr.yml`" in text and "- `plugins/code.py`" in text
    assert "content/organisations/gamma.md" not in text


@pytest.mark.parametrize("association", ["OWNER", "MEMBER", "COLLABORATOR", "member"])
def test_a_site_maintainer_may_change_code(scratch: Scratch, association: str) -> None:
    head = scratch.pull_request({"plugins/code.py": "print('new')\n"})
    verdict = prcheck.scope(prcheck.changed_paths(scratch.repo, scratch.base, head), association)
    assert verdict.ok and verdict.trusted and verdict.outside == ["plugins/code.py"]
    assert "à relire comme du code" in verdict.messages()[0]


@pytest.mark.parametrize("association", ["CONTRIBUTOR", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "NONE", "MANNEQUIN",
                                         "", "OWNER "])
def test_other_associations_are_not_maintainers(association: str) -> None:
    verdict = prcheck.scope(["plugins/code.py"], association)
    assert verdict.ok is (association == "OWNER ")  # GitHub's value, spaces aside


def test_a_branch_of_this_repository_is_trusted(scratch: Scratch) -> None:
    head = scratch.pull_request({".github/CODEOWNERS": "* @labo/maintainers\n"})
    verdict = prcheck.scope(prcheck.changed_paths(scratch.repo, scratch.base, head), "NONE", same_repository=True)
    assert verdict.ok


def test_moving_a_file_out_of_content_lists_both_paths(scratch: Scratch) -> None:
    head = scratch.pull_request({}, renames={"content/organisations/gamma.md": "themes/gamma.md"})
    verdict = prcheck.scope(prcheck.changed_paths(scratch.repo, scratch.base, head), "NONE")
    assert not verdict.ok and verdict.outside == ["themes/gamma.md"]
    assert prcheck.changed_paths(scratch.repo, scratch.base, head) == ["content/organisations/gamma.md",
                                                                        "themes/gamma.md"]


def test_a_name_with_a_newline_stays_on_one_annotation_line(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"plugins/x\n::warning::forged.py": "x = 1\n"})
    clone = scratch.clone(tmp_path / "ci")
    done = run_task("pr-scope", "--base", scratch.base, "--head", head, "--association", "NONE",
                    "--repo", str(clone), summary=tmp_path / "s.md")
    assert done.returncode == 1
    assert not any(line.startswith("::warning") for line in done.stdout.splitlines())
    assert "- `plugins/x\\n::warning::forged.py`" in (tmp_path / "s.md").read_text(encoding="utf-8")


def test_the_overlay_takes_content_only_and_keeps_symlinks_as_symlinks(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/organisations/gamma.md": None,
                                 "content/organisations/delta.md": "---\nname: \"Delta\"\n---\n",
                                 "content/documents/secret.pdf": "symlink:/etc/passwd",
                                 "plugins/code.py": "print('pull request')\n"})
    clone = scratch.clone(tmp_path / "ci")
    done = run_task("pr-content", "--head", head, "--repo", str(clone))
    assert done.returncode == 0, done.stderr
    assert not (clone / "content/organisations/gamma.md").exists()  # removed by the pull request
    assert (clone / "content/organisations/delta.md").read_text(encoding="utf-8").startswith("---\nname: \"Delta\"")
    link = clone / "content/documents/secret.pdf"
    assert link.is_symlink() and os.readlink(link) == "/etc/passwd"  # left for the validator to refuse by lstat
    assert (clone / "plugins/code.py").read_text(encoding="utf-8") == "print('base')\n"  # the code stays the base's
    assert (clone / "content/taxonomy.yml").is_file()


def test_the_overlay_of_a_head_without_content_leaves_an_empty_folder(tmp_path: Path) -> None:
    scratch = Scratch(tmp_path / "origin")
    head = scratch.pull_request({path: None for path in scratch.git("ls-files", "content").split()})
    clone = scratch.clone(tmp_path / "ci")
    prcheck.overlay_content(clone, head)
    assert (clone / "content").is_dir() and not any((clone / "content").iterdir())


def test_export_tree_drops_links(scratch: Scratch, tmp_path: Path) -> None:
    head = scratch.pull_request({"content/documents/secret.pdf": "symlink:../../../../etc/passwd"})
    content = prcheck.export_tree(scratch.repo, head, "content", tmp_path / "head")
    assert (content / "organisations/alpha.md").is_file()
    assert not (content / "documents/secret.pdf").exists() and not (content / "documents/secret.pdf").is_symlink()
