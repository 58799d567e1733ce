"""The laws catch broken rules: bands nobody reaches, bands only bonus points reach, limits
left unstated, vetoes that cannot fire, the parent's vetoes dropped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import settings

from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL, catalog
from fulian_core.rules import (
    Band,
    Item,
    ItemKind,
    OverrideEffect,
    Prerequisite,
    PrerequisiteKind,
    RuleSheet,
    SubjectKind,
    Threshold,
)
from fulian_core.testing import best_facts, worst_facts
from fulian_core.testing.laws import assert_sheet_laws, sheet_problems

GOALS = FOUR_GOALS_RUBRIC
TIERS = GOALS.bands


def _with_bands(*bands: Band) -> RuleSheet:
    return attrs.evolve(GOALS, bands=bands)


def test_the_shipped_sheets_are_sound() -> None:
    assert sheet_problems(GOALS) == []
    for sheet in catalog():
        assert sheet_problems(sheet) == [], sheet.ref


def test_a_top_band_no_household_can_reach() -> None:
    # 精品户 also asks 洁化 for 45 of its 40 points: no inspection can give that.
    broken = _with_bands(
        Band(
            "boutique",
            "精品户",
            Threshold.at_least(90),
            (Prerequisite(PrerequisiteKind.GROUP_MINIMUM, "clean", Threshold.at_least(45)),),
        ),
        *TIERS[1:],
    )
    assert sheet_problems(broken) == [
        "band boutique (精品户) cannot be reached: the best possible total is 110 and reaches 示范户"
    ]
    with pytest.raises(AssertionError, match=r"^illustrative/four_goals@2024 is not a sound rule:\n- band boutique"):
        assert_sheet_laws(broken)


def test_a_band_only_bonus_points_reach() -> None:
    broken = _with_bands(Band("boutique", "精品户", Threshold.at_least(102)), *TIERS[1:])
    assert sheet_problems(broken) == ["band boutique (精品户) is reachable only with bonus points"]


def test_boundaries_left_unstated_and_limits_not_published() -> None:
    broken = _with_bands(
        Band("boutique", "精品户", Threshold.above(90)),
        Band("demonstration", "示范户", Threshold.unpublished()),
        *TIERS[2:],
    )
    assert sheet_problems(broken) == [
        "bands[0] boutique: '90以上' does not say whether 90 itself counts",
        "bands[1] demonstration: the limit is not published, so every result on it is undecided",
    ]
    assert sheet_problems(broken, unstated=True, unpublished=True) == []


def test_vetoes_that_cannot_fire() -> None:
    household_only = attrs.evolve(
        GOALS,
        items=(
            *GOALS.items,
            Item("person_only", "本人违法", ItemKind.OVERRIDE, applies_to=frozenset({SubjectKind.PERSON})),
            Item("cap_at_top", "有投诉", ItemKind.OVERRIDE, target="boutique", effect=OverrideEffect.CAP),
        ),
    )
    assert sheet_problems(household_only) == [
        "override person_only (本人违法) applies to no subject the sheet judges",
        "override cap_at_top (有投诉) cannot change any result",
    ]


def test_a_veto_the_local_version_dropped() -> None:
    local = GOALS.adapt(
        issuer="371082103", version="2025", effective_from=dt.date(2025, 1, 1), drop=["illegal_building"]
    )
    assert sheet_problems(local) == []  # alone, a sheet without that veto is a possible rule
    assert sheet_problems(local, parent=GOALS) == [
        "override illegal_building (私搭乱建) of illustrative/four_goals@2024 was dropped"
    ]
    national = MOST_BEAUTIFUL_FAMILY_NATIONAL
    county = national.adapt(issuer="371082", version="2024", effective_from=dt.date(2024, 1, 1), drop=["cult"])
    with pytest.raises(
        AssertionError, match=r"- override cult \(参与邪教\) of CN/most_beautiful_family@2014 was dropped"
    ):
        assert_sheet_laws(county, parent=national)


def test_the_laws_run_with_the_suite_s_settings() -> None:
    calls: list[int] = []
    original = settings.default

    assert_sheet_laws(GOALS, settings=settings(max_examples=5, deadline=None))
    assert settings.default is original
    del calls


def test_best_and_worst_facts() -> None:
    from fulian_core.rules import compile_sheet

    plan = compile_sheet(GOALS)
    on = GOALS.effective_from
    best = plan.standing(best_facts(GOALS), on=on)
    worst = plan.standing(worst_facts(GOALS), on=on)
    assert (best.total, best.band.code) == (Decimal(110), "boutique")
    assert (worst.total, worst.band.code) == (Decimal(0), "none")
