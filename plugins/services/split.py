"""The economic model's arithmetic: a price split into consultant / platform / ESS fund shares.

Shares are computed in the currency's smallest unit (1 F CFA, 0.01 KES) and rounded by the largest
remainder method, so the three amounts shown always add up to the price exactly: every part is rounded
down, then the units left over go one by one to the parts with the largest fractions dropped (ties go to
the part listed first: consultant, then platform, then fund).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from babel.numbers import get_currency_precision

from content_model.schema import SPLIT_PARTS


def effective_split(override: dict | None, setting: dict) -> tuple[dict[str, float], bool]:
    """The split that applies to a service: its own when it gives one, else the site's REVENUE_SPLIT;
    with True when it is the service's own."""
    if override:
        return {part: override[part] for part in SPLIT_PARTS}, True
    return {part: setting[part] for part in SPLIT_PARTS}, False


def split_amount(price: float | int | Decimal, currency: str, split: dict[str, float]) -> dict[str, Decimal]:
    """`price` split by `split` (percent per part, adding up to 100), in whole minor units of `currency`.

    Raises ValueError when the percentages do not add up to 100 or the price has more decimals than the
    currency has (validation rejects both before a page is built).
    """
    percents = {part: Fraction(str(split[part])) for part in SPLIT_PARTS}
    if sum(percents.values()) != 100:
        raise ValueError(f"the split adds up to {float(sum(percents.values())):g}, not 100")
    digits = get_currency_precision(currency)
    units = Fraction(str(price)) * 10**digits
    if units.denominator != 1:
        raise ValueError(f"{price} has more decimals than {currency} allows ({digits})")
    exact = {part: units * percent / 100 for part, percent in percents.items()}
    shares = {part: value.numerator // value.denominator for part, value in exact.items()}
    left = int(units) - sum(shares.values())
    by_remainder = sorted(SPLIT_PARTS, key=lambda part: (-(exact[part] - shares[part]), SPLIT_PARTS.index(part)))
    for part in by_remainder[:left]:
        shares[part] += 1
    return {part: Decimal(shares[part]).scaleb(-digits) for part in SPLIT_PARTS}
