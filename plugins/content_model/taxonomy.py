"""The sector and legal-form code lists, with their labels, read from `content/taxonomy.yml`."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import frontmatter
from .frontmatter import Problem
from .limits import DEFAULT, Limits, size
from .messages import N_, message

TABLES = ("sectors", "legal_forms")
REQUIRED_LANGS = ("fr", "en")
MISSING = N_("the taxonomy file is missing; it lists sector and legal form codes")
EMPTY_TABLE = N_("missing or empty; list codes with their fr and en labels")
LABELS = N_("needs a label for each of: {languages}")


@dataclass
class Taxonomy:
    sectors: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {lang: label, ...}
    legal_forms: dict[str, dict[str, str]] = field(default_factory=dict)

    def label(self, table: str, code: str, lang: str) -> str:
        labels = getattr(self, table).get(code, {})
        return labels.get(lang) or labels.get("fr") or code


def load(path: Path, limits: Limits = DEFAULT) -> tuple[Taxonomy, list[Problem]]:
    """Read the taxonomy; a broken file yields problems and an empty table, never an exception."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        # A link or a special file is reported by the walk of content/ (files.py); never follow it here.
        return Taxonomy(), [] if info is not None else [Problem(1, "", message(MISSING))]
    if info.st_size > limits.front_matter_bytes:
        return Taxonomy(), [Problem(1, "", message(
            N_("the file weighs {size}, more than the {limit} allowed (setting LABO_LIMITS[\"front_matter_bytes\"])"),
            size=size(info.st_size), limit=size(limits.front_matter_bytes)))]
    with open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NOFOLLOW)) as f:
        text, problem = frontmatter.decode(f.read())
    if problem:
        return Taxonomy(), [problem]
    # Reuse the front-matter parser (line numbers, duplicate keys) by wrapping the file in fences.
    fm = frontmatter.parse("---\n" + text + "\n---\n", limits)
    for p in fm.problems:
        p.line -= 1
    problems = list(fm.problems)
    taxonomy = Taxonomy()
    for table in TABLES:
        entries = fm.data.get(table)
        if not isinstance(entries, dict) or not entries:
            problems.append(Problem(max(fm.line_of((table,)) - 1, 1), table, message(EMPTY_TABLE)))
            continue
        for code, labels in entries.items():
            line = fm.line_of((table, code)) - 1
            if not isinstance(labels, dict) or any(not isinstance(labels.get(lg), str) for lg in REQUIRED_LANGS):
                problems.append(Problem(line, f"{table}.{code}", message(LABELS, languages=", ".join(REQUIRED_LANGS))))
                continue
            getattr(taxonomy, table)[str(code)] = {k: str(v) for k, v in labels.items()}
    return taxonomy, problems
