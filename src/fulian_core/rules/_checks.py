"""The whole-sheet checks of a :class:`~fulian_core.rules.RuleSheet`, and the shape of its
group tree, shared with the compiler.

Kept apart from the model so that the model module reads as the vocabulary and this one as
the consistency rules between its parts (codes that exist, pools that add up, bands in
order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from fulian_core._definitions import check_code, check_text
from fulian_core._faults import Faults
from fulian_core._numbers import format_number, fraction_text
from fulian_core.rules.facts import SubjectKind
from fulian_core.rules.sheet import (
    _MAX_BANDS,
    _MAX_GROUPS,
    MAX_ITEMS,
    Band,
    Group,
    Item,
    ItemKind,
    MissingPolicy,
    NotApplicablePolicy,
    PrerequisiteKind,
    SheetRef,
    _check_number,
)

if TYPE_CHECKING:
    from fulian_core.rules.sheet import RuleSheet

_ZERO: Final = Decimal(0)
ROOT: Final = ""


class Tree(NamedTuple):
    """The group tree: each group's parent, children and items, in declaration order."""

    parents: dict[str, str]
    children: dict[str, list[str]]
    items: dict[str, list[Item]]
    declared: dict[str, Decimal | None]

    def post_order(self) -> list[str]:
        """Every group, children before their parent; the root last."""
        order: list[str] = []

        def visit(code: str) -> None:
            for child in self.children.get(code, []):
                visit(child)
            order.append(code)

        visit(ROOT)
        return order

    def pool_of(self, group: str) -> str:
        """The nearest group at or above *group* with declared points (the root otherwise)."""
        current = group
        while current != ROOT and self.declared.get(current) is None:
            current = self.parents[current]
        return current

    def subtree_items(self, group: str) -> list[Item]:
        """Every item within *group*, subgroups included."""
        found = list(self.items.get(group, []))
        for child in self.children.get(group, []):
            found.extend(self.subtree_items(child))
        return found


def tree_of(groups: Iterable[Group], items: Iterable[Item], maximum: Decimal | None) -> Tree:
    """The tree of well-formed *groups* and *items* (unknown parents hang from the root)."""
    known = {group.code for group in groups}
    parents = {group.code: group.parent if group.parent in known else ROOT for group in groups}
    children: dict[str, list[str]] = {ROOT: []}
    for group in groups:
        children.setdefault(parents[group.code], []).append(group.code)
    by_group: dict[str, list[Item]] = {ROOT: []}
    for item in items:
        by_group.setdefault(item.group if item.group in known else ROOT, []).append(item)
    declared: dict[str, Decimal | None] = {group.code: group.points for group in groups}
    declared[ROOT] = maximum
    return Tree(parents, children, by_group, declared)


def natural_points(tree: Tree, group: str) -> Decimal:
    """What the items and subgroups of *group* add up to (a subgroup by its declared points)."""
    total = sum((item.maximum for item in tree.items.get(group, []) if item.kind is not ItemKind.BONUS), _ZERO)
    for child in tree.children.get(group, []):
        declared = tree.declared.get(child)
        total += declared if declared is not None else natural_points(tree, child)
    return total


def natural_maximum(sheet: RuleSheet) -> Decimal:
    """What the sheet's items and groups add up to, before any bonus."""
    return natural_points(tree_of(sheet.groups, sheet.items, None), ROOT)


def check_sheet(sheet: RuleSheet, faults: Faults) -> None:
    """Every fault of *sheet*, each with its path."""
    _check_header(sheet, faults)
    if not _check_items(sheet, faults) or not _check_groups(sheet, faults):
        return
    tree = tree_of(sheet.groups, sheet.items, sheet.maximum)
    _check_pools(sheet, tree, faults)
    _check_bands(sheet, faults)


