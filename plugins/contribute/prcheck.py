"""The pull-request checks that run with the base branch's code: scope and the contribution's content.

A pull request is hostile until reviewed (issue 12): the workflow checks out the BASE commit, runs the base's
code, and takes only `content/` from the pull request's head, as data. This module is that code:

- `changed_paths`: what the pull request changes, from git (`base...head`, as GitHub shows it);
- `scope`: a pull request from someone who is not a site maintainer may change `content/` only; anything
  else (code, workflows, generated files) is refused with a French message, then English;
- `overlay_content`: replace the checkout's `content/` by the head's, without running anything from it
  (symlinks stay symlinks, so that the validator refuses them by `lstat`).

The ownership check (`contribute.ownership`) builds on the same git helpers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: `author_association` values of the site maintainers (GitHub's own words, as in the webhook payloads).
MAINTAINER_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
CONTENT = "content"
#: GitHub shows at most ten annotations per step, and a long list is unreadable: the summary has them all.
ANNOTATED_PATHS = 10


def is_site_maintainer(association: str) -> bool:
    """True for a pull request or review `author_association` of someone who maintains the site."""
    return association.strip().upper() in MAINTAINER_ASSOCIATIONS


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` and return its output; CalledProcessError (with git's message) on failure."""
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, ["git", *args], done.stdout,
                                            done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8", "surrogateescape")


def changed_paths(repo: Path, base: str, head: str) -> list[str]:
    """Every path the pull request adds, changes or removes, as GitHub lists them (`base...head`).

    `--no-renames`: a file moved out of content/ shows as removed there and added elsewhere, both listed.
    `-z`: a name with a newline or a quote is given as it is, never C-quoted.
    """
    out = git(repo, "diff", "--name-only", "-z", "--no-renames", f"{base}...{head}", "--")
    return sorted({p for p in out.split("\0") if p})


def is_content(path: str) -> bool:
    return path.startswith(CONTENT + "/")


@dataclass
class ScopeVerdict:
    """What the scope check decided, with what a contributor must read."""

    ok: bool
    outside: list[str] = field(default_factory=list)  # paths outside content/
    trusted: bool = False  # a site maintainer (or a branch of this repository) may change anything

    def messages(self) -> tuple[str, str]:
        """(annotation text, job-summary Markdown): French first, then English."""
        if self.ok:
            if self.outside:
                fr = (f"Proposition d'un mainteneur du site : {len(self.outside)} fichier(s) hors de content/, "
                      "à relire comme du code.")
                en = (f"Pull request by a site maintainer: {len(self.outside)} file(s) outside content/, to be "
                      "reviewed as code.")
            else:
                fr = "La proposition ne modifie que des fichiers de content/."
                en = "The pull request changes files under content/ only."
            return f"{fr} · {en}", f"### Périmètre · Scope\n\n{fr}\n\n{en}\n" + _path_list(self.outside)
        fr = (f"Cette proposition modifie {len(self.outside)} fichier(s) en dehors du dossier content/. "
              "Une contribution ne peut changer que le contenu (content/) : retirez les autres fichiers de la "
              "proposition, ou demandez à un mainteneur du site de faire ce changement.")
        en = (f"This pull request changes {len(self.outside)} file(s) outside the content/ folder. A contribution "
              "may change content (content/) only: remove the other files from the pull request, or ask a site "
              "maintainer to make that change.")
        summary = (f"### Périmètre : fichiers hors de content/ · Scope: files outside content/\n\n{fr}\n\n{en}\n"
                   + _path_list(self.outside))
        return f"{fr} · {en}", summary


def scope(paths: Iterable[str], association: str, *, same_repository: bool = False) -> ScopeVerdict:
    """Refuse paths outside content/ unless the author maintains the site.

    `same_repository`: the head branch lives in this repository, which only people with write access can
    push to, so its author is trusted like a maintainer (the bot's pull request of generated files too).
    """
    outside = sorted(p for p in paths if not is_content(p))
    trusted = is_site_maintainer(association) or same_repository
    return ScopeVerdict(ok=trusted or not outside, outside=outside, trusted=trusted)


def _path_list(paths: list[str]) -> str:
    if not paths:
        return ""
    return "\n" + "\n".join(f"- `{md_text(p, code=True)}`" for p in paths) + "\n"


def md_text(text: str, *, code: bool = False) -> str:
    """`text` safe in one line of GitHub Markdown, also in a table cell: escaped, inert HTML.

    `code`: for the inside of a code span, where a backslash is a backslash (only `|` needs one in a table).
    """
    from content_model import chars

    text = chars.escape(text)
    if code:
        return text.replace("|", "\\|").replace("`", "'")
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("*", "\\*")
    text = text.replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def command_data(text: str) -> str:
    """`text` as the data of a GitHub workflow command (`::error::…`): one line, whatever it holds."""
    from content_model import chars

    return chars.escape(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def report(annotation: str, summary: str, *, error: bool, title: str) -> None:
    """Print the verdict; on GitHub, one annotation and the job summary (Markdown of any length)."""
    print(summary)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        level = "error" if error else "notice"
        print(f"::{level} title={command_data(title).replace(':', '%3A').replace(',', '%2C')}::"
              f"{command_data(annotation)}")
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with Path(summary_file).open("a", encoding="utf-8") as f:
                f.write(summary + "\n")


def export_tree(repo: Path, sha: str, folder: str, dest: Path) -> Path:
    """Extract `folder` of commit `sha` under `dest` as plain files and folders (links and the rest dropped).

    For reading the head's content as data (the ownership check): nothing is checked out in `repo`.
    """
    import io
    import tarfile

    data = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", sha, "--", folder],
                          capture_output=True, check=False)
    dest.mkdir(parents=True, exist_ok=True)
    if data.returncode != 0:  # the head has no such folder
        (dest / folder).mkdir(parents=True, exist_ok=True)
        return dest / folder

    def plain(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        return tarfile.data_filter(member, path) if member.isfile() or member.isdir() else None

    with tarfile.open(fileobj=io.BytesIO(data.stdout)) as archive:
        archive.extractall(dest, filter=plain)
    return dest / folder


def overlay_content(repo: Path, head: str) -> None:
    """Make `repo/content/` exactly the head's `content/`, the rest of the checkout staying the base's.

    git writes the files (never through a symlink, never outside the folder); a symlink in the pull request
    is written as a symlink, which the validator then refuses by lstat. Files the pull request removed are
    gone. Nothing of the pull request runs: no hook, no filter (the repository's config is the base's).
    """
    target = repo / CONTENT
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    listed = git(repo, "ls-tree", "-d", "--name-only", head, "--", CONTENT).strip()
    if listed:
        git(repo, "checkout", head, "--", CONTENT)
    else:
        target.mkdir()
