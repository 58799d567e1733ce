"""Strategies for the credit supermarket of :mod:`fulian_core.credit` (积分超市)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from fulian_core.credit import Goods, PointsAccount, PriceList

__all__ = ["points_accounts", "price_lists"]

_GOODS = (("soap", "肥皂"), ("towel", "毛巾"), ("detergent", "洗衣液"), ("rice", "大米"), ("oil", "食用油"))


@st.composite
def points_accounts(draw: st.DrawFn, *, max_entries: int = 10) -> PointsAccount:
    """Valid points accounts (积分存折): earnings and spends that never overdraw, dated in order."""
    account = PointsAccount(draw(st.from_regex(r"h-[0-9]{1,4}", fullmatch=True)))
    day = dt.date(2024, 1, 1)
    for number in range(draw(st.integers(0, max_entries))):
        if account.balance and draw(st.booleans()):
            account = account.spend(draw(st.integers(1, account.balance)), day, "洗衣液 ×1", "detergent")
        else:
            account = account.earn(draw(st.integers(1, 30)), day, "志愿服务", f"e-{number}")
        day += dt.timedelta(days=draw(st.integers(0, 20)))
    return account


@st.composite
def price_lists(draw: st.DrawFn, *, max_goods: int = 5) -> PriceList:
    """Valid price lists of a credit supermarket (积分兑换目录): distinct goods, prices of 1 to
    50 points and stock from 0 to 20."""
    chosen = draw(st.lists(st.sampled_from(_GOODS), max_size=min(max_goods, len(_GOODS)), unique=True))
    return PriceList(
        [Goods(code, name, draw(st.integers(1, 50)), draw(st.integers(0, 20))) for code, name in chosen],
        draw(st.sampled_from(["", "南柳村巾帼信用超市"])),
    )
