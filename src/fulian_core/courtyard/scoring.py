"""Scoring inspections (评分): a score card with every line explained, and the tier reached.

Compile a rubric once with :func:`compile_rubric`, then :func:`score` each inspection; the
same inspection always gives the same card.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping
from decimal import Decimal

import attrs

from fulian_core._faults import Faults
from fulian_core.courtyard import _plan
from fulian_core.courtyard.inspection import Household, Inspection, InspectionKind, Observation
from fulian_core.courtyard.rubric import ItemMode, PrerequisiteKind, Rubric, Tier
from fulian_core.errors import ValidationError

__all__ = ["DimensionScore", "ScoreCard", "ScoreLine", "ScoringPlan", "compile_rubric", "score"]

_ZERO = Decimal(0)
_CENT = Decimal("0.01")
_MODE_OF = {
    _plan.CHECKLIST: ItemMode.CHECKLIST,
    _plan.DEDUCTION: ItemMode.DEDUCTION,
    _plan.GRADED: ItemMode.GRADED,
    _plan.BONUS: ItemMode.BONUS,
    _plan.VETO: ItemMode.VETO,
}


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


@attrs.frozen
class ScoreLine:
    """One item's line on a score card (评分明细): points earned out of the item's maximum and
    what was seen. ``deducted`` is what a deduction item lost."""

    item: str
    title: str
    dimension: str
    mode: ItemMode
    points: Decimal
    maximum: Decimal
    defects: int = 0
    per_defect: Decimal = _ZERO
    deducted: Decimal = _ZERO
    level: str = ""
    hit: bool = False
    not_applicable: bool = False
    missing: bool = False
    note: str = ""

    @property
    def detail(self) -> str:  # noqa: PLR0911 - one return per scoring mode
        """The line as an inspector writes it: ``厨房墙壁油污 2处 × 2分 = −4分``."""
        title = self.title
        if self.not_applicable:
            return f"{title}：不适用，不计分"
        if self.missing:
            return f"{title}：漏检，暂按0分"
        mode = self.mode
        if mode is ItemMode.VETO:
            return f"{title}：一票否决" if self.hit else f"{title}：无"
        if mode is ItemMode.DEDUCTION:
            if not self.defects:
                return f"{title}：未发现问题，得{_n(self.points)}分"
            line = f"{title} {self.defects}处 × {_n(self.per_defect)}分 = −{_n(self.per_defect * self.defects)}分"
            if self.deducted != self.per_defect * self.defects:
                line += f"，扣完为止 −{_n(self.deducted)}分"
            return line
        if mode is ItemMode.GRADED:
            return f"{title}：{self.level}，得{_n(self.points)}分（满分{_n(self.maximum)}分）"
        if mode is ItemMode.BONUS:
            return f"{title}：加{_n(self.points)}分" if self.points else f"{title}：未加分"
        return (
            f"{title}：达标 +{_n(self.points)}分" if self.points else f"{title}：未达标 0分（满分{_n(self.maximum)}分）"
        )


@attrs.frozen
class DimensionScore:
    """A dimension's subtotal (维度小计), before any scaling."""

    dimension: str
    title: str
    score: Decimal
    maximum: Decimal


@attrs.frozen
class ScoreCard:
    """The result of scoring one inspection (评分表).

    ``total`` is what the tier thresholds are compared with: the base points (scaled back to the
    rubric's maximum when items did not apply and the rubric says so) plus the capped bonus.
    ``maximum`` is the most the card could show. ``provisional`` is set when observations were
    missing and the rubric scores them as zero for now.
    """

    inspection: str
    household: Household
    date: dt.date
    kind: InspectionKind
    rubric: str
    total: Decimal
    maximum: Decimal
    base: Decimal
    bonus: Decimal
    scaled: bool
    dimensions: tuple[DimensionScore, ...]
    lines: tuple[ScoreLine, ...]
    tier: Tier
    veto_hits: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    provisional: bool = False
    tier_reason: str = ""

    def render(self) -> str:
        """The card as text an app can show (评分表)."""
        head = f"{self.household.id}（{self.household.village}）{self.kind.label} {self.date} 依据 {self.rubric}"
        total = f"总分 {_n(self.total)} / {_n(self.maximum)}" + ("（按适用项折算）" if self.scaled else "")
        if self.bonus:
            total += f"，其中加分 {_n(self.bonus)}"
        tier = f"等级：{self.tier.label}" + (f"（{self.tier_reason}）" if self.tier_reason else "")
        if self.provisional:
            tier += "，暂定"
        parts = "；".join(f"{d.title} {_n(d.score)}/{_n(d.maximum)}" for d in self.dimensions)
        lines = [head, total, tier, f"分项：{parts}"]
        lines.extend(f"  {line.detail}" for line in self.lines if line.mode is not ItemMode.VETO or line.hit)
        return "\n".join(lines)


