"""Errors an app can show (issue 16, point 5): every fault and refusal carries a stable code
and the params to word it, renders in English and Chinese, and gives its path as a JSON
Pointer; the table of codes in the docs is the registry's."""

from __future__ import annotations

import ast
import datetime as dt
import functools
import pickle
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    FAULT_CODES,
    Fault,
    FaultCode,
    FulianError,
    Level,
    TransitionRefused,
    UnknownCommandError,
    UnknownUnitError,
    ValidationError,
    structure,
)
from fulian_core._definitions import check_code, check_moment, check_type, check_whole, listed
from fulian_core._faults import Faults
from fulian_core.nominations import Command, Quota
from tests.nominations.fixtures import CLERK, LEADER, Run, at, campaign

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "fulian_core"
DOCS_PAGE = ROOT / "docs" / "using-in-an-app.md"

# Words of an English template: a Chinese rendering that still holds one (outside the path, the
# value that came and the params) was not translated.
_ENGLISH = re.compile(
    r"\b(?:a|an|the|of|or|and|to|for|expected|got|at|most|least|with|not|no|number|text|list|refused|guard)\b"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
ID_NUMBER = "110105194912310021"
MOBILE = "13812345678"


def _unfilled(fault: Fault) -> set[str]:
    """The params *fault*'s Chinese template needs (outside its optional parts) but lacks."""
    template = re.sub(r"\[[^\[\]]*\]", "", FAULT_CODES[fault.code].zh)
    return set(re.findall(r"\{(\w+)\}", template)) - set(fault.params)


def _untranslated(fault: Fault) -> list[str]:
    """The English template words left in *fault*'s Chinese rendering."""
    rest = fault.render("zh").replace(fault.path, "", 1).replace(fault.got_text, "")
    for value in fault.params.values():
        for member in value if isinstance(value, tuple) else (value,):
            if str(member):
                rest = rest.replace(str(member), "")
    return _ENGLISH.findall(rest)


# -- the walks: faults from every public constructor and function -----------------------------------


def _walked_errors() -> tuple[dict[tuple[str, str], Fault], list[FulianError]]:
    """The faults (one per code and wording) and the other errors the hostile walk and the
    wrong-types walk of the hardening tests raise."""
    # Imported here: building the walks costs seconds, paid only when this test runs.
    from tests.hardening import test_hostile_walk as hostile
    from tests.hardening import test_wrong_types as wrong
    from tests.hardening.test_collections import instances

    faults: dict[tuple[str, str], Fault] = {}
    others: list[FulianError] = []

    def keep(error: FulianError) -> None:
        if isinstance(error, ValidationError):
            for fault in error.faults:
                faults.setdefault((fault.code, fault.expected), fault)
        else:
            others.append(error)

    # The value nested 10,000 deep is left out: it costs 20 s and meets the same few checks.
    cheap = {what: make for what, make in hostile.HOSTILE_VALUES.items() if what != "nested 10,000 deep"}
    for cls, name in hostile.CASES:
        data = hostile._plain(instances()[cls])
        assert data is not None
        for make in cheap.values():
            try:
                structure({**data, name: make()}, cls)
            except FulianError as error:  # noqa: PERF203 - one payload per hostile value
                keep(error)
    for call, parameter in wrong.PAIRS:
        for make in wrong.HOSTILE.values():
            try:
                call.spoil(parameter, make())
            except FulianError as error:  # noqa: PERF203 - one call per hostile value
                keep(error)
            except Exception:  # noqa: S110 - the wrong-types walk itself judges these
                pass
    return faults, others


def test_every_fault_of_the_walks_has_a_specific_code_and_renders_in_chinese() -> None:
    faults, others = _walked_errors()
    assert len(faults) >= 600, len(faults)  # a floor, so the sample cannot shrink unseen
    generic = sorted(fault.expected for fault in faults.values() if fault.code == "invalid")
    assert not generic, generic
    for fault in faults.values():
        assert fault.code in FAULT_CODES, fault.code
        shown = fault.render("zh")
        assert _CJK.search(shown), shown
        assert not _untranslated(fault), (fault.expected, shown)
        assert not _unfilled(fault), (fault.expected, shown)
        assert ID_NUMBER not in shown
        assert MOBILE not in shown
    codes = {fault.code for fault in faults.values()}
    assert len(codes) >= 40, sorted(codes)
    assert others  # the walks also meet unknown units, refusals and unknown commands
    for error in others:
        assert error.code != "invalid", repr(error)
        assert _CJK.search(error.render("zh")), error.render("zh")


# -- the raise sites: every wording written in the library has a code ---------------------------------

# The position of the expectation among a call's arguments, for the calls that make faults.
_EXPECTED_AT = {"Fault": (1, 3), "single": (1, 3), "add": (1, 3), "check": (2, 4)}
_SAMPLES = ("1", "x", "Level", "a b")


def _wordings(node: ast.expr) -> list[str]:
    """The wording written at a raise site; for an f-string, a few fillings of its holes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []
    return [
        "".join(
            str(part.value)
            if isinstance(part, ast.Constant)
            else ("'x'" if isinstance(part, ast.FormattedValue) and part.conversion == ord("r") else sample)
            for part in node.values
        )
        for sample in _SAMPLES
    ]


@functools.cache
def _sources() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SRC.rglob("*.py")))


def _raise_sites() -> list[tuple[str, int, list[str]]]:
    sites = []
    for path, tree in _sources():
        if path.name == "_program.py":  # compiles rules to Python: its add() writes source lines
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            position, count = _EXPECTED_AT.get(name, (0, -1))
            if len(node.args) != count:
                continue
            expected = node.args[position]
            head = expected.values[0] if isinstance(expected, ast.JoinedStr) and expected.values else None
            if isinstance(head, ast.FormattedValue) and ast.unparse(head.value) == "what":
                continue  # the caller's own wording (a list of …), met by the walks above
            wordings = _wordings(expected)
            if wordings:
                sites.append((str(path.relative_to(SRC)), node.lineno, wordings))
    return sites


def test_every_wording_written_at_a_raise_site_has_a_code() -> None:
    sites = _raise_sites()
    assert len(sites) >= 750, len(sites)
    unknown = [
        f"{where}:{line}: {wordings[0]}"
        for where, line, wordings in sites
        if all(Fault("", wording).code == "invalid" for wording in wordings)
    ]
    assert not unknown, unknown
    unfilled = []
    for where, line, wordings in sites:
        read = next(fault for wording in wordings if (fault := Fault("", wording)).code != "invalid")
        if _unfilled(read):
            unfilled.append(f"{where}:{line}: {wordings[0]} lacks {sorted(_unfilled(read))}")
    assert not unfilled, unfilled


def test_every_guard_the_library_declares_has_a_chinese_meaning() -> None:
    declared = {"state"}
    for _, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Guard" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    declared.add(first.value)
    assert len(declared) >= 40
    missing = sorted(guard for guard in declared if f"guard.{guard}" not in FAULT_CODES)
    assert not missing, missing


# -- specific codes and params ------------------------------------------------------------------------


def test_a_fault_reads_its_code_and_params_from_its_wording() -> None:
    error = ValidationError.single("households[3].size", "a whole number from 1 to 100", 5000)
    assert str(error) == "households[3].size: expected a whole number from 1 to 100, got 5000"
    assert (error.code, dict(error.params)) == ("out_of_range", {"low": 1, "high": 100})
    assert error.render("zh") == "households[3].size：应在 1 到 100 之间，实际为 5000"
    assert error.render("en") == str(error)


def test_the_shared_checks_give_their_codes_and_params() -> None:
    faults = Faults()
    check_whole(-1, "count", faults)
    check_whole(10**16, "households", faults)
    check_whole(7, "members", faults, low=1, high=5)
    check_code("户 code", "code", faults)
    check_moment(dt.datetime(3000, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))), "at", faults)
    with pytest.raises(ValidationError) as caught:
        faults.raise_if_any()
    found = [(fault.path, fault.code, dict(fault.params)) for fault in caught.value.faults]
    assert found == [
        ("count", "too_small", {"low": 0}),
        ("households", "too_large", {"high": "10^15"}),
        ("members", "too_large", {"high": 5}),
        ("code", "code_format", {"allowed": ("_", "-")}),
        ("at", "moment_out_of_range", {"low": 1900, "high": 2999}),
    ]
    assert caught.value.render("zh").splitlines() == [
        "count：应为不小于 0 的整数，实际为 -1",
        "households：应为不大于 10^15 的整数，实际为 10000000000000000",
        "members：应为不大于 5 的整数，实际为 7",
        "code：应为由 ASCII 字母、数字及 _、- 组成的代码，实际为 '户 code'",
        "at：应为 1900 年至 2999 年之间的时间（北京时间），实际为 '3000-01-01T00:00:00+08:00'",
    ]
    with pytest.raises(ValidationError) as caught:
        check_type("7", (int, Level), "level")
    assert (caught.value.code, dict(caught.value.params)) == ("expected_type", {"types": ("int", "Level")})
    assert str(caught.value) == "level: expected a int or a Level, got 'str'"
    assert caught.value.render("zh") == "level：应为 int 或 Level 类型的值，实际为 'str'"
    with pytest.raises(ValidationError) as caught:
        listed("family-9", "members", "a list of members")
    assert caught.value.code == "expected_list"
    assert caught.value.render("zh") == "members：应为列表（不能是文本或映射），实际为 'family-9'"


def test_a_code_of_an_enum_lists_the_choices() -> None:
    with pytest.raises(ValidationError) as caught:
        structure("town", Level)
    assert caught.value.code == "expected_one_of"
    assert caught.value.params["choices"] == tuple(level.value for level in Level)
    assert caught.value.render("zh") == (
        "应为以下之一：national、province、city、county、township、village、grid，实际为 'town'"
    )


def test_chinese_masks_ids_and_mobiles_as_english_does() -> None:
    fault = Fault("holder", f"a bound above low ({MOBILE})", int(ID_NUMBER))
    shown = fault.render("zh")
    assert shown == "holder：上下限或区间不一致（与 low 相比）（138****5678），实际为 1****************1"
    assert MOBILE not in shown
    assert ID_NUMBER not in shown
    assert MOBILE not in str(fault)
    total = Fault("points", f"points adding up to the maximum {ID_NUMBER}", 7)
    assert total.params["total"] == int(ID_NUMBER)  # the value as it came, for the app
    assert total.render("zh") == "points：各项之和应等于 1****************1，实际为 7"


def test_an_unknown_wording_falls_back_to_a_generic_code_showing_the_english() -> None:
    fault = Fault("x", "something no table knows", 1)
    assert (fault.code, dict(fault.params)) == ("invalid", {"expected": "something no table knows"})
    assert fault.render("zh") == "x：应为：something no table knows，实际为 1"


def test_a_given_code_is_kept_nested_pickled_and_compared_as_before() -> None:
    fault = Fault("size", "at most 3", 4, code="too_many", params={"limit": 3})
    nested = ValidationError([fault]).under("households[2]")
    again = pickle.loads(pickle.dumps(nested))  # noqa: S301 - our own bytes
    assert again.faults[0].path == "households[2].size"
    assert (again.faults[0].code, dict(again.faults[0].params)) == ("too_many", {"limit": 3})
    assert again.render("zh") == "households[2].size：项数应不超过 3，实际为 4"
    assert fault == Fault("size", "at most 3", 4)  # equality as before: where and what
    with pytest.raises(TypeError):
        fault.params["limit"] = 4  # type: ignore[index]
    for bad in ("limit", [("limit", 3)]):
        with pytest.raises(ValidationError) as caught:
            Fault("size", "at most 3", 4, code="too_many", params=bad)  # type: ignore[arg-type]
        assert caught.value.path == "params"


def test_a_language_other_than_en_or_zh_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        ValidationError.single("x", "text", 1).render("fr")  # type: ignore[arg-type]
    assert str(caught.value) == "lang: expected one of 'en', 'zh', got 'fr'"
    with pytest.raises(ValidationError):
        UnknownUnitError("9").render("de")  # type: ignore[arg-type]


def test_a_code_renders_its_templates_and_refuses_what_is_not_params() -> None:
    kind = FAULT_CODES["number_out_of_range"]
    assert kind.render("zh", {"high": "10^9", "places": "4"}) == "应为小于 10^9、最多 4 位小数的数"
    assert kind.render("zh", {"low": 0, "high": "10^9", "places": "4"}) == "应为不小于 0 且小于 10^9、最多 4 位小数的数"
    assert kind.render("en", {"high": "10^9", "places": "4"}) == "a number below 10^9 with at most 4 decimal places"
    with pytest.raises(ValidationError) as caught:
        kind.render("zh", None)  # type: ignore[arg-type]
    assert str(caught.value) == "params: expected a mapping of params, not text or a list, got 'NoneType'"
    with pytest.raises(ValidationError):
        kind.render(None, {})  # type: ignore[arg-type]


def test_more_faults_than_kept_are_counted_in_chinese_too() -> None:
    error = ValidationError([Fault(f"[{index}]", "text", index) for index in range(102)])
    assert error.render("zh").splitlines()[-1] == "… 另有 2 项错误"


# -- refusals of workflow commands ------------------------------------------------------------------


def test_a_refusal_by_the_quota_guard_has_its_code_and_renders_in_chinese() -> None:
    run = Run(campaign(quotas=(Quota(Level.VILLAGE, 1),)))
    ids = run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    for minute, nomination in enumerate(ids):
        run.do(Command.confirm(LEADER, at(4, 15, 9, minute), nomination))
    run.do(Command.forward(CLERK, at(4, 16), "n-1"))
    with pytest.raises(TransitionRefused) as caught:
        run.do(Command.forward(CLERK, at(4, 16, 10), "n-2"))
    refused = caught.value
    assert refused.code == "guard.quota"
    assert dict(refused.params) == {
        "command": "forward",
        "subject": "n-2",
        "state": "本级确定 confirmed",
        "guard": "quota",
        "detail": "expected at most 1 forwarded by 忠义社区 (all categories), got 2",
    }
    assert refused.render("zh") == "forward n-2［本级确定 confirmed］：被校验规则“quota”拒绝：超出单位或类别的推荐名额"
    assert refused.render("en") == str(refused)


def test_every_refusal_and_lookup_error_has_a_code_and_chinese() -> None:
    state = TransitionRefused("submit", "n-1", "已结束 closed", "state", "no transition accepts 'submit'")
    assert (state.code, state.render("zh")) == (
        "guard.state",
        "submit n-1［已结束 closed］：被校验规则“state”拒绝：当前状态不接受此操作",
    )
    own = TransitionRefused("award", "h-1", "x", "by_hand", "a guard of an app's own workflow")
    assert own.code == "guard.by_hand"
    assert own.render("zh") == "award h-1［x］：被校验规则“by_hand”拒绝"
    unknown = UnknownCommandError("nomination", "promote", ("submit", "return"))
    assert unknown.code == "unknown_command"
    assert unknown.render("zh") == "command：应为工作流 nomination 的操作（submit、return），实际为 'promote'"
    unit = UnknownUnitError("999")
    assert (unit.code, unit.unit, unit.render("zh")) == (
        "unknown_unit",
        "999",
        "code：应为本层级中的单位，实际为 '999'",
    )


# -- JSON Pointer ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "pointer"),
    [
        ("", ""),
        ("code", "/code"),
        ("fields[2].name", "/fields/2/name"),
        ("[0]", "/0"),
        ("units[3][1]", "/units/3/1"),
        ("counts['a/b~c']", "/counts/a~1b~0c"),
        ("members['x.y'].size", "/members/x.y/size"),
        ('votes["it\'s"]', "/votes/it's"),
    ],
)
def test_a_path_as_a_json_pointer(path: str, pointer: str) -> None:
    assert Fault(path, "text").pointer == pointer


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")  # RFC 6901, section 4: ~1 first


@given(st.lists(st.one_of(st.text(), st.integers(min_value=0, max_value=10**6)), min_size=1, max_size=4))
def test_a_json_pointer_spells_every_key_exactly(keys: list[str | int]) -> None:
    path = "items" + "".join(f"[{key!r}]" for key in keys) + ".code"
    tokens = [_unescape(token) for token in Fault(path, "text").pointer.split("/")[1:]]
    assert tokens == ["items", *(str(key) for key in keys), "code"]


# -- the registry and its table in the docs ----------------------------------------------------------


def test_every_code_has_a_chinese_template_free_of_english() -> None:
    for code, kind in FAULT_CODES.items():
        assert isinstance(kind, FaultCode)
        assert kind.code == code
        assert _CJK.search(kind.zh), code
        assert not _ENGLISH.findall(re.sub(r"\{\w+\}", "", kind.zh)), (code, kind.zh)


def fault_code_table() -> str:
    """The table of codes as the docs show it."""
    lines = ["| Code | English | 中文 |", "| --- | --- | --- |"]
    lines += [f"| `{kind.code}` | {kind.en} | {kind.zh} |" for kind in FAULT_CODES.values()]
    return "\n".join(lines)


def test_the_docs_table_of_codes_is_the_registry() -> None:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    start, end = "<!-- fault codes: generated by tests/test_fault_codes.py -->", "<!-- end of fault codes -->"
    assert start in text
    assert end in text
    shown = text.split(start, 1)[1].split(end, 1)[0].strip()
    assert shown == fault_code_table(), "regenerate: python -m tests.test_fault_codes"


if __name__ == "__main__":
    sys.stdout.write(fault_code_table() + "\n")
