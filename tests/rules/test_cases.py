"""Rule test cases kept as data: checking a case, and the pytest plugin that runs case files."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.rules import Expectation, Fact, Mismatch, RuleCase, RuleSheet, Verdict, check_case
from tests.rules.test_shapes import rubric_with_pools

pytest_plugins = ["pytester"]
ON = dt.date(2024, 5, 31)


def test_a_case_that_holds_has_no_mismatch() -> None:
    case = RuleCase("油污", ON, {"kitchen_grease": Fact.found(2)}, Expectation(band="none", best_band="demonstration"))
    assert check_case(FOUR_GOALS_RUBRIC, case) == ()


def test_every_difference_is_named() -> None:
    case = RuleCase(
        "油污",
        ON,
        {"kitchen_grease": Fact.found(2)},
        Expectation(
            total=Decimal(96),
            band="boutique",
            verdict=Verdict.ELIGIBLE,
            lines={"kitchen_grease": "厨房墙壁油污 1处 × 2分 = −2分", "nope": "x"},
        ),
    )
    assert [str(mismatch) for mismatch in check_case(FOUR_GOALS_RUBRIC, case)] == [
        "total: expected 96, got 6",
        "band: expected 'boutique', got 'none'",
        "verdict: expected eligible (符合评选条件), got undecided (待定)",
        "lines['kitchen_grease']: expected '厨房墙壁油污 1处 × 2分 = −2分', got '厨房墙壁油污 2处 × 2分 = −4分'",
        "lines['nope']: expected 'x', got 'no such item'",
    ]
    refused = RuleCase("早于生效", dt.date(2023, 1, 1), {}, Expectation())
    assert check_case(FOUR_GOALS_RUBRIC, refused) == (
        Mismatch(
            "evaluation",
            "a result",
            "on: expected a date when illustrative/four_goals@2024 is in force (2024-01-01 to …), got '2023-01-01'",
        ),
    )


def test_cases_as_plain_data() -> None:
    data = {"name": "x", "on": "2024-05-31", "facts": {"toilet_clean": "met"}, "expect": {"band": "none"}}
    case = structure(data, RuleCase)
    assert case.facts == {"toilet_clean": Fact.met()}
    assert structure(unstructure(case), RuleCase) == case
    with pytest.raises(ValidationError) as raised:
        structure({"name": " ", "on": "2024-05-31", "facts": {}, "expect": {"band": 3, "colour": 1}}, RuleCase)
    assert str(raised.value).splitlines() == [
        "expect.band: expected text, got 3",
        "expect.colour: expected no such key (unknown keys are rejected), got 'colour'",
    ]


def _write(pytester: pytest.Pytester, name: str, content: object) -> None:
    (pytester.path / f"{name}.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


def test_the_plugin_runs_case_files_and_reports_each_difference(pytester: pytest.Pytester) -> None:
    sheet = unstructure(FOUR_GOALS_RUBRIC)
    (pytester.path / "township.json").write_text(json.dumps(sheet, ensure_ascii=False), encoding="utf-8")
    _write(
        pytester,
        "ours.rulecases",
        {
            "sheet": "township.json",
            "cases": [
                {
                    "name": "通过",
                    "on": "2024-05-31",
                    "facts": {"kitchen_grease": {"kind": "found", "count": 2}},
                    "expect": {"band": "none"},
                },
                {"name": "不通过", "on": "2024-05-31", "facts": {}, "expect": {"total": "100"}},
            ],
        },
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*rule case '不通过' of illustrative/four_goals@2024:",
            "*  total: expected 100, got 0",
            "*the rule gave:",
            "*待核实后方可定论*",
        ]
    )


def test_the_plugin_reads_an_inline_sheet_and_refuses_bad_files(pytester: pytest.Pytester) -> None:
    _write(pytester, "inline.rulecases", {"sheet": unstructure(FOUR_GOALS_RUBRIC), "cases": []})
    _write(pytester, "broken.rulecases", {"sheet": "nowhere:SHEET", "cases": []})
    _write(
        pytester,
        "bad_case.rulecases",
        {"sheet": "fulian_core.courtyard.catalog:FOUR_GOALS_RUBRIC", "cases": [{"name": "x"}]},
    )
    _write(pytester, "not_a_sheet.rulecases", {"sheet": "fulian_core.courtyard.catalog:TIER_CODES", "cases": []})
    _write(pytester, "shape.rulecases", {"cases": []})
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines_random(
        [
            "*sheet 'nowhere:SHEET' cannot be imported*",
            "*cases*",
            "*[[]0[]].on: expected a value (the key is required)*",
            "*is not a RuleSheet*",
            "*expected an object with 'sheet' and 'cases'*",
        ]
    )
    assert result.ret != 0


def test_the_documented_case_file_holds_for_the_documented_rubric() -> None:
    """The case file shown in docs/rules-as-data.md is valid and passes against the rubric the
    same page builds."""
    page = (Path(__file__).resolve().parents[2] / "docs" / "rules-as-data.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```json\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    data = json.loads(block)
    cases = structure(data["cases"], list[RuleCase])

    courtyard = structure(rubric_with_pools((("featured", "特色庭院", "5"),)), RuleSheet)
    assert [check_case(courtyard, case) for case in cases] == [()]