class ScoringPlan:
    """A rubric compiled once for scoring many inspections (评分方案)."""

    __slots__ = ("_fast", "_plan", "_scorer", "rubric")

    def __init__(self, rubric: Rubric) -> None:
        if not isinstance(rubric, Rubric):
            raise ValidationError.single("rubric", "a Rubric", rubric)
        self.rubric = rubric
        self._plan = _plan.compile_plan(rubric)
        self._fast = _plan.compile_fast(rubric, self._plan)
        self._scorer = _plan.generate_scorer(self._fast, self._plan) if self._fast.exact else None

    def __repr__(self) -> str:
        return f"<ScoringPlan {self._plan.ref}: {len(self._plan.items)} items>"

    def check(self, observations: Mapping[str, Observation]) -> None:
        """Refuse observations the rubric does not allow, naming every fault (never clipped)."""
        faults = Faults()
        plan = self._plan
        for code, observation in observations.items():
            path = f"observations[{code!r}]"
            number = plan.positions.get(code)
            if number is None:
                faults.add(path, f"an item of {plan.ref}", code)
                continue
            _check_observation(plan.items[number], observation, path, faults)
        faults.raise_if_any()

    def total_and_tier(self, inspection: Inspection) -> tuple[Decimal, Tier]:
        """Just the total and the tier of one inspection, without the card's lines: the same
        answer as :meth:`score` (and the same refusals), for scoring millions."""
        scorer = self._scorer
        observations = inspection.observations
        if scorer is not None and self._fast.codes.issuperset(observations):
            found = scorer(observations)
            if found is not None:
                return found
        # An unusual observation, a refusal, or a rule the flat code leaves to the card.
        card = self.score(inspection)
        return card.total, card.tier

    def score(self, inspection: Inspection) -> ScoreCard:
        """The score card of one inspection."""
        plan = self._plan
        observations = inspection.observations
        self.check(observations)
        dimension_count = len(plan.dimension_codes)
        earned = [_ZERO] * dimension_count
        possible = [_ZERO] * dimension_count
        lines: list[ScoreLine] = []
        missing: list[str] = []
        vetoes: list[str] = []
        bonus = _ZERO
        base = _ZERO
        applicable = _ZERO
        for item in plan.items:
            observation = observations.get(item.code)
            line = _line(item, observation, plan)
            lines.append(line)
            if line.missing:
                missing.append(item.code)
            if line.not_applicable:
                continue
            mode = item.mode
            if mode == _plan.VETO:
                if line.hit:
                    vetoes.append(item.code)
            elif mode == _plan.BONUS:
                bonus += line.points
            else:
                base += line.points
                applicable += item.points
                earned[item.dimension] += line.points
                possible[item.dimension] += item.points
        if missing and not plan.provisional_on_missing:
            raise ValidationError.single(
                "observations", f"an observation for every item of {plan.ref}", f"missing {', '.join(missing)}"
            )
        bonus = min(bonus, plan.bonus_cap)
        scaled = plan.scale_not_applicable and _ZERO < applicable < plan.maximum
        if scaled:
            base = (base * plan.maximum / applicable).quantize(_CENT, rounding=decimal.ROUND_HALF_UP)
            maximum = plan.maximum + plan.bonus_cap
        else:
            maximum = applicable + plan.bonus_cap
        total = base + bonus
        tier, reason = _tier(plan, total, vetoes=vetoes, lines=lines, earned=earned, possible=possible)
        dimensions = tuple(
            DimensionScore(plan.dimension_codes[i], plan.dimension_titles[i], earned[i], possible[i])
            for i in range(dimension_count)
        )
        return ScoreCard(
            inspection=inspection.id,
            household=inspection.household,
            date=inspection.date,
            kind=inspection.kind,
            rubric=plan.ref,
            total=total,
            maximum=maximum,
            base=base,
            bonus=bonus,
            scaled=scaled,
            dimensions=dimensions,
            lines=tuple(lines),
            tier=tier,
            veto_hits=tuple(vetoes),
            missing=tuple(missing),
            provisional=bool(missing),
            tier_reason=reason,
        )


def compile_rubric(rubric: Rubric) -> ScoringPlan:
    """Compile *rubric* once into a plan for scoring many inspections."""
    return ScoringPlan(rubric)


def score(rubric: Rubric | ScoringPlan, inspection: Inspection) -> ScoreCard:
    """Score one inspection against a rubric (compiled on the fly) or a compiled plan."""
    plan = rubric if isinstance(rubric, ScoringPlan) else ScoringPlan(rubric)
    return plan.score(inspection)


