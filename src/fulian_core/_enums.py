"""Enumerations that carry a stable code (what serializes) and a Chinese label (what people read)."""

from __future__ import annotations

import enum
from typing import TypeVar

from fulian_core.errors import ValidationError

_E = TypeVar("_E", bound="CodedEnum")


class CodedEnum(enum.Enum):
    """An enum whose value is a stable English code and which has a Chinese :attr:`label`."""

    label: str
    ordinal: int

    def __new__(cls, code: str, label: str) -> CodedEnum:
        member = object.__new__(cls)
        member._value_ = code
        member.label = label
        # Position in declaration order, a plain attribute so hot loops avoid Enum.__hash__.
        member.ordinal = len(cls._member_map_)
        return member

    @property
    def code(self) -> str:
        """The stable code, used in serialized data."""
        return str(self._value_)

    @classmethod
    def from_code(cls: type[_E], code: str, *, path: str = "code") -> _E:
        """The member with this code, or a :class:`ValidationError` naming the codes allowed."""
        for member in cls:
            if member.code == code:
                return member
        allowed = ", ".join(repr(member.code) for member in cls)
        raise ValidationError.single(path, f"one of {allowed}", code)

    @classmethod
    def from_label(cls: type[_E], label: str, *, path: str = "label") -> _E:
        """The member with this Chinese label."""
        for member in cls:
            if member.label == label:
                return member
        allowed = "、".join(member.label for member in cls)
        raise ValidationError.single(path, f"one of {allowed}", label)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.label}>"
