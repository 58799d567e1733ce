"""Every guard of the nomination lifecycle refuses with its own message and changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pytest

from fulian_core import TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.nominations import (
    Accept,
    Channel,
    Command,
    OpenNotice,
    Quota,
    Step,
    StepKind,
    Submission,
    Submit,
    decide,
)
from fulian_core.orgs import Level
from fulian_core.workflows import Actor, Payload, Role
from tests.nominations.fixtures import (
    APPLICANT,
    CLERK,
    HEPING,
    HEPING_CLERK,
    LEADER,
    NEIGHBOUR,
    REVIEWER,
    REVIEWER_2,
    STREET_CLERK,
    THIN_DOSSIER,
    ZHONGYI,
    Run,
    at,
    campaign,
    evidence_for,
    family,
    submission,
)


def refused(run: Run, command: Command) -> TransitionRefused:
    """The refusal of *command*, checking that state and log are unchanged."""
    before_state, before_log = run.state, list(run.log)
    with pytest.raises(TransitionRefused) as caught:
        run.do(command)
    assert run.state is before_state
    assert run.state == before_state
    assert run.log == before_log
    return caught.value


def test_outside_the_phase_window() -> None:
    run = Run()
    error = refused(run, Command.submit(APPLICANT, at(3, 10), "n-1", submission(1)))
    assert str(error) == (
        "submit n-1 [未提交 new]: refused by guard 'window': "
        "expected a date in 推荐评选 (2024-03-16 to 2024-05-31), got 2024-03-10"
    )


def test_outside_a_dated_step_for_the_level() -> None:
    steps = (Step(StepKind.NOMINATION, dt.date(2024, 3, 16), dt.date(2024, 3, 31), Level.VILLAGE),)
    run = Run(campaign(steps=steps))
    error = refused(run, Command.submit(APPLICANT, at(4, 2), "n-1", submission(1)))
    assert error.guard == "window"
    assert error.detail == "expected a date in a step for 村 (推荐 2024-03-16 to 2024-03-31), got 2024-04-02"


def test_the_date_of_an_act_is_its_date_in_china() -> None:
    run = Run()
    late_in_utc = dt.datetime(2024, 3, 15, 17, 0, tzinfo=dt.timezone.utc)  # 16 March, 01:00 in Beijing
    run.do(Command.submit(APPLICANT, late_in_utc, "n-1", submission(1)))
    assert run.state.nomination("n-1").status.code == "submitted"


def test_channel_not_accepted() -> None:
    run = Run(campaign(channels={Channel.ORGANISATION, Channel.NEIGHBOURS}))
    error = refused(run, Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    assert str(error) == (
        "submit n-1 [未提交 new]: refused by guard 'channel': "
        "expected a channel of the campaign (群众互荐、组织推荐), got 自荐"
    )


def test_unknown_category_and_wrong_candidate_kind() -> None:
    run = Run()
    error = refused(run, Command.submit(APPLICANT, at(3, 20), "n-1", submission(1, category="bookish")))
    assert error.guard == "category"
    assert error.detail == "expected five_good, green, got 'bookish'"
    person = Submission(
        family(1).__class__("p-1", "张秀梅", family(1).kind.PERSON), Channel.SELF, ZHONGYI, THIN_DOSSIER
    )
    error = refused(run, Command.submit(APPLICANT, at(3, 20), "n-1", person))
    assert error.guard == "category"
    no_categories = Run(campaign(categories=(), quotas=()))
    error = refused(no_categories, Command.submit(APPLICANT, at(3, 20), "n-1", person))
    assert (error.guard, error.detail) == ("candidate", "expected a 家庭 candidate, got 个人")


def test_receiving_unit_outside_the_campaign() -> None:
    run = Run()
    error = refused(run, Command.submit(APPLICANT, at(3, 20), "n-1", submission(1, unit="999999")))
    assert error.guard == "unit"
    assert error.detail == ("a receiving unit of the campaign (at 村、乡镇, related to 忠义社区), got '999999'")


def test_dossier_incomplete_lists_what_is_missing() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1, dossier=THIN_DOSSIER)))
    error = refused(run, Command.accept(CLERK, at(3, 21), "n-1"))
    assert str(error) == (
        "accept n-1 [已提交 submitted]: refused by guard 'dossier': "
        "the dossier lacks 事迹材料不少于100字（现有4字）、照片不少于2张（现有1张）、家训"
    )


def test_same_family_twice_at_one_level() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.submit(NEIGHBOUR, at(3, 21), "n-2", submission(1)))
    assert str(error) == (
        "submit n-2 [未提交 new]: refused by guard 'duplicate': "
        "'family-1' is already nominated at 村 in this campaign (as 'n-1')"
    )


def test_a_nomination_id_is_used_once() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.submit(APPLICANT, at(3, 21), "n-1", submission(2)))
    assert (error.guard, error.detail) == ("id", "a nomination id not used before, got 'n-1'")


def test_reviewer_must_stand_aside_for_own_family_or_work_unit() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-9", submission(9)))
    run.do(Command.accept(CLERK, at(3, 21), "n-9"))
    error = refused(run, Command.assess(REVIEWER, at(4, 1), "n-9", evidence_for(family(9))))
    assert str(error) == (
        "assess n-9 [审核中 under_review]: refused by guard 'recusal': "
        "actor 'reviewer' must stand aside (回避): the candidate 'family-9' is in their conflicts"
    )
    banker = Submission(
        family(3), Channel.ORGANISATION, ZHONGYI, submission(3).dossier, "green", affiliation="org-bank"
    )
    run.do(Command.submit(CLERK, at(3, 22), "n-3", banker))
    run.do(Command.accept(CLERK, at(3, 23), "n-3"))
    error = refused(run, Command.assess(REVIEWER, at(4, 1), "n-3", evidence_for(family(3))))
    assert error.detail == "actor 'reviewer' must stand aside (回避): the work unit 'org-bank' is in their conflicts"


def test_nobody_judges_their_own_nomination() -> None:
    # The applicant's own id acting as a reviewer, the nominee, and the one who recommended it
    # stand aside without any declared conflict, and the refusal shows no one's name.
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-2", submission(2)))
    run.do(Command.accept(CLERK, at(3, 21), "n-2"))
    self_reviewer = Actor("applicant", "张秀梅", Role.REVIEWER, ZHONGYI)
    error = refused(run, Command.assess(self_reviewer, at(4, 1), "n-2", evidence_for(family(2))))
    assert (error.guard, error.detail) == (
        "recusal",
        "actor 'applicant' must stand aside (回避): they are the submitter of n-2",
    )
    assert "张秀梅" not in str(error)
    nominee = Actor("family-2", "家属", Role.REVIEWER, ZHONGYI)
    error = refused(run, Command.assess(nominee, at(4, 1), "n-2", evidence_for(family(2))))
    assert error.detail == "actor 'family-2' must stand aside (回避): they are the nominee of n-2"


def test_the_recommender_named_by_name_and_ids_as_people_type_them_stand_aside() -> None:
    run = Run()
    recommended = attrs.evolve(submission(5), nominator=REVIEWER_2.name)  # 推荐人 written by name
    run.do(Command.submit(APPLICANT, at(3, 20), "n-5", recommended))
    run.do(Command.accept(CLERK, at(3, 21), "n-5"))
    error = refused(run, Command.assess(REVIEWER_2, at(4, 1), "n-5", evidence_for(family(5))))
    assert error.detail == "actor 'reviewer-2' must stand aside (回避): they are the recommender of n-5"
    for typed in (" applicant", "Applicant", "ａｐｐｌｉｃａｎｔ"):  # the submitter's id, as typed elsewhere
        reviewer = Actor(typed, "某评委", Role.REVIEWER, ZHONGYI)
        error = refused(run, Command.assess(reviewer, at(4, 1), "n-5", evidence_for(family(5))))
        assert error.guard == "recusal", typed


def test_a_nominee_does_not_close_the_notice_they_are_on() -> None:
    run = Run()
    ids = run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    nominee = Actor("family-2", "家属", Role.STAFF, ZHONGYI)
    error = refused(run, Command.close_notice(nominee, at(4, 12), "notice-1"))
    assert (error.guard, error.detail) == (
        "recusal",
        "actor 'family-2' must stand aside (回避): they are the nominee of n-2",
    )
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))


def test_forwarding_beyond_the_quota() -> None:
    run = Run(campaign(quotas=(Quota(Level.VILLAGE, 1),)))
    ids = run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    for minute, nomination in enumerate(ids):
        run.do(Command.confirm(LEADER, at(4, 15, 9, minute), nomination))
    run.do(Command.forward(CLERK, at(4, 16), "n-1"))
    error = refused(run, Command.forward(CLERK, at(4, 16, 10), "n-2"))
    assert str(error) == (
        "forward n-2 [本级确定 confirmed]: refused by guard 'quota': "
        "expected at most 1 forwarded by 忠义社区 (all categories), got 2"
    )


def test_category_quota() -> None:
    run = Run()
    ids = run.to_shortlist([1, 2], category="green")
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    for minute, nomination in enumerate(ids):
        run.do(Command.confirm(LEADER, at(4, 15, 9, minute), nomination))
    run.do(Command.forward(CLERK, at(4, 16), "n-1"))
    error = refused(run, Command.forward(CLERK, at(4, 16, 10), "n-2"))
    assert error.detail == "expected at most 1 forwarded by 忠义社区 (绿色家庭), got 2"


def test_closing_a_notice_before_its_period_has_elapsed() -> None:
    run = Run()
    ids = run.to_shortlist([1])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    # Posted on Wednesday 3 April: 清明 (4-6 April) and the make-up Sunday 7 April count as
    # the calendar says, so five working days end on Thursday 11 April.
    assert run.state.notice("notice-1").last_day == dt.date(2024, 4, 11)
    error = refused(run, Command.close_notice(CLERK, at(4, 11, 17), "notice-1"))
    assert str(error) == (
        "close_notice notice-1 [公示中 open]: refused by guard 'notice_period': "
        "expected a date after the notice's last day (2024-04-11), got 2024-04-11"
    )


def test_closing_a_notice_with_a_pending_objection() -> None:
    run = Run()
    ids = run.to_shortlist([1])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.raise_objection(NEIGHBOUR, at(4, 8), "n-1", "objection-1", reason="与邻居长期不和"))
    error = refused(run, Command.close_notice(CLERK, at(4, 12), "notice-1"))
    assert (error.guard, error.detail) == ("objections", "expected every objection resolved, got pending objection-1")


def test_objection_after_the_notice_ended() -> None:
    run = Run()
    ids = run.to_shortlist([1])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    error = refused(run, Command.raise_objection(NEIGHBOUR, at(4, 12), "n-1", "objection-1", reason="迟到的异议"))
    assert (error.guard, error.detail) == (
        "notice_open",
        "expected a date during the notice (to 2024-04-11), got 2024-04-12",
    )


def test_awarding_without_a_passed_notice() -> None:
    run = Run()
    ids = run.to_shortlist([1])
    error = refused(run, Command.award(LEADER, at(6, 1), ids[0]))
    assert str(error) == (
        "award n-1 [入围 shortlisted]: refused by guard 'notice': "
        "expected a public notice at 村 that passed with no upheld objection"
    )
    street_run = Run()
    street_run.to_shortlist([1])
    street_run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    assert refused(street_run, Command.award(LEADER, at(6, 1), ids[0])).guard == "notice"


def test_acting_at_a_level_the_actor_does_not_belong_to() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.accept(STREET_CLERK, at(3, 21), "n-1"))
    assert str(error) == (
        "accept n-1 [已提交 submitted]: refused by guard 'level': expected an actor of a unit at 村, got 中心街道 (乡镇)"
    )
    error = refused(run, Command.accept(HEPING_CLERK, at(3, 21), "n-1"))
    assert (error.guard, error.detail) == ("unit", "expected an actor of 忠义社区, got 和平社区")


def test_role_and_reason() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.accept(APPLICANT, at(3, 21), "n-1"))
    assert (error.guard, error.detail) == ("role", "expected an actor acting as 工作人员, got 推荐人/申报人")
    error = refused(run, Command.return_for_revision(CLERK, at(3, 21), "n-1", reason="  "))
    assert (error.guard, error.detail) == ("reason", "退回重新撰写 needs a reason")


def test_the_log_runs_forward() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.accept(CLERK, at(3, 19), "n-1"))
    assert error.guard == "chronology"
    assert error.detail == (
        "expected a time at or after the last accepted act (2024-03-20T09:00:00+08:00), got 2024-03-19T09:00:00+08:00"
    )


def test_a_reviewer_assesses_once_and_only_eligible_ones_are_shortlisted() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    run.do(Command.accept(CLERK, at(3, 21), "n-1"))
    run.do(Command.assess(REVIEWER_2, at(4, 1), "n-1", evidence_for(family(1), eligible=False)))
    error = refused(run, Command.assess(REVIEWER_2, at(4, 1, 10), "n-1", evidence_for(family(1))))
    assert (error.guard, error.detail) == ("reviewed", "actor 'reviewer-2' has already assessed it here")
    error = refused(run, Command.shortlist(LEADER, at(4, 2), "n-1"))
    assert (error.guard, error.detail) == ("eligible", "expected every assessment 符合评选条件, got 不符合评选条件")


def test_state_refusal_differs_from_an_unknown_command() -> None:
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    error = refused(run, Command.forward(CLERK, at(3, 21), "n-1"))
    assert str(error) == (
        "forward n-1 [已提交 submitted]: refused by guard 'state': no transition of this state accepts "
        "'forward' (accepted here: return, accept, reject, revoke, withdraw)"
    )
    before = run.state

    @attrs.frozen
    class Promote(Payload):
        kind: ClassVar[str] = "promote"
        nomination: str

        @property
        def subject(self) -> str:
            return self.nomination

    with pytest.raises(UnknownCommandError) as caught:
        run.do(Command(CLERK, at(3, 21), Promote("n-1")))  # type: ignore[arg-type]
    assert str(caught.value).startswith("command: expected a command of the nomination workflow (submit, return,")
    assert str(caught.value).endswith("got 'promote'")
    assert run.state is before


def test_revoking_needs_a_standing_title_and_its_unit_or_above() -> None:
    run = Run()
    ids = run.to_shortlist([1])
    run.through_notice(ids)
    error = refused(run, Command.revoke(LEADER, at(4, 13), "n-1", reason="违法"))
    assert (error.guard, error.detail) == ("titled", "expected a standing title to revoke")
    run.do(Command.confirm(LEADER, at(4, 13), "n-1"))
    run.do(Command.award(LEADER, at(6, 1), "n-1"))
    outsider = HEPING_CLERK.__class__("x", "吴静", LEADER.role, HEPING)
    error = refused(run, Command.revoke(outsider, at(7, 1), "n-1", reason="违法"))
    assert (error.guard, error.detail) == (
        "titled",
        "expected an actor of 忠义社区 or a unit above, got '540102001002'",
    )


def test_bad_references_are_validation_errors() -> None:
    run = Run()
    with pytest.raises(
        ValidationError, match=r"^nomination: expected the id of a nomination of this campaign, got 'n-7'$"
    ):
        run.do(Command.accept(CLERK, at(3, 21), "n-7"))
    with pytest.raises(ValidationError, match=r"^notice: expected the id of a notice of this campaign, got 'nope'$"):
        run.do(Command.close_notice(CLERK, at(3, 21), "nope"))
    with pytest.raises(ValidationError, match=r"^objection: expected the id of an objection"):
        run.do(Command.dismiss_objection(LEADER, at(3, 21), "nope", reason="x"))
    with pytest.raises(ValidationError, match=r"^command: expected a Command"):
        decide(run.campaign, run.state, "submit")  # type: ignore[arg-type]


def test_commands_check_their_payload() -> None:
    with pytest.raises(ValidationError) as caught:
        Command.accept(CLERK, dt.datetime(2024, 3, 21, 9), "n-1")  # noqa: DTZ001 - the point
    assert [str(fault) for fault in caught.value.faults] == [
        (
            "at: expected a date and time with its time zone (e.g. tzinfo=CHINA_STANDARD_TIME), "
            "got datetime.datetime(2024, 3, 21, 9, 0)"
        ),
    ]
    with pytest.raises(ValidationError) as caught:
        Accept("")
    assert str(caught.value) == "nomination: expected the id of a nomination, got ''"
    with pytest.raises(TypeError):
        Submit("n-1")  # type: ignore[call-arg]
    with pytest.raises(ValidationError) as caught:
        OpenNotice("notice-1", "n-1")
    assert str(caught.value) == "nominations: expected a list of nomination ids, not text or a mapping, got 'n-1'"
    with pytest.raises(ValidationError) as caught:
        Command(CLERK, at(3, 21), "accept")  # type: ignore[arg-type]
    assert str(caught.value) == "payload: expected a command payload (Submit, Accept …), got 'accept'"


def test_an_upheld_objection_does_not_leave_the_notice_stuck_open() -> None:
    # Red-team find: two objections against one nominee, the first upheld; the second can no
    # longer be decided (the nominee is removed) and must not hold the notice open.
    run = Run()
    ids = run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.raise_objection(NEIGHBOUR, at(4, 5), "n-1", "o-1", reason="材料不实"))
    run.do(Command.raise_objection(NEIGHBOUR, at(4, 5, 10), "n-1", "o-2", reason="另有举报"))
    run.do(Command.uphold_objection(LEADER, at(4, 8), "o-1", reason="属实"))
    error = refused(run, Command.dismiss_objection(LEADER, at(4, 8, 10), "o-2", reason="已处理"))
    assert error.guard == "state"
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    assert run.state.nomination("n-2").status.code == "notice_passed"
    assert run.state.nomination("n-1").status.code == "removed"


def test_only_the_submitter_or_staff_withdraws_or_resubmits() -> None:
    # Red-team find: anyone acting as 群众 could withdraw someone else's nomination.
    run = Run()
    run.do(Command.submit(APPLICANT, at(3, 20), "n-1", submission(1)))
    passer_by = Actor("x", "路人", Role.PUBLIC, "nowhere")
    error = refused(run, Command.withdraw(passer_by, at(3, 21), "n-1", reason="不想参加了"))
    assert (error.guard, error.detail) == ("own", "expected the actor who submitted n-1 or staff of a unit, got 'x'")
    run.do(Command.withdraw(APPLICANT, at(3, 21), "n-1", reason="家中有事"))
    assert run.state.nomination("n-1").submitted_by == APPLICANT.id
