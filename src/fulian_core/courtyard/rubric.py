"""Courtyard rubrics (量化评分细则): dimensions, items with a scoring mode, tiers, as data.

A :class:`Rubric` is a versioned value; :func:`fulian_core.courtyard.compile_rubric` turns it
into a flat plan once, and every inspection is scored against the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import attrs

from fulian_core._definitions import as_decimal, check_code, check_text
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError

__all__ = [
    "MAX_ITEMS",
    "Dimension",
    "FeaturedCategory",
    "ItemLevel",
    "ItemMode",
    "MissingPolicy",
    "Prerequisite",
    "PrerequisiteKind",
    "Rubric",
    "RubricItem",
    "Tier",
    "TierRule",
]

_ZERO = Decimal(0)

MAX_ITEMS = 500
"""The most items a rubric may hold: real rubrics have 10 to 60; a bound keeps hostile data
from making every score a long loop."""


def _points(value: object) -> Decimal:
    return as_decimal(value, "points")


def _per_defect(value: object) -> Decimal:
    return as_decimal(value, "per_defect")


def _optional_cap(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "max_deduction")


def _maximum(value: object) -> Decimal:
    return as_decimal(value, "maximum")


def _bonus_cap(value: object) -> Decimal:
    return as_decimal(value, "bonus_cap")


def _min_score(value: object) -> Decimal:
    return as_decimal(value, "min_score")


def _value(value: object) -> Decimal:
    return as_decimal(value, "value")


class ItemMode(CodedEnum):
    """How an item is scored (评分方式)."""

    CHECKLIST = ("checklist", "达标项")
    DEDUCTION = ("deduction", "扣分项")
    GRADED = ("graded", "分级项")
    BONUS = ("bonus", "加分项")
    VETO = ("veto", "一票否决项")


class Tier(CodedEnum):
    """The tier a household reaches (创建等级), best first; ``NONE`` is 未达标."""

    BOUTIQUE = ("boutique", "精品户")
    DEMONSTRATION = ("demonstration", "示范户")
    CLEAN = ("clean", "清洁户")
    NONE = ("none", "未达标")

    @property
    def rank(self) -> int:
        """3 for 精品户 down to 0 for 未达标: a higher rank is a better tier."""
        return 3 - self.ordinal


class MissingPolicy(CodedEnum):
    """What a missing observation means (漏项处理)."""

    ERROR = ("error", "漏项视为错误")
    PROVISIONAL = ("provisional", "漏项得分为零，结果暂定")


class PrerequisiteKind(CodedEnum):
    """A condition a tier needs beyond its score (等级附加条件)."""

    NO_DEFECT_IN_DIMENSION = ("no_defect_in_dimension", "该维度无扣分")
    ITEM_MET = ("item_met", "该项达标")
    MIN_DIMENSION_SCORE = ("min_dimension_score", "该维度得分不低于")


@attrs.frozen
class ItemLevel:
    """A named level of a graded item (评分等级), e.g. 好 = 10 points."""

    name: str
    points: Decimal = attrs.field(converter=_points)


@attrs.frozen
class Dimension:
    """A group of items (评分维度), e.g. 洁化 or 厨房."""

    code: str
    title: str


@attrs.frozen
class FeaturedCategory:
    """A category of featured courtyard (特色庭院类别), e.g. 墨韵书香 or 海草庭院."""

    code: str
    title: str


def _levels(value: Iterable[ItemLevel]) -> tuple[ItemLevel, ...]:
    return tuple(value)


@attrs.frozen
class RubricItem:
    """One item of a rubric (评分细则条目) with one scoring mode.

    * ``CHECKLIST``: ``points`` when met, zero otherwise.
    * ``DEDUCTION``: ``per_defect`` off ``points`` for every defect found (每处扣N分), never below
      ``points - max_deduction`` (扣完为止: by default the item floors at zero).
    * ``GRADED``: the observed level's points.
    * ``BONUS``: up to ``points`` extra; the rubric caps the bonus total.
    * ``VETO``: no points; if hit, the household gets no tier whatever its score.
    """

    code: str
    title: str
    dimension: str
    mode: ItemMode
    points: Decimal = attrs.field(default=_ZERO, converter=_points)
    per_defect: Decimal = attrs.field(default=_ZERO, converter=_per_defect)
    max_deduction: Decimal | None = attrs.field(default=None, converter=_optional_cap)
    levels: tuple[ItemLevel, ...] = attrs.field(default=(), converter=_levels)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        check_code(self.dimension, "dimension", faults)
        if not faults.check(isinstance(self.mode, ItemMode), "mode", "an ItemMode", self.mode):
            faults.raise_if_any(DefinitionError)
        mode = self.mode
        if mode is ItemMode.VETO:
            faults.check(self.points == 0, "points", "no points for a veto item", self.points)
        else:
            faults.check(
                self.points.is_finite() and self.points > 0, "points", "a positive number of points", self.points
            )
        if mode is ItemMode.DEDUCTION:
            faults.check(
                self.per_defect.is_finite() and self.per_defect > 0,
                "per_defect",
                "a positive deduction per defect",
                self.per_defect,
            )
            cap = self.max_deduction
            if cap is not None:
                ok = cap.is_finite() and 0 < cap <= self.points
                faults.check(ok, "max_deduction", f"a positive cap at most the item's {self.points} points", cap)
        else:
            faults.check(
                self.per_defect == 0, "per_defect", f"no per-defect deduction for a {mode.label}", self.per_defect
            )
            faults.check(
                self.max_deduction is None, "max_deduction", f"no deduction cap for a {mode.label}", self.max_deduction
            )
        if mode is ItemMode.GRADED:
            if faults.check(bool(self.levels), "levels", "at least one level for a graded item", []):
                names: set[str] = set()
                for index, level in enumerate(self.levels):
                    path = f"levels[{index}]"
                    if not faults.check(isinstance(level, ItemLevel), path, "a ItemLevel", level):
                        continue
                    check_text(level.name, f"{path}.name", faults)
                    faults.check(level.name not in names, f"{path}.name", "a level name not used before", level.name)
                    names.add(level.name)
                    ok = level.points.is_finite() and 0 <= level.points <= self.points
                    faults.check(ok, f"{path}.points", f"points from 0 to the item's {self.points}", level.points)
        else:
            faults.check(not self.levels, "levels", f"no levels for a {mode.label}", list(self.levels))
        faults.raise_if_any(DefinitionError)

    @property
    def counts_to_maximum(self) -> bool:
        """Whether the item's points count towards the rubric's maximum (not bonus, not veto)."""
        return self.mode in (ItemMode.CHECKLIST, ItemMode.DEDUCTION, ItemMode.GRADED)

    def level(self, name: str) -> ItemLevel | None:
        """The level with *name*, if the item has one."""
        return next((level for level in self.levels if level.name == name), None)


@attrs.frozen
class Prerequisite:
    """A condition a tier needs beyond its score: no defect in a dimension (e.g. 精品户 needs a
    spotless kitchen), an item met, or a dimension's subtotal of at least ``value``."""

    kind: PrerequisiteKind
    target: str
    value: Decimal = attrs.field(default=_ZERO, converter=_value)

    def describe(self) -> str:
        """The condition in Chinese, naming the target by its code."""
        if self.kind is PrerequisiteKind.MIN_DIMENSION_SCORE:
            return f"{self.target}得分不低于{format(self.value.normalize(), 'f')}"
        return f"{self.target}{self.kind.label}"


