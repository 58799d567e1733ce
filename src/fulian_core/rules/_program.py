"""A rule sheet compiled once into straight-line Python (as attrs generates ``__init__``).

Why generated code: a county scores millions of inspections against one sheet, and a loop
that dispatches on each item's kind and re-reads its settings costs several times what the
arithmetic does. The generator writes one block per item with every constant inlined, in
scaled whole numbers, then one block per group and per band.

This is the *only* evaluator of a sheet. It is written out twice from the same blocks: a
plain version that returns the totals and the bands for bulk work, and a recording version
that keeps every item's, group's and band condition's value as well, from which
:mod:`fulian_core.rules.plan` writes the explained :class:`~fulian_core.rules.Evaluation`.
Nothing is computed twice.

The blocks work on intervals: an unknown or undecidable item adds its worst to the low end
and its best to the high end, so one pass gives both the band reached for certain and the
best band still possible. Anything unexpected (a fact of a kind the item does not read, a
rating off its scale, points above its maximum or finer than the plan's scale) returns
``None``; the plan then names the fault, or compiles a finer scale.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any, Final, NamedTuple

from fulian_core._numbers import WIDE
from fulian_core.rules._checks import ROOT, natural_points, tree_of
from fulian_core.rules._measure import judge
from fulian_core.rules._validate import fact_allowed
from fulian_core.rules.evaluation import Grade, Standing
from fulian_core.rules.facts import Fact, FactKind, SubjectKind, _FrozenFacts
from fulian_core.rules.sheet import (
    Band,
    Item,
    ItemKind,
    MissingPolicy,
    NotApplicablePolicy,
    OverrideEffect,
    PrerequisiteKind,
    RuleSheet,
)
from fulian_core.rules.thresholds import Boundary, Threshold

__all__ = [
    "KNOWN",
    "MISSING",
    "NOT_APPLICABLE",
    "UNCLAIMED",
    "UNDECIDED",
    "UNKNOWN",
    "GroupSlot",
    "ItemSlot",
    "Layout",
    "Program",
    "ambiguous",
    "band_parts",
    "compile_program",
    "kept_groups",
    "places_of",
]

# What a recorded item status means.
KNOWN: Final = 0
UNKNOWN: Final = 1
MISSING: Final = 2
UNDECIDED: Final = 3
NOT_APPLICABLE: Final = 4
UNCLAIMED: Final = 5

Run = Callable[[Mapping[str, Fact], dt.date, SubjectKind], "Standing | None"]
# Many subjects at once: (facts, day) pairs in, a list of standings out, None where the plan
# must look again; the second list holds those pairs with their positions.
Refused = list[tuple[int, Mapping[str, Fact], dt.date]]
Runs = Callable[[Iterable[tuple[Mapping[str, Fact], dt.date]], SubjectKind], "tuple[list[Standing | None], Refused]"]
Record = Callable[[Mapping[str, Fact], dt.date, SubjectKind], "dict[str, Any] | None"]

_EARNING: Final = (ItemKind.SCORED, ItemKind.BONUS)
_STATEMENTS: Final = (ItemKind.REQUIREMENT, ItemKind.CONDITION, ItemKind.OVERRIDE)


class ItemSlot(NamedTuple):
    """One item as compiled, its numbers scaled to whole numbers."""

    number: int
    item: Item
    group: int  # the variable index of its group (0: the sheet itself)
    maximum: int
    worst: int  # the least it adds: a deduction's floor; minus its pool for an uncapped pool deduction
    per_occurrence: int
    ratings: dict[str, int]
    target: int  # an override's band index
    pool: int  # a deduction from a pool: the pool's group; -1 otherwise


class GroupSlot(NamedTuple):
    """One group as compiled; number 0 is the sheet itself."""

    number: int
    code: str
    parent: int  # -1 for the sheet itself
    maximum: int  # declared points, or what its items and subgroups add up to
    pool: int  # declared points its items do not claim (what deductions from the pool draw on)
    clamped: bool  # whether the subtotal is kept within 0 and the maximum (扣完为止)
    drawing: int  # how many deduction items draw on the pool: when none applies, nor does the pool


class Layout(NamedTuple):
    """Everything the generated code and the explained result agree on.

    Items and groups count in ``scale`` (a power of ten that makes every number of the
    sheet whole); totals in ``total_scale``, finer when a score scaled back to the maximum
    keeps decimals the sheet's own numbers do not have.
    """

    sheet: RuleSheet
    scale: int
    total_scale: int
    step: int  # the total scale's unit of a scaled score's last decimal place
    items: tuple[ItemSlot, ...]
    groups: tuple[GroupSlot, ...]  # children before their parents; the sheet itself last
    floor: int
    bonus_room: int
    bonus_cap: int | None

    @property
    def up(self) -> int:
        """Totals per item unit."""
        return self.total_scale // self.scale


class Program(NamedTuple):
    """A compiled sheet: the plain and the recording evaluator (and the plain one looped over
    many subjects), and the layout they share."""

    run: Run
    record: Record
    layout: Layout
    grades: tuple[Grade, ...]
    runs: Runs

    def total(self, value: int) -> Decimal:
        """A total in scaled whole numbers back as a decimal."""
        return WIDE.divide(Decimal(value), Decimal(self.layout.total_scale))

    def number(self, value: int) -> Decimal:
        """An item's or a group's scaled whole number back as a decimal."""
        return WIDE.divide(Decimal(value), Decimal(self.layout.scale))


def _literal(code: str) -> str:
    """A validated code as a string literal: the plain ``str`` repr, never a subclass's."""
    return str.__repr__(str(code))