def _check_header(sheet: RuleSheet, faults: Faults) -> None:
    check_text(sheet.issuer, "issuer", faults)
    check_code(sheet.code, "code", faults, punctuation="_-.")
    check_text(sheet.version, "version", faults)
    check_text(sheet.title, "title", faults)
    start, end = sheet.effective_from, sheet.effective_until
    start_ok = faults.check(
        isinstance(start, dt.date) and not isinstance(start, dt.datetime), "effective_from", "a date", start
    )
    end_ok = end is not None and faults.check(
        isinstance(end, dt.date) and not isinstance(end, dt.datetime), "effective_until", "a date or None", end
    )
    if end_ok and start_ok and end is not None:
        faults.check(end >= start, "effective_until", f"a date on or after {start.isoformat()}", end.isoformat())
    faults.check(bool(sheet.subjects), "subjects", "at least one kind of subject", sorted(sheet.subjects, key=str))
    for kind in sheet.subjects:
        faults.check(isinstance(kind, SubjectKind), "subjects", "SubjectKinds", kind)
    faults.check(isinstance(sheet.missing, MissingPolicy), "missing", "a MissingPolicy", sheet.missing)
    faults.check(
        isinstance(sheet.not_applicable, NotApplicablePolicy),
        "not_applicable",
        "a NotApplicablePolicy",
        sheet.not_applicable,
    )
    faults.check(
        isinstance(sheet.places, int) and not isinstance(sheet.places, bool) and 0 <= sheet.places <= 4,
        "places",
        "a whole number of decimal places from 0 to 4",
        sheet.places,
    )
    if sheet.maximum is not None:
        _check_number(sheet.maximum, "maximum", faults, positive=True)
    if sheet.bonus_cap is not None:
        _check_number(sheet.bonus_cap, "bonus_cap", faults)
    if sheet.weights_total is not None and _check_number(sheet.weights_total, "weights_total", faults, positive=True):
        items = [item for item in sheet.items if isinstance(item, Item) and item.kind is ItemKind.SCORED]
        total = sum((item.weight for item in items), _ZERO)
        faults.check(
            total == sheet.weights_total,
            "items",
            f"scored weights adding up to {format_number(sheet.weights_total)}",
            format_number(total),
        )
    faults.check(
        sheet.based_on is None or isinstance(sheet.based_on, SheetRef), "based_on", "a SheetRef or None", sheet.based_on
    )
    faults.check(isinstance(sheet.source, str), "source", "text", sheet.source)


def _check_items(sheet: RuleSheet, faults: Faults) -> bool:
    items = sheet.items
    if not faults.check(bool(items), "items", "at least one item", []):
        return False
    if not faults.check(len(items) <= MAX_ITEMS, "items", f"at most {MAX_ITEMS} items", len(items)):
        return False
    seen: set[str] = set()
    whole = True
    groups = {group.code for group in sheet.groups if isinstance(group, Group)}
    for index, item in enumerate(items):
        if not faults.check(isinstance(item, Item), f"items[{index}]", "an Item", item):
            whole = False
            continue
        faults.check(item.code not in seen, f"items[{index}].code", "a code not used by another item", item.code)
        seen.add(item.code)
        if item.group:
            faults.check(
                item.group in groups,
                f"items[{index}].group",
                f"one of {', '.join(sorted(groups)) or 'the sheet groups (there are none)'}",
                item.group,
            )
    return whole


def _check_groups(sheet: RuleSheet, faults: Faults) -> bool:
    groups = sheet.groups
    if not faults.check(len(groups) <= _MAX_GROUPS, "groups", f"at most {_MAX_GROUPS} groups", len(groups)):
        return False
    codes: list[str] = []
    whole = True
    for index, group in enumerate(groups):
        if not faults.check(isinstance(group, Group), f"groups[{index}]", "a Group", group):
            whole = False
            continue
        if group.code in codes:
            faults.add(f"groups[{index}].code", "a code not used by another group", group.code)
            whole = False
        codes.append(group.code)
    parents = {group.code: group.parent for group in groups if isinstance(group, Group)}
    for index, group in enumerate(groups):
        if not isinstance(group, Group) or not group.parent:
            continue
        if not faults.check(group.parent in parents, f"groups[{index}].parent", "a group of the sheet", group.parent):
            whole = False
            continue
        seen = {group.code}
        current = group.parent
        while current:
            if current in seen:
                faults.add(f"groups[{index}].parent", "a parent that does not lead back to the group", group.parent)
                whole = False
                break
            seen.add(current)
            current = parents.get(current, "")
    return whole


def _check_pools(sheet: RuleSheet, tree: Tree, faults: Faults) -> None:
    pools_drawn = {tree.pool_of(item.group or ROOT) for item in sheet.items if item.is_pool_deduction}
    found = bool(faults)
    for index, group in enumerate(sheet.groups):
        if group.points is None:
            continue
        natural = natural_points(tree, group.code)
        path = f"groups[{index}].points"
        if natural > group.points:
            faults.add(path, f"at least the {format_number(natural)} points of its items", group.points)
        elif natural < group.points and group.code not in pools_drawn:
            faults.add(
                path,
                f"the {format_number(natural)} points of its items, or a pool that deduction items draw on",
                group.points,
            )
    if bool(faults) != found:
        return  # the sheet's total follows from the groups' points: their faults come first
    natural = natural_points(tree, ROOT)
    if sheet.maximum is not None and (natural > sheet.maximum or (natural < sheet.maximum and ROOT not in pools_drawn)):
        faults.add("items", f"points adding up to the maximum {format_number(sheet.maximum)}", format_number(natural))
    if sheet.maximum is None and natural == 0:
        earning = any(item.kind in (ItemKind.SCORED, ItemKind.DEDUCTION) for item in sheet.items)
        faults.check(not earning, "maximum", "a maximum for the pool the deduction items draw on", None)


