"""Declared links from the work to a credit scheme (积分挂钩): results and awards become entries.

Points come from the work itself: a tier reached in a courtyard inspection (评为精品户), a check
failed for certain (检查不合格), a plaque awarded or taken down (挂牌/摘牌) and a title conferred
in a selection campaign (获评最美家庭) each earn or lose the points of a scheme item, through a
:class:`CreditLinks` declared once and checked against the scheme when it is built.
:func:`linked_events` turns results into :class:`~fulian_core.credit.CreditEvent` s with ids
derived from their sources (``inspection:i-3``), so deriving them again gives the same events.
A result no link names, or dated when the scheme is not in force, gives nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs

from fulian_core._definitions import check_code, check_iterable, check_type, listed
from fulian_core._faults import Faults
from fulian_core.calendars import china_date
from fulian_core.courtyard import InspectionKind, PlaqueChange, PlaqueHistory, ScoreCard
from fulian_core.credit.record import CreditEvent
from fulian_core.credit.scheme import CreditScheme, PointsUnit
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.nominations import CampaignState
from fulian_core.orgs import Level
from fulian_core.rules.sheet import ItemKind

__all__ = ["BandLink", "CheckLink", "CreditLinks", "PlaqueLink", "TitleLink", "linked_events"]

_AWARD_KINDS: Final = frozenset({InspectionKind.ACCEPTANCE, InspectionKind.RECHECK})
_CHECK_KINDS: Final = frozenset({InspectionKind.SPOT_CHECK, InspectionKind.HOME_VISIT, InspectionKind.RECHECK})
_GAINS: Final = frozenset({PlaqueChange.AWARDED, PlaqueChange.REAWARDED, PlaqueChange.UPGRADED})
_MAX_LINKS: Final = 200


def _kinds(value: Iterable[InspectionKind]) -> frozenset[InspectionKind]:
    return frozenset(listed(value, "kinds", "a list of inspection kinds"))


def _check_kinds(kinds: frozenset[InspectionKind], faults: Faults) -> None:
    if faults.check(bool(kinds), "kinds", "at least one kind of inspection", []):
        for kind in kinds:
            faults.check(isinstance(kind, InspectionKind), "kinds", "InspectionKinds", kind)


def _kinds_text(kinds: frozenset[InspectionKind]) -> str:
    return "、".join(kind.label for kind in sorted(kinds, key=lambda kind: kind.ordinal))


@attrs.frozen
class BandLink:
    """A tier reached earns a bonus (评定等级挂钩加分): a card of one of ``kinds`` (验收 and 复核
    by default) that reaches the band ``band`` for certain (``boutique`` for 精品户) records the
    scheme's bonus item ``item`` — per household, or per family member per period when the
    item is counted per member (每人每季度)."""

    band: str
    item: str
    kinds: frozenset[InspectionKind] = attrs.field(default=_AWARD_KINDS, converter=_kinds)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.band, "band", faults, punctuation="_-.")
        check_code(self.item, "item", faults, punctuation="_-.")
        _check_kinds(self.kinds, faults)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class CheckLink:
    """A failed check costs a deduction (检查不合格扣分): a card of one of ``kinds`` (抽查, 入户 and
    复核 by default) whose best band still does not pass (failed for certain, 未达标) records the
    scheme's deduction item ``item``."""

    item: str
    kinds: frozenset[InspectionKind] = attrs.field(default=_CHECK_KINDS, converter=_kinds)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.item, "item", faults, punctuation="_-.")
        _check_kinds(self.kinds, faults)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class PlaqueLink:
    """A change of a plaque earns or costs points (挂牌/摘牌挂钩): a plaque awarded, re-awarded or
    upgraded records the bonus item ``item``; one warned, taken down (摘牌) or downgraded records
    the deduction item ``item``."""

    change: PlaqueChange
    item: str

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.change, PlaqueChange), "change", "a PlaqueChange", self.change)
        check_code(self.item, "item", faults, punctuation="_-.")
        faults.raise_if_any(DefinitionError)

    @property
    def kind(self) -> ItemKind:
        """The kind of item the change must link to: a bonus for a gain, else a deduction."""
        return ItemKind.BONUS if self.change in _GAINS else ItemKind.DEDUCTION


