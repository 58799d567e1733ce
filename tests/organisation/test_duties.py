"""Contact duties (执委联系包联): a year of contacts, hand-counted, and the laws of the report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Cadence, OrgTree, Period
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.indicators import Dataset, IndicatorSet, contact_definitions, contact_values, rollup, rollup_ratio
from fulian_core.organisation import Contact, ContactPlan, Duty, DutyStatus, contact_duties
from fulian_core.orgs import Level

# Seeds 002/003: 每月至少沟通1次，每季度至少走访1次，每年至少办1件好事实事 (a visit is also a conversation).
DUTIES = [
    Duty("talk", "沟通联系", Cadence.MONTHLY, kinds={"talk", "visit"}),
    Duty("visit", "入户走访", Cadence.QUARTERLY),
    Duty("deed", "办好事实事", Cadence.YEARLY, per_family=False),
]
VILLAGE_A, VILLAGE_B = "371082103201", "371082103202"
PLAN = ContactPlan(
    DUTIES,
    assignments={"m1": {"f1", "f2"}, "m2": {"f3"}},
    units={"m1": VILLAGE_A, "m2": VILLAGE_B},
)
YEAR = Period.year(2025)


def _year_of_contacts() -> list[Contact]:
    # m1 visits f1 on the 10th of every month (talk and visit both met all year), calls f2 in
    # the first half only, and does one good deed in May.
    log = [Contact(f"a{month}", "m1", dt.date(2025, month, 10), "visit", family="f1") for month in range(1, 13)]
    log += [Contact(f"b{month}", "m1", dt.date(2025, month, 12), "talk", family="f2") for month in range(1, 7)]
    log.append(Contact("d1", "m1", dt.date(2025, 5, 20), "deed", note="为张秀梅家修缮院墙"))
    # m2 talks to f3 in odd months only and never visits; a contact with a family not hers
    # does not count toward her per-family duties.
    log += [Contact(f"c{month}", "m2", dt.date(2025, month, 3), "talk", family="f3") for month in range(1, 13, 2)]
    log.append(Contact("x1", "m2", dt.date(2025, 2, 3), "visit", family="f1"))
    return log


def test_a_year_of_contacts_as_of_the_year_end() -> None:
    report = contact_duties(PLAN, _year_of_contacts(), YEAR, on=dt.date(2026, 1, 1))
    # Lines: m1 — talk 2 families × 12 months, visit 2 × 4 quarters, deed 1; m2 — talk 12, visit 4, deed 1.
    assert len(report.lines) == 24 + 8 + 1 + 12 + 4 + 1
    # m1: talk f1 12 met, f2 6 met + 6 overdue; visit f1 4 met, f2 0 of 4; deed met.
    assert report.count(DutyStatus.MET, member="m1") == 12 + 6 + 4 + 1
    assert report.count(DutyStatus.OVERDUE, member="m1") == 6 + 4
    # m2: talk 6 of 12; visits none (the f1 visit is not hers); no deed.
    assert report.count(DutyStatus.MET, member="m2") == 6
    assert report.count(DutyStatus.OVERDUE, member="m2") == 6 + 4 + 1
    assert report.count(DutyStatus.DUE) == 0
    assert report.compliance(member="m1").percent() == Decimal("69.70")  # 23 of 33
    assert report.compliance(unit=VILLAGE_B).percent() == Decimal("35.29")  # 6 of 17
    assert report.compliance().numerator == 29
    assert report.compliance().denominator == 50
    overdue = report.overdue()
    assert {(line.member, line.duty, line.family) for line in overdue if line.period.code == "2025Q3"} == {
        ("m1", "visit", "f2"),
        ("m2", "visit", "f3"),
    }


def test_an_open_period_is_due_not_missed() -> None:
    report = contact_duties(PLAN, _year_of_contacts(), YEAR, on=dt.date(2025, 7, 15))
    july = [line for line in report.lines if line.period.code == "2025-07" and line.duty == "talk"]
    assert [(line.family, line.status) for line in july] == [
        ("f1", DutyStatus.MET),
        ("f2", DutyStatus.DUE),
        ("f3", DutyStatus.MET),
    ]
    deed = [line for line in report.lines if line.duty == "deed"]
    assert [(line.member, line.status) for line in deed] == [("m1", DutyStatus.MET), ("m2", DutyStatus.DUE)]
    # Periods that begin after the day are left out; contacts after it are not yet known.
    assert max(line.period.end for line in report.lines) == dt.date(2025, 12, 31)  # the yearly deed
    assert all(line.period.start <= dt.date(2025, 7, 15) for line in report.lines)


def test_the_values_roll_up_to_the_township_with_the_compliance_share() -> None:
    report = contact_duties(PLAN, _year_of_contacts(), YEAR, on=dt.date(2026, 1, 1))
    tree = OrgTree.from_division_codes({"371082103000": "人和镇", VILLAGE_A: "甲村", VILLAGE_B: "乙村"})
    dataset = Dataset(IndicatorSet(contact_definitions()), tree, contact_values(report))
    owed = rollup(dataset, "contact_duties_owed", "371082103000", YEAR, level=Level.VILLAGE)
    assert owed.value is not None
    assert owed.value.value == 50
    share = rollup_ratio(dataset, "contact_compliance", "371082103000", YEAR, level=Level.VILLAGE)
    assert share.value == Decimal("58.00")  # 29 of 50


def test_bad_input_is_refused_with_its_path() -> None:
    with pytest.raises(DefinitionError, match="cadence: expected a monthly, quarterly, half-yearly or yearly cadence"):
        Duty("talk", "沟通", Cadence.WEEKLY)
    with pytest.raises(DefinitionError, match=r"units\['m2'\]: expected the unit code of every member assigned"):
        ContactPlan(DUTIES, assignments={"m2": {"f3"}}, units={})
    with pytest.raises(ValidationError, match=r"contacts\[0\].member: expected a member of the plan, got 'm9'"):
        contact_duties(PLAN, [Contact("c", "m9", dt.date(2025, 1, 1), "talk")], YEAR, on=dt.date(2025, 2, 1))
    contact = Contact("c", "m1", dt.date(2025, 1, 1), "talk", family="f1")
    with pytest.raises(ValidationError, match=r"contacts\[1\].id: expected an id not used before"):
        contact_duties(PLAN, [contact, contact], YEAR, on=dt.date(2025, 2, 1))
    assert "张秀梅" not in repr(Contact("c", "m1", dt.date(2025, 1, 1), "deed", note="为张秀梅家修缮院墙"))
    with pytest.raises(DefinitionError, match=r"units\['m1'\]: expected a division code"):
        ContactPlan(DUTIES, assignments={"m1": {"f1"}}, units={"m1": "3710821032"})
    with pytest.raises(DefinitionError, match=r"units\['m1'\]: expected a code of ASCII letters"):
        ContactPlan(DUTIES, assignments={"m1": {"f1"}}, units={"m1": "两新妇联"})


def test_a_member_may_count_in_a_unit_outside_the_division_codes() -> None:
    # Seed 001: 执委 包联妇联组织, a 两新 (enterprise) federation among them.
    plan = ContactPlan(DUTIES, assignments={"m1": {"f1"}}, units={"m1": "371082103-LX01"})
    report = contact_duties(
        plan, [Contact("c", "m1", dt.date(2025, 1, 3), "visit", family="f1")], YEAR, on=dt.date(2025, 2, 1)
    )
    assert {line.unit for line in report.lines} == {"371082103-LX01"}


contacts = st.lists(
    st.builds(
        lambda number, member, day, kind, family: Contact(f"g{number}", member, day, kind, family=family),
        st.integers(0, 10**6),
        st.sampled_from(["m1", "m2"]),
        st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        st.sampled_from(["talk", "visit", "deed"]),
        st.sampled_from(["f1", "f2", "f3", None]),
    ),
    max_size=40,
    unique_by=lambda contact: contact.id,
)


@given(contacts, st.dates(dt.date(2025, 1, 1), dt.date(2026, 2, 1)), st.randoms(use_true_random=False))
def test_compliance_never_exceeds_100_and_more_contacts_never_lower_it(
    log: list[Contact], on: dt.date, random: object
) -> None:
    report = contact_duties(PLAN, log, YEAR, on=on)
    met, overdue, due = (report.count(status) for status in DutyStatus)
    assert met + overdue + due == len(report.lines)
    assert report.compliance().numerator <= report.compliance().denominator
    for line in report.lines:
        assert (line.status is DutyStatus.MET) == (line.done >= line.needed)
    more = contact_duties(PLAN, [*log, *_year_of_contacts()], YEAR, on=on)
    assert more.count(DutyStatus.MET) >= met
    shuffled = list(log)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert contact_duties(PLAN, shuffled, YEAR, on=on) == report
