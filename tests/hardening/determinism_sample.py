"""Prints serialized outputs of a sample of the library's work, for the determinism test."""

from __future__ import annotations

import datetime as dt
import json
import random

from fulian_core import unstructure
from fulian_core.courtyard import InspectionKind, PlaquePolicy, plaque_history
from fulian_core.nominations import Command, campaign_statistics, notice_view, tally_votes
from fulian_core.orgs import Level
from tests.courtyard.test_plaques import FAIR, GOOD, POOR, VETO, card
from tests.nominations.fixtures import CLERK, Run, at
from tests.nominations.test_selection import RULES, ballot


def main() -> None:
    run = Run()
    run.to_shortlist([1, 2, 3])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ["n-1", "n-2", "n-3"]))
    out = {
        "log": unstructure(run.log),
        "nominations": [unstructure(n) for n in run.state.nominations()],
        "notice": unstructure(notice_view(run.campaign, run.state, "notice-1")),
        "stats": unstructure(campaign_statistics(run.campaign, run.state, Level.VILLAGE).total),
        "campaign": unstructure(run.campaign),
        "tally": unstructure(
            tally_votes(RULES, [ballot(1, "v1", 2, 9, "n1"), ballot(2, "v2", 2, 9, "n2")], nominees={"n2", "n1"}).counts
        ),
    }
    rng = random.Random(7)
    kinds = sorted(InspectionKind, key=lambda kind: kind.code)
    cards = [
        card(f"2024-05-{day:02d}", rng.choice(kinds), rng.choice([GOOD, FAIR, POOR, VETO]), day) for day in range(1, 29)
    ]
    out["cards"] = [unstructure(c) for c in rng.sample(cards, 10)]
    out["plaques"] = unstructure(plaque_history(cards, PlaquePolicy(), until=dt.date(2024, 12, 31)))
    print(json.dumps(out, ensure_ascii=False, sort_keys=False))  # noqa: T201 - the output is what the test compares


if __name__ == "__main__":
    main()
