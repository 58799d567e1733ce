"""The library stays pure and its dependencies flow one way (checked on the source with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "fulian_core"
FILES = sorted(SRC.rglob("*.py"))
KERNEL = {
    "errors",
    "orgs",
    "periods",
    "schedules",
    "calendars",
    "holidays",
    "quantities",
    "reported",
    "intervals",
    "shares",
    "privacy",
    "serialization",
    "schema",
    "_enums",
    "_persistent",
    "_faults",
    "_fault_codes",
    "_figures",
    "_definitions",
    "_numbers",
    "_unchecked",
    "_display",
    "tabular",
    "rules",
    "workflows",
}
CAPABILITIES = {
    "criteria",
    "nominations",
    "courtyard",
    "indicators",
    "rectification",
    "credit",
    "organisation",
    "mediation",
    "audit",
    "risks",
    "reporting",
}
FORBIDDEN_MODULES = {
    "os",
    "sys",
    "io",
    "pathlib",
    "subprocess",
    "socket",
    "shutil",
    "logging",
    "requests",
    "urllib",
    "http",
    "time",
    "tempfile",
    "glob",
    "threading",
    "asyncio",
}
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval", "breakpoint"}
CLOCK_ATTRIBUTES = {"now", "today", "utcnow"}


def _module_name(path: Path) -> str:
    return ".".join(("fulian_core", *path.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")


def _imports(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "fulian_core":
            # "from fulian_core import _figures" imports a module, not the package root's names.
            found.extend(
                f"fulian_core.{alias.name}" if alias.name.startswith("_") else "fulian_core" for alias in node.names
            )
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SRC)))
def test_no_io_no_clock_no_hidden_randomness(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in _imports(tree):
        assert name.split(".")[0] not in FORBIDDEN_MODULES, f"{path.name} imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            # The two exceptions write code as attrs generates __init__: rules/_program.py a
            # sheet's evaluator, from a validated sheet; _unchecked.py a builder from a class's
            # own field names.
            allowed = {"exec"} if path.relative_to(SRC).as_posix() in {"rules/_program.py", "_unchecked.py"} else set()
            assert node.func.id not in FORBIDDEN_CALLS - allowed, f"{path.name} calls {node.func.id}()"
        if isinstance(node, ast.ImportFrom) and node.module == "random":
            assert [alias.name for alias in node.names] == ["Random"], f"{path.name} imports from random"
        if isinstance(node, ast.Attribute):
            assert node.attr not in CLOCK_ATTRIBUTES, f"{path.name} reads the clock ({node.attr})"
            if isinstance(node.value, ast.Name) and node.value.id == "random":
                # Only a generator seeded by the caller: never the module's shared, unseeded one.
                assert node.attr == "Random", f"{path.name} uses random.{node.attr}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SRC)))
def test_dependencies_flow_one_way(path: Path) -> None:
    module = _module_name(path)
    parts = module.split(".")
    imported = [
        name for name in _imports(ast.parse(path.read_text(encoding="utf-8"))) if name.startswith("fulian_core")
    ]
    if len(parts) > 1 and parts[1] == "testing":
        return  # testing may import everything
    for name in imported:
        target = name.split(".")
        assert len(target) < 2 or target[1] != "testing", f"{module} imports {name}: nothing imports testing"
        if len(parts) > 1 and parts[1] in KERNEL and len(target) > 1:
            assert target[1] not in CAPABILITIES, f"kernel module {module} imports capability {name}"
        if len(parts) > 1 and parts[1] in KERNEL:
            assert name != "fulian_core", f"kernel module {module} imports the package root"


# Which capabilities each capability may import (STYLE.md: nominations may use criteria;
# indicators may read the results of courtyard, nominations and rectification; rectification
# turns courtyard score cards into problems; credit turns courtyard results and awards into entries;
# indicators count the organisation's contact duties and mediation cases; audit words its
# findings in the indicators' vocabulary: FindingKind, Operator; a round of reports carries
# indicator values and hands them to the indicators' rollups).
MAY_USE = {
    "criteria": set(),
    "courtyard": {"criteria"},
    "nominations": {"criteria"},
    "rectification": {"courtyard"},
    "indicators": {"courtyard", "nominations", "rectification", "credit", "organisation", "mediation", "risks"},
    "credit": {"courtyard", "nominations"},
    "organisation": set(),
    "mediation": set(),
    "risks": set(),
    "audit": {"indicators"},
    "reporting": {"indicators"},
}


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SRC)))
def test_capabilities_depend_only_as_allowed(path: Path) -> None:
    parts = _module_name(path).split(".")
    if len(parts) < 2 or parts[1] not in CAPABILITIES:
        return
    for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        target = name.split(".")
        if len(target) > 1 and target[1] in CAPABILITIES and target[1] != parts[1]:
            assert target[1] in MAY_USE[parts[1]], f"{'.'.join(parts)} imports {name}"


def test_the_kernel_is_all_there() -> None:
    present = {path.stem for path in SRC.glob("*.py")} | {path.parent.name for path in SRC.glob("*/__init__.py")}
    assert present - {"__init__"} - CAPABILITIES - {"testing"} == KERNEL


def _calls(tree: ast.AST, name: str) -> int:
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    )


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SRC)))
def test_only_the_engine_refuses_a_transition(path: Path) -> None:
    """One engine: the workflow core lives in the kernel (fulian_core.workflows), and it alone
    words a refusal; capabilities declare guards and never raise TransitionRefused themselves."""
    module = _module_name(path)
    if module.startswith("fulian_core.workflows") or module == "fulian_core.errors":
        return
    assert _calls(ast.parse(path.read_text(encoding="utf-8")), "TransitionRefused") == 0, (
        f"{module} raises TransitionRefused: declare a Guard and let the engine run it"
    )


def test_each_workflow_is_one_declaration() -> None:
    """No capability defines a state machine of its own: every class or function that builds
    transitions does so through fulian_core.workflows.Transition, and every shipped workflow
    is a module-level Workflow value (drawn in docs/workflows.md, tests/docs)."""
    for path in FILES:
        module = _module_name(path)
        if module.startswith("fulian_core.workflows"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
        assert not defined & {"Workflow", "Transition", "State", "Case", "Act"}, f"{module} defines {defined}"
