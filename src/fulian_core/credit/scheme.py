"""Credit schemes (信用积分和信用评价管理办法) as data: items, validity, caps and grades.

A :class:`CreditScheme` is what a county or district publishes: a starting score (百分制,
千分制), items that add or deduct points (:class:`CreditItem`) or set the grade directly
(直接评定), the validity period of each kind and size of entry (:class:`ValidityRule`),
caps per period, tiered items, the limits within which a village may add local items, and
grade bands (AAA … D). The bands and the direct grades are rules of the one rule language
(:class:`~fulian_core.rules.Band`, :class:`~fulian_core.rules.Threshold`,
:class:`~fulian_core.rules.ItemKind`): a score is graded by a compiled
:class:`~fulian_core.rules.RuleSheet`. What this module adds is time.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from fulian_core._definitions import as_decimal, check_code, check_text, listed, listed_set
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import format_number
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.orgs import Level
from fulian_core.periods import Period, PeriodKind
from fulian_core.rules.facts import SubjectKind
from fulian_core.rules.plan import SheetPlan, compile_sheet
from fulian_core.rules.sheet import Band, DurationUnit, Item, ItemKind, OverrideEffect, RuleSheet
from fulian_core.rules.thresholds import Boundary, Side, Threshold

__all__ = [
    "MAX_POINTS",
    "CreditItem",
    "CreditScheme",
    "LocalLimits",
    "PointsUnit",
    "Step",
    "Term",
    "ValidityRule",
]

MAX_POINTS: Final = Decimal(1_000_000)
"""The bound of every number of points in a scheme (a starting score, an item's points, a cap):
real schemes use 100 or 1,000 points; the bound keeps sums exact and small."""
_PLACES: Final = 2
_MAX_ITEMS: Final = 500
_MAX_STEPS: Final = 20
_MAX_RULES: Final = 50
_MAX_TERM: Final = {DurationUnit.YEAR: 100, DurationUnit.MONTH: 1200, DurationUnit.DAY: 36_600}
_CAP_PERIODS: Final = frozenset({PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH})
_SCHEME_KINDS: Final = frozenset({ItemKind.BONUS, ItemKind.DEDUCTION, ItemKind.OVERRIDE})
_T = TypeVar("_T")


class PointsUnit(CodedEnum):
    """What an item's points are counted per (计分单位).

    * ``CASE``: per case (每件/每起), whatever its size.
    * ``OCCURRENCE``: per occurrence (每次), times the event's ``count``.
    * ``MEMBER``: per family member per ``period`` (每人每季度), times the event's ``members``.
    * ``STEP``: by the highest of the item's :class:`Step` s the event's ``quantity`` reaches
      (志愿服务时长 20/50/100 小时以上).
    """

    CASE = ("case", "每件")
    OCCURRENCE = ("occurrence", "每次")
    MEMBER = ("member", "每人每期")
    STEP = ("step", "按达到的最高档")


def _points(value: object) -> Decimal:
    return as_decimal(value, "points")


def _optional_points(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "cap")


def _check_points(value: object, path: str, faults: Faults, *, positive: bool = True) -> bool:
    """A number of points within the scheme's bound, with at most two decimal places."""
    ok = (
        isinstance(value, Decimal)
        and value.is_finite()
        and (value > 0 if positive else value >= 0)
        and value < MAX_POINTS
        and value.as_tuple().exponent >= -_PLACES  # type: ignore[operator]
    )
    low = "above 0" if positive else "of at least 0"
    return faults.check(ok, path, f"points {low}, below {MAX_POINTS:,} with at most {_PLACES} decimals", value)


def _threshold(value: Threshold | str) -> Threshold:
    """A threshold, or read from the text a scheme writes (``"50以上（含）"`` → ``≥50``)."""
    return Threshold.parse(value, path="minimum") if isinstance(value, str) else value


@attrs.frozen
class Term:
    """A validity period (有效期): so many years, months or days from a start date."""

    count: int
    unit: DurationUnit = DurationUnit.YEAR

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if faults.check(isinstance(self.unit, DurationUnit), "unit", "a DurationUnit", self.unit):
            most = _MAX_TERM[self.unit]
            faults.check(
                isinstance(self.count, int) and not isinstance(self.count, bool) and 1 <= self.count <= most,
                "count",
                f"a whole number from 1 to {most}",
                self.count,
            )
        faults.raise_if_any(DefinitionError)

    @classmethod
    def years(cls, count: int) -> Term:
        """So many years (年)."""
        return cls(count, DurationUnit.YEAR)

    @classmethod
    def months(cls, count: int) -> Term:
        """So many months (个月)."""
        return cls(count, DurationUnit.MONTH)

    @classmethod
    def days(cls, count: int) -> Term:
        """So many days (天)."""
        return cls(count, DurationUnit.DAY)

    def last_day(self, start: dt.date) -> dt.date:
        """The last day of the term that starts on *start* (有效至): a year from 2025-06-02 runs
        to 2026-06-01. A term that would run past the last day the calendar holds (9999-12-31)
        ends on that day: it never expires within the calendar."""
        if not _is_date(start):
            raise ValidationError.single("start", "a date", start)
        try:
            if self.unit is DurationUnit.DAY:
                return start + dt.timedelta(days=self.count - 1)
            months = self.count * 12 if self.unit is DurationUnit.YEAR else self.count
            return start + relativedelta(months=months) - dt.timedelta(days=1)
        except (OverflowError, ValueError):  # past year 9999 (relativedelta raises ValueError)
            return dt.date.max

    def __str__(self) -> str:
        return f"{self.count}{self.unit.label}"


@attrs.frozen
class Step:
    """One step of a tiered item (分档): the quantity it needs and the points it earns or
    deducts (志愿服务50小时以上 加5分)."""

    minimum: Threshold = attrs.field(converter=_threshold)
    points: Decimal = attrs.field(converter=_points)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(
            isinstance(self.minimum, Threshold) and self.minimum.side is Side.ABOVE and self.minimum.published,
            "minimum",
            "a published Threshold the quantity must reach (side 'above')",
            self.minimum,
        )
        _check_points(self.points, "points", faults)
        faults.raise_if_any(DefinitionError)


def _kinds(value: Iterable[ItemKind]) -> frozenset[ItemKind]:
    return listed_set(value, "kinds", "a list of item kinds")


def _levels(value: Iterable[Level]) -> frozenset[Level]:
    return listed_set(value, "levels", "a list of levels")


def _sizes(value: Iterable[Threshold | str]) -> tuple[Threshold, ...]:
    return tuple(
        Threshold.parse(item, path=f"sizes[{index}]") if isinstance(item, str) else item
        for index, item in enumerate(listed(value, "sizes", "a list of thresholds"))
    )


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return listed(value, "steps", "a list of steps")


@attrs.frozen
class ValidityRule:
    """How long entries of one kind and size stay valid (有效期规定): e.g. deductions of 10
    points or less for 1 year, direct grades for 3 years, a bonus for a national award for 5.

    An entry matches when its kind is among ``kinds``, its points meet every threshold of
    ``sizes`` (none: any size) and its item's award level is among ``levels`` (none: any).
    The scheme's first matching rule gives the term; an item's own ``validity`` comes first.
    """

    kinds: frozenset[ItemKind] = attrs.field(converter=_kinds)
    term: Term
    sizes: tuple[Threshold, ...] = attrs.field(default=(), converter=_sizes)
    levels: frozenset[Level] = attrs.field(default=frozenset(), converter=_levels)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.kinds), "kinds", "at least one item kind", [])
        for kind in self.kinds:
            faults.check(kind in _SCHEME_KINDS, "kinds", "bonus, deduction or override", kind)
        faults.check(isinstance(self.term, Term), "term", "a Term", self.term)
        faults.check(len(self.sizes) <= 2, "sizes", "at most two thresholds (a range)", len(self.sizes))
        for index, size in enumerate(self.sizes):
            faults.check(
                isinstance(size, Threshold) and size.published and not size.share,
                f"sizes[{index}]",
                "a published Threshold in points",
                size,
            )
        for level in self.levels:
            faults.check(isinstance(level, Level), "levels", "Levels", level)
        faults.raise_if_any(DefinitionError)

    def matches(self, kind: ItemKind, points: Decimal, level: Level | None) -> bool:
        """Whether an entry of *kind*, *points* and award *level* falls under this rule.

        A size threshold whose boundary is not stated is read as the scheme reads it (the
        scheme resolves them when it is built); an undecidable comparison does not match.
        """
        _check_call(
            ("kind", isinstance(kind, ItemKind), "an ItemKind", kind),
            ("points", _is_number(points), "a number of points (int or Decimal)", points),
            ("level", level is None or isinstance(level, Level), "a Level or None", level),
        )
        if kind not in self.kinds or (self.levels and level not in self.levels):
            return False
        return all(size.judge(points).code == "yes" for size in self.sizes)


