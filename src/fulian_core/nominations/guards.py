"""The guards of the nomination lifecycle (校验规则), declared once and run by the workflow engine.

Each :class:`~fulian_core.workflows.Guard` is a named predicate over an
:class:`~fulian_core.workflows.Attempt` whose context is a :class:`Deciding` — the campaign,
its state, the command, and the nomination, notice or objection the command is about. The
engine runs ``state``, ``role``, ``reason`` and ``chronology`` for every command; a transition
of :data:`~fulian_core.nominations.lifecycle.NOMINATION_WORKFLOW` names the ones below it
needs, in the order they run. A refusal names its guard as
:attr:`~fulian_core.errors.TransitionRefused.guard`:

* ``window`` — outside the phase (宣传动员/推荐评选/总结表彰) or the dated step for the level;
* ``level`` / ``unit`` — the actor's unit is not at the nomination's level, or not its unit;
  a submission to a unit that does not take part in the campaign (``unit``);
* ``recusal`` — the actor must not judge this candidate or its work unit (回避);
* ``own`` — an applicant or a member of the public withdraws or resubmits only what they submitted;
* ``id`` — a nomination, notice or objection id used before;
* ``channel`` / ``category`` / ``candidate`` — not what the campaign accepts;
* ``duplicate`` — the candidate is already nominated at the level the command puts it at;
* ``dossier`` — the dossier lacks what the campaign requires (the message lists it);
* ``reviewed`` / ``eligible`` — one review per reviewer; only eligible nominations shortlisted;
* ``notice_open`` / ``notice_period`` / ``objections`` — objections only while a notice runs
  and only pending ones resolved; a notice closes only after its last day, every objection
  resolved;
* ``notice`` — no title without a notice at this level that passed with no upheld objection;
* ``next_level`` / ``quota`` — forwarding needs a level above and a free place (名额);
* ``titled`` — only a standing title can be revoked, by its unit or one above it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

import attrs

from fulian_core._definitions import listed_set
from fulian_core.calendars import china_date
from fulian_core.nominations.campaign import Campaign, PhaseKind, StepKind
from fulian_core.nominations.commands import (
    Command,
    Forward,
    OpenNotice,
    RaiseObjection,
    Submission,
    Submit,
)
from fulian_core.nominations.state import (
    CampaignState,
    Nomination,
    NominationStatus,
    Notice,
    Objection,
    ObjectionStatus,
)
from fulian_core.orgs import Level
from fulian_core.rules import Verdict
from fulian_core.workflows import Attempt, Guard, Role

__all__ = ["GUARDS", "Deciding", "Window", "acts_for_a_unit", "passed_notice"]


def _steps(value: Iterable[StepKind]) -> frozenset[StepKind]:
    return listed_set(value, "steps", "a collection of step kinds")


@attrs.frozen
class Window:
    """When a command may be given (办理时段): within a phase of the campaign (None: any time)
    and, where the campaign dates steps for the level, within one of these steps."""

    phase: PhaseKind | None
    steps: frozenset[StepKind] = attrs.field(default=frozenset(), converter=_steps)


@attrs.frozen
class Deciding:
    """The context of a command being decided (待办操作): the campaign, its state, the command,
    its window, and what the command is about — a nomination, a notice, an objection (None
    where the command is not about one, e.g. a submission not yet made)."""

    campaign: Campaign
    state: CampaignState
    command: Command
    window: Window
    nomination: Nomination | None = None
    notice: Notice | None = None
    objection: Objection | None = None

    @property
    def level(self) -> Level:
        """The level the command acts at."""
        if self.nomination is not None:
            return self.nomination.level
        if self.notice is not None:
            return self.notice.level
        return self.campaign.tree.unit(self.submission.unit).level

    @property
    def unit(self) -> str:
        """The unit that holds what the command is about."""
        if self.nomination is not None:
            return self.nomination.unit
        if self.notice is not None:
            return self.notice.unit
        return self.submission.unit

    @property
    def submission(self) -> Submission:
        """The submission a :class:`~fulian_core.nominations.Submit` command brings."""
        payload = self.command.payload
        assert isinstance(payload, Submit)  # noqa: S101 - only submissions are about no record
        return payload.submission

    @property
    def record(self) -> Nomination:
        """The nomination the command is about."""
        assert self.nomination is not None  # noqa: S101 - named only on transitions about one
        return self.nomination


_A = Attempt[Deciding]


def acts_for_a_unit(command: Command) -> bool:
    """Whether the actor acts for a federation unit (staff, reviewers, leaders), so that level,
    unit and recusal guards apply; applicants and the public do not."""
    return command.actor.role not in (Role.APPLICANT, Role.PUBLIC)


def _window(attempt: _A) -> str | None:
    deciding = attempt.context
    campaign, window = deciding.campaign, deciding.window
    day = china_date(attempt.at)
    if window.phase is not None:
        phase = campaign.phase(window.phase)
        if not phase.contains(day):
            return (
                f"expected a date in {window.phase.label} ({phase.start.isoformat()} to {phase.end.isoformat()}), "
                f"got {day.isoformat()}"
            )
    level = deciding.level
    steps = [step for kind in sorted(window.steps, key=lambda k: k.ordinal) for step in campaign.steps_for(kind, level)]
    if steps and not any(step.contains(day) for step in steps):
        spans = ", ".join(f"{step.kind.label} {step.start.isoformat()} to {step.end.isoformat()}" for step in steps)
        return f"expected a date in a step for {level.label} ({spans}), got {day}"
    return None


def _level(attempt: _A) -> str | None:
    deciding = attempt.context
    if not acts_for_a_unit(deciding.command):
        return None
    campaign, actor_unit = deciding.campaign, attempt.actor.unit
    actor_level = campaign.tree.unit(actor_unit).level if actor_unit in campaign.tree else None
    if actor_level is deciding.level:
        return None
    shown = f"{campaign.unit_name(actor_unit)} ({actor_level.label if actor_level else 'not in the hierarchy'})"
    return f"expected an actor of a unit at {deciding.level.label}, got {shown}"


def _unit(attempt: _A) -> str | None:
    deciding = attempt.context
    if deciding.nomination is None and deciding.notice is None:
        return _receiving_unit(attempt)
    if not acts_for_a_unit(deciding.command) or attempt.actor.unit == deciding.unit:
        return None
    campaign = deciding.campaign
    return f"expected an actor of {campaign.unit_name(deciding.unit)}, got {campaign.unit_name(attempt.actor.unit)}"


def _receiving_unit(attempt: _A) -> str | None:
    deciding = attempt.context
    campaign, unit = deciding.campaign, deciding.submission.unit
    if campaign.takes_part(unit):
        return None
    return (
        f"a receiving unit of the campaign (at {'、'.join(lv.label for lv in campaign.levels)}, "
        f"related to {campaign.unit_name(campaign.organiser)}), got {unit!r}"
    )


def _same(first: str, second: str) -> bool:
    """Whether two ids (or names) name the same one, as people type them: case, spaces and
    full-width forms aside."""
    return bool(first) and _key(first) == _key(second)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _recusal(attempt: _A) -> str | None:
    deciding = attempt.context
    if not acts_for_a_unit(deciding.command):
        return None
    actor = attempt.actor
    if deciding.nomination is None and deciding.notice is not None:
        # Closing a notice decides every nomination on it: none of their nominees may do it.
        for nomination in deciding.notice.nominations:
            record = deciding.state.nomination(nomination)
            if _same(record.candidate.id, actor.id):
                return f"actor {actor.id!r} must stand aside (回避): they are the nominee of {record.id}"
        return None
    record = deciding.record
    # Nobody judges their own nomination — declared conflicts or not: the nominee never acts on
    # it, and whoever recommended or submitted it does not review or decide it. A unit's staff
    # who submitted its recommendation (单位推荐) may still do the clerical acts (受理, 上报). The
    # recommender is written as a name or an id, so both are compared.
    own = [("the nominee", record.candidate.id, actor.id)]
    if actor.role in (Role.REVIEWER, Role.LEADER):
        own += [
            ("the recommender", record.nominator, actor.id),
            ("the recommender", record.nominator, actor.name),
            ("the submitter", record.submitted_by, actor.id),
        ]
    for what, value, who in own:
        if _same(value, who):
            return f"actor {actor.id!r} must stand aside (回避): they are {what} of {record.id}"
    conflicts = {_key(conflict) for conflict in actor.conflicts}
    for what, value in (("candidate", record.candidate.id), ("work unit", record.affiliation)):
        if value and _key(value) in conflicts:
            return f"actor {actor.id!r} must stand aside (回避): the {what} {value!r} is in their conflicts"
    return None


def _own(attempt: _A) -> str | None:
    deciding = attempt.context
    if acts_for_a_unit(deciding.command) or attempt.actor.id == deciding.record.submitted_by:
        return None
    return f"expected the actor who submitted {deciding.record.id} or staff of a unit, got {attempt.actor.id!r}"


def _id(attempt: _A) -> str | None:
    payload, state = attempt.payload, attempt.context.state
    if isinstance(payload, Submit) and payload.nomination in state.nomination_map:
        return f"a nomination id not used before, got {payload.nomination!r}"
    if isinstance(payload, OpenNotice) and payload.notice in state.notice_map:
        return f"a notice id not used before, got {payload.notice!r}"
    if isinstance(payload, RaiseObjection) and payload.objection in state.objection_map:
        return f"an objection id not used before, got {payload.objection!r}"
    return None


def _channel(attempt: _A) -> str | None:
    campaign, submission = attempt.context.campaign, attempt.context.submission
    if submission.channel in campaign.channels:
        return None
    accepted = "、".join(channel.label for channel in sorted(campaign.channels, key=lambda c: c.ordinal))
    return f"expected a channel of the campaign ({accepted}), got {submission.channel.label}"


def _category(attempt: _A) -> str | None:
    campaign, submission = attempt.context.campaign, attempt.context.submission
    categories = [category.code for category in campaign.categories]
    if not (submission.category or categories) or submission.category in categories:
        return None
    expected = ", ".join(categories) if categories else "no category (the campaign has none)"
    return f"expected {expected}, got {submission.category!r}"


def _candidate(attempt: _A) -> str | None:
    campaign, submission = attempt.context.campaign, attempt.context.submission
    wanted = campaign.criteria.subjects
    if submission.candidate.kind in wanted:
        return None
    labels = "、".join(sorted(kind.label for kind in wanted))
    return f"expected a {labels} candidate, got {submission.candidate.kind.label}"


def _duplicate(attempt: _A) -> str | None:
    deciding = attempt.context
    if isinstance(attempt.payload, Forward):
        level = deciding.campaign.next_level(deciding.level)
        candidate = deciding.record.candidate.id
    else:
        level, candidate = deciding.level, deciding.submission.candidate.id
    earlier = deciding.state.nominated_at(level, candidate) if level is not None else None
    if earlier is None:
        return None
    assert level is not None  # noqa: S101 - earlier is None without a level
    return f"{candidate!r} is already nominated at {level.label} in this campaign (as {earlier!r})"


def _dossier(attempt: _A) -> str | None:
    missing = attempt.context.record.dossier.missing(attempt.context.campaign.dossier)
    return f"the dossier lacks {'、'.join(missing)}" if missing else None


def _reviewed(attempt: _A) -> str | None:
    record = attempt.context.record
    if any(review.reviewer == attempt.actor.id for review in record.reviews_at(record.level)):
        return f"actor {attempt.actor.id!r} has already assessed it here"
    return None


def _eligible(attempt: _A) -> str | None:
    record = attempt.context.record
    verdicts = [review.assessment.verdict for review in record.reviews_at(record.level)]
    if verdicts and all(verdict is Verdict.ELIGIBLE for verdict in verdicts):
        return None
    shown = "、".join(verdict.label for verdict in verdicts) or "no assessment"
    return f"expected every assessment 符合评选条件, got {shown}"


def _notice_open(attempt: _A) -> str | None:
    deciding = attempt.context
    notice = deciding.state.notice(deciding.record.notices[-1])
    day = china_date(attempt.at)
    if day <= notice.last_day:
        return None
    return f"expected a date during the notice (to {notice.last_day.isoformat()}), got {day.isoformat()}"


def _notice_period(attempt: _A) -> str | None:
    notice = attempt.context.notice
    assert notice is not None  # noqa: S101 - named only on the notice's transition
    day = china_date(attempt.at)
    if day > notice.last_day:
        return None
    return f"expected a date after the notice's last day ({notice.last_day.isoformat()}), got {day.isoformat()}"


def _objections(attempt: _A) -> str | None:
    deciding = attempt.context
    objection, notice, state = deciding.objection, deciding.notice, deciding.state
    if objection is not None:
        if objection.status is ObjectionStatus.PENDING:
            return None
        return f"expected a pending objection, got {objection.id!r} ({objection.status.label})"
    assert notice is not None  # noqa: S101 - named only on commands about an objection or a notice
    # An objection against a nominee already removed (another objection was upheld) has
    # nothing left to decide: it does not hold the notice open.
    pending = [
        found.id
        for nomination in notice.nominations
        if state.nomination(nomination).status is not NominationStatus.REMOVED
        for found in map(state.objection, state.nomination(nomination).objections)
        if found.notice == notice.id and found.status is ObjectionStatus.PENDING
    ]
    return f"expected every objection resolved, got pending {', '.join(pending)}" if pending else None


def passed_notice(campaign_state: CampaignState, record: Nomination) -> bool:
    """Whether a notice at the nomination's current level closed with it still on it (no
    objection against it upheld)."""
    if record.status in (NominationStatus.REMOVED, NominationStatus.ON_NOTICE):
        return False
    for notice_id in record.notices:
        notice = campaign_state.notice(notice_id)
        if notice.level is record.level and notice.closed_at is not None:
            upheld = any(
                campaign_state.objection(objection).status is ObjectionStatus.UPHELD
                for objection in record.objections
                if campaign_state.objection(objection).notice == notice_id
            )
            if not upheld:
                return True
    return False


def _notice(attempt: _A) -> str | None:
    deciding = attempt.context
    if passed_notice(deciding.state, deciding.record):
        return None
    return f"expected a public notice at {deciding.record.level.label} that passed with no upheld objection"


def _next_level(attempt: _A) -> str | None:
    deciding = attempt.context
    record = deciding.record
    above = deciding.campaign.next_level(record.level)
    if above is not None and deciding.campaign.tree.ancestor_at(record.unit, above) is not None:
        return None
    return f"expected a level above {record.level.label} in the campaign"


def _quota(attempt: _A) -> str | None:
    deciding = attempt.context
    campaign, record = deciding.campaign, deciding.record
    for quota in campaign.quotas_for(record.level, record.unit, record.category):
        used = deciding.state.forwarded(record.level, record.unit, quota.category)
        if quota.places is not None and used + 1 > quota.places:
            what = f"{campaign.category(quota.category).label}" if quota.category else "all categories"
            return (
                f"expected at most {quota.places} forwarded by {campaign.unit_name(record.unit)} ({what}), "
                f"got {used + 1}"
            )
    return None


def _titled(attempt: _A) -> str | None:
    deciding = attempt.context
    campaign, titles = deciding.campaign, deciding.record.active_titles
    if not titles:
        return "expected a standing title to revoke"
    actor_unit = attempt.actor.unit
    if any(actor_unit in campaign.tree and campaign.tree.is_within(title.unit, actor_unit) for title in titles):
        return None
    units = "、".join(campaign.unit_name(title.unit) for title in titles)
    return f"expected an actor of {units} or a unit above, got {actor_unit!r}"


GUARDS: Final[tuple[Guard[Deciding], ...]] = (
    Guard("window", "the command falls in its phase and in a step dated for the level", _window),
    Guard("level", "an actor of a unit acts at the level that holds the case", _level),
    Guard(
        "unit",
        "an actor of a unit acts for the unit that holds the case; a submission goes to a unit of the campaign",
        _unit,
    ),
    Guard(
        "recusal",
        "the actor does not judge their own nomination, family, relatives or work unit (回避)",
        _recusal,
    ),
    Guard("own", "an applicant or a member of the public acts only on a nomination they submitted", _own),
    Guard("id", "a new nomination, notice or objection takes an id not used before", _id),
    Guard("channel", "the nomination comes by a channel the campaign accepts", _channel),
    Guard("category", "the nomination is of a category of the campaign (or none, if it has none)", _category),
    Guard("candidate", "the candidate is of a kind the criteria judge", _candidate),
    Guard("duplicate", "the candidate is nominated once per level in the campaign", _duplicate),
    Guard("dossier", "the latest dossier holds everything the campaign requires", _dossier),
    Guard("reviewed", "one assessment per reviewer per level", _reviewed),
    Guard("eligible", "only nominations every reviewer found eligible are shortlisted", _eligible),
    Guard("notice_open", "objections are raised while the notice runs", _notice_open),
    Guard("notice_period", "a notice closes after its last day", _notice_period),
    Guard(
        "objections",
        "only a pending objection is resolved; a notice closes with none pending against a nominee still on it",
        _objections,
    ),
    Guard("notice", "a title needs a notice at this level that passed with no upheld objection", _notice),
    Guard("next_level", "forwarding needs a level above in the campaign", _next_level),
    Guard("quota", "forwarding stays within every quota of the unit and category (名额)", _quota),
    Guard("titled", "only a standing title is revoked, by its unit or one above it", _titled),
)
"""Every guard the nomination lifecycle declares, besides the engine's built-in ones."""
