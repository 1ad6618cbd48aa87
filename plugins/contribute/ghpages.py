"""Publish to the `gh-pages` branch: the site at its root, pull-request previews under `pr-preview/pr-N/`.

The pattern of rossjrw/pr-preview-action (GitHub Pages served from a branch, one folder per pull request,
the main deploy leaving `pr-preview/` alone), done here with git alone: the action's release still runs its
deploy and comment steps on Node 20, which GitHub removed from its runners (rossjrw/pr-preview-action#135),
and its comment step cannot find the pull request from a `workflow_run`, where fork previews are deployed.

Every update is a fresh shallow clone of the branch, one commit, one push; when another deploy pushed in
between, the push is refused and the whole update is redone on the new tip (a few times), so the site and
the previews never overwrite each other. Standard library only: the privileged workflows run this file
with the runner's python3 and install nothing. Nothing in the published folder is ever executed; a folder
holding anything but plain files and folders is refused.

    python3 plugins/contribute/ghpages.py site FOLDER             # the site; keeps pr-preview/ and CNAME
    python3 plugins/contribute/ghpages.py preview FOLDER NUMBER   # pr-preview/pr-NUMBER/
    python3 plugins/contribute/ghpages.py remove NUMBER           # deletes pr-preview/pr-NUMBER/
    python3 plugins/contribute/ghpages.py url                     # the Pages address of this repository

The remote is `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY` (or `$GH_PAGES_REMOTE`), the token `$GH_PAGES_TOKEN`,
sent as an HTTP header for this process only: it is never written to disk.
"""

from __future__ import annotations

import base64
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BRANCH = "gh-pages"
UMBRELLA = "pr-preview"
ATTEMPTS = 5
#: A preview or a site larger than this is refused (the shipped site is a few MB; GitHub Pages caps at 1 GB).
MAX_BYTES = 300 * 1024 * 1024
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


class PublishError(Exception):
    """A folder that cannot be published, or a branch that cannot be updated (message for the log)."""


def preview_folder(number: int) -> str:
    """`pr-preview/pr-N`, for a pull request number that is a positive integer (ValueError otherwise)."""
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10**9:
        raise ValueError(f"not a pull request number: {number!r}")
    return f"{UMBRELLA}/pr-{number}"


def pages_url(repository: str, override: str = "") -> str:
    """The site's address without a final slash: `override` (a custom domain), else GitHub's default for
    `owner/name` (`https://owner.github.io/name`, or the root for a repository named `owner.github.io`)."""
    if override.strip():
        return override.strip().rstrip("/")
    owner, _, name = repository.partition("/")
    if not owner or not name or "/" in name:
        raise ValueError(f"not an owner/name repository: {repository!r}")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}" if name.lower() == host else f"https://{host}/{name}"


def check_plain_tree(folder: Path, max_bytes: int = MAX_BYTES) -> list[str]:
    """Problems that forbid publishing `folder`: links, special files, too many bytes (empty list: fine)."""
    problems: list[str] = []
    total = 0
    if not folder.is_dir() or folder.is_symlink():
        return [f"{folder}: not a folder"]
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            if name == ".git":  # would become the branch's own repository, or an embedded one
                problems.append(f"{path.relative_to(folder)!s}: a .git folder or file")
                continue
            mode = path.lstat().st_mode
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                problems.append(f"{path.relative_to(folder)!s}: not a plain file (link or special file)")
                continue
            total += path.lstat().st_size
    if total > max_bytes:
        problems.append(f"{folder}: {total} bytes, more than {max_bytes}")
    return problems


def _git_env() -> dict[str, str]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_AUTHOR_NAME=BOT[0], GIT_AUTHOR_EMAIL=BOT[1],
               GIT_COMMITTER_NAME=BOT[0], GIT_COMMITTER_EMAIL=BOT[1])
    token = os.environ.get("GH_PAGES_TOKEN", "")
    if token:  # as actions/checkout does, but through the environment of this process only
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        count = int(env.get("GIT_CONFIG_COUNT", "0"))
        env.update({"GIT_CONFIG_COUNT": str(count + 1), f"GIT_CONFIG_KEY_{count}": "http.extraheader",
                    f"GIT_CONFIG_VALUE_{count}": f"AUTHORIZATION: basic {basic}"})
    return env


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=_git_env(), capture_output=True, text=True, check=False)


