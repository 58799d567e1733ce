"""The public notice as posted (公示名单), with personal data masked.

A notice shows each nominee's name masked (``张*梅``), the unit that put them forward, the
category and a short extract of the deeds with the nominee's name and any ID or mobile number
in it masked; contact
numbers, when shown, are masked too. Nothing in a :class:`NoticeView` holds a full ID number,
mobile number or name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_type, listed
from fulian_core.calendars import china_date
from fulian_core.nominations.campaign import Campaign
from fulian_core.nominations.state import CampaignState, NominationStatus
from fulian_core.privacy import mask_name, redact_text

__all__ = ["NoticeEntry", "NoticeView", "notice_view"]

_EXTRACT = 40


@attrs.frozen
class NoticeEntry:
    """One line of a posted notice (公示对象), already masked."""

    name: str
    unit: str
    category: str
    channel: str
    extract: str
    contact: str = ""
    withdrawn: bool = False


def _entries(value: Iterable[NoticeEntry]) -> tuple[NoticeEntry, ...]:
    return listed(value, "entries", "a list of notice entries")


@attrs.frozen
class NoticeView:
    """A public notice as posted (公示), ready to show: title, posting unit, dates, the rule,
    where objections go, and the masked entries."""

    title: str
    unit: str
    posted_on: dt.date
    last_day: dt.date
    rule: str
    entries: tuple[NoticeEntry, ...] = attrs.field(converter=_entries)

    def render(self) -> str:
        """The notice as text lines, as a notice board shows it."""
        lines = [
            self.title,
            f"发布单位：{self.unit}　公示期：{self.posted_on.isoformat()}至{self.last_day.isoformat()}（{self.rule}）",
        ]
        for index, entry in enumerate(self.entries, 1):
            parts = [entry.name, entry.unit]
            if entry.category:
                parts.append(entry.category)
            parts.append(entry.channel)
            if entry.contact:
                parts.append(f"联系电话{entry.contact}")
            status = "（已撤销公示）" if entry.withdrawn else ""
            lines.append(f"{index}. {'　'.join(parts)}{status}")
            if entry.extract:
                lines.append(f"   事迹：{entry.extract}")
        lines.append("如有异议，请在公示期内向发布单位反映。")
        return "\n".join(lines)


def notice_view(campaign: Campaign, state: CampaignState, notice: str, *, show_contact: bool = False) -> NoticeView:
    """The posted form of notice *notice*: every nominee on it, masked; a nominee removed after
    an upheld objection is marked as such, not dropped (the board keeps the record)."""
    check_type(campaign, Campaign, "campaign")
    check_type(state, CampaignState, "state")
    check_type(notice, str, "notice")
    posted = state.notice(notice)
    entries = []
    for nomination_id in posted.nominations:
        record = state.nomination(nomination_id)
        # Mask first, then cut: a cut could leave an unmasked part of a number.
        name = record.candidate.name.strip()
        account = redact_text(" ".join(record.dossier.account.split())).replace(name, mask_name(name))
        extract = account[:_EXTRACT] + ("…" if len(account) > _EXTRACT else "")
        contact = record.mobile.masked if show_contact and record.mobile is not None else ""
        entries.append(
            NoticeEntry(
                name=mask_name(record.candidate.name),
                unit=campaign.unit_name(record.origin),
                category=campaign.category(record.category).label if record.category else "",
                channel=record.channel.label,
                extract=extract,
                contact=contact,
                withdrawn=record.status is NominationStatus.REMOVED,
            )
        )
    return NoticeView(
        title=f"{campaign.title}{campaign.award}推荐对象公示",
        unit=campaign.unit_name(posted.unit),
        posted_on=china_date(posted.opened_at),
        last_day=posted.last_day,
        rule=campaign.notice.describe(),
        entries=tuple(entries),
    )
