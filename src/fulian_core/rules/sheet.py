"""Rule sheets (评分细则 / 评选标准 / 评定办法): the one language for published rules.

A :class:`RuleSheet` is what a federation publishes to judge families, people, posts or
households: items of six kinds (:class:`ItemKind`) in nested groups that may pool their
points (扣完为止), named bands with stated boundaries (精品户 ≥ 90, 优秀/合格/不合格, A–D级,
一星 to 五星), overrides that set or cap the band whatever the score (一票否决, 直接评定为D级),
measured conditions (女性职工占三分之二以上, 经营面积50亩以上, 从业满3年), effective dates,
provenance, and local adaptation by code (结合本地实际).
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar, Final, TypeVar

import attrs

from fulian_core._definitions import as_decimal, check_code, check_day, check_text, check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import format_number
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.quantities import Unit
from fulian_core.rules.facts import SubjectKind
from fulian_core.rules.thresholds import Side, Threshold

__all__ = [
    "ELIGIBILITY",
    "MAX_ITEMS",
    "Band",
    "Condition",
    "DurationUnit",
    "Group",
    "Item",
    "ItemKind",
    "Measure",
    "MissingPolicy",
    "NotApplicablePolicy",
    "OverrideEffect",
    "Prerequisite",
    "PrerequisiteKind",
    "Rating",
    "RuleSheet",
    "SheetRef",
]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_MAX_NUMBER: Final = Decimal(10**9)
_MAX_PLACES: Final = 4

MAX_ITEMS: Final = 500
"""The most items a sheet may hold: real rules have 5 to 60; a bound keeps hostile data from
making every evaluation a long loop."""
_MAX_GROUPS: Final = 200
_MAX_BANDS: Final = 50
_MAX_RATINGS: Final = 50
_MAX_THRESHOLDS: Final = 4
_MAX_REQUIRES: Final = 20  # a band needs a few things beyond its score; real rules state up to five


class ItemKind(CodedEnum):
    """What an item does (条目类型).

    * ``REQUIREMENT`` (必备条件) must hold for every passing band.
    * ``CONDITION`` (等级条件) earns nothing; bands name it in their prerequisites.
    * ``SCORED`` (评分项) earns up to ``points`` × ``weight``: all when met, a rating's points,
      or points given directly.
    * ``DEDUCTION`` (扣分项) loses ``per_occurrence`` for each occurrence found, from its own
      ``points`` (down to ``points - max_deduction``) or, with no points of its own, from its
      group's pool (扣完为止 at the group).
    * ``BONUS`` (加分项) earns up to ``points`` on top of the maximum; the sheet caps the bonus.
    * ``OVERRIDE`` (否决/直接评定) sets the band to ``target`` (or caps it there) when its
      statement holds, whatever the score: 一票否决, 直接评定为不合格/D级, 直接评为优秀.
    """

    REQUIREMENT = ("requirement", "必备条件")
    CONDITION = ("condition", "等级条件")
    SCORED = ("scored", "评分项")
    DEDUCTION = ("deduction", "扣分项")
    BONUS = ("bonus", "加分项")
    OVERRIDE = ("override", "否决/直接评定项")


_STATEMENTS: Final = frozenset({ItemKind.REQUIREMENT, ItemKind.CONDITION, ItemKind.OVERRIDE})
_EARNING: Final = frozenset({ItemKind.SCORED, ItemKind.BONUS})


class Measure(CodedEnum):
    """What a measured condition compares with its thresholds (计量方式)."""

    QUANTITY = ("quantity", "数量")
    RATIO = ("ratio", "占比")
    ELAPSED = ("elapsed", "自某日起的时长")
    NUMBER = ("number", "数值")


class DurationUnit(CodedEnum):
    """The unit of an elapsed time (时长单位)."""

    YEAR = ("year", "年")
    MONTH = ("month", "个月")
    DAY = ("day", "天")


class OverrideEffect(CodedEnum):
    """What an override does to the band (直接评定方式)."""

    SET = ("set", "直接评定为")
    CAP = ("cap", "最高评定为")


class MissingPolicy(CodedEnum):
    """What an item without a fact means (漏项处理).

    * ``ERROR``: every item but a bonus needs a fact; the evaluation is refused otherwise. A
      bonus nobody claimed earns nothing.
    * ``PROVISIONAL``: an item without a fact is unknown and the result says what it could
      still change; a bonus nobody claimed earns nothing (an inspection that skipped items).
    * ``UNKNOWN``: every item without a fact is unknown, bonuses included (evidence still
      being gathered for a candidate).
    """

    ERROR = ("error", "漏项视为错误")
    PROVISIONAL = ("provisional", "漏项待核实，结果暂定")
    UNKNOWN = ("unknown", "未提供即待核实")


class NotApplicablePolicy(CodedEnum):
    """What an item that does not apply does to the maximum (不适用项处理)."""

    EXCLUDE = ("exclude", "不适用项不计入满分")
    SCALE = ("scale", "不适用项不计分，按实际得分折算")


class PrerequisiteKind(CodedEnum):
    """A condition a band needs beyond its score (等级附加条件)."""

    ITEM_MET = ("item_met", "该项达标")
    FULL_MARKS = ("full_marks", "该组得满分")
    GROUP_MINIMUM = ("group_minimum", "该组得分达到")


def _finite(value: object, name: str) -> Decimal:
    """*value* as a Decimal (see :func:`as_decimal`), refusing a NaN or an infinity here: a
    signalling NaN cannot even be compared, so the later checks could not report it."""
    number = as_decimal(value, name)
    if not number.is_finite():
        raise DefinitionError.single(name, "a finite number", str(number))
    return number


def _points(value: object) -> Decimal:
    return _finite(value, "points")


def _weight(value: object) -> Decimal:
    return _finite(value, "weight")


def _per_occurrence(value: object) -> Decimal:
    return _finite(value, "per_occurrence")


def _max_deduction(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "max_deduction")


def _group_points(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "points")


def _maximum(value: object) -> Decimal | None:
    return None if value is None else _finite(value, "maximum")


def _bonus_cap(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "bonus_cap")


def _weights_total(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "weights_total")


def _listed(value: object, path: str) -> tuple[object, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise DefinitionError.single(path, "a list, not text or a mapping", value)
    return tuple(value)


def _thresholds(value: object) -> tuple[Threshold, ...]:
    listed = _listed(value, "thresholds")
    read = (
        Threshold.parse(item, path=f"thresholds[{index}]") if isinstance(item, str) else item
        for index, item in enumerate(listed)
    )
    return tuple(read)  # type: ignore[arg-type]  # checked by Condition


def _minimum(value: Threshold | str | None) -> Threshold | None:
    """A minimum as a Threshold, or read from the text a rule writes (``"≥90"``, ``"85%以上"``)."""
    return Threshold.parse(value, path="minimum") if isinstance(value, str) else value


def _ratings(value: object) -> tuple[Rating, ...]:
    return _listed(value, "ratings")  # type: ignore[return-value]


def _requires(value: object) -> tuple[Prerequisite, ...]:
    return _listed(value, "requires")  # type: ignore[return-value]


def _items(value: object) -> tuple[Item, ...]:
    return _listed(value, "items")  # type: ignore[return-value]


def _groups(value: object) -> tuple[Group, ...]:
    return _listed(value, "groups")  # type: ignore[return-value]


def _bands(value: object) -> tuple[Band, ...]:
    return _listed(value, "bands")  # type: ignore[return-value]


def _subject_kinds(value: object) -> frozenset[SubjectKind]:
    return frozenset(_listed(value, "subjects"))  # type: ignore[arg-type]


def _applies_to(value: object) -> frozenset[SubjectKind]:
    return frozenset(_listed(value, "applies_to"))  # type: ignore[arg-type]


def _check_number(value: object, path: str, faults: Faults, *, positive: bool = False, low: Decimal = _ZERO) -> bool:
    ok = (
        isinstance(value, Decimal)
        and value.is_finite()
        and (value > low if positive else value >= low)
        and value.copy_abs() < _MAX_NUMBER
        and value.as_tuple().exponent >= -_MAX_PLACES  # type: ignore[operator]
    )
    expected = "a positive number" if positive else f"a number >= {format_number(low)}"
    return faults.check(ok, path, f"{expected} below 10^9 with at most {_MAX_PLACES} decimal places", value)


@attrs.frozen
class Rating:
    """One rating on a graded item's scale (评定等次), e.g. 优 = 10 points."""

    name: str
    points: Decimal = attrs.field(converter=_points)


