"""A campaign (评选活动) declared as a value: award and criteria, organiser, the levels it
escalates through, phases and steps with dates, channels, dossier rule, quotas, notice rule.

"寻找最美家庭活动分宣传动员、推荐评选、总结表彰三个阶段进行" — every campaign has the three
phases (:class:`PhaseKind`); the selection phase may be cut into dated steps per level
(:class:`StepKind`). A command outside its phase or step is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

import attrs

from fulian_core._definitions import check_code, check_day, check_text, check_type, listed, listed_set
from fulian_core._definitions import check_code as _check_code
from fulian_core._definitions import check_text as _check_label
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.errors import DefinitionError, UnknownUnitError, ValidationError
from fulian_core.nominations._checks import check_count, is_date
from fulian_core.nominations.dossier import DossierRule
from fulian_core.orgs import Level, OrgTree
from fulian_core.rules import RuleSheet

__all__ = [
    "Campaign",
    "Category",
    "Channel",
    "DayCounting",
    "NoticeRule",
    "NoticeStart",
    "Phase",
    "PhaseKind",
    "Quota",
    "QuotaKind",
    "Step",
    "StepKind",
]


class Channel(CodedEnum):
    """How a candidate was put forward (推荐渠道)."""

    SELF = ("self", "自荐")
    NEIGHBOURS = ("neighbours", "群众互荐")
    ORGANISATION = ("organisation", "组织推荐")
    ONLINE = ("online", "网络征集")


class PhaseKind(CodedEnum):
    """The three phases of a campaign (活动阶段), in this order."""

    MOBILISATION = ("mobilisation", "宣传动员")
    SELECTION = ("selection", "推荐评选")
    COMMENDATION = ("commendation", "总结表彰")


class StepKind(CodedEnum):
    """The dated steps of the selection phase (推荐评选环节)."""

    NOMINATION = ("nomination", "推荐")
    REVIEW = ("review", "审核评审")
    NOTICE = ("notice", "公示")
    REPORTING = ("reporting", "上报")


class DayCounting(CodedEnum):
    """How the days of a public notice are counted (公示期计算)."""

    CALENDAR = ("calendar", "自然日")
    WORKING = ("working", "工作日")


class NoticeStart(CodedEnum):
    """Where the days of a public notice start (公示期起算): the day after posting (民法典
    第二百零一条: 开始的当日不计入), or the posting day itself ("自发布之日起5个工作日")."""

    NEXT_DAY = ("next_day", "次日起算")
    POSTING_DAY = ("posting_day", "发布当日起算")


class QuotaKind(CodedEnum):
    """What a quota bounds (名额类型): a maximum (限额), a minimum (至少), an exact number
    (等额推荐) or both ends of a range."""

    AT_MOST = ("at_most", "限额推荐")
    AT_LEAST = ("at_least", "至少推荐")
    EXACTLY = ("exactly", "等额推荐")
    BETWEEN = ("between", "区间推荐")


@attrs.frozen
class Phase:
    """A phase of the campaign and its dates, both ends included (阶段)."""

    kind: PhaseKind
    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        """Whether *day* falls within the phase."""
        if type(day) is not dt.date:
            check_day(day, "day")
        return self.start <= day <= self.end


@attrs.frozen
class Step:
    """A dated step of the selection phase (环节), for one level or (``level=None``) for all."""

    kind: StepKind
    start: dt.date
    end: dt.date
    level: Level | None = None

    def contains(self, day: dt.date) -> bool:
        """Whether *day* falls within the step."""
        if type(day) is not dt.date:
            check_day(day, "day")
        return self.start <= day <= self.end


@attrs.frozen
class Category:
    """A category within the award with its own quotas (类别), e.g. 五好家庭, 绿色家庭."""

    code: str
    label: str

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        _check_code(self.code, "code", faults)
        _check_label(self.label, "label", faults)
        faults.raise_if_any(DefinitionError)


def _check_n(n: object) -> None:
    faults = Faults()
    check_count(n, "n", faults, minimum=1)
    faults.raise_if_any(DefinitionError)


@attrs.frozen
class Quota:
    """How many nominations a unit at ``level`` may or must forward to the next level (名额).

    ``places`` is the maximum (``None``: no maximum) and ``minimum`` the number the unit must
    forward at least (0: none): a maximum alone is a limit ("限推荐3名"), a minimum alone a
    floor ("至少推荐2名"), both equal an exact number (等额推荐, :meth:`exactly`).
    ``unit=None`` sets the quota of every unit at the level; a named unit's own quota applies
    in addition. ``category=None`` counts every category; a category quota counts only its
    own ("各乡镇共推荐10户，其中五好家庭3户"). Forwarding beyond the maximum is refused (guard
    ``quota``); a unit below its minimum is reported by
    :func:`~fulian_core.nominations.statistics.quota_shortfalls`.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "minimum is at most places",
        "places is given, or minimum is above 0 (a quota bounds something)",
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    level: Level
    places: int | None
    unit: str | None = None
    category: str | None = None
    minimum: int = attrs.field(default=0, kw_only=True)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.level, Level), "level", "a Level", self.level)
        places_ok = self.places is None or check_count(self.places, "places", faults)
        minimum_ok = check_count(self.minimum, "minimum", faults)
        for name in ("unit", "category"):
            value = getattr(self, name)
            faults.check(value is None or (isinstance(value, str) and bool(value)), name, "a code or None", value)
        if places_ok and minimum_ok:
            if self.places is None:
                faults.check(
                    self.minimum > 0, "places", "a maximum, or a minimum above 0 (a quota bounds something)", None
                )
            else:
                faults.check(self.minimum <= self.places, "minimum", f"at most places ({self.places})", self.minimum)
        faults.raise_if_any(DefinitionError)

    @classmethod
    def exactly(cls, level: Level, n: int, *, unit: str | None = None, category: str | None = None) -> Quota:
        """A quota of exactly *n* nominations (等额推荐): at least and at most *n*."""
        _check_n(n)
        return cls(level, n, unit, category, minimum=n)

    @classmethod
    def at_least(cls, level: Level, n: int, *, unit: str | None = None, category: str | None = None) -> Quota:
        """A quota of at least *n* nominations and no maximum (至少推荐)."""
        _check_n(n)
        return cls(level, None, unit, category, minimum=n)

    @property
    def kind(self) -> QuotaKind:
        """Which bounds the quota sets."""
        if self.places is None:
            return QuotaKind.AT_LEAST
        if self.minimum == 0:
            return QuotaKind.AT_MOST
        return QuotaKind.EXACTLY if self.minimum == self.places else QuotaKind.BETWEEN

    def describe(self) -> str:
        """The quota as a call states it: ``限推荐3名``, ``至少推荐2名``, ``等额推荐3名``, ``推荐1至3名``."""
        kind = self.kind
        if kind is QuotaKind.AT_MOST:
            return f"限推荐{self.places}名"
        if kind is QuotaKind.AT_LEAST:
            return f"至少推荐{self.minimum}名"
        if kind is QuotaKind.EXACTLY:
            return f"等额推荐{self.places}名"
        return f"推荐{self.minimum}至{self.places}名"


