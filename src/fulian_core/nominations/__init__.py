"""Nomination and selection workflows (推荐评选): campaigns, dossiers, review, public notice,
layered selection with quotas, awards and revocation, with a complete event log.

A :class:`Campaign` is declared once; commands (:class:`Command`) are decided against it and
its :class:`CampaignState` by :func:`handle`, which returns the new state and the
:class:`Event` records of the audit trail; :func:`replay` folds a log back into the state.
The workflow core (:class:`Workflow`, :class:`Case`, :func:`advance`) declares other
workflows the same way (:mod:`fulian_core.nominations.catalog`).
"""

from fulian_core.calendars import CHINA_STANDARD_TIME, china_date
from fulian_core.nominations.campaign import (
    Campaign,
    Category,
    Channel,
    DayCounting,
    NoticeRule,
    NoticeStart,
    Phase,
    PhaseKind,
    Quota,
    QuotaKind,
    Step,
    StepKind,
)
from fulian_core.nominations.catalog import (
    CIVILIZED_POST_WORKFLOW,
    PUBLIC_PLEDGE_WORKFLOW,
    is_recheck_overdue,
    recheck_due,
)
from fulian_core.nominations.commands import Command, Submission
from fulian_core.nominations.dossier import Dossier, DossierRule, MediaItem, MediaKind, MediaRule, account_length
from fulian_core.nominations.events import Event
from fulian_core.nominations.lifecycle import NOMINATION_WORKFLOW, decide, handle, replay, start
from fulian_core.nominations.notices import NoticeEntry, NoticeView, notice_view
from fulian_core.nominations.selection import (
    SelectionWeights,
    Standing,
    TieBreak,
    VoteScale,
    VoteScoring,
    allocate_quota,
    committee_scores,
    rank_nominees,
)
from fulian_core.nominations.state import (
    CampaignState,
    DossierVersion,
    Nomination,
    NominationStatus,
    Notice,
    Objection,
    ObjectionStatus,
    Review,
    Stage,
    Title,
)
from fulian_core.nominations.statistics import (
    CampaignStatistics,
    Counts,
    QuotaShortfall,
    campaign_statistics,
    quota_shortfalls,
)
from fulian_core.nominations.voting import (
    Ballot,
    BallotFault,
    BallotRules,
    RejectedBallot,
    VoteScope,
    VoteTally,
    tally_votes,
)
from fulian_core.nominations.workflow import (
    Act,
    Actor,
    Case,
    CaseEvent,
    Role,
    State,
    Transition,
    Workflow,
    advance,
    replay_case,
)

__all__ = [
    "CHINA_STANDARD_TIME",
    "CIVILIZED_POST_WORKFLOW",
    "NOMINATION_WORKFLOW",
    "PUBLIC_PLEDGE_WORKFLOW",
    "Act",
    "Actor",
    "Ballot",
    "BallotFault",
    "BallotRules",
    "Campaign",
    "CampaignState",
    "CampaignStatistics",
    "Case",
    "CaseEvent",
    "Category",
    "Channel",
    "Command",
    "Counts",
    "DayCounting",
    "Dossier",
    "DossierRule",
    "DossierVersion",
    "Event",
    "MediaItem",
    "MediaKind",
    "MediaRule",
    "Nomination",
    "NominationStatus",
    "Notice",
    "NoticeEntry",
    "NoticeRule",
    "NoticeStart",
    "NoticeView",
    "Objection",
    "ObjectionStatus",
    "Phase",
    "PhaseKind",
    "Quota",
    "QuotaKind",
    "QuotaShortfall",
    "RejectedBallot",
    "Review",
    "Role",
    "SelectionWeights",
    "Stage",
    "Standing",
    "State",
    "Step",
    "StepKind",
    "Submission",
    "TieBreak",
    "Title",
    "Transition",
    "VoteScale",
    "VoteScope",
    "VoteScoring",
    "VoteTally",
    "Workflow",
    "account_length",
    "advance",
    "allocate_quota",
    "campaign_statistics",
    "china_date",
    "committee_scores",
    "decide",
    "handle",
    "is_recheck_overdue",
    "notice_view",
    "quota_shortfalls",
    "rank_nominees",
    "recheck_due",
    "replay",
    "replay_case",
    "start",
    "tally_votes",
]
