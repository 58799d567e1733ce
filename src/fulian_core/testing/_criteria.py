"""Strategies for :mod:`fulian_core.criteria`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from fulian_core.criteria import (
    Award,
    Candidate,
    CandidateKind,
    CriteriaSet,
    Criterion,
    CriterionKind,
    Evidence,
    Fact,
    FactKind,
    GradeLevel,
)
from fulian_core.testing._strategies import chinese_names

__all__ = ["candidates", "criteria", "criteria_sets", "evidence", "facts_for"]

_TITLES = [
    "尊老爱幼",
    "家庭和谐",
    "爱国守法",
    "勤俭持家",
    "邻里互助",
    "科学教子",
    "热心公益",
    "保护环境",
    "违法犯罪",
    "涉黄赌毒",
]
_SCALES = [("优", "良", "中", "差"), ("好", "较好", "一般", "差"), ("达标", "不达标")]


@st.composite
def criteria(
    draw: st.DrawFn, *, kinds: st.SearchStrategy[CriterionKind] | None = None, code: str | None = None
) -> Criterion:
    """Valid criteria of every kind; scored items are sometimes graded."""
    kind = draw(kinds if kinds is not None else st.sampled_from(list(CriterionKind)))
    the_code = code or draw(st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True))
    title = draw(st.sampled_from(_TITLES))
    if kind not in (CriterionKind.SCORED, CriterionKind.BONUS):
        return Criterion(the_code, title, kind)
    points = Decimal(draw(st.integers(1, 20)))
    weight = Decimal(draw(st.sampled_from(["1", "1", "0.5", "2"])))
    levels: tuple[GradeLevel, ...] = ()
    if kind is CriterionKind.SCORED and draw(st.booleans()):
        names = draw(st.sampled_from(_SCALES))
        values = sorted(
            draw(st.lists(st.integers(0, int(points)), min_size=len(names), max_size=len(names))), reverse=True
        )
        levels = tuple(GradeLevel(name, Decimal(value)) for name, value in zip(names, values, strict=True))
    return Criterion(the_code, title, kind, points=points, weight=weight, levels=levels)


@st.composite
def criteria_sets(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 8,
    with_pass_score: st.SearchStrategy[bool] | None = None,
) -> CriteriaSet:
    """Valid criteria sets mixing requirements, scored, bonus and disqualifier items."""
    size = draw(st.integers(min_size, max_size))
    items = [draw(criteria(code=f"c{index}")) for index in range(size)]
    scored_max = sum((item.maximum for item in items if item.kind is CriterionKind.SCORED), Decimal(0))
    has_bonus = any(item.kind is CriterionKind.BONUS for item in items)
    bonus_cap = Decimal(draw(st.integers(1, 10))) if has_bonus else Decimal(0)
    pass_score = None
    if draw(with_pass_score if with_pass_score is not None else st.booleans()) and scored_max + bonus_cap > 0:
        pass_score = Decimal(draw(st.integers(0, int(scored_max + bonus_cap))))
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    return CriteriaSet(
        award=Award("generated_award", "生成的评选"),
        issuer=draw(st.sampled_from(["CN", "37", "371082", "371082103"])),
        version=draw(st.from_regex(r"v[0-9]{1,3}", fullmatch=True)),
        effective_from=start,
        effective_until=draw(st.none() | st.just(start + dt.timedelta(days=365))),
        criteria=tuple(items),
        pass_score=pass_score,
        bonus_cap=bonus_cap,
        source="generated",
    )


def candidates(*, kinds: st.SearchStrategy[CandidateKind] | None = None) -> st.SearchStrategy[Candidate]:
    """Candidates with generated ids and Chinese names."""
    return st.builds(
        Candidate,
        id=st.from_regex(r"[a-z]{1,3}-[0-9]{1,4}", fullmatch=True),
        name=chinese_names(),
        kind=kinds if kinds is not None else st.just(CandidateKind.FAMILY),
    )


def facts_for(criterion: Criterion, *, unknowns: bool = True) -> st.SearchStrategy[Fact]:
    """Facts that fit *criterion*: yes/no, a grade on its scale or points within its maximum."""
    options: list[st.SearchStrategy[Fact]] = [st.just(Fact.yes()), st.just(Fact.no()), st.just(Fact.not_applicable())]
    if unknowns:
        options.append(st.just(Fact.unknown()))
    if criterion.is_graded:
        options.append(st.sampled_from([Fact.graded(level.name) for level in criterion.levels]))
    if criterion.kind in (CriterionKind.SCORED, CriterionKind.BONUS):
        options.append(
            st.integers(0, int(criterion.points)).map(lambda points: Fact(FactKind.POINTS, points=Decimal(points)))
        )
    return st.one_of(options)


@st.composite
def evidence(draw: st.DrawFn, *, criteria_set: CriteriaSet, unknowns: bool = True) -> Evidence:
    """Evidence for a family against *criteria_set*: some facts given, some left unknown."""
    facts: dict[str, Fact] = {}
    for criterion in criteria_set.criteria:
        if unknowns and draw(st.integers(0, 3)) == 0:
            continue  # no fact at all: unknown
        facts[criterion.code] = draw(facts_for(criterion, unknowns=unknowns))
    kind = st.just(criteria_set.award.candidates)
    return Evidence(draw(candidates(kinds=kind)), facts)