@attrs.frozen
class NoticeRule:
    """How long a public notice runs (公示期): ``days`` calendar or working days.

    By default days are counted from the day after the notice is posted (民法典第二百零一条:
    开始的当日不计入, :attr:`NoticeStart.NEXT_DAY`). With :attr:`NoticeStart.POSTING_DAY`
    ("自发布之日起5个工作日") the posting day is day one: in calendar days the last day is
    ``posted + days - 1``; in working days the posting day is day one when it is a working day,
    and when it is not, the first working day after it is day one (so a notice posted on a day
    off ends on the same day under either convention).
    With calendar days, a period whose last day is not a working day of ``calendar`` (when
    given) runs to the next working day (第二百零三条). Working days need the calendar.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = ("a notice counted in working days has a calendar",)
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    days: int
    counting: DayCounting = DayCounting.CALENDAR
    calendar: WorkingDayCalendar | None = None
    counted_from: NoticeStart = attrs.field(default=NoticeStart.NEXT_DAY, kw_only=True)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_count(self.days, "days", faults, minimum=1)
        faults.check(isinstance(self.counting, DayCounting), "counting", "a DayCounting", self.counting)
        faults.check(
            self.calendar is None or isinstance(self.calendar, WorkingDayCalendar),
            "calendar",
            "a WorkingDayCalendar or None",
            self.calendar,
        )
        faults.check(
            self.counting is not DayCounting.WORKING or self.calendar is not None,
            "calendar",
            "a working-day calendar for a notice counted in working days",
            None,
        )
        faults.check(isinstance(self.counted_from, NoticeStart), "counted_from", "a NoticeStart", self.counted_from)
        faults.raise_if_any(DefinitionError)

    def last_day(self, posted: dt.date) -> dt.date:
        """The last day of a notice posted on *posted*; objections are taken up to that day,
        and the notice may be closed the day after."""
        from_posting = self.counted_from is NoticeStart.POSTING_DAY
        if self.counting is DayCounting.WORKING:
            assert self.calendar is not None  # noqa: S101 - checked in __attrs_post_init__
            if from_posting:
                return self.calendar.add_working_days(self.calendar.next_working_day(posted), self.days - 1)
            return self.calendar.add_working_days(posted, self.days)
        last = posted + dt.timedelta(days=self.days - 1 if from_posting else self.days)
        if self.calendar is not None and not self.calendar.is_working_day(last):
            last = self.calendar.next_working_day(last)
        return last

    def check_end(self, posted: dt.date, stated_last_day: dt.date, *, exact: bool = False) -> dt.date:
        """Check the last day a published notice states (公示截止日期) against this rule, and
        return the rule's last day.

        A notice may run longer than the rule asks (公示期不少于…), so a later stated day
        passes unless *exact*; an earlier one is refused with a
        :class:`~fulian_core.errors.ValidationError` naming the expected last day.
        """
        faults = Faults()
        faults.check(is_date(posted), "posted", "a date", posted)
        faults.check(is_date(stated_last_day), "stated_last_day", "a date", stated_last_day)
        faults.raise_if_any()
        expected = self.last_day(posted)
        if stated_last_day < expected or (exact and stated_last_day != expected):
            wanted = expected.isoformat() if exact else f"{expected.isoformat()} or later"
            raise ValidationError.single(
                "stated_last_day",
                f"{wanted} ({self.describe()}, posted on {posted.isoformat()})",
                stated_last_day.isoformat(),
            )
        return expected

    def describe(self) -> str:
        """The rule as a notice states it: ``公示期5个工作日``, or when the posting day counts,
        ``公示期5个工作日（自发布之日起算）``."""
        text = f"公示期{self.days}个{self.counting.label}"
        return text + "（自发布之日起算）" if self.counted_from is NoticeStart.POSTING_DAY else text


def _levels(value: Iterable[Level]) -> tuple[Level, ...]:
    return listed(value, "levels", "a list of levels")


def _phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return listed(value, "phases", "a list of phases")


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return listed(value, "steps", "a list of steps")


def _channels(value: Iterable[Channel]) -> frozenset[Channel]:
    return listed_set(value, "channels", "a collection of channels")


def _categories(value: Iterable[Category]) -> tuple[Category, ...]:
    return listed(value, "categories", "a list of categories")


def _quotas(value: Iterable[Quota]) -> tuple[Quota, ...]:
    return listed(value, "quotas", "a list of quotas")


@attrs.frozen(eq=False)
class Campaign:
    """A nomination and selection campaign (评选活动), declared once and checked when built.

    ``levels`` run upwards from the first level that receives nominations to the last one the
    campaign reaches (e.g. 村/社区 → 乡镇/街道 → 县/区). Units acting in the campaign are the
    organiser, units under it and its ancestors, each at a level of the campaign.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "levels run upwards; the organiser is a unit of the tree at one of them",
        (
            "the phases are 宣传动员, 推荐评选, 总结表彰 in this order, each ending on or after its start and starting "
            "after the previous one ends"
        ),
        "steps fall within 推荐评选, each at a level of the campaign (or all levels)",
        "each category code is used once",
        (
            "a quota is at a level below the campaign's top, for a unit of the tree at that level and a "
            "category of the campaign; one quota per level, unit and category"
        ),
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    code: str
    title: str
    criteria: RuleSheet
    organiser: str
    tree: OrgTree
    levels: tuple[Level, ...] = attrs.field(converter=_levels)
    phases: tuple[Phase, ...] = attrs.field(converter=_phases)
    notice: NoticeRule
    channels: frozenset[Channel] = attrs.field(default=frozenset(Channel), converter=_channels)
    dossier: DossierRule = attrs.field(factory=DossierRule)
    steps: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    categories: tuple[Category, ...] = attrs.field(default=(), converter=_categories)
    quotas: tuple[Quota, ...] = attrs.field(default=(), converter=_quotas)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.title, "title", faults)
        faults.check(isinstance(self.criteria, RuleSheet), "criteria", "a RuleSheet", self.criteria)
        faults.check(isinstance(self.tree, OrgTree), "tree", "an OrgTree", self.tree)
        faults.check(isinstance(self.notice, NoticeRule), "notice", "a NoticeRule", self.notice)
        faults.check(isinstance(self.dossier, DossierRule), "dossier", "a DossierRule", self.dossier)
        faults.check(bool(self.channels), "channels", "at least one channel", [])
        for channel in sorted(self.channels, key=repr):
            faults.check(isinstance(channel, Channel), "channels", "Channel members", channel)
        faults.raise_if_any(DefinitionError)
        self._check_levels(faults)
        self._check_phases(faults)
        faults.raise_if_any(DefinitionError)
        self._check_categories_and_quotas(faults)
        faults.raise_if_any(DefinitionError)

    def _check_levels(self, faults: Faults) -> None:
        if not faults.check(bool(self.levels), "levels", "at least one level", []):
            return
        for index, level in enumerate(self.levels):
            if not faults.check(isinstance(level, Level), f"levels[{index}]", "a Level", level):
                return
            if index:
                below = self.levels[index - 1]
                faults.check(
                    level.rank < below.rank,
                    f"levels[{index}]",
                    f"a level above {below.label} (levels run upwards)",
                    level.code,
                )
        if self.organiser not in self.tree:
            faults.add("organiser", "a unit of the tree", self.organiser)
            return
        level = self.tree.unit(self.organiser).level
        faults.check(
            level in self.levels,
            "organiser",
            f"a unit at a level of the campaign ({'、'.join(lv.label for lv in self.levels)})",
            f"{self.organiser} ({level.label})",
        )

    def _check_phases(self, faults: Faults) -> None:
        kinds = [phase.kind for phase in self.phases if isinstance(phase, Phase)]
        faults.check(
            kinds == list(PhaseKind),
            "phases",
            "the three phases 宣传动员, 推荐评选, 总结表彰 in this order",
            [getattr(kind, "code", kind) for kind in kinds],
        )
        previous: dt.date | None = None
        for index, phase in enumerate(self.phases):
            if not faults.check(isinstance(phase, Phase), f"phases[{index}]", "a Phase", phase):
                continue
            if not (is_date(phase.start) and is_date(phase.end)):
                faults.add(f"phases[{index}]", "a start and an end date", (phase.start, phase.end))
                continue
            faults.check(phase.start <= phase.end, f"phases[{index}].end", "a date on or after start", phase.end)
            if previous is not None:
                faults.check(
                    phase.start > previous,
                    f"phases[{index}].start",
                    f"a date after the previous phase ends ({previous.isoformat()})",
                    phase.start.isoformat(),
                )
            previous = phase.end
        if faults:
            return
        selection = self.phase(PhaseKind.SELECTION)
        for index, step in enumerate(self.steps):
            path = f"steps[{index}]"
            if not faults.check(isinstance(step, Step), path, "a Step", step):
                continue
            faults.check(
                selection.start <= step.start <= step.end <= selection.end,
                path,
                f"dates within 推荐评选 ({selection.start.isoformat()} to {selection.end.isoformat()})",
                f"{step.start} to {step.end}",
            )
            faults.check(
                step.level is None or step.level in self.levels, f"{path}.level", "a level of the campaign", step.level
            )

    def _check_categories_and_quotas(self, faults: Faults) -> None:
        seen: set[str] = set()
        for index, category in enumerate(self.categories):
            path = f"categories[{index}]"
            if not faults.check(isinstance(category, Category), path, "a Category", category):
                continue
            check_code(category.code, f"{path}.code", faults)
            check_text(category.label, f"{path}.label", faults)
            faults.check(category.code not in seen, f"{path}.code", "a category code not used before", category.code)
            seen.add(category.code)
        keys: set[tuple[Level, str | None, str | None]] = set()
        for index, quota in enumerate(self.quotas):
            path = f"quotas[{index}]"
            if not faults.check(isinstance(quota, Quota), path, "a Quota", quota):
                continue
            if not faults.check(
                quota.level in self.levels[:-1],
                f"{path}.level",
                "a level of the campaign below its top (quotas limit forwarding)",
                getattr(quota.level, "code", quota.level),
            ):
                continue
            if quota.unit is not None:
                known = quota.unit in self.tree and self.tree.unit(quota.unit).level is quota.level
                faults.check(known, f"{path}.unit", f"a unit of the tree at {quota.level.label}", quota.unit)
            faults.check(
                quota.category is None or quota.category in seen,
                f"{path}.category",
                "a category of the campaign",
                quota.category,
            )
            key = (quota.level, quota.unit, quota.category)
            faults.check(key not in keys, path, "one quota per level, unit and category", key[1:])
            keys.add(key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Campaign):
            return NotImplemented
        return all(getattr(self, field.name) == getattr(other, field.name) for field in attrs.fields(Campaign))

    def __hash__(self) -> int:
        return hash((self.code, self.title, self.organiser, self.levels))

    @property
    def award(self) -> str:
        """The name of the award the campaign selects for (评选项目), from its criteria."""
        return self.criteria.title

    def phase(self, kind: PhaseKind) -> Phase:
        """The campaign's phase of *kind*."""
        check_type(kind, PhaseKind, "kind")
        for phase in self.phases:
            if phase.kind is kind:
                return phase
        raise DefinitionError.single("phases", f"a {kind.label} phase", kind.code)  # pragma: no cover - checked

    def steps_for(self, kind: StepKind, level: Level) -> tuple[Step, ...]:
        """The steps of *kind* declared for *level* (or for every level)."""
        return tuple(step for step in self.steps if step.kind is kind and step.level in (None, level))

    def category(self, code: str) -> Category:
        """The category *code*."""
        for category in self.categories:
            if category.code == code:
                return category
        raise DefinitionError.single("category", "a category of the campaign", code)

    def next_level(self, level: Level) -> Level | None:
        """The level above *level* in the campaign, or None at the top."""
        index = self.levels.index(level)
        return self.levels[index + 1] if index + 1 < len(self.levels) else None

    def takes_part(self, unit: str) -> bool:
        """Whether *unit* acts in the campaign: at a campaign level, and the organiser, under it,
        or one of its ancestors."""
        if unit not in self.tree:
            return False
        if self.tree.unit(unit).level not in self.levels:
            return False
        return self.tree.is_within(unit, self.organiser) or self.tree.is_within(self.organiser, unit)

    def unit_name(self, unit: str) -> str:
        """The name of a unit of the campaign's tree."""
        try:
            return self.tree.unit(unit).name
        except UnknownUnitError:
            return unit

    def quotas_for(self, level: Level, unit: str, category: str) -> tuple[Quota, ...]:
        """The quotas that limit forwarding a nomination of *category* from *unit* at *level*
        (those with a maximum; a minimum alone limits nothing)."""
        return tuple(
            quota
            for quota in self.quotas
            if quota.places is not None
            and quota.level is level
            and quota.unit in (None, unit)
            and quota.category in (None, category)
        )