@attrs.frozen
class CreditItem:
    """One item of a credit scheme (信用评价指标): an act that adds (``BONUS``, 加分) or deducts
    (``DEDUCTION``, 扣分) points, or sets the grade directly (``OVERRIDE``, 直接评定为 ``target``).

    ``points`` per ``unit`` (a tiered item counts by ``steps`` instead); ``cap`` limits what
    the item gives or takes within one ``cap_period`` (每年最多加10分); ``validity`` is the
    item's own term (none: the scheme's rules decide); ``level`` the level of the award behind a
    bonus (国家级 … 乡镇级), which the validity rules may read. For a direct grade,
    ``repair_points`` and ``repair_term`` say what a repair (信用修复) turns it into: a deduction
    of so many points kept for that term from the day of the repair; without them the grade
    cannot be repaired. ``continuing`` marks an offence that lasts (持续性违法): its validity
    counts from the day it ends.
    """

    code: str
    title: str
    kind: ItemKind
    points: Decimal = attrs.field(default=Decimal(0), converter=_points)
    unit: PointsUnit = PointsUnit.CASE
    period: PeriodKind | None = None
    steps: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    cap: Decimal | None = attrs.field(default=None, converter=_optional_points)
    cap_period: PeriodKind | None = None
    validity: Term | None = None
    level: Level | None = None
    target: str = ""
    effect: OverrideEffect = OverrideEffect.SET
    repair_points: Decimal | None = attrs.field(default=None, converter=_optional_points)
    repair_term: Term | None = None
    continuing: bool = False
    local: bool = False

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.title, "title", faults)
        # The checks below read the kind and the unit: without them there is nothing to check.
        kind_ok = faults.check(
            isinstance(self.kind, ItemKind) and self.kind in _SCHEME_KINDS,
            "kind",
            "bonus, deduction or override",
            self.kind,
        )
        if not (faults.check(isinstance(self.unit, PointsUnit), "unit", "a PointsUnit", self.unit) and kind_ok):
            faults.raise_if_any(DefinitionError)
        if self.kind is ItemKind.OVERRIDE:
            self._check_override(faults)
        else:
            self.__check_points(faults)
        for name in ("validity", "repair_term"):
            value = getattr(self, name)
            faults.check(value is None or isinstance(value, Term), name, "a Term or None", value)
        faults.check(self.level is None or isinstance(self.level, Level), "level", "a Level or None", self.level)
        faults.check(isinstance(self.continuing, bool), "continuing", "true or false", self.continuing)
        faults.check(isinstance(self.local, bool), "local", "true or false", self.local)
        faults.raise_if_any(DefinitionError)

    def __check_points(self, faults: Faults) -> None:
        if self.unit is PointsUnit.STEP:
            faults.check(
                self.points == 0, "points", "no points of its own for a tiered item (its steps give them)", self.points
            )
            if faults.check(1 <= len(self.steps) <= _MAX_STEPS, "steps", f"1 to {_MAX_STEPS} steps", len(self.steps)):
                previous: Threshold | None = None
                for index, step in enumerate(self.steps):
                    if not faults.check(isinstance(step, Step), f"steps[{index}]", "a Step", step):
                        continue
                    if previous is not None and previous.value is not None and step.minimum.value is not None:
                        faults.check(
                            step.minimum.value < previous.value,
                            f"steps[{index}].minimum",
                            f"a lower quantity than the step before ({previous}), highest step first",
                            str(step.minimum),
                        )
                    previous = step.minimum
        else:
            _check_points(self.points, "points", faults)
            faults.check(not self.steps, "steps", f"no steps for an item counted {self.unit.label}", len(self.steps))
        if self.unit is PointsUnit.MEMBER:
            faults.check(
                _is_cap_period(self.period),
                "period",
                "the period a member's points are per (month … year)",
                self.period,
            )
        else:
            faults.check(self.period is None, "period", f"no period for an item counted {self.unit.label}", self.period)
        if self.cap is not None:
            _check_points(self.cap, "cap", faults)
            faults.check(
                _is_cap_period(self.cap_period),
                "cap_period",
                "the period the cap is per (month … year)",
                self.cap_period,
            )
        else:
            faults.check(self.cap_period is None, "cap_period", "no cap period without a cap", self.cap_period)
        for name in ("target", "repair_points", "repair_term"):
            faults.check(not getattr(self, name), name, f"nothing for a {self.kind.label}", getattr(self, name))
        faults.check(self.effect is OverrideEffect.SET, "effect", f"no effect for a {self.kind.label}", self.effect)

    def _check_override(self, faults: Faults) -> None:
        faults.check(self.points == 0, "points", "no points for a direct grade", self.points)
        faults.check(self.unit is PointsUnit.CASE, "unit", "'case' for a direct grade", self.unit)
        faults.check(not self.steps, "steps", "no steps for a direct grade", len(self.steps))
        faults.check(self.cap is None, "cap", "no cap for a direct grade", self.cap)
        faults.check(self.period is None, "period", "no period for a direct grade", self.period)
        check_code(self.target, "target", faults, punctuation="_-.")
        faults.check(isinstance(self.effect, OverrideEffect), "effect", "an OverrideEffect", self.effect)
        if (self.repair_points is None) != (self.repair_term is None):
            faults.add("repair_term", "both repair_points and repair_term, or neither", self.repair_term)
        if self.repair_points is not None:
            _check_points(self.repair_points, "repair_points", faults)

    @property
    def repairable(self) -> bool:
        """Whether a repair (信用修复) can turn this direct grade into a deduction."""
        return self.repair_points is not None

    def amount(self, *, count: int = 1, members: int = 1, quantity: Decimal | None = None) -> Decimal:
        """The points one event of this item gives or takes, before repeats and caps."""
        _check_call(
            ("count", _is_whole(count), "a whole number of at least 1", count),
            ("members", _is_whole(members), "a whole number of at least 1", members),
            ("quantity", quantity is None or _is_number(quantity), "a quantity (int or Decimal) or None", quantity),
        )
        if self.unit is PointsUnit.OCCURRENCE:
            return self.points * count
        if self.unit is PointsUnit.MEMBER:
            return self.points * members
        if self.unit is PointsUnit.STEP:
            if quantity is None:
                raise ValidationError.single("quantity", f"the quantity {self.title} is tiered by", quantity)
            for step in self.steps:
                if step.minimum.judge(quantity).code == "yes":
                    return step.points
            return Decimal(0)
        return self.points

    def describe(self) -> str:
        """The item in Chinese: ``焚烧秸秆 扣3分/每次``, ``直接评定为D级``."""
        if self.kind is ItemKind.OVERRIDE:
            return f"{self.title} {self.effect.label}{self.target}"
        verb = "加" if self.kind is ItemKind.BONUS else "扣"
        if self.unit is PointsUnit.STEP:
            steps = "，".join(f"{step.minimum}{verb}{format_number(step.points)}分" for step in self.steps)
            return f"{self.title} {steps}"
        return f"{self.title} {verb}{format_number(self.points)}分/{self.unit.label}"


