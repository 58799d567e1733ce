"""Timing for the tests that check how work grows with its input (n against 8n).

One process times both sizes. The clock is the process's CPU time, not the wall clock: on a
shared 2-core machine (and under ``pytest -n 2``) other processes take the CPU away for long
stretches, which the wall clock would charge to the work. The collector is off while timing:
in a long test session its passes scan every object the session holds, which would time the
session, not the work."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_time(work: Callable[[], object], *, rounds: int = 5) -> float:
    """The best CPU time of *rounds* runs of *work*, in seconds (at least 10 µs)."""
    gc.collect()
    gc.disable()
    try:
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return max(best, 1e-5)