def _prerequisites(value: Iterable[Prerequisite]) -> tuple[Prerequisite, ...]:
    return tuple(value)


@attrs.frozen
class TierRule:
    """The score a tier needs and its prerequisites (等级标准)."""

    tier: Tier
    min_score: Decimal = attrs.field(converter=_min_score)
    prerequisites: tuple[Prerequisite, ...] = attrs.field(default=(), converter=_prerequisites)


def _items(value: Iterable[RubricItem]) -> tuple[RubricItem, ...]:
    return tuple(value)


def _dimensions(value: Iterable[Dimension]) -> tuple[Dimension, ...]:
    return tuple(value)


def _tiers(value: Iterable[TierRule]) -> tuple[TierRule, ...]:
    return tuple(value)


def _categories(value: Iterable[FeaturedCategory]) -> tuple[FeaturedCategory, ...]:
    return tuple(value)


@attrs.frozen
class Rubric:
    """A quantitative scoring rubric (量化评分细则), versioned with effective dates.

    The points of the checklist, deduction and graded items add up to ``maximum`` (usually
    100); bonus items add at most ``bonus_cap`` on top. ``tiers`` give each tier's minimum
    score, best tier first, thresholds strictly falling. ``missing`` says whether a missing
    observation is an error or makes the card provisional; ``scale_not_applicable`` whether
    the total is scaled back to the maximum when items do not apply (不适用项不计分，按实际
    得分折算).
    """

    code: str
    title: str
    version: str
    effective_from: dt.date
    dimensions: tuple[Dimension, ...] = attrs.field(converter=_dimensions)
    items: tuple[RubricItem, ...] = attrs.field(converter=_items)
    tiers: tuple[TierRule, ...] = attrs.field(converter=_tiers)
    maximum: Decimal = attrs.field(default=Decimal(100), converter=_maximum)
    bonus_cap: Decimal = attrs.field(default=_ZERO, converter=_bonus_cap)
    missing: MissingPolicy = MissingPolicy.ERROR
    scale_not_applicable: bool = True
    effective_until: dt.date | None = None
    categories: tuple[FeaturedCategory, ...] = attrs.field(default=(), converter=_categories)
    source: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        check_text(self.version, "version", faults)
        if not faults.check(len(self.items) <= MAX_ITEMS, "items", f"at most {MAX_ITEMS} items", len(self.items)):
            faults.raise_if_any(DefinitionError)
        start, end = self.effective_from, self.effective_until
        faults.check(
            isinstance(start, dt.date) and not isinstance(start, dt.datetime), "effective_from", "a date", start
        )
        if end is not None and isinstance(start, dt.date):
            faults.check(
                isinstance(end, dt.date) and end >= start, "effective_until", f"a date on or after {start}", end
            )
        dimension_codes = _unique([d.code for d in self.dimensions], "dimensions", faults)
        faults.check(bool(self.dimensions), "dimensions", "at least one dimension", [])
        item_codes = _unique([i.code for i in self.items], "items", faults)
        if faults.check(bool(self.items), "items", "at least one item", []):
            for index, item in enumerate(self.items):
                faults.check(
                    item.dimension in dimension_codes,
                    f"items[{index}].dimension",
                    f"one of {', '.join(dimension_codes)}",
                    item.dimension,
                )
        faults.check(self.maximum.is_finite() and self.maximum > 0, "maximum", "a positive maximum", self.maximum)
        total = sum((item.points for item in self.items if item.counts_to_maximum), _ZERO)
        faults.check(total == self.maximum, "items", f"points adding up to the maximum {self.maximum}", f"{total}")
        has_bonus = any(item.mode is ItemMode.BONUS for item in self.items)
        cap_ok = self.bonus_cap.is_finite() and self.bonus_cap >= 0 and (self.bonus_cap > 0 or not has_bonus)
        faults.check(cap_ok, "bonus_cap", "a cap >= 0, positive when there are bonus items", self.bonus_cap)
        self._check_tiers(faults, dimension_codes, item_codes)
        _unique([c.code for c in self.categories], "categories", faults)
        faults.check(isinstance(self.missing, MissingPolicy), "missing", "a MissingPolicy", self.missing)
        faults.raise_if_any(DefinitionError)

    def _check_tiers(self, faults: Faults, dimensions: list[str], items: list[str]) -> None:
        if not faults.check(bool(self.tiers), "tiers", "at least one tier rule", []):
            return
        previous: Decimal | None = None
        seen: set[Tier] = set()
        for index, rule in enumerate(self.tiers):
            path = f"tiers[{index}]"
            if not faults.check(
                isinstance(rule, TierRule) and rule.tier is not Tier.NONE,
                path,
                "a rule for 精品户, 示范户 or 清洁户",
                rule,
            ):
                continue
            faults.check(rule.tier not in seen, f"{path}.tier", "a tier not ruled before", rule.tier.code)
            seen.add(rule.tier)
            within = rule.min_score.is_finite() and 0 <= rule.min_score <= self.maximum + self.bonus_cap
            faults.check(
                within, f"{path}.min_score", f"a score from 0 to {self.maximum + self.bonus_cap}", rule.min_score
            )
            if previous is not None:
                faults.check(
                    rule.min_score < previous,
                    f"{path}.min_score",
                    f"a threshold below the better tier's {previous}",
                    rule.min_score,
                )
            previous = rule.min_score
            for p_index, prerequisite in enumerate(rule.prerequisites):
                p_path = f"{path}.prerequisites[{p_index}].target"
                known = items if prerequisite.kind is PrerequisiteKind.ITEM_MET else dimensions
                faults.check(prerequisite.target in known, p_path, "a code of the rubric", prerequisite.target)
        ranks = [rule.tier.rank for rule in self.tiers if isinstance(rule, TierRule)]
        faults.check(
            ranks == sorted(ranks, reverse=True),
            "tiers",
            "the best tier first (精品户, 示范户, 清洁户)",
            [r.tier.code for r in self.tiers if isinstance(r, TierRule)],
        )

    @property
    def ref(self) -> str:
        """The rubric's identity, ``code@version``."""
        return f"{self.code}@{self.version}"

    def item(self, code: str) -> RubricItem:
        """The item with *code*."""
        for item in self.items:
            if item.code == code:
                return item
        raise ValidationError.single("code", f"an item of {self.ref}", code)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the rubric is in force on *day*."""
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    @property
    def ceiling(self) -> Decimal:
        """The most a card can show: the maximum plus the bonus cap."""
        return self.maximum + self.bonus_cap


def _unique(codes: list[str], path: str, faults: Faults) -> list[str]:
    seen: list[str] = []
    for index, code in enumerate(codes):
        faults.check(code not in seen, f"{path}[{index}].code", "a code not used before", code)
        seen.append(code)
    return seen
