"""What is known about whoever is judged (事实): one vocabulary for every rule sheet.

A :class:`Fact` says what was found for one item of a sheet: that its statement holds or
not, that nothing is known yet, that it does not apply, a rating on the item's scale, a
count of occurrences (发现2处), points given directly, a measured quantity (``52亩``,
``60余人``), the parts of a ratio, a date, or a bare number. The same facts serve a family
judged against 评选标准 and a household inspected against a 评分细则.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_free_text as _check_free_text
from fulian_core._definitions import encodable, listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.privacy import _name_repr, _text_repr
from fulian_core.quantities import Quantity

__all__ = [
    "MAX_COUNT",
    "MAX_PLACES",
    "Fact",
    "FactKind",
    "Subject",
    "SubjectKind",
    "freeze_facts",
]

MAX_COUNT: Final = 1_000_000
"""The most occurrences one fact may count: an inspection finds tens, never millions."""
MAX_PLACES: Final = 6
"""The most decimal places of points given or a number measured: 0.5 and 7.25 points, a
score of 85.125 — never more than a county's scores are written with."""
_MAX_POINTS: Final = Decimal(10**9)
_MAX_TEXT: Final = 2000


def _places_within(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -MAX_PLACES


class SubjectKind(CodedEnum):
    """What kind of subject a sheet judges (评定对象类型)."""

    FAMILY = ("family", "家庭")
    HOUSEHOLD = ("household", "农户")
    PERSON = ("person", "个人")
    POST = ("post", "岗位/集体")
    ORGANISATION = ("organisation", "单位/组织")


@attrs.frozen
class Subject:
    """Who or what is judged (评定对象): an id, a display name (masked whenever shown), a
    kind and, optionally, the code of the unit it belongs to (a household's village, the
    unit that put a candidate forward)."""

    id: str
    name: str = attrs.field(default="", repr=_name_repr)
    kind: SubjectKind = SubjectKind.FAMILY
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id) and encodable(self.id), "id", "a non-empty id", self.id)
        faults.check(
            isinstance(self.name, str) and (self.name == "" or bool(self.name.strip())) and encodable(self.name),
            "name",
            "a name, or nothing (text without NUL or lone surrogates)",
            "<a name>" if isinstance(self.name, str) else self.name,
        )
        faults.check(isinstance(self.kind, SubjectKind), "kind", "a SubjectKind", self.kind)
        faults.check(
            self.unit is None or (isinstance(self.unit, str) and bool(self.unit) and encodable(self.unit)),
            "unit",
            "a unit code or None",
            self.unit,
        )
        faults.raise_if_any()


class FactKind(CodedEnum):
    """What a fact says about an item (事实类型)."""

    MET = ("met", "符合")
    NOT_MET = ("not_met", "不符合")
    UNKNOWN = ("unknown", "待核实")
    NOT_APPLICABLE = ("not_applicable", "不适用")
    RATED = ("rated", "评定等次")
    FOUND = ("found", "发现处数")
    SCORED = ("scored", "评定分数")
    MEASURED = ("measured", "测量数值")
    RATIO = ("ratio", "占比")
    DATED = ("dated", "日期")
    NUMBER = ("number", "数值")


# The payload field each kind carries (none for the first four).
_PAYLOAD: Final[dict[FactKind, tuple[str, ...]]] = {
    FactKind.MET: (),
    FactKind.NOT_MET: (),
    FactKind.UNKNOWN: (),
    FactKind.NOT_APPLICABLE: (),
    FactKind.RATED: ("rating",),
    FactKind.FOUND: ("count",),
    FactKind.SCORED: ("points",),
    FactKind.MEASURED: ("quantity",),
    FactKind.RATIO: ("part", "whole"),
    FactKind.DATED: ("day",),
    FactKind.NUMBER: ("number",),
}
_PAYLOAD_FIELDS: Final = ("rating", "count", "points", "quantity", "part", "whole", "day", "number")


def _attachments(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "attachments", "a list of references")


