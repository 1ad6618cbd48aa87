"""gettext catalogues for the theme, compiled in memory at build time, chosen per page.

One Pelican run renders every language (see `generator.py`), so the Jinja `_()` cannot be bound to one
catalogue: the callables installed here read the page's `lang` from the template context.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, pass_context

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


def translate(translations_dir: Path, lang: str, message: str) -> str:
    """Translate outside templates (labels computed in Python)."""
    return catalogue(str(translations_dir), lang).gettext(message)