def ambiguous(sheet: RuleSheet) -> bool:
    """Whether some band limit is unstated or unpublished (the best reading may differ)."""
    limits = [band.minimum for band in sheet.bands] + [p.minimum for band in sheet.bands for p in band.requires]
    return any(limit is not None and (limit.value is None or limit.boundary is Boundary.UNSTATED) for limit in limits)


# Totals up to this many scaled points get a ready Decimal; larger ones are computed.
_TABLE_LIMIT: Final = 100_000


def places_of(value: Decimal) -> int:
    """The decimal places *value* needs."""
    exponent = value.normalize(WIDE).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def compile_program(sheet: RuleSheet, *, extra_places: int = 0) -> Program:
    """Compile *sheet*; *extra_places* counts finer, for facts with more decimals than the
    sheet's own numbers."""
    with decimal.localcontext(WIDE):  # every scaled number exact, whatever the caller set
        layout = _layout(sheet, extra_places)
        namespace = _namespace(layout)
    floor = len(sheet.bands) - 1
    grades = tuple(Grade(band.code, band.label, floor - index, band.passing) for index, band in enumerate(sheet.bands))
    namespace["GRADES"] = grades
    namespace["STANDING"] = Standing
    namespace["NEW"] = tuple.__new__
    namespace["FROZEN"] = _FrozenFacts
    top = (layout.groups[-1].maximum + layout.bonus_room) * layout.up
    scale = Decimal(layout.total_scale)
    if top <= _TABLE_LIMIT:
        namespace["TOTALS"] = tuple(WIDE.divide(Decimal(value), scale) for value in range(top + 1))
    else:
        namespace["TOTAL"] = lambda value: WIDE.divide(Decimal(value), scale)
    writer = _Writer(layout, record=False, table=top <= _TABLE_LIMIT)
    run: Run = _define(writer.source(), namespace, "run")
    record: Record = _define(_Writer(layout, record=True).source(), namespace, "record")
    looped = _Writer(layout, record=False, table=top <= _TABLE_LIMIT).looped(namespace)
    runs: Runs = _define(looped, namespace, "runs")
    return Program(run, record, layout, grades, runs)


def _define(source: str, namespace: dict[str, Any], name: str) -> Any:
    scope = dict(namespace)
    exec(compile(source, f"<rule sheet {name}>", "exec"), scope)  # noqa: S102 - code generated from a validated sheet
    return scope[name]


# -- layout ---------------------------------------------------------------------------------


