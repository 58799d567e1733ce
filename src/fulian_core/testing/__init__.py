"""Hypothesis strategies for fulian_core's types (测试策略), for downstream test suites.

Strategies are named as plurals of their type, take keyword-only options, and take
strategies (never "a value or a strategy") where a choice is to be drawn::

    from hypothesis import given
    from fulian_core.testing import quantities, periods

    @given(quantities(units=st.just(Unit.HOUSEHOLD)))
    def test_my_rule(figure): ...

Installing fulian_core also registers these with hypothesis, so ``st.from_type(Period)``
works in any suite. :mod:`fulian_core.testing.laws` holds the laws the types obey, as
reusable assertions. They need hypothesis, which the ``testing`` extra brings:
``pip install "fulian_core[testing]"``.
"""

try:
    import hypothesis as _hypothesis  # noqa: F401 - to fail here, naming the extra
except ImportError as _missing:  # pragma: no cover - the suite runs with hypothesis; a subprocess test covers it
    raise ModuleNotFoundError(
        'fulian_core.testing needs hypothesis, which is not installed: pip install "fulian_core[testing]"',
        name="hypothesis",
    ) from _missing

from fulian_core.testing._courtyard import households, inspections
from fulian_core.testing._credit import credit_events, credit_records, credit_schemes
from fulian_core.testing._criteria import evidence
from fulian_core.testing._indicators import household_records, household_tallies, partial_aggregates
from fulian_core.testing._nominations import (
    actors,
    acts_for,
    ballot_rules,
    ballots,
    dossier_rules,
    dossiers,
    dues,
    moments,
    workflows,
)
from fulian_core.testing._reported import intervals, percentages
from fulian_core.testing._reporting import report_rounds
from fulian_core.testing._rules import (
    best_facts,
    evaluation_days,
    extreme_fact,
    fact_sets,
    facts_for,
    rule_items,
    rule_sheets,
    subjects,
    thresholds,
    worst_facts,
)
from fulian_core.testing._shop import points_accounts, price_lists
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
    "best_facts",
    "chinese_names",
    "credit_events",
    "credit_records",
    "credit_schemes",
    "division_codes",
    "dossier_rules",
    "dossiers",
    "dues",
    "evaluation_days",
    "evidence",
    "extreme_fact",
    "fact_sets",
    "facts_for",
    "holiday_schedules",
    "household_records",
    "household_tallies",
    "households",
    "inspections",
    "intervals",
    "mobile_numbers",
    "moments",
    "org_trees",
    "org_units",
    "partial_aggregates",
    "percentages",
    "periods",
    "points_accounts",
    "price_lists",
    "quantities",
    "ratios",
    "report_rounds",
    "resident_ids",
    "rule_items",
    "rule_sheets",
    "schedules",
    "share_counts",
    "subjects",
    "thresholds",
    "workflows",
    "working_day_calendars",
    "worst_facts",
    "yuan_amounts",
]
