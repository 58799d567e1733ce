"""The women's credit supermarket (巾帼信用超市, 积分超市): its price list, its cycle and redemption.

A :class:`PriceList` is data: the goods on the shelves, each with its price in points and its
stock. :func:`redeem` exchanges points for goods and returns the new account and the new price
list together; a refused redemption (unknown goods, a bad quantity, out of stock, outside an
exchange window, points short) changes neither. A :class:`ShopCycle` declares the rhythm the
supermarkets publish: 每月评分、每季度兑换、年终评比.

>>> import datetime as dt
>>> from fulian_core.credit import Goods, PointsAccount, PriceList, redeem
>>> shelf = PriceList([Goods("soap", "肥皂", 5, 10), Goods("detergent", "洗衣液", 12, 3)])
>>> account = PointsAccount("h-07").earn(20, dt.date(2024, 3, 31), "志愿服务")
>>> account, shelf = redeem(account, shelf, "detergent", 1, dt.date(2024, 4, 2))
>>> account.balance, shelf.item("detergent").stock
(8, 2)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar, Final

import attrs

from fulian_core._definitions import check_code, check_text, listed
from fulian_core._faults import Faults
from fulian_core.credit.points import PointsAccount
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import Period
from fulian_core.schedules import Cadence, Schedule

__all__ = ["MAX_GOODS", "Goods", "PriceList", "ShopCycle", "redeem"]

MAX_GOODS: Final = 1_000
"""The most goods one price list may hold."""
_MAX_PRICE: Final = 100_000
_MAX_STOCK: Final = 1_000_000
_MAX_QUANTITY: Final = 1_000
_MAX_NAME: Final = 100
_SHOWN_CODES: Final = 10


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


@attrs.frozen
class Goods:
    """Goods on the shelves of the credit supermarket (兑换商品): a code, a name, the points one
    of them costs (兑换积分) and how many are in stock (库存)."""

    code: str
    name: str = attrs.field(metadata={"json_schema": {"maxLength": _MAX_NAME}})
    points: int = attrs.field(metadata={"json_schema": {"minimum": 1, "maximum": _MAX_PRICE}})
    stock: int = attrs.field(default=0, metadata={"json_schema": {"minimum": 0, "maximum": _MAX_STOCK}})

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.name, "name", faults)
        faults.check(
            isinstance(self.name, str) and len(self.name) <= _MAX_NAME,
            "name",
            f"a name of at most {_MAX_NAME} characters",
            self.name,
        )
        faults.check(
            _whole(self.points, 1, _MAX_PRICE),
            "points",
            f"a whole number of points from 1 to {_MAX_PRICE:,}",
            self.points,
        )
        faults.check(_whole(self.stock, 0, _MAX_STOCK), "stock", f"a whole number from 0 to {_MAX_STOCK:,}", self.stock)
        faults.raise_if_any(DefinitionError)


def _goods(value: Iterable[Goods]) -> tuple[Goods, ...]:
    return listed(value, "goods", "a list of goods")


@attrs.frozen
class PriceList:
    """The price list of a credit supermarket (积分兑换目录): its goods, each code once, in the
    order they are shown. ``title`` names the supermarket (南柳村巾帼信用超市)."""

    cross_field_rules: ClassVar[tuple[str, ...]] = ("each goods code is used once",)
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    goods: tuple[Goods, ...] = attrs.field(converter=_goods, metadata={"json_schema": {"maxItems": MAX_GOODS}})
    title: str = attrs.field(default="", metadata={"json_schema": {"maxLength": _MAX_NAME}})

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(len(self.goods) <= MAX_GOODS, "goods", f"at most {MAX_GOODS:,} goods", len(self.goods))
        seen: set[str] = set()
        for index, goods in enumerate(self.goods):
            if faults.check(isinstance(goods, Goods), f"goods[{index}]", "a Goods", goods):
                faults.check(goods.code not in seen, f"goods[{index}].code", "a code not used before", goods.code)
                seen.add(goods.code)
        faults.check(
            isinstance(self.title, str) and len(self.title) <= _MAX_NAME,
            "title",
            f"text of at most {_MAX_NAME} characters",
            self.title,
        )
        faults.raise_if_any(DefinitionError)

    @property
    def codes(self) -> tuple[str, ...]:
        """The goods codes, in order."""
        return tuple(goods.code for goods in self.goods)

    def item(self, code: str) -> Goods:
        """The goods with *code*."""
        for goods in self.goods:
            if goods.code == code:
                return goods
        raise ValidationError.single("goods_code", self._expected_code(), code)

    def _expected_code(self) -> str:
        shown = ", ".join(self.codes[:_SHOWN_CODES]) + (", …" if len(self.goods) > _SHOWN_CODES else "")
        return f"a goods code of the price list ({shown})" if self.goods else "a goods code (the price list is empty)"

    def restock(self, code: str, quantity: int) -> PriceList:
        """A price list with *quantity* more of the goods *code* in stock (补货); this one is unchanged."""
        goods = self.item(code)
        if not _whole(quantity, 1, _MAX_STOCK - goods.stock):
            raise ValidationError.single(
                "quantity", f"a whole number from 1 to {_MAX_STOCK - goods.stock:,} (the room in stock)", quantity
            )
        return self._with_stock(goods, goods.stock + quantity)

    def _with_stock(self, goods: Goods, stock: int) -> PriceList:
        changed = attrs.evolve(goods, stock=stock)
        return attrs.evolve(self, goods=[changed if each.code == goods.code else each for each in self.goods])


_RATING: Final = Schedule(Cadence.MONTHLY, -1, label="每月月底评分")
_EXCHANGE: Final = Schedule(Cadence.QUARTERLY, 1, month=1, window_days=10, label="每季度首月1日至10日兑换")
_AWARD: Final = Schedule(Cadence.YEARLY, -1, month=-1, label="年终评比（12月31日）")


@attrs.frozen
class ShopCycle:
    """The cycle of a credit supermarket (积分超市运行周期): monthly rating, quarterly exchange,
    yearly award (每月评分、每季度兑换、年终评比), as three :class:`~fulian_core.schedules.Schedule` s.

    By default points are rated on the last day of each month, exchanged in the first ten days
    of each quarter (for the quarter just rated) and the year's best are awarded on 31 December.
    A redemption given a cycle is refused outside an exchange window.
    """

    rating: Schedule = _RATING
    exchange: Schedule = _EXCHANGE
    award: Schedule = _AWARD

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for name in ("rating", "exchange", "award"):
            faults.check(isinstance(getattr(self, name), Schedule), name, "a Schedule", getattr(self, name))
        faults.raise_if_any(DefinitionError)

    @property
    def description(self) -> str:
        """The cycle in Chinese: ``每月月底评分 → 每季度首月1日至10日兑换 → 年终评比（12月31日）``."""
        return " → ".join(schedule.description for schedule in (self.rating, self.exchange, self.award))

    def rating_days(self, period: Period) -> tuple[dt.date, ...]:
        """The rating days (评分日) inside *period*."""
        return self.rating.due_dates(period)

    def exchange_windows(self, period: Period) -> tuple[Period, ...]:
        """The exchange windows (兑换期) that end inside *period*."""
        return self.exchange.occurrences(period)

    def award_days(self, period: Period) -> tuple[dt.date, ...]:
        """The award days (评比日) inside *period*."""
        return self.award.due_dates(period)

    def exchange_window(self, day: dt.date) -> Period | None:
        """The exchange window that *day* falls in, if any."""
        if not _is_date(day):
            raise ValidationError.single("day", "a date", day)
        lead = dt.timedelta(days=self.exchange.window_days - 1)
        # A window holding *day* ends at most window_days - 1 days after it.
        search = Period.between(day, day + lead)
        for window in self.exchange.occurrences(search):
            if window.start <= day:
                return window
        return None

    def exchange_open(self, day: dt.date) -> bool:
        """Whether the supermarket exchanges points on *day* (兑换期内)."""
        return self.exchange_window(day) is not None


def redeem(
    account: PointsAccount,
    price_list: PriceList,
    goods_code: str,
    quantity: int,
    on: dt.date,
    *,
    cycle: ShopCycle | None = None,
) -> tuple[PointsAccount, PriceList]:
    """Exchange points for *quantity* of the goods *goods_code* on *on* (积分兑换): the account
    with a SPEND entry naming the goods (its reference the goods code) and the price list with
    the stock taken. With a *cycle*, only inside an exchange window.

    Refused, changing neither: a bad quantity or date, or goods not on the list (a
    :class:`~fulian_core.errors.ValidationError` naming every fault); then a day outside the
    exchange windows (at ``on``) and a quantity above the stock (at ``quantity``), each a
    :class:`~fulian_core.errors.ValidationError`; then points short,
    :class:`~fulian_core.errors.InsufficientCreditError`.
    """
    faults = Faults()
    faults.check(isinstance(account, PointsAccount), "account", "a PointsAccount", account)
    faults.check(isinstance(price_list, PriceList), "price_list", "a PriceList", price_list)
    faults.check(cycle is None or isinstance(cycle, ShopCycle), "cycle", "a ShopCycle or None", cycle)
    faults.raise_if_any()
    faults.check(
        _whole(quantity, 1, _MAX_QUANTITY), "quantity", f"a whole number from 1 to {_MAX_QUANTITY:,}", quantity
    )
    faults.check(_is_date(on), "on", "a date", on)
    goods = next((each for each in price_list.goods if each.code == goods_code), None)
    faults.check(goods is not None, "goods_code", price_list._expected_code(), goods_code)
    faults.raise_if_any()
    assert goods is not None  # noqa: S101 - checked above
    if cycle is not None and not cycle.exchange_open(on):
        raise ValidationError.single(
            "on", f"a day of an exchange window ({cycle.exchange.description})", on.isoformat()
        )
    if quantity > goods.stock:
        raise ValidationError.single("quantity", f"at most the stock of {goods.code} ({goods.stock})", quantity)
    spent = account.spend(goods.points * quantity, on, f"{goods.name} ×{quantity}", goods.code)
    return spent, price_list._with_stock(goods, goods.stock - quantity)
