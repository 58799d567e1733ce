"""Campaign statistics (活动统计): what a level received, returned, forwarded and awarded, by
channel, category and unit, and the forwarded share — counted from the records, never typed in.

Seed 000: "共收到推荐材料80余份……向自治区上报事迹材料共计55份，占总推荐材料的67.9%" is
:meth:`CampaignStatistics.summary` of a level that received 81 and forwarded 55.

:func:`quota_shortfalls` lists the units that forwarded fewer than their quota's minimum
(至少推荐, 等额推荐).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_type, mapped
from fulian_core._definitions import whole_number as _whole_number
from fulian_core.errors import ValidationError
from fulian_core.nominations.campaign import Campaign, Channel, Quota
from fulian_core.nominations.state import CampaignState, Nomination, NominationStatus
from fulian_core.orgs import Level
from fulian_core.quantities import Quantity, Unit
from fulian_core.shares import Ratio
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded

__all__ = ["CampaignStatistics", "Counts", "QuotaShortfall", "campaign_statistics", "quota_shortfalls"]


@attrs.frozen
class Counts:
    """Counts of nominations at one level (统计数): received, returned at least once, rejected,
    withdrawn, removed after notice, forwarded up, awarded here, titles revoked."""

    received: int = attrs.field(default=0, validator=_whole_number)
    returned: int = attrs.field(default=0, validator=_whole_number)
    rejected: int = attrs.field(default=0, validator=_whole_number)
    withdrawn: int = attrs.field(default=0, validator=_whole_number)
    removed: int = attrs.field(default=0, validator=_whole_number)
    forwarded: int = attrs.field(default=0, validator=_whole_number)
    awarded: int = attrs.field(default=0, validator=_whole_number)
    revoked: int = attrs.field(default=0, validator=_whole_number)

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    @property
    def forwarded_share(self) -> Ratio:
        """Forwarded over received (上报占比), kept as counts."""
        return Ratio(self.forwarded, self.received)


def _by_channel(value: Mapping[str, Counts]) -> Mapping[str, Counts]:
    return _ReadOnlyDict(dict(mapped(value, "by_channel", "a mapping of channel codes to counts")))


def _by_category(value: Mapping[str, Counts]) -> Mapping[str, Counts]:
    return _ReadOnlyDict(dict(mapped(value, "by_category", "a mapping of category codes to counts")))


def _by_unit(value: Mapping[str, Counts]) -> Mapping[str, Counts]:
    return _ReadOnlyDict(dict(mapped(value, "by_unit", "a mapping of unit codes to counts")))


@attrs.frozen(eq=False)
class CampaignStatistics:
    """The statistics of one level of a campaign (活动统计), in total and by channel code,
    category code and the unit that held the nominations at that level."""

    level: Level
    total: Counts
    by_channel: Mapping[str, Counts] = attrs.field(converter=_by_channel)
    by_category: Mapping[str, Counts] = attrs.field(converter=_by_category)
    by_unit: Mapping[str, Counts] = attrs.field(converter=_by_unit)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CampaignStatistics):
            return NotImplemented
        return (self.level, self.total, dict(self.by_channel), dict(self.by_category), dict(self.by_unit)) == (
            other.level,
            other.total,
            dict(other.by_channel),
            dict(other.by_category),
            dict(other.by_unit),
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def forwarded_share(self) -> Ratio:
        """Forwarded over received at this level (上报占比)."""
        return self.total.forwarded_share

    def records(self) -> list[_Record]:
        """One tidy row per breakdown: ``by`` is ``total`` (one row, ``key`` None), then
        ``channel``, ``category`` and ``unit`` (``key`` their code), each with the level (code
        and label) and every count (``received`` … ``revoked``) as whole numbers."""
        breakdowns: list[tuple[str, str | None, Counts]] = [("total", None, self.total)]
        for by, counts in (("channel", self.by_channel), ("category", self.by_category), ("unit", self.by_unit)):
            breakdowns.extend((by, key, value) for key, value in counts.items())
        return [
            {**_coded("level", self.level), "by": by, "key": key, **attrs.asdict(counts)}
            for by, key, counts in breakdowns
        ]

    def summary(self, *, to: str = "上级", approximate: bool = True, places: int = 1) -> str:
        """The sentence a report writes: ``共收到推荐材料80余份，向自治区上报55份，占总推荐材料的67.9%``.

        With *approximate*, the received count is rounded down as reports do (81 → 80余); the
        share is always computed from the exact counts.
        """
        check_type(to, str, "to", "text")
        check_type(places, int, "places", "a whole number of decimal places")
        received = self.total.received
        shown = Quantity.rounded_down(received, Unit.COPY) if approximate else Quantity.exact(received, Unit.COPY)
        text = f"共收到推荐材料{shown.render()}，向{to}上报{self.total.forwarded}份"
        share = self.forwarded_share
        if share.is_defined:
            text += f"，占总推荐材料的{share.percent(places)}%"
        return text


def campaign_statistics(campaign: Campaign, state: CampaignState, level: Level) -> CampaignStatistics:
    """Count what *level* of the campaign received (submitted there or forwarded from below),
    returned, rejected, withdrew, removed, forwarded, awarded and saw revoked."""
    check_type(campaign, Campaign, "campaign")
    check_type(state, CampaignState, "state")
    check_type(level, Level, "level")
    if level not in campaign.levels:
        allowed = "、".join(lv.label for lv in campaign.levels)
        raise ValidationError.single("level", f"a level of the campaign ({allowed})", getattr(level, "code", level))
    total = Counts()
    by_channel: dict[str, Counts] = {channel.code: Counts() for channel in Channel if channel in campaign.channels}
    by_category: dict[str, Counts] = {category.code: Counts() for category in campaign.categories}
    by_unit: dict[str, Counts] = {}
    for nomination in state.nominations():
        counts = _counts_at(nomination, level)
        if counts is None:
            continue
        unit = next(stage.unit for stage in nomination.stages if stage.level is level)
        total += counts
        by_channel[nomination.channel.code] = by_channel.get(nomination.channel.code, Counts()) + counts
        if nomination.category:
            by_category[nomination.category] = by_category.get(nomination.category, Counts()) + counts
        by_unit[unit] = by_unit.get(unit, Counts()) + counts
    return CampaignStatistics(level, total, by_channel, by_category, dict(sorted(by_unit.items())))


def _counts_at(nomination: Nomination, level: Level) -> Counts | None:
    stage = next((stage for stage in nomination.stages if stage.level is level), None)
    if stage is None:
        return None
    status = nomination.status if nomination.level is level else None
    titles = [title for title in nomination.titles if title.level is level]
    return Counts(
        received=1,
        returned=int(stage.returns > 0),
        rejected=int(status is NominationStatus.REJECTED),
        withdrawn=int(status is NominationStatus.WITHDRAWN),
        removed=int(status is NominationStatus.REMOVED),
        forwarded=int(stage.forwarded_to is not None),
        awarded=int(bool(titles)),
        revoked=int(any(not title.active for title in titles)),
    )


@attrs.frozen
class QuotaShortfall:
    """A unit that forwarded fewer nominations than its quota's minimum (推荐名额未完成):
    the quota, the unit, how many it forwarded and the sentence a report writes, e.g.
    ``和平社区（绿色家庭）至少推荐2名，已上报1名，尚缺1名``."""

    quota: Quota
    unit: str
    forwarded: int
    description: str

    @property
    def missing(self) -> int:
        """How many more the unit had to forward to reach the minimum (尚缺)."""
        return self.quota.minimum - self.forwarded


def quota_shortfalls(campaign: Campaign, state: CampaignState) -> tuple[QuotaShortfall, ...]:
    """Every unit below the minimum of a quota that sets one: for a quota naming a unit, that
    unit; otherwise every unit of the tree at the quota's level that takes part in the campaign
    (:meth:`Campaign.takes_part`). Counted from what the units forwarded so far, so a call before
    the reporting step ends lists what is still to come.

    In the order of ``campaign.quotas``, then by unit code.
    """
    found: list[QuotaShortfall] = []
    for quota in campaign.quotas:
        if not quota.minimum:
            continue
        if quota.unit is not None:
            units = [quota.unit]
        else:
            units = sorted(unit.code for unit in campaign.tree.units_at(quota.level) if campaign.takes_part(unit.code))
        category = f"（{campaign.category(quota.category).label}）" if quota.category else ""
        for unit in units:
            forwarded = state.forwarded(quota.level, unit, quota.category)
            if forwarded < quota.minimum:
                description = (
                    f"{campaign.unit_name(unit)}{category}{quota.describe()}，"
                    f"已上报{forwarded}名，尚缺{quota.minimum - forwarded}名"
                )
                found.append(QuotaShortfall(quota, unit, forwarded, description))
    return tuple(found)
