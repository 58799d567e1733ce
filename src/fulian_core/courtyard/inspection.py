"""Inspections of households (入户验收记录): who looked, when, and what they saw per item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NoReturn

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults

__all__ = ["Household", "Inspection", "InspectionKind", "Observation"]


class InspectionKind(CodedEnum):
    """Why an inspection was made (检查类型)."""

    SELF_CHECK = ("self_check", "自查")
    SPOT_CHECK = ("spot_check", "抽查")
    HOME_VISIT = ("home_visit", "入户")
    ACCEPTANCE = ("acceptance", "验收")
    RECHECK = ("recheck", "复核")


@attrs.frozen
class Household:
    """A household (农户) and the village unit it belongs to."""

    id: str
    village: str

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        faults.check(isinstance(self.village, str) and bool(self.village), "village", "a unit code", self.village)
        faults.raise_if_any()


def _photos(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Observation:
    """What the inspectors saw for one item (观察记录).

    Give what the item's mode needs: ``met`` for a checklist item (or a bonus earned in full),
    ``defects`` for a deduction item, ``level`` for a graded item, ``points`` for a bonus, and
    ``hit`` for a veto item. ``not_applicable`` marks an item that does not apply (no yard, no
    livestock). Photos are opaque references.
    """

    met: bool | None = None
    defects: int | None = None
    level: str | None = None
    points: Decimal | None = None
    hit: bool | None = None
    not_applicable: bool = False
    note: str = ""
    photos: tuple[str, ...] = attrs.field(default=(), converter=_photos)
    # Which fields are given, as bits (met 1, defects 2, level 4, points 8, hit 16, not
    # applicable 32): lets a compiled plan check an observation's shape with one comparison.
    shape: int = attrs.field(init=False, eq=False, repr=False, default=0)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self,
            "shape",
            (self.met is not None)
            | (self.defects is not None) << 1
            | (self.level is not None) << 2
            | (self.points is not None) << 3
            | (self.hit is not None) << 4
            | bool(self.not_applicable) << 5,
        )
        faults = Faults()
        for name in ("met", "hit", "not_applicable"):
            value = getattr(self, name)
            faults.check(value is None or isinstance(value, bool), name, "true, false or nothing", value)
        faults.check(
            self.defects is None
            or (isinstance(self.defects, int) and not isinstance(self.defects, bool) and self.defects >= 0),
            "defects",
            "a whole count of defects >= 0",
            self.defects,
        )
        faults.check(
            self.level is None or (isinstance(self.level, str) and bool(self.level)),
            "level",
            "a level name",
            self.level,
        )
        points = self.points
        faults.check(
            points is None or (isinstance(points, Decimal) and points.is_finite() and points >= 0),
            "points",
            "points >= 0",
            points,
        )
        faults.check(isinstance(self.note, str), "note", "text", self.note)
        for index, photo in enumerate(self.photos):
            faults.check(isinstance(photo, str) and bool(photo), f"photos[{index}]", "a photo reference", photo)
        faults.raise_if_any()

    @classmethod
    def checked(cls, met: bool, *, note: str = "") -> Observation:
        """A checklist item met or not (达标/不达标)."""
        return cls(met=met, note=note)

    @classmethod
    def found(cls, defects: int, *, note: str = "", photos: Iterable[str] = ()) -> Observation:
        """A deduction item with *defects* found (发现N处)."""
        return cls(defects=defects, note=note, photos=tuple(photos))

    @classmethod
    def graded(cls, level: str, *, note: str = "") -> Observation:
        """A graded item at *level* (好/较好/一般/差 …)."""
        return cls(level=level, note=note)

    @classmethod
    def bonus(cls, points: int | str | Decimal, *, note: str = "") -> Observation:
        """Bonus points earned (加分)."""
        return cls(points=Decimal(points), note=note)

    @classmethod
    def vetoed(cls, hit: bool, *, note: str = "") -> Observation:
        """A veto item hit or clear (一票否决)."""
        return cls(hit=hit, note=note)

    @classmethod
    def skipped(cls, *, note: str = "") -> Observation:
        """An item that does not apply to this household (不适用)."""
        return cls(not_applicable=True, note=note)


class _ReadOnlyObservations(dict[str, Observation]):
    """Observations by item code, read-only.

    A dict that refuses changes rather than a MappingProxyType: a compiled scorer reads 24 items
    per inspection millions of times, and the proxy's ``get`` costs a method call each time.
    """

    __slots__ = ()

    def _refuse(self, *_: object, **__: object) -> NoReturn:
        raise TypeError("an inspection's observations are read-only; build a new Inspection")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        return f"{{{', '.join(f'{key!r}: {value!r}' for key, value in self.items())}}}"


def _observations(value: Mapping[str, Observation]) -> Mapping[str, Observation]:
    return _ReadOnlyObservations(value)


def _inspectors(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(eq=False)
class Inspection:
    """One visit to one household (一次检查): its kind, date, inspectors and observations by
    item code. ``id`` identifies the record (一户一档)."""

    id: str
    household: Household
    date: dt.date
    kind: InspectionKind
    observations: Mapping[str, Observation] = attrs.field(factory=dict, converter=_observations)
    inspectors: tuple[str, ...] = attrs.field(default=(), converter=_inspectors)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        faults.check(isinstance(self.household, Household), "household", "a Household", self.household)
        faults.check(
            isinstance(self.date, dt.date) and not isinstance(self.date, dt.datetime), "date", "a date", self.date
        )
        faults.check(isinstance(self.kind, InspectionKind), "kind", "an InspectionKind", self.kind)
        for code, observation in self.observations.items():
            faults.check(isinstance(observation, Observation), f"observations[{code!r}]", "an Observation", observation)
        for index, inspector in enumerate(self.inspectors):
            faults.check(
                isinstance(inspector, str) and bool(inspector), f"inspectors[{index}]", "an inspector id", inspector
            )
        faults.raise_if_any()

    def _key(self) -> tuple[object, ...]:
        return (self.id, self.household, self.date, self.kind, dict(self.observations), self.inspectors)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Inspection):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.id, self.household, self.date, self.kind, self.inspectors))
