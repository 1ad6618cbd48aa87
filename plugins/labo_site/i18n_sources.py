"""Where the site's words come from: the gettext messages of the code and templates, which of them a reader or a
contributor meets, and the catalogue file each language keeps each one in.

Used by `invoke i18n-extract` / `i18n-update` and by tests/i18n; the build itself never imports it.

- Extraction follows `babel.cfg`. Python files go through `extract_python`: Babel's extractor, plus the literal
  messages handed to the site's translate helpers (`translate(lang, "…")`, and `t("…")`, the per-language alias
  some views bind), so that a string is found whether or not its author marked it with `N_`.
- The interface is every message except those only staff or the terminal see: the spreadsheet tool, the build's
  report and the validator, which speaks French and English (`content_model.messages.REPORT_LANGUAGES`). The
  validator's messages that the web form shows in the page's language (`contribute.rules.known_msgids`) are
  interface.
- Domains: French is written by hand, one file per plugin (`themes/labo/translations/fr/LC_MESSAGES/<domain>.po`);
  a further language keeps each interface message once, in the file where French keeps it (so that the two can
  be read side by side), plus `fields.po`, the content model's field and kind labels (`content_model.labels`).
"""

from __future__ import annotations

import ast
import datetime
import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.extract import extract_python as babel_extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "themes" / "labo" / "translations"
#: The gettext functions of the code and templates (`plural` is content_model.messages.plural).
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "plural": (1, 2)}
#: The site's translate helpers, and the position of the message among their arguments.
HELPERS = {"translate": 1, "t": 0}
#: Sources whose messages only staff or the terminal see (paths relative to the repository, folders end in /).
STAFF_SOURCES = ("plugins/spreadsheets/", "plugins/content_model/")
#: ... except the schema: its choice labels (Member, Seeking funding…) are shown on every page.
INTERFACE_EXCEPTIONS = ("plugins/content_model/schema.py",)
#: Domains of French that hold staff messages only (no other language keeps them).
STAFF_DOMAINS = ("build", "spreadsheet")
#: The file of a message that French does not have yet, by the plugin it comes from (templates: messages).
PLUGIN_DOMAINS = {"spreadsheets": "spreadsheet", "content_model": "validation", "labo_site": "messages",
                  "directory": "messages", "murmurations": "messages"}
DEFAULT_DOMAIN = "messages"
REFERENCE_LANG = "fr"

Msgid = str | tuple[str, str]


