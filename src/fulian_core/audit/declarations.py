"""How the figures of a report relate (数据关系声明): the declarations a report is audited by.

A side of a declaration is a figure: a :class:`~fulian_core.quantities.Quantity` or a
:class:`~fulian_core.Percentage` built in code, or a quote of the report holding one
figure (``"示范户3304户"``, ``"占总数的28.07%"``), read when the report is audited. Whether parts
are disjoint or nested (every 精品户 also a 示范户) is declared, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar, Union

import attrs

from fulian_core._definitions import listed as _listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults as _Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.indicators import Operator
from fulian_core.quantities import Quantity
from fulian_core.reported import Percentage

__all__ = [
    "Compare",
    "CountFromRate",
    "Nesting",
    "PartsOfWhole",
    "PointsChange",
    "SameBase",
    "ShareOf",
    "SharesSum",
    "Stated",
]

FigureRef = Union[str, Quantity, Percentage]  # noqa: UP007 - a runtime alias on Python 3.10
"""A figure in a declaration: a quote of the report holding one figure, or a value."""

_T = TypeVar("_T")
_REF = (str, Quantity, Percentage)
_REF_TEXT = "a quote of the report, a Quantity or a Percentage"


class Nesting(CodedEnum):
    """How parts relate to each other within their whole (部分间关系)."""

    DISJOINT = ("disjoint", "互不重叠")
    NESTED = ("nested", "逐级包含")


def _check_refs(faults: _Faults, **refs: object) -> None:
    for name, ref in refs.items():
        faults.check(isinstance(ref, _REF) and ref != "", name, _REF_TEXT, ref)


def _check_title(faults: _Faults, title: object) -> None:
    faults.check(isinstance(title, str), "title", "text", title)


def _as_list(value: Iterable[_T], path: str, what: str) -> tuple[_T, ...]:
    try:
        return _listed(value, path, what)
    except ValidationError as error:  # a declaration's fault: the library's DefinitionError
        raise DefinitionError(error.faults, error.more) from None


def _refs(value: Iterable[FigureRef]) -> tuple[FigureRef, ...]:
    return _as_list(value, "parts", "a list of figures")


@attrs.frozen
class ShareOf:
    """A stated percentage of a whole and the counts it is the share of (占比): ``part`` over
    ``whole`` must round to ``share`` (``妇女工作者48人，占总数的28.07%`` of ``执委171名``)."""

    share: FigureRef
    part: FigureRef
    whole: FigureRef
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        _check_refs(faults, share=self.share, part=self.part, whole=self.whole)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Stated:
    """One statement of a count and its share of an unstated whole (``181,913户，占全区总户数的90%``)."""

    count: FigureRef
    share: FigureRef

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        _check_refs(faults, count=self.count, share=self.share)
        faults.raise_if_any(DefinitionError)


def _statements(value: Iterable[Stated]) -> tuple[Stated, ...]:
    return _as_list(value, "statements", "a list of Stated")


@attrs.frozen
class SameBase:
    """Statements that imply the same whole (同一基数): the wholes each implies must meet
    (two percentages of the same district's households)."""

    statements: tuple[Stated, ...] = attrs.field(converter=_statements)
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        faults.check(len(self.statements) >= 2, "statements", "at least two statements", len(self.statements))
        for index, statement in enumerate(self.statements):
            faults.check(isinstance(statement, Stated), f"statements[{index}]", "a Stated", statement)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


def _shares(value: Iterable[FigureRef]) -> tuple[FigureRef, ...]:
    return _as_list(value, "shares", "a list of percentages")


@attrs.frozen
class SharesSum:
    """Shares of one whole that add to ``total`` (合计100%) within the rounding of the parts;
    ``total`` ``None`` is exactly 100%."""

    shares: tuple[FigureRef, ...] = attrs.field(converter=_shares)
    total: FigureRef | None = None
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        faults.check(len(self.shares) >= 2, "shares", "at least two shares", len(self.shares))
        for index, share in enumerate(self.shares):
            _check_refs(faults, **{f"shares[{index}]": share})
        if self.total is not None:
            _check_refs(faults, total=self.total)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class PartsOfWhole:
    """Parts against their whole (部分与整体): disjoint parts add up to at most the whole (to
    exactly the whole when ``exhaustive``); nested parts (精品户 within 示范户) are each at most
    the whole and are never added up."""

    parts: tuple[FigureRef, ...] = attrs.field(converter=_refs)
    whole: FigureRef
    nesting: Nesting = Nesting.DISJOINT
    exhaustive: bool = False
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        faults.check(len(self.parts) >= 1, "parts", "at least one part", len(self.parts))
        for index, part in enumerate(self.parts):
            _check_refs(faults, **{f"parts[{index}]": part})
        _check_refs(faults, whole=self.whole)
        faults.check(isinstance(self.nesting, Nesting), "nesting", "a Nesting", self.nesting)
        faults.check(isinstance(self.exhaustive, bool), "exhaustive", "a bool", self.exhaustive)
        faults.check(
            not (self.exhaustive is True and self.nesting is Nesting.NESTED),
            "exhaustive",
            "False for nested parts (they are not added up)",
            self.exhaustive,
        )
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class CountFromRate:
    """A count stated both as a number and as a rate of a base (按比例抽取): ``count`` must be
    what ``rate`` of ``base`` allows (``按4%的比例抽取8个村``)."""

    count: FigureRef
    rate: FigureRef
    base: FigureRef
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        _check_refs(faults, count=self.count, rate=self.rate, base=self.base)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class PointsChange:
    """A stated change in percentage points against the two stated values (百分点变化):
    ``提高3.2个百分点`` from ``45.2%`` to ``48.4%``."""

    change: FigureRef
    before: FigureRef
    after: FigureRef
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        _check_refs(faults, change=self.change, before=self.before, after=self.after)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Compare:
    """Two counts in a stated order (数量关系), as an indicator
    :class:`~fulian_core.indicators.ValidationRule` compares them: ``实到7人`` at most
    ``委员9名``, 实查 at most 应查."""

    left: FigureRef
    operator: Operator
    right: FigureRef
    title: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        _check_refs(faults, left=self.left, right=self.right)
        faults.check(isinstance(self.operator, Operator), "operator", "an Operator", self.operator)
        _check_title(faults, self.title)
        faults.raise_if_any(DefinitionError)


Declaration = Union[ShareOf, SameBase, SharesSum, PartsOfWhole, CountFromRate, PointsChange, Compare]  # noqa: UP007
"""Any declaration a report is audited by."""
