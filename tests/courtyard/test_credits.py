"""Credit points and the credit supermarket: the ledger never goes negative, nothing is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from fulian_core import DefinitionError, InsufficientCreditError, ValidationError, structure, unstructure
from fulian_core.courtyard import CreditEntry, CreditEntryKind, CreditLedger, CreditRules
from fulian_core.rules import Grade

DAY = dt.date(2024, 6, 30)
RULES = CreditRules(for_band={"boutique": 20, "demonstration": 10}, for_activity={"志愿服务": 2, "参与复核": 5})
BOUTIQUE, CLEAN = Grade("boutique", "精品户", 3), Grade("clean", "清洁户", 1)


def test_earn_and_spend() -> None:
    ledger = (
        CreditLedger("h-7")
        .earn_for_band(RULES, BOUTIQUE, DAY, "i-1")
        .earn_for_activity(RULES, "志愿服务", DAY, times=3)
    )
    assert ledger.balance == 26
    ledger = ledger.spend(15, DAY, "洗衣液一瓶", "超市-0630-01")
    assert ledger.balance == 11
    assert [(e.kind.code, e.points, e.reason) for e in ledger.entries] == [
        ("earn", 20, "评为精品户"),
        ("earn", 6, "志愿服务 3次"),
        ("spend", 15, "洗衣液一瓶"),
    ]
    assert ledger.earn_for_band(RULES, CLEAN, DAY) is ledger  # the rules give nothing for 清洁户
    assert structure(unstructure(ledger), CreditLedger) == ledger


def test_an_overspend_is_refused_and_changes_nothing() -> None:
    ledger = CreditLedger("h-7").earn(10, DAY, "志愿服务")
    with pytest.raises(InsufficientCreditError) as raised:
        ledger.spend(11, DAY, "电饭煲")
    assert str(raised.value) == "points: expected at most the balance of h-7 (10), got 11"
    assert ledger.balance == 10
    assert len(ledger.entries) == 1


def test_bad_entries_and_rules() -> None:
    ledger = CreditLedger("h-7")
    with pytest.raises(
        ValidationError,
        match="^points: expected a whole number of points > 0, got 0\nreason: expected a reason, got ''$",
    ):
        ledger.earn(0, DAY, "")
    with pytest.raises(ValidationError, match="^points: expected a whole number of points > 0, got 1.5$"):
        ledger.spend(1.5, DAY, "毛巾")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^activity: expected one of 志愿服务, 参与复核, got '跳舞'$"):
        ledger.earn_for_activity(RULES, "跳舞", DAY)
    with pytest.raises(ValidationError, match=r"^entries\[0\]: expected a spend covered by the balance, got 5$"):
        CreditLedger("h-7", [CreditEntry(CreditEntryKind.SPEND, 5, DAY, "毛巾")])
    with pytest.raises(DefinitionError) as raised:
        CreditRules(for_band={"": 5, "clean": 0}, for_activity={"": -1})
    assert len(raised.value.faults) == 4
    assert (
        CreditRules(for_band={"demonstration": 10, "boutique": 20}, for_activity={"参与复核": 5, "志愿服务": 2})
        == RULES
    )
    assert hash(RULES) == hash(CreditRules(for_band=dict(RULES.for_band), for_activity=dict(RULES.for_activity)))
    assert RULES.__eq__(3) is NotImplemented


class LedgerMachine(RuleBasedStateMachine):
    """Any sequence of earnings and spends, valid or not, keeps the ledger consistent."""

    def __init__(self) -> None:
        super().__init__()
        self.ledger = CreditLedger("h-1")
        self.expected = 0
        self.day = dt.date(2024, 1, 1)

    @rule(points=st.integers(1, 50))
    def earn(self, points: int) -> None:
        self.ledger = self.ledger.earn(points, self.day, "志愿服务")
        self.expected += points

    @rule(points=st.integers(-5, 80))
    def spend(self, points: int) -> None:
        before = self.ledger
        try:
            self.ledger = self.ledger.spend(points, self.day, "兑换物品")
        except (InsufficientCreditError, ValidationError):
            assert self.ledger is before
            assert points <= 0 or points > self.expected
        else:
            self.expected -= points

    @rule(days=st.integers(0, 10))
    def wait(self, days: int) -> None:
        self.day += dt.timedelta(days=days)

    @invariant()
    def balance_is_never_negative_and_nothing_is_lost(self) -> None:
        assert self.ledger.balance == self.expected >= 0
        assert CreditLedger(self.ledger.holder, self.ledger.entries) == self.ledger


TestLedger = LedgerMachine.TestCase