@attrs.frozen
class Condition:
    """A measured condition (量化条件): what is measured and the thresholds it must meet, all
    of them (a range such as 18 to 45 周岁 is two).

    * ``QUANTITY``: a measured figure in ``unit`` (经营面积50亩以上, 视频不超过2分钟).
    * ``RATIO``: the share of a part in its whole (女性职工占三分之二以上), optionally of
      figures in ``unit``.
    * ``ELAPSED``: the time from the fact's date to the evaluation date, in whole
      ``duration`` units (从业满3年; 近五年内 for a disqualifier).
    * ``NUMBER``: a bare number (考核得分85分以上).
    """

    measure: Measure
    thresholds: tuple[Threshold, ...] = attrs.field(converter=_thresholds)
    unit: Unit | None = None
    duration: DurationUnit | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.measure, Measure), "measure", "a Measure", self.measure):
            faults.raise_if_any(DefinitionError)
        if faults.check(
            1 <= len(self.thresholds) <= _MAX_THRESHOLDS,
            "thresholds",
            f"1 to {_MAX_THRESHOLDS} thresholds",
            len(self.thresholds),
        ):
            for index, threshold in enumerate(self.thresholds):
                if not faults.check(isinstance(threshold, Threshold), f"thresholds[{index}]", "a Threshold", threshold):
                    continue
                faults.check(
                    not threshold.share or self.measure is Measure.RATIO,
                    f"thresholds[{index}]",
                    f"a threshold in the {self.measure.code} condition's own terms (a percentage or a "
                    "fraction is a share, for a condition with measure 'ratio')",
                    str(threshold),
                )
                if self.measure is Measure.ELAPSED and threshold.value is not None:
                    faults.check(
                        threshold.value.denominator == 1 and threshold.value >= 0,
                        f"thresholds[{index}].value",
                        "a whole number of years, months or days",
                        str(threshold.value),
                    )
        if self.measure is Measure.QUANTITY:
            faults.check(isinstance(self.unit, Unit), "unit", "the Unit of the measured figure", self.unit)
        elif self.measure is Measure.RATIO:
            faults.check(self.unit is None or isinstance(self.unit, Unit), "unit", "a Unit or None", self.unit)
        else:
            faults.check(self.unit is None, "unit", f"no unit for a {self.measure.label} condition", self.unit)
        if self.measure is Measure.ELAPSED:
            faults.check(isinstance(self.duration, DurationUnit), "duration", "a DurationUnit", self.duration)
        else:
            faults.check(
                self.duration is None, "duration", f"no duration for a {self.measure.label} condition", self.duration
            )
        faults.raise_if_any(DefinitionError)

    def describe(self) -> str:
        """The condition's thresholds in Chinese: ``不低于2/3``, ``超过50亩``."""
        unit = ""
        if self.unit is not None and self.measure is Measure.QUANTITY:
            unit = self.unit.label
        elif self.duration is not None:
            unit = self.duration.label
        percent = self.measure is Measure.RATIO
        return "且".join(threshold.describe(unit, percent=percent) for threshold in self.thresholds)


