"""Indicators derived from the work itself (由工作记录推算): courtyard score cards become
households by band (tier) per village and the coverage of passing bands (清洁户 and better); a
campaign's statistics become nominations received, forwarded and awarded per unit;
rectification cases become problems found, closed, closed on time and overdue per unit, with
整改率 and 按期整改率 as ratio indicators over them; credit records become subjects by grade per
village, the share at or above a grade (A级及以上占比) and entries by item; a report of committee
members' contact duties becomes duties owed, met, overdue and still due per unit, with the
履职率 as a ratio over them; mediation cases become disputes received, accepted, mediated,
mediated successfully, closed, closed on time and overdue per unit, with 调解成功率 and 按期办结率
as ratios over them; a family risk register becomes entries open by level and by category,
registered, closed and overdue for review per unit — counts, never names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from fulian_core._definitions import check_code as _check_code
from fulian_core._definitions import check_items, check_type
from fulian_core._faults import Faults as _Faults
from fulian_core._numbers import exact as _exact
from fulian_core.courtyard import ScoreCard
from fulian_core.credit import CreditRecord, CreditScheme, credit_standing
from fulian_core.errors import ValidationError
from fulian_core.indicators.definitions import Indicator, RatioIndicator, TimeAggregation
from fulian_core.indicators.values import DataValue, Origin
from fulian_core.mediation import MediationFigures, mediation_figures, mediation_figures_by_unit
from fulian_core.nominations import CampaignStatistics, Counts
from fulian_core.organisation import ContactReport, DutyStatus
from fulian_core.periods import Period
from fulian_core.quantities import Quantity, Unit
from fulian_core.rectification import RectificationFigures, figures_by_unit
from fulian_core.risks import LEVELS as _RISK_LEVELS
from fulian_core.risks import RiskCategory, risk_figures, risk_figures_by_unit
from fulian_core.rules import SubjectKind
from fulian_core.workflows import Case

__all__ = [
    "CAMPAIGN_INDICATORS",
    "CONTACT_INDICATORS",
    "CREDIT_INDICATORS",
    "MEDIATION_DEFINITIONS",
    "MEDIATION_INDICATORS",
    "RECTIFICATION_DEFINITIONS",
    "RECTIFICATION_INDICATORS",
    "RISK_INDICATORS",
    "TIER_INDICATORS",
    "campaign_values",
    "contact_definitions",
    "contact_values",
    "credit_definitions",
    "credit_values",
    "mediation_values",
    "rectification_values",
    "risk_definitions",
    "risk_values",
    "tier_values",
]

TIER_INDICATORS: Mapping[str, str] = {
    "boutique": "boutique_households",
    "demonstration": "demonstration_households",
    "clean": "clean_households",
}
"""The default indicator codes for households by band code (精品户数, 示范户数, 清洁户数), for the
bands of the shipped rubrics; give your own for other bands."""


@_exact
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
    cards = check_items(cards, ScoreCard, "cards", "a list of score cards")  # type: ignore[assignment]
    check_type(period, Period, "period")
    if households is not None:
        check_type(households, Mapping, "households", "a mapping of villages to households")
    check_type(codes, Mapping, "codes", "a mapping of counts to indicator codes")
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


@_exact
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
    check_type(statistics, CampaignStatistics, "statistics")
    check_type(period, Period, "period")
    check_type(codes, Mapping, "codes", "a mapping of counts to indicator codes")
    check_type(unit, Unit, "unit")
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


@_exact
def rectification_values(
    cases: Iterable[Case], period: Period, *, codes: Mapping[str, str] = RECTIFICATION_INDICATORS
) -> tuple[DataValue, ...]:
    """Values per unit where the problems were found, from rectification cases as they stood
    at the end of *period* (累计): for each count named in *codes* (``found``, ``closed``,
    ``closed_on_time``, ``overdue``, ``escalated``, ``reworked``), the indicator it feeds, in 个."""
    cases = check_items(cases, Case, "cases", "a list of cases")  # type: ignore[assignment]
    check_type(period, Period, "period")
    check_type(codes, Mapping, "codes", "a mapping of counts to indicator codes")
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


CREDIT_INDICATORS: Mapping[str, str] = {
    "graded": "credit_graded",
    "at_least": "credit_at_least",
    "share": "credit_at_least_share",
}
"""The default indicator codes for credit standings (参评户数, 某等级及以上户数, 某等级及以上占比);
the indicators by grade and by item are named from the scheme's codes (``credit_grade_A``,
``credit_entries_litter``) unless given."""

_SUBJECT_UNITS: Final = {
    SubjectKind.FAMILY: Unit.HOUSEHOLD,
    SubjectKind.HOUSEHOLD: Unit.HOUSEHOLD,
    SubjectKind.PERSON: Unit.PERSON,
    SubjectKind.POST: Unit.ITEM,
    SubjectKind.ORGANISATION: Unit.ITEM,
}
_CREDIT_COUNTS: Final = ("graded", "at_least", "share")


def _named(codes: Iterable[str], given: Mapping[str, str] | None, prefix: str, path: str, what: str) -> dict[str, str]:
    """The indicator code for each of *codes*: as *given* (only those), or *prefix* + the code."""
    known = list(codes)
    if given is not None:
        for code in given:
            if code not in known:
                raise ValidationError.single(path, f"{what} of the scheme ({', '.join(known)})", code)
        return dict(given)
    faults = _Faults()
    named = {code: f"{prefix}{code}" for code in known}
    for code, indicator in named.items():
        _check_code(indicator, f"{path}[{code!r}]", faults)
    faults.raise_if_any()
    return named


def _threshold(scheme: CreditScheme, at_least: str) -> int:
    codes = [band.code for band in scheme.bands]
    if at_least not in codes:
        raise ValidationError.single("at_least", f"a grade of the scheme ({', '.join(codes)})", at_least)
    return codes.index(at_least)


def _counts(codes: Mapping[str, str]) -> None:
    for name in codes:
        if name not in _CREDIT_COUNTS:
            raise ValidationError.single("codes", f"names of credit counts ({', '.join(_CREDIT_COUNTS)})", name)


def _check_credit_options(at_least: object, codes: object, grades: object, items: object) -> None:
    check_type(at_least, str, "at_least")
    check_type(codes, Mapping, "codes", "a mapping of counts to indicator codes")
    for name, given in (("grades", grades), ("items", items)):
        if given is not None:
            check_type(given, Mapping, name, "a mapping of codes to indicator codes")


@_exact
def credit_definitions(
    scheme: CreditScheme,
    *,
    at_least: str = "A",
    codes: Mapping[str, str] = CREDIT_INDICATORS,
    grades: Mapping[str, str] | None = None,
    items: Mapping[str, str] | None = None,
) -> tuple[Indicator | RatioIndicator, ...]:
    """The definitions :func:`credit_values` feeds with the same options, for an app's
    :class:`~fulian_core.indicators.IndicatorSet`: subjects by grade, subjects graded and at or
    above *at_least* as stocks (期末值), entries by item as flows (累计, 条), and the share at or
    above *at_least* (A级及以上占比) recomputed from the summed counts of any region."""
    check_type(scheme, CreditScheme, "scheme")
    _check_credit_options(at_least, codes, grades, items)
    _counts(codes)
    band = scheme.bands[_threshold(scheme, at_least)]
    unit = _SUBJECT_UNITS[scheme.subject]
    by_grade = _named([band.code for band in scheme.bands], grades, "credit_grade_", "grades", "grade codes")
    by_item = _named(scheme.codes, items, "credit_entries_", "items", "item codes")
    labels = {grade.code: grade.label for grade in scheme.bands}
    titles = {item.code: item.title for item in scheme.items}
    definitions: list[Indicator | RatioIndicator] = [
        Indicator(code, f"{labels[grade]}{unit.label}数", unit, over_time=TimeAggregation.LAST)
        for grade, code in by_grade.items()
    ]
    names = {"graded": f"信用评价{unit.label}数", "at_least": f"{band.label}及以上{unit.label}数"}
    definitions += [
        Indicator(codes[name], label, unit, over_time=TimeAggregation.LAST)
        for name, label in names.items()
        if name in codes
    ]
    if {"graded", "at_least", "share"} <= set(codes):
        definitions.append(
            RatioIndicator(codes["share"], f"{band.label}及以上占比", codes["at_least"], codes["graded"])
        )
    definitions += [Indicator(code, f"{titles[item]}记录条数", Unit.ENTRY) for item, code in by_item.items()]
    return tuple(definitions)


@_exact
def credit_values(
    scheme: CreditScheme,
    records: Iterable[CreditRecord],
    period: Period,
    *,
    at_least: str = "A",
    codes: Mapping[str, str] = CREDIT_INDICATORS,
    grades: Mapping[str, str] | None = None,
    items: Mapping[str, str] | None = None,
) -> tuple[DataValue, ...]:
    """Values per village (each record's ``subject.unit``) from credit records under *scheme*,
    as they stand at the end of *period* (信用评价结果统计): subjects by the grade reached for
    certain (for each grade in *grades*, by default every grade of the scheme), subjects
    graded (``graded``) and at or above the grade *at_least* (``at_least``), and entries dated
    in *period* by the item that counted them (for each item in *items*, by default every item;
    every entry whatever its status as of the end, a repair not being an entry). Rolled up,
    ``at_least`` over ``graded`` gives the share at or above the grade (A级及以上占比)."""
    check_type(scheme, CreditScheme, "scheme")
    records = check_items(records, CreditRecord, "records", "a list of credit records")  # type: ignore[assignment]
    check_type(period, Period, "period")
    _check_credit_options(at_least, codes, grades, items)
    _counts(codes)
    if not scheme.in_force_on(period.end):
        expected = f"a period that ends when {scheme.code}@{scheme.version} is in force"
        raise ValidationError.single("period", expected, period.code)
    threshold = _threshold(scheme, at_least)
    by_grade = _named([band.code for band in scheme.bands], grades, "credit_grade_", "grades", "grade codes")
    by_item = _named(scheme.codes, items, "credit_entries_", "items", "item codes")
    position = {band.code: index for index, band in enumerate(scheme.bands)}
    graded: dict[str, dict[str, int]] = {}
    totals: dict[str, dict[str, int]] = {}
    entries: dict[str, dict[str, int]] = {}
    faults = _Faults()
    seen: set[str] = set()
    for index, record in enumerate(records):
        path = f"records[{index}]"
        if not faults.check(isinstance(record, CreditRecord), path, "a CreditRecord", record):
            continue
        subject = record.subject
        faults.check(subject.id not in seen, f"{path}.subject.id", "a subject not given before", subject.id)
        seen.add(subject.id)
        if not faults.check(subject.unit is not None, f"{path}.subject.unit", "the code of its unit", None):
            continue
        assert subject.unit is not None  # noqa: S101 - checked above
        try:
            standing = credit_standing(scheme, record, on=period.end)
        except ValidationError as error:
            faults.absorb(path, error)
            continue
        by_band = graded.setdefault(subject.unit, {})
        by_band[standing.grade.code] = by_band.get(standing.grade.code, 0) + 1
        total = totals.setdefault(subject.unit, {"graded": 0, "at_least": 0})
        total["graded"] += 1
        total["at_least"] += position[standing.grade.code] <= threshold
        counted = entries.setdefault(subject.unit, {})
        for line in standing.lines:
            if not line.repair and period.contains(line.date):
                counted[line.item] = counted.get(line.item, 0) + 1
    faults.raise_if_any()
    unit = _SUBJECT_UNITS[scheme.subject]
    values: list[DataValue] = []

    def add(indicator: str, where: str, count: int, counted_in: Unit) -> None:
        values.append(DataValue(indicator, where, period, Quantity.exact(count, counted_in), Origin.DERIVED))

    for village in sorted(graded):
        for grade, code in by_grade.items():
            add(code, village, graded[village].get(grade, 0), unit)
        for name, count in totals[village].items():
            if name in codes:
                add(codes[name], village, count, unit)
        for item, code in by_item.items():
            add(code, village, entries[village].get(item, 0), Unit.ENTRY)
    return tuple(values)


CONTACT_INDICATORS: Mapping[str, str] = {
    "owed": "contact_duties_owed",
    "met": "contact_duties_met",
    "overdue": "contact_duties_overdue",
    "due": "contact_duties_due",
    "compliance": "contact_compliance",
}
"""The default indicator codes for committee members' contact duties (应履职项数, 已完成项数,
逾期未完成项数, 待完成项数, 履职率): ``owed`` counts the duties met or overdue, so that 履职率 =
met / owed leaves open periods out and never exceeds 100%."""
_CONTACT_COUNTS: Final = ("owed", "met", "overdue", "due")


def contact_definitions(codes: Mapping[str, str] = CONTACT_INDICATORS) -> tuple[Indicator | RatioIndicator, ...]:
    """The definitions :func:`contact_values` feeds, for an app's
    :class:`~fulian_core.indicators.IndicatorSet`: the four counts (项) and, when both ``met``
    and ``owed`` are given, the 履职率 recomputed from the summed counts of any region."""
    _check_contact_codes(codes)
    names = {"owed": "应履职项数", "met": "已完成项数", "overdue": "逾期未完成项数", "due": "待完成项数"}
    definitions: list[Indicator | RatioIndicator] = [
        Indicator(codes[name], label, Unit.PROJECT) for name, label in names.items() if name in codes
    ]
    if {"owed", "met", "compliance"} <= set(codes):
        definitions.append(RatioIndicator(codes["compliance"], "执委联系履职率", codes["met"], codes["owed"]))
    return tuple(definitions)


def _check_contact_codes(codes: Mapping[str, str]) -> None:
    check_type(codes, Mapping, "codes", "a mapping of count names to indicator codes")
    faults = _Faults()
    known = (*_CONTACT_COUNTS, "compliance")
    for name, code in codes.items():
        faults.check(name in known, f"codes[{name!r}]", f"one of {', '.join(known)}", name)
        _check_code(code, f"codes[{name!r}]", faults)
    faults.raise_if_any()


def contact_values(report: ContactReport, *, codes: Mapping[str, str] = CONTACT_INDICATORS) -> tuple[DataValue, ...]:
    """Values per unit (each member's unit in the plan) from a :class:`ContactReport`, over its
    period (执委联系履职统计): duties owed (met or overdue), met, overdue and still due. Rolled
    up, met over owed gives the 履职率 of a township or a county."""
    check_type(report, ContactReport, "report")
    _check_contact_codes(codes)
    counted: dict[str, dict[str, int]] = {}
    names = {DutyStatus.MET: "met", DutyStatus.OVERDUE: "overdue", DutyStatus.DUE: "due"}
    for line in report.lines:
        tally = counted.setdefault(line.unit, dict.fromkeys(_CONTACT_COUNTS, 0))
        tally[names[line.status]] += 1
        tally["owed"] += line.status is not DutyStatus.DUE
    return tuple(
        DataValue(codes[name], unit, report.period, Quantity.exact(count, Unit.PROJECT), Origin.DERIVED)
        for unit in sorted(counted)
        for name, count in counted[unit].items()
        if name in codes
    )


MEDIATION_INDICATORS: Mapping[str, str] = {
    "received": "disputes_received",
    "accepted": "disputes_accepted",
    "mediated": "disputes_mediated",
    "resolved": "disputes_resolved",
    "closed": "disputes_closed",
    "closed_on_time": "disputes_closed_on_time",
    "overdue": "disputes_overdue",
}
"""The default indicator codes for mediation figures (登记, 受理, 调结, 调解成功, 办结, 按期办结,
逾期未办结 件数), from the counts of :class:`~fulian_core.mediation.MediationFigures`."""

MEDIATION_DEFINITIONS: Final[tuple[Indicator | RatioIndicator, ...]] = (
    *(
        Indicator(code, label, Unit.PIECE, over_time=TimeAggregation.LAST)
        for code, label in (
            ("disputes_received", "登记矛盾纠纷数"),
            ("disputes_accepted", "受理矛盾纠纷数"),
            ("disputes_mediated", "调结矛盾纠纷数"),
            ("disputes_resolved", "调解成功数"),
            ("disputes_closed", "办结数"),
            ("disputes_closed_on_time", "按期办结数"),
            ("disputes_overdue", "逾期未办结数"),
        )
    ),
    RatioIndicator("mediation_success_rate", "调解成功率", "disputes_resolved", "disputes_mediated"),
    RatioIndicator("mediation_on_time_rate", "按期办结率", "disputes_closed_on_time", "disputes_closed"),
)
"""The definitions :func:`mediation_values` feeds with the default codes, with 调解成功率 and
按期办结率 recomputed from the summed counts of any region."""


def _covered(units: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(unit) for unit in check_items(units, str, "units", "a list of unit codes"))


def mediation_values(
    cases: Iterable[Case],
    period: Period,
    *,
    codes: Mapping[str, str] = MEDIATION_INDICATORS,
    units: Iterable[str] = (),
) -> tuple[DataValue, ...]:
    """Values per unit the disputes count under, from mediation cases as they stood at the end
    of *period* (累计): for each count named in *codes* (the counts of
    :class:`~fulian_core.mediation.MediationFigures` and ``mediated``), the indicator it feeds,
    in 件. Each of *units* (the villages the federation covers) with no dispute gets zeros: it
    reported none, it did not fail to report."""
    cases = check_items(cases, Case, "cases", "a list of cases")  # type: ignore[assignment]
    check_type(period, Period, "period")
    covered = _covered(units)
    check_type(codes, Mapping, "codes", "a mapping of counts to indicator codes")
    known = [field.name for field in attrs.fields(MediationFigures) if field.name not in ("on", "by_channel")]
    known.append("mediated")
    for name in codes:
        if name not in known:
            raise ValidationError.single("codes", f"names of mediation counts ({', '.join(known)})", name)
    by_unit = dict(mediation_figures_by_unit(cases, on=period.end))
    none = mediation_figures([], on=period.end)
    for unit in covered:
        by_unit.setdefault(unit, none)
    return tuple(
        DataValue(indicator, unit, period, Quantity.exact(getattr(figures, name), Unit.PIECE), Origin.DERIVED)
        for unit, figures in sorted(by_unit.items())
        for name, indicator in codes.items()
    )


RISK_INDICATORS: Mapping[str, str] = {
    "registered": "risk_registered",
    "open": "risk_open",
    "closed": "risk_closed",
    "overdue": "risk_overdue",
}
"""The default indicator codes for a family risk register (累计登记, 在册, 销号, 逾期未复核 户数);
the open entries by level and by category are named ``risk_level_red`` … and
``risk_category_hardship`` …."""


def _risk_codes() -> dict[str, str]:
    codes = dict(RISK_INDICATORS)
    codes.update({f"level:{level}": f"risk_level_{level}" for level in _RISK_LEVELS})
    codes.update({f"category:{category.code}": f"risk_category_{category.code}" for category in RiskCategory})
    return codes


def risk_definitions() -> tuple[Indicator, ...]:
    """The definitions :func:`risk_values` feeds, for an app's
    :class:`~fulian_core.indicators.IndicatorSet`: stocks (期末值) in 户 (a household or a
    person registered counts once)."""
    labels = {"registered": "累计登记数", "open": "在册数", "closed": "销号数", "overdue": "逾期未复核数"}
    labels.update(
        {f"level:{level}": f"{name}在册数" for level, name in zip(_RISK_LEVELS, ("红色", "黄色", "绿色"), strict=True)}
    )
    labels.update({f"category:{category.code}": f"{category.label}在册数" for category in RiskCategory})
    return tuple(
        Indicator(code, labels[name], Unit.HOUSEHOLD, over_time=TimeAggregation.LAST)
        for name, code in _risk_codes().items()
    )


def risk_values(cases: Iterable[Case], period: Period, *, units: Iterable[str] = ()) -> tuple[DataValue, ...]:
    """Values per unit the entries count under, from a family risk register as it stood at the
    end of *period*: entries registered, open, closed and overdue for review, and the open ones by
    level and by category (an entry counted once in each of its categories). Counts only: no
    value names anyone. Each of *units* (the villages the register covers) with no entry gets
    zeros: no one at risk was found there, which is a count, not a missing report."""
    cases = check_items(cases, Case, "cases", "a list of cases")  # type: ignore[assignment]
    check_type(period, Period, "period")
    by_unit = dict(risk_figures_by_unit(cases, on=period.end))
    none = risk_figures([], on=period.end)
    for unit in _covered(units):
        by_unit.setdefault(unit, none)
    values: list[DataValue] = []
    for unit, figures in sorted(by_unit.items()):
        counts = {
            "registered": figures.registered,
            "open": figures.open,
            "closed": figures.closed,
            "overdue": figures.overdue,
            **{f"level:{level}": figures.by_level.get(level, 0) for level in _RISK_LEVELS},
            **{f"category:{category.code}": figures.by_category.get(category.code, 0) for category in RiskCategory},
        }
        values += [
            DataValue(code, unit, period, Quantity.exact(counts[name], Unit.HOUSEHOLD), Origin.DERIVED)
            for name, code in _risk_codes().items()
        ]
    return tuple(values)
