"""Benchmarks: fulian_core side by side with a plain baseline, in one process, as ratios.

Usage::

    python3 scripts/dev.py bench            # full size (700,000 villages)
    python3 scripts/dev.py bench --quick    # small size, for a quick look

Each scenario generates its data from a fixed seed, runs the library and each contender on
the same data, alternating them over several rounds, checks that they give the same answer
(a benchmark that compares different answers is void), and reports the median time, the
median of the per-round ratios and their spread. It prints a table and one JSON line per
scenario and contender. Absolute times on a shared machine are noise; the ratio is the result.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import scoring
import serialization
import workflow

import criteria
from fulian_core import Level, OrgTree, Period, Quantity
from fulian_core.courtyard import Inspection, standing, standings
from fulian_core.courtyard.catalog import FOUR_ROOMS_RUBRIC, TIER_CODES
from fulian_core.indicators import (
    Dataset,
    DataValue,
    HouseholdRecord,
    Indicator,
    IndicatorSet,
    RollupResult,
    rollup_table,
    tally,
)
from fulian_core.quantities import Unit
from fulian_core.rules import SheetPlan, Standing, compile_sheet

_PARENT_LENGTH = {4: 2, 6: 4, 9: 6, 12: 9}


def make_divisions(villages: int) -> dict[str, str]:
    """12-digit division codes and names: about *villages* villages and every unit above them."""
    codes: dict[str, str] = {}
    per_township = 15
    townships = max(1, villages // per_township)
    made = 0
    province = 11
    while True:
        codes[f"{province:02d}".ljust(12, "0")] = f"省{province}"
        for city in range(1, 11):
            city_code = f"{province:02d}{city:02d}"
            codes[city_code.ljust(12, "0")] = f"市{city_code}"
            for county in range(1, 11):
                county_code = f"{city_code}{county:02d}"
                codes[county_code.ljust(12, "0")] = f"县{county_code}"
                for township in range(1, 16):
                    township_code = f"{county_code}{township:03d}"
                    codes[township_code.ljust(12, "0")] = f"镇{township_code}"
                    for village in range(1, per_township + 1):
                        codes[f"{township_code}{200 + village:03d}"] = f"村{township_code}{200 + village:03d}"
                    made += 1
                    if made >= townships:
                        return codes
        province += 1


def _shuffled(codes: dict[str, str], seed: int) -> dict[str, str]:
    items = list(codes.items())
    random.Random(seed).shuffle(items)
    return dict(items)


def library_hierarchy(divisions: dict[str, str], villages: list[str]) -> list[str]:
    tree = OrgTree.from_division_codes(divisions)
    return ["" if county is None else county.code for county in tree.ancestors_at(villages, Level.COUNTY)]


def _significant(code: str) -> str:
    for keep, tail in ((2, "0000000000"), (4, "00000000"), (6, "000000"), (9, "000")):
        if code.endswith(tail):
            return code[:keep]
    return code


def baseline_hierarchy(divisions: dict[str, str], villages: list[str]) -> list[str]:
    """What a user writes by hand: significant codes, a dict of parents, a walk up."""
    names = {_significant(code): name for code, name in divisions.items()}
    parent: dict[str, str | None] = {}
    for code in names:
        length = _PARENT_LENGTH.get(len(code))
        parent[code] = code[:length] if length is not None and code[:length] in names else None
    result: list[str] = []
    for code in villages:
        current: str | None = code
        while current is not None and len(current) != 6:
            current = parent[current]
        result.append(current or "")
    return result


def baseline_index(divisions: dict[str, str]) -> tuple[dict[str, str], dict[str, str | None]]:
    """What the baseline keeps to answer: names and parents by significant code."""
    names = {_significant(code): name for code, name in divisions.items()}
    parent: dict[str, str | None] = {}
    for code in names:
        length = _PARENT_LENGTH.get(len(code))
        parent[code] = code[:length] if length is not None and code[:length] in names else None
    return names, parent


def retained(build: Callable[[], Any]) -> int:
    """Bytes still allocated (tracemalloc) while what *build* returns is held."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = build()
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return size


def library_tree(divisions: dict[str, str], villages: list[str]) -> OrgTree:
    """The tree after resolving every village's county (its cache of units included)."""
    tree = OrgTree.from_division_codes(divisions)
    tree.ancestors_at(villages, Level.COUNTY)
    return tree


YEAR = Period.year(2024)


