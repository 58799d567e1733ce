"""Indicators derived from the work itself (由工作记录推算): courtyard score cards become
households by band (tier) per village and the coverage of passing bands (清洁户 and better); a
campaign's statistics become nominations received, forwarded and awarded per unit;
rectification cases become problems found, closed, closed on time and overdue per unit, with
整改率 and 按期整改率 as ratio indicators over them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from fulian_core.courtyard import ScoreCard
from fulian_core.errors import ValidationError
from fulian_core.indicators.definitions import Indicator, RatioIndicator, TimeAggregation
from fulian_core.indicators.values import DataValue, Origin
from fulian_core.nominations import CampaignStatistics, Counts
from fulian_core.periods import Period
from fulian_core.quantities import Quantity, Unit
from fulian_core.rectification import RectificationFigures, figures_by_unit
from fulian_core.workflows import Case

__all__ = [
    "CAMPAIGN_INDICATORS",
    "RECTIFICATION_DEFINITIONS",
    "RECTIFICATION_INDICATORS",
    "TIER_INDICATORS",
    "campaign_values",
    "rectification_values",
    "tier_values",
]

TIER_INDICATORS: Mapping[str, str] = {
    "boutique": "boutique_households",
    "demonstration": "demonstration_households",
    "clean": "clean_households",
}
"""The default indicator codes for households by band code (精品户数, 示范户数, 清洁户数), for the
bands of the shipped rubrics; give your own for other bands."""


def tier_values(
    cards: Iterable[ScoreCard],
    period: Period,
    *,
    households: Mapping[str, int] | None = None,
    codes: Mapping[str, str] = TIER_INDICATORS,
    at_least_clean: str = "clean_or_better_households",
    all_households: str = "households",
) -> tuple[DataValue, ...]:
    """Values per village from each household's latest card in *period*: households by band
    (for each band code in *codes*), households in a passing band (清洁户 or better), and (when
    *households* gives each village's number of households) the total to divide by, for a
    coverage ratio (清洁户覆盖率). A card counts at the band it reached for certain."""
    latest: dict[str, ScoreCard] = {}
    for card in cards:
        if period.contains(card.date):
            key = card.household.id
            if key not in latest or (card.date, card.inspection) >= (latest[key].date, latest[key].inspection):
                latest[key] = card
    counts: dict[str, dict[str, int]] = {}
    passing: dict[str, int] = {}
    for card in latest.values():
        village = card.household.village
        by_band = counts.setdefault(village, {})
        by_band[card.band.code] = by_band.get(card.band.code, 0) + 1
        passing[village] = passing.get(village, 0) + card.band.passing
    values: list[DataValue] = []
    for village in sorted(set(counts) | set(households or {})):
        tiers = counts.get(village, {})
        for tier, code in codes.items():
            count = tiers.get(tier, 0)
            values.append(DataValue(code, village, period, Quantity.exact(count, Unit.HOUSEHOLD), Origin.DERIVED))
        good = passing.get(village, 0)
        values.append(DataValue(at_least_clean, village, period, Quantity.exact(good, Unit.HOUSEHOLD), Origin.DERIVED))
        if households is not None and village in households:
            values.append(
                DataValue(
                    all_households, village, period, Quantity.exact(households[village], Unit.HOUSEHOLD), Origin.DERIVED
                )
            )
    return tuple(values)


CAMPAIGN_INDICATORS: Mapping[str, str] = {
    "received": "nominations_received",
    "returned": "nominations_returned",
    "forwarded": "nominations_forwarded",
    "awarded": "nominations_awarded",
}
"""The default indicator codes for a campaign's counts (收到推荐材料份数, 退回份数, 上报份数, 表彰数)."""


def campaign_values(
    statistics: CampaignStatistics,
    period: Period,
    *,
    codes: Mapping[str, str] = CAMPAIGN_INDICATORS,
    unit: Unit = Unit.COPY,
) -> tuple[DataValue, ...]:
    """Values per unit of a campaign level from its statistics: for each count named in
    *codes* (``received``, ``returned``, ``rejected``, ``withdrawn``, ``removed``,
    ``forwarded``, ``awarded``, ``revoked``), the indicator it feeds, in *unit* (份 by default).
    Rolled up, the received and forwarded values give the forwarded share of seed 000 (上报占比)."""
    known = [field.name for field in attrs.fields(Counts)]
    for name in codes:
        if name not in known:
            raise ValidationError.single("codes", f"names of campaign counts ({', '.join(known)})", name)
    values: list[DataValue] = []
    for code, counts in statistics.by_unit.items():
        for name, indicator in codes.items():
            count = getattr(counts, name)
            values.append(DataValue(indicator, code, period, Quantity.exact(count, unit), Origin.DERIVED))
    return tuple(values)


RECTIFICATION_INDICATORS: Mapping[str, str] = {
    "found": "problems_found",
    "closed": "problems_closed",
    "closed_on_time": "problems_closed_on_time",
    "overdue": "problems_overdue",
}
"""The default indicator codes for rectification counts (发现问题数, 整改销号数, 按期整改数,
逾期未整改数)."""

RECTIFICATION_DEFINITIONS: Final[tuple[Indicator | RatioIndicator, ...]] = (
    Indicator("problems_found", "发现问题数", Unit.ITEM, over_time=TimeAggregation.LAST),
    Indicator("problems_closed", "整改销号数", Unit.ITEM, over_time=TimeAggregation.LAST),
    Indicator("problems_closed_on_time", "按期整改数", Unit.ITEM, over_time=TimeAggregation.LAST),
    Indicator("problems_overdue", "逾期未整改数", Unit.ITEM, over_time=TimeAggregation.LAST),
    RatioIndicator("rectification_rate", "整改率", "problems_closed", "problems_found"),
    RatioIndicator("on_time_rectification_rate", "按期整改率", "problems_closed_on_time", "problems_closed"),
)
"""The definitions :func:`rectification_values` feeds, for an app's
:class:`~fulian_core.indicators.IndicatorSet`: four counts in 个, cumulative to the end of
each period (so they take the period's last value over time, 期末值), and 整改率 and
按期整改率 recomputed from the summed counts of any region."""


def rectification_values(
    cases: Iterable[Case], period: Period, *, codes: Mapping[str, str] = RECTIFICATION_INDICATORS
) -> tuple[DataValue, ...]:
    """Values per unit where the problems were found, from rectification cases as they stood
    at the end of *period* (累计): for each count named in *codes* (``found``, ``closed``,
    ``closed_on_time``, ``overdue``, ``escalated``, ``reworked``), the indicator it feeds, in 个."""
    known = [field.name for field in attrs.fields(RectificationFigures) if field.name != "on"]
    for name in codes:
        if name not in known:
            raise ValidationError.single("codes", f"names of rectification counts ({', '.join(known)})", name)
    values: list[DataValue] = []
    for unit, figures in figures_by_unit(cases, on=period.end).items():
        for name, indicator in codes.items():
            count = getattr(figures, name)
            values.append(DataValue(indicator, unit, period, Quantity.exact(count, Unit.ITEM), Origin.DERIVED))
    return tuple(values)
