"""Hypothesis strategies for fulian_core's types (测试策略), for downstream test suites.

Strategies are named as plurals of their type, take keyword-only options, and take
strategies (never "a value or a strategy") where a choice is to be drawn::

    from hypothesis import given
    from fulian_core.testing import quantities, periods

    @given(quantities(units=st.just(Unit.HOUSEHOLD)))
    def test_my_rule(figure): ...

Installing fulian_core also registers these with hypothesis, so ``st.from_type(Period)``
works in any suite. :mod:`fulian_core.testing.laws` holds the laws the types obey, as
reusable assertions.
"""

from fulian_core.testing._courtyard import (
    credit_ledgers,
    households,
    inspections,
    observations_for,
    rubric_items,
    rubrics,
)
from fulian_core.testing._criteria import candidates, criteria, criteria_sets, evidence, facts_for
from fulian_core.testing._indicators import household_records, household_tallies, partial_aggregates
from fulian_core.testing._nominations import (
    actors,
    acts_for,
    ballot_rules,
    ballots,
    dossier_rules,
    dossiers,
    moments,
    workflows,
)
from fulian_core.testing._strategies import (
    chinese_names,
    division_codes,
    holiday_schedules,
    mobile_numbers,
    org_trees,
    org_units,
    periods,
    quantities,
    ratios,
    resident_ids,
    schedules,
    share_counts,
    working_day_calendars,
    yuan_amounts,
)

__all__ = [
    "actors",
    "acts_for",
    "ballot_rules",
    "ballots",
    "candidates",
    "chinese_names",
    "credit_ledgers",
    "criteria",
    "criteria_sets",
    "division_codes",
    "dossier_rules",
    "dossiers",
    "evidence",
    "facts_for",
    "holiday_schedules",
    "household_records",
    "household_tallies",
    "households",
    "inspections",
    "mobile_numbers",
    "moments",
    "observations_for",
    "org_trees",
    "org_units",
    "partial_aggregates",
    "periods",
    "quantities",
    "ratios",
    "resident_ids",
    "rubric_items",
    "rubrics",
    "schedules",
    "share_counts",
    "workflows",
    "working_day_calendars",
    "yuan_amounts",
]
