"""Strategies for :mod:`fulian_core.criteria`."""

from __future__ import annotations

from hypothesis import strategies as st

from fulian_core.criteria import Evidence
from fulian_core.rules import RuleSheet
from fulian_core.testing._rules import fact_sets, subjects

__all__ = ["evidence"]


@st.composite
def evidence(draw: st.DrawFn, *, sheet: RuleSheet, unknown: bool = True, not_applicable: bool = True) -> Evidence:
    """Evidence about a candidate of a kind *sheet* judges: facts it accepts, some left out
    or unknown (with *unknown*), some not applicable (with *not_applicable*)."""
    kinds = st.sampled_from(sorted(sheet.subjects, key=lambda kind: kind.code))
    facts = draw(fact_sets(sheet=sheet, missing=unknown, unknown=unknown, not_applicable=not_applicable))
    return Evidence(draw(subjects(kinds=kinds)), facts)