def _clone(remote: str, work: Path) -> None:
    """A shallow clone of the branch, or a new orphan branch when the remote has none yet."""
    done = _git(work.parent, "clone", "-q", "--depth", "1", "--single-branch", "--branch", BRANCH, remote,
                str(work))
    if done.returncode == 0:
        return
    shutil.rmtree(work, ignore_errors=True)
    probe = _git(work.parent, "ls-remote", "--exit-code", "--heads", remote, BRANCH)
    if probe.returncode != 2:  # 2: the remote answered and has no such branch; anything else is a failure
        raise PublishError(f"cannot clone the {BRANCH} branch: {done.stderr.strip()}")
    work.mkdir()
    for args in (("init", "-q"), ("checkout", "-q", "--orphan", BRANCH), ("remote", "add", "origin", remote)):
        _git(work, *args).check_returncode()


def _empty(folder: Path, keep: tuple[str, ...] = ()) -> None:
    """Remove everything in `folder` but `.git` and the top-level names in `keep`."""
    for child in folder.iterdir():
        if child.name == ".git" or child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _apply(work: Path, source: Path | None, target: str) -> None:
    if target:  # a preview: only its own folder changes
        dest = work / target
        if dest.exists():
            shutil.rmtree(dest)
        if source is not None:
            shutil.copytree(source, dest, symlinks=True)
    else:  # the site: everything changes but the previews
        if source is not None and (source / UMBRELLA).exists():
            raise PublishError(f"the site has a top-level {UMBRELLA}/ folder, which holds the previews")
        _empty(work, keep=(UMBRELLA, "CNAME"))  # CNAME: the custom domain GitHub writes when one is set
        if source is not None:
            shutil.copytree(source, work, symlinks=True, dirs_exist_ok=True)
    (work / ".nojekyll").touch()  # serve files as they are: no Jekyll build, `_`-prefixed names kept


def update(remote: str, source: Path | None, target: str, message: str, *, pause: float = 2.0) -> str:
    """Publish `source` (None: remove) at `target` ("" for the root) of the branch; "pushed" or "unchanged"."""
    if source is not None:
        problems = check_plain_tree(source)
        if problems:
            raise PublishError("refused to publish:\n" + "\n".join(problems[:20]))
    last = ""
    for attempt in range(1, ATTEMPTS + 1):
        with tempfile.TemporaryDirectory(prefix="gh-pages-") as tmp:
            work = Path(tmp) / "branch"
            _clone(remote, work)
            _apply(work, source, target)
            _git(work, "add", "-A").check_returncode()
            if _git(work, "diff", "--cached", "--quiet").returncode == 0:
                return "unchanged"
            _git(work, "commit", "-q", "--no-verify", "-m", message).check_returncode()
            pushed = _git(work, "push", "-q", "origin", f"HEAD:refs/heads/{BRANCH}")
            if pushed.returncode == 0:
                return "pushed"
            last = pushed.stderr.strip()
        print(f"ghpages: push refused (attempt {attempt} of {ATTEMPTS}), starting again on the new tip: {last}",
              file=sys.stderr)
        time.sleep(pause * attempt)
    raise PublishError(f"could not push to {BRANCH} after {ATTEMPTS} attempts: {last}")


def _remote() -> str:
    if os.environ.get("GH_PAGES_REMOTE"):
        return os.environ["GH_PAGES_REMOTE"]
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
    return f"{server}/{os.environ['GITHUB_REPOSITORY']}.git"


def main(argv: list[str]) -> int:
    usage = "usage: ghpages.py site FOLDER | preview FOLDER NUMBER | remove NUMBER | url"
    try:
        if argv[:1] == ["url"] and len(argv) == 1:
            print(pages_url(os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("SITE_URL", "")))
            return 0
        if argv[:1] == ["site"] and len(argv) == 2:
            result = update(_remote(), Path(argv[1]), "", "Site: deploy " + os.environ.get("GITHUB_SHA", "")[:12])
        elif argv[:1] == ["preview"] and len(argv) == 3:
            number = int(argv[2])
            result = update(_remote(), Path(argv[1]), preview_folder(number), f"Preview of pull request #{number}")
        elif argv[:1] == ["remove"] and len(argv) == 2:
            number = int(argv[1])
            result = update(_remote(), None, preview_folder(number), f"Remove the preview of pull request #{number}")
        else:
            print(usage, file=sys.stderr)
            return 2
    except (PublishError, ValueError, KeyError, subprocess.CalledProcessError) as exc:
        print(f"ghpages: {exc}", file=sys.stderr)
        return 1
    print(f"ghpages: {result}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
