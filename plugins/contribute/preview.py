"""Pull-request previews across the trust boundary: what the unprivileged run leaves, what the deploy checks.

`pr.yml` runs with a read-only token (a fork's pull request gets nothing else): it builds the preview with
the base's code and leaves an artifact, `site/` plus `request.json` ({number, head_sha, action}). The
privileged `preview.yml` (on `workflow_run`) treats that artifact as data: it reads the request strictly,
then checks it against what GitHub itself says of the pull request (REST API, saved to files by `gh`):

- the number names an existing pull request into the default branch, whose head is the commit the run
  built and comes from the repository the run came from;
- to deploy, the pull request is open and changes content/ only (or comes from a site maintainer), so the
  workflow that built it was the base's own `pr.yml`, not one the pull request rewrote;
- to remove, the pull request is closed.

Standard library only, run with the runner's python3:

    python3 plugins/contribute/preview.py write FOLDER NUMBER HEAD_SHA ACTION
    python3 plugins/contribute/preview.py number FOLDER
    python3 plugins/contribute/preview.py verify FOLDER PULL_JSON FILES RUN_HEAD_SHA RUN_HEAD_REPO BASE_BRANCH
    python3 plugins/contribute/preview.py comment ACTION URL HEAD_SHA
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__:
    from .prcheck import scope
else:  # run as a script by a workflow (`python3 -I`): the package is not importable, its folder is at hand
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from prcheck import scope  # type: ignore[no-redef]

REQUEST = "request.json"
SITE = "site"
ACTIONS = ("deploy", "remove")
MARKER = "<!-- labo-preview -->"
_SHA = re.compile(r"^[0-9a-f]{40}$")


class RequestError(Exception):
    """The artifact or the pull request does not allow the deploy (message for the log)."""


@dataclass(frozen=True)
class Request:
    number: int
    head_sha: str
    action: str


def write_request(folder: Path, number: int, head_sha: str, action: str) -> Path:
    """Write `request.json` into `folder` (the unprivileged side)."""
    request = _validated({"number": number, "head_sha": head_sha, "action": action})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / REQUEST
    path.write_text(json.dumps(request.__dict__, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _validated(data: object) -> Request:
    if not isinstance(data, dict) or set(data) != {"number", "head_sha", "action"}:
        raise RequestError("request.json must hold exactly number, head_sha and action")
    number, sha, action = data["number"], data["head_sha"], data["action"]
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10**9:
        raise RequestError("request.json: number is not a pull request number")
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise RequestError("request.json: head_sha is not a commit sha")
    if action not in ACTIONS:
        raise RequestError(f"request.json: action must be one of {', '.join(ACTIONS)}")
    return Request(number, sha, action)


def read_request(folder: Path) -> Request:
    """The request of an artifact, read as untrusted data (a plain small file, exact keys and types)."""
    path = folder / REQUEST
    if path.is_symlink() or not path.is_file() or path.stat().st_size > 1024:
        raise RequestError("the artifact has no plain request.json of at most 1 KB")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestError(f"request.json is not JSON: {exc}") from None
    return _validated(data)


def _get(data: dict, *keys: str) -> object:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def verify(request: Request, pull: dict, files: list[str], run_head_sha: str, run_head_repo: str,
           base_branch: str) -> list[str]:
    """Why the request must not be carried out (empty list: carry it out)."""
    problems = []
    if pull.get("number") != request.number:
        problems.append(f"the API answered for pull request {pull.get('number')!r}, not #{request.number}")
    if _get(pull, "base", "ref") != base_branch:
        problems.append(f"pull request #{request.number} is not into {base_branch}")
    head = _get(pull, "head", "sha")
    if not (head == request.head_sha == run_head_sha):
        problems.append(f"pull request #{request.number} is at {head!r}; the run built {run_head_sha!r} and the "
                        f"artifact says {request.head_sha!r} (a newer push will bring its own preview)")
    if _get(pull, "head", "repo", "full_name") != run_head_repo:
        problems.append(f"pull request #{request.number} does not come from {run_head_repo!r}")
    state = pull.get("state")
    if request.action == "remove":
        if state != "closed":
            problems.append(f"pull request #{request.number} is {state!r}, not closed: its preview stays")
        return problems
    if state != "open":
        problems.append(f"pull request #{request.number} is {state!r}, not open")
    same = _get(pull, "head", "repo", "full_name") == _get(pull, "base", "repo", "full_name")
    verdict = scope(files, str(pull.get("author_association") or ""), same_repository=same)
    if not verdict.ok:
        problems.append(f"pull request #{request.number} changes files outside content/ "
                        f"({', '.join(repr(p) for p in verdict.outside[:5])}): its run is not the base's pr.yml")
    return problems


def read_files(path: Path) -> list[str]:
    """File names from `gh api --paginate repos/…/pulls/N/files --jq '.[].filename | @json'` (one per line)."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            name = json.loads(line)
            if not isinstance(name, str):
                raise RequestError("the list of files is not a list of names")
            names.append(name)
    return names


def comment(action: str, url: str, head_sha: str) -> str:
    """The pull request's sticky comment, French first, then English."""
    short = head_sha[:7]
    if action == "remove":
        return (f"{MARKER}\nAperçu retiré : la proposition est fermée.\n\n"
                "Preview removed: the pull request is closed.\n")
    return (f"{MARKER}\n**Aperçu du site avec cette proposition : {url}**\n\n"
            f"Mis à jour pour la version `{short}` ; il faut parfois une minute avant qu'il s'affiche. "
            "L'aperçu est retiré quand la proposition est fermée.\n\n"
            f"**Site preview with this pull request: {url}**\n\n"
            f"Updated for commit `{short}`; it may take a minute to appear. "
            "The preview is removed when the pull request is closed.\n")


def _output(**values: object) -> None:
    lines = "".join(f"{k}={v}\n" for k, v in values.items())
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(lines)
    print(lines, end="")


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["write"] and len(argv) == 5:
            write_request(Path(argv[1]), int(argv[2]), argv[3], argv[4])
        elif argv[:1] == ["number"] and len(argv) == 2:
            print(read_request(Path(argv[1])).number)
        elif argv[:1] == ["verify"] and len(argv) == 7:
            request = read_request(Path(argv[1]))
            pull = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
            files = read_files(Path(argv[3])) if request.action == "deploy" else []
            problems = verify(request, pull if isinstance(pull, dict) else {}, files, argv[4], argv[5], argv[6])
            if problems:
                print("preview: nothing done:\n- " + "\n- ".join(problems), file=sys.stderr)
                return 1
            _output(number=request.number, action=request.action, head_sha=request.head_sha)
        elif argv[:1] == ["comment"] and len(argv) == 4:
            print(comment(argv[1], argv[2], argv[3]), end="")
        else:
            print(__doc__.split("Standard library only, run with the runner's python3:")[1], file=sys.stderr)
            return 2
    except (RequestError, ValueError, OSError) as exc:
        print(f"preview: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
