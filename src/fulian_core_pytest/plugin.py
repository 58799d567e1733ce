"""Collect ``*.rulecases.json`` files and run every rule case in them as a test.

A file names its sheet and lists its cases::

    {"sheet": "mycounty.rules:STAR_HOUSEHOLD_2025", "cases": [{"name": …, "on": …, "facts": …, "expect": …}]}

``sheet`` is either ``"module:NAME"`` (a sheet importable from the suite's path), the path of
a JSON file holding the sheet as plain data (relative to the case file), or the sheet's plain
data itself. A failing case reports every difference, then the evaluation as the rule gave
it. Nothing of fulian_core is imported until such a file is found.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from fulian_core.rules import Mismatch, RuleCase, RuleSheet

SUFFIX = ".rulecases.json"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """Collect rule case files."""
    if file_path.name.endswith(SUFFIX):
        return RuleCaseFile.from_parent(parent, path=file_path)
    return None


class RuleCaseError(Exception):
    """A rule case file that cannot be read (its path, sheet or cases)."""


class RuleCaseFile(pytest.File):
    """A file of rule cases."""

    def collect(self) -> Iterator[pytest.Item]:
        from fulian_core import ValidationError, structure  # noqa: PLC0415 - only when a case file is found
        from fulian_core.rules import RuleCase  # noqa: PLC0415

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise RuleCaseError(f"{self.path}: not a readable JSON file ({error})") from None
        if not isinstance(data, dict) or set(data) != {"sheet", "cases"}:
            raise RuleCaseError(f"{self.path}: expected an object with 'sheet' and 'cases'")
        sheet = _sheet(data["sheet"], self.path)
        try:
            cases = structure(data["cases"], list[RuleCase])
        except ValidationError as error:
            raise RuleCaseError(f"{self.path}: cases{_indented(error)}") from None
        for case in cases:
            yield RuleCaseItem.from_parent(self, name=case.name, case=case, sheet=sheet)


class RuleCaseItem(pytest.Item):
    """One rule case, run as a test."""

    def __init__(self, *, case: RuleCase, sheet: RuleSheet, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.sheet = sheet

    def runtest(self) -> None:
        from fulian_core.rules import check_case  # noqa: PLC0415

        mismatches = check_case(self.sheet, self.case)
        if mismatches:
            raise RuleCaseFailure(mismatches)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Every difference, then the evaluation as the rule gave it."""
        if not isinstance(excinfo.value, RuleCaseFailure):
            return str(super().repr_failure(excinfo, style))
        from fulian_core import ValidationError  # noqa: PLC0415
        from fulian_core.rules import Subject, evaluate  # noqa: PLC0415

        lines = [f"rule case {self.name!r} of {self.sheet.ref}:"]
        lines.extend(f"  {mismatch}" for mismatch in excinfo.value.mismatches)
        kind = min(self.sheet.subjects, key=lambda found: found.ordinal)
        try:
            subject = self.case.subject or Subject(self.case.name, kind=kind)
            result = evaluate(self.sheet, self.case.facts, on=self.case.on, subject=subject)
        except ValidationError:
            return "\n".join(lines)
        lines.append("the rule gave:")
        lines.extend(f"  {line}" for line in result.render().splitlines())
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"rule case: {self.name}"


class RuleCaseFailure(Exception):  # noqa: N818 - a test's failure, reported by repr_failure, not an error
    """The rule gave something else than the case expects."""

    def __init__(self, mismatches: tuple[Mismatch, ...]) -> None:
        super().__init__("\n".join(str(mismatch) for mismatch in mismatches))
        self.mismatches = mismatches


def _sheet(reference: object, case_file: Path) -> RuleSheet:
    from fulian_core import ValidationError, structure  # noqa: PLC0415
    from fulian_core.rules import RuleSheet  # noqa: PLC0415

    if isinstance(reference, dict):
        data: object = reference
    elif isinstance(reference, str) and reference.endswith(".json"):
        try:
            data = json.loads((case_file.parent / reference).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise RuleCaseError(f"{case_file}: sheet {reference!r} is not a readable JSON file ({error})") from None
    elif isinstance(reference, str) and ":" in reference:
        module_name, _, name = reference.partition(":")
        try:
            found = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError) as error:
            raise RuleCaseError(f"{case_file}: sheet {reference!r} cannot be imported ({error})") from None
        if not isinstance(found, RuleSheet):
            raise RuleCaseError(f"{case_file}: sheet {reference!r} is not a RuleSheet")
        return found
    else:
        raise RuleCaseError(f"{case_file}: sheet: expected 'module:NAME', a JSON file's path or the sheet itself")
    try:
        return structure(data, RuleSheet)
    except ValidationError as error:
        raise RuleCaseError(f"{case_file}: sheet{_indented(error)}") from None


def _indented(error: Exception) -> str:
    return "".join(f"\n  {line}" for line in str(error).splitlines())