def _decimal(value: object, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise ValidationError.single(path, "an int, a decimal string or a Decimal", value)
    try:
        return Decimal(value)
    except ArithmeticError:
        raise ValidationError.single(path, "a decimal number", value) from None


def _quantity_or_text(value: Quantity | str | None, path: str) -> Quantity | None:
    if value is None or isinstance(value, Quantity):
        return value
    try:
        return Quantity.parse(value)
    except ValidationError as error:
        raise error.under(path) from None


@attrs.frozen
class Fact:
    """One fact for one item (事实), with its source (依据) and attachments (photos, documents:
    opaque references).

    ``kind`` says which payload it carries: ``rating`` (RATED, a name on the item's scale),
    ``count`` (FOUND, occurrences found), ``points`` (SCORED, points given directly),
    ``quantity`` (MEASURED), ``part`` and ``whole`` (RATIO), ``day`` (DATED) or ``number``
    (NUMBER). For an item whose statement is a fault or a disqualifying condition (私搭乱建,
    违法犯罪), MET means the condition was found.
    """

    kind: FactKind
    rating: str = ""
    count: int | None = None
    points: Decimal | None = None
    quantity: Quantity | None = None
    part: Quantity | None = None
    whole: Quantity | None = None
    day: dt.date | None = None
    number: Decimal | None = None
    source: str = attrs.field(default="", repr=_text_repr)
    attachments: tuple[str, ...] = attrs.field(default=(), converter=_attachments)

    def __attrs_post_init__(self) -> None:
        if self._plainly_valid():
            return
        faults = Faults()
        if not faults.check(isinstance(self.kind, FactKind), "kind", "a FactKind", self.kind):
            faults.raise_if_any()
        carried = _PAYLOAD[self.kind]
        for name in _PAYLOAD_FIELDS:
            value = getattr(self, name)
            given = value != "" if name == "rating" else value is not None
            if name not in carried:
                faults.check(not given, name, f"no {name} for a '{self.kind.code}' fact", value)
            elif not given:
                faults.add(name, _NEEDS[name], value)
            else:
                _check_payload(name, value, faults)
        if self.kind is FactKind.RATIO and isinstance(self.part, Quantity) and isinstance(self.whole, Quantity):
            _check_ratio(self.part, self.whole, faults)
        if _check_free_text(self.source, "source", faults):
            faults.check(len(self.source) <= _MAX_TEXT, "source", f"at most {_MAX_TEXT} characters", len(self.source))
        for index, reference in enumerate(self.attachments):
            faults.check(
                isinstance(reference, str) and bool(reference), f"attachments[{index}]", "a reference", reference
            )
        faults.raise_if_any()

    def _plainly_valid(self) -> bool:
        # The facts an inspection or a review gives by the million, checked in one expression;
        # anything else gets the full check, which names every fault.
        if (
            type(self.source) is not str
            or self.attachments
            or len(self.source) > _MAX_TEXT
            or self.quantity is not None
            or self.part is not None
            or self.whole is not None
            or self.day is not None
            or self.number is not None
        ):
            return False
        kind, count, rating, points = self.kind, self.count, self.rating, self.points
        if kind is FactKind.FOUND:
            return points is None and rating == "" and type(count) is int and 0 <= count <= MAX_COUNT
        if kind is FactKind.RATED:
            return (
                points is None
                and count is None
                and type(rating) is str
                and 0 < len(rating) <= 100
                and bool(rating.strip())
            )
        if kind is FactKind.SCORED:
            return (
                count is None
                and rating == ""
                and type(points) is Decimal
                and points.is_finite()
                and 0 <= points < _MAX_POINTS
                and _places_within(points)
            )
        plain = kind is FactKind.MET or kind is FactKind.NOT_MET or kind is FactKind.UNKNOWN
        return (plain or kind is FactKind.NOT_APPLICABLE) and points is None and count is None and rating == ""

    # -- named constructors ------------------------------------------------------------------

    @classmethod
    def met(cls, source: str = "") -> Fact:
        """The item's statement holds (符合; for a fault or a disqualifier: it was found)."""
        return cls(FactKind.MET, source=source)

    @classmethod
    def not_met(cls, source: str = "") -> Fact:
        """The item's statement does not hold (不符合; for a fault or a disqualifier: clear)."""
        return cls(FactKind.NOT_MET, source=source)

    @classmethod
    def unknown(cls, source: str = "") -> Fact:
        """Nothing is known yet (待核实)."""
        return cls(FactKind.UNKNOWN, source=source)

    @classmethod
    def not_applicable(cls, source: str = "") -> Fact:
        """The item does not apply (不适用: no yard, no children, no livestock)."""
        return cls(FactKind.NOT_APPLICABLE, source=source)

    @classmethod
    def rated(cls, rating: str, source: str = "") -> Fact:
        """A rating on the item's scale (评定为优/良/中/差, 好/较好/一般/差 …)."""
        return cls(FactKind.RATED, rating=rating, source=source)

    @classmethod
    def found(cls, count: int, source: str = "", *, attachments: Iterable[str] = ()) -> Fact:
        """Occurrences found of a deducted fault (发现N处)."""
        return cls(FactKind.FOUND, count=count, source=source, attachments=attachments)

    @classmethod
    def scored(cls, points: int | str | Decimal, source: str = "") -> Fact:
        """Points given directly (评定分数), within the item's maximum."""
        return cls(FactKind.SCORED, points=_decimal(points, "points"), source=source)

    @classmethod
    def measured(cls, quantity: Quantity | str, source: str = "") -> Fact:
        """A measured figure (``Quantity.parse("52亩")`` or the text ``"52亩"``)."""
        return cls(FactKind.MEASURED, quantity=_quantity_or_text(quantity, "quantity"), source=source)

    @classmethod
    def ratio(cls, part: Quantity | str, whole: Quantity | str, source: str = "") -> Fact:
        """The parts of a share: ``Fact.ratio("60余人", "100人")`` (女性职工60余人，共100人)."""
        return cls(
            FactKind.RATIO,
            part=_quantity_or_text(part, "part"),
            whole=_quantity_or_text(whole, "whole"),
            source=source,
        )

    @classmethod
    def dated(cls, day: dt.date, source: str = "") -> Fact:
        """The day something happened or began (从业起始日, 最近一次违法的日期, 出生日期)."""
        return cls(FactKind.DATED, day=day, source=source)

    @classmethod
    def of_number(cls, number: int | str | Decimal, source: str = "") -> Fact:
        """A bare number (考核得分, 评议票数): compared with the item's thresholds."""
        return cls(FactKind.NUMBER, number=_decimal(number, "number"), source=source)

    # -- reading -----------------------------------------------------------------------------

    @property
    def payload(self) -> tuple[str, ...]:
        """The names of the payload fields this kind of fact carries (``("count",)`` for
        FOUND, ``("part", "whole")`` for RATIO, none for MET …)."""
        return _PAYLOAD[self.kind]

    @property
    def is_known(self) -> bool:
        """Whether the fact says anything (not UNKNOWN)."""
        return self.kind is not FactKind.UNKNOWN


_NEEDS: Final = {
    "rating": "the name of a rating",
    "count": "a whole count of occurrences >= 0",
    "points": "a number of points >= 0",
    "quantity": "a measured Quantity",
    "part": "the part, a Quantity",
    "whole": "the whole, a Quantity",
    "day": "a date",
    "number": "a number",
}


def _check_payload(name: str, value: object, faults: Faults) -> None:
    if name == "rating":
        faults.check(isinstance(value, str) and bool(value.strip()) and len(value) <= 100, name, _NEEDS[name], value)
    elif name == "count":
        faults.check(
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT,
            name,
            f"a whole count of occurrences from 0 to {MAX_COUNT}",
            value,
        )
    elif name in ("points", "number"):
        ok = (
            isinstance(value, Decimal)
            and value.is_finite()
            and value.copy_abs() < _MAX_POINTS
            and _places_within(value)
            and (name == "number" or value >= 0)
        )
        faults.check(ok, name, f"{_NEEDS[name]} below 10^9 with at most {MAX_PLACES} decimal places", value)
    elif name == "day":
        faults.check(isinstance(value, dt.date) and not isinstance(value, dt.datetime), name, "a date", value)
    else:
        faults.check(isinstance(value, Quantity), name, _NEEDS[name], value)
        if name == "whole" and isinstance(value, Quantity):
            faults.check(value.value is None or value.value > 0, name, "a whole greater than zero", value)


def _check_ratio(part: Quantity, whole: Quantity, faults: Faults) -> None:
    if faults.check(
        part.unit is whole.unit, "whole", f"a whole in the part's unit ({part.unit.label})", whole.unit.label
    ):
        most = whole.bounds.high
        faults.check(
            most is None or part.bounds.low <= most, "part", f"a part no larger than its whole ({whole})", str(part)
        )


class _FrozenFacts(_ReadOnlyDict[str, Fact]):
    """Facts by item code, read-only: a compiled sheet reads every item's fact with ``get``
    millions of times."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{{{', '.join(f'{key!r}: {value!r}' for key, value in self.items())}}}"


def freeze_facts(facts: Mapping[str, Fact], *, path: str = "facts") -> Mapping[str, Fact]:
    """*facts* as a read-only mapping, every key an item code and every value a :class:`Fact`
    (faults named by path otherwise)."""
    if isinstance(facts, _FrozenFacts):
        return facts
    if type(facts) is dict:
        # Cheap checks first; faults are collected only when one fails.
        for code, fact in facts.items():
            if type(code) is not str or not code or type(fact) is not Fact:
                break
        else:
            return _FrozenFacts(facts)
    if not isinstance(facts, Mapping):
        raise ValidationError.single(path, "a mapping of item codes to facts", facts)
    faults = Faults()
    for code, fact in facts.items():
        if not faults.check(isinstance(code, str) and bool(code), path, "item codes as keys", code):
            continue
        faults.check(isinstance(fact, Fact), f"{path}[{code!r}]", "a Fact", fact)
    faults.raise_if_any()
    return _FrozenFacts(facts)
