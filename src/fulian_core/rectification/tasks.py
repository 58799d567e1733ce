"""Task lists as data (创建任务清单): 测评项目 the federation leads or assists, the 创建任务 each
breaks into, and the 责任单位 answerable for each task.

A :class:`TaskList` is checked whole when it is built; a
:class:`~fulian_core.errors.DefinitionError` lists every fault with its path
(``tasks[3].item: expected a declared 测评项目 code (...), got 'A9'``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_code, check_text, check_type, listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError

__all__ = ["AssessmentItem", "Responsibility", "Task", "TaskList"]


class Responsibility(CodedEnum):
    """How the federation takes part in a 测评项目 (承担方式): it leads it (主办) or assists the
    lead department (协办)."""

    LEAD = ("lead", "主办")
    ASSIST = ("assist", "协办")


@attrs.frozen
class AssessmentItem:
    """A 测评项目 (assessment item) of the civilised-city assessment that falls to the
    federation: its code, title, and whether the federation leads or assists it."""

    code: str
    title: str
    responsibility: Responsibility


def _units(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "units", "a collection of unit codes")


@attrs.frozen
class Task:
    """A 创建任务 (creation task): its code and title, the 测评项目 it serves (``item``), the
    责任单位 answerable for it (``units``, at least one) and the date it is to be done by
    (``deadline``, 完成时限; None: no date set)."""

    code: str
    title: str
    item: str
    units: tuple[str, ...] = attrs.field(converter=_units)
    deadline: dt.date | None = None


def _items(value: Iterable[AssessmentItem]) -> tuple[AssessmentItem, ...]:
    return listed(value, "items", "a list of assessment items")


def _tasks(value: Iterable[Task]) -> tuple[Task, ...]:
    return listed(value, "tasks", "a list of tasks")


@attrs.frozen(eq=False)
class TaskList:
    """A federation's task list for a campaign (创建任务清单): 测评项目 → 创建任务 → 责任单位, with
    its title and the document it comes from (``source``).

    Checked when built: codes well formed and unique (items and tasks each), titles given,
    every task serving a declared item and naming at least one unit, no unit twice in a task.
    """

    title: str
    items: tuple[AssessmentItem, ...] = attrs.field(converter=_items)
    tasks: tuple[Task, ...] = attrs.field(converter=_tasks)
    source: str = ""
    _items_by_code: Mapping[str, AssessmentItem] = attrs.field(init=False, repr=False)
    _tasks_by_code: Mapping[str, Task] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_text(self.title, "title", faults)
        faults.check(isinstance(self.source, str), "source", "text", self.source)
        items: dict[str, AssessmentItem] = {}
        for index, item in enumerate(self.items):
            path = f"items[{index}]"
            if not faults.check(isinstance(item, AssessmentItem), path, "an AssessmentItem", item):
                continue
            check_code(item.code, f"{path}.code", faults)
            check_text(item.title, f"{path}.title", faults)
            faults.check(
                isinstance(item.responsibility, Responsibility),
                f"{path}.responsibility",
                "a Responsibility (主办 or 协办)",
                item.responsibility,
            )
            faults.check(item.code not in items, f"{path}.code", "an item code not used before", item.code)
            items.setdefault(item.code, item)
        declared = ", ".join(items)
        tasks: dict[str, Task] = {}
        for index, task in enumerate(self.tasks):
            path = f"tasks[{index}]"
            if not faults.check(isinstance(task, Task), path, "a Task", task):
                continue
            check_code(task.code, f"{path}.code", faults)
            check_text(task.title, f"{path}.title", faults)
            faults.check(task.code not in tasks, f"{path}.code", "a task code not used before", task.code)
            faults.check(task.item in items, f"{path}.item", f"a declared 测评项目 code ({declared})", task.item)
            faults.check(bool(task.units), f"{path}.units", "at least one 责任单位", [])
            seen: set[str] = set()
            for position, unit in enumerate(task.units):
                ok = isinstance(unit, str) and bool(unit.strip()) and unit not in seen
                faults.check(ok, f"{path}.units[{position}]", "a unit code not named before in the task", unit)
                if isinstance(unit, str):
                    seen.add(unit)
            faults.check(
                task.deadline is None
                or (isinstance(task.deadline, dt.date) and not isinstance(task.deadline, dt.datetime)),
                f"{path}.deadline",
                "a date or None",
                task.deadline,
            )
            tasks.setdefault(task.code, task)
        faults.raise_if_any(DefinitionError)
        object.__setattr__(self, "_items_by_code", _ReadOnlyDict(items))
        object.__setattr__(self, "_tasks_by_code", _ReadOnlyDict(tasks))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TaskList):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[str, tuple[AssessmentItem, ...], tuple[Task, ...], str]:
        return (self.title, self.items, self.tasks, self.source)

    def item(self, code: str) -> AssessmentItem:
        """The 测评项目 *code*."""
        try:
            found = self._items_by_code.get(code)
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(code, str, "item", f"a 测评项目 of {self.title}")
            raise ValidationError.single("item", f"a 测评项目 of {self.title} ({', '.join(self._items_by_code)})", code)
        return found

    def task(self, code: str) -> Task:
        """The 创建任务 *code*."""
        try:
            found = self._tasks_by_code.get(code)
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(code, str, "task", f"a 创建任务 of {self.title}")
            raise ValidationError.single("task", f"a 创建任务 of {self.title}", code)
        return found

    def has_task(self, code: str) -> bool:
        """Whether the list declares the 创建任务 *code*."""
        try:
            return code in self._tasks_by_code
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            check_type(code, str, "task", f"a 创建任务 of {self.title}")
            raise

    def tasks_of(self, item: str) -> tuple[Task, ...]:
        """The 创建任务 serving the 测评项目 *item*, in list order."""
        self.item(item)
        return tuple(task for task in self.tasks if task.item == item)

    def tasks_for(self, unit: str) -> tuple[Task, ...]:
        """The 创建任务 the 责任单位 *unit* answers for, in list order."""
        return tuple(task for task in self.tasks if unit in task.units)

    def items_by(self, responsibility: Responsibility) -> tuple[AssessmentItem, ...]:
        """The 测评项目 the federation leads (主办) or assists (协办)."""
        return tuple(item for item in self.items if item.responsibility is responsibility)