@attrs.frozen
class Item:
    """One item of a rule sheet (细则条目 / 评选条件) — see :class:`ItemKind` for what each kind
    does.

    ``group`` names the item's group (empty: the sheet itself). ``condition`` makes a
    statement measured (the fact is then a quantity, a ratio, a date or a number compared with
    its thresholds). ``target`` is the band an override sets or caps (empty: the lowest band,
    as a veto). ``applies_to`` limits the item to kinds of subject (empty: all).

    ``per_occurrence`` counts: a deduction takes it off per problem found (每处扣2分), up to
    ``max_deduction`` (最多扣6分) or the points there are (扣完为止); a scored or bonus item
    with it earns it per occurrence, up to its ``points`` (每参加一次志愿服务加1分，最高5分),
    from a :meth:`~fulian_core.rules.Fact.found` fact.
    """

    code: str
    title: str
    kind: ItemKind = ItemKind.REQUIREMENT
    group: str = ""
    points: Decimal = attrs.field(default=_ZERO, converter=_points)
    weight: Decimal = attrs.field(default=_ONE, converter=_weight)
    ratings: tuple[Rating, ...] = attrs.field(default=(), converter=_ratings)
    per_occurrence: Decimal = attrs.field(default=_ZERO, converter=_per_occurrence)
    max_deduction: Decimal | None = attrs.field(default=None, converter=_max_deduction)
    condition: Condition | None = None
    target: str = ""
    effect: OverrideEffect = OverrideEffect.SET
    applies_to: frozenset[SubjectKind] = attrs.field(default=frozenset(), converter=_applies_to)
    description: str = ""
    title_en: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.title, "title", faults)
        if self.group:
            check_code(self.group, "group", faults, punctuation="_-.")
        for name in ("description", "title_en", "target", "group"):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        if not faults.check(isinstance(self.kind, ItemKind), "kind", "an ItemKind", self.kind):
            faults.raise_if_any(DefinitionError)
        self._check_numbers(faults)
        self._check_shape(faults)
        for kind in self.applies_to:
            faults.check(isinstance(kind, SubjectKind), "applies_to", "SubjectKinds", kind)
        faults.raise_if_any(DefinitionError)

    def _check_numbers(self, faults: Faults) -> None:
        kind = self.kind
        if kind in _EARNING:
            _check_number(self.points, "points", faults, positive=True)
            _check_number(self.weight, "weight", faults, positive=True)
        elif kind is ItemKind.DEDUCTION:
            _check_number(self.points, "points", faults)
            faults.check(self.weight == 1, "weight", f"no weight for a {kind.label}", self.weight)
        else:
            faults.check(self.points == 0, "points", f"no points for a {kind.label}", self.points)
            faults.check(self.weight == 1, "weight", f"no weight for a {kind.label}", self.weight)
        if kind is ItemKind.DEDUCTION:
            _check_number(self.per_occurrence, "per_occurrence", faults, positive=True)
            cap = self.max_deduction
            if cap is not None and _check_number(cap, "max_deduction", faults, positive=True) and self.points > 0:
                faults.check(
                    cap <= self.points,
                    "max_deduction",
                    f"a cap at most the item's {format_number(self.points)} points",
                    cap,
                )
        elif kind in _EARNING and self.per_occurrence:
            faults.check(
                self.weight == 1,
                "weight",
                "no weight for an item that counts occurrences (state the points per occurrence it earns)",
                self.weight,
            )
            if _check_number(self.per_occurrence, "per_occurrence", faults, positive=True):
                faults.check(
                    self.per_occurrence <= self.points,
                    "per_occurrence",
                    f"points per occurrence at most the item's {format_number(self.points)} points",
                    self.per_occurrence,
                )
            counted = "an item that counts occurrences"
            faults.check(not self.ratings, "ratings", f"no ratings for {counted}", [r.name for r in self.ratings])
            condition = self.condition.describe() if isinstance(self.condition, Condition) else self.condition
            faults.check(self.condition is None, "condition", f"no condition for {counted}", condition)
        else:
            faults.check(
                self.per_occurrence == 0,
                "per_occurrence",
                f"no points per occurrence for a {kind.label}",
                self.per_occurrence,
            )
        if kind is not ItemKind.DEDUCTION:
            faults.check(
                self.max_deduction is None, "max_deduction", f"no deduction cap for a {kind.label}", self.max_deduction
            )

    def _check_shape(self, faults: Faults) -> None:
        kind = self.kind
        if kind in _EARNING and self.ratings:
            if faults.check(
                len(self.ratings) <= _MAX_RATINGS, "ratings", f"at most {_MAX_RATINGS} ratings", len(self.ratings)
            ):
                names: set[str] = set()
                for index, rating in enumerate(self.ratings):
                    path = f"ratings[{index}]"
                    if not faults.check(isinstance(rating, Rating), path, "a Rating", rating):
                        continue
                    check_text(rating.name, f"{path}.name", faults)
                    faults.check(rating.name not in names, f"{path}.name", "a rating name not used before", rating.name)
                    names.add(rating.name)
                    if _check_number(rating.points, f"{path}.points", faults) and isinstance(self.points, Decimal):
                        faults.check(
                            rating.points <= self.points,
                            f"{path}.points",
                            f"at most the item's {format_number(self.points)} points",
                            rating.points,
                        )
        elif kind not in _EARNING:
            faults.check(not self.ratings, "ratings", f"no ratings for a {kind.label}", list(self.ratings))
        if self.condition is not None:
            faults.check(isinstance(self.condition, Condition), "condition", "a Condition or None", self.condition)
            faults.check(
                kind is not ItemKind.DEDUCTION, "condition", f"no condition for a {kind.label}", self.condition
            )
        if kind is ItemKind.OVERRIDE:
            if self.target:
                check_code(self.target, "target", faults, punctuation="_-.")
            faults.check(isinstance(self.effect, OverrideEffect), "effect", "an OverrideEffect", self.effect)
        else:
            faults.check(self.target == "", "target", f"no target band for a {kind.label}", self.target)
            faults.check(self.effect is OverrideEffect.SET, "effect", f"no effect for a {kind.label}", self.effect)

    # -- reading -----------------------------------------------------------------------------

    @property
    def maximum(self) -> Decimal:
        """The most the item adds: points × weight for scored and bonus items, its own points
        for a deduction item, nothing otherwise."""
        if self.kind in _EARNING:
            return _WIDE.multiply(self.points, self.weight)
        return self.points if self.kind is ItemKind.DEDUCTION else _ZERO

    @property
    def is_pool_deduction(self) -> bool:
        """A deduction item without points of its own: it deducts from its group's pool."""
        return self.kind is ItemKind.DEDUCTION and self.points == 0

    def rating(self, name: str) -> Rating | None:
        """The rating with *name*, if the item has one."""
        return next((rating for rating in self.ratings if rating.name == name), None)

    def applies(self, kind: SubjectKind) -> bool:
        """Whether the item judges this kind of subject."""
        return not self.applies_to or kind in self.applies_to


