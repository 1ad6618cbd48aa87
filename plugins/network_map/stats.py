"""The network's figures, counted once from the registry, as codes and numbers (no labels).

Counting is kept apart from labelling so that tests can compare these numbers with the content and
with what the pages show; `views.py` turns them into labelled bars in the reader's language. Every
kind is read from the registry, so the figures exist whether or not the plugin that renders that
kind's pages is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from content_model.registry import Entry, Registry
from content_model.schema import MEMBERSHIP_STATUSES, PROJECT_STATUSES

NOT_STATED = ""  # the code under which entries that leave an optional field out are counted


@dataclass
class Funding:
    """Sums for one currency: amounts are never converted between currencies."""

    currency: str
    projects: int = 0
    goal: Decimal = Decimal(0)
    raised: Decimal = Decimal(0)


@dataclass
class Figures:
    organisations: int = 0
    org_country: Counter = field(default_factory=Counter)
    org_sector: Counter = field(default_factory=Counter)
    org_legal_form: Counter = field(default_factory=Counter)
    org_status: Counter = field(default_factory=Counter)
    projects: int = 0
    project_country: Counter = field(default_factory=Counter)
    project_status: Counter = field(default_factory=Counter)
    project_sdg: Counter = field(default_factory=Counter)
    funding: dict[str, Funding] = field(default_factory=dict)
    upcoming_events: int = 0
    event_month: Counter = field(default_factory=Counter)  # (year, month) -> events starting then


def collect(registry: Registry, today: dt.date) -> Figures:
    """Count everything the map and statistics pages show (published entries only)."""
    figures = Figures()
    _organisations(figures, registry.kind("organisation"))
    _projects(figures, registry.kind("project"))
    _events(figures, registry.kind("event"), today)
    return figures


def _organisations(figures: Figures, entries: list[Entry]) -> None:
    figures.organisations = len(entries)
    for entry in entries:
        data = entry.data
        figures.org_country[data.get("country") or NOT_STATED] += 1
        figures.org_legal_form[data.get("legal_form") or NOT_STATED] += 1
        figures.org_status[data["membership"]["status"]] += 1
        # An organisation with several sectors counts once in each: the bars do not add up to the total.
        for sector in data.get("sectors") or [NOT_STATED]:
            figures.org_sector[sector] += 1
    for status in MEMBERSHIP_STATUSES:
        figures.org_status.setdefault(status, 0)


def _projects(figures: Figures, entries: list[Entry]) -> None:
    figures.projects = len(entries)
    for entry in entries:
        data = entry.data
        figures.project_country[data["country"]] += 1
        figures.project_status[data["status"]] += 1
        for sdg in data.get("sdgs") or []:
            figures.project_sdg[int(sdg)] += 1
        funding = data.get("funding")
        if funding:
            sums = figures.funding.setdefault(funding["currency"], Funding(funding["currency"]))
            sums.projects += 1
            sums.goal += Decimal(str(funding["goal"]))
            sums.raised += Decimal(str(funding.get("raised") or 0))
    for status in PROJECT_STATUSES:
        figures.project_status.setdefault(status, 0)


def _events(figures: Figures, entries: list[Entry], today: dt.date) -> None:
    for entry in entries:
        start = entry.data["start"]
        day = start.date() if isinstance(start, dt.datetime) else start
        if day >= today:
            figures.upcoming_events += 1
            figures.event_month[(day.year, day.month)] += 1


def amount(value: Decimal) -> int | float:
    """A sum as a plain number for formatting: whole amounts stay integers."""
    return int(value) if value == value.to_integral_value() else float(value)
