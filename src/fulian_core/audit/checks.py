"""Auditing a report against itself (报告自洽核查): declarations in, findings out.

Each figure stands for the :class:`~fulian_core.Interval` its qualifier and its
rounding allow. A declaration is checked by asking whether all its figures can be true at once:
when they cannot, a :attr:`~fulian_core.indicators.FindingKind.VIOLATED` finding; when one of them
says nothing checkable (``约``, a template blank), an
:attr:`~fulian_core.indicators.FindingKind.UNDECIDABLE` one; otherwise nothing. Inconsistent
figures give findings, never exceptions; only a declaration that cannot be read (a quote not in
the report, a quote with no figure or two) is refused, with every fault at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from fulian_core._definitions import check_items as _check_items
from fulian_core._definitions import check_type as _check_type
from fulian_core._faults import Faults as _Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import fraction_text as _fraction_text
from fulian_core.audit._reading import Figure as _Figure
from fulian_core.audit._reading import expect as _expect
from fulian_core.audit._reading import resolve as _resolve
from fulian_core.audit.declarations import (
    Compare,
    CountFromRate,
    Declaration,
    FigureRef,
    Nesting,
    PartsOfWhole,
    PointsChange,
    SameBase,
    ShareOf,
    SharesSum,
)
from fulian_core.errors import DefinitionError, ValidationError, join_path
from fulian_core.indicators import FindingKind, Operator
from fulian_core.intervals import Interval
from fulian_core.quantities import Quantity
from fulian_core.reported import Percentage
from fulian_core.reported import implied_base as _implied_base
from fulian_core.reported import implied_count as _implied_count
from fulian_core.reported import points_change as _points_change

__all__ = ["ReportFinding", "audit", "audit_report"]

_DECLARATIONS: Final = (ShareOf, SameBase, SharesSum, PartsOfWhole, CountFromRate, PointsChange, Compare)
_HUNDRED: Final = Interval.point(100)


@attrs.frozen
class ReportFinding:
    """One inconsistency in a report (报告核查发现): the rule, the figures as written, both sides
    as exact intervals, the tolerance used, and a short Chinese sentence (:attr:`sentence`).

    ``left`` and ``right`` compare by ``operator`` (= meaning "share a value", ≤, ≥); the
    tolerance says which rounding or qualifier widened them.
    """

    rule: str
    kind: FindingKind
    figures: tuple[str, ...]
    left: Interval
    operator: Operator
    right: Interval
    tolerance: str
    sentence: str

    def __str__(self) -> str:
        return self.sentence


# -- the checks ---------------------------------------------------------------------------------


@attrs.frozen
class _Check:
    rule: str
    figures: tuple[_Figure, ...]
    left: Interval
    operator: Operator
    right: Interval
    tolerance: str
    sentence: str


def _possible(left: Interval, operator: Operator, right: Interval) -> bool:
    """Whether some value of *left* and some of *right* stand in the relation."""
    if operator is Operator.AT_LEAST:
        return _possible(right, Operator.AT_MOST, left)
    if operator is Operator.EQUAL:
        return left.intersection(right) is not None
    if left.low is None or right.high is None:
        return True
    return left.low < right.high or (left.low == right.high and not left.low_open and not right.high_open)


def _finding(check: _Check) -> ReportFinding | None:
    written = tuple(figure.written for figure in check.figures)
    if not _possible(check.left, check.operator, check.right):
        return ReportFinding(
            check.rule,
            FindingKind.VIOLATED,
            written,
            check.left,
            check.operator,
            check.right,
            check.tolerance,
            check.sentence,
        )
    silent = [figure.written for figure in check.figures if figure.silent]
    if silent:
        sentence = f"无法核查{_RULE_TITLES[check.rule]}：{'、'.join(silent)}为约数或未填"
        return ReportFinding(
            check.rule,
            FindingKind.UNDECIDABLE,
            written,
            check.left,
            check.operator,
            check.right,
            check.tolerance,
            sentence,
        )
    return None


_RULE_TITLES: Final = {
    "share_of_counts": "占比与数",
    "same_base": "同一基数",
    "shares_sum": "占比合计",
    "parts_of_whole": "部分与整体",
    "count_from_rate": "比例与数",
    "points_change": "百分点变化",
    "compare": "数量关系",
}


def _percent_text(interval: Interval, unit: str = "%") -> str:
    if interval.is_point:
        assert interval.low is not None  # noqa: S101 - a point is bounded
        return _number_text(interval.low) + unit
    return f"{interval.render(places=4)}{unit}"


def _number_text(value: Fraction) -> str:
    text = _fraction_text(value)
    if "/" not in text:
        return text
    return "约" + Interval(value, value).render(places=2).strip("[]").split(",")[0]


def _tolerance(figures: Iterable[_Figure]) -> str:
    """What each rounded percentage or qualified count allows (``90%取[89.5, 90.5)``)."""
    parts = [
        f"{figure.written}取{figure.interval}"
        for figure in figures
        if isinstance(figure.value, Percentage) or not figure.value.is_exact
    ]
    return "；".join(dict.fromkeys(parts)) or "无（均为确数）"


def _label(title: str) -> str:
    return f"{title}：" if title else ""


def _share_of(declaration: ShareOf, share: _Figure, part: _Figure, whole: _Figure) -> _Check:
    computed = Interval.of(part.quantity) / Interval.of(whole.quantity) * _HUNDRED
    sentence = (
        f"{_label(declaration.title)}{part.written}占{whole.written}的{_percent_text(computed)}，"
        f"与所述{share.written}不符（{share.written}容许{share.interval.render(places=4)}%）"
    )
    return _Check(
        "share_of_counts", (share, part, whole), share.interval, Operator.EQUAL, computed, _tolerance([share]), sentence
    )


def _count_from_rate(declaration: CountFromRate, count: _Figure, rate: _Figure, base: _Figure) -> _Check:
    expected = _implied_count(rate.percentage, base.quantity)
    sentence = (
        f"{_label(declaration.title)}{base.written}的{rate.written}应在{expected.render()}之间，"
        f"与所述{count.written}不符"
    )
    return _Check(
        "count_from_rate", (count, rate, base), count.interval, Operator.EQUAL, expected, _tolerance([rate]), sentence
    )


def _points(declaration: PointsChange, change: _Figure, before: _Figure, after: _Figure) -> _Check:
    expected = _points_change(before.percentage, after.percentage)
    sentence = (
        f"{_label(declaration.title)}由{before.written}到{after.written}的变化在{expected.render(places=4)}个百分点之间，"
        f"与所述{change.written}不符"
    )
    return _Check(
        "points_change",
        (change, before, after),
        change.interval,
        Operator.EQUAL,
        expected,
        _tolerance([change, before, after]),
        sentence,
    )


def _same_base(declaration: SameBase, pairs: Sequence[tuple[_Figure, _Figure]]) -> list[_Check]:
    ordered = sorted(pairs, key=lambda pair: (pair[0].order, pair[1].order))
    whole = declaration.title or "总数"
    checks: list[_Check] = []
    for index, (count, share) in enumerate(ordered):
        first = _implied_base(count.quantity, share.percentage)
        for other_count, other_share in ordered[index + 1 :]:
            second = _implied_base(other_count.quantity, other_share.percentage)
            sentence = (
                f"{count.written}占{share.written}与{other_count.written}占{other_share.written}所指{whole}不一致："
                f"前者在{first.render()}，后者在{second.render()}，无共同取值"
            )
            checks.append(
                _Check(
                    "same_base",
                    (count, share, other_count, other_share),
                    first,
                    Operator.EQUAL,
                    second,
                    _tolerance([share, other_share]),
                    sentence,
                )
            )
    return checks


def _shares_sum(declaration: SharesSum, shares: Sequence[_Figure], total: _Figure | None) -> _Check:
    ordered = sorted(shares, key=lambda figure: figure.order)
    summed = Interval.point(0)
    nominal = Fraction(0)
    for share in ordered:
        summed = summed + share.interval
        nominal += Fraction(share.percentage.value)
    target = _HUNDRED if total is None else total.interval
    target_text = "100%" if total is None else total.written
    sentence = (
        f"{_label(declaration.title)}{'、'.join(share.written for share in ordered)}合计{_number_text(nominal)}%，"
        f"按各自舍入合计在{summed.render(places=4)}%之间，不能为{target_text}"
    )
    figures = (*ordered, *(() if total is None else (total,)))
    return _Check("shares_sum", figures, summed, Operator.EQUAL, target, _tolerance(figures), sentence)


def _parts(declaration: PartsOfWhole, parts: Sequence[_Figure], whole: _Figure) -> list[_Check]:
    ordered = sorted(parts, key=lambda figure: figure.order)
    label = _label(declaration.title)
    if declaration.nesting is Nesting.NESTED:
        return [
            _Check(
                "parts_of_whole",
                (part, whole),
                part.interval,
                Operator.AT_MOST,
                whole.interval,
                _tolerance([part, whole]),
                f"{label}{part.written}超过包含它的{whole.written}（{Nesting.NESTED.label}）",
            )
            for part in ordered
        ]
    summed = Interval.point(0)
    nominal = Quantity.total([part.quantity for part in ordered], ordered[0].quantity.unit)
    for part in ordered:
        summed = summed + part.interval
    operator = Operator.EQUAL if declaration.exhaustive else Operator.AT_MOST
    verb = "不等于" if declaration.exhaustive else "超过"
    sentence = (
        f"{label}{'、'.join(part.written for part in ordered)}合计{nominal.render()}，"
        f"{verb}整体{whole.written}（各部分{Nesting.DISJOINT.label}）"
    )
    return [
        _Check(
            "parts_of_whole",
            (*ordered, whole),
            summed,
            operator,
            whole.interval,
            _tolerance([*ordered, whole]),
            sentence,
        )
    ]


def _compare(declaration: Compare, left: _Figure, right: _Figure) -> _Check:
    sentence = f"{_label(declaration.title)}{left.written} {declaration.operator.label} {right.written} 不成立"
    return _Check(
        "compare",
        (left, right),
        left.interval,
        declaration.operator,
        right.interval,
        _tolerance([left, right]),
        sentence,
    )


def _checks(declaration: Declaration, path: str, text: str | None, faults: _Faults) -> list[_Check]:
    own = _Faults()
    figures: tuple[_Figure | None, ...]

    def read(ref: FigureRef, name: str, kind: str) -> _Figure | None:
        figure = _resolve(ref, join_path(path, name), text, own)
        _expect(figure, kind, join_path(path, name), own)
        return figure

    if isinstance(declaration, ShareOf):
        figures = (
            read(declaration.share, "share", "percent"),
            read(declaration.part, "part", "count"),
            read(declaration.whole, "whole", "count"),
        )
    elif isinstance(declaration, CountFromRate):
        figures = (
            read(declaration.count, "count", "count"),
            read(declaration.rate, "rate", "percent"),
            read(declaration.base, "base", "count"),
        )
    elif isinstance(declaration, PointsChange):
        figures = (
            read(declaration.change, "change", "point"),
            read(declaration.before, "before", "percent"),
            read(declaration.after, "after", "percent"),
        )
    elif isinstance(declaration, Compare):
        figures = (read(declaration.left, "left", "count"), read(declaration.right, "right", "count"))
    elif isinstance(declaration, SameBase):
        figures = tuple(
            figure
            for index, statement in enumerate(declaration.statements)
            for figure in (
                read(statement.count, f"statements[{index}].count", "count"),
                read(statement.share, f"statements[{index}].share", "percent"),
            )
        )
    elif isinstance(declaration, SharesSum):
        figures = tuple(read(share, f"shares[{index}]", "percent") for index, share in enumerate(declaration.shares))
        if declaration.total is not None:
            figures = (*figures, read(declaration.total, "total", "percent"))
    else:
        figures = (
            *(read(part, f"parts[{index}]", "count") for index, part in enumerate(declaration.parts)),
            read(declaration.whole, "whole", "count"),
        )
    ready = tuple(figure for figure in figures if figure is not None)
    if isinstance(declaration, (PartsOfWhole, Compare)) and not own:
        _same_unit(ready, path, own)
    try:
        own.raise_if_any()
    except ValidationError as error:
        faults.absorb("", error)
        return []
    return _build(declaration, ready)


def _same_unit(figures: Sequence[_Figure], path: str, faults: _Faults) -> None:
    """Parts and their whole, or two compared counts, are counted in one unit (户 with 户)."""
    unit = figures[0].quantity.unit
    for figure in figures[1:]:
        faults.check(figure.quantity.unit is unit, path, f"figures counted in one unit ({unit.label})", figure.written)


def _build(declaration: Declaration, figures: tuple[_Figure, ...]) -> list[_Check]:  # noqa: PLR0911 - one per kind
    if isinstance(declaration, ShareOf):
        return [_share_of(declaration, *figures)]
    if isinstance(declaration, CountFromRate):
        return [_count_from_rate(declaration, *figures)]
    if isinstance(declaration, PointsChange):
        return [_points(declaration, *figures)]
    if isinstance(declaration, Compare):
        return [_compare(declaration, *figures)]
    if isinstance(declaration, SameBase):
        pairs = [(figures[index], figures[index + 1]) for index in range(0, len(figures), 2)]
        return _same_base(declaration, pairs)
    if isinstance(declaration, SharesSum):
        count = len(declaration.shares)
        return [_shares_sum(declaration, figures[:count], figures[count] if declaration.total is not None else None)]
    return _parts(declaration, figures[:-1], figures[-1])


def _key(finding: ReportFinding) -> tuple[str, ...]:
    return (finding.rule, *finding.figures, str(finding.left), str(finding.right), finding.sentence)


def _run(declarations: Iterable[Declaration], text: str | None) -> tuple[ReportFinding, ...]:
    given = _check_items(declarations, _DECLARATIONS, "declarations", "a list of declarations")
    faults = _Faults()
    findings: list[ReportFinding] = []
    for index, declaration in enumerate(given):
        for check in _checks(declaration, f"declarations[{index}]", text, faults):  # type: ignore[arg-type]
            finding = _finding(check)
            if finding is not None:
                findings.append(finding)
    faults.raise_if_any(DefinitionError)
    return tuple(sorted(set(findings), key=_key))


@_exact
def audit(declarations: Iterable[Declaration]) -> tuple[ReportFinding, ...]:
    """The findings of *declarations* over figures built in code (or quotes read on their own),
    in a canonical order: the same whatever the order of the declarations or of their parts."""
    return _run(declarations, None)


@_exact
def audit_report(text: str, declarations: Iterable[Declaration]) -> tuple[ReportFinding, ...]:
    """The findings of *declarations* over a report: each quote must stand in *text* and hold
    one figure, read as the report writes it (``181,913户``, ``28.07%``, ``近三成``)."""
    _check_type(text, str, "text")
    return _run(declarations, text)