@attrs.frozen
class LocalLimits:
    """What a village or township may add to a scheme (结合本地实际增设指标): at most ``items``
    local items, each of at most ``points`` points, of the ``kinds`` allowed."""

    items: int
    points: Decimal = attrs.field(converter=_points)
    kinds: frozenset[ItemKind] = attrs.field(default=frozenset({ItemKind.BONUS, ItemKind.DEDUCTION}), converter=_kinds)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(
            isinstance(self.items, int) and not isinstance(self.items, bool) and 0 <= self.items <= _MAX_ITEMS,
            "items",
            f"a whole number from 0 to {_MAX_ITEMS}",
            self.items,
        )
        _check_points(self.points, "points", faults)
        for kind in self.kinds:
            faults.check(kind in (ItemKind.BONUS, ItemKind.DEDUCTION), "kinds", "bonus or deduction", kind)
        faults.raise_if_any(DefinitionError)


def _items(value: Iterable[CreditItem]) -> tuple[CreditItem, ...]:
    return listed(value, "items", "a list of items")


def _bands(value: Iterable[Band]) -> tuple[Band, ...]:
    return listed(value, "bands", "a list of bands")


def _rules(value: Iterable[ValidityRule]) -> tuple[ValidityRule, ...]:
    return listed(value, "validity", "a list of validity rules")