def make_dataset(divisions: dict[str, str], seed: int) -> Dataset:
    """One reported figure a village (sessions held in 2024), on the tree of *divisions*."""
    rng = random.Random(seed)
    tree = OrgTree.from_division_codes(divisions)
    indicators = IndicatorSet([Indicator("sessions", "志愿服务场次", Unit.SESSION)])
    values = [
        DataValue("sessions", code, YEAR, Quantity(Decimal(rng.randrange(1, 200)), Unit.SESSION))
        for code in divisions
        if not code.endswith("000")
    ]
    return Dataset(indicators, tree, values)


def library_dataset_rollup(dataset: Dataset) -> dict[str, tuple[int, int]]:
    """Every county's total and number of villages reporting, as one rollup table."""
    counties = [unit.code for unit in dataset.tree.units_at(Level.COUNTY)]
    table = rollup_table(dataset, ["sessions"], counties, YEAR, level=Level.VILLAGE)
    result: dict[str, tuple[int, int]] = {}
    for code, (cell,) in zip(table.units, table.cells, strict=True):
        assert isinstance(cell, RollupResult)  # a count, not a ratio
        assert isinstance(cell.value, Quantity)  # every village reported
        result[code] = (int(cell.value.value or 0), cell.coverage.reported)
    return result


def baseline_dataset_rollup(pairs: list[tuple[str, Decimal]]) -> dict[str, tuple[int, int]]:
    """What a user writes by hand: sum each village's figure into its county's prefix."""
    totals: dict[str, list[Decimal | int]] = {}
    for village, value in pairs:
        row = totals.get(village[:6])
        if row is None:
            totals[village[:6]] = [value, 1]
        else:
            row[0] += value
            row[1] += 1
    return {code: (int(total), int(count)) for code, (total, count) in totals.items()}


def make_households(count: int, seed: int, villages: list[str]) -> list[HouseholdRecord]:
    """Household records spread over *villages* (tier as a band code, money raised, sessions joined)."""
    rng = random.Random(seed)
    return [
        HouseholdRecord(
            f"h{n}",
            villages[rng.randrange(len(villages))],
            TIER_CODES[rng.randrange(4)],
            Decimal(rng.randrange(0, 5000)),
            rng.randrange(12),
        )
        for n in range(count)
    ]


def library_scoring(plan: SheetPlan, inspections: list[Inspection]) -> Callable[[], list[Standing]]:
    """The quick total and band of every inspection (courtyard.standing), the plan compiled once."""
    return lambda: [standing(plan, inspection) for inspection in inspections]


def library_batch_scoring(plan: SheetPlan, inspections: list[Inspection]) -> Callable[[], list[Standing]]:
    """The same answers as a batch (courtyard.standings): the compiled plan looped over them all."""
    return lambda: standings(plan, inspections)


Row = tuple[int, int, int, tuple[int, ...]]


def library_rollup(records: list[HouseholdRecord], tree: OrgTree) -> dict[str, Row]:
    totals = tally(records)
    result: dict[str, Row] = {}
    for level in (Level.COUNTY, Level.CITY):
        for code, unit in totals.totals(tree, level).items():
            # by_tier holds the band codes the records use, in code order: read them in tier order.
            by_tier = dict(unit.by_tier)
            result[code] = (
                unit.households,
                int(unit.money),
                unit.sessions,
                tuple(by_tier.get(t, 0) for t in TIER_CODES),
            )
    return result


def baseline_rollup(records: list[HouseholdRecord]) -> dict[str, Row]:
    """What a user writes by hand: Counters by village, then prefixes of the division code."""
    households: Counter[str] = Counter()
    money: Counter[str] = Counter()
    sessions: Counter[str] = Counter()
    tiers: Counter[tuple[str, str]] = Counter()
    for record in records:
        households[record.village] += 1
        money[record.village] += int(record.money)
        sessions[record.village] += record.sessions
        tiers[(record.village, record.tier)] += 1
    result: dict[str, list[int]] = {}
    for village, count in households.items():
        for code in (village[:6], village[:4]):
            row = result.setdefault(code, [0, 0, 0, 0, 0, 0, 0])
            row[0] += count
            row[1] += money[village]
            row[2] += sessions[village]
            for index, tier in enumerate(TIER_CODES):
                row[3 + index] += tiers[(village, tier)]
    return {code: (row[0], row[1], row[2], tuple(row[3:])) for code, row in result.items()}


