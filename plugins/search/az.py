"""The A–Z index: the name of every published entry, by kind and initial, linked to its page.

It is what the search page offers a reader without JavaScript: the header's search field submits to
`recherche.html?q=…`; with JavaScript search.js runs that query, without it the page says the words are in the
address bar and shows this index, where the browser's find-in-page looks for them.

Layout, chosen for the page weight budget (30 KB gzip per page, HTML + CSS + JS). A name costs about 30 bytes
gzip as a linked list item (title and path), so a list of every name outgrows the budget at a few hundred
entries (1,000 organisations with their projects, events, services, tenders and news: 1,837 names, ~55 KB):
- a kind with at most INLINE entries is listed whole on the search page itself (the shipped site: all of them);
- a larger kind gets pages of its own, `a-z/<kind folder>.html`, `…-p2.html`…, of at most PAGE_SIZE names in
  alphabetical order under a heading per initial; the search page and every page of the kind link each initial
  to the page and heading where it starts (a letter is a tap, whatever its size: at 10,000 organisations a
  third of the names start with C, "Coopérative…", which a page per letter could not hold).
Names sort by their letters without accents or case ("Énergie" among the E), digits first, then A–Z, then
names in other scripts under "#".
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from content_model.registry import Entry
from labo_site import formatting
from labo_site.pagination import paginate
from labo_site.views import entry_link

INLINE = 40  # a kind with at most this many entries is listed on the search page (7 kinds: 280 names, ~9 KB)
PAGE_SIZE = 400  # names on a page of the index (~12 KB gzip of HTML)
FOLDER = "a-z"
DIGITS = "0–9"
OTHER = "#"


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


#: Kind -> plural label in the index (the same words as the search form's "Only show" boxes).
KIND_LABELS = {
    "organisation": N_("Organisations"),
    "project": N_("Projects"),
    "event": N_("Events"),
    "service": N_("Services"),
    "tender": N_("Calls for tenders"),
    "article": N_("News"),
    "page": N_("Pages"),
}


@dataclass(frozen=True, slots=True)
class Name:
    """One line of the index: the entry's title in the page's language (or its original), and its page."""

    title: str
    lang: str  # the language of the title (differs from the page's when the entry is not translated)
    path: str  # under the language root
    initial: str


#: Letters that no decomposition takes apart, folded as search/text.py FOLD_MAP folds them (not imported from there:
#: that module loads the stemmers, which the main build process does not need).
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ð": "d", "þ": "th"})


def _letters(text: str) -> str:
    """`text` folded for sorting: no accents, no case, only letters and digits (so "« L’Union »" sorts as L)."""
    bare = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(c for c in bare if c.isalnum())


def initial(text: str) -> str:
    """The heading a name goes under: A–Z, DIGITS, or OTHER (another script, or no letter at all)."""
    letters = _letters(text)
    first = letters[:1]
    if first.isdigit():
        return DIGITS
    if "a" <= first <= "z":
        return first.upper()
    return OTHER


def _order(initial_: str) -> int:
    return 0 if initial_ == DIGITS else 2 if initial_ == OTHER else 1


def names(entries: list[Entry], lang: str) -> list[Name]:
    """Every entry as a Name in `lang`, in index order."""
    found = []
    for entry in entries:
        link = entry_link(entry, lang)
        found.append(Name(str(link.title), link.lang, link.path, initial(str(link.title))))
    return sorted(found, key=lambda n: (_order(n.initial), n.initial, _letters(n.title), n.title, n.path))


def anchor(initial_: str) -> str:
    """The id of an initial's heading: az-a … az-z, az-0 for digits, az-other."""
    return {DIGITS: "az-0", OTHER: "az-other"}.get(initial_, f"az-{initial_.lower()}")


def groups(chunk: list[Name], continued_from: str | None = None) -> list[dict]:
    """The names of one page under their initials: [{initial, id, continued, names}]."""
    out: list[dict] = []
    for name in chunk:
        if not out or out[-1]["initial"] != name.initial:
            out.append({"initial": name.initial, "id": anchor(name.initial),
                        "continued": name.initial == continued_from and not out, "names": []})
        out[-1]["names"].append(name)
    return out


@dataclass
class KindIndex:
    """One kind's part of the index in one language."""

    code: str  # the kind's name ("organisation")
    label: str  # msgid of the plural label
    names: list[Name]
    path: str  # first page of its own ("a-z/organisations.html"), or "" when it is listed on the search page
    page_size: int = PAGE_SIZE

    @property
    def inline(self) -> bool:
        return not self.path

    # pages, initials and ranges are worked out once (each page of the kind shows the last two): the lists returned
    # are shared, for reading.
    def pages(self) -> list[tuple[str, list[Name], dict | None]]:
        """(path, names, pagination) of each page of its own (none when inline)."""
        return self._pages

    def initials(self) -> list[dict]:
        """[{initial, href}] for each initial, href under the language root ("a-z/organisations-p3.html#az-c")."""
        return self._initials

    def ranges(self) -> list[dict]:
        """[{path, first, last}] of each page of its own: the first and last names it holds, as a dictionary's
        guide words (at 10,000 organisations "C" alone spans ten pages)."""
        return self._ranges

    @functools.cached_property
    def _pages(self) -> list[tuple[str, list[Name], dict | None]]:
        return paginate(self.path, self.names, self.page_size) if self.path else []

    @functools.cached_property
    def _initials(self) -> list[dict]:
        out: list[dict] = []
        for page_path, chunk, _pagination in self._pages:
            for name in chunk:
                if not out or out[-1]["initial"] != name.initial:
                    out.append({"initial": name.initial, "href": f"{page_path}#{anchor(name.initial)}"})
        return out

    @functools.cached_property
    def _ranges(self) -> list[dict]:
        return [{"path": path, "first": chunk[0].title, "last": chunk[-1].title}
                for path, chunk, _pagination in self._pages if chunk]

    def hub(self, translate: Callable[[str], str], lang: str) -> dict:
        """What the search page shows of this kind."""
        return {"code": self.code, "label": translate(self.label), "count": formatting.number(len(self.names), lang),
                "names": self.names if self.inline else [], "initials": self.initials(), "path": self.path}


def index(entries_by_kind: dict[str, list[Entry]], outputs: dict[str, str], lang: str, *, inline: int = INLINE,
          page_size: int = PAGE_SIZE) -> list[KindIndex]:
    """The index of `lang`: one KindIndex per kind with entries, in the order given. `outputs`: kind -> folder of
    its pages (names the A–Z pages of the kind); `inline`, `page_size`: the SEARCH settings az_inline and
    az_page_size."""
    out = []
    for kind, entries in entries_by_kind.items():
        if not entries:
            continue
        listed = names(entries, lang)
        path = f"{FOLDER}/{outputs[kind]}.html" if len(listed) > inline else ""
        out.append(KindIndex(kind, KIND_LABELS[kind], listed, path, page_size))
    return out
