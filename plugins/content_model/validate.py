"""Validate the whole content folder: every file, every field, every reference, all problems at once.

This runs before Pelican writes anything (see `plugins/labo_site`), and on its own as `invoke validate`,
so it never renders Markdown: YAML only, which keeps it to a fraction of a second per thousand files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import bodies, chars, files, frontmatter, messages
from . import taxonomy as taxonomy_mod
from .cache import Cache
from .checks import SLUG_RE, Checker, Reference
from .codes import nearest
from .fieldtypes import REF_MISSING, with_guess
from .files import TAXONOMY_FILE
from .frontmatter import Problem
from .limits import Limits, size
from .messages import N_, Message, message, shown
from .registry import Entry, Registry, Translation
from .schema import KINDS_BY_FOLDER, KINDS_BY_NAME, Kind

_NAME_RE = re.compile(r"(?P<slug>[^.]+)(?:\.(?P<lang>[a-z]{2}))?\.md")


def translation_language(name: str) -> str | None:
    """The language of a translation's file name (`coop.en.md` -> "en"); None for an original or another file."""
    m = _NAME_RE.fullmatch(name)
    return m["lang"] if m else None


BAD_FILE_NAME = N_("the file name is not a valid identifier; rename it to {suggestion} (lowercase letters, digits and "
                   "hyphens)")
RESERVED = N_("{name} is a name the site uses for its own pages; rename the file (e.g. {suggestion})")
SLUG_MISMATCH = N_("{value} does not match the file name; rename the file to {name} or remove the slug line")
SAME_IDENTIFIER = N_("two files have the identifier {slug}: this one and {other}; rename one of them")
NOT_A_SITE_LANGUAGE = N_("{lang} is not a language of the site ({languages}); rename the file or add the language "
                         "to the settings")
NO_ORIGINAL = N_("this translation has no original: add {original} or rename the file")
SAME_LANGUAGE = N_("the original {original} is already in {lang}")
#: Names the sections use for their own pages (lists, pagination, archives, feeds): an entry cannot take them.
RESERVED_SLUGS = re.compile(r"^(index(-p\d+)?|archives|par-avancement|agenda|en-ligne|membres|recherche|carte|"
                            r"statistiques|proposer|hors-ligne|annuaire-imprimable|data|theme|search|en|fr|pt|ar)$")


@dataclass(frozen=True)
class Located:
    """A problem with its file: prints as `path:line: field: message` (English for `str`, any language with
    `render`). Paths and fields are escaped: a file name can hold a newline."""

    path: str
    line: int
    field: str
    message: Message | str

    def render(self, lang: str = "en") -> str:
        where = f"{chars.escape(self.field)}: " if self.field else ""
        return f"{chars.escape(self.path)}:{self.line}: {where}{chars.escape(messages.render(self.message, lang))}"

    def __str__(self) -> str:
        return self.render("en")

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.field, str(self.message))


@dataclass
class Report:
    registry: Registry
    taxonomy: taxonomy_mod.Taxonomy
    problems: list[Located] = field(default_factory=list)
    #: Values understood after a harmless change (typographic quotes removed, "1 500,50" read as 1500.5): printed
    #: after the problems as "field: notice: …", never a reason to stop the build (`ok` ignores them).
    notices: list[Located] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {name: len(items) for name, items in self.registry.entries.items()}


