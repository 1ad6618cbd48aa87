"""Invoke tasks of the contribute plugin: `new`, `schemas`, `codeowners` (collected by the root tasks.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
if str(ROOT) not in sys.path:  # publishconf.py imports pelicanconf from the repository root
    sys.path.append(str(ROOT))


def _settings(publish: bool = False) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / ("publishconf.py" if publish else "pelicanconf.py")))


def _translate():
    from labo_site import i18n

    settings = _settings()
    return lambda lang, msgid: i18n.translate(Path(settings["THEME"]) / "translations", lang, msgid)


def generated_files(root: Path = ROOT) -> dict[str, str]:
    """{path under the repository: text} of every file derived from the content model (tests compare)."""
    from content_model.taxonomy import load
    from contribute import contributing, issueform, schemas

    settings, published = _settings(), _settings(publish=True)
    content = Path(settings["PATH"])
    taxonomy, problems = load(content / "taxonomy.yml")
    if problems:
        sys.exit("contribute: content/taxonomy.yml has errors; run `invoke validate`")
    translate = _translate()
    files = schemas.expected_files(taxonomy)
    files.update(contributing.generated(
        content, taxonomy, translate, languages=tuple(settings["LANGUAGES"]), siteurl=published["SITEURL"],
        repository=settings.get("REPOSITORY_URL", ""), branch=settings.get("REPOSITORY_BRANCH", "main")))
    files[issueform.PATH] = issueform.issue_form(taxonomy, translate)
    return files


def codeowners_file(root: Path = ROOT) -> str:
    """The CODEOWNERS text for the current content (exits if the content does not validate)."""
    from content_model.validate import validate_site
    from contribute.codeowners import codeowners_text
    from labo_site.clock import build_date

    settings = _settings()
    report = validate_site(Path(settings["PATH"]), languages=tuple(settings["LANGUAGES"]), today=build_date(),
                           shown_root=os.path.relpath(settings["PATH"]))
    if not report.ok:
        sys.exit("contribute: the content has errors; run `invoke validate` first")
    default = tuple(settings.get("CODEOWNERS_DEFAULT", ()))
    if not default:
        print("contribute: CODEOWNERS_DEFAULT is empty in pelicanconf.py; set it to the site maintainers' team "
              "so that code and workflows need their review", file=sys.stderr)
    try:
        return codeowners_text(report.registry, default)
    except ValueError as exc:  # an unsafe handle or path: write nothing rather than a forged owner line
        sys.exit(str(exc))


def _sync(files: dict[str, str], check: bool) -> None:
    stale = [rel for rel, text in files.items()
             if not (ROOT / rel).is_file() or (ROOT / rel).read_text(encoding="utf-8") != text]
    if check:
        for rel in stale:
            print(f"{rel}: not current; run `invoke schemas` (or `invoke codeowners`) and commit it", file=sys.stderr)
        sys.exit(1 if stale else 0)
    for rel in stale:
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8")
        print(f"wrote {rel}", file=sys.stderr)
    if not stale:
        print("generated files are current", file=sys.stderr)


@task(help={"kind": "organisation, project, event, service, tender, article or page",
            "name": "the name or title of the new entry, in quotes",
            "content": "content folder (default: the PATH setting)"})
def new(c, kind, name, content=""):
    """Write content/<folder>/<slug>.md from the kind's template, the slug made from NAME (kept unique)."""
    from content_model.taxonomy import load
    from contribute.filetemplate import new_entry
    from contribute.model import resolve_kind

    folder = Path(content) if content else Path(_settings()["PATH"])
    taxonomy, _ = load(folder / "taxonomy.yml")
    try:
        path = new_entry(folder, resolve_kind(kind), name, taxonomy)
    except ValueError as exc:
        sys.exit(f"invoke new: {exc}")
    print(f"wrote {os.path.relpath(path)}: fill in the required fields, then run `invoke validate`")


@task(help={"check": "write nothing; exit 1 if a generated file is not current"})
def schemas(c, check=False):
    """Regenerate schemas/*.json, CONTRIBUTING.md and the new-organisation issue form from the content model."""
    files = generated_files()
    if not check:
        from contribute.schemas import FOLDER

        for stale in sorted((ROOT / FOLDER).glob("*.json")):
            if f"{FOLDER}/{stale.name}" not in files:
                stale.unlink()
                print(f"removed {FOLDER}/{stale.name}", file=sys.stderr)
    _sync(files, check)


@task(help={"check": "write nothing; exit 1 if .github/CODEOWNERS is not current"})
def codeowners(c, check=False):
    """Regenerate .github/CODEOWNERS from the organisations' maintainers."""
    from contribute.codeowners import PATH

    _sync({PATH: codeowners_file()}, check)


# -- Pull-request checks: run with the base branch's code on a checkout of the base commit ------------------


def _reviews(path: str) -> list[dict]:
    """Reviews saved from the REST API: one JSON array, or one object per line (`gh api --paginate --jq`)."""
    import json

    text = Path(path).read_text(encoding="utf-8").strip()
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = [data]
    return [r for r in data if isinstance(r, dict)]


@task(name="pr-scope", help={"base": "base commit of the pull request", "head": "head commit of the pull request",
                             "association": "the author's author_association (OWNER, MEMBER, COLLABORATOR…)",
                             "same-repository": "the head branch is in this repository (its author can write)",
                             "repo": "the git checkout (default: this repository)"})
