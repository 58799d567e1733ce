"""A documented run at scale: generated household columns scored and rolled up on Dask.

Every column is a ``dask.array`` generated from a seed *inside the workers*, block by block
(no process ever holds all the records): village, money (分), sessions, and one level per item
of the illustrative FOUR_GOALS_RUBRIC, about one row in a thousand with an item not yet
looked at (those rows go through the per-object path). ``dask_tally_columns`` scores each
block, tallies it, and merges the partial tallies exactly; the script then rolls the tally up
to the county and prints the time and the peak memory of the whole process tree.

Usage::

    nice python benchmarks/dask_50m.py --records 50_000_000 --partitions 50 --workers 2
    nice python benchmarks/dask_50m.py --records 1_000_000 --check   # also checks one process agrees

With ``--address tcp://host:8786`` it runs on a ``dask.distributed`` cluster instead (the
same call; ``dask_tally_columns`` takes the client's scheduler when ``scheduler`` is None).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import os
import platform
import threading
import time
from typing import Any

import numpy as np

from fulian_core import Level, OrgTree
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.indicators import HouseholdTally, dask_tally_columns, scored_tiers, tally_columns
from fulian_core.rules import ItemKind

DAY = dt.date(2024, 6, 1)


def divisions(villages: int) -> dict[str, str]:
    """One county of *villages* villages, 20 to a township."""
    codes = {"371082000000": "荣成市"}
    for number in range(villages):
        township = f"371082{100 + number // 20:03d}"
        codes[f"{township}000"] = f"镇{township}"
        codes[f"{township}{200 + number % 20:03d}"] = f"村{number}"
    return codes


def columns(da: Any, rows: int, chunk: int, seed: int, villages: int) -> dict[str, Any]:
    """The columns as lazy dask arrays, each block generated in a worker from the seed."""
    rng = da.random.default_rng(seed)
    found: dict[str, Any] = {
        "villages": rng.integers(0, villages, rows, chunks=chunk, dtype=np.int32),
        "money": rng.integers(0, 500_00, rows, chunks=chunk, dtype=np.int64),
        "sessions": rng.integers(0, 12, rows, chunks=chunk, dtype=np.int16),
    }
    for item in FOUR_GOALS_RUBRIC.items:
        if item.ratings:
            levels = rng.integers(0, len(item.ratings), rows, chunks=chunk, dtype=np.int8)
            # About one row in a thousand: this item not yet looked at (待核实, level −2).
            levels = da.where(rng.random(rows, chunks=chunk) < 0.00025, np.int8(-2), levels)
        elif item.kind is ItemKind.DEDUCTION:
            levels = rng.integers(0, 4, rows, chunks=chunk, dtype=np.int8)
        elif item.kind is ItemKind.OVERRIDE:
            levels = (rng.random(rows, chunks=chunk) < 0.02).astype(np.int8)
        else:
            levels = rng.integers(0, int(item.points) + 1, rows, chunks=chunk, dtype=np.int8)
        found[item.code] = levels
    return found


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (run on each worker of a cluster)."""
    import resource  # noqa: PLC0415 - on the worker

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


class PeakMemory:
    """The largest resident memory of this process and its children, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        psutil: Any = importlib.import_module("psutil")
        me = psutil.Process(os.getpid())
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=lambda text: int(text.replace("_", "")), default=50_000_000)
    parser.add_argument("--partitions", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--villages", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=20241231)
    parser.add_argument("--address", default="", help="a dask.distributed scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--check", action="store_true", help="also tally in this one process and compare")
    args = parser.parse_args()
    da: Any = importlib.import_module("dask.array")
    dask: Any = importlib.import_module("dask")
    tree = OrgTree.from_division_codes(divisions(args.villages))
    units = sorted(unit.code for unit in tree.units_at(Level.VILLAGE))
    chunk = -(-args.records // args.partitions)
    data = columns(da, args.records, chunk, args.seed, len(units))
    scheduler: str | None = "processes"
    client: Any = None
    workers = args.workers
    if args.address:
        distributed: Any = importlib.import_module("distributed")
        client = distributed.Client(args.address)
        scheduler = None
        workers = len(client.scheduler_info()["workers"])
    with PeakMemory() as memory, dask.config.set(num_workers=args.workers):
        started = time.perf_counter()
        tallied = dask_tally_columns(data, units=units, sheet=FOUR_GOALS_RUBRIC, on=DAY, scheduler=scheduler)
        county = tallied.totals(tree, Level.COUNTY)["371082"]
        seconds = time.perf_counter() - started
    peak, where = memory.peak, "all processes"
    if client is not None:
        # The cluster's workers are not this process's children: add each one's own peak.
        peak += sum(client.run(_peak_rss).values())
        where = "this process and every worker's peak"
    print(
        f"{args.records:,} records in {args.partitions} partitions on {workers} worker processes"
        f"{' of a dask.distributed cluster' if client is not None else ''}: "
        f"{seconds:.1f} s, peak memory {peak / 2**20:,.0f} MiB ({where}); "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {dt.date.today().isoformat()}"  # noqa: DTZ011 - the date of the run, for the record
    )
    print(
        f"county: {county.households:,} households, {county.money} 元, {county.sessions:,} sessions, {county.by_tier}"
    )
    if args.check:
        computed = dask.compute(data, scheduler="threads")[0]
        tiers = scored_tiers(FOUR_GOALS_RUBRIC, computed, on=DAY)
        single = tally_columns(
            units,
            computed["villages"],
            tiers,
            tier_codes=[band.code for band in FOUR_GOALS_RUBRIC.bands],
            money=computed["money"],
            sessions=computed["sessions"],
        )
        assert isinstance(single, HouseholdTally)
        print("one process agrees:", single == tallied)


if __name__ == "__main__":
    main()
