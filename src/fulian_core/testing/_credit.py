"""Strategies for :mod:`fulian_core.credit`: credit schemes (信用积分管理办法) of the shapes
counties and villages publish, the acts recorded against them and whole credit records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from fulian_core.credit import (
    CreditEvent,
    CreditItem,
    CreditRecord,
    CreditRepair,
    CreditScheme,
    LocalLimits,
    PointsUnit,
    Step,
    Term,
    ValidityRule,
)
from fulian_core.errors import ValidationError
from fulian_core.orgs import Level
from fulian_core.periods import PeriodKind
from fulian_core.rules import Band, Boundary, ItemKind, OverrideEffect, Side, SubjectKind, Threshold
from fulian_core.testing._rules import subjects as subject_values

__all__ = ["credit_events", "credit_records", "credit_schemes"]

_GRADES = [
    (("AAA", "AAA级"), ("AA", "AA级"), ("A", "A级"), ("B", "B级"), ("C", "C级"), ("D", "D级")),
    (("A", "A级"), ("B", "B级"), ("C", "C级"), ("D", "D级")),
    (("excellent", "优秀"), ("good", "良好"), ("fair", "一般"), ("poor", "较差")),
    (("honest", "诚信户"), ("ordinary", "一般户"), ("warned", "警示户"), ("dishonest", "失信户")),
]
_DEDUCTIONS = ["焚烧秸秆", "乱扔垃圾", "庭院物品摆放杂乱", "厨房墙壁油污", "打架斗殴", "占道堆放", "噪音扰民"]
_BONUSES = ["获得表彰", "志愿服务", "邻里互助", "美丽庭院示范户", "最美家庭", "参加技能培训", "见义勇为"]
_DIRECT = ["违法犯罪", "家庭暴力", "失信被执行", "拖欠村集体款项", "涉黄赌毒"]
_PERIODS = [PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR]
_SOURCES = ["", "网格员", "入户检查", "村民代表会议", "法院判决"]
_FIRST = dt.date(2024, 1, 1)
_WINDOW_YEARS = 6


def _terms(*, most_months: int = 36) -> st.SearchStrategy[Term]:
    return st.one_of(
        st.integers(1, most_months).map(Term.months),
        st.integers(1, max(1, most_months // 12)).map(Term.years),
        st.integers(30, most_months * 30).map(Term.days),
    )


def _caps(draw: st.DrawFn, scale: int, *, caps: bool) -> tuple[int | None, PeriodKind | None]:
    if not caps or draw(st.integers(0, 3)) > 0:
        return None, None
    return draw(st.integers(1, 30 * scale)), draw(st.sampled_from(_PERIODS))


@st.composite
def _deduction(draw: st.DrawFn, code: str, scale: int, *, caps: bool) -> CreditItem:
    unit = draw(st.sampled_from([PointsUnit.CASE, PointsUnit.CASE, PointsUnit.OCCURRENCE, PointsUnit.MEMBER]))
    cap, cap_period = _caps(draw, scale, caps=caps)
    return CreditItem(
        code,
        draw(st.sampled_from(_DEDUCTIONS)),
        ItemKind.DEDUCTION,
        draw(st.integers(1, 10 * scale)),
        unit=unit,
        period=draw(st.sampled_from(_PERIODS)) if unit is PointsUnit.MEMBER else None,
        cap=cap,
        cap_period=cap_period,
        validity=draw(st.none() | _terms()) if draw(st.integers(0, 3)) == 0 else None,
        continuing=unit is PointsUnit.CASE and draw(st.integers(0, 3)) == 0,
    )


@st.composite
def _bonus(draw: st.DrawFn, code: str, scale: int, *, caps: bool) -> CreditItem:
    unit = draw(st.sampled_from(list(PointsUnit)))
    cap, cap_period = _caps(draw, scale, caps=caps)
    steps: list[Step] = []
    points = 0
    if unit is PointsUnit.STEP:  # 志愿服务 20/50/100 小时以上, highest first
        needs = sorted(draw(st.lists(st.integers(1, 200), min_size=1, max_size=3, unique=True)), reverse=True)
        gains = sorted(draw(st.lists(st.integers(1, 10 * scale), min_size=len(needs), max_size=len(needs))))[::-1]
        steps = [
            Step(Threshold(Side.ABOVE, need, Boundary.INCLUSIVE), gain) for need, gain in zip(needs, gains, strict=True)
        ]
    else:
        points = draw(st.integers(1, 10 * scale))
    return CreditItem(
        code,
        draw(st.sampled_from(_BONUSES)),
        ItemKind.BONUS,
        points,
        unit=unit,
        period=draw(st.sampled_from(_PERIODS)) if unit is PointsUnit.MEMBER else None,
        steps=steps,
        cap=cap,
        cap_period=cap_period,
        validity=draw(_terms()) if draw(st.integers(0, 4)) == 0 else None,
        level=draw(st.none() | st.sampled_from(list(Level)[:5])),
    )


@st.composite
def _direct(draw: st.DrawFn, code: str, scale: int, targets: list[str]) -> CreditItem:
    repairable = draw(st.booleans())
    return CreditItem(
        code,
        draw(st.sampled_from(_DIRECT)),
        ItemKind.OVERRIDE,
        target=draw(st.sampled_from(targets)),
        effect=draw(st.sampled_from(list(OverrideEffect))),
        validity=draw(_terms()) if draw(st.integers(0, 2)) == 0 else None,
        repair_points=draw(st.integers(1, 30 * scale)) if repairable else None,
        repair_term=draw(_terms(most_months=24)) if repairable else None,
        continuing=draw(st.integers(0, 4)) == 0,
    )


@st.composite
def credit_schemes(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[SubjectKind] | None = None,
    boundaries: st.SearchStrategy[Boundary] | None = None,
    max_items: int = 8,
    caps: bool = True,
    direct: bool = True,
    local: bool = True,
) -> CreditScheme:
    """Valid credit schemes of the shapes counties publish: 百分制 or 千分制, three to six grades
    best first with stated or unstated limits (read by the scheme's *boundaries*), deductions
    per case, per occurrence or per member, continuing offences, bonuses with award levels and
    tiers (分档), direct grades that set or cap the grade (some repairable, with *direct*), caps
    per item and on all bonuses (with *caps*), validity by kind, size and level (a larger
    deduction never kept for less time), and limits for local items (with *local*)."""
    start = draw(st.sampled_from([100, 1000]))
    scale = start // 100
    names = draw(st.sampled_from(_GRADES))
    names = names[len(names) - draw(st.integers(2, len(names))) :]
    minima = sorted(
        draw(
            st.lists(st.integers(1, start + 20 * scale), min_size=len(names) - 1, max_size=len(names) - 1, unique=True)
        )
    )[::-1]
    edges = boundaries if boundaries is not None else st.sampled_from(list(Boundary))
    bands = [
        Band(code, label, Threshold(Side.ABOVE, minimum, draw(st.sampled_from(list(Boundary)))))
        for (code, label), minimum in zip(names[:-1], minima, strict=True)
    ]
    bands.append(Band(*names[-1]))
    targets = [code for code, _ in names[1:]]
    items: list[CreditItem] = []
    for index in range(draw(st.integers(1, max_items))):
        kind = draw(st.sampled_from([ItemKind.DEDUCTION, ItemKind.DEDUCTION, ItemKind.BONUS, ItemKind.OVERRIDE]))
        if kind is ItemKind.DEDUCTION or (kind is ItemKind.OVERRIDE and not direct):
            items.append(draw(_deduction(f"d{index}", scale, caps=caps)))
        elif kind is ItemKind.BONUS:
            items.append(draw(_bonus(f"b{index}", scale, caps=caps)))
        else:
            items.append(draw(_direct(f"o{index}", scale, targets)))
    short, long = sorted(draw(st.lists(st.integers(1, 3), min_size=2, max_size=2)))
    validity = [
        ValidityRule(
            [ItemKind.DEDUCTION],
            Term.years(short),
            sizes=[Threshold(Side.BELOW, draw(st.integers(1, 10 * scale)), Boundary.INCLUSIVE)],
        ),
        ValidityRule([ItemKind.DEDUCTION], Term.years(long)),
        ValidityRule([ItemKind.BONUS], Term.years(draw(st.integers(2, 5))), levels=[Level.NATIONAL, Level.PROVINCE]),
        ValidityRule([ItemKind.BONUS], Term.years(1)),
        ValidityRule([ItemKind.OVERRIDE], Term.years(draw(st.integers(1, 3)))),
    ]
    bonus_cap = draw(st.integers(1, 50 * scale)) if caps and draw(st.integers(0, 2)) == 0 else None
    effective_from = draw(st.dates(_FIRST, dt.date(2026, 12, 31)))
    return CreditScheme(
        issuer=draw(st.sampled_from(["37", "371082", "371082103", "371082103201"])),
        code=draw(st.sampled_from(["xyjf", "jfcs", "wmyh"])),
        version=draw(st.from_regex(r"v[0-9]{1,3}", fullmatch=True)),
        title=draw(st.sampled_from(["信用积分管理办法", "积分超市管理办法", "文明银行积分细则"])),
        effective_from=effective_from,
        effective_until=draw(
            st.none() | st.integers(365, 365 * _WINDOW_YEARS).map(lambda days: _later(effective_from, days))
        ),
        items=items,
        bands=bands,
        validity=validity,
        subject=draw(
            subjects
            if subjects is not None
            else st.sampled_from([SubjectKind.PERSON, SubjectKind.HOUSEHOLD, SubjectKind.FAMILY])
        ),
        start=start,
        ceiling=draw(st.none() | st.integers(start, start + 50 * scale)),
        bonus_cap=bonus_cap,
        bonus_cap_period=draw(st.sampled_from(_PERIODS)) if bonus_cap is not None else None,
        local=LocalLimits(draw(st.integers(0, 3)), draw(st.integers(1, 10 * scale)))
        if local and draw(st.booleans())
        else None,
        downgrade_score=draw(st.booleans()),
        boundaries=draw(edges),
        source="generated",
        illustrative=True,
    )


def _window(scheme: CreditScheme) -> tuple[dt.date, dt.date]:
    """The days a scheme is in force, within its first few years when it has no end."""
    first = scheme.effective_from
    if scheme.effective_until is not None:
        return first, scheme.effective_until
    try:
        return first, first.replace(year=first.year + _WINDOW_YEARS)
    except ValueError:  # a scheme in force from near the calendar's end, or from 29 February
        return first, min(dt.date.max, first + dt.timedelta(days=365 * _WINDOW_YEARS))


def _later(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=min(days, (dt.date.max - day).days))


@st.composite
def credit_events(
    draw: st.DrawFn,
    *,
    scheme: CreditScheme | None = None,
    dates: st.SearchStrategy[dt.date] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    kinds: st.SearchStrategy[ItemKind] | None = None,
) -> CreditEvent:
    """Acts a scheme accepts (drawn with :func:`credit_schemes` when none is given), dated while
    it is in force (or by *dates*): one to three of its items (of a kind *kinds* draws, when
    given), a count, family members, the quantity a tiered item needs, an end date when an item
    is a continuing offence, and sometimes a later recording date (补录)."""
    chosen = scheme if scheme is not None else draw(credit_schemes())
    first, last = _window(chosen)
    day = draw(dates if dates is not None else st.dates(first, last))
    fitting = list(chosen.items)
    if kinds is not None:
        wanted = draw(kinds)
        fitting = [item for item in fitting if item.kind is wanted] or fitting
    items = draw(
        st.lists(st.sampled_from(fitting), min_size=1, max_size=min(3, len(fitting)), unique_by=lambda item: item.code)
    )
    tiered = any(item.unit is PointsUnit.STEP for item in items)
    continuing = any(item.continuing for item in items)
    return CreditEvent(
        id=draw(ids if ids is not None else st.from_regex(r"e-[0-9]{1,6}", fullmatch=True)),
        date=day,
        items=[item.code for item in items],
        source=draw(st.sampled_from(_SOURCES)),
        count=draw(st.integers(1, 5)),
        members=draw(st.integers(1, 6)),
        quantity=draw(st.integers(0, 250).map(Decimal)) if tiered else None,
        recorded=draw(st.none() | st.integers(0, 90).map(lambda days: _later(day, days))),
        ended=draw(st.none() | st.integers(0, 500).map(lambda days: _later(day, days))) if continuing else None,
    )


@st.composite
def credit_records(
    draw: st.DrawFn,
    *,
    scheme: CreditScheme | None = None,
    max_events: int = 12,
    dates: st.SearchStrategy[dt.date] | None = None,
    repairs: bool = True,
) -> CreditRecord:
    """Records a scheme accepts (drawn with :func:`credit_schemes` when none is given): a
    subject of the kind it scores, events in the order they were recorded (not their dates),
    and, with *repairs*, repairs (信用修复) of some repairable direct grades."""
    chosen = scheme if scheme is not None else draw(credit_schemes())
    subject = draw(subject_values(kinds=st.just(chosen.subject)))
    count = draw(st.integers(0, max_events))
    events = [draw(credit_events(scheme=chosen, dates=dates, ids=st.just(f"e{index}"))) for index in range(count)]
    record = CreditRecord(subject, events)
    if repairs:
        _, last = _window(chosen)
        for index, event in enumerate(events):
            if draw(st.booleans()):
                day = draw(st.dates(event.date, max(event.date, last)))
                record = _repaired(record, CreditRepair(f"r{index}", day, event.id, "整改到位"), chosen)
    return record


def _repaired(record: CreditRecord, repair: CreditRepair, scheme: CreditScheme) -> CreditRecord:
    """*record* with *repair*, or unchanged when the event is no repairable direct grade (the
    library's own check decides, so the strategy cannot drift from it)."""
    try:
        return record.repair(repair, scheme)
    except ValidationError:
        return record
