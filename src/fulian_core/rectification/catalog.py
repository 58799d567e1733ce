"""A task list shipped as data (创建任务清单示例), shaped after seed 004.

Seed 004 (篇3, a township federation's 创建全国文明城市 summary) says the federation "对妇联承担
的主办、协办的5项测评项目和17项创建任务进行了细化分解". The counts — 5 测评项目, 17 创建任务 —
are the seed's; the titles are *illustrative*, drawn from the work the same report describes
(文明家庭、家风家教、妇女维权、巾帼志愿服务、庭院整治), and so are the unit codes and dates.
Apps write their own list; this one gives the docs, the worked example and the tests a complete,
valid list to start from.

>>> len(CIVILISED_CITY_TASKS.items), len(CIVILISED_CITY_TASKS.tasks)
(5, 17)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core.rectification.tasks import AssessmentItem, Responsibility, Task, TaskList

__all__ = ["CIVILISED_CITY_TASKS", "CIVILISED_CITY_UNITS"]

_TOWNSHIP = "320583102"
_HUAYUAN, _XINZHEN, _JINGU, _JIANGHANG = "320583102001", "320583102201", "320583102202", "320583102203"
_VILLAGES = (_HUAYUAN, _XINZHEN, _JINGU, _JIANGHANG)

CIVILISED_CITY_UNITS: Final[Mapping[str, str]] = _ReadOnlyDict(
    {
        _TOWNSHIP: "镇妇联",
        _HUAYUAN: "花园社区妇联",
        _XINZHEN: "新镇村妇联",
        _JINGU: "金谷村妇联",
        _JIANGHANG: "姜杭村妇联",
    }
)
"""The 责任单位 of :data:`CIVILISED_CITY_TASKS` by code (illustrative codes and names)."""

_OCTOBER, _NOVEMBER, _DECEMBER = dt.date(2019, 10, 31), dt.date(2019, 11, 30), dt.date(2019, 12, 31)

CIVILISED_CITY_TASKS: Final = TaskList(
    title="镇妇联创建全国文明城市任务分解（示例）",
    source="seed 004 篇3: 5项测评项目、17项创建任务（标题为示例）",
    items=(
        AssessmentItem("A1", "文明家庭创建", Responsibility.LEAD),
        AssessmentItem("A2", "家风家教与家庭教育", Responsibility.LEAD),
        AssessmentItem("A3", "妇女儿童权益保障", Responsibility.LEAD),
        AssessmentItem("A4", "巾帼志愿服务", Responsibility.ASSIST),
        AssessmentItem("A5", "庭院整治与美丽家园", Responsibility.ASSIST),
    ),
    tasks=(
        Task("T01", "向全镇家庭发放创建文明城市倡议书", "A1", (_TOWNSHIP, *_VILLAGES), _OCTOBER),
        Task("T02", "开展星级文明户、文明家庭评选", "A1", (_TOWNSHIP,), _DECEMBER),
        Task("T03", "表彰十佳孝老爱亲模范、十佳好媳妇", "A1", (_TOWNSHIP,), _DECEMBER),
        Task("T04", "举办和谐家庭事迹讲座和星级文明新风户巡展", "A1", (_TOWNSHIP, _HUAYUAN), _NOVEMBER),
        Task("T05", "各村（社区）建好家庭教育指导站", "A2", _VILLAGES, _OCTOBER),
        Task("T06", "办好父母学堂，定期开展家庭教育培训", "A2", _VILLAGES, _DECEMBER),
        Task("T07", "开展亲子朗诵、书香家庭经典朗读活动", "A2", (_TOWNSHIP, _HUAYUAN, _XINZHEN), _NOVEMBER),
        Task("T08", "宣传家风家训，开展好家风故事分享", "A2", (_TOWNSHIP, *_VILLAGES), None),
        Task("T09", "健全妇女维权站，公开维权热线", "A3", (_TOWNSHIP, *_VILLAGES), _OCTOBER),
        Task("T10", "开展婚姻法、妇女法普法宣传", "A3", (_TOWNSHIP,), _DECEMBER),
        Task("T11", "创建平安家庭、零暴力家庭", "A3", _VILLAGES, _DECEMBER),
        Task("T12", "充实巾帼志愿者队伍，完善服务网络", "A4", (_TOWNSHIP,), _OCTOBER),
        Task("T13", "开展义工妈妈志愿服务", "A4", (_HUAYUAN, _XINZHEN), None),
        Task("T14", "开展文明礼仪“三礼五进”宣传", "A4", (_TOWNSHIP, _HUAYUAN), _NOVEMBER),
        Task("T15", "动员妇女和家庭参与庭院整治行动", "A5", (_XINZHEN, _JINGU, _JIANGHANG), _OCTOBER),
        Task("T16", "开展绿色庭院美化家园创建", "A5", (_XINZHEN, _JINGU, _JIANGHANG), _NOVEMBER),
        Task("T17", "开展节能减排家庭社区行动", "A5", (_HUAYUAN, _JINGU), _DECEMBER),
    ),
)
"""A township federation's civilised-city task list after seed 004: 5 测评项目 (3 主办, 2 协办)
and 17 创建任务 with their 责任单位 and 完成时限 (illustrative titles, units and dates)."""