def _start(value: object) -> Decimal:
    return as_decimal(value, "start")


def _floor(value: object) -> Decimal:
    return as_decimal(value, "floor")


def _ceiling(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "ceiling")


def _factor(value: object) -> Decimal:
    return as_decimal(value, "repeat_factor")


def _bonus_cap(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "bonus_cap")


def _resolved(threshold: Threshold, boundary: Boundary) -> Threshold:
    if threshold.boundary is Boundary.UNSTATED and boundary is not Boundary.UNSTATED and threshold.published:
        return attrs.evolve(threshold, boundary=boundary)
    return threshold


_GRADED_MAXIMUM: Final = Decimal(10**9 - 1)  # the rule language's bound; every band minimum is far below it
_SCORE_ITEM: Final = "score"


@attrs.frozen(cache_hash=True)
class CreditScheme:
    """A published credit scheme (信用积分管理办法 / 积分超市管理办法 / 文明银行): who it scores,
    the starting score, its items, the validity of entries, caps, grades and local limits.

    ``start`` is every subject's score before any entry (100 for 百分制, 1000 for 千分制); the
    score never leaves ``floor`` to ``ceiling`` (none: no ceiling). ``bands`` are the grades, best
    first, the last without a minimum (D级). ``validity`` rules give each entry's term unless its
    item states one. ``repeat_factor`` multiplies a deduction for the same offence repeated
    within the first one's validity (再犯加倍). ``bonus_cap`` caps all bonuses within one
    ``bonus_cap_period``. ``local`` says what villages may add (none: nothing).

    ``downgrade_score``: while a direct grade is in force, the score shown is at most the lowest
    score of that grade (直接降级的，积分按该等级最低分计).

    ``boundaries`` is how the scheme reads a threshold that does not say whether its number
    counts: most schemes state "本办法所称以上、以下均含本数" (and 民法典第一千二百五十九条 reads
    them so), so the default is inclusive; ``Boundary.UNSTATED`` keeps them undecided, and a
    score on such a limit is then graded as undecided.
    """

    issuer: str
    code: str
    version: str
    title: str
    effective_from: dt.date
    items: tuple[CreditItem, ...] = attrs.field(converter=_items)
    bands: tuple[Band, ...] = attrs.field(converter=_bands)
    validity: tuple[ValidityRule, ...] = attrs.field(default=(), converter=_rules)
    subject: SubjectKind = SubjectKind.HOUSEHOLD
    start: Decimal = attrs.field(default=Decimal(100), converter=_start)
    floor: Decimal = attrs.field(default=Decimal(0), converter=_floor)
    ceiling: Decimal | None = attrs.field(default=None, converter=_ceiling)
    repeat_factor: Decimal = attrs.field(default=Decimal(2), converter=_factor)
    bonus_cap: Decimal | None = attrs.field(default=None, converter=_bonus_cap)
    bonus_cap_period: PeriodKind | None = None
    local: LocalLimits | None = None
    downgrade_score: bool = True
    boundaries: Boundary = Boundary.INCLUSIVE
    effective_until: dt.date | None = None
    source: str = ""
    illustrative: bool = False

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.issuer, "issuer", faults)
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.version, "version", faults)
        check_text(self.title, "title", faults)
        faults.check(_is_date(self.effective_from), "effective_from", "a date", self.effective_from)
        if self.effective_until is not None and faults.check(
            _is_date(self.effective_until), "effective_until", "a date or None", self.effective_until
        ):
            faults.check(
                not _is_date(self.effective_from) or self.effective_until >= self.effective_from,
                "effective_until",
                "a date on or after effective_from",
                self.effective_until,
            )
        faults.check(isinstance(self.subject, SubjectKind), "subject", "a SubjectKind", self.subject)
        faults.check(isinstance(self.boundaries, Boundary), "boundaries", "a Boundary", self.boundaries)
        for name in ("source",):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        for name in ("illustrative", "downgrade_score"):
            faults.check(isinstance(getattr(self, name), bool), name, "true or false", getattr(self, name))
        self._check_scores(faults)
        self._check_items(faults)
        self._check_bands(faults)
        for index, rule in enumerate(self.validity):
            faults.check(isinstance(rule, ValidityRule), f"validity[{index}]", "a ValidityRule", rule)
        faults.check(len(self.validity) <= _MAX_RULES, "validity", f"at most {_MAX_RULES} rules", len(self.validity))
        faults.check(
            self.local is None or isinstance(self.local, LocalLimits), "local", "LocalLimits or None", self.local
        )
        faults.raise_if_any(DefinitionError)
        # Thresholds whose boundary the rule did not state are read as the scheme says, once.
        object.__setattr__(self, "bands", tuple(_resolved_band(band, self.boundaries) for band in self.bands))
        object.__setattr__(
            self,
            "validity",
            tuple(
                attrs.evolve(rule, sizes=[_resolved(s, self.boundaries) for s in rule.sizes]) for rule in self.validity
            ),
        )
        object.__setattr__(
            self,
            "items",
            tuple(
                attrs.evolve(
                    item, steps=[attrs.evolve(s, minimum=_resolved(s.minimum, self.boundaries)) for s in item.steps]
                )
                if item.steps
                else item
                for item in self.items
            ),
        )

    def _check_scores(self, faults: Faults) -> None:
        # Compared only once each is a finite number: Decimal('NaN') would raise on comparison.
        start_ok = _check_points(self.start, "start", faults, positive=False)
        if _check_points(self.floor, "floor", faults, positive=False) and start_ok:
            faults.check(self.floor <= self.start, "floor", "a floor at or below the start", self.floor)
        if self.ceiling is not None and _check_points(self.ceiling, "ceiling", faults) and start_ok:
            faults.check(self.ceiling >= self.start, "ceiling", "a ceiling at or above the start", self.ceiling)
        faults.check(
            isinstance(self.repeat_factor, Decimal)
            and self.repeat_factor.is_finite()
            and 1 <= self.repeat_factor <= 10,
            "repeat_factor",
            "a factor from 1 to 10",
            self.repeat_factor,
        )
        if self.bonus_cap is not None:
            _check_points(self.bonus_cap, "bonus_cap", faults)
            faults.check(
                _is_cap_period(self.bonus_cap_period),
                "bonus_cap_period",
                "the period the cap is per",
                self.bonus_cap_period,
            )
        else:
            faults.check(
                self.bonus_cap_period is None, "bonus_cap_period", "no period without a cap", self.bonus_cap_period
            )

    def _check_items(self, faults: Faults) -> None:
        if not faults.check(1 <= len(self.items) <= _MAX_ITEMS, "items", f"1 to {_MAX_ITEMS} items", len(self.items)):
            return
        seen: set[str] = set()
        for index, item in enumerate(self.items):
            if not faults.check(isinstance(item, CreditItem), f"items[{index}]", "a CreditItem", item):
                continue
            faults.check(item.code not in seen, f"items[{index}].code", "a code not used before", item.code)
            seen.add(item.code)
            faults.check(
                item.code != _SCORE_ITEM, f"items[{index}].code", f"a code other than {_SCORE_ITEM!r}", item.code
            )
            if item.validity is None and not any(
                isinstance(rule, ValidityRule) and item.kind in rule.kinds for rule in self.validity
            ):
                faults.add(f"items[{index}].validity", f"a term, or a validity rule for {item.kind.code} items", None)

    def _check_bands(self, faults: Faults) -> None:
        if not faults.check(2 <= len(self.bands) <= 20, "bands", "2 to 20 grades", len(self.bands)):
            return
        codes: list[str] = []
        for index, band in enumerate(self.bands):
            if not faults.check(isinstance(band, Band), f"bands[{index}]", "a Band", band):
                return
            faults.check(band.code not in codes, f"bands[{index}].code", "a code not used before", band.code)
            codes.append(band.code)
            last = index == len(self.bands) - 1
            if last:
                faults.check(band.is_floor, f"bands[{index}]", "no minimum for the lowest grade", str(band.minimum))
            else:
                faults.check(
                    band.minimum is not None
                    and band.minimum.published
                    and not band.minimum.share
                    and not band.requires,
                    f"bands[{index}].minimum",
                    "a published minimum score in points, and nothing else",
                    None if band.minimum is None else str(band.minimum),
                )
        for index, item in enumerate(self.items):
            if isinstance(item, CreditItem) and item.kind is ItemKind.OVERRIDE:
                faults.check(
                    item.target in codes,
                    f"items[{index}].target",
                    f"a grade of the scheme ({', '.join(codes)})",
                    item.target,
                )

    # -- reading -----------------------------------------------------------------------------

    @property
    def codes(self) -> tuple[str, ...]:
        """The item codes, in order."""
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> CreditItem:
        """The item with *code*."""
        for item in self.items:
            if item.code == code:
                return item
        raise ValidationError.single("item", f"an item of {self.code}@{self.version}", code)

    def band(self, code: str) -> Band:
        """The grade with *code*."""
        for band in self.bands:
            if band.code == code:
                return band
        raise ValidationError.single("grade", f"a grade of {self.code}@{self.version}", code)

    def term_for(self, item: CreditItem, points: Decimal) -> Term:
        """The validity of an entry of *item* worth *points* (its size after repeats): the
        item's own term, or the first validity rule that matches."""
        _check_call(
            ("item", isinstance(item, CreditItem), "a CreditItem", item),
            ("points", _is_number(points), "a number of points (int or Decimal)", points),
        )
        if item.validity is not None:
            return item.validity
        for rule in self.validity:
            if rule.matches(item.kind, points, item.level):
                return rule.term
        raise ValidationError.single(
            "validity",
            f"a validity rule of {self.code}@{self.version} for a {item.kind.label} of {format_number(points)} points",
            item.code,
        )

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the scheme is in force on *day*."""
        _check_call(("day", _is_date(day), "a date", day))
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    @property
    def grading(self) -> SheetPlan:
        """The compiled rule sheet that grades a score (信用等级评定): the score as one item
        given directly, the grades as its bands, and every direct grade as an override."""
        return _grading_plan(self)

    def period_of(self, kind: PeriodKind, day: dt.date) -> Period:
        """The calendar period of *kind* that holds *day* (for caps and per-member items)."""
        _check_call(
            ("kind", _is_cap_period(kind), "a year, half, quarter or month PeriodKind", kind),
            ("day", _is_date(day), "a date", day),
        )
        return Period.containing(kind, day)

    # -- local items -------------------------------------------------------------------------

    def adapt(self, *, issuer: str, version: str, add: Iterable[CreditItem], source: str = "") -> CreditScheme:
        """A village's or township's version with local items added (结合本地实际增设), within the
        scheme's :class:`LocalLimits`; every fault named at once, this scheme unchanged."""
        added = listed(add, "add", "a list of items")
        faults = Faults()
        limits = self.local
        if limits is None:
            raise DefinitionError.single("add", f"no local items: {self.code}@{self.version} allows none", len(added))
        faults.check(len(added) <= limits.items, "add", f"at most {limits.items} local items", len(added))
        for index, item in enumerate(added):
            if not faults.check(isinstance(item, CreditItem), f"add[{index}]", "a CreditItem", item):
                continue
            faults.check(item.kind in limits.kinds, f"add[{index}].kind", "a kind local items may have", item.kind.code)
            largest = max([item.points, item.cap or Decimal(0), *(step.points for step in item.steps)])
            faults.check(
                largest <= limits.points,
                f"add[{index}].points",
                f"at most {format_number(limits.points)} points for a local item",
                format_number(largest),
            )
        faults.raise_if_any(DefinitionError)
        return attrs.evolve(
            self,
            issuer=issuer,
            version=version,
            items=(*self.items, *(attrs.evolve(item, local=True) for item in added)),
            source=source or self.source,
        )


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _is_number(value: object) -> bool:
    """An int or a finite Decimal (never a float, never text)."""
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int) and not isinstance(value, bool)