def validate_site(content: Path, *, languages: tuple[str, ...] = ("fr", "en"), today: dt.date,
                  include_examples: bool = True, shown_root: str = "content",
                  limits: Limits | Mapping | None = None, cache: Cache | None = None) -> Report:
    """Read and check every file under `content`, once; the report lists every problem found, and its registry
    holds every entry with the text of its body (rendered by the build, never read again from disk).

    `limits`: the LABO_LIMITS setting (a dict; missing keys keep their defaults, see limits.py), or None for
    the defaults. A bad key raises ValueError: that is the maintainers' setting, not a contributor's file.
    `cache`: where a file's parsed front matter is kept by its bytes (YAML is the costliest part of the check).
    """
    started = time.perf_counter()
    content = Path(content)
    limits = Limits.from_settings(limits)
    report = Report(Registry(), taxonomy_mod.Taxonomy())
    add = _adder(report.problems, shown_root)
    notice = _adder(report.notices, shown_root)
    if os.path.islink(content):
        add(".", Problem(1, "", message(N_("the content folder itself is a symbolic link; it must be a real folder "
                                           "of the repository"))))
        report.seconds = time.perf_counter() - started
        return report
    inventory = files.walk(content, limits, add)
    tax, tax_problems = taxonomy_mod.load(content / TAXONOMY_FILE, limits)
    report.taxonomy = tax
    for p in tax_problems:
        add(TAXONOMY_FILE, p)
    checker = Checker(tax, content, today, inventory=inventory, limits=limits)
    references: list[tuple[Entry, Reference]] = []
    unreadable: set[tuple[str, str]] = set()  # (kind, slug) of files already reported as unreadable
    orphans: list[tuple[str, Kind, str]] = []  # translations whose original is missing: (rel, kind, slug)
    default_lang = languages[0]

    def read(rel: str, n_bytes: int, m: re.Match | None):
        """(kind, front matter, digest) of a file that can be checked, `m` the match of its name; None when it
        cannot (its problems are added)."""
        report.files += 1
        kind = KINDS_BY_FOLDER[rel.split("/", 1)[0]]
        name = rel.rsplit("/", 1)[-1]
        if not m or not SLUG_RE.fullmatch(m["slug"]):
            suggestion = _slugify(name.removesuffix(".md"))
            add(rel, Problem(1, "", message(BAD_FILE_NAME, suggestion=shown(f"{suggestion}.md"))))
            return None
        if RESERVED_SLUGS.match(m["slug"]):
            add(rel, Problem(1, "", message(RESERVED, name=shown(m["slug"]),
                                            suggestion=shown(f"{m['slug']}-{kind.name}.md"))))
            return None
        if n_bytes > limits.markdown_bytes:
            # Refused by its size before it is read: a 50 MB body took the build 8 minutes.
            add(rel, Problem(1, "", message(
                N_("the file weighs {size}, more than the {limit} allowed for a Markdown file (setting "
                   "LABO_LIMITS[\"markdown_bytes\"]); shorten it, or publish a long document as a PDF in "
                   "content/documents/"), size=size(n_bytes), limit=size(limits.markdown_bytes))))
            unreadable.add((kind.name, m["slug"]))
            return None
        try:
            raw, digest = _read(content / rel, limits)
        except OSError as exc:
            add(rel, Problem(1, "", message(N_("the file cannot be read ({reason})"),
                                            reason=exc.strerror or type(exc).__name__)))
            unreadable.add((kind.name, m["slug"]))
            return None
        fm = _cached_parse(cache, digest, limits)
        if fm is None:
            fm, problem, body_problems = _parse(raw, digest, limits, cache)
            if problem:
                add(rel, problem)
                unreadable.add((kind.name, m["slug"]))
                return None
            for p in fm.problems:
                add(rel, p)
            for line, body_problem in body_problems:
                add(rel, Problem(line, "", body_problem))
        if fm.problems and not fm.data:
            unreadable.add((kind.name, m["slug"]))
            return None
        return kind, fm, digest

    # Originals first, then translations (which attach to their original), each file checked as soon as it is
    # read: a parse is dropped once checked, instead of every parse of the site being held at once (at 10,000
    # organisations that was 220 MB more at the peak than the registry the check leaves).
    named = [(rel, n_bytes, _NAME_RE.fullmatch(rel.rsplit("/", 1)[-1])) for rel, n_bytes in inventory.markdown]
    for rel, n_bytes, m in named:
        if m and m["lang"]:
            continue
        found = read(rel, n_bytes, m)
        if found is None:
            continue
        kind, fm, digest = found
        slug = m["slug"]
        checked = checker.check(kind, fm)
        for p in checked.problems:
            add(rel, p)
        for p in checked.notices:
            notice(rel, p)
        declared = checked.data.get("slug")
        if declared and declared != slug:
            add(rel, Problem(fm.line_of(("slug",)), "slug", message(SLUG_MISMATCH, value=shown(declared),
                                                                   name=f"{declared}.md")))
        previous = report.registry.entries.get(kind.name, {}).get(slug)
        if previous is not None:
            add(rel, Problem(1, "", message(SAME_IDENTIFIER, slug=shown(slug),
                                            other=f"{shown_root}/{previous.source}")))
            continue
        data = checked.data
        published = not data.get("unpublished") and (include_examples or not data.get("example"))
        entry = Entry(kind, slug, rel, data, data.get("lang", default_lang), published)
        entry.markdown[entry.lang] = fm.body
        entry.digests[rel] = digest
        report.registry.add(entry)
        references.extend((entry, ref) for ref in checked.references)

    for rel, n_bytes, m in named:
        if not (m and m["lang"]):
            continue
        found = read(rel, n_bytes, m)
        if found is None:
            continue
        kind, fm, digest = found
        slug, lang = m["slug"], m["lang"]
        original = report.registry.entries.get(kind.name, {}).get(slug)
        if lang not in languages:
            add(rel, Problem(1, "", message(NOT_A_SITE_LANGUAGE, lang=shown(lang), languages=", ".join(languages))))
            continue
        if original is None:
            orphans.append((rel, kind, slug))  # reported once every translation is read (see below)
            continue
        if lang == original.lang:
            add(rel, Problem(1, "", message(SAME_LANGUAGE, original=f"{shown_root}/{original.source}",
                                            lang=shown(lang))))
            continue
        checked = checker.check_translation(kind, fm, f"{shown_root}/{original.source}")
        for p in checked.problems:
            add(rel, p)
        for p in checked.notices:
            notice(rel, p)
        original.translations[lang] = Translation(lang, rel, checked.data)
        original.markdown[lang] = fm.body
        original.digests[rel] = digest

    for rel, kind, slug in orphans:
        if (kind.name, slug) in unreadable:
            continue  # the original's (or another translation's) own error is reported; fixing it fixes this file
        add(rel, Problem(1, "", message(NO_ORIGINAL, original=f"{shown_root}/{kind.folder}/{slug}.md")))

    for entry, ref in references:
        target = report.registry.entries.get(ref.kind, {}).get(ref.slug)
        if target is None:
            if (ref.kind, ref.slug) in unreadable:
                continue  # the target's own error is reported; fixing it fixes this reference too
            known = list(report.registry.entries.get(ref.kind, {}))
            folder = KINDS_BY_NAME[ref.kind].folder
            missing = message(REF_MISSING[ref.kind], value=shown(ref.slug), folder=f"{shown_root}/{folder}/")
            add(entry.source, Problem(ref.line, frontmatter.format_path(ref.path),
                                      with_guess(missing, nearest(ref.slug, known, cutoff=0.7), ref.slug)))
            continue
        bucket = target.backlinks.setdefault(entry.kind.name, [])
        if entry not in bucket:
            bucket.append(entry)

    if cache is not None:
        cache.save_records()
    report.problems.sort(key=Located.sort_key)
    report.notices.sort(key=Located.sort_key)
    report.seconds = time.perf_counter() - started
    return report


