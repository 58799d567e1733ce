"""Strategies for :mod:`fulian_core.nominations`."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from fulian_core.calendars import WorkingDayCalendar
from fulian_core.nominations import Ballot, BallotRules, DailyCapBreach, Dossier, DossierRule, VoteScope
from fulian_core.nominations.dossier import MediaItem, MediaKind, MediaRule
from fulian_core.testing._strategies import chinese_names
from fulian_core.workflows import CHINA_STANDARD_TIME, Act, Actor, Case, Due, Role, State, Transition, Workflow

__all__ = [
    "actors",
    "acts_for",
    "ballot_rules",
    "ballots",
    "dossier_rules",
    "dossiers",
    "dues",
    "moments",
    "workflows",
]

_UNITS = st.sampled_from(["540102001001", "540102001", "540102"])
_ROLES = st.sampled_from(list(Role))
_NOMINEES = st.sampled_from(["n-1", "n-2", "n-3", "n-4", "n-9"])
_VOTERS = st.sampled_from([f"voter-{n}" for n in range(1, 6)])
_DEEDS = "照顾瘫痪婆婆二十年如一日，教子有方，热心社区公益，邻里和睦，勤俭持家。"


@st.composite
def moments(draw: st.DrawFn, *, start: dt.date = dt.date(2024, 1, 1), days: int = 366) -> dt.datetime:
    """Aware timestamps (China Standard Time) within *days* of *start*, to the minute."""
    minutes = draw(st.integers(0, days * 24 * 60 - 1))
    midnight = dt.datetime.combine(start, dt.time(0), CHINA_STANDARD_TIME)
    return midnight + dt.timedelta(minutes=minutes)


@st.composite
def actors(
    draw: st.DrawFn,
    *,
    units: st.SearchStrategy[str] = _UNITS,
    roles: st.SearchStrategy[Role] = _ROLES,
) -> Actor:
    """Actors with an id, a Chinese name, a role, a unit and (sometimes) conflicts of interest."""
    number = draw(st.integers(1, 999))
    conflicts = draw(st.frozensets(st.sampled_from([f"family-{n}" for n in range(1, 6)]), max_size=2))
    return Actor(f"actor-{number}", draw(chinese_names()), draw(roles), draw(units), conflicts)


def _deeds(length: int) -> str:
    return (_DEEDS * (length // len(_DEEDS) + 1))[:length]


@st.composite
def dossiers(draw: st.DrawFn) -> Dossier:
    """Dossiers from empty to complete: form, an account of 0-240 characters, photos (as a
    count or as listed items), motto, a summary of 0-60 characters, and up to three videos or
    audio recordings of 1-300 seconds."""
    length = draw(st.integers(0, 240))
    motto = draw(st.sampled_from(["", "家和万事兴", "忠厚传家", "勤俭持家久"]))
    form, photos, listed = draw(st.booleans()), draw(st.integers(0, 9)), draw(st.booleans())
    summary = _deeds(draw(st.integers(0, 60)))
    recordings = draw(
        st.lists(
            st.builds(MediaItem, st.sampled_from([MediaKind.VIDEO, MediaKind.AUDIO]), st.integers(1, 300)), max_size=3
        )
    )
    media = (*((MediaItem(MediaKind.PHOTO),) * photos if listed else ()), *recordings)
    return Dossier(form, _deeds(length), 0 if listed else photos, motto, summary=summary, media=media)


@st.composite
def _media_rules(draw: st.DrawFn, kind: MediaKind) -> MediaRule:
    least = draw(st.integers(0, 3))
    most = draw(st.none() | st.integers(least, least + 6))
    if kind is MediaKind.PHOTO:
        return MediaRule(kind, least, most)
    shortest = draw(st.none() | st.integers(1, 120))
    longest = draw(st.none() | st.integers(shortest or 1, 300))
    return MediaRule(kind, least, most, shortest, longest)


@st.composite
def dossier_rules(draw: st.DrawFn) -> DossierRule:
    """Dossier rules: form required or not, account length bounds, photos, motto, summary
    required or not with its bounds, and rules for some kinds of media (count and duration)."""
    requires_form, least = draw(st.booleans()), draw(st.integers(0, 200))
    min_photos, requires_motto = draw(st.integers(0, 5)), draw(st.booleans())
    most = draw(st.none() | st.integers(max(1, least), 300))
    summary_least = draw(st.integers(0, 30))
    summary_most = draw(st.none() | st.integers(max(1, summary_least), 80))
    kinds = draw(st.lists(st.sampled_from(list(MediaKind)), unique=True, max_size=len(MediaKind)))
    media = tuple(draw(_media_rules(kind)) for kind in kinds)
    return DossierRule(
        requires_form,
        least,
        0 if MediaKind.PHOTO in kinds else min_photos,
        requires_motto,
        max_account_chars=most,
        requires_summary=draw(st.booleans()),
        min_summary_chars=summary_least,
        max_summary_chars=summary_most,
        media=media,
    )


@st.composite
def ballot_rules(draw: st.DrawFn) -> BallotRules:
    """Valid ballot rules over a week of April 2024: daily hours, sometimes a window that opens
    and closes within the first and last day, a stated time zone (China Standard Time most
    often), and either policy for going over the daily number."""
    start = dt.date(2024, 4, draw(st.integers(1, 7)))
    end = start + dt.timedelta(days=draw(st.integers(0, 7)))
    opens = dt.time(draw(st.integers(0, 11)))
    closes = draw(st.one_of(st.none(), st.integers(12, 23).map(dt.time)))
    minimum = draw(st.integers(1, 3))
    to_the_minute = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
    first_day_opens = draw(st.one_of(st.none(), to_the_minute))
    last_day_closes = draw(st.one_of(st.none(), to_the_minute.filter(lambda moment: moment != dt.time(0))))
    if start == end and first_day_opens is not None and last_day_closes is not None:
        # A one-day vote closes after it opens.
        first_day_opens, last_day_closes = min(first_day_opens, last_day_closes), max(first_day_opens, last_day_closes)
        if first_day_opens == last_day_closes:
            first_day_opens = None
    others = st.sampled_from([0, -300, 330, -570]).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))
    time_zone = draw(st.one_of(st.just(CHINA_STANDARD_TIME), others))
    return BallotRules(
        start=start,
        end=end,
        opens=opens,
        closes=closes,
        min_picks=minimum,
        max_picks=minimum + draw(st.integers(0, 3)),
        ballots_per_day=draw(st.integers(1, 3)),
        one_vote_per_nominee=draw(st.sampled_from(list(VoteScope))),
        first_day_opens=first_day_opens,
        last_day_closes=last_day_closes,
        time_zone=time_zone,
        daily_cap_breach=draw(st.sampled_from(list(DailyCapBreach))),
    )


@st.composite
def ballots(
    draw: st.DrawFn,
    *,
    nominees: st.SearchStrategy[str] = _NOMINEES,
    voters: st.SearchStrategy[str] = _VOTERS,
) -> Ballot:
    """Ballots in April 2024, valid or breaking any rule (picks may repeat or be unknown)."""
    number = draw(st.integers(1, 10**6))
    at = draw(moments(start=dt.date(2024, 3, 30), days=14))
    return Ballot(f"ballot-{number}", draw(voters), at, tuple(draw(st.lists(nominees, max_size=4))))


def dues(*, calendar: WorkingDayCalendar | None = None) -> st.SearchStrategy[Due]:
    """Due-date rules of states: calendar days, months, years, and (given a *calendar*) working
    days of it."""
    choices = [
        st.integers(1, 60).map(Due.calendar_days),
        st.integers(1, 24).map(Due.months),
        st.integers(1, 10).map(Due.years),
    ]
    if calendar is not None:
        choices.append(st.integers(1, 20).map(lambda count: Due.working_days(count, calendar)))
    return st.one_of(choices)


@st.composite
def workflows(draw: st.DrawFn) -> Workflow[Case]:
    """Valid workflow declarations: 2-7 states reachable from the first, some final, some
    with a due date (calendar days, months or years), and transitions with roles and reasons."""
    count = draw(st.integers(2, 7))
    codes = [f"s{index}" for index in range(count)]
    finals = {code for code in codes[1:] if draw(st.integers(0, 3)) == 0}
    transitions: list[Transition] = []
    used: set[tuple[str, str]] = set()
    # A chain makes every state reachable; extra transitions add branches and loops.
    for index in range(1, count):
        source = draw(st.sampled_from([c for c in codes[:index] if c not in finals] or [codes[0]]))
        command = f"go{index}"
        transitions.append(Transition(command, f"步骤{index}", {source}, codes[index]))
        used.add((command, source))
    for extra in range(draw(st.integers(0, 5))):
        command = draw(st.sampled_from([*(t.command for t in transitions), f"extra{extra}"]))
        sources = {
            code for code in draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3)) if code not in finals
        }
        sources = {source for source in sources if (command, source) not in used}
        if not sources:
            continue
        roles = draw(st.frozensets(st.sampled_from(list(Role)), max_size=2))
        transitions.append(
            Transition(command, f"操作{extra}", sources, draw(st.sampled_from(codes)), roles, draw(st.booleans()))
        )
        used.update((command, source) for source in sources)
    maybe_due = st.one_of(st.none(), dues())
    states = [
        State(code, f"状态{code}", final=code in finals, due=None if code in finals else draw(maybe_due))
        for code in codes
    ]
    return Workflow[Case]("generated", "生成的流程", states, codes[0], transitions)


@st.composite
def acts_for(draw: st.DrawFn, workflow: Workflow[Case]) -> Act:
    """Acts for *workflow*: declared commands mostly, sometimes an unknown one; any role; a
    reason or not."""
    command = draw(st.one_of(st.sampled_from(workflow.commands), st.just("unknown_command")))
    actor = draw(actors())
    return Act(command, actor, draw(moments(days=30)), draw(st.sampled_from(["", "经核实"])))
