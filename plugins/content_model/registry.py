"""The validated entries of a run, by kind and slug, with their translations and backlinks."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
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


class Bodies(MutableMapping):
    """An entry's sanitised HTML by language, kept as UTF-8 and decoded when read. As a Python string, a text with
    one typographic apostrophe (’, as French is written) takes two bytes a character; as UTF-8, about one: the
    bodies are the largest part of a build's memory (38 of 264 MB at 10,000 organisations, as strings)."""

    __slots__ = ("_utf8",)

    def __init__(self) -> None:
        self._utf8: dict[str, bytes] = {}

    def __getitem__(self, lang: str) -> str:
        return self._utf8[lang].decode("utf-8")

    def __setitem__(self, lang: str, html: str) -> None:
        self._utf8[lang] = html.encode("utf-8")

    def set_utf8(self, lang: str, html: bytes) -> None:
        self._utf8[lang] = html

    def __delitem__(self, lang: str) -> None:
        del self._utf8[lang]

    def __contains__(self, lang: object) -> bool:
        return lang in self._utf8

    def __iter__(self) -> Iterator[str]:
        return iter(self._utf8)

    def __len__(self) -> int:
        return len(self._utf8)


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
    body: Bodies = field(default_factory=Bodies)  # lang -> sanitised HTML, rendered by the build
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
