"""The guards of the nomination lifecycle (校验规则), each a plain function that refuses with
:class:`~fulian_core.errors.TransitionRefused` naming itself, or returns quietly.

Guard names, as :attr:`TransitionRefused.guard` reports them:

* ``state`` — no transition of the nomination's state accepts the command;
* ``role`` — the actor does not act in a role the transition allows;
* ``reason`` — a reason is due and none was given;
* ``chronology`` — the command is dated before the campaign's last accepted command;
* ``window`` — outside the phase (宣传动员/推荐评选/总结表彰) or the dated step for the level;
* ``level`` / ``unit`` — the actor's unit is not at the nomination's level, or not its unit;
* ``recusal`` — the actor must not judge this candidate or its work unit (回避);
* ``id`` — a nomination, notice or objection id used before;
* ``channel`` / ``category`` / ``candidate`` — not what the campaign accepts;
* ``duplicate`` — the candidate is already nominated at this level in this campaign;
* ``dossier`` — the dossier lacks what the campaign requires (the message lists it);
* ``reviewed`` / ``eligible`` — one review per reviewer; only eligible nominations shortlisted;
* ``notice_open`` / ``notice_period`` / ``objections`` — objections only while a notice runs;
  a notice closes only after its last day, with every objection resolved;
* ``notice`` — no title without a notice at this level that passed with no upheld objection;
* ``next_level`` / ``quota`` — forwarding needs a level above and a free place (名额);
* ``titled`` — only a standing title can be revoked, by its unit or one above it.
"""

from __future__ import annotations

from fulian_core.calendars import china_date
from fulian_core.errors import TransitionRefused
from fulian_core.nominations.campaign import Campaign, PhaseKind, StepKind
from fulian_core.nominations.commands import Command
from fulian_core.nominations.state import CampaignState, Nomination, NominationStatus, ObjectionStatus
from fulian_core.nominations.workflow import Role, Transition
from fulian_core.orgs import Level

__all__ = [
    "GUARDS",
    "acts_for_a_unit",
    "check_actor_unit",
    "check_chronology",
    "check_dossier",
    "check_quota",
    "check_reason",
    "check_recusal",
    "check_role",
    "check_window",
    "passed_notice",
    "refuse",
]

GUARDS: tuple[str, ...] = (
    "state",
    "role",
    "reason",
    "chronology",
    "window",
    "level",
    "unit",
    "recusal",
    "id",
    "channel",
    "category",
    "candidate",
    "duplicate",
    "dossier",
    "reviewed",
    "eligible",
    "notice_open",
    "notice_period",
    "objections",
    "notice",
    "next_level",
    "quota",
    "titled",
)
"""Every guard name the lifecycle may report."""

_WINDOWS: dict[str, tuple[PhaseKind | None, frozenset[StepKind]]] = {
    "submit": (PhaseKind.SELECTION, frozenset({StepKind.NOMINATION})),
    "resubmit": (PhaseKind.SELECTION, frozenset({StepKind.NOMINATION, StepKind.REVIEW})),
    "return": (PhaseKind.SELECTION, frozenset({StepKind.NOMINATION, StepKind.REVIEW})),
    "accept": (PhaseKind.SELECTION, frozenset({StepKind.NOMINATION, StepKind.REVIEW})),
    "withdraw": (PhaseKind.SELECTION, frozenset()),
    "assess": (PhaseKind.SELECTION, frozenset({StepKind.REVIEW})),
    "shortlist": (PhaseKind.SELECTION, frozenset({StepKind.REVIEW})),
    "reject": (PhaseKind.SELECTION, frozenset({StepKind.REVIEW})),
    "open_notice": (PhaseKind.SELECTION, frozenset({StepKind.NOTICE})),
    "object": (PhaseKind.SELECTION, frozenset()),
    "uphold_objection": (PhaseKind.SELECTION, frozenset()),
    "dismiss_objection": (PhaseKind.SELECTION, frozenset()),
    "close_notice": (PhaseKind.SELECTION, frozenset()),
    "confirm": (PhaseKind.SELECTION, frozenset({StepKind.REPORTING})),
    "forward": (PhaseKind.SELECTION, frozenset({StepKind.REPORTING})),
    "award": (PhaseKind.COMMENDATION, frozenset()),
    "revoke": (None, frozenset()),
}


def refuse(command: Command, subject: str, state: str, guard: str, detail: str) -> TransitionRefused:
    """The refusal of *command* for *subject* in *state* by *guard*."""
    return TransitionRefused(command.kind, subject, state, guard, detail)


