"""Who acts in a workflow (操作人): the role they act in and the unit they act for."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_text, listed_set
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.privacy import _name_repr

__all__ = ["Actor", "Role"]


class Role(CodedEnum):
    """The role in which an actor acts (角色)."""

    APPLICANT = ("applicant", "推荐人/申报人")
    STAFF = ("staff", "工作人员")
    REVIEWER = ("reviewer", "评审委员")
    LEADER = ("leader", "领导小组")
    PUBLIC = ("public", "群众")


def _conflicts(value: Iterable[str]) -> frozenset[str]:
    return listed_set(value, "conflicts", "a collection of candidate or unit ids")


@attrs.frozen
class Actor:
    """Who gives a command (操作人): an id, a name, the role they act in, the unit they act for,
    and the subjects and work units they must not judge (回避: their own family, relatives,
    their own work unit)."""

    id: str
    name: str = attrs.field(repr=_name_repr)
    role: Role
    unit: str
    conflicts: frozenset[str] = attrs.field(default=frozenset(), converter=_conflicts)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        check_text(self.name, "name", faults)
        faults.check(isinstance(self.role, Role), "role", "a Role", self.role)
        faults.check(isinstance(self.unit, str) and bool(self.unit), "unit", "a unit code", self.unit)
        for code in sorted(self.conflicts, key=repr):
            faults.check(isinstance(code, str) and bool(code), "conflicts", "candidate or unit ids", code)
        faults.raise_if_any()
