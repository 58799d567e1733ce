"""A small campaign on a made-up district (城关区 → 中心街道 → 忠义社区/和平社区) for the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fulian_core import OrgTree, china_calendar
from fulian_core.criteria import Evidence
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER as STANDARD
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    Actor,
    Campaign,
    CampaignState,
    Category,
    Command,
    DayCounting,
    Dossier,
    DossierRule,
    Event,
    NoticeRule,
    Phase,
    PhaseKind,
    Quota,
    Role,
    Submission,
    handle,
    start,
)
from fulian_core.orgs import Level
from fulian_core.privacy import MobileNumber
from fulian_core.rules import Fact, ItemKind, Subject

DISTRICT, STREET, ZHONGYI, HEPING = "540102", "540102001", "540102001001", "540102001002"
TREE = OrgTree.from_division_codes({DISTRICT: "城关区", STREET: "中心街道", ZHONGYI: "忠义社区", HEPING: "和平社区"})
CALENDAR = china_calendar(2024)

CLERK = Actor("clerk", "李红", Role.STAFF, ZHONGYI)
REVIEWER = Actor("reviewer", "王芳", Role.REVIEWER, ZHONGYI, conflicts={"family-9", "org-bank"})
REVIEWER_2 = Actor("reviewer-2", "刘洋", Role.REVIEWER, ZHONGYI)
LEADER = Actor("leader", "赵敏", Role.LEADER, ZHONGYI)
APPLICANT = Actor("applicant", "张秀梅", Role.APPLICANT, ZHONGYI)
NEIGHBOUR = Actor("neighbour", "群众甲", Role.PUBLIC, ZHONGYI)
STREET_CLERK = Actor("street-clerk", "周琳", Role.STAFF, STREET)
STREET_LEADER = Actor("street-leader", "孙丽", Role.LEADER, STREET)
STREET_REVIEWER = Actor("street-reviewer", "钱敏", Role.REVIEWER, STREET, conflicts={"family-4"})
HEPING_CLERK = Actor("heping-clerk", "吴静", Role.STAFF, HEPING)

GOOD_DOSSIER = Dossier(form=True, account="孝老爱亲，邻里和睦。" * 12, photos=3, motto="家和万事兴")
THIN_DOSSIER = Dossier(form=True, account="孝老爱亲", photos=1)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A time in 2024, China Standard Time."""
    return dt.datetime(2024, month, day, hour, minute, tzinfo=CHINA_STANDARD_TIME)


def campaign(**changes: Any) -> Campaign:
    """The test campaign, with *changes* to its fields."""
    fields: dict[str, Any] = {
        "code": "zhongyi-2024",
        "title": "2024年寻找最美家庭活动",
        "criteria": STANDARD,
        "organiser": ZHONGYI,
        "tree": TREE,
        "levels": (Level.VILLAGE, Level.TOWNSHIP),
        "phases": (
            Phase(PhaseKind.MOBILISATION, dt.date(2024, 3, 1), dt.date(2024, 3, 15)),
            Phase(PhaseKind.SELECTION, dt.date(2024, 3, 16), dt.date(2024, 5, 31)),
            Phase(PhaseKind.COMMENDATION, dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
        ),
        "notice": NoticeRule(5, DayCounting.WORKING, CALENDAR),
        "dossier": DossierRule(min_account_chars=100, min_photos=2, requires_motto=True),
        "categories": (Category("five_good", "五好家庭"), Category("green", "绿色家庭")),
        "quotas": (Quota(Level.VILLAGE, 2), Quota(Level.VILLAGE, 1, category="green")),
    }
    fields.update(changes)
    return Campaign(**fields)


CAMPAIGN = campaign()


def family(number: int) -> Subject:
    return Subject(f"family-{number}", ["张秀梅", "李桂英", "王淑珍", "赵玉兰", "刘凤英"][number % 5])


def submission(
    number: int, *, unit: str = ZHONGYI, category: str = "five_good", dossier: Dossier = GOOD_DOSSIER
) -> Submission:
    from fulian_core.nominations import Channel

    return Submission(
        family(number), Channel.SELF, unit, dossier, category=category, mobile=MobileNumber("13812345678")
    )


def evidence_for(candidate: Subject, *, eligible: bool = True) -> Evidence:
    facts = {item.code: (Fact.not_met() if item.kind is ItemKind.OVERRIDE else Fact.met()) for item in STANDARD.items}
    if not eligible:
        facts["filial_daughter"] = Fact.not_met()
    return Evidence(candidate, facts)


class Run:
    """A campaign being run in a test: the state and the log, kept together."""

    def __init__(self, the_campaign: Campaign = CAMPAIGN) -> None:
        self.campaign = the_campaign
        self.state: CampaignState = start(the_campaign)
        self.log: list[Event] = []

    def do(self, command: Command) -> Event:
        self.state, events = handle(self.campaign, self.state, command)
        self.log.extend(events)
        return events[-1]

    def to_shortlist(self, numbers: list[int], **options: Any) -> list[str]:
        """Submit (20 March), accept (21 March), assess (1 April) and shortlist (2 April) one
        nomination ``n-<number>`` per number; the ids, in order."""
        ids = [f"n-{number}" for number in numbers]
        for minute, (nomination, number) in enumerate(zip(ids, numbers, strict=True)):
            self.do(Command.submit(APPLICANT, at(3, 20, 9, minute), nomination, submission(number, **options)))
        for minute, nomination in enumerate(ids):
            self.do(Command.accept(CLERK, at(3, 21, 9, minute), nomination))
        for minute, (nomination, number) in enumerate(zip(ids, numbers, strict=True)):
            self.do(Command.assess(REVIEWER_2, at(4, 1, 9, minute), nomination, evidence_for(family(number))))
        for minute, nomination in enumerate(ids):
            self.do(Command.shortlist(LEADER, at(4, 2, 9, minute), nomination))
        return ids

    def through_notice(self, nominations: list[str], notice: str = "notice-1") -> None:
        """Post *nominations* on 3 April and close the notice on 12 April (5 working days)."""
        self.do(Command.open_notice(CLERK, at(4, 3), notice, nominations))
        self.do(Command.close_notice(CLERK, at(4, 12), notice))
