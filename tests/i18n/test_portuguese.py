"""Portuguese, for the Lusophone members: every word of the interface translated, in Portuguese typography.

What "interface" means (plugins/labo_site/i18n_sources.py): every message of the code and templates except those
only staff or the terminal see (the spreadsheet tool, the build's report, the validator's own messages); the
validator's messages the web form shows are in. Then the content model's field labels (fields.po), the taxonomy's
labels and the names of the Sustainable Development Goals, which are language data rather than messages.
"""

from __future__ import annotations

import re

import pytest
import yaml
from babel.messages.pofile import read_po
from tests.conftest import ROOT

from content_model import labels
from content_model.schema import KINDS
from labo_site import i18n_sources
from projects.sdgs import SDG_NAMES

LANG = "pt"


@pytest.fixture(scope="module")
def interface() -> dict:
    return i18n_sources.interface_messages()


def _catalogues() -> dict[str, list]:
    """domain -> the messages (header left out) of each Portuguese file."""
    out = {}
    for domain, path in i18n_sources.domains(LANG).items():
        with path.open("rb") as f:
            catalog = read_po(f, locale=LANG)
        assert not catalog.obsolete, f"{path.name}: obsolete (#~) entries; run `invoke i18n-update`"
        out[domain] = [m for m in catalog if m.id]
    return out


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(s.strip() for s in strings)


def missing(messages, catalogues: dict[str, list]) -> list:
    """The messages of `messages` that no Portuguese file translates (plural: every form)."""
    done = {(None, i18n_sources.singular(m.id)) for ms in catalogues.values() for m in ms if _translated(m)}
    return sorted((m for m in messages if (None, i18n_sources.singular(m)) not in done), key=str)


def test_every_interface_message_has_a_portuguese_translation(interface) -> None:
    assert len(interface) > 700
    gaps = missing(interface, _catalogues())
    assert gaps == [], ("interface messages without a Portuguese translation (run `invoke i18n-update`, then write "
                        "their msgstr in themes/labo/translations/pt/LC_MESSAGES/):\n" + "\n".join(map(repr, gaps)))


def test_a_new_message_without_a_translation_fails_the_check(interface) -> None:
    """The check above, fed one more message as if a template had just said it."""
    new = {**interface, "A sentence nobody has translated yet": {"themes/labo/templates/home.html"}}
    assert missing(new, _catalogues()) == ["A sentence nobody has translated yet"]


def test_the_portuguese_files_hold_exactly_what_the_code_uses() -> None:
    """No message the code no longer says, none twice, each in the file where French keeps it, and the labels."""
    expected = {domain: {(ctx, i18n_sources.singular(m)) for ctx, m in messages}
                for domain, messages in i18n_sources.expected(LANG).items()}
    actual = {domain: [(m.context, i18n_sources.singular(m.id)) for m in messages]
              for domain, messages in _catalogues().items()}
    for domain, keys in actual.items():
        assert len(keys) == len(set(keys)), f"{domain}.po lists a message twice"
    assert {d: set(k) for d, k in actual.items()} == expected, "run `invoke i18n-update`"
    assert set(actual) & set(i18n_sources.STAFF_DOMAINS) == set()


def test_every_field_and_kind_label_has_a_portuguese_label() -> None:
    catalogue = {m.id: m for m in _catalogues()[labels.DOMAIN] if m.context == labels.CONTEXT}
    assert set(catalogue) == set(labels.msgids())
    assert [msgid for msgid, m in catalogue.items() if not _translated(m)] == []
    phone = next(f for f in KINDS[0].fields if f.name == "phone")
    assert labels.label(phone, "pt") == "Número de telefone, entre aspas"
    assert labels.label(phone, "fr") == phone.fr and labels.label(phone, "en") == phone.en
    assert labels.label(KINDS[0], "pt") == "Organizações"


def test_every_taxonomy_code_has_a_portuguese_label() -> None:
    taxonomy = yaml.safe_load((ROOT / "content" / "taxonomy.yml").read_text(encoding="utf-8"))
    gaps = [f"{table}.{code}" for table, codes in taxonomy.items() for code, text in codes.items()
            if not str(text.get(LANG) or "").strip()]
    assert gaps == [], "codes of content/taxonomy.yml without a pt: label"


def test_every_sustainable_development_goal_has_its_portuguese_name() -> None:
    assert sorted(SDG_NAMES) == list(range(1, 18))
    assert all(names.get(LANG) for names in SDG_NAMES.values())
    assert SDG_NAMES[5][LANG] == "Igualdade de género"  # European Portuguese, as in Maputo or Luanda


def _all_translations() -> list[tuple[str, str]]:
    """(msgid, one translated form) for every Portuguese message; plural forms against the plural msgid."""
    out = []
    for messages in _catalogues().values():
        for m in messages:
            if isinstance(m.id, tuple):
                out += [(m.id[0], m.string[0]), *((m.id[1], s) for s in m.string[1:])]
            else:
                out.append((m.id, m.string))
    return out


PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)s")


@pytest.mark.parametrize(("msgid", "text"), _all_translations(), ids=lambda value: value[:40])
def test_a_translation_keeps_every_placeholder_of_its_message(msgid: str, text: str) -> None:
    assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), text


def _prose(msgid: str, text: str) -> str:
    """The Portuguese words, without what is quoted from a file or typed into one (values, code, addresses)."""
    # As many straight-quoted parts as the English has: text to type as it is ("AAAA-MM-DD HH:MM" in YAML).
    text = re.sub(r'"[^"]*"', "", text, count=len(re.findall(r'"[^"]*"', msgid))) if '"' in msgid else text
    text = PLACEHOLDER.sub("x", text)
    text = re.sub(r"«[^»]*»|`[^`]*`", "«»", text)
    if re.search(r"\s[;:?!]$", msgid):  # "separated by ;": the character itself, named at the end
        text = text[:-1]
    return re.sub(r"https?://\S*|\bHH:MM\b|\d{2}:\d{2}|\[[^\]]*\]", "", text)


@pytest.mark.parametrize(("msgid", "text"), _all_translations(), ids=lambda value: value[:40])
def test_portuguese_typography(msgid: str, text: str) -> None:
    prose = _prose(msgid, text)
    assert "'" not in prose, f"apostrophe ’, not ': {text}"
    assert not re.search(r'"[^"]*"|“|”', prose), f"«aspas» around words, not straight or English quotes: {text}"
    assert not re.search(r"[\s\u00a0\u202f][;:?!]", prose), f"no space before ; : ? ! in Portuguese: {text}"
    assert not re.search(r"«[\s\u00a0\u202f]|[\s\u00a0\u202f]»", text), f"no space inside «»: {text}"
