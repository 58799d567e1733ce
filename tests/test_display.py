"""Notebook displays (笔记本展示): escaped, masked, bounded; big containers' reprs summarised."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from fulian_core import Level, OrgTree, Period, Quantity
from fulian_core._display import ROWS
from fulian_core.courtyard import score
from fulian_core.credit import CreditEvent, CreditRecord
from fulian_core.criteria import Evidence, assess
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER as STANDARD
from fulian_core.indicators import Dataset, DataValue, Indicator, IndicatorSet, rollup_table
from fulian_core.nominations import NOMINATION_WORKFLOW
from fulian_core.quantities import Unit
from fulian_core.rules import Subject
from tests.courtyard.test_scoring import PLAN, inspect, perfect
from tests.credit.test_rules import WANG
from tests.nominations.fixtures import Run, campaign

HOSTILE = "<script>alert('x')</script>"
YEAR = Period.year(2024)


def hostile_tree(villages: int = 3) -> OrgTree:
    codes = {"371082": "荣成市", "371082103": f"{HOSTILE}镇"}
    codes.update({f"371082103{201 + index:03d}": f"村{index}|*_" for index in range(villages)})
    return OrgTree.from_division_codes(codes)


SESSIONS = IndicatorSet([Indicator("sessions", "志愿<b>服务</b>场次", Unit.SESSION)])


def test_a_rollup_table_escapes_hostile_names_in_html_and_markdown() -> None:
    tree = hostile_tree()
    data = Dataset(SESSIONS, tree, [DataValue("sessions", "371082103201", YEAR, Quantity.parse("200余场次"))])
    table = rollup_table(data, ["sessions"], ["371082103"], YEAR, level=Level.VILLAGE)
    html = table._repr_html_()
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;镇" in html
    assert "<td>200余场次（1/3）</td>" in html
    markdown = table._repr_markdown_()
    assert "<script>" not in markdown
    assert "| &lt;script&gt;alert('x')&lt;/script&gt;镇 | 200余场次（1/3） |" in markdown.splitlines()
    assert markdown.splitlines()[0] == "**汇总表 2024年**"
    # The table's own Markdown is the same table, its numbers aligned right.
    assert table.markdown().splitlines()[:2] == ["| 单位 | 志愿&lt;b&gt;服务&lt;/b&gt;场次 |", "| --- | ---: |"]


def test_a_table_longer_than_a_screen_shows_its_first_rows_and_counts_the_rest() -> None:
    tree = hostile_tree(villages=30)
    villages = sorted(unit.code for unit in tree.units_at(Level.VILLAGE))
    data = Dataset(
        SESSIONS, tree, [DataValue("sessions", code, YEAR, Quantity.exact(3, Unit.SESSION)) for code in villages]
    )
    table = rollup_table(data, ["sessions"], villages, YEAR, level=Level.VILLAGE)
    html = table._repr_html_()
    assert html.count("<tr>") == ROWS + 1  # the header and 20 rows
    assert "另有10行未显示（10 more rows）" in html
    markdown = table._repr_markdown_()
    assert "村0\\|\\*\\_" in markdown  # Markdown's own syntax escaped: no cell split, no emphasis
    assert markdown.splitlines()[-1] == "… 另有10行未显示（10 more rows）"
    assert repr(table) == (
        "<RollupTable 2024 from village: 30 units ['371082103201', '371082103202', '371082103203', "
        "'371082103204', '371082103205', … 25 more] × 1 indicators ['sessions']>"
    )


def test_a_big_dataset_shows_a_summary_not_its_content() -> None:
    tree = hostile_tree(villages=10)
    villages = sorted(unit.code for unit in tree.units_at(Level.VILLAGE))
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=offset) for offset in range(1000)]
    values = [
        DataValue("sessions", code, Period.day(day), Quantity.exact(index % 7, Unit.SESSION))
        for index, (code, day) in enumerate((code, day) for code in villages for day in days)
    ]
    data = Dataset(SESSIONS, tree, values)
    assert len(data) == 10_000
    assert repr(data) == "<Dataset: 10000 values of 1 indicators at 10 units over 1000 periods>"
    assert data.facts() == {
        "values": 10000,
        "indicators": 1,
        "units": 10,
        "periods": 1000,
        "series": 10,
        "cells": 10000,
    }
    html = data._repr_html_()
    assert len(html) < 2_000
    assert "<li>时期：1000（2024年1月1日至2026年9月26日）</li>" in html
    assert "<td>志愿&lt;b&gt;服务&lt;/b&gt;场次</td><td>sessions</td><td>10000</td><td>10</td>" in html
    assert len(data._repr_markdown_()) < 2_000


def test_a_long_credit_record_has_a_short_repr() -> None:
    events = [CreditEvent(f"e{index}", dt.date(2025, 1, 1), ("burn",)) for index in range(5_000)]
    record = CreditRecord(WANG, events)
    text = repr(record)
    assert len(text) < 2_000
    assert "… 4995 more" in text
    assert "王秀英" not in text  # the subject's name stays masked


def test_a_score_card_and_an_assessment_show_their_numbers_with_names_masked() -> None:
    card = score(PLAN, inspect(perfect()))
    html = card._repr_html_()
    assert html.startswith('<div class="fulian-core"><strong>评分表 h-0601（371082103201）')
    assert "<li>得分：100/100</li>" in html
    assert f"<li>等级：{card.band.label}</li>" in html
    assert html.count("<tr>") == len(card.evaluation.lines) + 1
    assert "**评分表 h-0601（371082103201）" in card._repr_markdown_()
    family = Subject("family-1", "张秀梅")
    evaluation = assess(STANDARD, Evidence(family, {}), on=dt.date(2024, 4, 1))
    for text in (evaluation._repr_html_(), evaluation._repr_markdown_()):
        assert "张秀梅" not in text
        assert "张" in text
    assert "张*梅" in evaluation._repr_html_()
    assert "张\\*梅" in evaluation._repr_markdown_()  # a masked name's star is not emphasis


def test_a_campaign_state_shows_counts_and_masked_candidates() -> None:
    run = Run(campaign())
    run.to_shortlist([1, 2, 3])
    html = run.state._repr_html_()
    assert "<li>推荐数：3</li>" in html
    for name in ("李桂英", "王淑珍", "赵玉兰"):
        assert name not in html
        assert f"{name[0]}*{name[-1]}" in html
    assert "<script>" not in html
    assert "李\\*英" in run.state._repr_markdown_()


def test_a_workflow_shows_its_diagram() -> None:
    diagram = NOMINATION_WORKFLOW.to_mermaid()
    markdown = NOMINATION_WORKFLOW._repr_markdown_()
    assert markdown.endswith(f"```mermaid\n{diagram}\n```")
    html = NOMINATION_WORKFLOW._repr_html_()
    (drawn,) = re.findall(r'<pre class="mermaid">(.*?)</pre>', html, re.DOTALL)
    assert "-->" not in drawn
    assert (
        drawn.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&#x27;", "'")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
        == diagram
    )


def test_values_read_as_people_write_them() -> None:
    from fulian_core._display import Display, to_markdown

    display = Display.of("t", [("a", Decimal("12.500")), ("b", None), ("c", True)])
    assert to_markdown(display).splitlines()[2:] == ["- a：12.5", "- b：—", "- c：是"]
