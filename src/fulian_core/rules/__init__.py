"""One rule language for published rules (规则): 评选标准, 评分细则, 评定办法 as data.

A :class:`RuleSheet` holds items of six kinds in nested groups that may pool their points,
named bands with stated boundaries, overrides, measured conditions with thresholds, and its
effective dates and provenance. :func:`compile_sheet` turns it into a plan once; the plan
gives the explained :class:`Evaluation` and the short :class:`Standing` from the same
compiled steps; :class:`SheetCatalog` says which version is in force where; :class:`RuleCase`
keeps a rule's expected results beside it. The criteria and courtyard capabilities stand on
it.

>>> import datetime as dt
>>> from fulian_core.rules import (
...     Condition, Fact, Item, ItemKind, Measure, RuleSheet, Subject, SubjectKind, Threshold, evaluate,
... )
>>> sheet = RuleSheet(
...     issuer="371082", code="civilised_post", version="2025", title="巾帼文明岗",
...     effective_from=dt.date(2025, 1, 1), subjects={SubjectKind.POST},
...     items=[Item("women_share", "女性职工占三分之二以上", ItemKind.REQUIREMENT,
...                 condition=Condition(Measure.RATIO, [Threshold.parse("三分之二以上（含）")]))],
... )
>>> post = Subject("post-1", "人和镇便民服务中心", SubjectKind.POST)
>>> evaluate(sheet, {"women_share": Fact.ratio("60余人", "100人")}, on=dt.date(2025, 3, 1), subject=post).verdict.label
'待定'
"""

from fulian_core.rules.batch import (
    MISSING_LEVEL,
    NOT_APPLICABLE_LEVEL,
    OTHER_LEVEL,
    UNKNOWN_LEVEL,
    BatchScores,
    complete_scores,
    fact_columns,
    row_facts,
    score_columns,
)
from fulian_core.rules.cases import Expectation, Mismatch, RuleCase, check_case
from fulian_core.rules.catalog import NATIONAL_ISSUER, SheetCatalog
from fulian_core.rules.evaluation import Evaluation, Grade, GroupTotal, Line, Outcome, Standing, Verdict
from fulian_core.rules.facts import MAX_COUNT, MAX_PLACES, Fact, FactKind, Subject, SubjectKind, freeze_facts
from fulian_core.rules.plan import SheetPlan, compile_sheet, evaluate
from fulian_core.rules.sheet import (
    ELIGIBILITY,
    MAX_ITEMS,
    Band,
    Condition,
    DurationUnit,
    Group,
    Item,
    ItemKind,
    Measure,
    MissingPolicy,
    NotApplicablePolicy,
    OverrideEffect,
    Prerequisite,
    PrerequisiteKind,
    Rating,
    RuleSheet,
    SheetRef,
)
from fulian_core.rules.thresholds import Boundary, Side, Threshold

__all__ = [
    "ELIGIBILITY",
    "MAX_COUNT",
    "MAX_ITEMS",
    "MAX_PLACES",
    "MISSING_LEVEL",
    "NATIONAL_ISSUER",
    "NOT_APPLICABLE_LEVEL",
    "OTHER_LEVEL",
    "UNKNOWN_LEVEL",
    "Band",
    "BatchScores",
    "Boundary",
    "Condition",
    "DurationUnit",
    "Evaluation",
    "Expectation",
    "Fact",
    "FactKind",
    "Grade",
    "Group",
    "GroupTotal",
    "Item",
    "ItemKind",
    "Line",
    "Measure",
    "Mismatch",
    "MissingPolicy",
    "NotApplicablePolicy",
    "Outcome",
    "OverrideEffect",
    "Prerequisite",
    "PrerequisiteKind",
    "Rating",
    "RuleCase",
    "RuleSheet",
    "SheetCatalog",
    "SheetPlan",
    "SheetRef",
    "Side",
    "Standing",
    "Subject",
    "SubjectKind",
    "Threshold",
    "Verdict",
    "check_case",
    "compile_sheet",
    "complete_scores",
    "evaluate",
    "fact_columns",
    "freeze_facts",
    "row_facts",
    "score_columns",
]
