"""Ready values for the statistics page: labels in the reader's language, bars, tables."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from babel.dates import format_date

from content_model.schema import PROJECT_STATUS, labels
from content_model.taxonomy import Taxonomy
from directory.views import STATUS_PLURALS
from labo_site import formatting
from labo_site.views import formatting_key
from projects.sdgs import SDG_NAMES, sdg_name

from . import charts
from .stats import NOT_STATED, Figures, amount

Translate = Callable[[str, str], str]  # (lang, msgid) -> text

STATS_PATH = "statistiques.html"
DATA_PATH = "data/index.html"  # written by the open_data plugin
PROJECTS_ANCHOR = "chart-projects-country"

#: Labels stated once: project statuses in the content model, SDG names (the UN's) in projects.sdgs.
PROJECT_STATUS_LABELS = labels(PROJECT_STATUS)


def headline(figures: Figures) -> dict:
    countries = [code for code in figures.org_country if code != NOT_STATED]
    return {"organisations": figures.organisations, "countries": len(countries),
            "members": figures.org_status.get("member", 0), "projects": figures.projects,
            "upcoming_events": figures.upcoming_events}


def _counted(counter: Counter, label: Callable[[str], str], lang: str, translate: Translate,
             keep_order: tuple = ()) -> list[tuple[str, str, int]]:
    """(code, label, count) rows: in `keep_order` when given, else most first; "Not stated" last."""
    rows = [(code, label(code) if code != NOT_STATED else translate(lang, "Not stated"), n)
            for code, n in counter.items()]
    if keep_order:
        order = {code: i for i, code in enumerate(keep_order)}
        rows.sort(key=lambda r: (r[0] == NOT_STATED, order.get(r[0], len(order))))
    else:
        rows.sort(key=lambda r: (r[0] == NOT_STATED, -r[2], formatting_key(r[1])))
    return rows


def _section(section_id: str, title: str, category: str, unit: str, rows: list[tuple[str, str, int]],
             lang: str, note: str = "") -> dict:
    bars = [charts.Bar(label, n, formatting.number(n, lang)) for _code, label, n in rows]
    return {"id": section_id, "title": title, "note": note, "columns": [category, unit],
            "rows": [[bar.label, bar.display] for bar in bars], "total": sum(n for *_, n in rows),
            "charts": [{"caption": "", "bars": charts.bar_chart(bars)}] if bars else []}


def stats_sections(figures: Figures, lang: str, taxonomy: Taxonomy, translate: Translate) -> list[dict]:
    """The charts of the statistics page that have something to show, each with its data table, in
    reading order: a section with nothing counted (no project yet, no upcoming event) is left out."""
    t = lambda msgid: translate(lang, msgid)  # noqa: E731 - a local shorthand
    country = lambda code: formatting.country_name(code, lang)  # noqa: E731
    orgs, projects = t("Organisations"), t("Projects")
    sections = [
        _section("chart-orgs-country", t("Organisations by country"), t("Country"), orgs,
                 _counted(figures.org_country, country, lang, translate), lang),
        _section("chart-orgs-sector", t("Organisations by sector"), t("Sector"), orgs,
                 _counted(figures.org_sector, lambda c: taxonomy.label("sectors", c, lang), lang, translate), lang,
                 note=t("An organisation working in several sectors is counted in each of them.")),
        _section("chart-orgs-legal-form", t("Organisations by legal form"), t("Legal form"), orgs,
                 _counted(figures.org_legal_form, lambda c: taxonomy.label("legal_forms", c, lang), lang,
                          translate), lang),
        _section("chart-orgs-status", t("Organisations by membership status"), t("Membership status"), orgs,
                 _counted(figures.org_status, lambda c: t(STATUS_PLURALS[c]), lang, translate,
                          keep_order=tuple(STATUS_PLURALS)), lang),
        _section("chart-projects-status", t("Projects by status"), t("Status"), projects,
                 _counted(figures.project_status, lambda c: t(PROJECT_STATUS_LABELS[c]), lang, translate,
                          keep_order=tuple(PROJECT_STATUS_LABELS)), lang),
        _section("chart-projects-sdg", t("Projects by Sustainable Development Goal"),
                 t("Sustainable Development Goal"), projects,
                 _counted(Counter({str(k): v for k, v in figures.project_sdg.items()}),
                          lambda c: f"{c}. {sdg_name(int(c), lang)}", lang, translate,
                          keep_order=tuple(map(str, SDG_NAMES))), lang,
                 note=t("A project can serve several goals: it is counted under each of them.")),
        _section(PROJECTS_ANCHOR, t("Projects by country"), t("Country"), projects,
                 _counted(figures.project_country, country, lang, translate), lang),
        funding_section(figures, lang, translate),
        _section("chart-events-month", t("Upcoming events by month"), t("Month"), t("Upcoming events"),
                 [(f"{y}-{m:02d}", month_label(y, m, lang), n) for (y, m), n in sorted(figures.event_month.items())],
                 lang),
    ]
    return [section for section in sections if section["total"]]


def funding_section(figures: Figures, lang: str, translate: Translate) -> dict:
    """Sums per currency, one small chart each: amounts in different currencies are never compared or converted."""
    t = lambda msgid: translate(lang, msgid)  # noqa: E731
    rows, pictures = [], []
    for code in sorted(figures.funding):
        sums = figures.funding[code]
        goal, raised = amount(sums.goal), amount(sums.raised)
        name = f"{formatting.currency_name(code, lang)} ({code})"
        share = formatting.percent(float(sums.raised / sums.goal), lang) if sums.goal else "—"
        rows.append([name, formatting.number(sums.projects, lang), formatting.money(goal, code, lang),
                     formatting.money(raised, code, lang), share])
        pictures.append({"caption": name, "bars": charts.bar_chart([
            charts.Bar(t("Funding goals"), goal, formatting.money(goal, code, lang), "goal"),
            charts.Bar(t("Raised"), raised, formatting.money(raised, code, lang), "raised"),
        ], max_value=max(goal, raised) or 1)})
    return {"id": "chart-funding", "title": t("Funding sought and raised, by currency"),
            "note": t("Sums over the projects that state a funding goal, in the currency each project uses; "
                      "amounts in different currencies are never converted or added together."),
            "columns": [t("Currency"), t("Projects"), t("Funding goals"), t("Raised"), t("Share raised")],
            "rows": rows, "total": sum(s.projects for s in figures.funding.values()), "charts": pictures}


def month_label(year: int, month: int, lang: str) -> str:
    text = format_date(dt.date(year, month, 1), "LLLL y", locale=formatting.locale(lang))
    return text[:1].upper() + text[1:]