@attrs.frozen
class TitleLink:
    """A title conferred earns a bonus (获评荣誉加分): a title of campaign ``campaign`` conferred at
    ``level`` (of ``category``; none: of any category) records the bonus item ``item`` on the day
    it was conferred. ``revoked`` names the deduction item a revocation (撤销) records on its day
    (none: a revocation records nothing); the bonus, once recorded, stays in the record."""

    campaign: str
    level: Level
    item: str
    category: str | None = None
    revoked: str | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.campaign, "campaign", faults, punctuation="_-.")
        faults.check(isinstance(self.level, Level), "level", "a Level", self.level)
        check_code(self.item, "item", faults, punctuation="_-.")
        if self.category is not None:
            check_code(self.category, "category", faults, punctuation="_-.")
        if self.revoked is not None:
            check_code(self.revoked, "revoked", faults, punctuation="_-.")
        faults.raise_if_any(DefinitionError)

    def matches(self, campaign: str, level: Level, category: str) -> bool:
        """Whether a title of *campaign* at *level* of *category* falls under this link."""
        return (
            self.campaign == campaign and self.level is level and (self.category is None or self.category == category)
        )


def _bands(value: Iterable[BandLink]) -> tuple[BandLink, ...]:
    return listed(value, "bands", "a list of band links")


def _checks(value: Iterable[CheckLink]) -> tuple[CheckLink, ...]:
    return listed(value, "checks", "a list of check links")


def _plaques(value: Iterable[PlaqueLink]) -> tuple[PlaqueLink, ...]:
    return listed(value, "plaques", "a list of plaque links")


def _titles(value: Iterable[TitleLink]) -> tuple[TitleLink, ...]:
    return listed(value, "titles", "a list of title links")


