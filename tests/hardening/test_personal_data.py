"""No public view, explanation or report shows a resident's full ID number, mobile number or
name; masking is idempotent."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    MobileNumber,
    ResidentId,
    mask_mobile,
    mask_name,
    mask_resident_id,
    redact_text,
)
from fulian_core.criteria import Evidence, assess
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER as STANDARD
from fulian_core.nominations import Channel, Command, Dossier, Submission, campaign_statistics, notice_view
from fulian_core.orgs import Level
from fulian_core.rules import Fact, Subject
from fulian_core.testing import chinese_names, mobile_numbers, resident_ids
from tests.nominations.fixtures import APPLICANT, CLERK, LEADER, REVIEWER_2, ZHONGYI, Run, at, evidence_for

NAMES = chinese_names().filter(lambda name: len(name) >= 3)


@given(NAMES, mobile_numbers(), resident_ids(), st.sampled_from(["", "联系人", "事迹："]))
def test_public_outputs_never_show_full_personal_data(
    name: str, mobile: MobileNumber, resident: ResidentId, prefix: str
) -> None:
    account = f"{prefix}{name}家庭，电话{mobile.number}，身份证号{resident.number}，照顾老人二十年。" * 3
    candidate = Subject("family-1", name)
    run = Run()
    dossier = Dossier(True, account, 3, "家和万事兴")
    run.do(
        Command.submit(
            APPLICANT,
            at(3, 20),
            "n-1",
            Submission(candidate, Channel.SELF, ZHONGYI, dossier, "five_good", mobile=mobile, resident_id=resident),
        )
    )
    run.do(Command.accept(CLERK, at(3, 21), "n-1"))
    run.do(Command.assess(REVIEWER_2, at(4, 1), "n-1", evidence_for(candidate)))
    run.do(Command.shortlist(LEADER, at(4, 2), "n-1"))
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ["n-1"]))
    outputs = [
        notice_view(run.campaign, run.state, "notice-1", show_contact=True).render(),
        repr(notice_view(run.campaign, run.state, "notice-1")),
        assess(
            STANDARD, Evidence(candidate, {code: Fact.met() for code in STANDARD.codes[:3]}), on=dt.date(2024, 5, 1)
        ).render(),
        campaign_statistics(run.campaign, run.state, Level.VILLAGE).summary(),
        repr(resident),
        str(mobile),
    ]
    for text in outputs:
        assert resident.number not in text
        assert mobile.number not in text
        assert name not in text


@given(NAMES, mobile_numbers(), resident_ids(), st.text(max_size=30))
def test_masking_is_idempotent(name: str, mobile: MobileNumber, resident: ResidentId, text: str) -> None:
    assert mask_name(mask_name(name)) == mask_name(name)
    assert mask_mobile(mask_mobile(mobile.number)) == mask_mobile(mobile.number)
    assert mask_resident_id(mask_resident_id(resident.number)) == mask_resident_id(resident.number)
    assert redact_text(redact_text(text)) == redact_text(text)


@given(NAMES, mobile_numbers())
def test_an_acts_reason_and_note_stay_out_of_every_cases_repr(name: str, mobile: MobileNumber) -> None:
    # A referral's reason names the party and her mobile; the case's repr shows its length only.
    from fulian_core.mediation import (
        MEDIATION_WORKFLOW,
        Channel,
        Dispute,
        DisputeKind,
        Referral,
        ReferralBody,
        Session,
        open_dispute,
    )
    from fulian_core.workflows import CHINA_STANDARD_TIME, Act, Actor, Role, advance

    staff = Actor("s1", "调解员", Role.STAFF, "371082103")
    dispute = Dispute("m-1", Channel.VISIT, dt.date(2025, 3, 3), DisputeKind.MARRIAGE, "371082103201", "夫妻矛盾")
    case = open_dispute(
        MEDIATION_WORKFLOW, dispute, by=staff, at=dt.datetime(2025, 3, 3, 9, tzinfo=CHINA_STANDARD_TIME)
    )
    steps = [("accept", None), ("session", Session("初次调解")), ("refer", Referral(ReferralBody.LEGAL_AID))]
    for day, (command, payload) in enumerate(steps, start=4):
        moment = dt.datetime(2025, 3, day, 9, tzinfo=CHINA_STANDARD_TIME)
        said = f"{name}涉及人身安全，电话{mobile.number}"
        case = advance(MEDIATION_WORKFLOW, case, Act(command, staff, moment, reason=said, note=said, payload=payload))
    assert case.state == "referred"
    assert name not in repr(case)
    assert mobile.number not in repr(case)
