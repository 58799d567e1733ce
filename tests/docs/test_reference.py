"""The reference cannot drift: the glossary names every public type and enum member with its
Chinese label, the API reference documents every public name, every Python example in the
docs runs, and the notebook is committed without outputs."""

from __future__ import annotations

import code
import enum
import importlib
import json
import re
import types
from pathlib import Path

import pytest

from tests.test_public_api import PUBLIC_MODULES as SUBMODULES
from tests.test_public_api import is_class as _is_class

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PUBLIC_MODULES = ["fulian_core", *SUBMODULES]


def public_objects() -> dict[str, object]:
    """Every public name of every public module, by the object it names (one entry per object)."""
    found: dict[int, tuple[str, object]] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            found.setdefault(id(value), (f"{module_name}.{name}", value))
    return dict(found.values())


def public_types() -> list[type]:
    return sorted(
        (value for value in public_objects().values() if _is_class(value)),
        key=lambda cls: (cls.__module__, cls.__qualname__),
    )


def public_enums() -> list[type[enum.Enum]]:
    return [cls for cls in public_types() if issubclass(cls, enum.Enum)]


def glossary_rows() -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for line in (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("|") and not line.startswith("| ---")
    ]


def identifiers(cell: str) -> set[str]:
    """Every dotted name written in backticks in a cell, with each of its dotted parts."""
    names = set()
    for written in re.findall(r"`([^`]+)`", cell):
        token = written.split("(")[0].strip()
        parts = token.split(".")
        names.add(token)
        names.update(parts)
        names.update(".".join(parts[index:]) for index in range(len(parts)))
    return names


def enum_row(member: enum.Enum) -> str:
    english = str(member.value).replace("_", " ")
    return f"| {member.label} | {english} | `{type(member).__name__}.{member.name}` | `{member.value}` |"  # type: ignore[attr-defined]


def test_the_glossary_names_every_public_type() -> None:
    named = set().union(*(identifiers(row[2]) for row in glossary_rows() if len(row) >= 3))
    missing = [f"{cls.__module__}.{cls.__qualname__}" for cls in public_types() if cls.__name__ not in named]
    assert not missing, "add a glossary row (中文 | English | `identifier`) for: " + ", ".join(missing)


def test_the_glossary_gives_every_enum_member_with_its_chinese_label() -> None:
    rows = {row[2]: row for row in glossary_rows() if len(row) >= 4}
    wrong = []
    for cls in public_enums():
        for member in cls:
            row = rows.get(f"`{cls.__name__}.{member.name}`")
            if row is None or row[0] != member.label or row[3] != f"`{member.value}`":  # type: ignore[attr-defined]
                wrong.append(enum_row(member))
    assert not wrong, "glossary rows missing or out of date (paste and write the English):\n" + "\n".join(wrong)


def documented_names() -> set[str]:
    """Public names the API reference's automodule directives cover."""
    covered: set[str] = set()
    for page in (DOCS / "api").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for module_name, options in re.findall(r"\.\. automodule:: (\S+)\n((?:   :[^\n]*\n)*)", text):
            module = importlib.import_module(module_name)
            members = re.search(r":members:(.*)", options)
            assert members is not None, f"{page.name}: automodule {module_name} without :members:"
            listed = [name.strip() for name in members.group(1).split(",") if name.strip()]
            for name in listed or module.__all__:
                assert name in module.__all__, f"{page.name}: {module_name}.{name} is not public"
                covered.add(f"{module_name}.{name}")
                covered.add(str(id(getattr(module, name))))
    return covered


def test_the_api_reference_documents_every_public_name() -> None:
    covered = documented_names()
    missing = [name for name, value in public_objects().items() if str(id(value)) not in covered]
    assert not missing, "not in docs/api/*.md: " + ", ".join(sorted(missing))


PAGES = sorted([*DOCS.glob("*.md"), ROOT / "README.md"])
FENCE = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_python_example_runs_as_a_doctest(page: Path) -> None:
    """A ``python`` block must be a ``>>>`` session, which pytest's doctest runs; shell
    blocks (``sh``) are commands for the reader, and nothing else is allowed."""
    for language, body in FENCE.findall(page.read_text(encoding="utf-8")):
        assert language in {"python", "sh", "text", "json", "{toctree}", "{include}", "{eval-rst}", "{mermaid}"}, (
            page.name,
            language,
        )
        if language == "python":
            assert body.lstrip().startswith(">>> "), f"{page.name}: a python block that is not a doctest:\n{body}"


def test_the_notebook_is_committed_clean() -> None:
    notebook = json.loads((DOCS / "notebooks" / "planning.ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)


class _SyntaxOnlyConsole(code.InteractiveConsole):
    """A classic REPL that compiles what is pasted but runs nothing, and remembers syntax errors."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def runcode(self, code: types.CodeType) -> None:
        pass

    def showsyntaxerror(self, filename: str | None = None, **kwargs: object) -> None:
        self.errors.append(self.buffer[-1] if self.buffer else "?")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_python_example_pastes_into_a_plain_repl(page: Path) -> None:
    """The copy button copies a block's ``>>>`` and ``...`` lines without prompts; pasted into
    the classic REPL, a compound statement needs a blank line before the next statement (a
    bare ``...`` in the page), or the paste is a syntax error."""
    for language, body in FENCE.findall(page.read_text(encoding="utf-8")):
        if language != "python":
            continue
        console = _SyntaxOnlyConsole()
        more = False
        for line in body.splitlines():
            if line.startswith((">>> ", "... ")) or line in {">>>", "..."}:
                more = console.push(line[4:])
        if more:
            console.push("")
        assert not console.errors, f"{page.name}: pasting this block fails at {console.errors}:\n{body}"


def test_the_testing_guide_lists_every_strategy_and_law() -> None:
    from fulian_core import testing
    from fulian_core.testing import laws

    guide = (DOCS / "testing.md").read_text(encoding="utf-8")
    missing = [name for name in [*testing.__all__, *laws.__all__] if f"`{name}(" not in guide]
    assert not missing, "docs/testing.md does not show: " + ", ".join(missing)
