"""What moves a report up the hierarchy (上报内容): the values a unit submits for the period, and
the reasons a report is returned with.

A :class:`Report` is the payload of ``submit``: the unit's own values for the round's period
(妇女微家数, 执委联系率 … as :class:`~fulian_core.indicators.DataValue`), and a note. A report
that covers only the units below it (a township confirming its villages) submits no values of its
own. A :class:`ReturnReasons` is the payload of ``return`` (退回): at least one reason, each a point to
correct, carried by the returned report until it is submitted again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from fulian_core._definitions import check_free_text, listed
from fulian_core._faults import Faults
from fulian_core.indicators import DataValue
from fulian_core.privacy import _text_repr
from fulian_core.workflows import Payload

__all__ = ["Report", "ReturnReasons"]


def _values(value: Iterable[DataValue]) -> tuple[DataValue, ...]:
    return listed(value, "values", "a list of data values")


def _texts_repr(value: object) -> str:
    """Free texts shown by their lengths only (a reason may name people)."""
    if not isinstance(value, tuple):
        return repr(value)
    return "(" + ", ".join(_text_repr(text) for text in value) + ("," if len(value) == 1 else "") + ")"


def _reasons(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "reasons", "a list of reasons")


@attrs.frozen
class Report(Payload):
    """A unit's report for the period (上报数据): its own ``values`` (none when it reports only
    for the units below it) and a ``note`` shown by its length only. One value per indicator
    and period."""

    kind: ClassVar[str] = "submit"

    values: tuple[DataValue, ...] = attrs.field(default=(), converter=_values)
    note: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        seen: set[tuple[str, str, object]] = set()
        for index, value in enumerate(self.values):
            if not faults.check(isinstance(value, DataValue), f"values[{index}]", "a DataValue", value):
                continue
            faults.check(
                value.key not in seen,
                f"values[{index}]",
                "one value per indicator, unit and period",
                f"{value.indicator} {value.unit} {value.period.code}",
            )
            seen.add(value.key)
        check_free_text(self.note, "note", faults)
        faults.raise_if_any()


@attrs.frozen
class ReturnReasons(Payload):
    """A report sent back for correction (退回): the ``reasons`` — at least one, each a point to
    correct ("妇女微家数与上月台账不符")."""

    kind: ClassVar[str] = "return"

    reasons: tuple[str, ...] = attrs.field(converter=_reasons, repr=_texts_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.reasons), "reasons", "at least one reason", [])
        for index, reason in enumerate(self.reasons):
            check_free_text(reason, f"reasons[{index}]", faults)
            if isinstance(reason, str):
                faults.check(bool(reason.strip()), f"reasons[{index}]", "a non-empty reason", reason)
        faults.raise_if_any()