def _layout(sheet: RuleSheet, extra_places: int) -> Layout:
    numbers: list[Decimal] = []
    for item in sheet.items:
        numbers.extend(
            (item.maximum, item.per_occurrence * item.weight, *(r.points * item.weight for r in item.ratings))
        )
        if item.max_deduction is not None:
            numbers.append(item.max_deduction)
    numbers.extend(group.points for group in sheet.groups if group.points is not None)
    numbers.extend(value for value in (sheet.maximum, sheet.bonus_cap) if value is not None)
    places = max((places_of(number) for number in numbers), default=0) + extra_places
    scale = 10**places
    total_places = places
    if sheet.not_applicable is NotApplicablePolicy.SCALE:
        total_places = max(places, sheet.places)
    total_scale = 10**total_places
    step = 10 ** max(0, total_places - sheet.places)

    def whole(value: Decimal) -> int:
        return int(value * scale)

    tree = tree_of(sheet.groups, sheet.items, sheet.maximum)
    indices = {ROOT: 0}
    for group in sheet.groups:
        indices[group.code] = len(indices)
    pools_drawn = {tree.pool_of(item.group or ROOT) for item in sheet.items if item.is_pool_deduction}
    groups: list[GroupSlot] = []
    for code in tree.post_order():
        natural = natural_points(tree, code)
        declared = tree.declared.get(code)
        points = declared if declared is not None else natural
        groups.append(
            GroupSlot(
                number=indices[code],
                code=code,
                parent=-1 if code == ROOT else indices[tree.parents[code]],
                maximum=whole(points),
                pool=whole(points - natural) if declared is not None else 0,
                clamped=code in pools_drawn,
                drawing=sum(
                    1 for item in sheet.items if item.is_pool_deduction and tree.pool_of(item.group or ROOT) == code
                ),
            )
        )
    maxima = {slot.code: slot.maximum for slot in groups}
    band_index = {band.code: index for index, band in enumerate(sheet.bands)}
    floor = len(sheet.bands) - 1
    items: list[ItemSlot] = []
    for index, item in enumerate(sheet.items):
        maximum = whole(item.maximum)
        worst = 0
        if item.kind is ItemKind.DEDUCTION:
            if item.max_deduction is not None:
                worst = maximum - whole(item.max_deduction)
            elif item.is_pool_deduction:
                worst = -maxima[tree.pool_of(item.group or ROOT)]
        items.append(
            ItemSlot(
                number=index,
                item=item,
                group=indices[item.group or ROOT],
                maximum=maximum,
                worst=worst,
                per_occurrence=whole(item.per_occurrence),
                ratings={rating.name: whole(rating.points * item.weight) for rating in item.ratings},
                target=band_index.get(item.target, floor),
                pool=indices[tree.pool_of(item.group or ROOT)] if item.is_pool_deduction else -1,
            )
        )
    room = sum((slot.maximum for slot in items if slot.item.kind is ItemKind.BONUS), 0)
    cap = None if sheet.bonus_cap is None else whole(sheet.bonus_cap)
    return Layout(sheet, scale, total_scale, step, tuple(items), tuple(groups), floor, room, cap)


def _points_table(maximum: int, weight: Decimal) -> dict[Decimal, int]:
    """Points a fact may give an item, by the scaled whole number they add: every whole and
    half point up to a hundred of them."""
    table: dict[Decimal, int] = {}
    for halves in range(min(2 * maximum, 200) + 1):
        points = Decimal(halves) / 2
        scaled = points * weight
        if scaled == scaled.to_integral_value() and scaled <= maximum:
            table[points] = int(scaled)
    return table


