"""The validated entries of a run, by kind and slug, with their translations and backlinks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .schema import Kind

#: The fields an organisation keeps on its own page when it sets `contact_page_only`.
PAGE_ONLY_CONTACT = ("email", "phone")


@dataclass
class Translation:
    lang: str
    source: str  # path relative to the content folder
    data: dict[str, Any]  # text fields only


@dataclass(eq=False)  # entries are compared by identity: one object per file
class Entry:
    kind: Kind
    slug: str
    source: str  # path relative to the content folder, posix
    data: dict[str, Any]
    lang: str  # language of the original file
    published: bool = True
    translations: dict[str, Translation] = field(default_factory=dict)
    backlinks: dict[str, list[Entry]] = field(default_factory=dict)  # referring kind -> entries
    markdown: dict[str, str] = field(default_factory=dict)  # lang -> the body as written (read once, by validate)
    body: dict[str, str] = field(default_factory=dict)  # lang -> sanitised HTML, rendered by the build
    digests: dict[str, bytes] = field(default_factory=dict)  # path -> sha256 of the file (original, translations)

    @property
    def title(self) -> str:
        return self.data.get(self.kind.title_field, self.slug)

    def text(self, name: str, lang: str) -> tuple[Any, str]:
        """A text field in `lang` if translated, else the original; with the language it is in."""
        tr = self.translations.get(lang)
        if tr is not None and name in tr.data:
            return tr.data[name], lang
        return self.data.get(name), self.lang

    def public_contact(self) -> dict[str, Any]:
        """The e-mail and phone that places other than the entry's own page may show (open data, JSON-LD,
        Murmurations profiles, the printable directory): None for each when the entry sets `contact_page_only`
        (or has none). The one place this rule of publication is written."""
        withheld = bool(self.data.get("contact_page_only"))
        return {name: None if withheld else self.data.get(name) for name in PAGE_ONLY_CONTACT}

    def referrers(self, kind: str) -> list[Entry]:
        return [e for e in self.backlinks.get(kind, []) if e.published]

    def __repr__(self) -> str:  # entries refer to each other: keep reprs short
        return f"<Entry {self.kind.name}:{self.slug}>"


@dataclass
class Registry:
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)  # kind name -> slug -> entry

    def kind(self, name: str, published_only: bool = True) -> list[Entry]:
        items = self.entries.get(name, {}).values()
        return [e for e in items if e.published or not published_only]

    def get(self, kind: str, slug: str, published_only: bool = True) -> Entry | None:
        entry = self.entries.get(kind, {}).get(slug)
        if entry is None or (published_only and not entry.published):
            return None
        return entry

    def add(self, entry: Entry) -> None:
        self.entries.setdefault(entry.kind.name, {})[entry.slug] = entry
