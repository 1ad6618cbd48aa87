"""How much a contributed file may weigh: one dict setting, `LABO_LIMITS`, every key checked.

Pull requests come from people we do not know, and the build reads everything they add. Without limits a
50 MB Markdown body builds for minutes and a 12,000 × 12,000 logo takes 1.3 GB to resize. Each default below
is far above what a real entry needs (the figures come from the shipped content, 2026-12) and far below
what hurts a build machine; a refusal always names the setting, so a maintainer can raise it knowingly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from babel.numbers import format_decimal

from .messages import N_, Message, message

KB = 1024
MB = 1024 * KB


@dataclass(frozen=True)
class Limits:
    #: A whole Markdown file. The longest shipped page is 8.8 KB; 512 KB is ~80,000 words (a 300-page book)
    #: and renders in 0.04 s, while a reader on paid data would never load the page it makes anyway.
    markdown_bytes: int = 512 * KB
    #: The YAML between the two '---' lines. The largest shipped header is 1.3 KB; five long texts of 5,000
    #: characters in a three-byte script (Amharic) stay under 80 KB.
    front_matter_bytes: int = 128 * KB
    #: Collections inside collections in the front matter. The deepest field of the model is 4 levels
    #: (funding.contributions[0].amount); PyYAML recurses per level and crashes near 1,000.
    front_matter_depth: int = 20
    #: An image file (logos, pictures of the site's pages, images among documents).
    image_bytes: int = 5 * MB
    #: Pixels of an image, all frames of an animation together, read from the header before decoding. A
    #: 24-megapixel camera photo (6000 × 4000) fits; decoding 25 megapixels in RGBA takes 100 MB.
    image_pixels: int = 25_000_000
    #: Frames of an animated GIF, PNG or WebP: each is decoded at validation.
    image_frames: int = 1_000
    #: A document (PDF, office file, CSV, text). A scanned 30-page PDF is 5 to 15 MB; every clone of the
    #: repository downloads every version of every file, and GitHub warns from 50 MB.
    document_bytes: int = 20 * MB
    #: Entries of an office document (a zip): a DOCX holds about 15, an XLSX of 50 sheets about 120.
    archive_members: int = 1_000
    #: What an office document unpacks to, as its archive declares (never unpacked here): a zip bomb would
    #: exhaust the reader's office program, not the build, but it has no place on the site either.
    archive_bytes: int = 200 * MB
    #: Characters of one file or folder name (a slug of 60 characters and an extension fit).
    name_length: int = 100

    @classmethod
    def from_settings(cls, settings: Mapping | Limits | None) -> Limits:
        """Limits from the `LABO_LIMITS` dict (missing keys keep their default); ValueError on a bad key."""
        if settings is None:
            return DEFAULT
        if isinstance(settings, Limits):
            return settings
        if not isinstance(settings, Mapping):
            raise ValueError(f"LABO_LIMITS must be a dict, not {type(settings).__name__}")
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(settings) - set(known))
        if unknown:
            raise ValueError(f"LABO_LIMITS: unknown key(s) {', '.join(map(repr, unknown))}; "
                             f"known keys: {', '.join(known)}")
        for key, value in settings.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"LABO_LIMITS[{key!r}] must be a whole number above 0, not {value!r}")
        return replace(DEFAULT, **settings)


DEFAULT = Limits()


@dataclass(frozen=True)
class _Number(Message):
    """A number written the way the reader's language writes it (1,5 in French, 1.5 in English)."""

    value: float = 0.0

    def render(self, lang: str = "en") -> str:
        return format_decimal(self.value, format="#,##0.#", locale=lang)


def number(value: float) -> Message:
    return _Number("", value=value)


def size(n_bytes: int) -> Message:
    """A file size for people: '2 MB', '512 KB', '1.5 MB' ('2 Mo', '1,5 Mo' in French)."""
    if n_bytes >= MB:
        return message(N_("{number} MB"), number=number(round(n_bytes / MB, 1)))
    if n_bytes >= KB:
        return message(N_("{number} KB"), number=number(round(n_bytes / KB, 1)))
    return message(N_("{number} bytes"), number=number(n_bytes))


def megapixels(pixels: int) -> Message:
    return number(round(pixels / 1_000_000, 1))
