"""gettext catalogues for the theme, compiled in memory at build time, chosen per page.

One Pelican run renders every language (see `generator.py`), so the Jinja `_()` cannot be bound to one
catalogue: the callables installed here read the page's `lang` from the template context.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment, pass_context

DOMAIN = "messages"


@functools.cache
def catalogue(translations_dir: str, lang: str) -> gettext.NullTranslations:
    """Compile every `<dir>/<lang>/LC_MESSAGES/*.po` in memory, merged: `messages.po` for the theme and one
    file per plugin, so that parts of the site can be translated independently. No .mo file is kept."""
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


def install(env: Environment, translations_dir: Path, default_lang: str) -> None:
    """Install `_`, `gettext` and `ngettext` that follow the `lang` variable of each rendered page."""
    directory = str(translations_dir)

    @pass_context
    def _gettext(context, message: str) -> str:
        return catalogue(directory, context.get("lang", default_lang)).gettext(message)

    @pass_context
    def _ngettext(context, singular: str, plural: str, n: int) -> str:
        return catalogue(directory, context.get("lang", default_lang)).ngettext(singular, plural, n)

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)


def translate(translations_dir: Path, lang: str, message: str) -> str:
    """Translate outside templates (labels computed in Python)."""
    return catalogue(str(translations_dir), lang).gettext(message)
