"""Tidy records (整齐数据): results as rows of plain numbers, codes and labels, and their frames."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree, Quantity, ValidationError, records, to_frame
from fulian_core.courtyard import Inspection, score
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.credit import credit_standing
from fulian_core.indicators import Dataset, DataValue, HouseholdRecord, rollup, rollup_table, tally
from fulian_core.nominations import campaign_statistics
from fulian_core.nominations.statistics import CampaignStatistics, Counts
from fulian_core.rules import Fact
from fulian_core.tabular import Record, Tabular
from fulian_core.testing import inspections
from tests.courtyard.test_scoring import PLAN, inspect, perfect
from tests.credit.test_rules import PERSON, D, event, person
from tests.indicators.conftest import CODES, YEAR, make_indicators
from tests.nominations.fixtures import ZHONGYI, Run, campaign

TREE = OrgTree.from_division_codes(CODES)
INDICATORS = make_indicators()
VILLAGES = sorted(code for code in CODES if len(code) == 12)
TOWNSHIPS = sorted(code for code in CODES if len(code) == 9)
PLAIN = (int, Decimal, str, dt.date, type(None))


def v(indicator: str, unit: str, text: str) -> DataValue:
    return DataValue(indicator, unit, YEAR, Quantity.parse(text))


# Seed 001 篇1 (人和镇's villages) and two made-up townships beside it, as tests/indicators/test_table.py.
DATA = Dataset(
    INDICATORS,
    TREE,
    [
        v("volunteer_sessions", "371082103201", "200余场次"),
        v("volunteer_sessions", "371082103202", "30场次"),
        v("volunteer_sessions", "371082103203", "12场次"),
        v("money_raised", "371082103201", "56745元"),
        v("safe_families", "371082103201", "90户"),
        v("households", "371082103201", "100户"),
        v("safe_families", "371082104201", "181913户"),
        v("households", "371082104201", "202126户"),
        v("safe_families", "371082104202", "10户"),
        v("households", "371082104202", "40户"),
    ],
)


def test_a_rollup_table_gives_one_row_per_cell_with_its_numbers_beside_its_text() -> None:
    table = rollup_table(DATA, ["volunteer_sessions", "safe_family_share"], TOWNSHIPS, YEAR, level=Level.VILLAGE)
    rows = table.records()
    assert len(rows) == 6
    sessions = rows[0]
    # 200余 + 30 + 12 = 242余场次, every village of 人和镇 reported.
    assert sessions == {
        "unit": "371082103",
        "unit_label": "人和镇",
        "indicator": "volunteer_sessions",
        "indicator_label": "志愿服务场次",
        "period": "2024",
        "period_label": "2024年",
        "period_start": dt.date(2024, 1, 1),
        "period_end": dt.date(2024, 12, 31),
        "value": Decimal(242),
        "value_low": Decimal(242),
        "value_high": None,
        "value_unit": "session",
        "value_unit_label": "场次",
        "value_qualifier": "more_than",
        "value_qualifier_label": "多于",
        "reported": 3,
        "expected": 3,
        "approved_only": False,
        "missing": 0,
        "status": "complete",
        "status_label": "数据完整",
        "text": "242余场次",
    }
    share = rows[3]  # 俚岛镇: (181913 + 10) / (202126 + 40) = 89.99%
    assert (share["unit"], share["value"], share["numerator"], share["denominator"], share["exact"]) == (
        "371082104",
        Decimal("89.99"),
        Decimal(181923),
        Decimal(202166),
        True,
    )
    assert (share["numerator_reported"], share["numerator_expected"], share["text"]) == (2, 2, "89.99%")
    nothing = rows[4]  # 成山镇 reported no sessions: no value, never a zero
    assert (nothing["value"], nothing["reported"], nothing["expected"], nothing["status"], nothing["text"]) == (
        None,
        0,
        1,
        "no_data",
        "—",
    )


def test_a_rollup_result_and_a_dataset_give_rows_of_numbers() -> None:
    result = rollup(DATA, "money_raised", "371082103", YEAR, level=Level.VILLAGE)
    (row,) = result.records()
    assert (row["value"], row["value_unit"], row["reported"], row["expected"], row["missing"], row["status"]) == (
        Decimal(56745),
        "yuan",
        1,
        3,
        2,
        "partial",
    )
    rows = DATA.records()
    assert len(rows) == len(DATA) == 10
    assert rows[0]["unit_label"] == "南柳村"
    assert rows[0]["indicator_label"] == "志愿服务场次"
    assert (rows[0]["value"], rows[0]["value_qualifier"], rows[0]["origin"]) == (Decimal(200), "more_than", "reported")


def test_a_score_card_is_one_row_and_its_lines_are_rows() -> None:
    card = score(PLAN, inspect(perfect()))
    (row,) = card.records()
    assert (row["inspection"], row["household"], row["village"], row["kind"], row["on"]) == (
        "i-1",
        "h-0601",
        "371082103201",
        "acceptance",
        dt.date(2024, 5, 31),
    )
    assert (row["total"], row["maximum"], row["bonus_ceiling"], row["band"], row["band_label"]) == (
        Decimal(100),
        Decimal(100),
        Decimal(10),
        "boutique",
        card.band.label,
    )
    assert (row["verdict"], row["provisional"], row["missing"]) == ("eligible", False, 0)
    assert "subject" not in row  # the household's id is already there, and no name ever is
    lines = records(card.evaluation.lines)
    assert [line["item"] for line in lines] == [line.item for line in card.evaluation.lines]
    assert sum(line["points"] for line in lines if line["kind"] in {"scored", "deduction"}) == Decimal(100)  # type: ignore[misc]


def test_seed_000_statistics_as_rows() -> None:
    # Seed 000: 共收到推荐材料80余份（81）……上报55份.
    stats = CampaignStatistics(Level.CITY, Counts(received=81, forwarded=55), {"online": Counts(received=3)}, {}, {})
    rows = stats.records()
    assert rows[0] == {
        "level": "city",
        "level_label": "市",
        "by": "total",
        "key": None,
        "received": 81,
        "returned": 0,
        "rejected": 0,
        "withdrawn": 0,
        "removed": 0,
        "forwarded": 55,
        "awarded": 0,
        "revoked": 0,
    }
    assert (rows[1]["by"], rows[1]["key"], rows[1]["received"]) == ("channel", "online", 3)


def test_a_campaign_run_counts_as_rows() -> None:
    run = Run(campaign())
    run.to_shortlist([1, 2, 3])
    rows = campaign_statistics(run.campaign, run.state, Level.VILLAGE).records()
    assert rows[0]["received"] == 3
    assert {(row["by"], row["key"]): row["received"] for row in rows}[("unit", ZHONGYI)] == 3


def test_a_household_tally_is_one_row_per_village_and_tier() -> None:
    found = tally(
        [
            HouseholdRecord("h-1", "371082103201", "boutique", Decimal("120.50"), 3),
            HouseholdRecord("h-2", "371082103201", "model", Decimal(80), 1),
            HouseholdRecord("h-3", "371082103201", "boutique", Decimal(0), 2),
            HouseholdRecord("h-4", "371082103202", "clean", Decimal(5), 0),
        ]
    )
    assert found.records() == [
        {
            "village": "371082103201",
            "tier": "boutique",
            "households": 2,
            "village_households": 3,
            "money": Decimal("200.50"),
            "sessions": 6,
        },
        {
            "village": "371082103201",
            "tier": "model",
            "households": 1,
            "village_households": 3,
            "money": Decimal("200.50"),
            "sessions": 6,
        },
        {
            "village": "371082103202",
            "tier": "clean",
            "households": 1,
            "village_households": 1,
            "money": Decimal(5),
            "sessions": 0,
        },
    ]


def test_a_credit_standing_and_its_entries_as_rows() -> None:
    standing = credit_standing(PERSON, person(event("e1", D(2025, 6, 2), "burn")), on=D(2026, 6, 1))
    (row,) = standing.records()
    assert (row["subject"], row["on"], row["score"], row["grade"], row["counting"], row["next_change"]) == (
        "p-1",
        D(2026, 6, 1),
        Decimal(97),
        "A",
        1,
        D(2026, 6, 2),
    )
    assert row["next_score"] == Decimal(100)
    (line,) = records(standing.lines)
    assert (line["event"], line["points"], line["counted"], line["valid_until"], line["status"]) == (
        "e1",
        Decimal(-3),
        Decimal(-3),
        D(2026, 6, 1),
        "counts",
    )


def test_every_result_type_is_tabular() -> None:
    table = rollup_table(DATA, ["teams"], ["371082"], YEAR, level=Level.VILLAGE)
    for value in (table, table.cells[0][0], DATA, DATA.values[0], score(PLAN, inspect(perfect()))):
        assert isinstance(value, Tabular)


# -- the frames ---------------------------------------------------------------------------------


def test_a_frame_keeps_money_decimal_whole_numbers_int64_codes_categories_and_dates_datetimes() -> None:
    table = rollup_table(DATA, ["volunteer_sessions", "safe_family_share"], TOWNSHIPS, YEAR, level=Level.VILLAGE)
    frame = to_frame(table)
    assert frame.shape == (6, len({column for row in table.records() for column in row}))
    assert str(frame["reported"].dtype) == "Int64"
    assert str(frame["status"].dtype) == "category"
    assert str(frame["status_label"].dtype) == "category"
    assert str(frame["indicator"].dtype) == "category"
    assert str(frame["exact"].dtype) == "boolean"
    assert str(frame["period_start"].dtype).startswith("datetime64")
    assert frame["value"].dtype == object
    assert frame["value"].tolist()[:2] == [Decimal(242), Decimal("90.00")]
    assert frame["text"].dtype == object
    assert frame["reported"].sum() == sum(row.get("reported") or 0 for row in table.records())  # type: ignore[misc]
    assert frame["value_high"].isna().all()
    assert frame["value_high"].dtype == object  # all None: not guessed as float


def test_floats_on_request() -> None:
    frame = to_frame(DATA, floats=True)
    assert str(frame["value"].dtype) == "Float64"
    assert frame["value"].sum() == pytest.approx(200 + 30 + 12 + 56745 + 90 + 100 + 181913 + 202126 + 10 + 40)
    assert to_frame(DATA)["value"].sum() == Decimal(200 + 30 + 12 + 56745 + 90 + 100 + 181913 + 202126 + 10 + 40)


def test_many_values_make_one_frame_and_plain_records_pass_through() -> None:
    # seed 001 篇7: 厨房墙壁油污 2处, 门窗灰尘 1处, 庭院物品摆放杂乱 6处 → 100 − 4 − 2 − 15 = 79 (清洁户)
    seen = perfect() | {
        "kitchen_grease": Fact.found(2),
        "door_window_dust": Fact.found(1),
        "yard_clutter": Fact.found(6),
    }
    cards = [score(PLAN, inspect(perfect())), score(PLAN, inspect(seen))]
    frame = to_frame(cards)
    assert frame["total"].tolist() == [Decimal(100), Decimal(79)]
    assert frame["band"].tolist() == ["boutique", "clean"]
    assert str(frame["band"].dtype) == "category"
    assert frame["short_by"].tolist() == [None, Decimal(1)]
    plain: list[Record] = [{"a": 1, "b": None}, {"a": None, "b": "x"}]
    assert to_frame(plain)["a"].tolist() == [1, pd.NA]


def test_big_whole_numbers_are_not_rounded_through_float() -> None:
    plain: list[Record] = [{"n": 2**60 + 1}, {"n": None}]
    frame = to_frame(plain)
    assert frame["n"][0] == 2**60 + 1


def test_what_is_not_tidy_is_refused_with_its_path() -> None:
    with pytest.raises(ValidationError) as raised:
        records(
            [
                {"households": 620, "text": "620户"},
                {"share": 0.9, "when": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)},
            ]  # type: ignore[arg-type]
        )
    assert str(raised.value).splitlines() == [
        "value[1].share: expected a plain cell (int, Decimal, text, date, true or false, or None), got 'float'",
        "value[1].when: expected a plain cell (int, Decimal, text, date, true or false, or None), got 'datetime'",
    ]
    with pytest.raises(
        ValidationError,
        match=r"^value: expected a value with records\(\), a list of them, or a list of records, got 'abc'$",
    ):
        records("abc")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^value\[1\]: expected a value with records\(\) or a record, got 3$"):
        records([{"a": 1}, 3])  # type: ignore[arg-type]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"fulian_core\[pandas\]"):
        to_frame(DATA)


# -- the law: records hold numbers, never display text ------------------------------------------

_NUMERIC = {
    "value",
    "value_low",
    "value_high",
    "reported",
    "expected",
    "missing",
    "numerator",
    "denominator",
    "numerator_reported",
    "numerator_expected",
    "denominator_reported",
    "denominator_expected",
}


@given(
    st.dictionaries(
        st.sampled_from(VILLAGES),
        st.tuples(st.integers(0, 10**7), st.sampled_from(["", "余", "近", "约"])),
        max_size=len(VILLAGES),
    )
)
def test_records_hold_plain_numbers_and_codes_and_sum_to_the_reports(
    reports: dict[str, tuple[int, str]],
) -> None:
    def text(count: int, mark: str) -> str:
        return f"{mark}{count}场次" if mark in {"近", "约"} else f"{count}{mark}场次"

    data = Dataset(INDICATORS, TREE, [v("volunteer_sessions", unit, text(*report)) for unit, report in reports.items()])
    table = rollup_table(data, ["volunteer_sessions"], ["371082", *TOWNSHIPS], YEAR, level=Level.VILLAGE)
    rows = table.records()
    texts = Counter[str]()
    for row in rows:
        for column, cell in row.items():
            assert isinstance(cell, PLAIN), (column, cell)
            if column in _NUMERIC:
                assert cell is None or (isinstance(cell, (int, Decimal)) and not isinstance(cell, bool)), (column, cell)
            if isinstance(cell, str) and column != "text" and not column.endswith("_label"):
                assert "场次" not in cell, (column, cell)  # codes, never display text
                texts[column] += 1
    county = rows[0]
    assert county["reported"] == len(reports)
    assert county["expected"] == len(VILLAGES)
    if reports:
        assert county["value"] == sum(count for count, _ in reports.values())


@given(inspections(rubric=FOUR_GOALS_RUBRIC))
def test_a_card_and_its_lines_give_plain_rows_that_agree_with_the_card(inspection: Inspection) -> None:
    card = score(PLAN, inspection)
    (row,) = records(card)
    assert all(isinstance(cell, PLAIN) for cell in row.values())
    assert (row["total"], row["best_total"], row["band"], row["provisional"]) == (
        card.total,
        card.evaluation.best_total,
        card.band.code,
        card.provisional,
    )
    lines = records(card.evaluation.lines)
    assert len(lines) == len(card.evaluation.lines)
    for line in lines:
        assert all(isinstance(cell, PLAIN) for cell in line.values())
        for column in ("points", "best", "maximum", "deducted", "per_occurrence"):
            assert isinstance(line[column], Decimal)
