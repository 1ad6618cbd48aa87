"""Which field of the content model each column holds, from the header cells a person wrote.

A header is compared as a *key*: accents, case and punctuation removed ("Adhésion au réseau – Statut",
"adhesion au reseau: statut" and "membership.status" are one key). For each field the accepted keys are, from
the strongest to the weakest (a key two fields share at the same strength is refused as ambiguous):

0. the field's path and name (`membership.status`, `legal_form`), its French and English labels from
   `schema.py`, whole or shortened before their first bracket, colon, semicolon or comma ("Forme juridique
   (code de content/taxonomy.yml)" -> "Forme juridique");
1. for a field inside a group, the group's name or label followed by the field's ("Adhésion au réseau Statut"),
   which is also what a two-row header with a merged group cell above its parts reads as;
2. the field's own name or label alone, when no other field of the kind has it ("Statut", "Latitude");
3. the words staff use (`ALIASES` below: "Pays", "Courriel", "Tél.").

Lists of groups (a project's contributions, a tender's documents) cannot fit in one row: they are not columns,
and an entry's own are kept when it is updated.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from content_model.codes import fold, nearest
from content_model.messages import N_, Message, message, shown
from content_model.schema import Field, Kind

from .reader import Sheet

#: The header an export writes, where the model's label is a sentence (the model's labels are descriptions).
EXPORT_HEADERS: dict[str, tuple[str, str]] = {
    "slug": ("Identifiant", "Identifier"),
    "name": ("Nom", "Name"),
    "maintainers": ("Mainteneurs", "Maintainers"),
    "summary": ("Résumé", "Summary"),
}
#: What staff write in their own sheets, by field path (used only when the kind has the field).
ALIASES: dict[str, tuple[str, ...]] = {
    "slug": ("id", "identifiant", "identifier", "fichier"),
    "name": ("nom", "nom de l'organisation", "organisation", "organization", "raison sociale", "denomination"),
    "title": ("titre", "intitule"),
    "acronym": ("acronyme", "abreviation"),
    "legal_form": ("statut juridique", "forme"),
    "sectors": ("secteur", "secteurs", "domaine", "domaines", "domaines d'activite", "secteur d'activite",
                "sector"),
    "country": ("pays",),
    "countries": ("pays",),
    "city": ("localite", "commune"),
    "founded": ("annee de creation", "date de creation", "creation", "fondation", "founded in"),
    "membership.status": ("adhesion", "statut d'adhesion", "membership"),
    "membership.since": ("membre depuis", "adherent depuis", "date d'adhesion", "member since"),
    "website": ("site", "site internet", "web", "url"),
    "email": ("email", "e-mail", "courriel", "mail", "adresse email", "adresse electronique"),
    "phone": ("telephone", "tel", "numero de telephone", "phone", "mobile"),
    "languages": ("langue", "langues de travail", "language"),
    "maintainers": ("mainteneur", "comptes git"),
    "summary": ("resume", "description courte"),
}
_CUT = re.compile(r"\s*(?:\(|:|;|,|—|–)")


def key(text: object) -> str:
    """'Adhésion au réseau – Statut' -> 'adhesion au reseau statut'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(str(text).replace("_", " "))).split())


def short(label: str) -> str:
    """A label without its explanation: 'Forme juridique (code de content/taxonomy.yml)' -> 'Forme juridique'."""
    return _CUT.split(label, maxsplit=1)[0].strip() or label


@dataclass(frozen=True)
class Target:
    """A field a column can hold: its dotted path, the field, and the groups above it."""

    path: str
    field: Field
    groups: tuple[Field, ...] = ()

    def header(self, lang: str) -> str:
        """The header an export writes for this field."""
        if self.path in EXPORT_HEADERS:
            return EXPORT_HEADERS[self.path][0 if lang == "fr" else 1]
        parts = [*self.groups, self.field]
        return " – ".join(short(f.fr if lang == "fr" else f.en) for f in parts)


