"""Publishing to the gh-pages branch: the site at the root, previews in pr-preview/pr-N/, on a local remote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.contribute.helpers import ROOT
from tests.contribute.scratch import ENV

from contribute import ghpages, preview

SCRIPT = ROOT / "plugins/contribute/ghpages.py"
PREVIEW = ROOT / "plugins/contribute/preview.py"
SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    path = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    return path


def site(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def branch_files(remote: Path) -> dict[str, str]:
    """{path: text} of the gh-pages branch of `remote`."""
    names = subprocess.run(["git", "-C", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"], check=True,
                           capture_output=True, text=True).stdout.split("\n")
    return {n: subprocess.run(["git", "-C", str(remote), "show", f"gh-pages:{n}"], check=True, capture_output=True,
                              text=True).stdout for n in names if n}


def run(*args: str, remote: Path) -> subprocess.CompletedProcess:
    """The script as the workflow runs it: the runner's python3, no package on the path."""
    env = {**os.environ, **ENV, "GH_PAGES_REMOTE": str(remote), "GITHUB_SHA": SHA}
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-I", str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          check=False, timeout=60)


def test_the_site_previews_and_their_removal_live_side_by_side(remote: Path, tmp_path: Path) -> None:
    first = site(tmp_path / "v1", {"index.html": "v1", "old.html": "gone soon", "_underscore/x.css": "kept"})
    assert run("site", str(first), remote=remote).returncode == 0
    assert branch_files(remote) == {".nojekyll": "", "index.html": "v1", "old.html": "gone soon",
                                    "_underscore/x.css": "kept"}
    pr = site(tmp_path / "pr", {"index.html": "preview 7", "en/index.html": "preview 7 en"})
    assert run("preview", str(pr), "7", remote=remote).returncode == 0
    second = site(tmp_path / "v2", {"index.html": "v2"})
    done = run("site", str(second), remote=remote)
    assert done.returncode == 0 and "ghpages: pushed" in done.stderr
    assert branch_files(remote) == {".nojekyll": "", "index.html": "v2", "pr-preview/pr-7/index.html": "preview 7",
                                    "pr-preview/pr-7/en/index.html": "preview 7 en"}
    assert "ghpages: unchanged" in run("site", str(second), remote=remote).stderr
    clone = tmp_path / "clone"  # a custom domain set in Settings > Pages: GitHub commits a CNAME file
    subprocess.run(["git", "clone", "-q", "-b", "gh-pages", str(remote), str(clone)], check=True)
    (clone / "CNAME").write_text("www.labo-ess.africa\n", encoding="utf-8")
    for args in (["add", "CNAME"], ["commit", "-q", "-m", "Create CNAME"], ["push", "-q", "origin", "gh-pages"]):
        subprocess.run(["git", "-C", str(clone), *args], check=True, env={**os.environ, **ENV})
    assert run("site", str(site(tmp_path / "v3", {"index.html": "v2 again"})), remote=remote).returncode == 0
    assert branch_files(remote)["CNAME"] == "www.labo-ess.africa\n"
    assert run("site", str(second), remote=remote).returncode == 0
    assert run("remove", "7", remote=remote).returncode == 0
    assert branch_files(remote) == {".nojekyll": "", "index.html": "v2", "CNAME": "www.labo-ess.africa\n"}
    assert "ghpages: unchanged" in run("remove", "7", remote=remote).stderr


@pytest.mark.parametrize("bad", ["symlink", "dotgit", "fifo"])
def test_a_folder_with_anything_but_plain_files_is_refused(remote: Path, tmp_path: Path, bad: str) -> None:
    pr = site(tmp_path / "pr", {"index.html": "x"})
    if bad == "symlink":
        (pr / "passwd.html").symlink_to("/etc/passwd")
    elif bad == "dotgit":
        site(pr, {".git/config": "[core]\n"})
    else:
        os.mkfifo(pr / "pipe")
    done = run("preview", str(pr), "3", remote=remote)
    assert done.returncode == 1 and "refused to publish" in done.stderr
    assert subprocess.run(["git", "-C", str(remote), "rev-parse", "--verify", "-q", "gh-pages"],
                          capture_output=True).returncode != 0  # nothing was pushed


def test_the_site_cannot_bring_its_own_preview_folder(remote: Path, tmp_path: Path) -> None:
    done = run("site", str(site(tmp_path / "s", {"pr-preview/pr-1/index.html": "x"})), remote=remote)
    assert done.returncode == 1 and "top-level pr-preview/" in done.stderr


@pytest.mark.parametrize("number", ["0", "-3", "1e3", "7/../../x", "abc"])
def test_a_preview_number_must_be_a_pull_request_number(remote: Path, tmp_path: Path, number: str) -> None:
    done = run("preview", str(site(tmp_path / "p", {"index.html": "x"})), number, remote=remote)
    assert done.returncode == 1


def test_a_push_refused_by_a_concurrent_deploy_is_redone_on_the_new_tip(remote: Path, tmp_path: Path,
                                                                        monkeypatch) -> None:
    monkeypatch.setattr(os, "environ", {**os.environ, **ENV})
    ghpages.update(str(remote), site(tmp_path / "v1", {"index.html": "v1"}), "", "site", pause=0)
    apply, calls = ghpages._apply, []

    def racing(work: Path, source: Path | None, target: str) -> None:
        calls.append(target)
        if len(calls) == 1:  # another workflow deploys a preview meanwhile
            ghpages.update(str(remote), site(tmp_path / "p9", {"index.html": "nine"}), "pr-preview/pr-9", "p9",
                           pause=0)
        apply(work, source, target)

    monkeypatch.setattr(ghpages, "_apply", racing)
    result = ghpages.update(str(remote), site(tmp_path / "p4", {"index.html": "four"}), "pr-preview/pr-4", "p4",
                            pause=0)
    assert result == "pushed" and len(calls) == 3  # refused once (the inner deploy made the second call)
    files = branch_files(remote)
    assert files["pr-preview/pr-9/index.html"] == "nine" and files["pr-preview/pr-4/index.html"] == "four"


