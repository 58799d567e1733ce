"""Seed 004's township (illustrative codes): its federation, two villages, and who acts."""

from __future__ import annotations

import datetime as dt

from fulian_core import china_calendar
from fulian_core.rectification import Problem, ProblemSource, rectification_workflow
from fulian_core.rectification.catalog import CIVILISED_CITY_TASKS
from fulian_core.workflows import CHINA_STANDARD_TIME, Actor, Role

CALENDAR = china_calendar(2019, 2020, 2021)
WORKFLOW = rectification_workflow(calendar=CALENDAR, days=10, escalation_days=5, tasks=CIVILISED_CITY_TASKS)

TOWNSHIP = "320583102"
XINZHEN = "320583102201"
JINGU = "320583102202"

INSPECTOR = Actor("s1", "李红", Role.STAFF, TOWNSHIP)
LEADER = Actor("l1", "赵敏", Role.LEADER, TOWNSHIP)
XINZHEN_STAFF = Actor("x1", "王芳", Role.STAFF, XINZHEN)
JINGU_STAFF = Actor("j1", "刘洋", Role.STAFF, JINGU)
XINZHEN_REVIEWER = Actor("x2", "陈静", Role.REVIEWER, XINZHEN)


def at(month: int, day: int, hour: int = 9, *, year: int = 2019) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=CHINA_STANDARD_TIME)


def problem(number: int = 1, *, found_on: dt.date = dt.date(2019, 9, 26), unit: str = XINZHEN) -> Problem:
    return Problem(
        f"p-{number}", "家庭教育指导站未挂牌、无活动记录", found_on, unit, ProblemSource.ASSESSMENT, item="A2"
    )