def targets(kind: Kind) -> tuple[Target, ...]:
    """The fields of `kind` a column can hold, in the model's order, the identifier first."""
    out: list[Target] = []

    def walk(fields: tuple[Field, ...], groups: tuple[Field, ...]) -> None:
        for f in fields:
            if f.type == "object":
                if not f.many:
                    walk(f.fields, groups + (f,))
                continue
            out.append(Target(".".join(g.name for g in groups + (f,)), f, groups))

    walk(tuple(f for f in kind.fields if f.name != "lang"), ())
    out.sort(key=lambda t: t.path != "slug")
    return tuple(out)


def required(kind: Kind) -> list[Target]:
    """Fields a new entry cannot do without: required, inside groups that are required too."""
    return [t for t in targets(kind) if t.field.required and all(g.required for g in t.groups)]


def _words(f: Field) -> list[str]:
    return [f.name, f.fr, f.en, short(f.fr), short(f.en)]


@dataclass
class Index:
    """Header keys of one kind: key -> target path, plus the keys of groups and the ambiguous ones."""

    kind: Kind
    targets: dict[str, Target] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    groups: dict[str, Field] = field(default_factory=dict)
    ambiguous: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # key -> a header that reads as it

    def resolve(self, text: object) -> str | None:
        return self.keys.get(key(text))


@functools.cache
def index(kind: Kind) -> Index:
    out = Index(kind, {t.path: t for t in targets(kind)})
    levels: dict[str, tuple[int, set[str]]] = {}

    def offer(text: str, path: str, level: int) -> None:
        k = key(text)
        if not k:
            return
        out.shown.setdefault(k, text)
        best, paths = levels.get(k, (99, set()))
        if level < best:
            levels[k] = (level, {path})
        elif level == best:
            paths.add(path)

    leaf_names: dict[str, set[str]] = {}
    for t in out.targets.values():
        for word in _words(t.field):
            leaf_names.setdefault(key(word), set()).add(t.path)
    for t in out.targets.values():
        offer(t.path, t.path, 0)
        if not t.groups:
            for word in _words(t.field):
                offer(word, t.path, 0)
        else:
            group = t.groups[-1]
            for g in _words(group):
                for word in _words(t.field):
                    offer(f"{g} {word}", t.path, 1)
            for word in _words(t.field):
                if len(leaf_names[key(word)]) == 1:
                    offer(word, t.path, 2)
        for pair in EXPORT_HEADERS.get(t.path, ()):
            offer(pair, t.path, 0)
        for alias in ALIASES.get(t.path, ()):
            offer(alias, t.path, 3)
    for k, (_level, paths) in levels.items():
        if len(paths) == 1:
            out.keys[k] = next(iter(paths))
        else:
            out.ambiguous[k] = paths
    for t in out.targets.values():
        for group in t.groups:
            for word in _words(group):
                if key(word) not in out.keys:
                    out.groups.setdefault(key(word), group)
    return out


def export_header(idx: Index, target: Target, lang: str) -> str:
    """The header of `target` in an export: its preferred label when it reads back as this field, else its path."""
    text = target.header(lang)
    return text if idx.resolve(text) == target.path else target.path