def pr_scope(c, base, head, association="", same_repository=False, repo=""):
    """Fail, in French then English, when a pull request by a non-maintainer changes files outside content/."""
    from contribute import prcheck

    verdict = prcheck.scope(prcheck.changed_paths(Path(repo or ROOT), base, head), association,
                            same_repository=same_repository)
    annotation, summary = verdict.messages()
    title = "Fichiers hors de content/ · Files outside content/" if not verdict.ok else "Périmètre · Scope"
    prcheck.report(annotation, summary, error=not verdict.ok, title=title)
    sys.exit(0 if verdict.ok else 1)


@task(name="pr-content", help={"head": "head commit of the pull request", "repo": "the git checkout"})
def pr_content(c, head, repo=""):
    """Replace content/ of this checkout by the pull request's content/ (data only; the code stays the base's)."""
    from contribute import prcheck

    prcheck.overlay_content(Path(repo or ROOT), head)
    print(f"content/ taken from {head[:12]}; everything else is the base's", file=sys.stderr)


@task(name="pr-owners", help={"base": "base commit", "head": "head commit", "author": "the pull request's author",
                              "reviews": "JSON file of the pull request's reviews (REST API)",
                              "repo": "the git checkout of the BASE commit"})
def pr_owners(c, base, head, author, reviews, repo=""):
    """Fail unless every changed entry owned by an organisation is approved by its maintainers (or the site's)."""
    import tempfile

    from content_model.validate import validate_site
    from contribute import ownership, prcheck
    from labo_site.clock import build_date

    root = Path(repo or ROOT)
    languages = tuple(_settings()["LANGUAGES"])
    paths = prcheck.changed_paths(root, base, head)
    base_registry = validate_site(root / "content", languages=languages, today=build_date()).registry
    with tempfile.TemporaryDirectory() as tmp:
        head_content = prcheck.export_tree(root, head, "content", Path(tmp))
        head_registry = validate_site(head_content, languages=languages, today=build_date()).registry
    reqs = ownership.requirements(paths, base_registry, head_registry)
    decisions = ownership.decide(reqs, author, _reviews(reviews), head)
    ok, annotation, summary = ownership.messages(decisions, ownership.new_maintainers(paths, base_registry,
                                                                                      head_registry))
    prcheck.report(annotation, summary, error=not ok,
                   title="Approbation des mainteneurs · Maintainers' approval" if not ok else "Propriété · Ownership")
    sys.exit(0 if ok else 1)


# -- IssueOps: a maintainer labels a "new organisation" issue; the workflow turns its answers into a file -------


def _github_output(**values: str) -> None:
    from content_model import chars

    target = os.environ.get("GITHUB_OUTPUT")
    lines = "".join(f"{key}={chars.escape(value)}\n" for key, value in values.items())  # one line each
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(lines)
    print(lines, end="", file=sys.stderr)


@task(name="issue-entry", help={"body": "file holding the issue's body (Markdown of the issue form)",
                                "issue": "the issue number", "report": "file for the comment when it fails",
                                "pr-body": "file for the pull request's description", "repo": "the checkout"})
def issue_entry(c, body, issue, report="", pr_body="", repo=""):
    """Write content/organisations/<slug>.md from a "new organisation" issue and validate it (exit 0 either way;
    GITHUB_OUTPUT ok=true|false, path, title)."""
    from content_model.validate import validate_site
    from contribute import issueops
    from labo_site.clock import build_date

    root = Path(repo or ROOT)
    content = root / "content"
    folder = content / issueops.KIND.folder
    taken = {p.name.split(".", 1)[0] for p in folder.glob("*.md")}
    entry = issueops.entry_from_issue(Path(body).read_text(encoding="utf-8"), issueops.form_text(root), taken,
                                      int(issue))
    located: list[str] = []
    rel = f"{issueops.KIND.folder}/{entry.slug}.md"
    if not entry.problems:
        (content / rel).write_text(entry.text, encoding="utf-8")
        result = validate_site(content, languages=tuple(_settings()["LANGUAGES"]), today=build_date(),
                               shown_root="content")
        located = [p.render("fr") for p in result.problems if p.path.endswith(rel)]
        if located:
            (content / rel).unlink()
    ok = not entry.problems and not located
    if report:
        Path(report).write_text(issueops.problem_report(entry, located, int(issue)), encoding="utf-8")
    if pr_body:
        Path(pr_body).write_text(issueops.pull_request_body(entry, int(issue)), encoding="utf-8")
    _github_output(ok="true" if ok else "false", path=f"content/{rel}" if ok else "",
                   title=f"Nouvelle organisation · New organisation: {entry.name}")


@task(help={"report": "file for the issue's Markdown", "content": "content folder (default: the PATH setting)"})
def links(c, report="", content=""):
    """Try every external link of content/ and write the dead ones as Markdown (GITHUB_OUTPUT dead=N)."""
    import datetime as dt

    from contribute import linkcheck

    folder = Path(content) if content else Path(_settings()["PATH"])
    found = linkcheck.check_all(linkcheck.external_links(folder))
    text = linkcheck.report(found, dt.date.today().isoformat())
    if report:
        Path(report).write_text(text, encoding="utf-8")
    print(text, file=sys.stderr)
    _github_output(dead=str(sum(1 for link in found if link.dead)))
