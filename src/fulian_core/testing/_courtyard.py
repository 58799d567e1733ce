"""Strategies for :mod:`fulian_core.courtyard`."""

from __future__ import annotations

from hypothesis import strategies as st

from fulian_core.courtyard import Household, Inspection, InspectionKind
from fulian_core.rules import RuleSheet
from fulian_core.testing._rules import evaluation_days, fact_sets

__all__ = ["households", "inspections"]


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
