"""Which facts an item allows, and the faults of those it does not: the one place that words
them. A fact outside what an item allows is refused, never clipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from fulian_core._faults import Faults
from fulian_core._numbers import format_number
from fulian_core.rules._measure import INVALID, expected_kind, judge
from fulian_core.rules.facts import Fact, FactKind, SubjectKind
from fulian_core.rules.sheet import Item, ItemKind, MissingPolicy, RuleSheet

__all__ = ["allowed_kinds", "check_facts", "fact_allowed", "fact_faults"]

_PLAIN: Final = (FactKind.MET, FactKind.NOT_MET, FactKind.UNKNOWN, FactKind.NOT_APPLICABLE)


def allowed_kinds(item: Item) -> tuple[FactKind, ...]:
    """The kinds of fact *item* reads, in the order they are usually given."""
    if item.kind is ItemKind.DEDUCTION:
        return (FactKind.FOUND, FactKind.UNKNOWN, FactKind.NOT_APPLICABLE)
    kinds = list(_PLAIN)
    if item.kind in (ItemKind.SCORED, ItemKind.BONUS):
        if item.ratings:
            kinds.insert(0, FactKind.RATED)
        kinds.append(FactKind.SCORED)
        if item.per_occurrence:
            kinds.insert(0, FactKind.FOUND)
    if item.condition is not None:
        kinds.append(expected_kind(item.condition))
    return tuple(kinds)


def fact_faults(item: Item, fact: Fact, path: str, on: dt.date, faults: Faults) -> None:
    """Add the faults of *fact* given for *item* (nothing when the item allows it)."""
    allowed = allowed_kinds(item)
    if fact.kind not in allowed:
        codes = [kind.code for kind in allowed]
        listed = ", ".join(codes[:-1]) + f" or {codes[-1]}"
        faults.add(f"{path}.kind", f"{listed} for {item.title} ({item.kind.label})", fact.kind.code)
        return
    if fact.kind is FactKind.RATED and item.rating(fact.rating) is None:
        names = "、".join(rating.name for rating in item.ratings)
        faults.add(f"{path}.rating", f"a rating of {item.title} ({names})", fact.rating)
    elif fact.kind is FactKind.SCORED and fact.points is not None and fact.points > item.points:
        faults.add(f"{path}.points", f"at most {format_number(item.points)} points for {item.title}", fact.points)
    elif item.condition is not None and fact.kind is expected_kind(item.condition):
        status, _ = judge(item.condition, fact, on)
        if status == INVALID:
            unit = item.condition.unit
            field = "quantity" if fact.kind is FactKind.MEASURED else "part"
            faults.add(
                f"{path}.{field}",
                f"a figure in {unit.label if unit else 'one unit'} for {item.title}",
                str(fact.quantity if fact.kind is FactKind.MEASURED else fact.part),
            )


def fact_allowed(item: Item, fact: Fact, on: dt.date) -> bool:
    """Whether *item* allows *fact*."""
    faults = Faults()
    fact_faults(item, fact, "", on, faults)
    return not faults


def check_facts(
    sheet: RuleSheet, facts: Mapping[str, Fact], on: dt.date, *, kind: SubjectKind | None = None, path: str = "facts"
) -> None:
    """Refuse facts the sheet does not allow, naming every fault (never clipped): a code the
    sheet does not have, a fact of a kind the item does not read, a rating off its scale,
    points above its maximum, a figure in another unit, an item left without a fact when the
    sheet counts that as an error."""
    faults = Faults()
    items = {item.code: item for item in sheet.items}
    for code, fact in facts.items():
        where = f"{path}[{code!r}]"
        item = items.get(code)
        if item is None:
            faults.add(where, f"an item of {sheet.ref} ({', '.join(sheet.codes)})", code)
            continue
        fact_faults(item, fact, where, on, faults)
    if sheet.missing is MissingPolicy.ERROR:
        missing = [
            item.code
            for item in sheet.items
            if item.code not in facts and item.kind is not ItemKind.BONUS and (kind is None or item.applies(kind))
        ]
        if missing:
            faults.add(path, f"a fact for every item of {sheet.ref}", f"missing {', '.join(missing)}")
    faults.raise_if_any()