@pytest.mark.parametrize(("repository", "override", "url"), [
    ("labo-ess-afrique/site", "", "https://labo-ess-afrique.github.io/site"),
    ("Labo-ESS/Site", "", "https://labo-ess.github.io/Site"),
    ("yampukri/yampukri.github.io", "", "https://yampukri.github.io"),
    ("labo-ess-afrique/site", "https://www.labo-ess.africa/", "https://www.labo-ess.africa"),
])
def test_pages_url(repository: str, override: str, url: str) -> None:
    assert ghpages.pages_url(repository, override) == url


# -- The preview request: written by the unprivileged run, checked by the privileged one ----------------------


def pull(**changes) -> dict:
    """A pull request as `gh api repos/o/r/pulls/N` returns it (the fields the check reads)."""
    data = {"number": 7, "state": "open", "author_association": "FIRST_TIME_CONTRIBUTOR",
            "base": {"ref": "main", "repo": {"full_name": "labo/site"}},
            "head": {"sha": SHA, "repo": {"full_name": "stranger/site"}}}
    for key, value in changes.items():
        if key == "head_repo":
            data["head"]["repo"]["full_name"] = value
        elif key == "head_sha":
            data["head"]["sha"] = value
        elif key == "base_ref":
            data["base"]["ref"] = value
        else:
            data[key] = value
    return data


def test_a_request_round_trips_and_a_forged_one_is_refused(tmp_path: Path) -> None:
    preview.write_request(tmp_path / "a", 7, SHA, "deploy")
    assert preview.read_request(tmp_path / "a") == preview.Request(7, SHA, "deploy")
    for forged in ({"number": True, "head_sha": SHA, "action": "deploy"},
                   {"number": "7", "head_sha": SHA, "action": "deploy"},
                   {"number": 7, "head_sha": SHA[:-1] + "g", "action": "deploy"},
                   {"number": 7, "head_sha": SHA, "action": "run"},
                   {"number": 7, "head_sha": SHA, "action": "deploy", "path": "../../"},
                   [7, SHA, "deploy"]):
        (tmp_path / "b").mkdir(exist_ok=True)
        (tmp_path / "b/request.json").write_text(json.dumps(forged), encoding="utf-8")
        with pytest.raises(preview.RequestError):
            preview.read_request(tmp_path / "b")
    (tmp_path / "c").mkdir()
    (tmp_path / "c/request.json").symlink_to(tmp_path / "a/request.json")
    with pytest.raises(preview.RequestError, match="no plain request.json"):
        preview.read_request(tmp_path / "c")


@pytest.mark.parametrize(("request_", "given", "files", "refusal"), [
    ("deploy", pull(), ["content/organisations/x.md"], ""),
    ("deploy", pull(head_sha="f" * 40), ["content/x.md"], "a newer push will bring its own preview"),
    ("deploy", pull(base_ref="gh-pages"), ["content/x.md"], "is not into main"),
    ("deploy", pull(state="closed"), ["content/x.md"], "is 'closed', not open"),
    ("deploy", pull(head_repo="other/site"), ["content/x.md"], "does not come from 'stranger/site'"),
    ("deploy", pull(number=8), ["content/x.md"], "the API answered for pull request 8"),
    ("deploy", pull(), [".github/workflows/pr.yml", "content/x.md"], "its run is not the base's pr.yml"),
    ("deploy", pull(author_association="MEMBER"), [".github/workflows/pr.yml"], ""),
    ("remove", pull(state="closed"), [], ""),
    ("remove", pull(), [], "not closed: its preview stays"),
])
def test_the_privileged_side_checks_the_request_against_github(request_, given, files, refusal) -> None:
    problems = preview.verify(preview.Request(7, SHA, request_), given, files, SHA, "stranger/site", "main")
    assert (not problems) if not refusal else any(refusal in p for p in problems), problems


def test_verify_as_the_workflow_runs_it(tmp_path: Path) -> None:
    preview.write_request(tmp_path / "artifact", 7, SHA, "deploy")
    (tmp_path / "pull.json").write_text(json.dumps(pull()), encoding="utf-8")
    (tmp_path / "files.txt").write_text('"content/a.md"\n"content/b c\\nd.md"\n', encoding="utf-8")
    output = tmp_path / "out.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(output)}
    env.pop("PYTHONPATH", None)
    args = [sys.executable, "-I", str(PREVIEW), "verify", str(tmp_path / "artifact"), str(tmp_path / "pull.json"),
            str(tmp_path / "files.txt"), SHA, "stranger/site", "main"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert output.read_text(encoding="utf-8") == f"number=7\naction=deploy\nhead_sha={SHA}\n"
    (tmp_path / "files.txt").write_text('"plugins/evil.py"\n', encoding="utf-8")
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "changes files outside content/ ('plugins/evil.py')" in done.stderr


def test_the_comment_speaks_french_first() -> None:
    text = preview.comment("deploy", "https://labo.github.io/site/pr-preview/pr-7/", SHA)
    assert text.startswith("<!-- labo-preview -->\n**Aperçu du site avec cette proposition : "
                           "https://labo.github.io/site/pr-preview/pr-7/**")
    assert text.index("Aperçu") < text.index("Site preview") and f"`{SHA[:7]}`" in text
    assert preview.comment("remove", "", SHA).startswith("<!-- labo-preview -->\nAperçu retiré")
