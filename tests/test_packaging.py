"""The package installs on what it declares, and its metadata can be trusted (issue 16)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

import fulian_core

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10, where pytest brings tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# The tools of the project's own work: in requirements/, never published as extras.
CONTRIBUTOR_ONLY = {"dev", "test", "docs", "bench", "fuzz"}


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_scripts_{name}", ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lowest = _script("lowest")


def test_the_lowest_constraints_are_what_the_script_derives_from_pyproject() -> None:
    committed = (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8")
    derived = lowest.render(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), (ROOT / "constraints.txt").read_text(encoding="utf-8")
    )
    assert committed == derived, "constraints-lowest.txt is out of date: run python scripts/lowest.py"


def test_the_lowest_constraints_pin_each_declared_dependency_to_its_bound() -> None:
    text = (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8")
    assert "# python: 3.10\n" in text
    extras = ",".join(sorted(PROJECT["optional-dependencies"]))
    assert f"# extras: {extras}" in text
    lowered = ("attrs==23.1\n", "cattrs==24.1\n", "python-dateutil==2.8.2\n", "hypothesis==6.100\n", "dask==2024.1\n")
    for pin in (*lowered, "pandas==2.2.2\n"):
        assert pin in text
    # Each package once (per environment marker): the tooling's pins never repeat a lowered one.
    pins = [line for line in text.splitlines() if line and not line.startswith("#")]
    keys = [(pin.split("==")[0].lower(), pin.partition(";")[2]) for pin in pins]
    assert len(keys) == len(set(keys))


def test_a_dependency_without_a_lower_bound_is_refused() -> None:
    pyproject = '[project]\nrequires-python = ">=3.10"\ndependencies = ["attrs"]\n'
    with pytest.raises(SystemExit, match=r"^pyproject.toml: attrs needs exactly one lower bound, written >=X$"):
        lowest.render(pyproject, "")


def test_a_pinned_dependency_is_refused() -> None:
    pyproject = '[project]\nrequires-python = ">=3.10"\ndependencies = ["attrs>=23.1,==23.2"]\n'
    with pytest.raises(SystemExit, match="needs exactly one lower bound"):
        lowest.render(pyproject, "")


def test_the_oldest_python_comes_from_requires_python() -> None:
    assert lowest.oldest_python(">=3.10") == "3.10"
    assert lowest.oldest_python(">=3.12.1,<4") == "3.12"


def test_ci_runs_the_lowest_and_the_newest_after_the_pinned_suite() -> None:
    steps = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("python3 ")]
    assert steps[0] == "python3 scripts/dev.py test"
    assert steps.index("python3 scripts/dev.py test-lowest") < steps.index("python3 scripts/dev.py test-newest")
    dev = _script("dev")
    assert {"test-lowest", "test-newest"} <= set(dev.TASKS)
    assert dev._header("python") == lowest.oldest_python(PROJECT["requires-python"])


def test_one_source_for_the_version() -> None:
    assert "version" not in PROJECT
    assert PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/fulian_core/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", fulian_core.__version__)
    assert importlib.metadata.version("fulian_core") == fulian_core.__version__


def test_the_declared_licence_is_shipped() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n\nCopyright (c) ")


def test_the_classifiers_name_the_tested_pythons() -> None:
    pythons = [
        classifier.rsplit(" ", 1)[1]
        for classifier in PROJECT["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", classifier)
    ]
    oldest = lowest.oldest_python(PROJECT["requires-python"])
    assert pythons[0] == oldest
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in pythons
    assert all(tuple(map(int, python.split("."))) >= tuple(map(int, oldest.split("."))) for python in pythons)


# What the summary calls each package of the library (a new package must be added here, and
# to the summary).
SUMMARY_TERMS = {
    "audit": "report audits",
    "mediation": "mediation",
    "courtyard": "courtyard inspections",
    "credit": "credit schemes",
    "criteria": "evaluation criteria",
    "indicators": "indicators",
    "nominations": "nominations",
    "organisation": "committees and their elections",
    "rectification": "rectification",
    "risks": "family risk registers",
    "reporting": "reports approved up the hierarchy",
    "rules": "rule sheets",
    "workflows": "workflows",
    "testing": None,  # strategies for test suites: not a subject of the domain
}


def test_the_summary_covers_the_whole_library() -> None:
    packages = {path.parent.name for path in (ROOT / "src" / "fulian_core").glob("*/__init__.py")}
    assert packages == set(SUMMARY_TERMS)
    summary = PROJECT["description"]
    missing = [term for term in SUMMARY_TERMS.values() if term is not None and term not in summary]
    assert missing == []
    for kernel in ("hierarchy", "periods", "reported figures", "shares", "personal data"):
        assert kernel in summary


def test_only_user_extras_are_published_and_each_is_documented() -> None:
    extras = set(PROJECT["optional-dependencies"])
    assert extras.isdisjoint(CONTRIBUTOR_ONLY)
    documented = "\n".join(path.read_text(encoding="utf-8") for path in [ROOT / "README.md", *ROOT.glob("docs/*.md")])
    assert [extra for extra in sorted(extras) if f"fulian_core[{extra}]" not in documented] == []
    for name in CONTRIBUTOR_ONLY - {"test"}:
        assert (ROOT / "requirements" / f"{name}.txt").exists()


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    pytest.importorskip("hatchling", reason="the build backend (requirements/test.txt)")
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(  # noqa: S603 - our own build
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (archive,) = out.glob("*.tar.gz")
    with tarfile.open(archive) as opened:
        return [name.split("/", 1)[1] for name in opened.getnames() if "/" in name]


def test_the_sdist_has_the_sources_and_the_licence_but_not_the_docs_font(sdist: list[str]) -> None:
    assert {"LICENSE", "pyproject.toml", "README.md", "src/fulian_core/__init__.py"} <= set(sdist)
    assert "src/_fulian_core_hypothesis/__init__.py" in sdist
    assert [name for name in sdist if name.lower().endswith((".otf", ".ttf", ".woff", ".woff2"))] == []
    assert [name for name in sdist if name.startswith(("docs/_build", "docs/jupyter_execute", ".venv"))] == []


def test_getting_started_puts_users_first_then_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    started = readme.split("\n## Getting started\n", 1)[1].split("\n## ", 1)[0]
    users, contributors = started.split("\n### Work on fulian_core\n")
    assert users.startswith("\n### Use it in your project\n")
    assert "pip install /path/to/fulian_core " in users
    assert ">>> from fulian_core import" in users
    commands = [line.split("#")[0].strip() for line in contributors.splitlines() if line.startswith("python3 ")]
    assert commands == ["python3 scripts/dev.py example", "python3 scripts/dev.py test"]
    guide = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert guide.index("pip install /path/to/fulian_core") < guide.index("python3 scripts/dev.py example")
