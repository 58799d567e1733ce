"""Indicators (指标): definitions, reported values, rollup over the hierarchy and over time
with coverage, consistency findings, analysis, rendering, and mergeable aggregates for scale.

>>> from fulian_core import OrgTree, Period, Quantity, Level
>>> from fulian_core.indicators import Dataset, DataValue, Indicator, IndicatorSet, rollup
>>> from fulian_core.quantities import Unit
>>> tree = OrgTree.from_division_codes({"371082103": "人和镇", "371082103201": "南柳村", "371082103202": "北新庄村"})
>>> sessions = IndicatorSet([Indicator("volunteer_sessions", "志愿服务场次", Unit.SESSION)])
>>> year = Period.year(2024)
>>> data = Dataset(sessions, tree, [
...     DataValue("volunteer_sessions", "371082103201", year, Quantity.parse("200余场次")),
...     DataValue("volunteer_sessions", "371082103202", year, Quantity.parse("30场次")),
... ])
>>> result = rollup(data, "volunteer_sessions", "371082103", year, level=Level.VILLAGE)
>>> str(result.value), str(result.coverage)
('230余场次', '2/2')
"""

from fulian_core.indicators.analysis import (
    Change,
    Rank,
    attainment,
    change,
    change_since_last_year,
    change_since_previous,
    meets_target,
    rank_units,
    share_breakdown,
)
from fulian_core.indicators.columns import rollup_columns, scored_tiers, tally_columns
from fulian_core.indicators.definitions import (
    Indicator,
    IndicatorSet,
    MissingStrategy,
    RatioIndicator,
    Target,
    TimeAggregation,
    UnitAggregation,
)
from fulian_core.indicators.derived import (
    CAMPAIGN_INDICATORS,
    CONTACT_INDICATORS,
    CREDIT_INDICATORS,
    MEDIATION_DEFINITIONS,
    MEDIATION_INDICATORS,
    RECTIFICATION_DEFINITIONS,
    RECTIFICATION_INDICATORS,
    RISK_INDICATORS,
    TIER_INDICATORS,
    campaign_values,
    contact_definitions,
    contact_values,
    credit_definitions,
    credit_values,
    mediation_values,
    rectification_values,
    risk_definitions,
    risk_values,
    tier_values,
)
from fulian_core.indicators.findings import Finding, FindingKind, Operator, ValidationRule, check_rules, check_totals
from fulian_core.indicators.rendering import render_percent, render_value
from fulian_core.indicators.rollup import (
    Coverage,
    Partial,
    RatioResult,
    RollupResult,
    RollupStatus,
    partials,
    rollup,
    rollup_ratio,
)
from fulian_core.indicators.scale import (
    HouseholdRecord,
    HouseholdTally,
    LevelTotals,
    UnitTotals,
    dask_tally,
    dask_tally_columns,
    tally,
)
from fulian_core.indicators.table import RollupTable, rollup_table
from fulian_core.indicators.values import Dataset, DataValue, Origin

__all__ = [
    "CAMPAIGN_INDICATORS",
    "CONTACT_INDICATORS",
    "CREDIT_INDICATORS",
    "MEDIATION_DEFINITIONS",
    "MEDIATION_INDICATORS",
    "RECTIFICATION_DEFINITIONS",
    "RECTIFICATION_INDICATORS",
    "RISK_INDICATORS",
    "TIER_INDICATORS",
    "Change",
    "Coverage",
    "DataValue",
    "Dataset",
    "Finding",
    "FindingKind",
    "HouseholdRecord",
    "HouseholdTally",
    "Indicator",
    "IndicatorSet",
    "LevelTotals",
    "MissingStrategy",
    "Operator",
    "Origin",
    "Partial",
    "Rank",
    "RatioIndicator",
    "RatioResult",
    "RollupResult",
    "RollupStatus",
    "RollupTable",
    "Target",
    "TimeAggregation",
    "UnitAggregation",
    "UnitTotals",
    "ValidationRule",
    "attainment",
    "campaign_values",
    "change",
    "change_since_last_year",
    "change_since_previous",
    "check_rules",
    "check_totals",
    "contact_definitions",
    "contact_values",
    "credit_definitions",
    "credit_values",
    "dask_tally",
    "dask_tally_columns",
    "mediation_values",
    "meets_target",
    "partials",
    "rank_units",
    "rectification_values",
    "render_percent",
    "render_value",
    "risk_definitions",
    "risk_values",
    "rollup",
    "rollup_columns",
    "rollup_ratio",
    "rollup_table",
    "scored_tiers",
    "share_breakdown",
    "tally",
    "tally_columns",
    "tier_values",
]
