"""Rectification (创建整改): task lists as data, problems found in 排查 becoming cases that run
排查 → 交办 → 整改 (限期, in working days) → 复查 → 销号 on the workflow engine, with 退回重改
and 督办, and the figures 整改率 and 按期整改率.

>>> import datetime as dt
>>> from fulian_core import china_calendar
>>> from fulian_core.rectification import Assign, Problem, ProblemSource, open_case, rectification_workflow
>>> from fulian_core.workflows import CHINA_STANDARD_TIME as CST, Act, Actor, Role, advance
>>> workflow = rectification_workflow(calendar=china_calendar(2019), days=10)
>>> inspector = Actor("s1", "李红", Role.STAFF, "320583102")
>>> leader = Actor("l1", "赵敏", Role.LEADER, "320583102")
>>> problem = Problem("p-1", "家庭教育指导站未挂牌", dt.date(2019, 9, 26), "320583102201", ProblemSource.PATROL)
>>> case = open_case(workflow, problem, by=inspector, at=dt.datetime(2019, 9, 26, 15, tzinfo=CST))
>>> case = advance(workflow, case, Act("assign", leader, dt.datetime(2019, 9, 27, 9, tzinfo=CST),
...     payload=Assign("320583102201")))
>>> case.state, case.due    # 10 working days across the National Day holiday
('assigned', datetime.date(2019, 10, 16))
"""

from fulian_core.rectification.cases import Problem, ProblemSource, problem_of, problems_from_card
from fulian_core.rectification.figures import RectificationFigures, figures_by_unit, rectification_figures
from fulian_core.rectification.tasks import AssessmentItem, Responsibility, Task, TaskList
from fulian_core.rectification.workflow import (
    RECTIFICATION_WORKFLOW,
    Assign,
    open_case,
    rectification_workflow,
    responsible_unit,
)

__all__ = [
    "RECTIFICATION_WORKFLOW",
    "AssessmentItem",
    "Assign",
    "Problem",
    "ProblemSource",
    "RectificationFigures",
    "Responsibility",
    "Task",
    "TaskList",
    "figures_by_unit",
    "open_case",
    "problem_of",
    "problems_from_card",
    "rectification_figures",
    "rectification_workflow",
    "responsible_unit",
]
