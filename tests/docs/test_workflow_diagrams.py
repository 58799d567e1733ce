"""Every workflow the library ships is declared on the one engine and drawn in the docs from
its own declaration."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import fulian_core
from fulian_core.workflows import Workflow

DOCS = Path(__file__).resolve().parents[2] / "docs"


def shipped_workflows() -> dict[str, Workflow[object]]:
    """Every module-level Workflow of the package, by its code."""
    found: dict[str, Workflow[object]] = {}
    for _, name, _ in pkgutil.walk_packages(fulian_core.__path__, "fulian_core."):
        if name.startswith("fulian_core.testing"):
            continue
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, Workflow):
                found.setdefault(value.code, value)
    return found


def test_the_library_ships_its_workflows_on_the_engine() -> None:
    assert set(shipped_workflows()) >= {
        "nomination",
        "notice",
        "civilized_post",
        "public_pledge",
        "plaque",
        "rectification",
    }


def test_the_workflows_page_draws_every_shipped_workflow_from_its_declaration() -> None:
    page = (DOCS / "workflows.md").read_text(encoding="utf-8")
    drawn = {block.strip() for block in re.findall(r"```\{mermaid\}\n(.*?)```", page, flags=re.DOTALL)}
    missing = [code for code, workflow in shipped_workflows().items() if workflow.to_mermaid() not in drawn]
    assert not missing, f"docs/workflows.md lacks an up-to-date diagram of {missing}: paste workflow.to_mermaid()"
