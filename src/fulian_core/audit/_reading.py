"""Reading the figures a declaration names (所引数字): a quote of the report holding one figure,
or a value built in code. Counts are read by :func:`~fulian_core.quantities.find_figures`
(``181,913户`` included), percentages by :func:`~fulian_core.reported.find_percentages`.
"""

from __future__ import annotations

import attrs

from fulian_core._faults import Faults
from fulian_core.audit.declarations import FigureRef
from fulian_core.intervals import Interval
from fulian_core.quantities import Qualifier, Quantity, find_figures
from fulian_core.reported import Percentage, find_percentages


@attrs.frozen
class Figure:
    """A figure read for a check: as written, where it stood, what it allows."""

    written: str
    position: int
    value: Quantity | Percentage

    @property
    def interval(self) -> Interval:
        if isinstance(self.value, Percentage):
            return self.value.interval
        return Interval.of(self.value)

    @property
    def percentage(self) -> Percentage:
        """The figure as a percentage (the declaration's reading checked it is one)."""
        assert isinstance(self.value, Percentage)  # noqa: S101 - checked by expect
        return self.value

    @property
    def quantity(self) -> Quantity:
        """The figure as a count (the declaration's reading checked it is one)."""
        assert isinstance(self.value, Quantity)  # noqa: S101 - checked by expect
        return self.value

    @property
    def silent(self) -> bool:
        """Whether the figure says nothing checkable (约, a blank)."""
        return self.value.qualifier in (Qualifier.ABOUT, Qualifier.UNKNOWN)

    @property
    def order(self) -> tuple[int, str]:
        return (self.position, self.written)


def figures_in(quote: str) -> list[tuple[str, Quantity | Percentage]]:
    """Every figure in *quote*: percentages first, then counts not inside one."""
    found: list[tuple[str, Quantity | Percentage]] = []
    spans: list[tuple[int, int]] = []
    for percentage in find_percentages(quote):
        found.append((percentage.text, percentage.percentage))
        spans.append((percentage.start, percentage.end))
    found.extend(
        (figure.text, figure.quantity)
        for figure in find_figures(quote)
        if not any(figure.start < high and low < figure.end for low, high in spans)
    )
    return found


def resolve(ref: FigureRef, path: str, text: str | None, faults: Faults) -> Figure | None:
    if isinstance(ref, (Quantity, Percentage)):
        return Figure(ref.render(), -1, ref)
    position = -1
    if text is not None:
        position = text.find(ref)
        if not faults.check(position >= 0, path, "a quote of the report", ref):
            return None
    found = figures_in(ref)
    if not faults.check(len(found) == 1, path, "a quote holding exactly one figure (a count or a percentage)", ref):
        return None
    written, value = found[0]
    return Figure(written, position, value)


def expect(figure: Figure | None, kind: str, path: str, faults: Faults) -> None:
    if figure is None:
        return
    value = figure.value
    actual = "count" if isinstance(value, Quantity) else value.unit.code
    wanted = {"count": "a count (户, 人 …)", "percent": "a percentage (%)", "point": "percentage points (个百分点)"}
    faults.check(actual == kind, path, wanted[kind], figure.written)
