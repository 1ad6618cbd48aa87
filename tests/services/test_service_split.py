"""The revenue split in money: largest remainder rounding, so the parts always add up to the price."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from services.split import effective_split, split_amount

SITE = {"consultant": 70, "platform": 15, "ess_fund": 15}


def parts(price, currency, consultant, platform, ess_fund) -> tuple[Decimal, ...]:
    split = {"consultant": consultant, "platform": platform, "ess_fund": ess_fund}
    return tuple(split_amount(price, currency, split).values())


def test_even_split_needs_no_rounding():
    assert parts(15000, "XOF", 70, 15, 15) == (10500, 2250, 2250)
    assert parts(20000, "KES", 80, 10, 10) == (Decimal("16000.00"), Decimal("2000.00"), Decimal("2000.00"))


def test_leftover_units_go_to_the_largest_remainders():
    assert parts(10, "XOF", 33, 33, 34) == (3, 3, 4)  # exact 3.3 / 3.3 / 3.4: the fund keeps the extra franc
    assert parts(100, "XOF", 33.3, 33.3, 33.4) == (33, 33, 34)
    assert parts(7, "XOF", 70, 15, 15) == (5, 1, 1)  # 4.9 / 1.05 / 1.05


def test_ties_go_to_the_part_listed_first():
    assert parts(1, "XOF", 50, 25, 25) == (1, 0, 0)
    assert parts(2, "XOF", 25, 25, 50) == (1, 0, 1)


def test_currencies_with_cents_split_in_cents():
    assert parts(Decimal("0.05"), "KES", 70, 15, 15) == (Decimal("0.03"), Decimal("0.01"), Decimal("0.01"))
    assert parts(Decimal("99.99"), "EUR", 70, 15, 15) == (Decimal("69.99"), Decimal("15.00"), Decimal("15.00"))


def test_the_parts_always_add_up_to_the_price_and_stay_within_one_unit():
    rng = random.Random(20261118)
    for _ in range(2000):
        currency = rng.choice(["XOF", "KES", "EUR", "MAD"])
        digits = 0 if currency == "XOF" else 2
        price = Decimal(rng.randrange(0, 10**9)).scaleb(-digits)
        a = Decimal(rng.randrange(0, 1001)) / 10
        b = Decimal(rng.randrange(0, int((100 - a) * 10) + 1)) / 10
        split = {"consultant": float(a), "platform": float(b), "ess_fund": float(100 - a - b)}
        shares = split_amount(price, currency, split)
        assert sum(shares.values()) == price, (price, currency, split)
        for part, share in shares.items():
            exact = Fraction(str(price)) * Fraction(str(split[part])) / 100
            assert abs(Fraction(share) - exact) < Fraction(1, 10**digits), (price, split, part)


def test_a_split_that_does_not_add_up_to_100_is_refused():
    with pytest.raises(ValueError, match="the split adds up to 90, not 100"):
        parts(100, "XOF", 70, 10, 10)


def test_a_price_finer_than_the_currency_is_refused():
    with pytest.raises(ValueError, match=r"15000.5 has more decimals than XOF allows \(0\)"):
        parts(15000.5, "XOF", 70, 15, 15)


def test_a_service_split_overrides_the_site_setting():
    assert effective_split(None, SITE) == (SITE, False)
    own = {"consultant": 80, "platform": 10, "ess_fund": 10}
    assert effective_split(own, SITE) == (own, True)