def pandas_rollup(records: list[HouseholdRecord], _tree: OrgTree) -> Callable[[], dict[str, Row]]:
    """The same rows with a pandas groupby (the frame is built outside the timing)."""
    pandas: Any = importlib.import_module("pandas")
    tiers = list(TIER_CODES)
    frame = pandas.DataFrame(
        {
            "village": [record.village for record in records],
            "tier": pandas.Categorical([record.tier for record in records], categories=tiers),
            "money": [int(record.money) for record in records],
            "sessions": [record.sessions for record in records],
        }
    )

    def run() -> dict[str, Row]:
        result: dict[str, Row] = {}
        for width in (6, 4):
            key = frame["village"].str.slice(0, width)
            sums = frame.groupby(key)[["money", "sessions"]].sum()
            counts = frame.groupby([key, "tier"], observed=False).size().unstack(fill_value=0)[tiers]
            for code, money, sessions, *by_tier in zip(
                sums.index, sums["money"], sums["sessions"], *(counts[t] for t in tiers), strict=True
            ):
                result[code] = (int(sum(by_tier)), int(money), int(sessions), tuple(int(n) for n in by_tier))
        return result

    return run


# The clock measure() reads: the wall clock by default; --clock cpu reads the process's CPU
# time, steadier on a machine other jobs share (every contender runs in this one process).
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def measure(
    name: str,
    size: int,
    contenders: dict[str, Callable[[], Any]],
    rounds: int,
    normalize: dict[str, Callable[[Any], Any]] | None = None,
) -> list[dict[str, Any]]:
    """Time the contenders alternately; their answers, normalized outside the timing, must agree."""
    reference = "fulian_core"
    same = normalize or {}
    answers = {label: same.get(label, lambda answer: answer)(run()) for label, run in contenders.items()}
    for label, answer in answers.items():
        if answer != answers[reference]:
            raise SystemExit(f"{name}: {label} disagrees with fulian_core; the benchmark is void")
    print(f"measuring {name} (n={size:,}, {rounds} rounds, answers agree)", file=sys.stderr, flush=True)
    times: dict[str, list[float]] = {label: [] for label in contenders}
    for round_index in range(rounds):
        order = list(contenders) if round_index % 2 == 0 else list(reversed(contenders))
        for label in order:
            gc.collect()
            started = clock()
            contenders[label]()
            times[label].append(clock() - started)
    rows = []
    library = times[reference]
    for label, samples in times.items():
        ratios = [lib / other for lib, other in zip(library, samples, strict=True)]
        rows.append(
            {
                "scenario": name,
                "n": size,
                "contender": label,
                "median_seconds": round(statistics.median(samples), 6),
                "ratio_to_library": round(statistics.median(ratios), 3),
                "ratio_spread": [round(min(ratios), 3), round(max(ratios), 3)],
                "throughput_per_second": round(size / statistics.median(samples)),
            }
        )
    return rows


def _optional(module: str, make: Callable[[], Callable[[], Any]]) -> Callable[[], Any] | None:
    """A contender from requirements/bench.txt, or None (with a note) when it is not installed."""
    try:
        importlib.import_module(module)
    except ImportError:
        print(f"note: {module} is not installed (pip install -e '.[bench]'); its contender is skipped")
        return None
    return make()


def _contenders(**runs: Callable[[], Any] | None) -> dict[str, Callable[[], Any]]:
    return {label.replace("_", " "): run for label, run in runs.items() if run is not None}


def _scaling_cases(villages: int, seed: int) -> dict[str, tuple[int, Callable[[], Any], Callable[[], Any]]]:
    """Each scaled scenario's size and its library and baseline runs, on *villages* villages."""
    divisions = _shuffled(make_divisions(villages), seed)
    village_codes = [code for code in divisions if not code.endswith("000")]
    dataset = make_dataset(divisions, seed)
    pairs = [(value.unit, value.value.value or Decimal(0)) for value in dataset]
    return {
        "hierarchy": (
            len(village_codes),
            lambda: library_hierarchy(divisions, village_codes),
            lambda: baseline_hierarchy(divisions, village_codes),
        ),
        "dataset rollup": (len(pairs), lambda: library_dataset_rollup(dataset), lambda: baseline_dataset_rollup(pairs)),
    }


