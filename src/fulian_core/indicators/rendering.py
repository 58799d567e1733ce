"""Values as reports write them (报表写法): ``1100余场次``, ``5.67万元``, ``90%``, ``181,913户``."""

from __future__ import annotations

import decimal
from decimal import Decimal

import attrs

from fulian_core._definitions import check_finite, check_type
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import format_number
from fulian_core.quantities import Bounds, Qualifier, Quantity, Unit

__all__ = ["render_percent", "render_value"]

_TEN_THOUSAND = Decimal(10_000)
_HUNDREDTH = Decimal("0.01")


@_exact
def render_value(value: Quantity, *, wan: bool = True, group_digits: bool = True) -> str:
    """A figure as a report line writes it.

    Money of 10,000 yuan or more is written in 万元 with two decimals (``56745元`` → ``5.67万元``,
    rounded half up, for display only); large counts get thousands separators
    (``181,913户``); qualifiers, ranges and rates stay as written (``1100余场次``, ``2-3户``,
    ``45元/人``).
    """
    check_type(value, Quantity, "value")
    amount, notation = value.value, value.notation
    if amount is None or notation.numeral or notation.magnitude:
        return value.render()
    if wan and value.unit is Unit.YUAN and amount >= _TEN_THOUSAND:
        shown = _in_wan(value, amount)
        if shown is not None:
            return shown.render()
    if group_digits and amount >= _TEN_THOUSAND and amount == amount.to_integral_value():
        return attrs.evolve(value, notation=attrs.evolve(notation, grouped=True)).render()
    return value.render()


def _in_wan(value: Quantity, amount: Decimal) -> Quantity | None:
    """*value* rounded to the hundred yuan and written in 万元, for display; ``None`` when the
    rounding would merge the two ends of a range."""
    low = _round_to_wan(amount)
    high = value.bounds.high
    if value.qualifier is Qualifier.BETWEEN and high is not None:
        top = _round_to_wan(high)
        if top <= low:
            return None
        bounds = Bounds(low, top)
    else:
        bounds = Bounds.of(value.qualifier, low)
        top = low
    # Two decimals kept (5.60万元), a whole amount without them (6万元).
    whole = low % _TEN_THOUSAND == 0 and top % _TEN_THOUSAND == 0
    notation = attrs.evolve(value.notation, magnitude="万", decimals=None if whole else 2, grouped=False)
    return Quantity(low, value.unit, value.qualifier, bounds, notation, value.per)


def _round_to_wan(amount: Decimal) -> Decimal:
    return (amount / _TEN_THOUSAND).quantize(_HUNDREDTH, rounding=decimal.ROUND_HALF_UP) * _TEN_THOUSAND


@_exact
def render_percent(ratio: Decimal | None, *, places: int | None = None) -> str:
    """A ratio in percent (``90%``, ``28.07%``); ``—`` when undefined. Trailing zeros are
    dropped unless *places* is given."""
    if ratio is not None:
        check_type(ratio, Decimal, "ratio")
        check_finite(ratio, "ratio", "a finite Decimal ratio")
    if places is not None:
        check_type(places, int, "places")
    if ratio is None:
        return "—"
    if places is not None:
        return f"{ratio.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)}%"
    return f"{format_number(ratio)}%"
