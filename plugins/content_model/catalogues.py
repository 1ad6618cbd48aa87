"""gettext catalogues compiled in memory from the theme's `.po` files, one merged catalogue per language.

Shared by the site's templates (`labo_site.i18n`) and the validator's messages (`messages.py`), so that a
contributor reads the same words on the site and in an error. No `.mo` file is kept in the repository.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"
#: The theme's catalogues, where the repository keeps them; the build passes THEME's own folder.
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "themes" / "labo" / "translations"


@functools.cache
def catalogue(translations_dir: str, lang: str) -> gettext.NullTranslations:
    """Compile every `<dir>/<lang>/LC_MESSAGES/*.po` in memory, merged: `messages.po` for the theme and one
    file per plugin, so that parts of the site can be translated independently."""
    # One catalogue with one dict: a chain of fallbacks would walk a dozen dicts for every miss. The theme's
    # messages.po is read last, so it decides when two files translate the same msgid.
    files = sorted((Path(translations_dir) / lang / "LC_MESSAGES").glob("*.po"),
                   key=lambda p: (p.name == f"{DOMAIN}.po", p.name))
    merged: gettext.NullTranslations = gettext.NullTranslations()
    for po in files:
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        for message in list(catalog)[1:]:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):  # untranslated here: let another file (or the English msgid) answer
                catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        translations = gettext.GNUTranslations(buffer)
        if isinstance(merged, gettext.GNUTranslations):
            merged._catalog.update(translations._catalog)  # noqa: SLF001 - merging is not in gettext's API
        else:
            merged = translations
    return merged


def translate(lang: str, message: str, translations_dir: Path | str = DEFAULT_DIR) -> str:
    """`message` (an English msgid) in `lang`; the msgid itself where no translation exists."""
    return catalogue(str(translations_dir), lang).gettext(message)


def translate_plural(lang: str, singular: str, plural: str, n: int,
                     translations_dir: Path | str = DEFAULT_DIR) -> str:
    """ngettext: the form of `singular`/`plural` for `n` in `lang` (the msgids themselves where untranslated)."""
    return catalogue(str(translations_dir), lang).ngettext(singular, plural, n)
