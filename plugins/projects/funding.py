"""Funding facts of a project computed at build time: progress, days left, the status that time changes,
and totals per currency. Pure functions of the validated data and the build date, so they are tested
without building a site.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

#: Computed status of a project that says it seeks funding but whose campaign deadline has passed.
CAMPAIGN_ENDED = "campaign_ended"


def amount(value: float | int | None) -> Decimal | None:
    """YAML numbers as exact decimals (15000000, 1234.5), so sums and ratios carry no float noise."""
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class Funding:
    """A project's funding block, with amounts as decimals; `raised` is None when the project did not
    state it (never assumed to be 0)."""

    currency: str
    goal: Decimal
    optimum: Decimal | None
    raised: Decimal | None
    deadline: dt.date | None

    @classmethod
    def of(cls, data: dict) -> Funding | None:
        block = data.get("funding")
        if not block:
            return None
        return cls(block["currency"], amount(block["goal"]), amount(block.get("optimum")),
                   amount(block.get("raised")), block.get("deadline"))

    def percent_of(self, target: Decimal | None) -> int | None:
        """Whole percent of `target` raised, rounded down: 99.6 % shows 99 %, never a goal reached early."""
        if self.raised is None or not target:
            return None
        return int(self.raised * 100 // target)

    @property
    def percent(self) -> int | None:
        return self.percent_of(self.goal)

    @property
    def optimum_percent(self) -> int | None:
        return self.percent_of(self.optimum)

    @property
    def goal_reached(self) -> bool:
        return self.raised is not None and self.raised >= self.goal

    def days_left(self, today: dt.date) -> int | None:
        """Days from the build date to the deadline (0 on the last day, negative once passed)."""
        return None if self.deadline is None else (self.deadline - today).days


def effective_status(declared: str, funding: Funding | None, today: dt.date) -> str:
    """The status shown: as declared, except a campaign still "seeking funding" after its deadline, which
    is shown as ended (the build date decides, so the page changes without anyone editing the file)."""
    if declared == "seeking_funding" and funding is not None:
        days = funding.days_left(today)
        if days is not None and days < 0:
            return CAMPAIGN_ENDED
    return declared


def deadline_key(funding: Funding | None, today: dt.date) -> tuple:
    """Sort key "by deadline": open campaigns nearest first, then those without a deadline, then the
    ended ones, most recently ended first."""
    days = funding.days_left(today) if funding else None
    if days is None:
        return (1, 0)
    if days >= 0:
        return (0, days)
    return (2, -days)


def progress_key(funding: Funding | None) -> tuple:
    """Sort key "by progress": highest share of the minimum goal first; unknown progress last."""
    percent = None if funding is None or funding.raised is None else funding.raised / funding.goal
    return (1, Decimal(0)) if percent is None else (0, -percent)


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    projects: int
    goal: Decimal
    raised: Decimal  # sum of the amounts stated; projects that state none add nothing
    unstated: int  # projects of this currency that do not state what they raised


def totals_by_currency(fundings: list[Funding]) -> list[CurrencyTotal]:
    """Goals and amounts raised summed per currency, never converted from one currency to another."""
    groups: dict[str, list[Funding]] = defaultdict(list)
    for funding in fundings:
        groups[funding.currency].append(funding)
    return [CurrencyTotal(code, len(items), sum((f.goal for f in items), Decimal(0)),
                          sum((f.raised for f in items if f.raised is not None), Decimal(0)),
                          sum(1 for f in items if f.raised is None))
            for code, items in sorted(groups.items())]