@attrs.frozen
class Group:
    """A group of items (评分维度/分类), e.g. 洁化 or 庭院整洁, inside ``parent`` (empty: the
    sheet itself).

    With ``points`` the group is a pool (本项N分，扣完为止): its subtotal never leaves 0 to
    ``points``, and deduction items without points of their own take from what its items do
    not claim. Without, its maximum is what its items and subgroups add up to.
    """

    code: str
    title: str
    parent: str = ""
    points: Decimal | None = attrs.field(default=None, converter=_group_points)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.title, "title", faults)
        if self.parent:
            check_code(self.parent, "parent", faults, punctuation="_-.")
        faults.check(isinstance(self.parent, str), "parent", "text", self.parent)
        if self.points is not None:
            _check_number(self.points, "points", faults, positive=True)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Prerequisite:
    """A condition a band needs beyond its score: an item met in full (``ITEM_MET``), a group
    at full marks, nothing lost in it (``FULL_MARKS``: 厨房得满分), or a group's subtotal reaching
    ``minimum`` (``GROUP_MINIMUM``) — in points, or as a share of what the group can give
    (``≥60%``: 该项得分率不低于60%)."""

    kind: PrerequisiteKind
    target: str
    minimum: Threshold | None = attrs.field(default=None, converter=_minimum)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if faults.check(isinstance(self.kind, PrerequisiteKind), "kind", "a PrerequisiteKind", self.kind):
            if self.kind is PrerequisiteKind.GROUP_MINIMUM:
                faults.check(
                    isinstance(self.minimum, Threshold) and self.minimum.side is Side.ABOVE,
                    "minimum",
                    "a Threshold the subtotal must reach (side 'above')",
                    self.minimum,
                )
            else:
                faults.check(self.minimum is None, "minimum", f"no minimum for {self.kind.code}", self.minimum)
        check_code(self.target, "target", faults, punctuation="_-.")
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Band:
    """A named band of results (等级), e.g. 精品户, 优秀, A级, 五星, 符合评选条件.

    ``minimum`` is the score it needs (with its boundary stated, or not, or not published):
    points (``≥90``), or a share of the maximum that applies (``≥90%``, 得分率 — with not
    applicable items excluded, of what is left);
    ``requires`` its prerequisites; ``passing`` whether reaching it counts as passing (符合
    条件) — every band below a non-passing band is non-passing too. The last band of a sheet
    has no conditions: it is where everyone else lands (未达标, 不合格, D级).
    """

    code: str
    label: str
    minimum: Threshold | None = attrs.field(default=None, converter=_minimum)
    requires: tuple[Prerequisite, ...] = attrs.field(default=(), converter=_requires)
    passing: bool = True

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.label, "label", faults)
        if self.minimum is not None:
            faults.check(
                isinstance(self.minimum, Threshold) and self.minimum.side is Side.ABOVE,
                "minimum",
                "a Threshold the score must reach (side 'above')",
                self.minimum,
            )
        if faults.check(
            len(self.requires) <= _MAX_REQUIRES,
            "requires",
            f"at most {_MAX_REQUIRES} prerequisites",
            f"{len(self.requires)} prerequisites",
        ):
            for index, prerequisite in enumerate(self.requires):
                faults.check(
                    isinstance(prerequisite, Prerequisite), f"requires[{index}]", "a Prerequisite", prerequisite
                )
        faults.check(isinstance(self.passing, bool), "passing", "true or false", self.passing)
        faults.raise_if_any(DefinitionError)

    @property
    def is_floor(self) -> bool:
        """Whether the band has no conditions (the lowest band of a sheet)."""
        return self.minimum is None and not self.requires

    @classmethod
    def eligible(cls, minimum: Threshold | None = None) -> Band:
        """符合评选条件 (code ``eligible``), optionally with a pass mark."""
        return cls("eligible", "符合评选条件", minimum)

    @classmethod
    def not_eligible(cls) -> Band:
        """不符合评选条件 (code ``not_eligible``): the floor of an eligibility sheet."""
        return cls("not_eligible", "不符合评选条件", passing=False)


