"""Ready values for the project bank templates: labels, money in the page's locale, dates, paths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from content_model.registry import Entry, Registry
from content_model.schema import PROJECT_NEED, PROJECT_NEEDS, PROJECT_STATUS, PROJECT_STATUSES, labels
from content_model.taxonomy import Taxonomy
from labo_site import formatting
from labo_site.views import entry_link, formatting_key, reference

from .funding import CAMPAIGN_ENDED, CurrencyTotal, Funding
from .sdgs import sdg_name

Translate = Callable[[str, str], str]


def N_(message: str) -> str:  # noqa: N802 - gettext marker, extracted by pybabel
    return message


SECTION = "projets"
#: The statuses of the content model, and the one the bank computes (a campaign whose deadline passed).
STATUS_LABELS = {**labels(PROJECT_STATUS), CAMPAIGN_ENDED: N_("Campaign ended")}
STATUS_ORDER = ("seeking_funding", CAMPAIGN_ENDED) + PROJECT_STATUSES[1:]
NEED_LABELS = labels(PROJECT_NEED)
#: Facets and their folder under projets/ (French words in URLs: the site is French first).
FACETS = (("country", "pays"), ("sector", "secteur"), ("status", "statut"), ("sdg", "odd"), ("need", "besoin"))
FACET_TITLES = {"country": N_("Country"), "sector": N_("Sector"), "status": N_("Status"),
                "sdg": N_("Sustainable Development Goal"), "need": N_("Needs")}
#: The choice that lifts a facet's filter, one message per facet so that each language can agree it with the facet.
FACET_ALL = {"country": N_("All countries"), "sector": N_("All sectors"), "status": N_("All statuses"),
             "sdg": N_("All goals"), "need": N_("All needs")}
#: The two sorted lists of every project, as static pages.
SORTS = (("deadline", f"{SECTION}/index.html", N_("nearest deadline")),
         ("progress", f"{SECTION}/par-avancement.html", N_("progress")))
HOME_COUNT = 3
PAGE_SIZE = 48  # cards per list page; the setting PROJECTS_PAGE_SIZE overrides it


def facet_path(facet: str, code: str) -> str:
    return f"{SECTION}/{dict(FACETS)[facet]}/{code.lower().replace('_', '-')}.html"


def facet_values(entry: Entry, status: str) -> dict[str, list[str]]:
    """Codes of each facet for one project; `status` is the effective one (see funding.effective_status)."""
    data = entry.data
    return {"country": [data["country"]], "sector": list(data.get("sectors", [])), "status": [status],
            "sdg": [str(n) for n in data.get("sdgs", [])], "need": list(data.get("needs", []))}


def sdg_label(number: int, lang: str, translate: Translate) -> str:
    return translate(lang, N_("SDG %(num)s: %(name)s")) % {"num": number, "name": sdg_name(number, lang)}


def facet_label(facet: str, code: str, lang: str, taxonomy: Taxonomy, translate: Translate) -> str:
    if facet == "country":
        return formatting.country_name(code, lang)
    if facet == "sector":
        return taxonomy.label("sectors", code, lang)
    if facet == "status":
        return translate(lang, STATUS_LABELS[code])
    if facet == "sdg":
        return sdg_label(int(code), lang, translate)
    return translate(lang, NEED_LABELS[code])


def facet_sort_key(facet: str, value: dict) -> tuple:
    if facet == "status":
        return (STATUS_ORDER.index(value["code"]), "")
    if facet == "sdg":
        return (int(value["code"]), "")
    if facet == "need":
        return (PROJECT_NEEDS.index(value["code"]), "")
    return (0, formatting_key(value["label"]))


def _org_link(registry: Registry, slug: str, lang: str) -> dict:
    """An organisation linked when published; a withdrawn one is not named (labo_site.views.reference)."""
    return reference(registry, "organisation", slug, lang)


def funding_view(funding: Funding | None, contributions: list[dict], lang: str, today: dt.date,
                 translate: Translate) -> dict | None:
    if funding is None:
        return None

    def money(value):
        return formatting.money(value, funding.currency, lang) if value is not None else ""

    percent, optimum_percent = funding.percent, funding.optimum_percent
    days = funding.days_left(today)
    return {
        "currency": funding.currency,
        "currency_name": formatting.currency_name(funding.currency, lang),
        "goal": money(funding.goal), "optimum": money(funding.optimum), "raised": money(funding.raised),
        "raised_known": funding.raised is not None,
        "percent": percent, "percent_text": formatting.percent(percent / 100, lang) if percent is not None else "",
        "bar": min(percent, 100) if percent is not None else None,
        "optimum_percent": optimum_percent,
        "optimum_percent_text": (formatting.percent(optimum_percent / 100, lang)
                                 if optimum_percent is not None else ""),
        "optimum_bar": min(optimum_percent, 100) if optimum_percent is not None else None,
        "goal_reached": funding.goal_reached,
        "deadline": formatting.date(funding.deadline, lang) if funding.deadline else "",
        "deadline_iso": funding.deadline.isoformat() if funding.deadline else "",
        "days_left": days,
        "as_of": formatting.date(today, lang),
        "contribution_count": len(contributions),
        "contributions": [
            {"name": c.get("name", ""), "anonymous": bool(c.get("anonymous")), "amount": money(c["amount"]),
             "date": formatting.date(c["date"], lang, "medium") if c.get("date") else "",
             "date_iso": c["date"].isoformat() if c.get("date") else ""}
            for c in contributions],
    }


def project_view(entry: Entry, status: str, lang: str, today: dt.date, registry: Registry, taxonomy: Taxonomy,
                 translate: Translate, labels: dict | None = None) -> dict:
    """Everything a project page or card shows, in `lang`. `labels` caches facet labels across projects: a
    thousand projects share a few dozen countries, sectors and goals."""
    data = entry.data
    title, title_lang = entry.text("title", lang)
    summary, summary_lang = entry.text("summary", lang)
    support, support_lang = entry.text("support", lang)
    labels = {} if labels is None else labels
    facets = {}
    for facet, codes in facet_values(entry, status).items():
        facets[facet] = []
        for code in codes:
            key = (facet, code, lang)
            if key not in labels:
                labels[key] = {"code": code, "label": facet_label(facet, code, lang, taxonomy, translate),
                               "path": facet_path(facet, code)}
            facets[facet].append(labels[key])
    declared = data["status"]
    funding = Funding.of(data)

    def status_label(code: str) -> dict:
        key = ("status", code, lang)
        if key not in labels:
            labels[key] = {"code": code, "label": facet_label("status", code, lang, taxonomy, translate),
                           "path": facet_path("status", code)}
        return labels[key]

    # A campaign seeking funding ends on its deadline whatever the file says: both labels go to the page, whose
    # script shows the one that is true on the reader's day (see static/js/dates.js).
    campaign = None
    if declared == "seeking_funding" and funding is not None and funding.deadline is not None:
        campaign = {"until": funding.deadline.isoformat(), "open": status_label("seeking_funding"),
                    "ended": status_label(CAMPAIGN_ENDED), "ended_now": status == CAMPAIGN_ENDED}
    return {
        "slug": entry.slug,
        "path": entry_link(entry, lang).path,
        "title": title, "title_lang": title_lang,
        "summary": summary or "", "summary_lang": summary_lang,
        "example": bool(data.get("example")),
        "organisation": _org_link(registry, data["organisation"], lang),
        "partners": [_org_link(registry, slug, lang) for slug in data.get("partners", [])
                     if registry.get("organisation", slug)],
        "country": facets["country"][0],
        "sectors": facets["sector"],
        "sdgs": facets["sdg"],
        "needs": facets["need"],
        "status": facets["status"][0],
        "campaign": campaign,
        # Shown when time changed the status: what the project itself says.
        "declared_status": translate(lang, STATUS_LABELS[declared]) if declared != status else "",
        "funding": funding_view(funding, (data.get("funding") or {}).get("contributions", []), lang, today,
                                translate),
        "support": support or "", "support_lang": support_lang,
        "contact": data.get("contact", {}),
        "published": formatting.date(data["published"], lang) if data.get("published") else "",
        "published_iso": data["published"].isoformat() if data.get("published") else "",
    }


def news_links(articles: list[Entry], lang: str) -> list[dict]:
    """The news that refer to the project, newest first: title, date, and the language of the title."""
    items = []
    for article in sorted(articles, key=lambda a: (str(a.data["date"]), a.slug), reverse=True):
        link = entry_link(article, lang)
        day = article.data["date"].date() if isinstance(article.data["date"], dt.datetime) else article.data["date"]
        items.append({"path": link.path, "title": link.title, "title_lang": link.lang, "example": link.example,
                      "date": formatting.date(day, lang), "date_iso": day.isoformat()})
    return items


def totals_view(totals: list[CurrencyTotal], lang: str) -> list[dict]:
    return [{"currency": t.currency, "currency_name": formatting.currency_name(t.currency, lang),
             "projects": t.projects, "unstated": t.unstated,
             "goal": formatting.money(t.goal, t.currency, lang), "raised": formatting.money(t.raised, t.currency, lang)}
            for t in totals]
