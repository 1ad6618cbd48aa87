"""gettext catalogues for the theme, compiled in memory at build time, chosen per page.

One Pelican run renders every language (see `generator.py`), so the Jinja `_()` cannot be bound to one
catalogue: the callables installed here read the page's `lang` from the template context.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, pass_context
from markupsafe import Markup, escape

from content_model.catalogues import catalogue


def install(env: Environment, translations_dir: Path, default_lang: str) -> None:
    """Install `_`, `gettext` and `ngettext` that follow the `lang` variable of each rendered page."""
    directory = str(translations_dir)
    # One bound method per language, looked up in a dict: templates call _() a hundred thousand times a build.
    gettexts: dict[str, object] = {}
    ngettexts: dict[str, object] = {}

    @pass_context
    def _gettext(context, message: str) -> str:
        lang = context.get("lang", default_lang)
        method = gettexts.get(lang)
        if method is None:
            method = gettexts[lang] = catalogue(directory, lang).gettext
        return method(message)

    @pass_context
    def _ngettext(context, singular: str, plural: str, n: int) -> str:
        lang = context.get("lang", default_lang)
        method = ngettexts.get(lang)
        if method is None:
            method = ngettexts[lang] = catalogue(directory, lang).ngettext
        return method(singular, plural, n)

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)


def install_directions(env: Environment, rtl_languages: Iterable[str]) -> None:
    """Install `text_dir(code)` ("rtl" or "ltr") and `lang_attrs(text_lang, isolate=False)` for templates.

    `lang_attrs` gives the attributes of an element holding text of `text_lang` on the current page: `lang` when
    the text is in another language than the page (a fallback to the original), `dir` when that language runs the
    other way, so that a French summary on an Arabic page reads left to right with its punctuation in place. With
    `isolate=True` (names and titles, which contributors may write in any script whatever the file's language) the
    direction is `dir="auto"`: the text is isolated from its neighbours and takes the direction of its first strong
    letter, so that an Arabic name in a French list, or a Latin one in an Arabic sentence, keeps its punctuation
    and numbers on the right side.
    """
    rtl = frozenset(rtl_languages)

    def text_dir(code: str) -> str:
        return "rtl" if code in rtl else "ltr"

    @pass_context
    def lang_attrs(context, text_lang: str | None, isolate: bool = False) -> Markup:
        page_lang = context.get("lang")
        attrs = f' lang="{escape(text_lang)}"' if text_lang and text_lang != page_lang else ""
        if isolate:
            attrs += ' dir="auto"'
        elif text_lang and text_dir(text_lang) != text_dir(page_lang):
            attrs += f' dir="{text_dir(text_lang)}"'
        return Markup(attrs)

    env.globals.update(text_dir=text_dir, lang_attrs=lang_attrs)


def translate(translations_dir: Path, lang: str, message: str) -> str:
    """Translate outside templates (labels computed in Python)."""
    return catalogue(str(translations_dir), lang).gettext(message)
