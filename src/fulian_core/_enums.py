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
    code: str
    """The stable code, used in serialized data."""

    def __new__(cls, code: str, label: str) -> CodedEnum:
        member = object.__new__(cls)
        member._value_ = code
        member.label = label
        # Plain attributes, read in hot loops: no property call, no Enum.__hash__.
        member.code = code
        member.ordinal = len(cls._member_map_)
        return member

    @classmethod
    def from_code(cls: type[_E], code: str, *, path: str = "code") -> _E:
        """The member with this code, or a :class:`ValidationError` naming the codes allowed."""
        member = cls._value2member_map_.get(code) if isinstance(code, str) else None
        if member is not None:
            return member  # type: ignore[return-value]
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
