"""The result of judging a subject against a rule sheet (评定结果), written as a county says it.

One :class:`Evaluation` for every sheet: a family against 评选标准, a household's inspection
against a 评分细则. It gives every item's line with its Chinese explanation, group
subtotals, the total and the maximum (满分100分＋加分5分, never 105), the band reached for
certain and the best band the unknowns still allow, the verdict, why the next better band
was missed, and which unknowns could still change the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, NamedTuple

import attrs

from fulian_core._definitions import check_type, listed
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._enums import CodedEnum
from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import format_number
from fulian_core.errors import ValidationError
from fulian_core.privacy import mask_name
from fulian_core.rules.facts import Fact, FactKind, Subject
from fulian_core.rules.sheet import ItemKind, SheetRef
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded

__all__ = ["Evaluation", "Grade", "GroupTotal", "Line", "Outcome", "Standing", "Verdict"]

_ZERO: Final = Decimal(0)


class Outcome(CodedEnum):
    """How one item came out (单项结果). ``UNKNOWN`` (待核实): no fact says anything yet;
    ``UNDECIDED`` (无法判定): a fact was given but does not decide (a figure such as ``60余人``
    against "三分之二以上", a value exactly on an unstated boundary, a limit not published)."""

    MET = ("met", "符合")
    FAILED = ("failed", "不符合")
    UNKNOWN = ("unknown", "待核实")
    UNDECIDED = ("undecided", "无法判定")
    NOT_APPLICABLE = ("not_applicable", "不适用")


class Verdict(CodedEnum):
    """Whether the subject passes (评定结论): a passing band for certain, none whatever the
    unknowns turn out to be, or undecided."""

    ELIGIBLE = ("eligible", "符合评选条件")
    NOT_ELIGIBLE = ("not_eligible", "不符合评选条件")
    UNDECIDED = ("undecided", "待定")


@attrs.frozen
class Grade:
    """The band a result reached (评定等级): its code and label, its ``rank`` on the sheet's
    scale (0 is the lowest band; a higher rank is a better band) and whether it passes."""

    code: str
    label: str
    rank: int = attrs.field(validator=_whole_number)
    passing: bool = True

    def __str__(self) -> str:
        return self.label


class Standing(NamedTuple):
    """The short answer for bulk work (快速评定): the certain total and band, and the best the
    unknowns still allow."""

    total: Decimal
    """The total reached for certain (base plus capped bonus)."""
    best_total: Decimal
    """The total if every unknown came out best."""
    band: Grade
    """The band reached for certain."""
    best_band: Grade
    """The best band the unknowns still allow."""

    @property
    def verdict(self) -> Verdict:
        """Eligible when the certain band passes, not eligible when even the best does not."""
        return _verdict(self.band, self.best_band)


def _verdict(band: Grade, best: Grade) -> Verdict:
    if band.passing:
        return Verdict.ELIGIBLE
    return Verdict.UNDECIDED if best.passing else Verdict.NOT_ELIGIBLE


_MARKS: Final = {
    Outcome.MET: "✓",
    Outcome.FAILED: "✗",
    Outcome.UNKNOWN: "?",
    Outcome.UNDECIDED: "?",
    Outcome.NOT_APPLICABLE: "–",
}


@attrs.frozen
class Line:
    """One item's line (评分明细): how it came out and why.

    ``points`` is what the item adds for certain (a deduction item: its points less what was
    deducted; a deduction from the group's pool: minus what was deducted), ``best`` the most
    it could still add, ``maximum`` the most it can add at all. ``note`` explains a measured
    or undecided item; ``effect`` says what an override that fired did (一票否决, 直接评定为D级);
    ``missing`` marks an item nobody gave a fact for.
    """

    item: str
    title: str
    group: str
    kind: ItemKind
    outcome: Outcome
    fact: Fact
    points: Decimal = _ZERO
    best: Decimal = _ZERO
    maximum: Decimal = _ZERO
    deducted: Decimal = _ZERO
    per_occurrence: Decimal = _ZERO
    max_deduction: Decimal | None = None
    missing: bool = False
    note: str = ""
    effect: str = ""
    title_en: str = ""

    @property
    def counts(self) -> bool:
        """Whether the line adds to a score (scored, deduction and bonus items that apply)."""
        return self.outcome is not Outcome.NOT_APPLICABLE and self.kind in _COUNTING

    def records(self) -> list[_Record]:
        """The line as one tidy row: the item's code and title, its group and kind, the outcome,
        what the fact said (its kind, a count found, a rating's name), and the points as
        ``Decimal`` (``max_deduction`` ``None`` when unlimited)."""
        return [
            {
                "item": self.item,
                "item_label": self.title,
                "group": self.group,
                **_coded("kind", self.kind),
                **_coded("outcome", self.outcome),
                **_coded("fact", self.fact.kind),
                "count": self.fact.count,
                "rating": self.fact.rating or None,
                "points": self.points,
                "best": self.best,
                "maximum": self.maximum,
                "deducted": self.deducted,
                "per_occurrence": self.per_occurrence,
                "max_deduction": self.max_deduction,
                "missing": self.missing,
            }
        ]

    @property
    def detail(self) -> str:
        """The line as an inspector or a reviewer writes it: ``厨房墙壁油污 2处 × 2分 = −4分``,
        ``尊老爱幼：评定为良，得30分（满分40分）``, ``私搭乱建：存在该情形，一票否决``."""
        return f"{self.title}{self._why()}"

    def _why(self) -> str:  # noqa: PLR0911 - one return per kind of line
        outcome = self.outcome
        if outcome is Outcome.NOT_APPLICABLE:
            return "：不适用，不计分" if self.kind in _COUNTING else "：不适用"
        if outcome is Outcome.UNKNOWN:
            return "：缺少证据，待核实" if self.missing else "：待核实"
        if outcome is Outcome.UNDECIDED:
            return f"：{self.note}" if self.note else "：无法判定"
        kind = self.kind
        if kind is ItemKind.DEDUCTION:
            return self._deduction()
        if kind is ItemKind.SCORED:
            return self._earned()
        if kind is ItemKind.BONUS:
            if self.fact.kind is FactKind.FOUND:
                return self._counted("加")
            return f"：加{format_number(self.points)}分" if self.points else "：未加分"
        note = f"（{self.note}）" if self.note else ""
        if kind is ItemKind.OVERRIDE:
            if not self.effect:
                return f"：无该情形{note}"
            return f"：{'符合' if outcome is Outcome.MET else '存在'}该情形，{self.effect}{note}"
        if outcome is Outcome.MET:
            return f"：符合{note}"
        return f"：不符合必备条件{note}" if kind is ItemKind.REQUIREMENT else f"：不符合{note}"

    def _deduction(self) -> str:
        count = self.fact.count or 0
        if not count:
            return f"：未发现问题，得{format_number(self.points)}分" if self.maximum else "：未发现问题"
        raw = _WIDE.multiply(self.per_occurrence, Decimal(count))
        line = f" {count}处 × {format_number(self.per_occurrence)}分 = −{format_number(raw)}分"
        if self.deducted != raw:
            cap = self.max_deduction
            stop = "扣完为止"
            if cap is not None and self.deducted == cap and (not self.maximum or cap < self.maximum):
                stop = f"最多扣{format_number(cap)}分"
            line += f"，{stop} −{format_number(self.deducted)}分"
        return line

    def _counted(self, verb: str) -> str:
        count = self.fact.count or 0
        if not count:
            return "：0次，未加分" if verb == "加" else f"：0次，得0分（满分{format_number(self.maximum)}分）"
        raw = _WIDE.multiply(self.per_occurrence, Decimal(count))
        line = f" {count}次 × {format_number(self.per_occurrence)}分 = {format_number(raw)}分"
        if self.points != raw:
            line += f"，最高{verb}{format_number(self.maximum)}分"
        return line

    def _earned(self) -> str:
        fact = self.fact
        earned, most = format_number(self.points), format_number(self.maximum)
        if fact.kind is FactKind.FOUND:
            return self._counted("得")
        if fact.kind is FactKind.RATED:
            return f"：评定为{fact.rating}，得{earned}分（满分{most}分）"
        if fact.kind is FactKind.MET:
            return f"：达标，得{earned}分"
        if fact.kind is FactKind.NOT_MET:
            return f"：未达标，得0分（满分{most}分）"
        why = f"，{self.note}" if self.note else ""
        return f"：得{earned}分（满分{most}分）{why}"

    def render(self, *, english: bool = False) -> str:
        """The line with its mark (✓ ✗ ? –; · for a bonus not earned, which is no failure) and
        its source: ``✓ 尊老爱幼：… （依据：村评议小组）``."""
        title = self.title + (f" ({self.title_en})" if english and self.title_en else "")
        source = f"（依据：{self.fact.source}）" if self.fact.source else ""
        mark = "·" if self.kind is ItemKind.BONUS and self.outcome is Outcome.FAILED else _MARKS[self.outcome]
        return f"{mark} {title}{self._why()}{source}"


_COUNTING: Final = frozenset({ItemKind.SCORED, ItemKind.DEDUCTION, ItemKind.BONUS})


@attrs.frozen
class GroupTotal:
    """A group's subtotal (分项小计), before any scaling: for certain, at best, and out of."""

    group: str
    title: str
    score: Decimal
    best: Decimal
    maximum: Decimal


def _lines(value: Iterable[Line]) -> tuple[Line, ...]:
    return listed(value, "lines", "a list of lines")


def _groups(value: Iterable[GroupTotal]) -> tuple[GroupTotal, ...]:
    return listed(value, "groups", "a list of group totals")


def _overrides(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "overrides", "a list of item codes")


def _requirements_failed(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "requirements_failed", "a list of item codes")


def _missing(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "missing", "a list of item codes")


def _deciding(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "deciding", "a list of item codes")


def _reasons(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "reasons", "a list of reasons")


@attrs.frozen
class Evaluation(_Displayed):
    """The evaluation of one subject against one sheet version on one date (评定结果).

    ``total`` is what is certain (base, scaled back to the maximum when items did not apply
    and the sheet says so, plus the capped bonus); ``best_total`` what it would be if every
    unknown came out best. ``maximum`` is the maximum (满分) of what applies and
    ``bonus_ceiling`` the most the bonus can add (加分). ``band`` is the band reached for
    certain, ``best_band`` the best the unknowns still allow; they differ exactly when the
    result is provisional, and ``deciding`` names the unknowns that could change it.
    ``overrides`` are the overrides that fired (一票否决, 直接评定), ``requirements_failed`` the
    requirements that do not hold, ``missing`` the items no fact was given for, and
    ``reasons`` say why a better band was missed, in Chinese; ``next_band`` is the band just
    above the certain one and ``short_by`` the points its score lacked (when the score was what
    missed). ``bonus`` is the capped bonus in the total, ``scaled`` whether the base was scaled
    back to the maximum because items did not apply, and ``reference`` the record evaluated
    (an inspection's id).
    """

    sheet: SheetRef
    title: str
    subject: Subject
    on: dt.date
    lines: tuple[Line, ...] = attrs.field(converter=_lines)
    groups: tuple[GroupTotal, ...] = attrs.field(converter=_groups)
    total: Decimal
    best_total: Decimal
    maximum: Decimal
    bonus: Decimal
    bonus_ceiling: Decimal
    scaled: bool
    band: Grade
    best_band: Grade
    reference: str = ""
    overrides: tuple[str, ...] = attrs.field(default=(), converter=_overrides)
    requirements_failed: tuple[str, ...] = attrs.field(default=(), converter=_requirements_failed)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_missing)
    deciding: tuple[str, ...] = attrs.field(default=(), converter=_deciding)
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_reasons)
    next_band: Grade | None = None
    short_by: Decimal | None = None

    @property
    def verdict(self) -> Verdict:
        """Eligible when the certain band passes, not eligible when even the best band does
        not, undecided otherwise."""
        return _verdict(self.band, self.best_band)

    @property
    def provisional(self) -> bool:
        """Whether unknowns could still change the band or the total (暂定)."""
        return self.band != self.best_band or self.total != self.best_total

    @property
    def ceiling(self) -> Decimal:
        """The most the total can be: the maximum plus the bonus ceiling."""
        return self.maximum + self.bonus_ceiling

    def summary(self) -> _Record:
        """The evaluation's numbers as one plain dict (no names): the sheet, the subject's id,
        kind and unit, the date, the totals as ``Decimal``, the bands and verdict as code and
        label, and how many lines are missing or deciding."""
        return {
            "sheet": self.sheet.code,
            "sheet_version": self.sheet.version,
            "subject": self.subject.id,
            **_coded("subject_kind", self.subject.kind),
            "subject_unit": self.subject.unit,
            "on": self.on,
            "reference": self.reference or None,
            "total": self.total,
            "best_total": self.best_total,
            "maximum": self.maximum,
            "bonus": self.bonus,
            "bonus_ceiling": self.bonus_ceiling,
            "scaled": self.scaled,
            "band": self.band.code,
            "band_label": self.band.label,
            "band_rank": self.band.rank,
            "best_band": self.best_band.code,
            "best_band_label": self.best_band.label,
            **_coded("verdict", self.verdict),
            "provisional": self.provisional,
            "missing": len(self.missing),
            "deciding": len(self.deciding),
            "short_by": self.short_by,
        }

    def records(self) -> list[_Record]:
        """The evaluation as one tidy row (:meth:`summary`); its lines' rows are
        ``records(evaluation.lines)`` (see :mod:`fulian_core.tabular`)."""
        return [self.summary()]

    def _display(self, heading: str = "") -> _Display:
        subject = self.subject
        who = mask_name(subject.name) if subject.name else subject.id
        facts: list[tuple[str, object]] = [
            ("依据", str(self.sheet)),
            ("评定日期", self.on.isoformat()),
            ("得分", f"{format_number(self.total)}/{format_number(self.maximum)}"),
            ("等级", self.band.label if self.band == self.best_band else f"{self.band.label}至{self.best_band.label}"),
            ("结论", self.verdict.label),
        ]
        facts.extend(("说明", reason) for reason in self.reasons)
        return _Display.of(
            heading or f"{who}：{self.title}评定结果",
            facts,
            ("项目", "结果", "得分", "满分", "说明"),
            (
                (line.title, line.outcome.label, line.points, line.maximum, line.note or line.effect)
                for line in self.lines
            ),
        )

    def line(self, code: str) -> Line:
        """The line of item *code*."""
        for line in self.lines:
            if line.item == code:
                return line
        raise ValidationError.single("code", "an item of the evaluated sheet", code)

    def render(self, *, heading: str = "", english: bool = False, mask_names: bool = True) -> str:
        """The evaluation as text an app can show as it is (评定说明): who, which sheet, the
        band, the score out of its maximum and bonus, subtotals, reasons, then every line.
        Names are masked unless *mask_names* is false; *english* adds English titles."""
        check_type(heading, str, "heading", "text")
        subject = self.subject
        who = (mask_name(subject.name) if mask_names else subject.name) if subject.name else subject.id
        band = self.band.label
        if self.best_band != self.band:
            # On a pass/fail scale the range says nothing "待定" does not.
            band = (
                "待定"
                if self.band.rank == 0 and self.best_band.rank == 1 and not self.band.passing
                else (f"待定（{self.band.label}至{self.best_band.label}）")
            )
        elif self.provisional:
            band += "（暂定）"
        if english:
            band += f" ({self.verdict.code.replace('_', ' ')})"
        where = f"，记录 {self.reference}" if self.reference else ""
        lines = [
            heading or f"{who}：{self.title}评定结果——{band}",
            f"依据 {self.sheet}，评定日期 {self.on.isoformat()}{where}",
        ]
        if self.maximum or self.bonus_ceiling:
            lines.append(self._score_line())
        if heading:
            lines.append(f"等级：{band}")
        if len(self.groups) > 1 or (self.groups and self.groups[0].group):
            parts = "；".join(
                f"{total.title} {format_number(total.score)}/{format_number(total.maximum)}" for total in self.groups
            )
            lines.append(f"分项：{parts}")
        lines.extend(self.reasons)
        if self.deciding:
            titles = "、".join(self.line(code).title for code in self.deciding)
            lines.append(f"待核实后方可定论：{titles}")
        lines.extend(line.render(english=english) for line in self.lines)
        return "\n".join(lines)

    def _score_line(self) -> str:
        text = f"得分 {format_number(self.total)}（满分{format_number(self.maximum)}分"
        if self.bonus_ceiling:
            text += f"＋加分{format_number(self.bonus_ceiling)}分"
        text += "）"
        if self.scaled:
            text += "，按适用项折算"
        if self.bonus:
            text += f"，其中加分 {format_number(self.bonus)}"
        if self.best_total != self.total:
            text += f"；待核实项全部符合时最高 {format_number(self.best_total)}"
        return text
