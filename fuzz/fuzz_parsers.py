"""Coverage-guided fuzzing of the text parsers with atheris (outside the test suite).

Usage (through the project's task runner, which installs requirements/fuzz.txt)::

    python3 scripts/dev.py fuzz                 # every parser, 30 s each, then the deep stateful runs
    python3 scripts/dev.py fuzz --seconds 300   # longer

or one parser directly: ``python fuzz/fuzz_parsers.py quantity <corpus dir> -max_total_time=60``.

Each target reads the fuzzer's bytes as UTF-8 text and hands it to one parser; a value or the
library's ValidationError is fine, anything else is a crash, saved by libFuzzer as a
``crash-*`` file. Every crash found becomes a regression input in ``fuzz/corpus/<target>/``,
which the test suite reads (tests/hardening/test_text_fuzz.py).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

import atheris

from fulian_core import (
    MobileNumber,
    Period,
    Quantity,
    ResidentId,
    ValidationError,
    find_figures,
    normalize_division_code,
)
from fulian_core.rules import Threshold


def _figures(text: str) -> object:
    return list(find_figures(text))


TARGETS: dict[str, Callable[[str], Any]] = {
    "quantity": Quantity.parse,
    "period_code": Period.from_code,
    "period_label": Period.from_label,
    "division_code": normalize_division_code,
    "resident_id": ResidentId,
    "mobile": MobileNumber,
    "find_figures": _figures,
    "threshold": Threshold.parse,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz_parsers.py {{{','.join(TARGETS)}}} [corpus dir] [libFuzzer options]")
    parser = TARGETS[sys.argv[1]]

    def one_input(data: bytes) -> None:
        # UTF-8, so that mutations of the seed corpus (real figures, codes, labels) stay close to
        # what forms send; undecodable bytes become U+FFFD.
        text = data.decode("utf-8", "replace")
        with contextlib.suppress(ValidationError):
            parser(text)

    # Instrument every loaded function (the library's modules are loaded by now) for coverage.
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *sys.argv[2:]], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