def scaling_table(villages: int, rounds: int, seed: int) -> None:
    """CPU time per village at n, 2n, 4n and 8n villages (8n = *villages*): linear work keeps it flat."""
    per_unit: dict[str, float] = {}
    print(
        f"{'scenario':<16} {'n':>9} {'median s':>9} {'µs/unit':>8} {'vs n':>6} {'baseline µs/unit':>17} {'lib/base':>9}"
    )
    for factor in (1, 2, 4, 8):
        cases = _scaling_cases(villages * factor // 8, seed)
        for name, (size, library, baseline) in cases.items():
            times: dict[str, list[float]] = {"library": [], "baseline": []}
            for round_index in range(rounds):
                runs = [("library", library), ("baseline", baseline)]
                for label, run in runs if round_index % 2 == 0 else reversed(runs):
                    # CPU time with the collector off: the machine is shared, and a collection
                    # scans every object the process holds, which would time the heap, not the work.
                    gc.collect()
                    gc.disable()
                    try:
                        started = time.process_time()
                        run()
                        times[label].append(time.process_time() - started)
                    finally:
                        gc.enable()
            median = statistics.median(times["library"])
            unit_time = median / size * 1e6
            first = per_unit.setdefault(name, unit_time)
            ratio = statistics.median(lib / base for lib, base in zip(times["library"], times["baseline"], strict=True))
            base_unit = statistics.median(times["baseline"]) / size * 1e6
            print(
                f"{name:<16} {size:>9,} {median:>9.3f} {unit_time:>8.2f} {unit_time / first:>6.2f} "
                f"{base_unit:>17.2f} {ratio:>9.2f}",
                flush=True,
            )
        del cases


def hierarchy_rows(divisions: dict[str, str], village_codes: list[str], rounds: int) -> list[dict[str, Any]]:
    """The hierarchy scenario's times, and the memory each side retains (tracemalloc)."""
    rows = measure(
        "hierarchy: build from 12-digit codes, resolve every village's county",
        len(village_codes),
        {
            "fulian_core": lambda: library_hierarchy(divisions, village_codes),
            "dict of parents (baseline)": lambda: baseline_hierarchy(divisions, village_codes),
        },
        rounds,
    )
    library_bytes = retained(lambda: library_tree(divisions, village_codes))
    baseline_bytes = retained(lambda: baseline_index(divisions))
    for row in rows:
        row["retained_mib"] = round((library_bytes if row["contender"] == "fulian_core" else baseline_bytes) / 2**20, 1)
        row["memory_ratio_to_library"] = round(library_bytes / baseline_bytes, 3)
    return rows


def dataset_rollup_rows(divisions: dict[str, str], rounds: int, seed: int) -> list[dict[str, Any]]:
    """The national-size rollup over a dataset: one figure a village, to every county."""
    dataset = make_dataset(divisions, seed)
    pairs = [(value.unit, value.value.value or Decimal(0)) for value in dataset]
    return measure(
        "dataset rollup: every village's figure to its county (rollup_table)",
        len(pairs),
        {
            "fulian_core": lambda: library_dataset_rollup(dataset),
            "dict of prefixes (baseline)": lambda: baseline_dataset_rollup(pairs),
        },
        rounds,
    )


def print_rows(rows: list[dict[str, Any]]) -> None:
    """The table, then one JSON line per scenario and contender."""
    print(f"{'scenario':<62} {'contender':<34} {'n':>9} {'median s':>9} {'lib/this':>9}  spread")
    for row in rows:
        spread = f"{row['ratio_spread'][0]}–{row['ratio_spread'][1]}"
        print(
            f"{row['scenario']:<62} {row['contender']:<34} {row['n']:>9} "
            f"{row['median_seconds']:>9.3f} {row['ratio_to_library']:>9.2f}  {spread}"
        )
        if "retained_mib" in row:
            print(
                f"{'':<62} {'  memory retained (MiB), lib/this':<34} {row['retained_mib']:>9} {'':>9} "
                f"{row['memory_ratio_to_library']:>9.2f}"
            )
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


def scoring_scenarios(size: int, seed: int, rounds: int, *, few: int) -> list[dict[str, Any]]:
    """Scoring per call and as a batch against the hand-written scorer (and numpy), then against
    rule-engine on the first *few* inspections."""
    rows: list[dict[str, Any]] = []
    inspections = scoring.make_inspections(size, seed)
    plan = compile_sheet(FOUR_ROOMS_RUBRIC)
    # The exact total (a Decimal equals the contenders' int only when it is that whole
    # number) and the band's code.
    library_answer = {"fulian_core": lambda answer: [(found.total, found.band.code) for found in answer]}
    rows += measure(
        "scoring: total and tier, 24-item rubric",
        len(inspections),
        {
            "fulian_core": library_scoring(plan, inspections),
            "dict-and-loop (baseline)": scoring.baseline_scorer(inspections),
            **_contenders(numpy_vectorized_floor=_optional("numpy", lambda: scoring.numpy_scorer(inspections))),
        },
        rounds,
        normalize=library_answer,
    )
    rows += measure(
        "scoring as a batch: courtyard.standings over every inspection",
        len(inspections),
        {
            "fulian_core": library_batch_scoring(plan, inspections),
            "dict-and-loop (baseline)": scoring.baseline_scorer(inspections),
        },
        rounds,
        normalize=library_answer,
    )
    few_inspections = inspections[:few]
    rule_engine = _optional("rule_engine", lambda: scoring.rule_engine_scorer(few_inspections))
    if rule_engine is not None:
        rows += measure(
            "scoring: the same rubric as rule-engine expressions",
            len(few_inspections),
            {"fulian_core": library_scoring(plan, few_inspections), "rule-engine": rule_engine},
            max(1, rounds - 2),
            normalize=library_answer,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, finishes in under two minutes")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--seed", type=int, default=20241231)
    parser.add_argument("--only", default="", help="comma-separated scenario names (hierarchy, scoring, ...)")
    parser.add_argument(
        "--scaling", action="store_true", help="time per unit at n, 2n, 4n, 8n villages (hierarchy, dataset rollup)"
    )
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="wall", help="wall clock, or CPU time (shared machines)"
    )
    args = parser.parse_args()
    global clock  # noqa: PLW0603 - set once, before anything is measured
    clock = CLOCKS[args.clock]
    quick = args.quick
    if args.scaling:
        scaling_table(50_000 if quick else 700_000, args.rounds or 3, args.seed)
        return
    rounds = args.rounds or (3 if quick else 5)
    wanted = set(filter(None, args.only.split(",")))
    rows: list[dict[str, Any]] = []

    def chosen(name: str) -> bool:
        return not wanted or name in wanted

    villages = 50_000 if quick else 700_000
    divisions = _shuffled(make_divisions(villages), args.seed)
    village_codes = [code for code in divisions if not code.endswith("000")]
    if chosen("hierarchy"):
        rows += hierarchy_rows(divisions, village_codes, rounds)
    if chosen("scoring"):
        rows += scoring_scenarios(100_000 if quick else 1_000_000, args.seed, rounds, few=5_000 if quick else 100_000)
    if chosen("rollup"):
        sampled = village_codes[:5000]
        kept = set(sampled)
        small_tree = OrgTree.from_division_codes(
            {code: name for code, name in divisions.items() if code.endswith("000") or code in kept}
        )
        records = make_households(100_000 if quick else 1_000_000, args.seed, sampled)
        rows += measure(
            "rollup: household records to county and city totals",
            len(records),
            {
                "fulian_core": lambda: library_rollup(records, small_tree),
                "Counter-and-dict (baseline)": lambda: baseline_rollup(records),
                **_contenders(pandas_groupby=_optional("pandas", lambda: pandas_rollup(records, small_tree))),
            },
            rounds,
        )
    if chosen("workflow"):
        campaign, log = workflow.make_log(2_000 if quick else 100_000, args.seed)
        pairs = workflow.flatten(log)
        rows += measure(
            f"workflow: replay a campaign log ({len(log):,} events)",
            len(log),
            {
                "fulian_core": workflow.library_replay(campaign, log),
                **_contenders(
                    python_statemachine=_optional("statemachine", lambda: workflow.statemachine_replay(pairs)),
                    transitions=_optional("transitions", lambda: workflow.transitions_replay(pairs)),
                ),
            },
            max(1, rounds - 2),
        )
    if chosen("serialization"):
        inspections = scoring.make_inspections(5_000 if quick else 100_000, args.seed)
        rows += measure(
            "serialization: inspections to plain data and back",
            len(inspections),
            {
                "fulian_core": serialization.library_round_trip(inspections),
                "hand-written dicts (baseline)": serialization.handwritten_round_trip(inspections),
                **_contenders(
                    pydantic_v2=_optional("pydantic", lambda: serialization.pydantic_round_trip(inspections))
                ),
            },
            rounds,
        )
    if chosen("criteria"):
        evidence = criteria.make_evidence(100_000 if quick else 1_000_000, args.seed)
        rows += measure(
            "criteria: verdicts against a 12-criterion set",
            len(evidence),
            {
                "fulian_core": criteria.library_verdicts(evidence),
                "hand-written evaluator (baseline)": criteria.handwritten_verdicts(evidence),
            },
            rounds,
            normalize={"fulian_core": lambda answer: [(verdict.code, total) for verdict, total in answer]},
        )
    if chosen("dataset-rollup"):
        rows += dataset_rollup_rows(divisions, rounds, args.seed)
    if chosen("batch") and _optional("numpy", lambda: lambda: None) is not None:
        # The batch path (benchmarks/batch.py) needs numpy, from the batch or bench extra.
        batch: Any = importlib.import_module("batch")
        rows += batch.scenarios(
            measure, quick=quick, seed=args.seed, rounds=rounds, divisions=divisions, village_codes=village_codes
        )
    print_rows(rows)


if __name__ == "__main__":
    main()
