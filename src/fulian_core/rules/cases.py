"""Rule test cases as data (规则测试用例): a county keeps its rule and its expected results side
by side, and checks one against the other.

A :class:`RuleCase` is a date, the facts, and what the rule must give for them: the total,
the band, the verdict, the lines as written. :func:`check_case` evaluates the case and lists
every :class:`Mismatch` (none when the rule gives what the case expects). Cases travel as
plain data (JSON), and the ``fulian_core`` pytest plugin (installed with the library; pytest
finds it through its ``pytest11`` entry point) collects files named ``*.rulecases.json`` and
runs each case as a test::

    {
      "sheet": "fulian_core.courtyard.catalog:FOUR_GOALS_RUBRIC",
      "cases": [
        {"name": "只查了两项", "on": "2024-05-31",
         "facts": {"yard_litter": {"kind": "found", "count": 0}, "toilet_clean": "met"},
         "expect": {"total": "20", "band": "none", "best_band": "boutique"}}
      ]
    }

>>> import datetime as dt
>>> from fulian_core.rules import Expectation, Fact, RuleCase, check_case
>>> from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as national
>>> case = RuleCase("一票否决", dt.date(2024, 5, 1), {"vice": Fact.met()}, Expectation(band="eligible"))
>>> [str(mismatch) for mismatch in check_case(national, case)]
["band: expected 'eligible', got 'not_eligible'"]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core._numbers import format_number
from fulian_core.errors import Fault, ValidationError
from fulian_core.rules.evaluation import Evaluation, Verdict
from fulian_core.rules.facts import Fact, Subject, freeze_facts
from fulian_core.rules.plan import SheetPlan, compile_sheet
from fulian_core.rules.sheet import RuleSheet

__all__ = ["Expectation", "Mismatch", "RuleCase", "check_case"]


def _lines(value: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise ValidationError.single("lines", "a mapping of item codes to the lines expected", value)
    faults = [
        Fault(f"lines[{code!r}]", "an item code and the line expected, both text", line)
        for code, line in value.items()
        if not (isinstance(code, str) and isinstance(line, str))
    ]
    if faults:
        raise ValidationError(faults)
    return dict(value)


@attrs.frozen
class Expectation:
    """What a case expects (预期结果); anything left ``None`` (or out of ``lines``) is not
    checked. ``band`` and ``best_band`` are band codes; ``lines`` maps item codes to the line
    as written (:attr:`~fulian_core.rules.Line.detail`)."""

    total: Decimal | None = None
    best_total: Decimal | None = None
    band: str | None = None
    best_band: str | None = None
    verdict: Verdict | None = None
    lines: Mapping[str, str] = attrs.field(factory=dict, converter=_lines, hash=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for name in ("total", "best_total"):
            value = getattr(self, name)
            finite = isinstance(value, Decimal) and value.is_finite()
            number = finite or (isinstance(value, int) and not isinstance(value, bool))
            shown = str(value) if isinstance(value, Decimal) else type(value).__name__
            faults.check(value is None or number, name, "a finite number (int or Decimal) or None", shown)
        for name in ("band", "best_band"):
            value = getattr(self, name)
            faults.check(value is None or isinstance(value, str), name, "a band code or None", type(value).__name__)
        faults.check(
            self.verdict is None or isinstance(self.verdict, Verdict),
            "verdict",
            "a Verdict or None",
            type(self.verdict).__name__,
        )
        faults.raise_if_any()


def _facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    return freeze_facts(value)


@attrs.frozen
class RuleCase:
    """One test case of a rule (测试用例): its name, the date, the facts, what it expects, and
    optionally the subject (by default one of the kind the sheet judges)."""

    name: str
    on: dt.date
    facts: Mapping[str, Fact] = attrs.field(converter=_facts, hash=False)
    expect: Expectation
    subject: Subject | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.name, str) and bool(self.name.strip()), "name", "the case's name", self.name)
        faults.check(isinstance(self.on, dt.date) and not isinstance(self.on, dt.datetime), "on", "a date", self.on)
        faults.check(isinstance(self.expect, Expectation), "expect", "an Expectation", self.expect)
        faults.check(self.subject is None or isinstance(self.subject, Subject), "subject", "a Subject", self.subject)
        faults.raise_if_any()


@attrs.frozen
class Mismatch:
    """Where a rule gives something other than its case expects (不符): ``what`` differs (a
    field such as ``band``, or ``lines['code']``), what the case ``expected`` and what the rule
    gave (``got``), as text."""

    what: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.what}: expected {self.expected}, got {self.got}"


def check_case(sheet: RuleSheet | SheetPlan, case: RuleCase) -> tuple[Mismatch, ...]:
    """Evaluate *case* against *sheet* and list every difference from what it expects. A case
    whose facts the sheet refuses is itself a mismatch (``evaluation``), with the refusal."""
    check_type(sheet, (RuleSheet, SheetPlan), "sheet")
    check_type(case, RuleCase, "case")
    plan = sheet if isinstance(sheet, SheetPlan) else compile_sheet(sheet)
    subject = case.subject or Subject(case.name, kind=min(plan.sheet.subjects, key=lambda kind: kind.ordinal))
    try:
        result = plan.evaluate(case.facts, on=case.on, subject=subject)
    except ValidationError as error:
        return (Mismatch("evaluation", "a result", str(error)),)
    return tuple(_differences(case.expect, result))


def _differences(expect: Expectation, result: Evaluation) -> list[Mismatch]:
    found: list[Mismatch] = []
    pairs: list[tuple[str, object, object]] = [
        ("total", expect.total, result.total),
        ("best_total", expect.best_total, result.best_total),
        ("band", expect.band, result.band.code),
        ("best_band", expect.best_band, result.best_band.code),
        ("verdict", expect.verdict, result.verdict),
    ]
    for what, wanted, got in pairs:
        if wanted is not None and wanted != got:
            found.append(Mismatch(what, _shown(wanted), _shown(got)))
    codes = {line.item: line for line in result.lines}
    for code, wanted_line in expect.lines.items():
        line = codes.get(code)
        got_line = line.detail if line is not None else "no such item"
        if got_line != wanted_line:
            found.append(Mismatch(f"lines[{code!r}]", repr(wanted_line), repr(got_line)))
    return found


def _shown(value: object) -> str:
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, Verdict):
        return f"{value.code} ({value.label})"
    return repr(value)
