"""Cases a review of the credit rules found (each once gave a wrong answer): an act that fits two
deductions counts the larger whatever came before, an expired entry takes up no room in a cap, a
bonus on the day a direct grade begins is suspended whatever the ids, and a direct grade that
has run its term cannot be repaired."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import ValidationError
from fulian_core.credit import (
    CreditEvent,
    CreditItem,
    CreditRecord,
    CreditRepair,
    CreditScheme,
    Term,
    ValidityRule,
    credit_standing,
)
from fulian_core.periods import PeriodKind
from fulian_core.rules import Band, ItemKind, Subject, SubjectKind

D = dt.date
PERSON = Subject("p-1", kind=SubjectKind.PERSON)
LITTER_BURN = CreditScheme(
    issuer="371082",
    code="person_credit",
    version="1",
    title="个人信用积分（示例）",
    effective_from=D(2025, 1, 1),
    subject=SubjectKind.PERSON,
    items=[
        CreditItem("litter", "乱扔垃圾", ItemKind.DEDUCTION, 2),
        CreditItem("burn", "焚烧秸秆", ItemKind.DEDUCTION, 3),
        CreditItem("help", "助人为乐", ItemKind.BONUS, 5),
        CreditItem("crime", "违法犯罪", ItemKind.OVERRIDE, target="D", repair_points=20, repair_term=Term.years(1)),
    ],
    bands=[Band("A", "A级", "92以上"), Band("B", "B级", "80以上"), Band("D", "D级")],
    validity=[ValidityRule([ItemKind.DEDUCTION, ItemKind.BONUS, ItemKind.OVERRIDE], Term.years(1))],
)
CAPPED = CreditScheme(
    issuer="371082",
    code="capped",
    version="1",
    title="上限（示例）",
    effective_from=D(2025, 1, 1),
    subject=SubjectKind.PERSON,
    items=[
        CreditItem(
            "noise", "噪音扰民", ItemKind.DEDUCTION, 5, cap=5, cap_period=PeriodKind.YEAR, validity=Term.months(3)
        ),
        CreditItem("help", "助人为乐", ItemKind.BONUS, 5, cap=5, cap_period=PeriodKind.YEAR, validity=Term.months(3)),
    ],
    bands=[Band("A", "A级", "100以上"), Band("B", "B级", "90以上"), Band("D", "D级")],
)


def standing(
    scheme: CreditScheme, *events: CreditEvent, repairs: tuple[CreditRepair, ...] = (), on: dt.date
) -> tuple[str, str]:
    result = credit_standing(scheme, CreditRecord(PERSON, events, repairs), on=on)
    return str(result.score), result.grade.code


def test_an_act_fitting_two_deductions_counts_the_larger_whatever_came_before() -> None:
    both = CreditEvent("e2", D(2025, 12, 1), ["litter", "burn"])
    burn = CreditEvent("e3", D(2026, 3, 1), ["burn"])
    # e2 counts as burn (3 > 2); e3 repeats it within a year: −6.
    assert standing(LITTER_BURN, both, burn, on=D(2026, 3, 1)) == ("91", "B")
    # An earlier litter (expired by then) used to turn e2 into a doubled litter (−4) and e3 into
    # a first offence (−3): 93, A — a deduction that improved the grade.
    litter = CreditEvent("e1", D(2025, 1, 1), ["litter"])
    assert standing(LITTER_BURN, litter, both, burn, on=D(2026, 3, 1)) == ("91", "B")


@pytest.mark.parametrize("item", ["noise", "help"])
def test_an_expired_entry_takes_up_no_room_in_a_cap(item: str) -> None:
    january = CreditEvent("a", D(2025, 1, 10), [item])
    november = CreditEvent("b", D(2025, 11, 10), [item])
    alone = standing(CAPPED, november, on=D(2025, 11, 10))
    assert standing(CAPPED, january, november, on=D(2025, 11, 10)) == alone
    # While January's entry still counts (to 2025-04-09), the year's cap is full.
    april = CreditEvent("c", D(2025, 4, 1), [item])
    assert standing(CAPPED, january, april, on=D(2025, 4, 9)) == standing(CAPPED, january, on=D(2025, 4, 9))


@pytest.mark.parametrize(("bonus", "direct"), [("a-help", "z-crime"), ("z-help", "a-crime")])
def test_a_bonus_on_the_day_a_direct_grade_begins_is_suspended_whatever_the_ids(bonus: str, direct: str) -> None:
    events = (CreditEvent(bonus, D(2025, 5, 1), ["help"]), CreditEvent(direct, D(2025, 5, 1), ["crime"]))
    repair = (CreditRepair("r-1", D(2025, 6, 1), direct),)
    result = credit_standing(LITTER_BURN, CreditRecord(PERSON, events, repair), on=D(2025, 7, 1))
    assert {line.event: line.status.code for line in result.lines}[bonus] == "suspended"
    assert str(result.score) == "80"


def test_a_direct_grade_that_has_run_its_term_cannot_be_repaired() -> None:
    crime = CreditEvent("d", D(2025, 1, 1), ["crime"])
    record = CreditRecord(PERSON, [crime])
    assert record.repair(CreditRepair("r-1", D(2025, 12, 31), "d"), LITTER_BURN).repairs  # its last day
    with pytest.raises(ValidationError) as caught:
        record.repair(CreditRepair("r-1", D(2026, 1, 1), "d"), LITTER_BURN)
    assert str(caught.value) == (
        "repairs[0].date: expected a date while the direct grade stands (to 2025-12-31), got '2026-01-01'"
    )
    assert record.repairs == ()