def extract_python(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's Python extractor, then each string literal passed where a translate helper takes its message."""
    yield from babel_extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        position = HELPERS.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield node.lineno, "N_", arg.value, []


def _mapping() -> tuple[list[tuple[str, str]], dict]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        return parse_mapping_cfg(f)


def extract() -> dict[Msgid, set[str]]:
    """Every message of the code and templates -> the files (relative paths) that use it."""
    methods, options = _mapping()
    found: dict[Msgid, set[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(str(ROOT), methods, options,
                                                                          keywords=KEYWORDS):
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault(key, set()).add(filename)
    return found


def _staff(source: str) -> bool:
    return source.startswith(STAFF_SOURCES) and source not in INTERFACE_EXCEPTIONS


def interface_messages(found: dict[Msgid, set[str]] | None = None) -> dict[Msgid, set[str]]:
    """The messages a reader or a contributor meets on the site, with their sources."""
    from contribute.rules import known_msgids

    found = extract() if found is None else found
    shown_by_the_form = known_msgids()
    return {m: sources for m, sources in found.items()
            if any(not _staff(s) for s in sources) or singular(m) in shown_by_the_form}


def singular(message: Msgid) -> str:
    """A message's msgid (the singular of a plural one)."""
    return message if isinstance(message, str) else message[0]


def read_catalogue(path: Path, lang: str):
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def domains(lang: str) -> dict[str, Path]:
    """The catalogue files of `lang`: domain -> path."""
    return {p.stem: p for p in sorted((TRANSLATIONS / lang / "LC_MESSAGES").glob("*.po"))}


def reference_domains() -> dict[str, str]:
    """singular msgid -> the French file that keeps it (messages.po first, then by name, when several do; a staff
    domain never, since no other language has one)."""
    order = sorted(((domain, path) for domain, path in domains(REFERENCE_LANG).items() if domain not in STAFF_DOMAINS),
                   key=lambda item: (item[0] != DEFAULT_DOMAIN, item[0]))
    out: dict[str, str] = {}
    for domain, path in order:
        for message in read_catalogue(path, REFERENCE_LANG):
            if message.id:
                out.setdefault(singular(message.id), domain)
    return out


def reference_messages() -> set[str]:
    """The singular msgids French translates (non-empty, not fuzzy), in any of its files."""
    out = set()
    for path in domains(REFERENCE_LANG).values():
        for message in read_catalogue(path, REFERENCE_LANG):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.id and not message.fuzzy and all(strings):
                out.add(singular(message.id))
    return out


def source_domain(sources: set[str]) -> str:
    """The file a message French does not keep yet belongs in: its first plugin's, else messages.po."""
    for source in sorted(sources):
        parts = Path(source).parts
        if parts[0] == "plugins" and len(parts) > 1:
            return PLUGIN_DOMAINS.get(parts[1], parts[1])
    return DEFAULT_DOMAIN


def placement(messages: dict[Msgid, set[str]], reference: dict[str, str]) -> dict[Msgid, str]:
    """message -> the domain a further language keeps it in (French's, else its source's)."""
    return {m: reference.get(singular(m)) or source_domain(sources) for m, sources in messages.items()}


#: The date written in the header of a catalogue `update()` creates (the header is not a record of edits: Git is).
FIXED_DATE = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


def translated_languages() -> list[str]:
    """The languages whose catalogues `update()` keeps: every folder but French (written by hand, the reference
    for domains) and English (the msgids)."""
    return sorted(p.name for p in TRANSLATIONS.iterdir()
                  if (p / "LC_MESSAGES").is_dir() and p.name not in (REFERENCE_LANG, "en"))


def _existing(lang: str) -> dict[tuple[str | None, str], object]:
    """(context, singular msgid) -> message, from every catalogue file `lang` has now."""
    out = {}
    for path in domains(lang).values():
        for message in read_catalogue(path, lang):
            if message.id:
                out[(message.context, singular(message.id))] = message
    return out


def _catalog(lang: str, domain: str):
    from babel.messages.catalog import Catalog

    comment = (f"# {lang} translations of Labo ESS Afrique: {domain}.po.\n"
               "# Kept in line with the code by `invoke i18n-update` (plugins/labo_site/i18n_sources.py): write the "
               "empty msgstr, leave the rest.")
    return Catalog(locale=lang, domain=domain, header_comment=comment, project="Labo ESS Afrique",
                   creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False)


def expected(lang: str) -> dict[str, dict[tuple[str | None, Msgid], str]]:
    """domain -> {(context, msgid): what it is} for a translated language: the interface messages where French
    keeps them, and the content model's labels in `fields.po`."""
    from content_model import labels

    out: dict[str, dict[tuple[str | None, Msgid], str]] = {}
    interface = interface_messages()
    for message, domain in placement(interface, reference_domains()).items():
        out.setdefault(domain, {})[(None, message)] = ", ".join(sorted(interface[message]))
    out[labels.DOMAIN] = {(labels.CONTEXT, msgid): f"content_model/schema.py: {where}"
                          for msgid, where in labels.msgids().items()}
    return out


def update(lang: str) -> dict[str, tuple[int, int]]:
    """Rewrite `lang`'s catalogue files to hold exactly `expected(lang)`, keeping every translation it has (in
    whichever of its files), dropping what the code no longer uses. Returns {domain: (translated, total)}."""
    existing = _existing(lang)
    wanted = expected(lang)
    counts = {}
    for domain, messages in sorted(wanted.items()):
        catalog = _catalog(lang, domain)
        done = 0
        for (context, msgid), _where in sorted(messages.items(), key=lambda item: str(item[0][1])):
            old = existing.get((context, singular(msgid)))
            plural = isinstance(msgid, tuple)
            string = old.string if old is not None and not old.fuzzy else ("", "") if plural else ""
            if plural and not isinstance(string, tuple) or not plural and isinstance(string, tuple):
                string = ("", "") if plural else ""  # singular became plural or the reverse: translate again
            flags = [f for f in ("python-format",) if "%(" in singular(msgid)]
            # Where a label is used says what it means ("project.funding.goal"); interface messages go without.
            comments = [_where.removeprefix("content_model/schema.py: ")] if context else []
            catalog.add(msgid, string, context=context, flags=flags, auto_comments=comments)
            done += all(string) if plural else bool(string)
        path = TRANSLATIONS / lang / "LC_MESSAGES" / f"{domain}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(po_text(catalog), encoding="utf-8")
        counts[domain] = (done, len(messages))
    for domain, path in domains(lang).items():
        if domain not in wanted:
            path.unlink()
    return counts


def po_text(catalog) -> str:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True, sort_output=True)
    return buffer.getvalue().decode("utf-8")
