"""The credit supermarket (巾帼信用超市): the points account never goes negative and keeps every
entry, the price list is data, a refused redemption changes nothing, the cycle is declared,
and bonuses of the credit score are credited once."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import pytest
from hypothesis import given

from fulian_core import (
    DefinitionError,
    InsufficientCreditError,
    Period,
    Schedule,
    ValidationError,
    structure,
    unstructure,
)
from fulian_core.credit import (
    Booklet,
    BookletRow,
    CreditEvent,
    CreditItem,
    CreditRecord,
    CreditScheme,
    Goods,
    PointsAccount,
    PointsEntry,
    PointsEntryKind,
    PointsUnit,
    PriceList,
    ShopCycle,
    Term,
    ValidityRule,
    booklet,
    credit_standing,
    earn_from,
    redeem,
)
from fulian_core.rules import Band, ItemKind, Subject, SubjectKind
from fulian_core.testing import points_accounts, price_lists
from fulian_core.testing.laws import assert_round_trip

DAY = dt.date(2024, 3, 31)
SHELF = PriceList([Goods("soap", "肥皂", 5, 10), Goods("detergent", "洗衣液", 12, 1)], "南柳村巾帼信用超市")

SCHEME = CreditScheme(
    "371082",
    "shop_demo",
    "2024",
    "家庭积分示例",
    dt.date(2024, 1, 1),
    items=[
        CreditItem("volunteer", "志愿服务", ItemKind.BONUS, 5, unit=PointsUnit.OCCURRENCE),
        CreditItem("tidy", "庭院整洁", ItemKind.BONUS, "2.5"),
        CreditItem("half", "参加宣讲", ItemKind.BONUS, "0.5"),
        CreditItem("litter", "乱扔垃圾", ItemKind.DEDUCTION, 3),
    ],
    bands=[Band("good", "良好", "80以上"), Band("poor", "较差")],
    validity=[ValidityRule([ItemKind.BONUS, ItemKind.DEDUCTION], Term.years(1))],
)
HOUSEHOLD = Subject("h-7", kind=SubjectKind.HOUSEHOLD)


def _standing(*events: CreditEvent, on: dt.date = DAY) -> Any:
    return credit_standing(SCHEME, CreditRecord(HOUSEHOLD, events), on=on)


# -- the account (积分存折) -----------------------------------------------------------------------


def test_earn_and_spend() -> None:
    account = PointsAccount("h-7").earn(20, DAY, "评为精品户", "i-1").earn(6, DAY, "志愿服务 3次")
    assert account.balance == 26
    account = account.spend(15, DAY, "洗衣液一瓶", "超市-0630-01")
    assert (account.balance, account.earned, account.spent) == (11, 26, 15)
    assert [(e.kind.code, e.points, e.reason, e.signed) for e in account.entries] == [
        ("earn", 20, "评为精品户", 20),
        ("earn", 6, "志愿服务 3次", 6),
        ("spend", 15, "洗衣液一瓶", -15),
    ]


def test_an_overspend_is_refused_and_changes_nothing() -> None:
    account = PointsAccount("h-7").earn(10, DAY, "志愿服务")
    with pytest.raises(InsufficientCreditError) as raised:
        account.spend(11, DAY, "电饭煲")
    assert str(raised.value) == "points: expected at most the balance of h-7 (10), got 11"
    assert account.balance == 10
    assert len(account.entries) == 1


def test_bad_entries_are_refused_with_every_fault() -> None:
    account = PointsAccount("h-7")
    with pytest.raises(
        ValidationError,
        match="^points: expected a whole number of points from 1 to 1,000,000, got 0\n"
        "reason: expected a reason of at most 500 characters, got ''$",
    ):
        account.earn(0, DAY, "")
    with pytest.raises(
        ValidationError, match="^points: expected a whole number of points from 1 to 1,000,000, got 1.5$"
    ):
        account.spend(1.5, DAY, "毛巾")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^date: expected a date, got datetime.datetime\(2024, 3, 31, 0, 0\)$"):
        account.earn(1, dt.datetime(2024, 3, 31), "x")  # noqa: DTZ001 - a datetime is what is refused
    with pytest.raises(ValidationError, match=r"^entries\[0\]: expected a spend covered by the balance, got 5$"):
        PointsAccount("h-7", [PointsEntry(PointsEntryKind.SPEND, 5, DAY, "毛巾")])
    with pytest.raises(ValidationError, match="^entries: expected a list of entries, not text or a mapping, got 'ab'$"):
        PointsAccount("h-7", "ab")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^holder: expected a holder id, got ''$"):
        PointsAccount("")


# -- the price list (积分兑换目录) ------------------------------------------------------------------


def test_a_price_list_reports_every_fault() -> None:
    with pytest.raises(DefinitionError) as raised:
        Goods("", "", 0, -1)
    assert str(raised.value) == (
        "code: expected a code of ASCII letters, digits, '_', '-' or '.', got ''\n"
        "name: expected non-empty text, got ''\n"
        "points: expected a whole number of points from 1 to 100,000, got 0\n"
        "stock: expected a whole number from 0 to 1,000,000, got -1"
    )
    with pytest.raises(DefinitionError) as raised:
        PriceList([Goods("soap", "肥皂", 5), Goods("soap", "香皂", 6), "towel"])  # type: ignore[list-item]
    assert str(raised.value) == (
        "goods[1].code: expected a code not used before, got 'soap'\ngoods[2]: expected a Goods, got 'towel'"
    )
    with pytest.raises(ValidationError, match="^goods: expected a list of goods, not text or a mapping"):
        PriceList({"soap": 5})  # type: ignore[dict-item]


def test_restock_and_lookup() -> None:
    assert SHELF.codes == ("soap", "detergent")
    more = SHELF.restock("detergent", 4)
    assert more.item("detergent").stock == 5
    assert SHELF.item("detergent").stock == 1
    with pytest.raises(ValidationError, match=r"^quantity: expected a whole number from 1 to 999,999 \(the room"):
        SHELF.restock("detergent", 0)
    with pytest.raises(ValidationError) as raised:
        SHELF.item("tv")
    assert str(raised.value) == "goods_code: expected a goods code of the price list (soap, detergent), got 'tv'"


# -- redemption (积分兑换) -------------------------------------------------------------------------


def test_redeem_takes_points_and_stock() -> None:
    account = PointsAccount("h-7").earn(30, DAY, "志愿服务")
    account, shelf = redeem(account, SHELF, "soap", 3, dt.date(2024, 4, 2))
    assert account.balance == 15
    assert shelf.item("soap").stock == 7
    assert account.entries[-1] == PointsEntry(PointsEntryKind.SPEND, 15, dt.date(2024, 4, 2), "肥皂 ×3", "soap")
    assert SHELF.item("soap").stock == 10  # the old price list is unchanged


@pytest.mark.parametrize(
    ("code", "quantity", "on", "error", "message"),
    [
        (
            "tv",
            1,
            DAY,
            ValidationError,
            "goods_code: expected a goods code of the price list (soap, detergent), got 'tv'",
        ),
        (
            "soap",
            0,
            "2024-04-01",
            ValidationError,
            "quantity: expected a whole number from 1 to 1,000, got 0\non: expected a date, got '2024-04-01'",
        ),
        ("detergent", 2, DAY, ValidationError, "quantity: expected at most the stock of detergent (1), got 2"),
        ("soap", 5, DAY, InsufficientCreditError, "points: expected at most the balance of h-7 (20), got 25"),
    ],
)
def test_a_refused_redemption_changes_nothing(
    code: str, quantity: int, on: Any, error: type[Exception], message: str
) -> None:
    account = PointsAccount("h-7").earn(20, DAY, "志愿服务")
    before = (unstructure(account), unstructure(SHELF))
    with pytest.raises(error) as raised:
        redeem(account, SHELF, code, quantity, on)
    assert str(raised.value) == message
    assert (unstructure(account), unstructure(SHELF)) == before


def test_redeem_within_the_exchange_window_only() -> None:
    account = PointsAccount("h-7").earn(20, DAY, "志愿服务")
    cycle = ShopCycle()
    spent, _ = redeem(account, SHELF, "soap", 1, dt.date(2024, 4, 10), cycle=cycle)
    assert spent.balance == 15
    with pytest.raises(ValidationError) as raised:
        redeem(account, SHELF, "soap", 1, dt.date(2024, 4, 11), cycle=cycle)
    assert str(raised.value) == "on: expected a day of an exchange window (每季度首月1日至10日兑换), got '2024-04-11'"


# -- the cycle (每月评分、每季度兑换、年终评比) -----------------------------------------------------------


def test_the_default_cycle() -> None:
    cycle = ShopCycle()
    assert cycle.description == "每月月底评分 → 每季度首月1日至10日兑换 → 年终评比（12月31日）"
    assert cycle.rating_days(Period.quarter(2024, 1)) == (
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
    )
    assert [window.code for window in cycle.exchange_windows(Period.year(2024))] == [
        "2024-01-01/2024-01-10",
        "2024-04-01/2024-04-10",
        "2024-07-01/2024-07-10",
        "2024-10-01/2024-10-10",
    ]
    assert cycle.award_days(Period.year(2024)) == (dt.date(2024, 12, 31),)
    opened = {
        day: cycle.exchange_open(dt.date.fromisoformat(day))
        for day in ("2024-01-01", "2024-01-10", "2024-01-11", "2024-03-31", "2024-04-01")
    }
    assert opened == {
        "2024-01-01": True,
        "2024-01-10": True,
        "2024-01-11": False,
        "2024-03-31": False,
        "2024-04-01": True,
    }
    assert cycle.exchange_window(dt.date(2024, 7, 5)) == Period.between(dt.date(2024, 7, 1), dt.date(2024, 7, 10))
    with pytest.raises(ValidationError, match="^day: expected a date, got '2024-07-05'$"):
        cycle.exchange_open("2024-07-05")  # type: ignore[arg-type]


def test_a_cycle_of_its_own() -> None:
    # A supermarket open every Saturday, rating on the 25th, awarding at mid-year and year end.
    cycle = ShopCycle(Schedule.monthly(25), Schedule.weekly(5), Schedule.half_yearly())
    assert cycle.exchange_open(dt.date(2024, 6, 1))  # a Saturday
    assert not cycle.exchange_open(dt.date(2024, 6, 3))
    assert cycle.description == "每月25日 → 每周六 → 每半年最后一个月最后一天"
    with pytest.raises(DefinitionError, match="^rating: expected a Schedule, got 'monthly'$"):
        ShopCycle("monthly")  # type: ignore[arg-type]


# -- earning from the credit score (信用积分加分兑入积分超市) --------------------------------------------


def test_earn_from_credits_each_counting_bonus_once() -> None:
    standing = _standing(
        CreditEvent("e-1", dt.date(2024, 3, 2), ["volunteer"], count=2),
        CreditEvent("e-2", dt.date(2024, 3, 5), ["litter"]),
    )
    account = earn_from(PointsAccount("h-7"), standing)
    assert account.entries == (PointsEntry(PointsEntryKind.EARN, 10, DAY, "志愿服务（2024-03-02）", "e-1"),)
    assert earn_from(account, standing) is account  # idempotent: the bonus is credited already
    later = _standing(
        CreditEvent("e-1", dt.date(2024, 3, 2), ["volunteer"], count=2),
        CreditEvent("e-3", dt.date(2024, 4, 9), ["volunteer"]),
        on=dt.date(2024, 4, 30),
    )
    account = earn_from(account, later)
    assert [(entry.points, entry.reference, entry.date) for entry in account.entries] == [
        (10, "e-1", DAY),
        (5, "e-3", dt.date(2024, 4, 30)),
    ]


def test_fractions_are_refused_or_floored_as_stated() -> None:
    standing = _standing(
        CreditEvent("e-1", dt.date(2024, 3, 2), ["tidy"]), CreditEvent("e-2", dt.date(2024, 3, 3), ["half"])
    )
    empty = PointsAccount("h-7")
    with pytest.raises(ValidationError) as raised:
        earn_from(empty, standing)
    assert str(raised.value) == (
        "standing.lines[0].counted: expected a whole number of points (or fractions='floor'), got '2.5'\n"
        "standing.lines[1].counted: expected a whole number of points (or fractions='floor'), got '0.5'"
    )
    floored = earn_from(empty, standing, fractions="floor")
    assert floored.entries == (
        PointsEntry(PointsEntryKind.EARN, 2, DAY, "庭院整洁（2024-03-02），2.5分按整分计", "e-1"),
    )
    assert earn_from(floored, standing, fractions="floor") is floored


def test_earn_from_refuses_another_subject_and_skips_what_no_longer_counts() -> None:
    standing = _standing(CreditEvent("e-1", dt.date(2024, 3, 2), ["volunteer"]))
    with pytest.raises(ValidationError) as raised:
        earn_from(PointsAccount("h-8"), standing)
    assert str(raised.value) == "standing.subject: expected the holder of the account (h-8), got 'h-7'"
    expired = _standing(CreditEvent("e-1", dt.date(2024, 3, 2), ["volunteer"]), on=dt.date(2025, 3, 10))
    assert earn_from(PointsAccount("h-7"), expired).entries == ()
    with pytest.raises(ValidationError, match="^fractions: expected 'refuse' or 'floor', got 'round'$"):
        earn_from(PointsAccount("h-7"), standing, fractions="round")  # type: ignore[arg-type]


# -- the booklet (积分存折) ------------------------------------------------------------------------


def test_the_booklet_shows_a_running_balance() -> None:
    account = PointsAccount("h-7").earn(20, DAY, "志愿服务（2024-03-02）", "e-1")
    account, _ = redeem(account, SHELF, "detergent", 1, dt.date(2024, 4, 2))
    view = booklet(account)
    assert view == Booklet(
        "h-7",
        [
            BookletRow(DAY, PointsEntryKind.EARN, 20, "志愿服务（2024-03-02）", "e-1", 20),
            BookletRow(dt.date(2024, 4, 2), PointsEntryKind.SPEND, 12, "洗衣液 ×1", "detergent", 8),
        ],
    )
    assert view.balance == account.balance == 8
    assert view.render() == (
        "积分存折：h-7\n"
        "2024-03-31 获得 +20分 志愿服务（2024-03-02）（e-1） 余额 20分\n"
        "2024-04-02 兑换 −12分 洗衣液 ×1（detergent） 余额 8分\n"
        "余额：8分"
    )
    assert booklet(PointsAccount("h-8")).render() == "积分存折：h-8\n（无记录）\n余额：0分"


# -- round trips ---------------------------------------------------------------------------------


def test_values_round_trip_through_plain_data_pickle_and_deepcopy() -> None:
    account = PointsAccount("h-7").earn(20, DAY, "志愿服务", "e-1").spend(5, DAY, "肥皂 ×1", "soap")
    values: list[tuple[Any, type[Any]]] = [
        (account, PointsAccount),
        (SHELF, PriceList),
        (ShopCycle(), ShopCycle),
        (booklet(account), Booklet),
    ]
    for value, cls in values:
        assert structure(unstructure(value), cls) == value
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
        assert copy.deepcopy(value) == value
    assert unstructure(account) == {
        "holder": "h-7",
        "entries": [
            {"kind": "earn", "points": 20, "date": "2024-03-31", "reason": "志愿服务", "reference": "e-1"},
            {"kind": "spend", "points": 5, "date": "2024-03-31", "reason": "肥皂 ×1", "reference": "soap"},
        ],
    }
    with pytest.raises(ValidationError):
        structure(
            {"holder": "h-7", "entries": [{"kind": "spend", "points": 5, "date": "2024-03-31", "reason": "x"}]},
            PointsAccount,
        )


@given(points_accounts())
def test_generated_accounts_round_trip(account: PointsAccount) -> None:
    assert account.balance >= 0
    assert booklet(account).balance == account.balance
    assert_round_trip(account, PointsAccount)


@given(price_lists())
def test_generated_price_lists_round_trip(price_list: PriceList) -> None:
    assert_round_trip(price_list, PriceList)
