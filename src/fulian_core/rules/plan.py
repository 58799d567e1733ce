"""A rule sheet compiled once (评定方案): the explained :class:`Evaluation` and the short
:class:`Standing` for bulk work, both read from the one compiled evaluator.

>>> import datetime as dt
>>> from fulian_core.rules import Fact, Subject, compile_sheet
>>> from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as national
>>> plan = compile_sheet(national)
>>> facts = {code: Fact.met() for code in national.codes[:5]} | {code: Fact.not_met() for code in national.codes[5:]}
>>> plan.standing(facts, on=dt.date(2024, 5, 1)).verdict.label
'符合评选条件'
>>> plan.evaluate(facts, on=dt.date(2024, 5, 1), subject=Subject("f-1", "张秀梅")).band.label
'符合评选条件'
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from fulian_core import _numbers
from fulian_core._numbers import format_number
from fulian_core.errors import ValidationError
from fulian_core.rules import _program
from fulian_core.rules._program import Program, compile_program, places_of
from fulian_core.rules._validate import check_facts
from fulian_core.rules.evaluation import Evaluation, Grade, GroupTotal, Line, Outcome, Standing
from fulian_core.rules.facts import Fact, FactKind, Subject, SubjectKind, _FrozenFacts, freeze_facts
from fulian_core.rules.sheet import Band, ItemKind, OverrideEffect, PrerequisiteKind, RuleSheet
from fulian_core.rules.thresholds import Boundary, Threshold

__all__ = ["SheetPlan", "compile_sheet", "evaluate"]

_ZERO: Final = Decimal(0)
_STATEMENTS: Final = (ItemKind.REQUIREMENT, ItemKind.CONDITION, ItemKind.OVERRIDE)


class SheetPlan:
    """A sheet compiled once for evaluating many subjects (评定方案); build it with
    :func:`compile_sheet`."""

    __slots__ = ("_finer", "_kind", "_program", "_run", "sheet")

    def __init__(self, sheet: RuleSheet) -> None:
        if not isinstance(sheet, RuleSheet):
            raise ValidationError.single("sheet", "a RuleSheet", sheet)
        self.sheet = sheet
        self._program = compile_program(sheet)
        self._finer: dict[int, Program] = {}
        self._run = self._program.run
        self._kind = next(iter(sheet.subjects)) if len(sheet.subjects) == 1 else None

    def __repr__(self) -> str:
        return f"<SheetPlan {self.sheet.ref}: {len(self.sheet.items)} items>"

    # -- answers -----------------------------------------------------------------------------

    def standing(self, facts: Mapping[str, Fact], *, on: dt.date, kind: SubjectKind | None = None) -> Standing:
        """The certain total and band, and the best still possible, of *facts* on *on*: the
        same answer as :meth:`evaluate` (and the same refusals), for scoring millions."""
        if type(facts) is not _FrozenFacts:
            facts = freeze_facts(facts)
        if kind is None:
            kind = self._kind or self._subject_kind(None, "kind")
        elif type(kind) is not SubjectKind or (kind is not self._kind and kind not in self.sheet.subjects):
            self._subject_kind(kind, "kind")
        found = self._run(facts, on, kind)
        if found is None:
            found = self._refused(facts, on, kind).run(facts, on, kind)
            if found is None:  # pragma: no cover - _refused only returns a program that reads them
                raise ValidationError.single("facts", f"facts {self.sheet.ref} can score", sorted(facts))
        return found

    def standings(
        self, subjects: Iterable[tuple[Mapping[str, Fact], dt.date]], *, kind: SubjectKind | None = None
    ) -> list[Standing]:
        """The standings of many subjects at once (批量快速评定), each from its facts on its
        day: in order, the answers :meth:`standing` gives each, with no call per subject. A
        refusal names the subject by its position (``[3].facts``)."""
        if kind is None:
            kind = self._kind or self._subject_kind(None, "kind")
        elif type(kind) is not SubjectKind or (kind is not self._kind and kind not in self.sheet.subjects):
            self._subject_kind(kind, "kind")
        if isinstance(subjects, (str, bytes, Mapping)) or not isinstance(subjects, Iterable):
            raise ValidationError.single("subjects", "pairs of facts and a day", type(subjects).__name__)
        rows = list(subjects)
        try:
            found, refused = self._program.runs(rows, kind)
        except (TypeError, ValueError):
            _refuse_shapes(rows)
            raise  # pragma: no cover - only a row that is not a pair stops the loop
        for index, facts, on in refused:
            found[index] = self._standing_at(index, facts, on, kind)
        return found  # type: ignore[return-value] # every None replaced above

    def _standing_at(self, index: int, facts: Mapping[str, Fact], on: dt.date, kind: SubjectKind) -> Standing:
        try:
            return self.standing(facts, on=on, kind=kind)
        except ValidationError as error:
            raise error.under(f"[{index}]") from None

    def evaluate(self, facts: Mapping[str, Fact], *, on: dt.date, subject: Subject, reference: str = "") -> Evaluation:
        """The explained evaluation of *subject* on *on* from *facts* (评定). The sheet must be in
        force on that date and judge that kind of subject; every fact must name an item and fit
        it, or a :class:`~fulian_core.errors.ValidationError` names every fault by its path."""
        facts = freeze_facts(facts)
        day = self.sheet.check_in_force(on)
        if not isinstance(subject, Subject):
            raise ValidationError.single("subject", "a Subject", subject)
        self._subject_kind(subject.kind, "subject.kind")
        program = self._program
        record = program.record(facts, day, subject.kind)
        if record is None:
            program = self._refused(facts, day, subject.kind)
            record = program.record(facts, day, subject.kind)
            if record is None:  # pragma: no cover - _refused only returns a program that reads them
                raise ValidationError.single("facts", f"facts {self.sheet.ref} can score", sorted(facts))
        return _Explained(program, record, facts).evaluation(day, subject, reference)

    def check(self, facts: Mapping[str, Fact], *, on: dt.date, kind: SubjectKind | None = None) -> None:
        """Refuse facts the sheet does not allow, naming every fault (never clipped)."""
        check_facts(self.sheet, freeze_facts(facts), on, kind=kind)

    # -- helpers -----------------------------------------------------------------------------

    def _subject_kind(self, kind: SubjectKind | None, path: str) -> SubjectKind:
        if kind is None:
            if self._kind is None:
                raise ValidationError.single(path, "the kind of subject (the sheet judges several)", None)
            return self._kind
        if type(kind) is not SubjectKind or kind not in self.sheet.subjects:
            labels = "、".join(sorted(k.label for k in self.sheet.subjects))
            raise ValidationError.single(
                path, f"a {labels} subject for {self.sheet.title}", getattr(kind, "code", kind)
            )
        return kind

    def _refused(self, facts: Mapping[str, Fact], on: object, kind: SubjectKind) -> Program:
        # The compiled program refused the facts: either they are invalid (a date out of
        # force, a code the sheet does not have, a fact the item does not read: the checks
        # say why) or they give points finer than the sheet's own numbers, which a program
        # at a finer scale reads.
        day = self.sheet.check_in_force(on)
        check_facts(self.sheet, facts, day, kind=kind)
        places = len(str(self._program.layout.scale)) - 1
        needed = 0
        for code, fact in facts.items():
            if fact.kind is FactKind.SCORED and fact.points is not None:
                weight = self.sheet.item(code).weight
                needed = max(needed, places_of(_numbers.WIDE.multiply(fact.points, weight)) - places)
        if needed <= 0:  # pragma: no cover - every refusal is either a fault or a finer point
            raise ValidationError.single("facts", f"facts {self.sheet.ref} can score", sorted(facts))
        program = self._finer.get(needed)
        if program is None:
            program = self._finer[needed] = compile_program(self.sheet, extra_places=needed)
        return program


def _refuse_shapes(rows: Sequence[object]) -> None:
    """Name the first row that is not a pair of facts and a day."""
    for index, row in enumerate(rows):
        try:
            _, _ = row  # type: ignore[misc]
        except (TypeError, ValueError):  # noqa: PERF203 - only on the way to a refusal
            raise ValidationError.single(f"[{index}]", "a pair of facts and a day", type(row).__name__) from None


@functools.lru_cache(maxsize=64)
def _compiled(sheet: RuleSheet) -> SheetPlan:
    return SheetPlan(sheet)


def compile_sheet(sheet: RuleSheet) -> SheetPlan:
    """Compile *sheet* once for evaluating many subjects (编译评定方案).

    The last 64 sheets compiled are remembered (sheets are immutable values), so calling
    :func:`evaluate` with a sheet again does not compile it again.
    """
    if not isinstance(sheet, RuleSheet):
        raise ValidationError.single("sheet", "a RuleSheet", sheet)
    return _compiled(sheet)


def evaluate(
    sheet: RuleSheet | SheetPlan, facts: Mapping[str, Fact], *, on: dt.date, subject: Subject, reference: str = ""
) -> Evaluation:
    """Evaluate *subject* against a sheet (compiled once and remembered) or a compiled plan."""
    plan = sheet if isinstance(sheet, SheetPlan) else compile_sheet(sheet)
    return plan.evaluate(facts, on=on, subject=subject, reference=reference)


# -- the explained result -------------------------------------------------------------------


class _Explained:
    """Writes an :class:`Evaluation` from what the recording program kept."""

    __slots__ = ("facts", "grades", "layout", "number", "record", "total")

    def __init__(self, program: Program, record: dict[str, Any], facts: Mapping[str, Fact]) -> None:
        self.layout = program.layout
        self.record = record
        self.facts = facts
        self.grades = program.grades
        self.number = program.number
        self.total = program.total

    def evaluation(self, day: dt.date, subject: Subject, reference: str) -> Evaluation:
        record, layout = self.record, self.layout
        sheet = layout.sheet
        lines = tuple(self.line(slot) for slot in layout.items)
        statuses = {slot.item.code: record[f"s{slot.number}"] for slot in layout.items}
        titles = {group.code: group.title for group in sheet.groups}
        order = {group.code: index for index, group in enumerate(sheet.groups)}
        groups = tuple(
            GroupTotal(
                slot.code,
                titles[slot.code],
                self.number(record[f"l{slot.number}"]),
                self.number(record[f"h{slot.number}"]),
                self.number(record[f"a{slot.number}"]),
            )
            for slot in sorted((s for s in layout.groups if s.number), key=lambda s: order[s.code])
        )
        root = layout.groups[-1]
        scaled = bool(record["scaled"])
        worst, best = record["w"], record["b"]
        fired = tuple(
            slot.item.code
            for slot in layout.items
            if slot.item.kind is ItemKind.OVERRIDE and record[f"t{slot.number}"] == 1
        )
        failed = tuple(
            slot.item.code
            for slot in layout.items
            if slot.item.kind is ItemKind.REQUIREMENT and record[f"t{slot.number}"] == 0
        )
        reasons, next_band, short_by = self.reasons(fired)
        return Evaluation(
            sheet=sheet.ref,
            title=sheet.title,
            subject=subject,
            on=day,
            reference=reference,
            lines=lines,
            groups=groups,
            total=self.total(record["tl"]),
            best_total=self.total(record["th"]),
            maximum=self.number(root.maximum if scaled else record["a0"]),
            bonus=self.number(record["bo"]),
            bonus_ceiling=self.number(record["room"]),
            scaled=scaled,
            band=self.grades[worst],
            best_band=self.grades[best],
            overrides=fired,
            requirements_failed=failed,
            missing=tuple(code for code, status in statuses.items() if status == _program.MISSING),
            deciding=self.deciding() if worst != best else (),
            reasons=reasons,
            next_band=next_band,
            short_by=short_by,
        )

    # -- lines -------------------------------------------------------------------------------

    def line(self, slot: _program.ItemSlot) -> Line:
        record, item, i = self.record, slot.item, slot.number
        status = record[f"s{i}"]
        fact = self.facts.get(item.code)
        if fact is None:
            fact = Fact.not_met() if status == _program.UNCLAIMED else Fact.unknown()
        judgement = record.get(f"j{i}")
        note = judgement[1] if judgement is not None else ""
        maximum = self.number(slot.maximum)
        common = {
            "item": item.code,
            "title": item.title,
            "group": item.group,
            "kind": item.kind,
            "fact": fact,
            "maximum": maximum,
            "title_en": item.title_en,
            "per_occurrence": item.per_occurrence,
            "max_deduction": item.max_deduction,
        }
        if status == _program.NOT_APPLICABLE:
            return Line(outcome=Outcome.NOT_APPLICABLE, **common)  # type: ignore[arg-type]
        if item.kind in _STATEMENTS:
            return self.statement_line(slot, status, note, common)
        earned = self.number(record[f"e{i}"])
        if status in (_program.UNKNOWN, _program.MISSING, _program.UNDECIDED):
            outcome = Outcome.UNDECIDED if status == _program.UNDECIDED else Outcome.UNKNOWN
            return Line(
                outcome=outcome,
                points=earned,
                best=maximum,
                missing=status == _program.MISSING,
                note=note,
                **common,  # type: ignore[arg-type]
            )
        deducted = _ZERO
        if item.kind is ItemKind.DEDUCTION:
            deducted = _numbers.WIDE.subtract(maximum, earned)
            outcome = Outcome.MET if not deducted else Outcome.FAILED
        else:
            outcome = Outcome.MET if earned > 0 else Outcome.FAILED
        return Line(outcome=outcome, points=earned, best=earned, deducted=deducted, note=note, **common)  # type: ignore[arg-type]

    def statement_line(self, slot: _program.ItemSlot, status: int, note: str, common: dict[str, Any]) -> Line:
        item = slot.item
        if status in (_program.UNKNOWN, _program.MISSING, _program.UNDECIDED):
            outcome = Outcome.UNDECIDED if status == _program.UNDECIDED else Outcome.UNKNOWN
            return Line(outcome=outcome, missing=status == _program.MISSING, note=note, **common)
        holds = self.record[f"t{slot.number}"] == 1
        if item.kind is ItemKind.OVERRIDE:
            if not holds:
                return Line(outcome=Outcome.MET, note=note, **common)
            # Fired: a failure, unless it set a better band than the score gave (获评省级表彰的，
            # 直接评为优秀).
            raises = item.effect is OverrideEffect.SET and slot.target < self.record["bw"]
            outcome = Outcome.MET if raises else Outcome.FAILED
            return Line(outcome=outcome, note=note, effect=self.override_words(slot), **common)
        return Line(outcome=Outcome.MET if holds else Outcome.FAILED, note=note, **common)

    def override_words(self, slot: _program.ItemSlot) -> str:
        item = slot.item
        label = self.layout.sheet.bands[slot.target].label
        if item.effect is OverrideEffect.CAP:
            return f"最高评定为{label}"
        return f"直接评定为{label}" if item.target else "一票否决"

    # -- why ---------------------------------------------------------------------------------

    def reasons(self, fired: tuple[str, ...]) -> tuple[tuple[str, ...], Grade | None, Decimal | None]:
        record, layout = self.record, self.layout
        sheet = layout.sheet
        reasons: list[str] = []
        slots = {slot.item.code: slot for slot in layout.items}
        by_words: dict[str, list[str]] = {}
        for code in fired:
            by_words.setdefault(self.override_words(slots[code]), []).append(slots[code].item.title)
        for words, titles in by_words.items():
            reasons.append(f"{words}：{'、'.join(titles)}")
        worst = record["w"]
        next_band = self.grades[worst - 1] if worst > 0 else None
        short_by: Decimal | None = None
        if record["sc"] >= 0:
            return tuple(reasons), next_band, None
        computed = record["bw"]
        for index in range(computed):
            band = sheet.bands[index]
            failing = self.failing_parts(index, band)
            score_failed = any(kind == "score" for kind, _, _ in failing)
            if failing and (not score_failed or index == computed - 1):
                # Missed for certain, or only not yet certain (unknowns, an unstated boundary).
                words = "未达" if any(certain for _, _, certain in failing) else "尚不能确定为"
                reasons.append(f"{words}{band.label}：{'、'.join(text for _, text, _ in failing)}")
            if index == computed - 1 and score_failed:
                short_by = self.short_of(band)
        return tuple(reasons), next_band, short_by

    def needed(self, limit: Threshold) -> Fraction | None:
        """The points *limit* asks of the total: itself, or its share of the maximum that
        applies; ``None`` when it is not published or nothing applies."""
        if limit.value is None:
            return None
        if not limit.share:
            return limit.value
        applicable = self.record["mt"]
        return limit.value * applicable / self.layout.total_scale if applicable else None

    def short_of(self, band: Band) -> Decimal | None:
        """How many points the certain total lacks of *band*'s minimum (None: not a number,
        or the limit is one the total must exceed)."""
        needed = self.needed(band.minimum) if band.minimum is not None else None
        if needed is None:
            return None
        # In the sheet's own steps (0.01 when it scores to two places), rounded up.
        scale = self.layout.total_scale
        steps = math.ceil((Fraction(needed) - Fraction(self.total(self.record["tl"]))) * scale)
        if steps <= 0:
            return None  # on an exclusive or unstated limit: short by "more than nothing"
        return _numbers.WIDE.divide(Decimal(steps), Decimal(scale))

    def failing_parts(self, index: int, band: Band) -> list[tuple[str, str, bool]]:
        """The conditions of band *index* that fail for certain or may: (kind, why, certain)."""
        record, layout = self.record, self.layout
        parts = _program.band_parts(layout, band, worst=True)
        failing: list[tuple[str, str, bool]] = []
        for number, (kind, _) in enumerate(parts):
            if record[f"pw{index}_{number}"]:
                continue
            certain = not record[f"pb{index}_{number}"]
            failing.append((kind.split(":")[0], self.describe(kind, band), certain))
        return failing

    def describe(self, kind: str, band: Band) -> str:  # noqa: PLR0911 - one sentence per kind of condition
        record, sheet = self.record, self.layout.sheet
        if kind == "score":
            assert band.minimum is not None  # noqa: S101 - a score part comes from a minimum
            total = self.total(record["tl"])
            needed = self.needed(band.minimum)
            if band.minimum.value is None:
                return "等级线未公布"
            if band.minimum.share:
                return self.describe_share(band.minimum, total, needed)
            if band.minimum.boundary is Boundary.UNSTATED and Fraction(total) == needed:
                return f"总分恰为{format_number(total)}分，规则未说明是否含本数"
            return f"总分{format_number(total)}分，须{band.minimum.describe('分')}"
        if kind == "passing":
            requirements = [s for s in self.layout.items if s.item.kind is ItemKind.REQUIREMENT]
            failed = [s.item.title for s in requirements if record[f"t{s.number}"] == 0]
            if failed:
                return f"未满足必备条件（{'、'.join(failed)}）"
            open_titles = [s.item.title for s in requirements if record[f"t{s.number}"] == 2]
            return f"必备条件待核实（{'、'.join(open_titles)}）"
        prerequisite = band.requires[int(kind.split(":")[1])]
        if prerequisite.kind is PrerequisiteKind.ITEM_MET:
            item = sheet.item(prerequisite.target)
            return f"{item.title}须得满分" if item.kind in (ItemKind.SCORED, ItemKind.BONUS) else f"{item.title}须达标"
        title = sheet.group(prerequisite.target).title
        if prerequisite.kind is PrerequisiteKind.FULL_MARKS:
            return f"{title}须得满分"
        assert prerequisite.minimum is not None  # noqa: S101 - checked by Prerequisite
        if prerequisite.minimum.share:
            return f"{title}得分率须{prerequisite.minimum.describe()}"
        return f"{title}得分须{prerequisite.minimum.describe('分')}"

    def describe_share(self, limit: Threshold, total: Decimal, needed: Fraction | None) -> str:
        """Why a total misses a minimum stated as a share of the maximum (得分率)."""
        if not self.record["mt"]:
            return f"无适用的评分项，得分率无从计算，须{limit.describe()}"
        applicable = format_number(self.total(self.record["mt"]))
        if needed is not None and limit.boundary is Boundary.UNSTATED and Fraction(total) == needed:
            assert limit.value is not None  # noqa: S101 - needed comes from it
            return f"总分恰为适用满分{applicable}分的{_numbers.fraction_text(limit.value * 100)}%，规则未说明是否含本数"
        return f"总分{format_number(total)}分（适用满分{applicable}分），须{limit.describe()}"

    def deciding(self) -> tuple[str, ...]:
        record, layout = self.record, self.layout
        sheet = layout.sheet
        open_slots = [
            slot
            for slot in layout.items
            if record[f"s{slot.number}"] in (_program.UNKNOWN, _program.MISSING, _program.UNDECIDED)
        ]
        worst, best = record["w"], record["b"]
        chosen: set[str] = set()
        counting = (ItemKind.SCORED, ItemKind.DEDUCTION, ItemKind.BONUS)
        for index in range(best, min(worst, layout.floor)):
            band = sheet.bands[index]
            parts = _program.band_parts(layout, band, worst=True)
            for number, (kind, _) in enumerate(parts):
                if record[f"pw{index}_{number}"] or not record[f"pb{index}_{number}"]:
                    continue
                if kind == "score":
                    chosen.update(s.item.code for s in open_slots if s.item.kind in counting)
                elif kind == "passing":
                    chosen.update(s.item.code for s in open_slots if s.item.kind is ItemKind.REQUIREMENT)
                else:
                    prerequisite = band.requires[int(kind.split(":")[1])]
                    if prerequisite.kind is PrerequisiteKind.ITEM_MET:
                        chosen.add(prerequisite.target)
                    else:
                        inside = _within(sheet, prerequisite.target)
                        chosen.update(
                            s.item.code for s in open_slots if s.item.kind in counting and s.item.group in inside
                        )
        for slot in open_slots:
            if slot.item.kind is ItemKind.OVERRIDE and (
                slot.target > best or (slot.item.effect is OverrideEffect.SET and slot.target < worst)
            ):
                chosen.add(slot.item.code)
        open_codes = {slot.item.code for slot in open_slots}
        return tuple(code for code in sheet.codes if code in chosen and code in open_codes)


def _within(sheet: RuleSheet, group: str) -> set[str]:
    inside = {group}
    grew = True
    while grew:
        grew = False
        for candidate in sheet.groups:
            if candidate.parent in inside and candidate.code not in inside:
                inside.add(candidate.code)
                grew = True
    return inside
