"""The strategies behind :mod:`fulian_core.testing`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from fulian_core._figures import RANGE_DASHES, chinese_numeral
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.holidays import OFFICIAL_SCHEDULES, HolidaySchedule
from fulian_core.orgs import Level, OrgKind, OrgTree, OrgUnit
from fulian_core.periods import Period, PeriodKind
from fulian_core.privacy import MobileNumber, ResidentId, resident_id_check_character
from fulian_core.quantities import Bounds, Notation, Per, Qualifier, Quantity, Unit
from fulian_core.schedules import Cadence, Schedule
from fulian_core.shares import Ratio

__all__ = [
    "chinese_names",
    "division_codes",
    "holiday_schedules",
    "mobile_numbers",
    "org_trees",
    "org_units",
    "periods",
    "quantities",
    "ratios",
    "resident_ids",
    "schedules",
    "share_counts",
    "working_day_calendars",
    "yuan_amounts",
]

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗欧阳"
_GIVEN = "秀梅丽娟芳玉兰英华敏静霞红燕桂珍凤萍"
_PLACE = "东西南北上下前后新旧高低安和平兴福寿"
_SUFFIX = {
    Level.PROVINCE: "省",
    Level.CITY: "市",
    Level.COUNTY: "县",
    Level.TOWNSHIP: "镇",
    Level.VILLAGE: "村",
    Level.GRID: "妇女小组",
}
_LENGTHS = {Level.PROVINCE: 2, Level.CITY: 4, Level.COUNTY: 6, Level.TOWNSHIP: 9, Level.VILLAGE: 12}
_PART = {
    Level.PROVINCE: (11, 65),
    Level.CITY: (1, 99),
    Level.COUNTY: (1, 99),
    Level.TOWNSHIP: (1, 999),
    Level.VILLAGE: (1, 999),
}


def chinese_names() -> st.SearchStrategy[str]:
    """Plausible Chinese personal names of two to four characters."""
    return st.builds(
        lambda surname, given: surname + given,
        st.sampled_from(["王", "李", "张", "刘", "陈", "欧阳", "司马"]),
        st.text(alphabet=_GIVEN, min_size=1, max_size=2),
    )


def _place_names(level: Level) -> st.SearchStrategy[str]:
    return st.text(alphabet=_PLACE, min_size=1, max_size=3).map(lambda stem: stem + _SUFFIX[level])


@st.composite
def division_codes(
    draw: st.DrawFn,
    *,
    levels: st.SearchStrategy[Level] | None = None,
    padded: st.SearchStrategy[bool] | None = None,
) -> str:
    """Valid statistical division codes (统计用区划代码), short or zero-padded."""
    level = draw(levels if levels is not None else st.sampled_from(list(_LENGTHS)))
    if level not in _LENGTHS:
        raise ValueError(f"division codes exist from province to village level, not {level.label}")
    code = ""
    for part_level, length in _LENGTHS.items():
        low, high = _PART[part_level]
        width = length - len(code)
        code += str(draw(st.integers(low, high))).zfill(width)
        if part_level is level:
            break
    return code.ljust(12, "0") if draw(padded if padded is not None else st.booleans()) else code


def org_units(*, levels: st.SearchStrategy[Level] | None = None) -> st.SearchStrategy[OrgUnit]:
    """Single units without a parent (roots)."""
    chosen = levels if levels is not None else st.sampled_from(list(Level))
    return chosen.flatmap(
        lambda level: st.builds(
            OrgUnit,
            code=st.text(alphabet="ABCDEFGHJK0123456789", min_size=1, max_size=12),
            name=_place_names(level) if level in _SUFFIX else st.just("全国妇联"),
            level=st.just(level),
            kind=st.sampled_from(list(OrgKind)),
        )
    )


@st.composite
def org_trees(
    draw: st.DrawFn,
    *,
    max_children: int = 3,
    depth: st.SearchStrategy[int] | None = None,
    with_new_organisations: st.SearchStrategy[bool] | None = None,
) -> OrgTree:
    """Hierarchies built from division codes, a county down to villages by default, with
    optional 两新组织 federations attached to townships."""
    levels = list(_LENGTHS)
    top = draw(depth if depth is not None else st.integers(2, 4))
    chosen = levels[len(levels) - 1 - top :]
    codes: dict[str, str] = {}
    prefix = draw(division_codes(levels=st.just(chosen[0]), padded=st.just(False)))
    codes[prefix] = draw(_place_names(chosen[0]))
    frontier = [prefix]
    for level in chosen[1:]:
        next_frontier: list[str] = []
        for parent in frontier:
            low, high = _PART[level]
            width = _LENGTHS[level] - len(parent)
            parts = draw(st.lists(st.integers(low, high), min_size=1, max_size=max_children, unique=True))
            for part in parts:
                code = parent + str(part).zfill(width)
                codes[code] = draw(_place_names(level))
                next_frontier.append(code)
        frontier = next_frontier
    others: list[OrgUnit] = []
    if draw(with_new_organisations if with_new_organisations is not None else st.booleans()):
        townships = [code for code in codes if len(code) == 9]
        for index, township in enumerate(townships[:2]):
            others.append(
                OrgUnit(
                    f"{township}-LX{index + 1:02d}",
                    "实业有限公司妇联",
                    Level.VILLAGE,
                    township,
                    OrgKind.NEW_ORGANISATION,
                )
            )
    return OrgTree.from_division_codes(codes, others=others)


_CALENDAR_KINDS = [PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH]


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    kinds: st.SearchStrategy[PeriodKind] | None = None,
    years: st.SearchStrategy[int] | None = None,
) -> Period:
    """Periods of every kind (年度, 半年, 季度, 月, 日, 时段) in the drawn years."""
    kind = draw(kinds if kinds is not None else st.sampled_from(list(PeriodKind)))
    year = draw(years if years is not None else st.integers(1990, 2060))
    start = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if kind is PeriodKind.RANGE:
        length = draw(st.integers(0, 400))
        end = min(start + dt.timedelta(days=length), dt.date(9998, 12, 31))
        return Period.between(start, end)
    return Period.containing(kind, start)


@st.composite
def schedules(draw: st.DrawFn, *, cadences: st.SearchStrategy[Cadence] | None = None) -> Schedule:
    """Valid recurring schedules of every cadence."""
    cadence = draw(cadences if cadences is not None else st.sampled_from(list(Cadence)))
    if cadence is Cadence.WEEKLY:
        return Schedule(cadence, draw(st.integers(0, 6)), window_days=draw(st.integers(1, 7)))
    day = draw(st.integers(1, 28) | st.integers(-28, -1))
    window = draw(st.integers(1, 28))
    span = {Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}.get(cadence)
    month = 1 if span is None else draw(st.integers(1, span) | st.integers(-span, -1))
    return Schedule(cadence, day, month, window)


@st.composite
def working_day_calendars(draw: st.DrawFn, *, years: st.SearchStrategy[list[int]] | None = None) -> WorkingDayCalendar:
    """Calendars with random holidays and make-up weekend working days over the drawn years."""
    covered = draw(
        years if years is not None else st.lists(st.integers(2000, 2040), min_size=1, max_size=3, unique=True)
    )
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    for year in covered:
        days = st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))
        holidays.update(draw(st.lists(days, max_size=12)))
        first_saturday = dt.date(year, 1, 1) + dt.timedelta(days=(5 - dt.date(year, 1, 1).weekday()) % 7)
        weekend = st.builds(
            lambda week, sunday, saturday=first_saturday: saturday + dt.timedelta(days=7 * week + sunday),
            st.integers(0, 51),
            st.integers(0, 1),
        )
        workdays.update(day for day in draw(st.lists(weekend, max_size=4)) if day not in holidays and day.year == year)
    return WorkingDayCalendar(frozenset(covered), frozenset(holidays), frozenset(workdays), "generated")


def holiday_schedules() -> st.SearchStrategy[HolidaySchedule]:
    """The shipped official schedules."""
    return st.sampled_from(list(OFFICIAL_SCHEDULES.values()))


def yuan_amounts(*, max_value: Decimal = Decimal("100000000")) -> st.SearchStrategy[Decimal]:
    """Amounts of money in yuan, exact to the fen."""
    return st.decimals(min_value=0, max_value=max_value, places=2, allow_nan=False, allow_infinity=False)


_MARKERS_BY_QUALIFIER: dict[Qualifier, list[str]] = {
    Qualifier.EXACT: [""],
    Qualifier.MORE_THAN: ["余", "多", "超过", "逾"],
    Qualifier.AT_LEAST: ["以上"],
    Qualifier.NEARLY: ["近", "近…余"],
    Qualifier.ABOUT: ["约", "左右"],
    Qualifier.UNKNOWN: ["", "余"],
    Qualifier.AT_MOST: ["以下", "以内", "最多", "不超过"],
    Qualifier.LESS_THAN: ["不到", "不足"],
    Qualifier.BETWEEN: list(RANGE_DASHES),
}
_BELOW: frozenset[Qualifier] = frozenset({Qualifier.NEARLY, Qualifier.AT_MOST, Qualifier.LESS_THAN})
_TEN_THOUSAND = 10_000


def _measure(draw: st.DrawFn, unit: Unit, max_value: int) -> Decimal:
    if unit.is_money:
        return draw(yuan_amounts(max_value=Decimal(max_value)))
    whole = Decimal(draw(st.integers(0, max_value)))
    if unit.is_count:
        return whole
    return whole.scaleb(-draw(st.integers(0, 2)))  # 亩, 平方米, 个百分点 ... with decimals


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _mixed_numeral(value: int) -> str:
    """``1万5千`` for 15000: Arabic digits with Chinese magnitudes, as reports also write them."""
    return f"{value // _TEN_THOUSAND}万{value % _TEN_THOUSAND // 1000}千"


@st.composite
def quantities(
    draw: st.DrawFn,
    *,
    units: st.SearchStrategy[Unit] | None = None,
    qualifiers: st.SearchStrategy[Qualifier] | None = None,
    max_value: int = 10_000_000,
    pers: st.SearchStrategy[Per | None] | None = None,
) -> Quantity:
    """Reported figures of every qualifier, with notations a report could write: ranges
    (``2-3户``), upper bounds (``2人以下``), 余 before 万 (``30余万元``), thousands separators
    (``181,913户``), written places (``15645.50元``) and, with *pers*, rates (``45元/人``)."""
    unit = draw(units if units is not None else st.sampled_from(list(Unit)))
    qualifier = draw(qualifiers if qualifiers is not None else st.sampled_from(list(Qualifier)))
    per = draw(pers) if pers is not None else None
    marker = draw(st.sampled_from(_MARKERS_BY_QUALIFIER[qualifier]))
    if qualifier is Qualifier.UNKNOWN:
        blank = draw(st.sampled_from(["__", "20xx", "____", "20_"]))
        return Quantity(None, unit, qualifier, notation=Notation(marker=marker, blank=blank), per=per)
    value = _measure(draw, unit, max_value)
    if qualifier in _BELOW and value == 0:
        value = Decimal(1)
    high = value + max(Decimal(1), _measure(draw, unit, max_value)) if qualifier is Qualifier.BETWEEN else None
    ends = [value] if high is None else [value, high]
    magnitude = ""
    if all(end >= _TEN_THOUSAND and end % _TEN_THOUSAND == 0 for end in ends) and draw(st.booleans()):
        magnitude = "万"
    numeral = ""
    if high is None and not magnitude and value == value.to_integral_value() and draw(st.booleans()):
        whole = int(value)
        mixed = _TEN_THOUSAND <= whole < 10**8 and whole % 1000 == 0 and whole % _TEN_THOUSAND
        numeral = _mixed_numeral(whole) if mixed and draw(st.booleans()) else chinese_numeral(whole)
    scale = Decimal(_TEN_THOUSAND) if magnitude else Decimal(1)
    needed = max(_places(end / scale) for end in ends)
    decimals = None
    if not numeral and draw(st.booleans()):
        decimals = draw(st.integers(needed, 4))
    notation = Notation(
        marker=marker,
        magnitude=magnitude,
        numeral=numeral,
        grouped=not numeral and draw(st.booleans()),
        decimals=decimals,
        marker_first=bool(magnitude) and marker in ("余", "多", "近…余") and draw(st.booleans()),
    )
    bounds = Bounds(value, high) if high is not None else Bounds.of(qualifier, value)
    return Quantity(value, unit, qualifier, bounds, notation, per)


def ratios(*, max_count: int = 1_000_000) -> st.SearchStrategy[Ratio]:
    """Ratios of counts, the numerator never above the denominator."""
    return st.integers(0, max_count).flatmap(
        lambda denominator: st.builds(Ratio, st.integers(0, denominator), st.just(denominator))
    )


def share_counts(*, min_size: int = 1, max_size: int = 12, max_count: int = 100_000) -> st.SearchStrategy[list[int]]:
    """Lists of counts with a positive total, for splitting into shares."""
    return st.lists(st.integers(0, max_count), min_size=min_size, max_size=max_size).filter(
        lambda counts: sum(counts) > 0
    )


@st.composite
def resident_ids(draw: st.DrawFn) -> ResidentId:
    """Valid resident ID numbers (居民身份证号码) with a correct check digit."""
    region = draw(division_codes(levels=st.just(Level.COUNTY), padded=st.just(False)))
    born = draw(st.dates(dt.date(1930, 1, 1), dt.date(2020, 12, 31)))
    serial = draw(st.integers(0, 999))
    first17 = f"{region}{born:%Y%m%d}{serial:03d}"
    return ResidentId(first17 + resident_id_check_character(first17))


def mobile_numbers() -> st.SearchStrategy[MobileNumber]:
    """Valid mainland mobile numbers (手机号码)."""
    return st.builds(
        lambda second, rest: MobileNumber(f"1{second}{rest:09d}"),
        st.integers(3, 9),
        st.integers(0, 999_999_999),
    )