def letter(column: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA': the column's name as spreadsheet programs show it."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


# -- finding the header in a sheet ------------------------------------------------------------------------

@dataclass
class Column:
    index: int
    header: str
    target: Target

    @property
    def letter(self) -> str:
        return letter(self.index)


@dataclass
class HeaderProblem:
    row: int
    column: int | None
    message: Message
    header: str = ""


@dataclass
class Layout:
    """Where the data starts and which column holds which field."""

    first_row: int = 0  # the first data row (0: no header was found)
    columns: list[Column] = field(default_factory=list)
    header_rows: tuple[int, ...] = ()
    problems: list[HeaderProblem] = field(default_factory=list)

    def column_of(self, path: str) -> Column | None:
        return next((c for c in self.columns if c.target.path == path), None)


def _filled(sheet: Sheet, row: int) -> list[object]:
    """A row's values with each merged range's value copied into every cell it covers."""
    values = list(sheet.rows.get(row, []))
    for top, left, bottom, right in sheet.merged:
        if top <= row <= bottom:
            value = sheet.rows.get(top, [])[left] if left < len(sheet.rows.get(top, [])) else None
            if value is None:
                continue
            values.extend([None] * (right + 1 - len(values)))
            for c in range(left, right + 1):
                values[c] = value
    return values


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def layout(sheet: Sheet, kind: Kind, search_rows: int = 10) -> Layout:
    """The header rows of `sheet` (one, or two when a group's cell stands above its parts) and its columns."""
    idx = index(kind)
    out = Layout()
    numbers = sorted(sheet.rows)
    header = None
    for number in numbers[:search_rows]:
        texts = [_text(v) for v in _filled(sheet, number)]
        given = [t for t in texts if t]
        known = [t for t in given if idx.resolve(t) or key(t) in idx.groups]
        if known and len(known) * 2 >= len(given):
            header = number
            break
    if header is None:
        example = ", ".join(export_header(idx, t, "fr") for t in list(idx.targets.values())[1:4])
        out.problems.append(HeaderProblem(numbers[0] if numbers else 1, None, message(
            N_("no header row found: the first row must name the columns, e.g. {example}"), example=example)))
        return out
    top = [_text(v) for v in _filled(sheet, header)]
    below = [_text(v) for v in _filled(sheet, header + 1)]
    two_rows = any(key(t) in idx.groups and idx.resolve(f"{t} {b}") for t, b in zip(top, below, strict=False) if b)
    texts = _combine(top, below, idx) if two_rows else top
    out.header_rows = (header, header + 1) if two_rows else (header,)
    out.first_row = header + len(out.header_rows)
    width = max([len(texts)] + [len(sheet.rows[n]) for n in numbers if n >= out.first_row])
    texts += [""] * (width - len(texts))
    seen: dict[str, Column] = {}
    for i, text in enumerate(texts):
        has_data = any(i < len(sheet.rows[n]) and sheet.rows[n][i] is not None for n in numbers if n >= out.first_row)
        problem = _column_problem(idx, text, has_data)
        if problem is not None:
            out.problems.append(HeaderProblem(header, i, problem, text))
            continue
        if not text:
            continue  # an empty column
        column = Column(i, text, idx.targets[idx.resolve(text)])
        other = seen.get(column.target.path)
        if other is not None:
            out.problems.append(HeaderProblem(header, i, message(
                N_("this column and column {other} both hold {field}; keep one of them"),
                other=other.letter, field=shown(column.target.path)), text))
            continue
        seen[column.target.path] = column
        out.columns.append(column)
    return out


def _combine(top: list[str], below: list[str], idx: Index) -> list[str]:
    """One text per column from a two-row header; a group's label runs on to the columns right of it when it
    was written once, not merged."""
    out = []
    group = ""
    for i in range(max(len(top), len(below))):
        t = top[i] if i < len(top) else ""
        b = below[i] if i < len(below) else ""
        if t:
            group = t if key(t) in idx.groups else ""
        elif group:
            t = group
        candidates = [f"{t} – {b}", b, t] if t and b and t != b else [t or b]
        out.append(next((c for c in candidates if c.strip() and idx.resolve(c)), (b or t)))
    return out


def _column_problem(idx: Index, text: str, has_data: bool) -> Message | None:
    if not text:
        return message(N_("this column has values but no name; name it or delete it")) if has_data else None
    if idx.resolve(text):
        return None
    k = key(text)
    if k in idx.ambiguous:
        names = sorted(export_header(idx, idx.targets[p], "fr") for p in idx.ambiguous[k])
        return message(N_("{header} could be several columns ({names}); write the full name"),
                       header=shown(text), names=", ".join(names))
    if k in idx.groups:
        group = idx.groups[k]
        parts = [export_header(idx, t, "fr") for t in idx.targets.values() if group in t.groups]
        return message(N_("{header} is a group of fields: name the column after one of them ({parts})"),
                       header=shown(text), parts=", ".join(parts))
    guess = nearest(k, list(idx.keys), cutoff=0.75)
    if guess:
        return message(N_("unknown column {header}; did you mean {guess}?"), header=shown(text),
                       guess=shown(idx.shown[guess]))
    return message(N_("unknown column {header}; use the column names of an export (invoke export --kind {kind}), "
                      "or delete the column"), header=shown(text), kind=idx.kind.folder)