#: The code that turns a file's bytes into a parse: a new version never reads an older one's records.
_PARSER_DIGEST = hashlib.sha256(b"".join(
    (Path(__file__).with_name(name)).read_bytes() for name in ("frontmatter.py", "bodies.py", "limits.py",
                                                               "filetypes.py", "chars.py"))).digest()


def _parse_key(digest: bytes, limits: Limits) -> bytes:
    return _PARSER_DIGEST + digest + repr(limits).encode()


def _cached_parse(cache: Cache | None, digest: bytes, limits: Limits) -> frontmatter.FrontMatter | None:
    """The parse of a file whose bytes were seen without problems by an earlier run (None otherwise)."""
    if cache is None:
        return None
    record = cache.get_record("frontmatter", _parse_key(digest, limits))
    if record is None:
        return None
    try:
        return frontmatter.from_record(record)
    except (ValueError, KeyError, TypeError):  # a record from a damaged file: parse again
        return None


def _read(path: Path, limits: Limits) -> tuple[bytes, bytes]:
    """A Markdown file's bytes (never through a link swapped in after the walk, at most one byte past the size
    limit) and their SHA-256, the key of its parse in the cache. OSError when it cannot be read."""
    with files.open_no_follow(path) as f:
        raw = f.read(limits.markdown_bytes + 1)
    return raw, hashlib.sha256(raw).digest()


