"""Other workflows of the same shape, declared on the workflow engine (流程库).

* :data:`CIVILIZED_POST_WORKFLOW` — 巾帼文明岗: apply → approve creation → accept and name →
  re-check every N years (the ``named`` state falls due N years after it is entered, and a
  kept re-check enters it again) → keep or revoke;
* :data:`PUBLIC_PLEDGE_WORKFLOW` — 公开承诺 in five steps: 走访提诺、讨论议诺、组织审诺、公示亮诺、
  全面践诺 (a posted pledge falls due for fulfilment a year after it is posted).

Each is a :class:`~fulian_core.workflows.Workflow` value — a declaration, not code — and the
factories build one with another period:

>>> import datetime as dt
>>> from fulian_core.workflows import CHINA_STANDARD_TIME as CST, Act, Actor, Case, Role, advance, overdue
>>> leader = Actor("l1", "赵敏", Role.LEADER, "371082")
>>> post = Actor("p1", "人和镇卫生院护理部", Role.APPLICANT, "371082103")
>>> case = Case.start(CIVILIZED_POST_WORKFLOW, "post-001")
>>> for command, actor, day in [("apply", post, 1), ("approve", leader, 10), ("accept", leader, 20)]:
...     case = advance(CIVILIZED_POST_WORKFLOW, case, Act(command, actor, dt.datetime(2024, 3, day, tzinfo=CST)))
...
>>> case.state, case.due
('named', datetime.date(2027, 3, 20))
>>> [late.subject for late in overdue([case], on=dt.date(2027, 3, 21))]
['post-001']
"""

from __future__ import annotations

from typing import Final

from fulian_core.workflows import Case, Due, Role, State, Transition, Workflow

__all__ = [
    "CIVILIZED_POST_WORKFLOW",
    "PUBLIC_PLEDGE_WORKFLOW",
    "civilized_post_workflow",
    "public_pledge_workflow",
]

_APPLY = frozenset({Role.APPLICANT, Role.STAFF})
_DECIDE = frozenset({Role.LEADER})
_REVIEW = frozenset({Role.LEADER, Role.REVIEWER})
_OFFICE = frozenset({Role.STAFF, Role.LEADER})


def civilized_post_workflow(*, recheck: Due | None = None) -> Workflow[Case]:
    """巾帼文明岗 (创建 → 命名 → 复核), a named post falling due for re-check *recheck* after
    its naming or its last kept re-check (default: every three years, 三年一复核)."""
    every = recheck if recheck is not None else Due.years(3)
    return Workflow(
        code="civilized_post",
        label="巾帼文明岗创建",
        states=(
            State("new", "未申报"),
            State("applied", "已申报"),
            State("creating", "创建中"),
            State("named", "已命名", due=every),
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


def public_pledge_workflow(*, fulfil_within: Due | None = None) -> Workflow[Case]:
    """公开承诺 in five steps, a posted pledge falling due for fulfilment *fulfil_within* after
    it is posted (default: a year, 年度承诺); the organisation may send a pledge back for
    rewording before review."""
    within = fulfil_within if fulfil_within is not None else Due.years(1)
    return Workflow(
        code="public_pledge",
        label="公开承诺",
        states=(
            State("new", "未开始"),
            State("visited", "走访提诺"),
            State("discussed", "讨论议诺"),
            State("reviewed", "组织审诺"),
            State("posted", "公示亮诺", due=within),
            State("fulfilled", "全面践诺", final=True),
        ),
        initial="new",
        transitions=(
            Transition("propose", "走访提诺", {"new"}, "visited", frozenset({Role.STAFF, Role.APPLICANT})),
            Transition("discuss", "讨论议诺", {"visited"}, "discussed", _OFFICE),
            Transition("send_back", "退回修改", {"discussed"}, "visited", _DECIDE, needs_reason=True),
            Transition("review", "组织审诺", {"discussed"}, "reviewed", _DECIDE),
            Transition("post", "公示亮诺", {"reviewed"}, "posted", _OFFICE),
            Transition("fulfil", "全面践诺", {"posted"}, "fulfilled", _DECIDE),
        ),
    )


CIVILIZED_POST_WORKFLOW: Final = civilized_post_workflow()
"""巾帼文明岗: application, creation, acceptance and naming, re-check every three years, revocation."""

PUBLIC_PLEDGE_WORKFLOW: Final = public_pledge_workflow()
"""公开承诺 in five steps, fulfilment due a year after posting."""