@attrs.frozen
class CreditLinks:
    """The declared links from courtyard results and awards to the items of one scheme (积分挂钩
    办法): tiers reached (``bands``), checks failed (``checks``), plaque changes (``plaques``) and
    titles conferred (``titles``).

    Checked when built, every fault at once: each linked item is an item of ``scheme`` of the
    right kind (a bonus for a tier, a gain of a plaque or a title; a deduction for a failed
    check, a loss of a plaque or a revocation) counted per case, occurrence or member (a tiered
    item needs a quantity no result gives), and no result is named by two links.
    """

    scheme: CreditScheme
    bands: tuple[BandLink, ...] = attrs.field(default=(), converter=_bands)
    checks: tuple[CheckLink, ...] = attrs.field(default=(), converter=_checks)
    plaques: tuple[PlaqueLink, ...] = attrs.field(default=(), converter=_plaques)
    titles: tuple[TitleLink, ...] = attrs.field(default=(), converter=_titles)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.scheme, CreditScheme), "scheme", "a CreditScheme", self.scheme):
            faults.raise_if_any(DefinitionError)
        count = len(self.bands) + len(self.checks) + len(self.plaques) + len(self.titles)
        faults.check(count <= _MAX_LINKS, "", f"at most {_MAX_LINKS} links", count)
        self._check_cards(faults)
        self._check_plaques(faults)
        self._check_titles(faults)
        faults.raise_if_any(DefinitionError)

    def _check_item(self, code: str, kind: ItemKind, path: str, faults: Faults) -> None:
        scheme = self.scheme
        if not faults.check(code in scheme.codes, path, f"an item of {scheme.code}@{scheme.version}", code):
            return
        item = scheme.item(code)
        if faults.check(item.kind is kind, path, f"a {kind.code} item ({code} is a {item.kind.code})", code):
            faults.check(
                item.unit is not PointsUnit.STEP,
                path,
                f"an item counted per case, occurrence or member ({code} is tiered by a quantity no result gives)",
                code,
            )

    def _check_cards(self, faults: Faults) -> None:
        seen: set[tuple[str, InspectionKind]] = set()
        for index, band in enumerate(self.bands):
            if not faults.check(isinstance(band, BandLink), f"bands[{index}]", "a BandLink", band):
                continue
            self._check_item(band.item, ItemKind.BONUS, f"bands[{index}].item", faults)
            twice = sorted((kind for kind in band.kinds if (band.band, kind) in seen), key=lambda kind: kind.ordinal)
            faults.check(
                not twice,
                f"bands[{index}].kinds",
                f"kinds not linked before for band {band.band}",
                _kinds_text(band.kinds),
            )
            seen.update((band.band, kind) for kind in band.kinds)
        checked: set[InspectionKind] = set()
        for index, check in enumerate(self.checks):
            if not faults.check(isinstance(check, CheckLink), f"checks[{index}]", "a CheckLink", check):
                continue
            self._check_item(check.item, ItemKind.DEDUCTION, f"checks[{index}].item", faults)
            faults.check(
                not (check.kinds & checked),
                f"checks[{index}].kinds",
                "kinds not linked before",
                _kinds_text(check.kinds),
            )
            checked.update(check.kinds)

    def _check_plaques(self, faults: Faults) -> None:
        changes: set[PlaqueChange] = set()
        for index, link in enumerate(self.plaques):
            if not faults.check(isinstance(link, PlaqueLink), f"plaques[{index}]", "a PlaqueLink", link):
                continue
            self._check_item(link.item, link.kind, f"plaques[{index}].item", faults)
            faults.check(
                link.change not in changes, f"plaques[{index}].change", "a change not linked before", link.change.code
            )
            changes.add(link.change)

    def _check_titles(self, faults: Faults) -> None:
        for index, link in enumerate(self.titles):
            if not faults.check(isinstance(link, TitleLink), f"titles[{index}]", "a TitleLink", link):
                continue
            self._check_item(link.item, ItemKind.BONUS, f"titles[{index}].item", faults)
            if link.revoked is not None:
                self._check_item(link.revoked, ItemKind.DEDUCTION, f"titles[{index}].revoked", faults)
            overlapping = any(
                isinstance(other, TitleLink)
                and other.campaign == link.campaign
                and other.level is link.level
                and (other.category is None or link.category is None or other.category == link.category)
                for other in self.titles[:index]
            )
            faults.check(
                not overlapping,
                f"titles[{index}]",
                "a campaign, level and category not linked before",
                f"{link.campaign} {link.level.code} {link.category or '*'}",
            )

    # -- reading -----------------------------------------------------------------------------

    def for_card(self, card: ScoreCard) -> tuple[str, ...]:
        """The items a score card records: the bonus for the band it reached for certain, and
        the deduction for a check it failed for certain (none: the card records nothing)."""
        check_type(card, ScoreCard, "card")
        items = [link.item for link in self.bands if link.band == card.band.code and card.kind in link.kinds]
        if not card.best_band.passing:
            items += [link.item for link in self.checks if card.kind in link.kinds]
        return tuple(items)

    def for_change(self, change: PlaqueChange) -> str | None:
        """The item a change of a plaque records (none: no link)."""
        return next((link.item for link in self.plaques if link.change is change), None)

    def for_title(self, campaign: str, level: Level, category: str) -> TitleLink | None:
        """The link of a title of *campaign* at *level* of *category* (none: no link)."""
        return next((link for link in self.titles if link.matches(campaign, level, category)), None)


def _members(value: Mapping[str, int] | None) -> Mapping[str, int]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError.single("members", "a mapping of subject ids to numbers of family members", value)
    return value


