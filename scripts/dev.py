"""Project tasks: set up the environment, run the worked example, the tests, the benchmarks.

Usage (from a fresh clone, with only Python 3.10+):

    python3 scripts/dev.py example     # the worked example
    python3 scripts/dev.py test        # ruff, mypy --strict, docs build, pytest + hypothesis + coverage floor
    python3 scripts/dev.py docs        # the documentation site, into docs/_build/html
    python3 scripts/dev.py bench       # benchmarks (outside the test suite); add --quick
    python3 scripts/dev.py deep        # the test suite under the deep hypothesis profile
    python3 scripts/dev.py fuzz        # atheris on the text parsers, then the deep stateful runs
    python3 scripts/dev.py lock        # re-pin constraints.txt to the newest versions

Each task creates ``.venv`` on first use and refreshes it whenever ``pyproject.toml`` or
``constraints.txt`` change, installing the pinned versions from ``constraints.txt``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".fulian-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create or refresh ``.venv`` with the pinned dev dependencies and the package (editable)."""
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = _fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("installing pinned dependencies (constraints.txt)", flush=True)
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True, cwd=ROOT, env=env)
    STAMP.write_text(fingerprint)


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    completed = subprocess.run([str(BIN / args[0]), *args[1:]], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def task_lock() -> None:
    """Re-resolve the newest versions and rewrite constraints.txt (review the diff).

    Run it with Python 3.10, the oldest supported, so that every pin also installs there.
    """
    if sys.version_info[:2] != (3, 10):
        print("warning: lock with Python 3.10 so that every pin installs on all supported versions")
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-U", "-e", f"{ROOT}[dev,bench]", "hatchling"], check=True, cwd=ROOT)
    frozen = subprocess.run(
        [*pip, "freeze", "--exclude-editable"], check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    header = "".join(
        line + "\n" for line in (ROOT / "constraints.txt").read_text().splitlines() if line.startswith("#")
    )
    lines = [line for line in frozen.splitlines() if line and not line.startswith("fulian")]
    (ROOT / "constraints.txt").write_text(header + "\n".join(lines) + "\n")


def task_example() -> None:
    run("python", "docs/examples/worked_example.py")


def task_docs() -> None:
    """Build the site from scratch (-E: no cached environment hides a page's warnings), with
    every warning an error; the planning notebook is executed as part of the build."""
    run("sphinx-build", "-E", "-W", "--keep-going", "-q", "-b", "html", "docs", "docs/_build/html")
    print(f"docs built: {ROOT / 'docs' / '_build' / 'html' / 'index.html'}", flush=True)


def task_test() -> None:
    run("ruff", "check", ".")
    run("ruff", "format", "--check", ".")
    run("mypy")
    task_docs()
    run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-n",
        "auto",
        "--cov",
        "--cov-branch",
        "--cov-report=term",
        "--cov-fail-under=95",
    )


def task_scale() -> None:
    """The slow checks at scale: 1,000,000 scored records on Dask's multi-process scheduler
    equal the single-process answer (a few minutes at most)."""
    run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-cov", "-m", "slow", "tests")


def task_deep() -> None:
    os.environ["FULIAN_HYPOTHESIS_PROFILE"] = "deep"
    run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")


FUZZ_TARGETS = (
    "quantity",
    "period_code",
    "period_label",
    "division_code",
    "resident_id",
    "mobile",
    "find_figures",
    "threshold",
)
STATEFUL_RUNS = (
    "tests/nominations/test_stateful.py",
    "tests/credit/test_shop_machine.py::TestShop",
    "tests/hardening/test_plaque_machine.py",
    "tests/rectification/test_stateful.py",
)


def task_fuzz() -> None:
    """Fuzz every text parser with atheris for a bounded time (``--seconds``, default 30 each),
    keeping any crash as a regression input, then run the stateful machines deep."""
    seconds = int(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 30
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev,fuzz]"], check=True, cwd=ROOT, env=env)
    crashed = []
    with tempfile.TemporaryDirectory() as scratch:
        for target in FUZZ_TARGETS:
            corpus = Path(scratch) / target
            shutil.copytree(ROOT / "fuzz" / "corpus" / target, corpus)
            artifacts = Path(scratch) / f"artifacts-{target}"
            artifacts.mkdir()
            completed = subprocess.run(
                [
                    str(PYTHON),
                    "fuzz/fuzz_parsers.py",
                    target,
                    str(corpus),
                    f"-max_total_time={seconds}",
                    "-print_final_stats=1",
                    f"-artifact_prefix={artifacts}/",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            runs = next(
                (line.split()[-1] for line in completed.stderr.splitlines() if "number_of_executed_units" in line), "?"
            )
            print(f"fuzz {target}: {runs} inputs in {seconds} s, exit {completed.returncode}", flush=True)
            for crash in artifacts.iterdir():
                kept = ROOT / "fuzz" / "corpus" / target / crash.name
                shutil.copy(crash, kept)
                crashed.append(str(kept.relative_to(ROOT)))
    if crashed:
        print("crashes kept as regression inputs (the test suite reads them):", *crashed, sep="\n  ")
        sys.exit(1)
    os.environ["FULIAN_HYPOTHESIS_PROFILE"] = "deep"
    run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-cov", *STATEFUL_RUNS)


def task_bench() -> None:
    # The contenders (numpy, pandas, pydantic, python-statemachine, rule-engine, transitions)
    # live in the bench extra: installed here, pinned like everything else, never in the core.
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev,bench]"], check=True, cwd=ROOT, env=env)
    run("python", "benchmarks/run.py", *sys.argv[2:])


TASKS = {
    "example": task_example,
    "test": task_test,
    "docs": task_docs,
    "deep": task_deep,
    "scale": task_scale,
    "bench": task_bench,
    "fuzz": task_fuzz,
    "lock": task_lock,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        sys.exit(2)
    ensure_environment()
    TASKS[sys.argv[1]]()


if __name__ == "__main__":
    main()
