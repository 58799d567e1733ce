"""Strategies for :mod:`fulian_core.courtyard`."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from fulian_core.courtyard import CreditLedger, Household, Inspection, InspectionKind
from fulian_core.rules import RuleSheet
from fulian_core.testing._rules import evaluation_days, fact_sets

__all__ = ["credit_ledgers", "households", "inspections"]


def households(*, villages: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Household]:
    """Households in generated villages."""
    return st.builds(
        Household,
        st.from_regex(r"h-[0-9]{1,5}", fullmatch=True),
        villages if villages is not None else st.sampled_from(["371082103201", "371082103202", "371082104201"]),
    )


@st.composite
def inspections(
    draw: st.DrawFn,
    *,
    rubric: RuleSheet,
    kinds: st.SearchStrategy[InspectionKind] | None = None,
    missing: bool = True,
    not_applicable: bool = True,
    overrides: bool = True,
) -> Inspection:
    """Inspections a rubric can score, dated while it is in force: a fact for every item it
    reads (some missing where the rubric allows it, with *missing*; some not applicable, with
    *not_applicable*; overrides that may fire, with *overrides*)."""
    day = draw(evaluation_days(rubric))
    facts = draw(
        fact_sets(
            sheet=rubric, on=day, missing=missing, not_applicable=not_applicable, unknown=False, overrides=overrides
        )
    )
    return Inspection(
        id=draw(st.from_regex(r"i-[0-9]{1,6}", fullmatch=True)),
        household=draw(households()),
        date=day,
        kind=draw(kinds if kinds is not None else st.sampled_from(list(InspectionKind))),
        facts=facts,
        inspectors=("inspector-1",),
    )


@st.composite
def credit_ledgers(draw: st.DrawFn, *, max_entries: int = 10) -> CreditLedger:
    """Valid ledgers: earnings and spends that never overdraw."""
    ledger = CreditLedger(draw(st.from_regex(r"h-[0-9]{1,4}", fullmatch=True)))
    day = dt.date(2024, 1, 1)
    for _ in range(draw(st.integers(0, max_entries))):
        if ledger.balance and draw(st.booleans()):
            ledger = ledger.spend(draw(st.integers(1, ledger.balance)), day, "洗衣液")
        else:
            ledger = ledger.earn(draw(st.integers(1, 30)), day, "志愿服务")
        day += dt.timedelta(days=draw(st.integers(0, 20)))
    return ledger