def check_role(transition: Transition, command: Command, subject: str, state: str) -> None:
    """The actor acts in a role the transition allows."""
    if transition.roles and command.actor.role not in transition.roles:
        allowed = "、".join(role.label for role in sorted(transition.roles, key=lambda role: role.ordinal))
        raise refuse(command, subject, state, "role", f"expected {allowed}, got {command.actor.role.label}")


def check_reason(transition: Transition, command: Command, subject: str, state: str) -> None:
    """A reason is given where one is due."""
    if transition.needs_reason and not command.reason.strip():
        raise refuse(command, subject, state, "reason", f"{transition.label} needs a reason")


def check_chronology(campaign_state: CampaignState, command: Command, subject: str, state: str) -> None:
    """The log runs forward: no command dated before the last accepted one."""
    last = campaign_state.last_at
    if last is not None and command.at < last:
        raise refuse(
            command,
            subject,
            state,
            "chronology",
            f"expected a time at or after the last accepted command ({last.isoformat()}), got {command.at.isoformat()}",
        )


def check_window(campaign: Campaign, command: Command, level: Level, subject: str, state: str) -> None:
    """The command falls in its phase and, where the campaign dates steps for the level, in one
    of the steps it belongs to."""
    phase_kind, step_kinds = _WINDOWS[command.kind]
    day = china_date(command.at)
    if phase_kind is not None:
        phase = campaign.phase(phase_kind)
        if not phase.contains(day):
            raise refuse(
                command,
                subject,
                state,
                "window",
                f"expected a date in {phase_kind.label} ({phase.start.isoformat()} to {phase.end.isoformat()}), "
                f"got {day.isoformat()}",
            )
    steps = [step for kind in sorted(step_kinds, key=lambda k: k.ordinal) for step in campaign.steps_for(kind, level)]
    if steps and not any(step.contains(day) for step in steps):
        spans = ", ".join(f"{step.kind.label} {step.start.isoformat()} to {step.end.isoformat()}" for step in steps)
        raise refuse(
            command, subject, state, "window", f"expected a date in a step for {level.label} ({spans}), got {day}"
        )


def acts_for_a_unit(command: Command) -> bool:
    """Whether the actor acts for a federation unit (staff, reviewers, leaders), so that level,
    unit and recusal guards apply; applicants and the public do not."""
    return command.actor.role not in (Role.APPLICANT, Role.PUBLIC)


def check_actor_unit(
    campaign: Campaign, command: Command, *, level: Level, unit: str, subject: str, state: str
) -> None:
    """The actor belongs to the unit that holds the nomination, at its level."""
    if not acts_for_a_unit(command):
        return
    actor_unit = command.actor.unit
    actor_level = campaign.tree.unit(actor_unit).level if actor_unit in campaign.tree else None
    if actor_level is not level:
        shown = f"{campaign.unit_name(actor_unit)} ({actor_level.label if actor_level else 'not in the hierarchy'})"
        raise refuse(command, subject, state, "level", f"expected an actor of a unit at {level.label}, got {shown}")
    if actor_unit != unit:
        raise refuse(
            command,
            subject,
            state,
            "unit",
            f"expected an actor of {campaign.unit_name(unit)}, got {campaign.unit_name(actor_unit)}",
        )


def check_recusal(command: Command, record: Nomination, state: str) -> None:
    """The actor does not judge their own family, relatives or work unit (回避)."""
    if not acts_for_a_unit(command):
        return
    conflicts = command.actor.conflicts
    for what, value in (("candidate", record.candidate.id), ("work unit", record.affiliation)):
        if value and value in conflicts:
            raise refuse(
                command,
                record.id,
                state,
                "recusal",
                f"{command.actor.name} must stand aside (回避): the {what} {value!r} is in their conflicts",
            )


def check_dossier(campaign: Campaign, command: Command, record: Nomination, state: str) -> None:
    """The latest dossier holds everything the campaign requires."""
    missing = record.dossier.missing(campaign.dossier)
    if missing:
        raise refuse(command, record.id, state, "dossier", f"the dossier lacks {'、'.join(missing)}")


def check_quota(campaign: Campaign, campaign_state: CampaignState, command: Command, record: Nomination) -> None:
    """Forwarding stays within every quota that applies to the unit and category (名额)."""
    state = f"{record.status.label} {record.status.code}"
    for quota in campaign.quotas_for(record.level, record.unit, record.category):
        used = campaign_state.forwarded(record.level, record.unit, quota.category)
        if used + 1 > quota.places:
            what = f"{campaign.category(quota.category).label}" if quota.category else "all categories"
            raise refuse(
                command,
                record.id,
                state,
                "quota",
                f"expected at most {quota.places} forwarded by {campaign.unit_name(record.unit)} ({what}), "
                f"got {used + 1}",
            )


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