class _Collector:
    """The events built so far, by subject, with every fault of the inputs."""

    __slots__ = ("by_subject", "faults", "links", "members", "uncounted")

    def __init__(self, links: CreditLinks, members: Mapping[str, int]) -> None:
        self.links = links
        self.members = members
        self.faults = Faults()
        self.by_subject: dict[str, list[CreditEvent]] = {}
        self.uncounted: set[str] = set()

    def add(self, subject: str, path: str, build: Callable[[int], CreditEvent], items: tuple[str, ...]) -> None:
        scheme = self.links.scheme
        per_member = any(scheme.item(code).unit is PointsUnit.MEMBER for code in items)
        members = self.members.get(subject) if per_member else 1
        if members is None:
            if subject not in self.uncounted:  # one fault per subject, however many results need it
                self.uncounted.add(subject)
                expected = f"the number of family members of {subject} (a per-member item)"
                self.faults.add(f"members[{subject!r}]", expected, None)
            return
        try:
            event = build(members)
        except ValidationError as error:
            self.faults.absorb(path, error)
            return
        self.by_subject.setdefault(subject, []).append(event)

    def card(self, card: ScoreCard, path: str) -> None:
        if not self.faults.check(isinstance(card, ScoreCard), path, "a ScoreCard", card):
            return
        items = self.links.for_card(card)
        if items and self.links.scheme.in_force_on(card.date):
            self.add(card.household.id, path, _card_event(card, items), items)

    def plaque(self, history: PlaqueHistory, path: str) -> None:
        if not self.faults.check(isinstance(history, PlaqueHistory), path, "a PlaqueHistory", history):
            return
        for position, change in enumerate(history.events):
            item = self.links.for_change(change.change)
            if item is not None and self.links.scheme.in_force_on(change.date):
                source = f"{change.change.label} {change.card}：{change.reason}"
                build = _event(f"plaque:{change.card}:{change.change.code}", change.date, item, source)
                self.add(history.household, f"{path}.events[{position}]", build, (item,))

    def campaign(self, state: CampaignState, path: str) -> None:
        if not self.faults.check(isinstance(state, CampaignState), path, "a CampaignState", state):
            return
        in_force = self.links.scheme.in_force_on
        for nomination in state.nominations():
            subject, where = nomination.candidate.id, f"{path}.nominations[{nomination.id!r}]"
            for title in nomination.titles:
                link = self.links.for_title(state.campaign, title.level, nomination.category)
                if link is None:
                    continue
                key = f"{state.campaign}:{nomination.id}:{title.level.code}"
                level = f"{state.campaign} {title.level.label}级"
                day = china_date(title.awarded_at)
                if in_force(day):
                    build = _event(f"title:{key}", day, link.item, f"{level}表彰 {nomination.id}")
                    self.add(subject, where, build, (link.item,))
                if link.revoked is None or title.revoked_at is None:
                    continue
                day = china_date(title.revoked_at)
                if in_force(day):
                    source = f"{level}撤销 {nomination.id}：{title.revoke_reason}"
                    self.add(subject, where, _event(f"revocation:{key}", day, link.revoked, source), (link.revoked,))

    def result(self) -> dict[str, tuple[CreditEvent, ...]]:
        self.faults.raise_if_any()
        return {
            subject: tuple(sorted(events, key=lambda event: (event.date, event.id)))
            for subject, events in sorted(self.by_subject.items())
        }


def linked_events(
    links: CreditLinks,
    *,
    cards: Iterable[ScoreCard] = (),
    plaques: Iterable[PlaqueHistory] = (),
    campaigns: Iterable[CampaignState] = (),
    members: Mapping[str, int] | None = None,
) -> dict[str, tuple[CreditEvent, ...]]:
    """The credit events *links* derive from courtyard score cards, plaque histories and the
    titles of campaigns (由工作记录生成积分记录), by subject id, each subject's in date order.

    * A card records one event, ``inspection:<inspection id>``, with the items of
      :meth:`CreditLinks.for_card`, on the inspection's date.
    * A plaque change records ``plaque:<card>:<change>`` on the day of the change.
    * A title records ``title:<campaign>:<nomination>:<level>`` on the day it was conferred (北京
      时间), and its revocation ``revocation:<campaign>:<nomination>:<level>`` on that day.

    *members* gives the family members of a subject (by id) for items counted per member.
    Every fault of the inputs is named at once.
    """
    if not isinstance(links, CreditLinks):
        raise ValidationError.single("links", "CreditLinks", links)
    check_iterable(cards, "cards", "a list of ScoreCard")
    check_iterable(plaques, "plaques", "a list of PlaqueHistory")
    check_iterable(campaigns, "campaigns", "a list of CampaignState")
    collector = _Collector(links, _members(members))
    for index, card in enumerate(cards):
        collector.card(card, f"cards[{index}]")
    for index, history in enumerate(plaques):
        collector.plaque(history, f"plaques[{index}]")
    for index, state in enumerate(campaigns):
        collector.campaign(state, f"campaigns[{index}]")
    return collector.result()


def _card_event(card: ScoreCard, items: tuple[str, ...]) -> Callable[[int], CreditEvent]:
    source = f"{card.kind.label} {card.inspection}：{card.band.label}（{card.total}分）"
    return lambda members: CreditEvent(
        f"inspection:{card.inspection}", card.date, items, source=source[:500], members=members
    )


def _event(event_id: str, day: dt.date, item: str, source: str) -> Callable[[int], CreditEvent]:
    return lambda members: CreditEvent(event_id, day, (item,), source=source[:500], members=members)