def _check_bands(sheet: RuleSheet, faults: Faults) -> None:  # noqa: PLR0912 - one check per rule of the scale
    bands = sheet.bands
    if not faults.check(1 <= len(bands) <= _MAX_BANDS, "bands", f"1 to {_MAX_BANDS} bands", len(bands)):
        return
    if not all(faults.check(isinstance(band, Band), f"bands[{i}]", "a Band", band) for i, band in enumerate(bands)):
        return
    codes = [band.code for band in bands]
    items = {item.code: item for item in sheet.items}
    groups = {group.code for group in sheet.groups}
    previous: Band | None = None
    failing_seen = False
    shares: bool | None = None  # whether the published minimums are shares of the maximum
    for index, band in enumerate(bands):
        path = f"bands[{index}]"
        faults.check(band.code not in codes[:index], f"{path}.code", "a code not used by another band", band.code)
        last = index == len(bands) - 1
        if last:
            faults.check(
                band.is_floor,
                path,
                "a last band without conditions (the lowest band: 未达标, 不合格, D级)",
                band.code,
            )
        if band.passing:
            faults.check(not failing_seen, f"{path}.passing", "false below a band that does not pass", band.passing)
        else:
            failing_seen = True
        shares = _check_minimum(sheet, band, path, shares, faults)
        limits = _limits(band, previous)
        if limits is not None and previous is not None:
            value, before = limits
            below = value < before or (value == before and bool(previous.requires))
            faults.check(
                below, f"{path}.minimum", f"a threshold below the better band's {previous.minimum}", str(band.minimum)
            )
        for p_index, prerequisite in enumerate(band.requires):
            p_path = f"{path}.requires[{p_index}].target"
            if prerequisite.kind is PrerequisiteKind.ITEM_MET:
                faults.check(prerequisite.target in items, p_path, "an item of the sheet", prerequisite.target)
            else:
                faults.check(prerequisite.target in groups, p_path, "a group of the sheet", prerequisite.target)
            limit = prerequisite.minimum
            if limit is not None and limit.share and limit.value is not None:
                faults.check(
                    limit.value <= 1,
                    f"{path}.requires[{p_index}].minimum",
                    "a share of the group's points from 0% to 100%",
                    str(limit),
                )
        previous = band
    if bands[-1].passing:
        gates = [item.code for item in sheet.items if item.kind is ItemKind.REQUIREMENT]
        gates += [item.code for item in sheet.items if item.kind is ItemKind.OVERRIDE and not item.target]
        faults.check(
            not gates,
            f"bands[{len(bands) - 1}].passing",
            "false: the sheet has requirements or vetoes, which leave no passing band",
            f"passing, with {', '.join(gates)}",
        )
    required = {p.target for band in bands for p in band.requires if p.kind is PrerequisiteKind.ITEM_MET}
    for index, item in enumerate(sheet.items):
        if item.kind is ItemKind.OVERRIDE and item.target:
            faults.check(item.target in codes, f"items[{index}].target", f"a band ({', '.join(codes)})", item.target)
        if item.kind is ItemKind.CONDITION:
            faults.check(
                item.code in required,
                f"items[{index}].kind",
                "a condition that some band requires (or a requirement for every passing band)",
                item.kind.code,
            )


def _check_minimum(sheet: RuleSheet, band: Band, path: str, shares: bool | None, faults: Faults) -> bool | None:
    """Check a band's minimum; return whether the sheet's minimums so far are shares."""
    if band.minimum is None or band.minimum.value is None:
        return shares
    value = band.minimum.value
    ceiling = sheet.full_marks + sheet.bonus_ceiling
    if band.minimum.share:
        most = Fraction(ceiling) / Fraction(sheet.full_marks) if sheet.full_marks else Fraction(0)
        faults.check(
            0 <= value <= most,
            f"{path}.minimum",
            f"a share of the maximum from 0% to {fraction_text(most * 100)}%",
            str(band.minimum),
        )
        faults.check(
            shares is not False,
            f"{path}.minimum",
            "points, as the better bands' minimums are (a sheet states them all in points or all as shares)",
            str(band.minimum),
        )
        return True
    faults.check(
        0 <= value <= ceiling, f"{path}.minimum", f"a score from 0 to {format_number(ceiling)}", str(band.minimum)
    )
    faults.check(
        shares is not True,
        f"{path}.minimum",
        "a share, as the better bands' minimums are (a sheet states them all in points or all as shares)",
        str(band.minimum),
    )
    return False


def _limits(band: Band, previous: Band | None) -> tuple[Fraction, Fraction] | None:
    """The published minimums of *band* and the better band, when both are stated on one
    scale (points, or shares)."""
    limit, above = band.minimum, previous.minimum if previous is not None else None
    if limit is None or above is None or limit.value is None or above.value is None or limit.share != above.share:
        return None
    return limit.value, above.value
