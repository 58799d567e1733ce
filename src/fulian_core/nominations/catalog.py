"""Other workflows of the same shape, declared on the workflow core (流程库).

* :data:`CIVILIZED_POST_WORKFLOW` — 巾帼文明岗: apply → approve creation → accept and name →
  re-check every N years → keep or revoke (:func:`recheck_due` says when the next re-check is due);
* :data:`PUBLIC_PLEDGE_WORKFLOW` — 公开承诺 in five steps: 走访提诺、讨论议诺、组织审诺、公示亮诺、
  全面践诺.

Each is a :class:`~fulian_core.nominations.workflow.Workflow` value — a declaration, not code:

>>> import datetime as dt
>>> from fulian_core.nominations import CHINA_STANDARD_TIME as CST, Act, Actor, Case, Role, advance
>>> leader = Actor("l1", "赵敏", Role.LEADER, "371082")
>>> post = Actor("p1", "人和镇卫生院护理部", Role.APPLICANT, "371082103")
>>> case = Case.start(CIVILIZED_POST_WORKFLOW, "post-001")
>>> for command, actor, day in [("apply", post, 1), ("approve", leader, 10), ("accept", leader, 20)]:
...     case = advance(CIVILIZED_POST_WORKFLOW, case, Act(command, actor, dt.datetime(2024, 3, day, tzinfo=CST)))
>>> case.state, recheck_due(case, every_years=3)
('named', datetime.date(2027, 3, 20))
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from dateutil.relativedelta import relativedelta

from fulian_core.calendars import china_date
from fulian_core.errors import ValidationError
from fulian_core.nominations.workflow import Case, Role, State, Transition, Workflow

__all__ = ["CIVILIZED_POST_WORKFLOW", "PUBLIC_PLEDGE_WORKFLOW", "is_recheck_overdue", "recheck_due"]

_APPLY = frozenset({Role.APPLICANT, Role.STAFF})
_DECIDE = frozenset({Role.LEADER})
_REVIEW = frozenset({Role.LEADER, Role.REVIEWER})

CIVILIZED_POST_WORKFLOW: Final = Workflow(
    code="civilized_post",
    label="巾帼文明岗创建",
    states=(
        State("new", "未申报"),
        State("applied", "已申报"),
        State("creating", "创建中"),
        State("named", "已命名"),
        State("declined", "未通过", final=True),
        State("revoked", "已撤销", final=True),
    ),
    initial="new",
    transitions=(
        Transition("apply", "申报", {"new"}, "applied", _APPLY),
        Transition("approve", "批准创建", {"applied"}, "creating", _DECIDE),
        Transition("decline", "不予创建", {"applied", "creating"}, "declined", _DECIDE, needs_reason=True),
        Transition("accept", "验收命名", {"creating"}, "named", _DECIDE),
        Transition("recheck_keep", "复核保留", {"named"}, "named", _REVIEW),
        Transition("revoke", "撤销/摘牌", {"named"}, "revoked", _DECIDE, needs_reason=True),
    ),
)
"""巾帼文明岗: application, creation, acceptance and naming, periodic re-check, revocation."""

PUBLIC_PLEDGE_WORKFLOW: Final = Workflow(
    code="public_pledge",
    label="公开承诺",
    states=(
        State("new", "未开始"),
        State("visited", "走访提诺"),
        State("discussed", "讨论议诺"),
        State("reviewed", "组织审诺"),
        State("posted", "公示亮诺"),
        State("fulfilled", "全面践诺", final=True),
    ),
    initial="new",
    transitions=(
        Transition("propose", "走访提诺", {"new"}, "visited", frozenset({Role.STAFF, Role.APPLICANT})),
        Transition("discuss", "讨论议诺", {"visited"}, "discussed", frozenset({Role.STAFF, Role.LEADER})),
        Transition("send_back", "退回修改", {"discussed"}, "visited", _DECIDE, needs_reason=True),
        Transition("review", "组织审诺", {"discussed"}, "reviewed", _DECIDE),
        Transition("post", "公示亮诺", {"reviewed"}, "posted", frozenset({Role.STAFF, Role.LEADER})),
        Transition("fulfil", "全面践诺", {"posted"}, "fulfilled", _DECIDE),
    ),
)
"""公开承诺 in five steps; the organisation may send a pledge back for rewording before review."""


def recheck_due(case: Case, *, every_years: int) -> dt.date | None:
    """The date the next re-check of a named post falls due (复核): *every_years* after its
    naming or its last kept re-check; None unless the post is named."""
    if isinstance(every_years, bool) or not isinstance(every_years, int) or every_years < 1:
        raise ValidationError.single("every_years", "a whole number of years >= 1", every_years)
    if case.workflow != CIVILIZED_POST_WORKFLOW.code:
        raise ValidationError.single("case.workflow", f"a case of {CIVILIZED_POST_WORKFLOW.code}", case.workflow)
    if case.state != "named":
        return None
    last = max(event.act.at for event in case.events if event.act.command in ("accept", "recheck_keep"))
    return china_date(last) + relativedelta(years=every_years)


def is_recheck_overdue(case: Case, *, every_years: int, on: dt.date) -> bool:
    """Whether a named post's re-check is past due on *on*."""
    due = recheck_due(case, every_years=every_years)
    return due is not None and on > due