def _check_call(*checks: tuple[str, bool, str, object]) -> None:
    """Refuse a call's bad arguments with the library's error, every fault at once."""
    faults = Faults()
    for path, ok, expected, got in checks:
        faults.check(ok, path, expected, got)
    faults.raise_if_any()


def _is_cap_period(value: object) -> bool:
    return isinstance(value, PeriodKind) and value in _CAP_PERIODS


def _most_severe(scheme: CreditScheme, items: Iterable[CreditItem]) -> CreditItem | None:
    """The direct grade an act that fits *items* counts by: the one with the lowest target grade
    (the first listed on a tie), or none."""
    ranks = {band.code: index for index, band in enumerate(scheme.bands)}
    overrides = [item for item in items if item.kind is ItemKind.OVERRIDE]
    return max(overrides, key=lambda item: ranks[item.target]) if overrides else None


def _resolved_band(band: Band, boundary: Boundary) -> Band:
    if band.minimum is None:
        return band
    return attrs.evolve(band, minimum=_resolved(band.minimum, boundary))


@functools.lru_cache(maxsize=64)
def _grading_plan(scheme: CreditScheme) -> SheetPlan:
    overrides = [
        Item(item.code, item.title, ItemKind.OVERRIDE, target=item.target, effect=item.effect)
        for item in scheme.items
        if item.kind is ItemKind.OVERRIDE
    ]
    sheet = RuleSheet(
        issuer=scheme.issuer,
        code=scheme.code,
        version=scheme.version,
        title=scheme.title,
        effective_from=scheme.effective_from,
        effective_until=scheme.effective_until,
        items=[Item(_SCORE_ITEM, "信用积分", ItemKind.SCORED, points=_GRADED_MAXIMUM), *overrides],
        bands=scheme.bands,
        subjects={scheme.subject},
        source=scheme.source,
    )
    return compile_sheet(sheet)