def _parse(raw: bytes, digest: bytes, limits: Limits, cache: Cache | None):
    """(front matter, a problem that stops the reading, the body's problems) of a file's bytes; the parse is kept
    in the cache when it has no problem."""
    text, problem = frontmatter.decode(raw)
    if problem:
        return None, problem, []
    fm = frontmatter.parse(text, limits)
    body_problems = bodies.check_body(fm.body, fm.body_line, limits)
    if cache is not None and not fm.problems and not body_problems:
        _store_parse(cache, digest, limits, fm)
    return fm, None, body_problems


def markdown_files(content: Path, limits: Limits) -> list[Path]:
    """The Markdown files validate_site reads (files.walk's rules, without the static folders), within the size
    limit, for `parse_uncached`. The walk's problems are left for validate_site to report."""
    inventory = files.walk(content, limits, lambda rel, problem: None, static=False)
    return [content / rel for rel, n_bytes in inventory.markdown if n_bytes <= limits.markdown_bytes]


def parse_uncached(paths: list[Path], limits: Limits, cache: Cache):
    """Parse the files whose parse is not in `cache` yet and keep it there, where validate_site finds it; yield
    each new front matter (its body is for the renderer). labo_site runs this in several processes on a cold
    cache, each with its share of the files: a file with a problem is skipped, and reported by validate_site."""
    for path in paths:
        try:
            raw, digest = _read(path, limits)
        except OSError:
            continue
        if _cached_parse(cache, digest, limits) is None:
            fm, problem, body_problems = _parse(raw, digest, limits, cache)
            if fm is not None and not problem and not fm.problems and not body_problems:
                yield fm


def parsed_share(paths: list[Path], limits: Limits, cache: Cache, sample: int = 24) -> float:
    """The share of a sample of `paths` (evenly spaced) whose parse is in the cache already."""
    picked = paths[:: max(1, len(paths) // sample)][:sample]
    hits = 0
    for path in picked:
        try:
            _raw, digest = _read(path, limits)
        except OSError:
            continue
        hits += cache.get_record("frontmatter", _parse_key(digest, limits)) is not None
    return hits / len(picked) if picked else 1.0


def _store_parse(cache: Cache, digest: bytes, limits: Limits, fm: frontmatter.FrontMatter) -> None:
    try:
        record = frontmatter.to_record(fm)
    except TypeError:  # a value JSON cannot carry (a YAML set): this file is parsed each time
        return
    cache.put_record("frontmatter", _parse_key(digest, limits), record)


def _adder(into: list[Located], shown_root: str):
    def add(rel: str, problem: Problem) -> None:
        path = shown_root if rel == "." else f"{shown_root}/{rel}"
        into.append(Located(path, problem.line, problem.field, problem.message))
    return add


def _slugify(text: str) -> str:
    from .codes import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "name"
