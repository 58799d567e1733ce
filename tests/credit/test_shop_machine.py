"""The credit supermarket as a machine: earnings (by hand and from the credit score),
redemptions valid or refused, restocking and the passing of days interleave, and the account
and the shelves stay consistent with a plain model of them."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from fulian_core import InsufficientCreditError, ValidationError, unstructure
from fulian_core.credit import (
    CreditEvent,
    CreditRecord,
    PointsAccount,
    PriceList,
    ShopCycle,
    booklet,
    credit_standing,
    earn_from,
    redeem,
)
from fulian_core.testing import price_lists
from tests.credit.test_shop import HOUSEHOLD, SCHEME

CODES = st.sampled_from(["soap", "towel", "detergent", "rice", "oil", "tv"])


class ShopMachine(RuleBasedStateMachine):
    """Model: the expected balance, the expected stock of each goods, the number of entries and
    the credit events already credited."""

    def __init__(self) -> None:
        super().__init__()
        self.account = PointsAccount(HOUSEHOLD.id)
        self.record = CreditRecord(HOUSEHOLD)
        self.day = dt.date(2024, 1, 1)
        self.balance = 0
        self.entries = 0
        self.credited: set[str] = set()
        self.shelf = PriceList([])
        self.stock: dict[str, int] = {}
        self.price: dict[str, int] = {}

    @initialize(shelf=price_lists())
    def open_the_shop(self, shelf: PriceList) -> None:
        self.shelf = shelf
        self.stock = {goods.code: goods.stock for goods in shelf.goods}
        self.price = {goods.code: goods.points for goods in shelf.goods}

    @rule(points=st.integers(1, 150))
    def earn(self, points: int) -> None:
        self.account = self.account.earn(points, self.day, "志愿服务")
        self.balance += points
        self.entries += 1

    @rule(count=st.integers(1, 3), deduction=st.booleans())
    def record_an_act(self, count: int, deduction: bool) -> None:
        items = ["volunteer", "litter"] if deduction else ["volunteer"]
        event = CreditEvent(f"e-{len(self.record.events) + 1}", self.day, items, count=count)
        self.record = self.record.add(event, SCHEME)

    @rule()
    def rate_the_month(self) -> None:
        standing = credit_standing(SCHEME, self.record, on=self.day)
        account = earn_from(self.account, standing)
        for line in standing.counting:
            if line.counted > 0 and line.event not in self.credited:
                self.credited.add(line.event)
                self.balance += int(line.counted)
                self.entries += 1
        assert earn_from(account, standing) is account  # applying twice adds nothing
        self.account = account

    @rule(
        data=st.data(),
        quantity=st.integers(1, 3) | st.integers(-1, 25),
        windowed=st.sampled_from([False, False, False, True]),
    )
    def redeem(self, data: st.DataObject, quantity: int, windowed: bool) -> None:
        # Mostly goods on the shelf, sometimes goods that are not (refused).
        on_shelf = st.sampled_from(sorted(self.stock)) if self.stock else CODES
        code = data.draw(on_shelf | CODES)
        cycle = ShopCycle() if windowed else None
        before = (self.account, self.shelf, unstructure(self.account), unstructure(self.shelf))
        try:
            account, shelf = redeem(self.account, self.shelf, code, quantity, self.day, cycle=cycle)
        except InsufficientCreditError:
            assert code in self.stock
            assert 1 <= quantity <= self.stock[code]
            assert self.price[code] * quantity > self.balance
        except ValidationError:
            refused = (
                code not in self.stock
                or not 1 <= quantity <= self.stock[code]
                or (cycle is not None and not cycle.exchange_open(self.day))
            )
            assert refused
        else:
            assert code in self.stock
            assert 1 <= quantity <= self.stock[code]
            assert cycle is None or cycle.exchange_open(self.day)
            points = self.price[code] * quantity
            assert points <= self.balance
            self.account, self.shelf = account, shelf
            self.balance -= points
            self.stock[code] -= quantity
            self.entries += 1
            assert self.account.entries[-1].reference == code
            return
        # Refused: nothing changed, neither the values nor their plain data.
        assert (self.account, self.shelf) == before[:2]
        assert (unstructure(self.account), unstructure(self.shelf)) == before[2:]

    @precondition(lambda self: bool(self.stock))
    @rule(data=st.data(), quantity=st.integers(1, 10))
    def restock(self, data: st.DataObject, quantity: int) -> None:
        code = data.draw(st.sampled_from(sorted(self.stock)))
        self.shelf = self.shelf.restock(code, quantity)
        self.stock[code] += quantity

    @rule(days=st.integers(0, 12))
    def wait(self, days: int) -> None:
        self.day += dt.timedelta(days=days)

    @invariant()
    def the_balance_is_never_negative_and_matches_the_model(self) -> None:
        assert self.account.balance == self.balance >= 0

    @invariant()
    def every_entry_is_kept_and_their_sum_is_the_balance(self) -> None:
        entries = self.account.entries
        assert len(entries) == self.entries
        assert sum(entry.signed for entry in entries) == self.account.balance
        assert self.account.earned - self.account.spent == self.account.balance
        running = [row.balance for row in booklet(self.account).rows]
        assert all(balance >= 0 for balance in running)  # never overdrawn, at any entry
        assert PointsAccount(self.account.holder, entries) == self.account

    @invariant()
    def stock_is_never_negative_and_matches_the_model(self) -> None:
        assert {goods.code: goods.stock for goods in self.shelf.goods} == self.stock
        assert all(stock >= 0 for stock in self.stock.values())


TestShop = ShopMachine.TestCase
