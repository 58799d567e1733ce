"""Values as reports write them (报表写法): ``1100余场次``, ``5.67万元``, ``90%``, ``181,913户``."""

from __future__ import annotations

import decimal
from decimal import Decimal

from fulian_core._definitions import check_finite, check_type
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import format_number
from fulian_core.quantities import Quantity, Unit

__all__ = ["render_percent", "render_value"]

_TEN_THOUSAND = Decimal(10_000)


@_exact
def render_value(value: Quantity, *, wan: bool = True, group_digits: bool = True) -> str:
    """A figure as a report line writes it.

    Money of 10,000 yuan or more is written in 万元 with two decimals (``56745元`` → ``5.67万元``,
    rounded half up, for display only); large counts get thousands separators
    (``181,913户``); qualifiers stay as written (``1100余场次``).
    """
    check_type(value, Quantity, "value")
    if value.value is None or value.notation.numeral:
        return value.render()
    if wan and value.unit is Unit.YUAN and value.value >= _TEN_THOUSAND and not value.notation.magnitude:
        amount = (value.value / _TEN_THOUSAND).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
        # Two decimals kept (5.60万元), a whole amount without them (6万元).
        text = format_number(amount) if amount == amount.to_integral_value() else format(amount, "f")
        return value.render().replace(_plain(value.value), f"{text}万", 1)
    if (
        group_digits
        and value.value >= _TEN_THOUSAND
        and value.value == value.value.to_integral_value()
        and not value.notation.magnitude
    ):
        return value.render().replace(_plain(value.value), f"{int(value.value):,}", 1)
    return value.render()


def _plain(number: Decimal) -> str:
    return format_number(number)


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
