"""The same inputs (and the same caller-supplied seed) give byte-identical serialized outputs,
whatever the process's hash seed: sets and dicts never leak their iteration order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(arguments: list[str], hash_seed: str) -> bytes:
    # This checkout's src first: the code under test, not whichever fulian_core is installed.
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.run(  # noqa: S603 - our own interpreter on our own files
        [sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, check=True, timeout=300
    ).stdout


@pytest.mark.parametrize(
    "arguments",
    [["-m", "tests.hardening.determinism_sample"], ["docs/examples/worked_example.py"]],
    ids=["serialized sample", "worked example"],
)
def test_outputs_are_byte_identical_across_hash_seeds(arguments: list[str]) -> None:
    first = _run(arguments, "0")
    assert first
    assert _run(arguments, "4242") == first
    assert _run(arguments, "random") == first
