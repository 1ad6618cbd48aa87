"""Organisations govern their own entries, even without write access to the repository (issue 14, point 2).

GitHub counts a code owner only if the account can write to the repository, so CODEOWNERS cannot ask an
outside organisation. This check does: a pull request that changes an entry owned by an organisation with
`maintainers` passes when its author is one of them, or when one of them, or a site maintainer, approved
its latest commit. Ownership follows `codeowners.OWNER_FIELDS`: an organisation owns its file, translations,
logo and documents, and its projects, services, calls for tenders and events.

The maintainers are read from the BASE branch: a pull request cannot add itself as maintainer and approve
itself. Owners named by the pull request (a new project "of" an organisation, a project moved to another)
must consent too, looked up in the base as well. Reviews come as the JSON of GitHub's REST API
(`GET /repos/{owner}/{repo}/pulls/{number}/reviews`), saved to a file, so all of this is tested offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from content_model.registry import Entry, Registry

from .codeowners import _files, _owner_slugs
from .prcheck import CONTENT, is_site_maintainer, md_text

KIND_FR = {"organisation": "organisation", "project": "projet", "service": "service", "tender": "appel d’offres",
           "event": "événement"}
HEAD = "| Fiche · Entry | Fichiers · Files | Organisation | Qui peut approuver · Who can approve | État · Status |"
KIND_EN = {"organisation": "organisation", "project": "project", "service": "service", "tender": "call for tenders",
           "event": "event"}


@dataclass(frozen=True)
class Requirement:
    """An entry changed by the pull request and the people whose approval it needs."""

    kind: str
    slug: str
    title: str
    files: tuple[str, ...]  # repository paths (content/…) changed by the pull request
    organisations: tuple[str, ...]  # names of the owning organisations, as written in the base
    maintainers: tuple[str, ...]  # their handles, from the base branch
    claimed: bool = False  # owners named by the pull request itself (not the base's owners)


@dataclass(frozen=True)
class Decision:
    requirement: Requirement
    by: str = ""  # who satisfied it ("" when nobody has yet)
    how: str = ""  # "author", "maintainer" or "site"

    @property
    def ok(self) -> bool:
        return bool(self.by)


def _index(registry: Registry) -> dict[str, list[Entry]]:
    """{path under content/: the entries that file belongs to} (published or not)."""
    index: dict[str, list[Entry]] = {}
    for entries in registry.entries.values():
        for entry in entries.values():
            for path in _files(entry):
                index.setdefault(path, []).append(entry)
    return index


def _maintainers(base: Registry, slugs: Iterable[str]) -> tuple[list[str], list[str]]:
    """(names of the organisations that have maintainers in the base, their handles)."""
    names: list[str] = []
    handles: list[str] = []
    for slug in slugs:
        org = base.entries.get("organisation", {}).get(slug)
        found = list(org.data.get("maintainers", [])) if org is not None else []
        if found:
            names.append(f"{org.title} ({slug})")
            handles += [h for h in found if h.lower() not in {x.lower() for x in handles}]
    return names, handles


def requirements(paths: Iterable[str], base: Registry, head: Registry | None = None) -> list[Requirement]:
    """The approvals the changed `paths` (repository paths) need, one per entry (and per claim)."""
    base_index, head_index = _index(base), _index(head) if head is not None else {}
    files: dict[tuple[str, str, bool], list[str]] = {}
    owners: dict[tuple[str, str, bool], tuple[str, list[str], list[str]]] = {}
    for path in sorted(set(paths)):
        if not path.startswith(CONTENT + "/"):
            continue
        rel = path[len(CONTENT) + 1:]
        base_entries = base_index.get(rel, [])
        base_owners = {(e.kind.name, e.slug): set(_owner_slugs(e)) for e in base_entries}
        for entry in base_entries:
            names, handles = _maintainers(base, _owner_slugs(entry))
            if handles:
                key = (entry.kind.name, entry.slug, False)
                owners[key] = (entry.title, names, handles)
                files.setdefault(key, []).append(path)
        for entry in head_index.get(rel, []):
            new = [s for s in _owner_slugs(entry) if s not in base_owners.get((entry.kind.name, entry.slug), set())]
            names, handles = _maintainers(base, new)
            if handles:
                key = (entry.kind.name, entry.slug, True)
                owners[key] = (entry.title, names, handles)
                files.setdefault(key, []).append(path)
    found = []
    for key in sorted(owners):
        kind, slug, claimed = key
        title, names, handles = owners[key]
        found.append(Requirement(kind, slug, title, tuple(files[key]), tuple(names), tuple(handles), claimed))
    return found


def new_maintainers(paths: Iterable[str], base: Registry, head: Registry | None) -> list[tuple[str, list[str]]]:
    """[(organisation, handles the pull request adds to its maintainers)], for the reviewer to verify."""
    if head is None:
        return []
    changed = {p[len(CONTENT) + 1:] for p in paths if p.startswith(CONTENT + "/")}
    found = []
    for slug, org in sorted(head.entries.get("organisation", {}).items()):
        if org.source not in changed:
            continue
        before = base.entries.get("organisation", {}).get(slug)
        old = {h.lower() for h in (before.data.get("maintainers", []) if before is not None else [])}
        added = [h for h in org.data.get("maintainers", []) if h.lower() not in old]
        if added:
            found.append((f"{org.title} ({slug})", added))
    return found


def approvals(reviews: list[dict], head_sha: str) -> dict[str, dict]:
    """{login (lower case): review} of the reviewers whose latest decision approves commit `head_sha`.

    A reviewer's latest APPROVED, CHANGES_REQUESTED or DISMISSED review is their decision (a comment does
    not withdraw an approval, as on GitHub). Only an approval of the head commit counts: a push after an
    approval needs a new one, so nobody approves a version they did not see.
    """
    latest: dict[str, dict] = {}
    for review in reviews:  # the API lists them in the order they were submitted
        login = str((review.get("user") or {}).get("login") or "")
        if login and review.get("state") in ("APPROVED", "CHANGES_REQUESTED", "DISMISSED"):
            latest[login.lower()] = review
    return {login: r for login, r in latest.items() if r.get("state") == "APPROVED" and r.get("commit_id") == head_sha}


def decide(reqs: list[Requirement], author: str, reviews: list[dict], head_sha: str) -> list[Decision]:
    """Which requirements are met, and by whom."""
    approved = approvals(reviews, head_sha)
    site = sorted((r["user"]["login"] for r in approved.values()
                   if is_site_maintainer(str(r.get("author_association") or ""))), key=str.lower)
    decisions = []
    for req in reqs:
        allowed = {h.lower(): h for h in req.maintainers}
        if author.lower() in allowed:
            decisions.append(Decision(req, author, "author"))
        elif any(login in allowed for login in approved):
            login = next(approved[x]["user"]["login"] for x in approved if x in allowed)
            decisions.append(Decision(req, login, "maintainer"))
        elif site:
            decisions.append(Decision(req, site[0], "site"))
        else:
            decisions.append(Decision(req))
    return decisions


def _handles(req: Requirement) -> str:
    return ", ".join(f"@{md_text(h)}" for h in req.maintainers)


def _row(d: Decision) -> str:
    req = d.requirement
    what = (f"{md_text(req.title)} ({KIND_FR.get(req.kind, req.kind)} · {KIND_EN.get(req.kind, req.kind)} "
            f"`{md_text(req.slug, code=True)}`)")
    files = "<br>".join(f"`{md_text(f, code=True)}`" for f in req.files)
    orgs = ", ".join(md_text(o) for o in req.organisations)
    if req.claimed:
        orgs = f"{orgs} — attribuée par la proposition · named by the pull request"
    state = {"author": f"✅ proposée par · opened by @{md_text(d.by)}",
             "maintainer": f"✅ approuvée par · approved by @{md_text(d.by)}",
             "site": f"✅ approuvée par un mainteneur du site · approved by site maintainer @{md_text(d.by)}",
             }.get(d.how, "❌ en attente · waiting")
    return f"| {what} | {files} | {orgs} | {_handles(req)} | {state} |"


def messages(decisions: list[Decision], added: list[tuple[str, list[str]]]) -> tuple[bool, str, str]:
    """(ok, annotation, job-summary Markdown), French first, then English."""
    waiting = [d for d in decisions if not d.ok]
    notes = ""
    if added:
        lines = "\n".join(f"- {md_text(org)} : " + ", ".join(f"@{md_text(h)}" for h in handles)
                          for org, handles in added)
        notes = ("\n#### Nouveaux mainteneurs déclarés · New maintainers declared\n\n"
                 "Un mainteneur du site doit vérifier que ces comptes représentent bien l’organisation. "
                 "A site maintainer must check that these accounts do represent the organisation.\n\n"
                 f"{lines}\n")
    if not decisions:
        fr = "Aucune fiche modifiée n’appartient à une organisation qui a des mainteneurs."
        en = "No changed entry belongs to an organisation with maintainers."
        return True, f"{fr} · {en}", f"### Propriété des fiches · Entry ownership\n\n{fr}\n\n{en}\n{notes}"
    table = [HEAD, "|---|---|---|---|---|", *(_row(d) for d in decisions)]
    if not waiting:
        fr = "Chaque fiche modifiée est approuvée par ses mainteneurs ou par un mainteneur du site."
        en = "Every changed entry is approved by its maintainers or by a site maintainer."
        return True, f"{fr} · {en}", ("### Propriété des fiches · Entry ownership\n\n" + f"{fr}\n\n{en}\n\n"
                                      + "\n".join(table) + "\n" + notes)
    names = ", ".join(f"« {d.requirement.title} »" for d in waiting)
    names_en = ", ".join(f"\"{d.requirement.title}\"" for d in waiting)
    ping = " ".join(dict.fromkeys(f"@{h}" for d in waiting for h in d.requirement.maintainers))
    fr = (f"Cette proposition modifie {len(waiting)} fiche(s) qui appartiennent à une organisation : {names}. "
          "Une des personnes qui gèrent la fiche doit approuver la dernière version de la proposition "
          "(onglet « Files changed », bouton « Review changes », puis « Approve ») ; un mainteneur du site peut "
          f"aussi l’approuver. Pour les prévenir, écrivez un commentaire sur la proposition : {ping}. Ce contrôle "
          "se relance tout seul après chaque avis ; dès qu’il est vert, un mainteneur du site peut publier la "
          "proposition.")
    en = (f"This pull request changes {len(waiting)} entr{'y' if len(waiting) == 1 else 'ies'} owned by an "
          f"organisation: {names_en}. One of the people who manage the entry must approve the latest version of "
          "the pull request (\"Files changed\" tab, \"Review changes\", then \"Approve\"); a site maintainer may "
          f"approve it too. To let them know, write a comment on the pull request: {ping}. This check runs again "
          "by itself after every review; once it is green, a site maintainer can merge the pull request.")
    summary = ("### Propriété des fiches : approbation nécessaire · Entry ownership: approval needed\n\n"
               f"{md_text(fr)}\n\n{md_text(en)}\n\n" + "\n".join(table) + "\n" + notes)
    return False, f"{fr} · {en}", summary
