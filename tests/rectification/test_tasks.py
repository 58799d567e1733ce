"""Task lists as data: seed 004's 5 测评项目 and 17 创建任务, and every fault of a bad list."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import DefinitionError, ValidationError
from fulian_core.rectification import AssessmentItem, Responsibility, Task, TaskList
from fulian_core.rectification.catalog import CIVILISED_CITY_TASKS, CIVILISED_CITY_UNITS
from fulian_core.workflows import CHINA_STANDARD_TIME

DEADLINE = dt.datetime(2019, 10, 31, tzinfo=CHINA_STANDARD_TIME)  # a moment where a date belongs


def test_seed_004s_task_list_has_5_items_and_17_tasks() -> None:
    tasks = CIVILISED_CITY_TASKS
    assert (len(tasks.items), len(tasks.tasks)) == (5, 17)
    assert [item.code for item in tasks.items_by(Responsibility.LEAD)] == ["A1", "A2", "A3"]
    assert [item.code for item in tasks.items_by(Responsibility.ASSIST)] == ["A4", "A5"]
    assert sum(len(tasks.tasks_of(item.code)) for item in tasks.items) == 17
    assert [task.code for task in tasks.tasks_of("A5")] == ["T15", "T16", "T17"]
    assert tasks.task("T05").units == ("320583102001", "320583102201", "320583102202", "320583102203")
    assert {unit for task in tasks.tasks for unit in task.units} == set(CIVILISED_CITY_UNITS)
    assert [task.code for task in tasks.tasks_for("320583102202")][:3] == ["T01", "T05", "T06"]
    assert tasks.has_task("T17")
    assert not tasks.has_task("T18")
    assert tasks.item("A4").responsibility.label == "协办"


def test_lookups_name_what_they_expected() -> None:
    with pytest.raises(ValidationError) as caught:
        CIVILISED_CITY_TASKS.item("A9")
    assert str(caught.value) == (
        "item: expected a 测评项目 of 镇妇联创建全国文明城市任务分解（示例） (A1, A2, A3, A4, A5), got 'A9'"
    )
    with pytest.raises(ValidationError, match=r"^task: expected a 创建任务 of .*, got 'T99'$"):
        CIVILISED_CITY_TASKS.task("T99")


def test_a_bad_list_reports_every_fault_with_its_path() -> None:
    with pytest.raises(DefinitionError) as caught:
        TaskList(
            title=" ",
            items=(
                AssessmentItem("A1", "文明家庭创建", Responsibility.LEAD),
                AssessmentItem("A1", "", "lead"),  # type: ignore[arg-type]
            ),
            tasks=(
                Task("T1", "发放倡议书", "A1", ("u1",)),
                Task("T1", "评选文明家庭", "A9", ()),
                Task("T 2", "庭院整治", "A1", ("u1", "u1"), DEADLINE),
            ),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "title: expected non-empty text, got ' '",
        "items[1].title: expected non-empty text, got ''",
        "items[1].responsibility: expected a Responsibility (主办 or 协办), got 'lead'",
        "items[1].code: expected an item code not used before, got 'A1'",
        "tasks[1].code: expected a task code not used before, got 'T1'",
        "tasks[1].item: expected a declared 测评项目 code (A1), got 'A9'",
        "tasks[1].units: expected at least one 责任单位, got []",
        "tasks[2].code: expected a code of ASCII letters, digits, '_' or '-', got 'T 2'",
        "tasks[2].units[1]: expected a unit code not named before in the task, got 'u1'",
        "tasks[2].deadline: expected a date or None, got datetime.datetime(2019, 10, 31, 0, 0, tzinfo=datetime.tim...",
    ]
    with pytest.raises(ValidationError, match=r"^units: expected a collection of unit codes, not text or a mapping"):
        Task("T1", "发放倡议书", "A1", "u1")


def test_lists_compare_by_value() -> None:
    again = TaskList(
        CIVILISED_CITY_TASKS.title, CIVILISED_CITY_TASKS.items, CIVILISED_CITY_TASKS.tasks, CIVILISED_CITY_TASKS.source
    )
    assert again == CIVILISED_CITY_TASKS
    assert hash(again) == hash(CIVILISED_CITY_TASKS)
    assert again != TaskList("另一清单", again.items, again.tasks)
    assert again != "list"
