"""Project tasks: set up the environment, run the worked example, the tests, the benchmarks.

Usage (from a fresh clone, with only Python 3.10+):

    python3 scripts/dev.py example     # the worked example
    python3 scripts/dev.py test        # ruff, mypy --strict, docs build, pytest + hypothesis + coverage floor
    python3 scripts/dev.py docs        # the documentation site, into docs/_build/html
    python3 scripts/dev.py bench       # benchmarks (outside the test suite); add --quick
    python3 scripts/dev.py deep        # the test suite under the deep hypothesis profile
    python3 scripts/dev.py fuzz        # atheris on the text parsers, then the deep stateful runs
    python3 scripts/dev.py test-lowest # the pytest suite on the lowest supported versions and Python
    python3 scripts/dev.py test-newest # the pytest suite on the newest releases of the dependencies
    python3 scripts/dev.py lock        # re-pin constraints.txt to the newest versions

Each task creates ``.venv`` on first use and refreshes it whenever ``pyproject.toml``,
``constraints.txt`` or ``requirements/`` change, installing the package (editable) with its
user extras and the project's own tools (``requirements/dev.txt``), at the versions pinned in
``constraints.txt``. ``test-lowest`` and ``test-newest`` build ``.venv-lowest`` and
``.venv-newest`` instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".fulian-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# Written by scripts/lowest.py from pyproject.toml: the oldest Python and the user extras.
LOWEST = ROOT / "constraints-lowest.txt"
REQUIREMENTS = ROOT / "requirements"


def _header(key: str) -> str:
    """A ``# key: value`` line of constraints-lowest.txt (pyproject.toml can only be read with
    tomllib, which Python 3.10 lacks)."""
    for line in LOWEST.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"# {key}: "):
            return line.split(": ", 1)[1]
    raise SystemExit(f"{LOWEST.name} has no '# {key}:' line: regenerate it with scripts/lowest.py")


def _package() -> str:
    """The package, editable, with every user extra (the suite tests them all)."""
    return f"{ROOT}[{_header('extras')}]"


def _fingerprint(*names: str, python: str = sys.version) -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", *names, *sorted(path.name for path in REQUIREMENTS.glob("*.txt"))):
        path = ROOT / name if (ROOT / name).exists() else REQUIREMENTS / name
        digest.update(path.read_bytes())
    digest.update(python.encode())
    return digest.hexdigest()


def _pip(python: Path) -> list[str]:
    return [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]


def ensure_environment() -> None:
    """Create or refresh ``.venv`` with the pinned dev dependencies and the package (editable)."""
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = _fingerprint("constraints.txt", "constraints-lowest.txt")
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("installing pinned dependencies (constraints.txt)", flush=True)
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    install = ["install", "-e", _package(), "-r", str(REQUIREMENTS / "dev.txt")]
    subprocess.run([*_pip(PYTHON), *install], check=True, cwd=ROOT, env=env)
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
    pip = _pip(PYTHON)
    tools = ["-r", str(REQUIREMENTS / "dev.txt"), "-r", str(REQUIREMENTS / "bench.txt"), "hatchling"]
    subprocess.run([*pip, "install", "-U", "-e", _package(), *tools], check=True, cwd=ROOT)
    frozen = subprocess.run(
        [*pip, "freeze", "--exclude-editable"], check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    header = "".join(
        line + "\n" for line in (ROOT / "constraints.txt").read_text().splitlines() if line.startswith("#")
    )
    lines = [line for line in frozen.splitlines() if line and not line.startswith("fulian")]
    (ROOT / "constraints.txt").write_text(header + "\n".join(lines) + "\n")
    run("python", "scripts/lowest.py")


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


def _lowest_python(version: str) -> str:
    """An interpreter of the oldest supported Python: ``FULIAN_LOWEST_PYTHON``, ``pythonX.Y`` on
    the PATH or a pyenv installation; else, with a warning, the one running this script."""
    explicit = os.environ.get("FULIAN_LOWEST_PYTHON")
    if explicit:
        return explicit
    candidates = [
        shutil.which(f"python{version}"),
        *sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python3")),
    ]
    for candidate in filter(None, candidates):
        # A pyenv shim is on the PATH even where that version is not selected: ask it.
        asked = [str(candidate), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
        answer = subprocess.run(asked, capture_output=True, text=True, check=False)
        if answer.returncode == 0 and answer.stdout.strip() == version:
            return str(candidate)
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"warning: no Python {version} found (set FULIAN_LOWEST_PYTHON); using Python {running}", flush=True)
    return sys.executable


def _suite_environment(name: str, python: str, install: Sequence[str], *, fingerprint: str | None) -> Path:
    """Create ``.venv-<name>`` with *python* and pip-install *install* into it, unless its
    *fingerprint* (None: always install) is the one it was built for."""
    where = ROOT / f".venv-{name}"
    interpreter = where / BIN.name / PYTHON.name
    stamp = where / ".fulian-stamp"
    if fingerprint is not None and stamp.exists() and stamp.read_text() == fingerprint and interpreter.exists():
        return interpreter
    print(f"creating {where} with {python}", flush=True)
    subprocess.run([python, "-m", "venv", "--clear", str(where)], check=True, cwd=ROOT)
    subprocess.run([*_pip(interpreter), "install", *install], check=True, cwd=ROOT)
    if fingerprint is not None:
        stamp.write_text(fingerprint)
    return interpreter


def _run_suite(interpreter: Path, *watched: str) -> None:
    """The test command's pytest part (no coverage: its floor belongs to the main run)."""
    listed = subprocess.run(
        # Without -q, which silences pip list.
        [str(interpreter), "-m", "pip", "--disable-pip-version-check", "list", "--format=freeze"],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    print("versions:", *(line for line in listed if line.lower().split("==")[0] in watched), flush=True)
    completed = subprocess.run(
        [str(interpreter), "-m", "pytest", "-q", "-n", "auto", "-p", "no:cacheprovider"], cwd=ROOT, check=False
    )
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def _declared() -> tuple[str, ...]:
    """The names pinned to their lower bounds in constraints-lowest.txt (runtime and extras)."""
    lines = LOWEST.read_text(encoding="utf-8").split("# Everything else", 1)[0].splitlines()
    return tuple(line.split("==")[0].lower() for line in lines if line and not line.startswith("#"))


def task_test_lowest() -> None:
    """The suite on the declared lower bounds of the dependencies (constraints-lowest.txt,
    from pyproject.toml by scripts/lowest.py), on the oldest supported Python."""
    python = _lowest_python(_header("python"))
    install = ["-c", str(LOWEST), "-e", _package(), "-r", str(REQUIREMENTS / "test.txt")]
    fingerprint = _fingerprint("constraints-lowest.txt", python=python)
    _run_suite(_suite_environment("lowest", python, install, fingerprint=fingerprint), *_declared())


def task_test_newest() -> None:
    """The suite on the newest releases of the runtime dependencies and user extras (what a
    user installs today), with the test tooling pinned."""
    tools = {
        line.split(">=")[0].strip().lower()
        for line in (REQUIREMENTS / "test.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    pins = [
        line
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and line.split("==")[0].lower() in tools
    ]
    with tempfile.TemporaryDirectory() as scratch:
        constraints = Path(scratch) / "tools.txt"
        constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
        install = ["--upgrade", "--upgrade-strategy", "eager", "-c", str(constraints), "-e", _package()]
        install += ["-r", str(REQUIREMENTS / "test.txt")]
        interpreter = _suite_environment("newest", sys.executable, install, fingerprint=None)
    _run_suite(interpreter, *_declared())


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
    subprocess.run([*_pip(PYTHON), "install", "-r", str(REQUIREMENTS / "fuzz.txt")], check=True, cwd=ROOT, env=env)
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
    # live in requirements/bench.txt: installed here, pinned like everything else, never in the core.
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")}
    subprocess.run([*_pip(PYTHON), "install", "-r", str(REQUIREMENTS / "bench.txt")], check=True, cwd=ROOT, env=env)
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
    "test-lowest": task_test_lowest,
    "test-newest": task_test_newest,
}
# Tasks that build their own environments rather than .venv.
OWN_ENVIRONMENT = {"test-lowest", "test-newest"}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] not in OWN_ENVIRONMENT:
        ensure_environment()
    TASKS[sys.argv[1]]()


if __name__ == "__main__":
    main()