ELIGIBILITY: Final = (Band.eligible(), Band.not_eligible())
"""The bands of a sheet that only decides eligibility (符合/不符合评选条件), without a pass mark."""


@attrs.frozen
class SheetRef:
    """The identity of one sheet version (细则版本): issuer, code, version."""

    issuer: str
    code: str
    version: str

    def __str__(self) -> str:
        return f"{self.issuer}/{self.code}@{self.version}"


def _date_ok(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


class _Inherit:
    def __repr__(self) -> str:
        return "inherit"


_INHERIT: Final = _Inherit()
_T = TypeVar("_T")


def _keep(value: _T | _Inherit, current: _T) -> _T:
    """*value*, or *current* when the caller left it to be inherited."""
    return current if isinstance(value, _Inherit) else value


@attrs.frozen(cache_hash=True)
class RuleSheet:
    """A versioned rule sheet issued by one unit (评分细则 / 评选标准), in force from
    ``effective_from`` to ``effective_until`` (inclusive; ``None``: until replaced).

    ``items`` in ``groups``; ``bands`` best first, the last without conditions; ``subjects``
    the kinds of subject it judges. ``maximum`` (满分) is what the items, groups and pools add
    up to (``None``: whatever they add up to); ``bonus_cap`` caps the bonus (``None``: the
    bonus items' own points). ``missing`` and ``not_applicable`` say what an item without a
    fact and an item that does not apply do; ``places`` the decimals a scaled score keeps.
    ``weights_total`` (when given) is what the scored items' weights add up to. ``source``
    names the document, ``based_on`` the version this one adapts.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "effective_until, when given, is on or after effective_from",
        "each item, group and band code is used once",
        "an item's group, and a group's parent, name a group of the sheet; no group leads back to itself",
        "a group's points are at least those of its items (or a pool its deduction items draw on)",
        "the points of the items, groups and pools add up to maximum, when it is given",
        "the scored items' weights add up to weights_total, when it is given",
        "bands run best first, each minimum below the better band's; the last band has no conditions",
        "a band that passes is never below one that does not",
        "each kind of item carries what it needs: points, a weight, ratings, a target band or an effect",
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    issuer: str
    code: str
    version: str
    title: str
    effective_from: dt.date
    items: tuple[Item, ...] = attrs.field(
        converter=_items, metadata={"json_schema": {"minItems": 1, "maxItems": MAX_ITEMS}}
    )
    groups: tuple[Group, ...] = attrs.field(
        default=(), converter=_groups, metadata={"json_schema": {"maxItems": _MAX_GROUPS}}
    )
    bands: tuple[Band, ...] = attrs.field(
        default=ELIGIBILITY, converter=_bands, metadata={"json_schema": {"minItems": 1, "maxItems": _MAX_BANDS}}
    )
    subjects: frozenset[SubjectKind] = attrs.field(default=frozenset({SubjectKind.FAMILY}), converter=_subject_kinds)
    maximum: Decimal | None = attrs.field(default=None, converter=_maximum)
    bonus_cap: Decimal | None = attrs.field(default=None, converter=_bonus_cap)
    missing: MissingPolicy = MissingPolicy.UNKNOWN
    not_applicable: NotApplicablePolicy = NotApplicablePolicy.EXCLUDE
    places: int = 2
    weights_total: Decimal | None = attrs.field(default=None, converter=_weights_total)
    effective_until: dt.date | None = None
    source: str = ""
    based_on: SheetRef | None = None

    def __attrs_post_init__(self) -> None:
        from fulian_core.rules._checks import check_sheet  # noqa: PLC0415 - the checks read this module's types

        faults = Faults()
        with decimal.localcontext(_WIDE):  # sums and comparisons exact, whatever the caller set
            check_sheet(self, faults)
        faults.raise_if_any(DefinitionError)

    # -- reading -----------------------------------------------------------------------------

    @property
    def ref(self) -> SheetRef:
        """The identity of this version."""
        return SheetRef(self.issuer, self.code, self.version)

    @property
    def codes(self) -> tuple[str, ...]:
        """The item codes, in order."""
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> Item:
        """The item with *code*."""
        for item in self.items:
            if item.code == code:
                return item
        raise ValidationError.single("code", f"an item of {self.ref} ({', '.join(self.codes)})", code)

    def group(self, code: str) -> Group:
        """The group with *code*."""
        for group in self.groups:
            if group.code == code:
                return group
        raise ValidationError.single("code", f"a group of {self.ref}", code)

    def band(self, code: str) -> Band:
        """The band with *code* (an empty code: the lowest band)."""
        if not code:
            return self.bands[-1]
        for band in self.bands:
            if band.code == code:
                return band
        raise ValidationError.single("code", f"a band of {self.ref} ({', '.join(b.code for b in self.bands)})", code)

    def of_kind(self, kind: ItemKind) -> tuple[Item, ...]:
        """The items of one kind, in order."""
        return tuple(item for item in self.items if item.kind is kind)

    @property
    def full_marks(self) -> Decimal:
        """The maximum (满分) before any bonus: the declared one, or what the items and pools
        add up to."""
        if self.maximum is not None:
            return self.maximum
        from fulian_core.rules._checks import natural_maximum  # noqa: PLC0415

        with decimal.localcontext(_WIDE):
            return natural_maximum(self)

    @property
    def bonus_ceiling(self) -> Decimal:
        """The most the bonus can add: the cap, or the bonus items' points when uncapped."""
        room = _ZERO
        for item in self.of_kind(ItemKind.BONUS):
            room = _WIDE.add(room, item.maximum)
        return room if self.bonus_cap is None else min(room, self.bonus_cap)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the sheet is in force on *day*."""
        if type(day) is not dt.date:
            check_day(day, "day")
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def overlaps(self, other: RuleSheet) -> bool:
        """Whether the two sheets' effective ranges share a day."""
        check_type(other, RuleSheet, "other")
        latest_start = max(self.effective_from, other.effective_from)
        ends = [end for end in (self.effective_until, other.effective_until) if end is not None]
        return not ends or latest_start <= min(ends)

    def check_in_force(self, day: object, *, path: str = "on") -> dt.date:
        """*day* if the sheet is in force on it; otherwise a :class:`ValidationError`."""
        if not _date_ok(day):
            raise ValidationError.single(path, "a date", day)
        assert isinstance(day, dt.date)  # noqa: S101 - narrowed by _date_ok
        if not self.in_force_on(day):
            until = self.effective_until.isoformat() if self.effective_until else "…"
            raise ValidationError.single(
                path,
                f"a date when {self.ref} is in force ({self.effective_from.isoformat()} to {until})",
                day.isoformat(),
            )
        return day

    # -- adaptation --------------------------------------------------------------------------

    def adapt(
        self,
        *,
        issuer: str,
        version: str,
        effective_from: dt.date,
        effective_until: dt.date | None = None,
        add: Iterable[Item] = (),
        replace: Iterable[Item] = (),
        drop: Iterable[str] = (),
        title: str | _Inherit = _INHERIT,
        groups: Iterable[Group] | _Inherit = _INHERIT,
        bands: Iterable[Band] | _Inherit = _INHERIT,
        maximum: Decimal | int | str | _Inherit | None = _INHERIT,
        bonus_cap: Decimal | int | str | _Inherit | None = _INHERIT,
        missing: MissingPolicy | _Inherit = _INHERIT,
        not_applicable: NotApplicablePolicy | _Inherit = _INHERIT,
        weights_total: Decimal | int | str | _Inherit | None = _INHERIT,
        source: str = "",
    ) -> RuleSheet:
        """A local version of this sheet (结合本地实际): drop, then replace, then add items by
        code; every other setting is inherited unless given. Dropping or replacing a code the
        sheet does not have, or adding one it has, is refused with every fault named; this
        sheet is unchanged either way. Added items go before the overrides (added overrides
        after them)."""
        items = list(self.items)
        codes = [item.code for item in items]
        faults = Faults()
        for index, code in enumerate(_listed(drop, "drop")):
            if not isinstance(code, str) or code not in codes:
                faults.add(f"drop[{index}]", f"a code of {self.ref} ({', '.join(self.codes)})", code)
                continue
            position = codes.index(code)
            del items[position]
            del codes[position]
        for index, item in enumerate(_listed(replace, "replace")):
            if not isinstance(item, Item):
                faults.add(f"replace[{index}]", "an Item", item)
                continue
            if faults.check(
                item.code in codes, f"replace[{index}].code", f"a code of {self.ref} still present", item.code
            ):
                items[codes.index(item.code)] = item
        for index, item in enumerate(_listed(add, "add")):
            if not isinstance(item, Item):
                faults.add(f"add[{index}]", "an Item", item)
                continue
            if faults.check(item.code not in codes, f"add[{index}].code", "a code not already in the sheet", item.code):
                overrides = [i for i, existing in enumerate(items) if existing.kind is ItemKind.OVERRIDE]
                at = len(items) if item.kind is ItemKind.OVERRIDE or not overrides else overrides[0]
                items.insert(at, item)
                codes.insert(at, item.code)
        faults.raise_if_any(DefinitionError)

        return RuleSheet(
            issuer=issuer,
            code=self.code,
            version=version,
            title=_keep(title, self.title),
            effective_from=effective_from,
            effective_until=effective_until,
            items=tuple(items),
            groups=_keep(groups, self.groups),
            bands=_keep(bands, self.bands),
            subjects=self.subjects,
            maximum=_keep(maximum, self.maximum),
            bonus_cap=_keep(bonus_cap, self.bonus_cap),
            missing=_keep(missing, self.missing),
            not_applicable=_keep(not_applicable, self.not_applicable),
            places=self.places,
            weights_total=_keep(weights_total, self.weights_total),
            source=source or self.source,
            based_on=self.ref,
        )
