"""The validator's words, in the contributor's language.

A message is an English msgid marked with `N_` (so that `invoke i18n-extract` finds it) with `{named}`
fields, plus the values of those fields. It is rendered when printed, in the language asked for: French by
default, English with `--lang en` (or an English locale). The translations live in the same gettext
catalogues as the site's (`themes/labo/translations/<lang>/LC_MESSAGES/validation.po`), so a contributor
reads the same words on the site and in an error.

Values quoted from a file go through `shown()`: control, bidirectional and invisible characters become
visible escapes, so a report line is always one honest line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import catalogues, chars

#: Languages the validator speaks; the first is the default.
REPORT_LANGUAGES = ("fr", "en")
_DIR: list[Path] = [catalogues.DEFAULT_DIR]


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


def use_catalogues(translations_dir: Path | str) -> None:
    """Read messages from this theme's catalogues (the build passes THEME/translations)."""
    _DIR[0] = Path(translations_dir)


def translations_dir() -> Path:
    """The catalogues messages (and the content model's labels, `labels.py`) are read from."""
    return _DIR[0]


@dataclass(frozen=True)
class Message:
    """A msgid and its values; `render(lang)` gives the text. `str()` is English (logs, tests)."""

    text: str
    args: tuple[tuple[str, object], ...] = ()
    plural: str = ""  # the plural msgid: the `count` value chooses the form, by the language's own rule

    def render(self, lang: str = "en") -> str:
        if self.plural:
            n = int(dict(self.args)["count"])
            template = catalogues.translate_plural(lang, self.text, self.plural, n, _DIR[0]) if lang != "en" \
                else (self.text if n == 1 else self.plural)
        else:
            template = catalogues.translate(lang, self.text, _DIR[0]) if lang != "en" else self.text
        if not self.args:
            return template
        return template.format(**{key: _render(value, lang) for key, value in self.args})

    def __str__(self) -> str:
        return self.render("en")


def message(text: str, **args: object) -> Message:
    """message(N_('{value} is not a country code'), value=shown(x))."""
    return Message(text, tuple(args.items()))


def plural(singular: str, plural_: str, count: int, **args: object) -> Message:
    """plural("{count} error", "{count} errors", n): the form for `count` in each language. The literals are
    extracted by pybabel with the keyword `plural:1,2` (babel.cfg, tasks.py i18n-extract)."""
    return Message(singular, tuple({"count": count, **args}.items()), plural_)


def _render(value: object, lang: str) -> str:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(_render(v, lang) for v in value)
    return str(value)


def render(value: Message | str, lang: str) -> str:
    """A problem's message in `lang` (a plain string is already final)."""
    return value.render(lang) if isinstance(value, Message) else str(value)


def shown(value: object, limit: int = 60) -> str:
    """A value quoted from a file: in double quotes, shortened, with unsafe characters escaped."""
    text = chars.escape(str(value))
    if len(text) > limit:
        text = text[: limit - 3] + "…"
    return '"' + text.replace('"', '\\"') + '"'


def report_language(asked: str | None = None, environ: dict | None = None) -> str:
    """The language of a report: the one asked for (`--lang`), else LABO_LANG, else the locale when it is a
    language the validator speaks (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in gettext's order), else French."""
    environ = os.environ if environ is None else environ
    if asked:
        code = asked.strip().lower()[:2]
        if code not in REPORT_LANGUAGES:
            raise ValueError(f"unknown report language {asked!r}; use one of: {', '.join(REPORT_LANGUAGES)}")
        return code
    for name in ("LABO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for part in value.split(":"):  # LANGUAGE may list several: "en_GB:en"
            code = part.strip().lower()[:2]
            if code in REPORT_LANGUAGES:
                return code
        if name in ("LABO_LANG", "LANGUAGE"):
            continue  # an unknown value there does not hide LC_ALL or LANG
        return REPORT_LANGUAGES[0]  # "C.UTF-8", "POSIX", "de_DE": the site's own language
    return REPORT_LANGUAGES[0]