def _check_observation(item: _plan.PlanItem, observation: Observation, path: str, faults: Faults) -> None:
    if observation.not_applicable:
        return
    mode = item.mode
    if observation.level is not None:
        if mode != _plan.GRADED:
            faults.add(f"{path}.level", f"no level for {item.title} ({_MODE_OF[mode].label})", observation.level)
        elif observation.level not in item.levels:
            faults.add(f"{path}.level", f"one of {item.level_names}", observation.level)
    if observation.defects is not None and mode != _plan.DEDUCTION:
        faults.add(f"{path}.defects", f"no defect count for {item.title} ({_MODE_OF[mode].label})", observation.defects)
    if observation.points is not None:
        if mode != _plan.BONUS:
            faults.add(f"{path}.points", f"no points for {item.title} ({_MODE_OF[mode].label})", observation.points)
        elif observation.points > item.points:
            faults.add(f"{path}.points", f"at most {item.points} points for {item.title}", observation.points)
    if observation.hit is not None and mode != _plan.VETO:
        faults.add(f"{path}.hit", f"no veto for {item.title} ({_MODE_OF[mode].label})", observation.hit)
    if observation.met is not None and mode not in (_plan.CHECKLIST, _plan.BONUS):
        faults.add(f"{path}.met", f"no met/unmet for {item.title} ({_MODE_OF[mode].label})", observation.met)


def _line(item: _plan.PlanItem, observation: Observation | None, plan: _plan.Plan) -> ScoreLine:  # noqa: PLR0911 - one return per mode
    dimension = plan.dimension_codes[item.dimension]
    mode = _MODE_OF[item.mode]
    maximum = item.points
    if observation is not None and observation.not_applicable:
        return ScoreLine(
            item.code, item.title, dimension, mode, _ZERO, maximum, not_applicable=True, note=observation.note
        )
    kind = item.mode
    note = observation.note if observation is not None else ""
    if kind == _plan.CHECKLIST:
        if observation is None or observation.met is None:
            return ScoreLine(item.code, item.title, dimension, mode, _ZERO, maximum, missing=True)
        return ScoreLine(
            item.code, item.title, dimension, mode, item.points if observation.met else _ZERO, maximum, note=note
        )
    if kind == _plan.DEDUCTION:
        if observation is None or observation.defects is None:
            return ScoreLine(item.code, item.title, dimension, mode, _ZERO, maximum, missing=True)
        lost = min(item.per_defect * observation.defects, item.points - item.floor)
        return ScoreLine(
            item.code, item.title, dimension, mode, item.points - lost, maximum,
            defects=observation.defects, per_defect=item.per_defect, deducted=lost, note=note,
        )  # fmt: skip
    if kind == _plan.GRADED:
        if observation is None or observation.level is None:
            return ScoreLine(item.code, item.title, dimension, mode, _ZERO, maximum, missing=True)
        return ScoreLine(
            item.code,
            item.title,
            dimension,
            mode,
            item.levels[observation.level],
            maximum,
            level=observation.level,
            note=note,
        )
    if kind == _plan.BONUS:
        if observation is None or (observation.points is None and observation.met is None):
            return ScoreLine(item.code, item.title, dimension, mode, _ZERO, maximum)  # no bonus claimed
        points = observation.points if observation.points is not None else (item.points if observation.met else _ZERO)
        return ScoreLine(item.code, item.title, dimension, mode, points, maximum, note=note)
    if observation is None or observation.hit is None:
        return ScoreLine(item.code, item.title, dimension, mode, _ZERO, _ZERO, missing=True)
    return ScoreLine(item.code, item.title, dimension, mode, _ZERO, _ZERO, hit=observation.hit, note=note)


def _tier(
    plan: _plan.Plan,
    total: Decimal,
    *,
    vetoes: list[str],
    lines: list[ScoreLine],
    earned: list[Decimal],
    possible: list[Decimal],
) -> tuple[Tier, str]:
    if vetoes:
        titles = "、".join(plan.items[plan.positions[code]].title for code in vetoes)
        return Tier.NONE, f"一票否决：{titles}"
    reasons: list[str] = []
    for rule in plan.tiers:
        if total < rule.min_score:
            continue
        unmet = [
            description
            for (kind, target, value), description in zip(rule.prerequisites, rule.descriptions, strict=True)
            if not _holds(plan, kind, target=target, value=value, lines=lines, earned=earned, possible=possible)
        ]
        if not unmet:
            return rule.tier, "；".join(reasons)
        reasons.append(f"未达{rule.tier.label}：{'、'.join(unmet)}")
    return Tier.NONE, "；".join(reasons)


def _holds(
    plan: _plan.Plan,
    kind: PrerequisiteKind,
    *,
    target: int,
    value: Decimal,
    lines: list[ScoreLine],
    earned: list[Decimal],
    possible: list[Decimal],
) -> bool:
    if kind is PrerequisiteKind.ITEM_MET:
        line = lines[target]
        if line.mode is ItemMode.VETO:
            return not line.hit and not line.missing
        return line.not_applicable or (not line.missing and line.points == line.maximum)
    if kind is PrerequisiteKind.NO_DEFECT_IN_DIMENSION:
        code = plan.dimension_codes[target]
        return earned[target] == possible[target] and not any(line.missing for line in lines if line.dimension == code)
    return earned[target] >= value
