"""Notice periods counted from the day after posting or from the posting day, in calendar or
working days, and a published last day checked against the rule; dates worked out by hand on
the 2024 schedule (清明 4-6 April off, Sunday 7 April worked; 国庆 1-7 October off, Sunday
29 September and Saturday 12 October worked)."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import DefinitionError, ValidationError, china_calendar, unstructure
from fulian_core.nominations import Campaign, Command, DayCounting, NoticeRule, NoticeStart, notice_view
from fulian_core.testing.laws import assert_round_trip
from tests.nominations.fixtures import CLERK, Run, at, campaign

CALENDAR = china_calendar(2024)
NEXT, POSTING = NoticeStart.NEXT_DAY, NoticeStart.POSTING_DAY


def working(days: int, start: NoticeStart = NEXT) -> NoticeRule:
    return NoticeRule(days, DayCounting.WORKING, CALENDAR, counted_from=start)


def calendar_days(days: int, start: NoticeStart = NEXT, *, moved: bool = False) -> NoticeRule:
    """Calendar days; *moved*: with the calendar, so a last day off moves to a working day."""
    return NoticeRule(days, DayCounting.CALENDAR, CALENDAR if moved else None, counted_from=start)


@pytest.mark.parametrize(
    ("rule", "posted", "last"),
    [
        # Wednesday 3 April, 5 working days from the next day: 7 (make-up Sunday), 8, 9, 10, 11.
        (working(5), dt.date(2024, 4, 3), dt.date(2024, 4, 11)),
        # ... from the posting day: 3 is day one, then 7, 8, 9, 10.
        (working(5, POSTING), dt.date(2024, 4, 3), dt.date(2024, 4, 10)),
        # Posted on a holiday (Saturday 6 April): the first working day after it (Sunday 7) is
        # day one, so both conventions end on Thursday 11 April.
        (working(5), dt.date(2024, 4, 6), dt.date(2024, 4, 11)),
        (working(5, POSTING), dt.date(2024, 4, 6), dt.date(2024, 4, 11)),
        # Monday 30 September across 国庆: next day → 8, 9, 10, 11, 12 October (make-up Saturday).
        (working(5), dt.date(2024, 9, 30), dt.date(2024, 10, 12)),
        # ... posting day → 30 September, 8, 9, 10, 11 October.
        (working(5, POSTING), dt.date(2024, 9, 30), dt.date(2024, 10, 11)),
        # Posted on 1 October (holiday): 8 October is day one under either convention.
        (working(5, POSTING), dt.date(2024, 10, 1), dt.date(2024, 10, 12)),
        # One working day from the posting day is the posting day itself.
        (working(1, POSTING), dt.date(2024, 4, 3), dt.date(2024, 4, 3)),
        # Friday 27 September, 7 calendar days: next day → 4 October; posting day → 3 October.
        (calendar_days(7), dt.date(2024, 9, 27), dt.date(2024, 10, 4)),
        (calendar_days(7, POSTING), dt.date(2024, 9, 27), dt.date(2024, 10, 3)),
        # With the calendar, a last day in the holiday runs to the next working day (第二百零三条).
        (calendar_days(7, moved=True), dt.date(2024, 9, 27), dt.date(2024, 10, 8)),
        (calendar_days(7, POSTING, moved=True), dt.date(2024, 9, 27), dt.date(2024, 10, 8)),
        # Calendar days ending on a working day are not moved: 3 April + 5 - 1 = 7 April (worked).
        (calendar_days(5, POSTING, moved=True), dt.date(2024, 4, 3), dt.date(2024, 4, 7)),
        (calendar_days(1, POSTING), dt.date(2024, 4, 3), dt.date(2024, 4, 3)),
    ],
)
def test_last_day(rule: NoticeRule, posted: dt.date, last: dt.date) -> None:
    assert rule.last_day(posted) == last
    assert rule.check_end(posted, last, exact=True) == last


def test_the_rule_is_described_with_its_convention() -> None:
    assert working(5).describe() == "公示期5个工作日"
    assert working(5, POSTING).describe() == "公示期5个工作日（自发布之日起算）"
    assert calendar_days(7, POSTING).describe() == "公示期7个自然日（自发布之日起算）"
    assert (NEXT.label, POSTING.label) == ("次日起算", "发布当日起算")


def test_a_stated_last_day_is_checked_against_the_rule() -> None:
    rule = working(5, POSTING)
    posted = dt.date(2024, 4, 3)
    assert rule.check_end(posted, dt.date(2024, 4, 10)) == dt.date(2024, 4, 10)
    # A notice may run longer than the rule asks, unless the check is exact.
    assert rule.check_end(posted, dt.date(2024, 4, 12)) == dt.date(2024, 4, 10)
    with pytest.raises(ValidationError) as caught:
        rule.check_end(posted, dt.date(2024, 4, 9))
    assert str(caught.value) == (
        "stated_last_day: expected 2024-04-10 or later (公示期5个工作日（自发布之日起算）, posted on 2024-04-03), "
        "got '2024-04-09'"
    )
    with pytest.raises(ValidationError) as caught:
        rule.check_end(posted, dt.date(2024, 4, 12), exact=True)
    assert str(caught.value) == (
        "stated_last_day: expected 2024-04-10 (公示期5个工作日（自发布之日起算）, posted on 2024-04-03), got '2024-04-12'"
    )
    # Counted from the next day, the same notice must run one working day longer.
    with pytest.raises(ValidationError) as caught:
        working(5).check_end(posted, dt.date(2024, 4, 10))
    assert caught.value.expected == "2024-04-11 or later (公示期5个工作日, posted on 2024-04-03)"


def test_check_end_wants_dates() -> None:
    with pytest.raises(ValidationError) as caught:
        NoticeRule(5).check_end(dt.datetime(2024, 4, 3, 9, tzinfo=dt.timezone.utc), "2024-04-08")  # type: ignore[arg-type]
    assert [fault.path for fault in caught.value.faults] == ["posted", "stated_last_day"]
    assert str(caught.value.faults[1]) == "stated_last_day: expected a date, got '2024-04-08'"


def test_the_convention_is_checked() -> None:
    with pytest.raises(DefinitionError) as caught:
        NoticeRule(0, counted_from="posting_day")  # type: ignore[arg-type]
    assert [str(fault) for fault in caught.value.faults] == [
        "days: expected a whole number >= 1, got 0",
        "counted_from: expected a NoticeStart, got 'posting_day'",
    ]


def test_a_campaign_counting_from_the_posting_day_posts_and_closes_by_it() -> None:
    run = Run(campaign(notice=working(5, POSTING)))
    ids = run.to_shortlist([1])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    assert run.state.notice("notice-1").last_day == dt.date(2024, 4, 10)
    lines = notice_view(run.campaign, run.state, "notice-1").render().splitlines()
    assert lines[1] == "发布单位：忠义社区　公示期：2024-04-03至2024-04-10（公示期5个工作日（自发布之日起算））"
    run.do(Command.close_notice(CLERK, at(4, 11), "notice-1"))  # the day after the last day
    assert run.state.notice("notice-1").closed_at == at(4, 11)


def test_notice_rules_round_trip() -> None:
    for rule in (working(5, POSTING), calendar_days(7), calendar_days(7, POSTING, moved=True)):
        assert_round_trip(rule, NoticeRule)
    assert unstructure(NoticeRule(7, counted_from=POSTING)) == {
        "days": 7,
        "counting": "calendar",
        "calendar": None,
        "counted_from": "posting_day",
    }
    assert_round_trip(campaign(notice=working(5, POSTING)), Campaign)