def _namespace(layout: Layout) -> dict[str, Any]:
    namespace: dict[str, Any] = {kind.name: kind for kind in FactKind}
    namespace["MUL"] = WIDE.multiply
    sheet = layout.sheet
    namespace |= {"DATE": dt.date, "START": sheet.effective_from, "END": sheet.effective_until or dt.date.max}
    for slot in layout.items:
        item = slot.item
        if slot.ratings:
            namespace[f"R{slot.number}"] = slot.ratings
        if item.kind in _EARNING:
            weight = item.weight * layout.scale
            namespace[f"W{slot.number}"] = weight
            namespace[f"P{slot.number}"] = _points_table(slot.maximum, weight)
        if item.condition is not None:
            namespace[f"J{slot.number}"] = partial(judge, item.condition)
        if item.applies_to:
            namespace[f"A{slot.number}"] = frozenset(item.applies_to)
            namespace[f"V{slot.number}"] = partial(fact_allowed, item)
    maximum, up, step = layout.groups[-1].maximum, layout.up, layout.step

    def rescale(value: int, applicable: int) -> int:
        # 不适用项不计分，按实际得分折算: value × maximum / applicable, in total units, rounded
        # half up to the sheet's places.
        return ((2 * value * maximum * up + applicable * step) // (2 * applicable * step)) * step

    namespace["RESCALE"] = rescale
    return namespace


# -- source ---------------------------------------------------------------------------------


def _threshold(variable: str, threshold: Threshold, scale: int, *, worst: bool, of: str, vacuous: bool = False) -> str:
    """*threshold* as an expression on *variable* (in units of 1/*scale*); a share is of the
    maximum in variable *of*. Where nothing applies, a total reaches no share; a group
    (*vacuous*) has nothing to fall short in and passes."""
    if threshold.value is None:
        return "False" if worst else "True"
    if threshold.share:
        strict = threshold.boundary is Boundary.EXCLUSIVE or (threshold.boundary is Boundary.UNSTATED and worst)
        share = threshold.value
        compared = f"{variable} * {share.denominator} {'>' if strict else '>='} {share.numerator} * {of}"
        return f"({of} == 0 or {compared})" if vacuous else f"{of} > 0 and {compared}"
    scaled = threshold.value * scale
    if scaled.denominator != 1:
        return f"{variable} >= {math.ceil(scaled)}"
    limit = scaled.numerator
    if threshold.boundary is Boundary.INCLUSIVE or (threshold.boundary is Boundary.UNSTATED and not worst):
        return f"{variable} >= {limit}"
    return f"{variable} > {limit}"


def band_parts(layout: Layout, band: Band, *, worst: bool) -> list[tuple[str, str]]:
    """The conditions of *band* in the worst or the best world, as (kind, expression) pairs:
    ``("score", …)``, ``("requires:N", …)`` for its N-th prerequisite, ``("passing", …)``."""
    sheet = layout.sheet
    groups = {slot.code: slot.number for slot in layout.groups}
    items = {slot.item.code: slot.number for slot in layout.items}
    low = "l" if worst else "h"
    parts: list[tuple[str, str]] = []
    if band.minimum is not None:
        total = "tl" if worst else "th"
        parts.append(("score", _threshold(total, band.minimum, layout.total_scale, worst=worst, of="mt")))
    for index, prerequisite in enumerate(band.requires):
        if prerequisite.kind is PrerequisiteKind.ITEM_MET:
            i = items[prerequisite.target]
            expression = f"m{i} == 1" if worst else f"m{i} != 0"
        elif prerequisite.kind is PrerequisiteKind.FULL_MARKS:
            j = groups[prerequisite.target]
            expression = f"{low}{j} == a{j}"
        else:
            j = groups[prerequisite.target]
            assert prerequisite.minimum is not None  # noqa: S101 - checked by Prerequisite
            limit = prerequisite.minimum
            expression = _threshold(f"{low}{j}", limit, layout.scale, worst=worst, of=f"a{j}", vacuous=True)
        parts.append((f"requires:{index}", expression))
    if band.passing and sheet.of_kind(ItemKind.REQUIREMENT):
        parts.append(("passing", "rf == 0 and ro == 0" if worst else "rf == 0"))
    return parts


def kept_groups(layout: Layout, *, record: bool) -> tuple[set[int], dict[int, int]]:
    """The groups whose subtotals are computed, and where each group's items add up (its
    *sink*): all of them when recording; otherwise the sheet, the pools and the groups a band
    names, the others adding straight into theirs. The batch path keeps the same ones."""
    sheet = layout.sheet
    referenced = {p.target for band in sheet.bands for p in band.requires if p.kind is not PrerequisiteKind.ITEM_MET}
    kept = {
        slot.number for slot in layout.groups if record or slot.clamped or slot.code in referenced or slot.number == 0
    }
    parents = {slot.number: slot.parent for slot in layout.groups}

    def sink(index: int) -> int:
        while index not in kept:
            index = parents[index]
        return index

    return kept, {slot.number: sink(slot.number) for slot in layout.groups}


class _Writer:
    """Writes one version (plain or recording) of a sheet's evaluator."""

    def __init__(self, layout: Layout, *, record: bool, table: bool = True) -> None:
        self.layout = layout
        self.record = record
        self.table = table
        self.lines: list[str] = []
        sheet = layout.sheet
        self.met = {p.target for band in sheet.bands for p in band.requires if p.kind is PrerequisiteKind.ITEM_MET}
        self.kept, self.sink = kept_groups(layout, record=record)
        self.applicable = record or sheet.not_applicable is NotApplicablePolicy.SCALE

    def add(self, depth: int, *statements: str) -> None:
        self.lines.extend("    " * depth + statement for statement in statements)

    def looped(self, namespace: Mapping[str, object]) -> str:
        """The plain version's body in a loop over (facts, day) pairs: the same blocks, with no
        call per subject and the constants of *namespace* it reads bound as locals. A subject
        the plain version refuses (``return None``) is noted and left to the plan, as one call
        would be; facts not yet frozen are the plan's too."""
        self.source()
        body = self.lines[1:]
        read = set(re.findall(r"\b[A-Z][A-Z0-9_]*\b", "\n".join(body))) | {"FROZEN"}
        constants = "".join(f", {name}={name}" for name in sorted(read) if name in namespace)
        self.lines = []
        self.add(0, f"def runs(rows, kind, *{constants}):", "    found = []; refused = []; append = found.append")
        self.add(1, "for facts, on in rows:")
        refuse = "refused.append((len(found), facts, on)); append(None); continue"
        self.add(2, "if type(facts) is not FROZEN:", f"    {refuse}")
        for line in body:
            stripped = line.lstrip(" ")
            indent = line[: len(line) - len(stripped)]
            if stripped == "return None":
                stripped = refuse
            elif stripped.startswith("return "):
                stripped = f"append({stripped[len('return ') :]})"
            self.lines.append("    " + indent + stripped)
        self.add(1, "return found, refused")
        return "\n".join(self.lines) + "\n"

    def source(self) -> str:
        layout = self.layout
        name = "record" if self.record else "run"
        self.add(0, f"def {name}(facts, on, kind):")
        # A date outside the sheet's validity, or a fact for an item the sheet does not have,
        # is refused by the plan, which names it.
        self.add(1, "if type(on) is not DATE or on < START or on > END:", "    return None")
        self.add(1, "get = facts.get", "gone = 0")
        for index in sorted(self.kept):
            self.add(1, f"x{index} = u{index} = n{index} = 0")
        for group_slot in layout.groups:
            if group_slot.drawing:
                self.add(1, f"q{group_slot.number} = 0")
        self.add(1, "bl = bu = bn = 0", "rf = ro = 0", f"sc = su = cc = cu = -1; sb = {layout.floor + 1}", "o = False")
        for slot in layout.items:
            self.item(slot)
        self.add(1, f"if len(facts) + gone != {len(layout.items)}:", "    return None")
        self.tail()
        if self.record:
            self.add(1, "return locals()")
        elif self.table:
            self.add(1, "return NEW(STANDING, (TOTALS[tl], TOTALS[th], GRADES[w], GRADES[b]))")
        else:
            self.add(1, "return NEW(STANDING, (TOTAL(tl), TOTAL(th), GRADES[w], GRADES[b]))")
        return "\n".join(self.lines) + "\n"

    # -- items -------------------------------------------------------------------------------

    def item(self, slot: ItemSlot) -> None:
        item, i = slot.item, slot.number
        depth = 1
        if item.applies_to:
            self.add(1, f"if kind not in A{i}:", f"    f = get({_literal(item.code)})")
            # The fact counts for nothing, but it must still be a fact this item reads.
            self.add(2, "if f is None:", "    gone += 1", f"elif not V{i}(f, on):", "    return None")
            self.outcome(2, slot, "na")
            self.add(1, "else:")
            depth = 2
        self.add(depth, f"f = get({_literal(item.code)})", "if f is None:")
        if self.layout.sheet.missing is not MissingPolicy.ERROR or item.kind is ItemKind.BONUS:
            self.add(depth + 1, "gone += 1")
        self.missing(depth + 1, slot)
        self.add(depth, "else:", "    k = f.kind")
        if item.kind in _EARNING:
            self.earning(depth + 1, slot)
        elif item.kind is ItemKind.DEDUCTION:
            self.deduction(depth + 1, slot)
        else:
            self.statement(depth + 1, slot)

    def missing(self, depth: int, slot: ItemSlot) -> None:
        policy = self.layout.sheet.missing
        if slot.item.kind is ItemKind.BONUS and policy is not MissingPolicy.UNKNOWN:
            self.outcome(depth, slot, "unclaimed")
        elif policy is MissingPolicy.ERROR:
            self.add(depth, "return None")
        else:
            self.outcome(depth, slot, "unknown", status=MISSING)

    def earning(self, depth: int, slot: ItemSlot) -> None:
        i = slot.number
        branches = [("RATED", "rated")] if slot.ratings else []
        if slot.per_occurrence:
            branches.append(("FOUND", "counted"))
        branches += [("MET", "full"), ("NOT_MET", "zero"), ("SCORED", "scored"), ("UNKNOWN", "unknown")]
        branches.append(("NOT_APPLICABLE", "na"))
        keyword = "if"
        for kind, outcome in branches:
            self.add(depth, f"{keyword} k is {kind}:")
            keyword = "elif"
            if outcome == "counted":  # 每次加1分，最高5分
                self.add(depth + 1, f"e = {slot.per_occurrence} * f.count", f"if e > {slot.maximum}:")
                self.add(depth + 2, f"e = {slot.maximum}")
                self.outcome(depth + 1, slot, "value")
            elif outcome == "rated":
                self.add(depth + 1, f"e = R{i}.get(f.rating)", "if e is None:", "    return None")
                self.outcome(depth + 1, slot, "value")
            elif outcome == "scored":
                # Points as reviewers give them (whole or half points) are looked up; others
                # are computed.
                self.add(depth + 1, f"e = P{i}.get(f.points)", "if e is None:")
                product = "f.points" if slot.item.weight * self.layout.scale == 1 else f"MUL(f.points, W{i})"
                self.add(depth + 2, f"p = {product}", "e = int(p)", f"if e != p or e > {slot.maximum}:")
                self.add(depth + 3, "return None")
                self.outcome(depth + 1, slot, "value")
            else:
                self.outcome(depth + 1, slot, outcome)
        self.measured(depth, slot)

    def measured(self, depth: int, slot: ItemSlot) -> None:
        i = slot.number
        if slot.item.condition is None:
            self.add(depth, "else:", "    return None")
            return
        self.add(depth, "else:")
        self.add(depth + 1, f"j = J{i}(f, on)", "t = j[0]")
        if self.record:
            self.add(depth + 1, f"j{i} = j")
        if slot.item.kind in _EARNING:
            self.add(depth + 1, "if t == 1:")
            self.outcome(depth + 2, slot, "full")
            self.add(depth + 1, "elif t == 0:")
            self.outcome(depth + 2, slot, "zero")
            self.add(depth + 1, "elif t == 2:")
            self.outcome(depth + 2, slot, "unknown", status=UNDECIDED)
            self.add(depth + 1, "else:", "    return None")
        else:
            self.add(depth + 1, "if t < 0:", "    return None")
            self.effect(depth + 1, slot, None)

    def deduction(self, depth: int, slot: ItemSlot) -> None:
        self.add(depth, "if k is FOUND:")
        self.add(depth + 1, f"e = {slot.maximum} - {slot.per_occurrence} * f.count", f"if e < {slot.worst}:")
        self.add(depth + 2, f"e = {slot.worst}")
        self.outcome(depth + 1, slot, "value")
        self.add(depth, "elif k is UNKNOWN:")
        self.outcome(depth + 1, slot, "unknown")
        self.add(depth, "elif k is NOT_APPLICABLE:")
        self.outcome(depth + 1, slot, "na")
        self.add(depth, "else:", "    return None")

    def statement(self, depth: int, slot: ItemSlot) -> None:
        keyword = "if"
        for kind, value in (("NOT_MET", 0), ("MET", 1), ("UNKNOWN", 2), ("NOT_APPLICABLE", 3)):
            self.add(depth, f"{keyword} k is {kind}:")
            keyword = "elif"
            self.effect(depth + 1, slot, value)
        self.measured(depth, slot)

    def outcome(self, depth: int, slot: ItemSlot, outcome: str, *, status: int = UNKNOWN) -> None:  # noqa: PLR0912 - one case per outcome, side by side
        """The sums an outcome adds to (``e`` holds the value of a ``"value"`` outcome)."""
        if slot.item.kind in _STATEMENTS:
            self.effect(depth, slot, {"na": 3, "unknown": 2}[outcome], status=status)
            return
        i = slot.number
        j = self.sink[slot.group]
        bonus = slot.item.kind is ItemKind.BONUS
        low, spread, dropped = ("bl", "bu", "bn") if bonus else (f"x{j}", f"u{j}", f"n{j}")
        maximum, worst = slot.maximum, slot.worst
        met = slot.item.code in self.met
        statements: list[str] = []
        if outcome == "value":
            statements.append(f"{low} += e")
            if met:
                statements.append(f"m{i} = 1 if e == {maximum} else 0")
            recorded = ("e", KNOWN)
        elif outcome == "full":
            statements.append(f"{low} += {maximum}")
            if met:
                statements.append(f"m{i} = 1")
            recorded = (str(maximum), KNOWN)
        elif outcome in ("zero", "unclaimed"):
            if met:
                statements.append(f"m{i} = 0")
            recorded = ("0", KNOWN if outcome == "zero" else UNCLAIMED)
        elif outcome == "unknown":
            if worst:
                statements.append(f"{low} += {worst}")
            statements.append(f"{spread} += {maximum - worst}")
            statements.append("o = True")
            if met:
                statements.append(f"m{i} = 2")
            recorded = (str(worst), status)
        else:  # not applicable
            if maximum:
                statements.append(f"{dropped} += {maximum}")
            if slot.pool >= 0:
                statements.append(f"q{slot.pool} += 1")
            if met:
                statements.append(f"m{i} = 1")
            recorded = ("0", NOT_APPLICABLE)
        if self.record:
            statements.append(f"e{i} = {recorded[0]}; s{i} = {recorded[1]}")
        self.add(depth, *(statements or ["pass"]))

    def effect(self, depth: int, slot: ItemSlot, value: int | None, *, status: int | None = None) -> None:
        """What a statement's status (0 does not hold, 1 holds, 2 unknown or undecidable, 3
        not applicable; ``None``: in ``t`` at run time) does."""
        item, i = slot.item, slot.number
        statements: list[str] = []
        if value is None:
            statements.extend(self._dynamic_effect(slot))
            statements.append("if t == 2: o = True")
        else:
            statements.extend(self._effect(slot, value))
            if value == 2:
                statements.append("o = True")
            if item.code in self.met:
                met = (
                    {0: 0, 1: 1, 2: 2, 3: 1}[value]
                    if item.kind is not ItemKind.OVERRIDE
                    else {0: 1, 1: 0, 2: 2, 3: 1}[value]
                )
                statements.append(f"m{i} = {met}")
        if self.record:
            if value is None:
                statements.append(f"t{i} = t; s{i} = {UNDECIDED} if t == 2 else {KNOWN}")
            else:
                recorded = {0: KNOWN, 1: KNOWN, 2: UNKNOWN, 3: NOT_APPLICABLE}[value] if status is None else status
                statements.append(f"t{i} = {value}; s{i} = {recorded}")
        self.add(depth, *(statements or ["pass"]))

    def _effect(self, slot: ItemSlot, value: int) -> list[str]:
        kind, target = slot.item.kind, slot.target
        if kind is ItemKind.REQUIREMENT:
            return {0: ["rf += 1"], 2: ["ro += 1"]}.get(value, [])
        if kind is ItemKind.OVERRIDE:
            if slot.item.effect is OverrideEffect.SET:
                return {
                    1: [f"if sc < {target}: sc = {target}"],
                    2: [f"if su < {target}: su = {target}", f"if sb > {target}: sb = {target}"],
                }.get(value, [])
            return {1: [f"if cc < {target}: cc = {target}"], 2: [f"if cu < {target}: cu = {target}"]}.get(value, [])
        return []

    def _dynamic_effect(self, slot: ItemSlot) -> list[str]:
        item, i = slot.item, slot.number
        found: list[str] = []
        for value in (0, 1, 2):
            effect = self._effect(slot, value)
            if effect:
                found.append(f"{'if' if not found else 'elif'} t == {value}:")
                found.extend(f"    {statement}" for statement in effect)
        if item.code in self.met:
            if item.kind is ItemKind.OVERRIDE:
                found.append(f"m{i} = 1 if t == 0 else (0 if t == 1 else 2)")
            else:
                found.append(f"m{i} = t")
        return found

    # -- groups, totals, bands ---------------------------------------------------------------

    def groups(self, depth: int, *, high: bool) -> None:
        """Group subtotals, children first: the low ends (and what does not apply), or the
        high ends."""
        layout = self.layout
        for slot in layout.groups:
            j = slot.number
            if j not in self.kept:
                continue
            children = [
                c.number for c in layout.groups if c.number in self.kept and c.parent >= 0 and self.sink[c.parent] == j
            ]
            pool = [str(slot.pool)] if slot.pool else []
            # No deduction drawing on the pool applies (无庭院): nor do its points, to the
            # subtotal or to what applies.
            dropped = bool(slot.drawing and slot.pool)
            if high:
                self.add(depth, f"h{j} = {' + '.join([f'x{j}', f'u{j}', *(f'h{c}' for c in children), *pool])}")
                if dropped:
                    self.add(depth, f"if q{j} == {slot.drawing}:", f"    h{j} -= {slot.pool}")
            else:
                self.add(depth, f"l{j} = {' + '.join([f'x{j}', *(f'l{c}' for c in children), *pool])}")
                if children:
                    self.add(depth, f"n{j} += {' + '.join(f'n{c}' for c in children)}")
                if dropped:
                    self.add(
                        depth, f"if q{j} == {slot.drawing}:", f"    n{j} += {slot.pool}", f"    l{j} -= {slot.pool}"
                    )
                self.add(depth, f"a{j} = {slot.maximum} - n{j}")
            if slot.clamped:
                var = f"{'h' if high else 'l'}{j}"
                self.add(depth, f"if {var} < 0:", f"    {var} = 0", f"elif {var} > a{j}:", f"    {var} = a{j}")

    def totals(self, depth: int, *, high: bool) -> None:
        layout = self.layout
        up = f" * {layout.up}" if layout.up > 1 else ""
        if not high:
            self.add(depth, f"room = {layout.bonus_room} - bn")
            if layout.bonus_cap is not None:
                self.add(depth, f"if room > {layout.bonus_cap}:", f"    room = {layout.bonus_cap}")
            self.add(depth, "bo = bl if bl < room else room", "scaled = False")
            if layout.sheet.not_applicable is NotApplicablePolicy.SCALE:
                self.add(depth, f"if 0 < a0 < {layout.groups[-1].maximum}:")
                self.add(depth + 1, "tl = RESCALE(l0, a0)", "scaled = True")
                self.add(depth, "else:", f"    tl = l0{up}")
            else:
                self.add(depth, f"tl = l0{up}")
            self.add(depth, f"tl += bo{up}")
            if any(band.minimum is not None and band.minimum.share for band in layout.sheet.bands):
                # 得分率: the share of the maximum that applies (after scaling, the full one).
                if layout.sheet.not_applicable is NotApplicablePolicy.SCALE:
                    self.add(depth, f"mt = {layout.groups[-1].maximum * layout.up} if a0 > 0 else 0")
                else:
                    self.add(depth, f"mt = a0{up}")
            return
        self.add(depth, "bh = bl + bu", "if bh > room:", "    bh = room")
        if layout.sheet.not_applicable is NotApplicablePolicy.SCALE:
            self.add(depth, f"th = (RESCALE(h0, a0) if scaled else h0{up}) + bh{up}")
        else:
            self.add(depth, f"th = h0{up} + bh{up}")

    def band(self, depth: int, *, worst: bool) -> None:
        layout = self.layout
        result = "w" if worst else "b"
        conditions: list[str] = []
        for index, band in enumerate(layout.sheet.bands[:-1]):
            parts = band_parts(layout, band, worst=worst)
            if self.record:
                for number, (_, expression) in enumerate(parts):
                    self.add(depth, f"p{result}{index}_{number} = {expression}")
                conditions.append(" and ".join(f"p{result}{index}_{n}" for n in range(len(parts))) or "True")
            else:
                conditions.append(" and ".join(f"({expression})" for _, expression in parts) or "True")
        keyword = "if"
        for index, condition in enumerate(conditions):
            self.add(depth, f"{keyword} {condition}:", f"    {result} = {index}")
            keyword = "elif"
        if keyword == "if":
            self.add(depth, f"{result} = {layout.floor}")
        else:
            self.add(depth, "else:", f"    {result} = {layout.floor}")

    def requirements(self, depth: int, *, best: bool) -> None:
        """A requirement holds whatever an override sets: a failed one leaves no passing band."""
        sheet = self.layout.sheet
        if not sheet.of_kind(ItemKind.REQUIREMENT):
            return
        lowest = next((index for index, band in enumerate(sheet.bands) if not band.passing), self.layout.floor)
        self.add(depth, f"if (rf or ro) and w < {lowest}: w = {lowest}")
        if best:
            self.add(depth, f"if rf and b < {lowest}: b = {lowest}")

    def tail(self) -> None:
        """Subtotals, totals and bands: the low ends and the band reached for certain; then,
        when something is unknown or a limit is not stated, the high ends and the best band
        still possible (otherwise they are the same)."""
        layout = self.layout
        overrides = bool(layout.sheet.of_kind(ItemKind.OVERRIDE))
        self.groups(1, high=False)
        self.totals(1, high=False)
        self.band(1, worst=True)
        always = self.record or ambiguous(layout.sheet)
        depth = 1 if always else 2
        if not always:
            self.add(1, "if o:")
        self.groups(depth, high=True)
        self.totals(depth, high=True)
        self.band(depth, worst=False)
        if self.record:
            self.add(depth, "bw = w; bb = b")
        if overrides:
            # Overrides that set the band: the worst of those that fired decides; one that
            # may have fired could lower it (worst world) or, alone, set it (best world).
            # Caps only lower it.
            self.add(depth, "if sc >= 0:", "    w = sc if sc > su else su", "    b = sc")
            self.add(depth, "else:", "    if su > w: w = su", "    if sb < b: b = sb")
            self.add(depth, "if cc > w: w = cc", "if cu > w: w = cu", "if cc > b: b = cc")
            self.requirements(depth, best=True)
        if not always:
            self.add(1, "else:", "    th = tl")
            if overrides:
                self.add(2, "if sc >= 0: w = sc", "if cc > w: w = cc")
                self.requirements(2, best=False)
            self.add(2, "b = w")
