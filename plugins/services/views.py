"""Ready values for the services catalogue and the economic-model page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

from babel.numbers import format_percent

from content_model.registry import Entry, Registry
from content_model.schema import PRICE_UNIT, SERVICE_KIND, SERVICE_KINDS, SPLIT_PARTS, labels, phrases, plurals
from labo_site import formatting
from labo_site.views import entry_link, reference

from .split import effective_split, split_amount

Translate = Callable[[str, str], str]


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


SECTION = "services"
#: Labels of the service kinds, stated in the content model.
KIND_LABELS = labels(SERVICE_KIND)
KIND_PLURALS = plurals(SERVICE_KIND)
#: "<price> per <unit>", one message per unit so that each language words it its own way.
UNIT_PRICES = phrases(PRICE_UNIT)
PART_LABELS = {"consultant": N_("Consultant or provider"), "platform": N_("Platform management"),
               "ess_fund": N_("SSE support fund")}
#: The worked example of the economic-model page: a round price in the CFA franc, the currency of most
#: of the network's members (West Africa).
EXAMPLE_PRICE = (Decimal(100000), "XOF")


@functools.cache
def _percent_pattern(lang: str) -> str:
    """The locale's percent pattern with up to two decimals, so 12.5 % is never shown as 12 %."""
    pattern = formatting.locale(lang).percent_formats[None].pattern
    head, _, tail = pattern.rpartition("0")
    return f"{head}0.##{tail}"


def percent(value: float, lang: str) -> str:
    return format_percent(Decimal(str(value)) / 100, locale=formatting.locale(lang), format=_percent_pattern(lang))


def split_view(price: Decimal | float, currency: str, split: dict[str, float], lang: str,
               translate: Translate) -> dict:
    """The split in money: one row per part, and the total (equal to the price by construction)."""
    shares = split_amount(price, currency, split)
    return {"rows": [{"part": part, "label": translate(lang, PART_LABELS[part]), "percent": percent(split[part], lang),
                      "amount": formatting.money(shares[part], currency, lang)} for part in SPLIT_PARTS],
            "total": formatting.money(sum(shares.values(), Decimal(0)), currency, lang),
            "price": formatting.money(price, currency, lang), "hundred": percent(100, lang)}


def percents_view(split: dict[str, float], lang: str, translate: Translate) -> list[dict]:
    return [{"part": part, "label": translate(lang, PART_LABELS[part]), "percent": percent(split[part], lang)}
            for part in SPLIT_PARTS]


def _org_link(registry: Registry, slug: str, lang: str) -> dict:
    """An organisation linked when published; a withdrawn one is not named (labo_site.views.reference)."""
    return reference(registry, "organisation", slug, lang)


def service_view(entry: Entry, lang: str, registry: Registry, setting: dict, translate: Translate) -> dict:
    """Everything a service page or card shows, in `lang`."""
    data = entry.data
    title, title_lang = entry.text("title", lang)
    summary, summary_lang = entry.text("summary", lang)
    split, own = effective_split(data.get("revenue_split"), setting)
    price = data.get("price")
    price_text = ""
    if price:
        money = formatting.money(Decimal(str(price["amount"])), price["currency"], lang)
        price_text = translate(lang, UNIT_PRICES[price["unit"]]) % {"price": money}
    return {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "title": title, "title_lang": title_lang,
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "kind": {"code": data["kind"], "label": translate(lang, KIND_LABELS[data["kind"]])},
        "provider": _org_link(registry, data["provider"], lang),
        "price": price_text,
        "split": (split_view(Decimal(str(price["amount"])), price["currency"], split, lang, translate)
                  if price else None),
        "percents": percents_view(split, lang, translate),
        "own_split": own,
        "countries": [formatting.country_name(c, lang) for c in data.get("countries", [])],
        "languages": [formatting.language_name(c, lang) for c in data.get("languages", [])],
        "contact": data.get("contact", {}),
    }


def kind_order() -> tuple[str, ...]:
    return SERVICE_KINDS
