"""Facets of a list (by country, sector, status…), stated as data by each section and computed once.

A section states its facets (`Facet`: name, URL folder, title, the codes of an entry, how a code is labelled
and sorted); `Facets` indexes the entries once and gives what the templates show: the groups of the sidebar
with their counts, and the entries of each facet page, whose path is `<section>/<folder>/<code>.html`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from content_model.registry import Entry

from .views import formatting_key


@dataclass(frozen=True)
class Facet:
    name: str  # "country"
    folder: str  # "pays": French words in URLs, the site is French first
    title: str  # msgid: "Country"
    codes: Callable[[Entry], Iterable[str]]  # the entry's codes for this facet
    label: Callable[[str, str], str]  # (code, lang) -> label
    order: Callable[[dict], object] | None = None  # sort key of a value dict; by label when None
    keep_empty_group: bool = True  # show the group even with no value
    path: Callable[[str], str] | None = None  # a code's page, when not `<section>/<folder>/<code>.html`
    all: str = ""  # msgid of the filter's choice of every value: "All countries"


class Facets:
    def __init__(self, section: str, facets: tuple[Facet, ...], entries: list[Entry]) -> None:
        self.section = section
        self.facets = facets
        self.by_code: dict[str, dict[str, list[Entry]]] = {f.name: defaultdict(list) for f in facets}
        for entry in entries:
            for facet in facets:
                for code in facet.codes(entry):
                    self.by_code[facet.name][code].append(entry)

    def path(self, facet: str, code: str) -> str:
        spec = next(f for f in self.facets if f.name == facet)
        if spec.path is not None:
            return spec.path(code)
        return f"{self.section}/{spec.folder}/{code.lower().replace('_', '-')}.html"

    def entries(self, facet: str, code: str) -> list[Entry]:
        return self.by_code[facet].get(code, [])

    def groups(self, lang: str, translate: Callable[[str, str], str]) -> list[dict]:
        """[{facet, title, all, param, values: [{code, count, path, label}]}] for the sidebar, the facet pages and
        the filter control: `all` its choice of every value, `param` the name of its URL parameter (the folder of
        its pages: ?pays=BF&secteur=agriculture), which static/js/filter.js keeps in the address."""
        groups = []
        for facet in self.facets:
            values = [{"code": code, "count": len(entries), "path": self.path(facet.name, code),
                       "label": facet.label(code, lang)} for code, entries in self.by_code[facet.name].items()]
            values.sort(key=facet.order or (lambda v: formatting_key(v["label"])))
            if values or facet.keep_empty_group:
                groups.append({"facet": facet.name, "title": translate(lang, facet.title),
                               "all": translate(lang, facet.all) if facet.all else "", "param": facet.folder,
                               "values": values})
        return groups
