"""Which sheet is in force: the unit's own version, else the nearest ancestor's (就近继承)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from fulian_core import DefinitionError, OrgTree, ValidationError
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL, catalog
from fulian_core.rules import Fact, Item, SheetCatalog, Subject, Verdict

D = dt.date
TREE = OrgTree.from_division_codes(
    {
        "37": "山东省",
        "3710": "威海市",
        "371082": "荣成市",
        "371082103": "人和镇",
        "371082103201": "南柳村",
        "371082104": "俚岛镇",
    }
)
COUNTY_2023 = MOST_BEAUTIFUL_FAMILY_NATIONAL.adapt(
    issuer="371082",
    version="2023",
    effective_from=D(2023, 1, 1),
    effective_until=D(2023, 12, 31),
    add=[Item("family_motto", "有良好家训家风")],
)
COUNTY_2024 = MOST_BEAUTIFUL_FAMILY_NATIONAL.adapt(
    issuer="371082",
    version="2024",
    effective_from=D(2024, 1, 1),
    add=[Item("family_motto", "有良好家训家风"), Item("volunteer", "参与志愿服务")],
)
TOWNSHIP_2024 = COUNTY_2024.adapt(
    issuer="371082103", version="2024-人和", effective_from=D(2024, 3, 1), drop=["volunteer"]
)
CATALOG = SheetCatalog((MOST_BEAUTIFUL_FAMILY_NATIONAL, COUNTY_2023, COUNTY_2024, TOWNSHIP_2024))
AWARD = MOST_BEAUTIFUL_FAMILY_NATIONAL.code


@pytest.mark.parametrize(
    ("unit", "on", "version"),
    [
        ("371082103201", D(2024, 5, 1), "2024-人和"),  # the village inherits its township's
        ("371082103201", D(2024, 2, 1), "2024"),  # before the township's took effect: the county's
        ("371082104", D(2024, 5, 1), "2024"),  # another township: the county's
        ("371082103201", D(2023, 6, 1), "2023"),  # an earlier date: the version then in force
        ("3710", D(2024, 5, 1), "2014"),  # above the county: the national one
        ("371082", D(2015, 5, 1), "2014"),
    ],
)
def test_resolution_by_unit_and_date(unit: str, on: dt.date, version: str) -> None:
    assert CATALOG.in_force(AWARD, unit, on, tree=TREE).version == version


def test_nothing_in_force() -> None:
    with pytest.raises(ValidationError) as raised:
        CATALOG.in_force(AWARD, "371082103201", D(2010, 1, 1), tree=TREE)
    assert str(raised.value) == (
        "code: expected a sheet in force on 2010-01-01 at 371082103201 or above "
        "(371082103201 → 371082103 → 371082 → 3710 → 37 → CN), got 'most_beautiful_family'"
    )


def test_a_later_version_does_not_rejudge_earlier_assessments() -> None:
    family = Subject("f-1", "王永勤")  # seed 002: 清水河社区的王永勤家庭
    facts = {code: Fact.met() for code in MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[:5]} | {"family_motto": Fact.met()}
    facts |= {code: Fact.not_met() for code in MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[5:]}
    then = CATALOG.evaluate(AWARD, facts, on=D(2023, 6, 1), subject=family, tree=TREE, unit="371082104")
    now = CATALOG.evaluate(AWARD, facts, on=D(2024, 6, 1), subject=attrs.evolve(family, unit="371082104"), tree=TREE)
    assert then.sheet == COUNTY_2023.ref
    assert then.verdict is Verdict.ELIGIBLE
    assert now.sheet == COUNTY_2024.ref
    assert now.verdict is Verdict.UNDECIDED  # 2024 added 参与志愿服务, not yet known
    assert then.line("family_motto").outcome.code == "met"


def test_overlapping_ranges_for_one_issuer_are_refused() -> None:
    overlapping = COUNTY_2024.adapt(issuer="371082", version="2024b", effective_from=D(2024, 6, 1))
    with pytest.raises(DefinitionError) as raised:
        CATALOG.with_sheet(overlapping)
    assert str(raised.value) == (
        "sheets[4].effective_from: expected a range not overlapping sheets[2] (371082/most_beautiful_family@2024), got '2024-06-01'"
    )
    with pytest.raises(DefinitionError, match=r"^sheets\[1\].version: expected a version not used before"):
        SheetCatalog((COUNTY_2023, COUNTY_2023))
    with pytest.raises(DefinitionError, match=r"^sheets\[0\]: expected a RuleSheet, got 'x'$"):
        SheetCatalog(("x",))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^unit: expected the unit whose rules apply"):
        CATALOG.evaluate(AWARD, {}, on=D(2024, 6, 1), subject=Subject("f-2", "李芳"), tree=TREE)
    with pytest.raises(ValidationError, match=r"^sheets: expected a list of rule sheets, not text or a mapping"):
        SheetCatalog("sheets")  # type: ignore[arg-type]
    assert len(CATALOG.sheets) == 4  # unchanged


def test_versions_and_the_shipped_catalog() -> None:
    assert [s.version for s in CATALOG.versions(AWARD, "371082")] == ["2023", "2024"]
    assert CATALOG.issued(AWARD, "371082103", D(2024, 1, 1)) is None
    shipped = SheetCatalog(catalog())
    assert len(shipped.sheets) == len(catalog())
