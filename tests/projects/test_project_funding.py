"""Funding arithmetic of the project bank: progress, days left, time-dependent status, sorting, totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from projects.funding import CAMPAIGN_ENDED, Funding, deadline_key, effective_status, progress_key, totals_by_currency
from projects.sdgs import SDG_NAMES, sdg_name

TODAY = dt.date(2026, 11, 18)


def funding(goal=1000, raised=None, optimum=None, deadline=None, currency="XOF") -> Funding:
    data = {"currency": currency, "goal": goal}
    if raised is not None:
        data["raised"] = raised
    if optimum is not None:
        data["optimum"] = optimum
    if deadline is not None:
        data["deadline"] = deadline
    return Funding.of({"funding": data})


def test_no_funding_block_gives_none():
    assert Funding.of({"title": "x"}) is None


def test_percent_is_rounded_down_so_a_goal_is_never_shown_reached_early():
    assert funding(goal=1000, raised=996).percent == 99
    assert funding(goal=12_000_000, raised=4_350_000).percent == 36
    assert funding(goal=350_000, raised=362_000).percent == 103  # beyond the goal, shown as it is
    assert not funding(goal=1000, raised=999.99).goal_reached
    assert funding(goal=1000, raised=1000).goal_reached


def test_unstated_raised_is_unknown_not_zero():
    f = funding(goal=1000)
    assert f.raised is None and f.percent is None and not f.goal_reached


def test_optimum_percent():
    assert funding(goal=12_000_000, optimum=15_000_000, raised=4_350_000).optimum_percent == 29
    assert funding(goal=100, raised=50).optimum_percent is None


def test_amounts_are_exact_decimals():
    f = funding(goal=0.3, raised=0.1 + 0.2)  # 0.30000000000000004 in floats
    assert f.goal == Decimal("0.3")
    assert f.percent == 100


def test_days_left_from_the_build_date():
    assert funding(deadline=dt.date(2027, 6, 30)).days_left(TODAY) == 224
    assert funding(deadline=TODAY).days_left(TODAY) == 0
    assert funding(deadline=dt.date(2026, 11, 17)).days_left(TODAY) == -1
    assert funding().days_left(TODAY) is None


def test_seeking_funding_after_the_deadline_is_shown_as_ended():
    past, future = funding(deadline=dt.date(2026, 11, 17)), funding(deadline=TODAY)
    assert effective_status("seeking_funding", past, TODAY) == CAMPAIGN_ENDED
    assert effective_status("seeking_funding", future, TODAY) == "seeking_funding"  # the last day is still open
    assert effective_status("seeking_funding", funding(), TODAY) == "seeking_funding"  # no deadline
    assert effective_status("funded", past, TODAY) == "funded"  # only a campaign still asking for money ends
    assert effective_status("in_progress", None, TODAY) == "in_progress"


def test_sort_by_deadline_open_nearest_first_then_undated_then_ended_latest_first():
    items = {"ended-long-ago": funding(deadline=dt.date(2025, 1, 1)), "none": None, "undated": funding(),
             "far": funding(deadline=dt.date(2027, 6, 1)), "ended-yesterday": funding(deadline=dt.date(2026, 11, 17)),
             "today": funding(deadline=TODAY)}
    order = sorted(items, key=lambda k: (deadline_key(items[k], TODAY), k))
    assert order == ["today", "far", "none", "undated", "ended-yesterday", "ended-long-ago"]


def test_sort_by_progress_highest_share_first_unknown_last():
    items = {"half": funding(goal=100, raised=50), "unknown": funding(goal=100), "none": None,
             "over": funding(goal=100, raised=120), "tenth": funding(goal=1000, raised=100)}
    order = sorted(items, key=lambda k: (progress_key(items[k]), k))
    assert order == ["over", "half", "tenth", "none", "unknown"]


def test_totals_are_per_currency_and_never_converted():
    totals = totals_by_currency([funding(goal=100, raised=40, currency="XOF"),
                                 funding(goal=50, currency="XOF"),
                                 funding(goal=2000, raised=1500.5, currency="KES")])
    assert [(t.currency, t.projects, t.goal, t.raised, t.unstated) for t in totals] == [
        ("KES", 1, Decimal(2000), Decimal("1500.5"), 0),
        ("XOF", 2, Decimal(150), Decimal(40), 1),
    ]
    assert totals_by_currency([]) == []


def test_the_seventeen_goals_have_official_names_in_french_english_and_portuguese():
    assert sorted(SDG_NAMES) == list(range(1, 18))
    assert all(names["fr"] and names["en"] and names["pt"] for names in SDG_NAMES.values())
    assert sdg_name(7, "en") == "Affordable and clean energy"
    assert sdg_name(7, "fr") == "Énergie propre et d’un coût abordable"
    assert sdg_name(17, "fr") == "Partenariats pour la réalisation des objectifs"
    assert sdg_name(14, "pt") == "Proteger a vida marinha"
    assert sdg_name(14, "ar") == "Life below water"  # a language without its own names falls back to English
