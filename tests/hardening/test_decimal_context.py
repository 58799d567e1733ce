"""The library's decimal arithmetic never depends on the caller's decimal context (issue 15, class 4).

A notebook that set ``decimal.getcontext().prec = 4`` for its own work, or a test suite that
traps ``Inexact``, must get the same shares, sums, figures, rollups, scores and grades."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    DefinitionError,
    OrgTree,
    Period,
    Quantity,
    Ratio,
    find_figures,
    largest_remainder,
    percentage_shares,
)
from fulian_core.courtyard import Household, Inspection, InspectionKind, score
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.credit import CreditEvent, CreditRecord, credit_standing
from fulian_core.credit.catalog import DISTRICT_HOUSEHOLD_CREDIT
from fulian_core.indicators import (
    Dataset,
    DataValue,
    Indicator,
    IndicatorSet,
    RatioIndicator,
    render_value,
    rollup,
    rollup_ratio,
    rollup_table,
)
from fulian_core.nominations import SelectionWeights
from fulian_core.orgs import Level
from fulian_core.quantities import Unit
from fulian_core.rules import Fact, Subject, SubjectKind
from fulian_core.testing import partial_aggregates, quantities, ratios, share_counts

HOSTILE = [
    decimal.Context(prec=3, rounding=decimal.ROUND_DOWN),
    decimal.Context(prec=5, rounding=decimal.ROUND_CEILING, traps=[decimal.Inexact, decimal.Rounded]),
    decimal.Context(prec=28, Emax=6, Emin=-6),
]


def same_everywhere(work: Callable[[], object]) -> None:
    expected = work()
    for context in HOSTILE:
        with decimal.localcontext(context):
            assert work() == expected, context


@given(share_counts(), st.integers(0, 4))
def test_shares(counts: list[int], places: int) -> None:
    same_everywhere(
        lambda: (percentage_shares(counts, places=places), largest_remainder(counts, total=7, places=places))
    )


@given(ratios())
def test_ratios(ratio: Ratio) -> None:
    if ratio.is_defined:
        same_everywhere(lambda: (ratio.value(), ratio.percent(), ratio.percent(4)))


@given(quantities(), quantities())
def test_quantities(first: Quantity, second: Quantity) -> None:
    same_everywhere(lambda: (str(first), repr(first), Quantity.parse(str(first)), first.bounds))
    if first.unit is second.unit:
        same_everywhere(lambda: (first + second, str(first + second)))


@given(partial_aggregates(units=st.just("v-1")), partial_aggregates(units=st.just("v-2")))
def test_partials(first: object, second: object) -> None:
    same_everywhere(lambda: first.merge(second))  # type: ignore[attr-defined]


def test_parsing_figures() -> None:
    text = "平安家庭181,913户占全区总户数的90%，筹集资金12.5万元，200余人次"
    same_everywhere(lambda: [str(found.quantity) for found in find_figures(text)])
    same_everywhere(lambda: Quantity.parse("200余人") + Quantity.parse("1234567人"))


def test_rollups_and_rendering() -> None:
    tree = OrgTree.from_division_codes(
        {"371082": "荣成市", "371082103": "人和镇", "371082103201": "南柳村", "371082103202": "北新庄村"}
    )
    indicators = IndicatorSet(
        [
            Indicator("safe", "平安家庭户数", Unit.HOUSEHOLD),
            Indicator("households", "总户数", Unit.HOUSEHOLD),
            Indicator("money", "募集善款", Unit.YUAN),
            RatioIndicator("safe_share", "平安家庭占比", "safe", "households"),
        ]
    )
    year = Period.year(2024)
    values = [
        DataValue("safe", "371082103201", year, Quantity.parse("181913户")),
        DataValue("households", "371082103201", year, Quantity.parse("202125户")),
        DataValue("safe", "371082103202", year, Quantity.parse("1234567户")),
        DataValue("households", "371082103202", year, Quantity.parse("1371741户")),
        DataValue("money", "371082103201", year, Quantity.parse("15645.5元")),
        DataValue("money", "371082103202", year, Quantity.parse("12345678.91元")),
    ]
    data = Dataset(indicators, tree, values)
    same_everywhere(lambda: rollup(data, "safe", "371082", year, level=Level.VILLAGE))
    same_everywhere(lambda: rollup(data, "money", "371082", year, level=Level.VILLAGE))
    same_everywhere(lambda: rollup_ratio(data, "safe_share", "371082", year, level=Level.VILLAGE))
    same_everywhere(
        lambda: rollup_table(
            data, ["safe", "money", "safe_share"], ["371082103", "371082"], year, level=Level.VILLAGE
        ).render()
    )
    same_everywhere(lambda: render_value(Quantity.parse("12345678.91元")))


def test_scores_and_credit() -> None:
    facts = {
        "yard_litter": Fact.found(1),
        "kitchen_grease": Fact.found(2),
        "door_window_dust": Fact.found(0),
        "toilet_clean": Fact.met(),
        "yard_clutter": Fact.found(1),
        "indoor_storage": Fact.rated("较好"),
        "walls_tidy": Fact.rated("一般"),
        "greenery": Fact.rated("好"),
        "illegal_building": Fact.not_met(),
        "unlawful": Fact.not_met(),
    }
    inspection = Inspection(
        "i-1", Household("h-1", "371082103201"), dt.date(2024, 5, 1), InspectionKind.ACCEPTANCE, facts
    )
    same_everywhere(lambda: score(FOUR_GOALS_RUBRIC, inspection).render())
    record = CreditRecord(Subject("h-1", kind=SubjectKind.HOUSEHOLD)).add(
        CreditEvent("o-1", dt.date(2025, 4, 15), ["burning_straw"], count=3), DISTRICT_HOUSEHOLD_CREDIT
    )
    same_everywhere(lambda: credit_standing(DISTRICT_HOUSEHOLD_CREDIT, record, on=dt.date(2025, 6, 30)).render())


@pytest.mark.parametrize("committee", ["0.7000000000000000000000000001", "0.6999999999999999999999999999"])
def test_weights_that_do_not_sum_to_one_are_refused_even_past_28_digits(committee: str) -> None:
    # 29 significant digits: summed in the default context (28 digits) they would round to 1.
    with pytest.raises(DefinitionError, match=r"^votes: expected weights summing to 1"):
        SelectionWeights(committee=committee, votes="0.3")
