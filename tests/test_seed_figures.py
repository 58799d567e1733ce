"""Every figure of the seeds read right (issue 20, section 1): the seeds are real annual reports
(/work/shared/seeds, kept beside the repository as ``../shared/seeds``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fulian_core import FoundFigure, Qualifier, find_figures

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DENSEST = "001_683472f9ceea43b4.txt"  # 乡镇妇联工作总结: 168 figures in 14,144 characters

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed reports are not at {SEEDS}")


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _reading(found: FoundFigure) -> str:
    figure = found.quantity
    return f"{found.start} {found.text} {figure.value} {figure.unit.code} {figure.qualifier.code} {figure.bounds}"


# Offset, text, value, unit, qualifier and bounds of every figure of the densest seed, checked
# by hand against the report.
SEED_001 = """
201 46支 46 team exact [46, 46]
253 613户 613 household exact [613, 613]
261 307户 307 household exact [307, 307]
287 200余场次 200 session more_than (200, ∞)
297 46支 46 team exact [46, 46]
324 6600次以上 6600 time at_least [6600, ∞)
338 138人 138 person exact [138, 138]
361 1名 1 person exact [1, 1]
367 2名 2 person exact [2, 2]
372 21名 21 person exact [21, 21]
419 2次 2 time exact [2, 2]
433 2期 2 cohort exact [2, 2]
479 2户 2 household exact [2, 2]
487 1个 1 item exact [1, 1]
498 2个 2 item exact [2, 2]
507 3人 3 person exact [3, 3]
514 1人 1 person exact [1, 1]
521 1人 1 person exact [1, 1]
638 60余场 60 session more_than (60, ∞)
709 1200场次以上 1200 session at_least [1200, ∞)
756 15645元 15645 yuan exact [15645, 15645]
774 56745元 56745 yuan exact [56745, 56745]
786 31名 31 person exact [31, 31]
882 26家 26 family exact [26, 26]
925 40余人 40 person more_than (40, ∞)
947 86起 86 incident exact [86, 86]
977 785名 785 person exact [785, 785]
1063 1100余场次 1100 session more_than (1100, ∞)
1116 3处 3 site exact [3, 3]
1179 12次 12 time exact [12, 12]
1205 2场 2 session exact [2, 2]
1270 18场次 18 session exact [18, 18]
1278 1300余人次 1300 person_time more_than (1300, ∞)
1332 5人 5 person exact [5, 5]
1354 3处 3 site exact [3, 3]
1376 1处 1 site exact [1, 1]
1389 2处 2 site exact [2, 2]
1871 200余名 200 person more_than (200, ∞)
2411 2场 2 session exact [2, 2]
2438 5场次 5 session exact [5, 5]
2784 7期 7 cohort exact [7, 7]
2793 800人次 800 person_time exact [800, 800]
2803 近60余人 60 person nearly [0, 60)
2892 1户 1 household exact [1, 1]
2903 5户 5 household exact [5, 5]
2923 2场次 2 session exact [2, 2]
2929 100余人 100 person more_than (100, ∞)
2943 5条 5 entry exact [5, 5]
2960 1篇 1 article exact [1, 1]
3043 30场次 30 session exact [30, 30]
3218 1场次 1 session exact [1, 1]
3226 20余次 20 time more_than (20, ∞)
3235 80余户 80 household more_than (80, ∞)
3323 3人 3 person exact [3, 3]
3327 22名 22 person exact [22, 22]
3342 5名 5 person exact [5, 5]
3418 1个 1 item exact [1, 1]
3432 1个 1 item exact [1, 1]
3445 1个 1 item exact [1, 1]
3457 13个 13 item exact [13, 13]
3479 40个 40 item exact [40, 40]
3497 6418名 6418 person exact [6418, 6418]
3591 1次 1 time exact [1, 1]
3601 1次 1 time exact [1, 1]
3609 1件 1 piece exact [1, 1]
4006 100余次 100 time more_than (100, ∞)
4016 600余人 600 person more_than (600, ∞)
4060 1名 1 person exact [1, 1]
4069 3名 3 person exact [3, 3]
4076 21名 21 person exact [21, 21]
4131 1名 1 person exact [1, 1]
4137 1名 1 person exact [1, 1]
4142 3名 3 person exact [3, 3]
4412 35300元 35300 yuan exact [35300, 35300]
4425 18名 18 person exact [18, 18]
4568 20场 20 session exact [20, 20]
4580 1000余份 1000 copy more_than (1000, ∞)
4591 800余人次 800 person_time more_than (800, ∞)
4756 28场次 28 session exact [28, 28]
4765 500人 500 person exact [500, 500]
4923 8个 8 item exact [8, 8]
4932 40户 40 household exact [40, 40]
4942 200余份 200 copy more_than (200, ∞)
4982 约5万元 50000 yuan about [0, ∞)
5540 3场 3 session exact [3, 3]
5571 5场 5 session exact [5, 5]
5803 18户 18 household exact [18, 18]
5880 3户 3 household exact [3, 3]
6111 37场 37 session exact [37, 37]
6123 5场 5 session exact [5, 5]
6298 2名 2 person exact [2, 2]
6314 10000多元 10000 yuan more_than (10000, ∞)
6444 5场 5 session exact [5, 5]
6464 6场 6 session exact [6, 6]
6604 12场次 12 session exact [12, 12]
6615 200余人 200 person more_than (200, ∞)
6674 50多名 50 person more_than (50, ∞)
7466 30余场 30 session more_than (30, ∞)
7863 35处 35 site exact [35, 35]
7909 200余次 200 time more_than (200, ∞)
8109 5次 5 time exact [5, 5]
8117 15次 15 time exact [15, 15]
8204 2名 2 person exact [2, 2]
8214 2户 2 household exact [2, 2]
8267 2户 2 household exact [2, 2]
8273 1人 1 person exact [1, 1]
8398 12名 12 person exact [12, 12]
8419 33名 33 person exact [33, 33]
8431 51960元 51960 yuan exact [51960, 51960]
8450 1名 1 person exact [1, 1]
8513 300余场 300 session more_than (300, ∞)
8829 1处 1 site exact [1, 1]
8853 1处 1 site exact [1, 1]
8890 12次 12 time exact [12, 12]
8962 3处 3 site exact [3, 3]
8969 2处 2 site exact [2, 2]
8976 2处 2 site exact [2, 2]
8983 3处 3 site exact [3, 3]
8992 1处 1 site exact [1, 1]
9014 20余次 20 time more_than (20, ∞)
9082 20多种 20 kind more_than (20, ∞)
9182 15人 15 person exact [15, 15]
9267 2次 2 time exact [2, 2]
9413 216人 216 person exact [216, 216]
9442 2人 2 person exact [2, 2]
9457 2000余次 2000 time more_than (2000, ∞)
9585 3处 3 site exact [3, 3]
9617 12次 12 time exact [12, 12]
9623 4家 4 family exact [4, 4]
9630 33家 33 family exact [33, 33]
9636 1家 1 family exact [1, 1]
9683 10余次 10 time more_than (10, ∞)
9750 50余人 50 person more_than (50, ∞)
9776 26名 26 person exact [26, 26]
9854 56名 56 person exact [56, 56]
9864 54950元 54950 yuan exact [54950, 54950]
9963 3304户 3304 household exact [3304, 3304]
9974 3304户 3304 household exact [3304, 3304]
9983 1453户 1453 household exact [1453, 1453]
10098 71名 71 person exact [71, 71]
10120 52个 52 item exact [52, 52]
10314 8项 8 project exact [8, 8]
10324 497名 497 person exact [497, 497]
10375 4期 4 cohort exact [4, 4]
10441 71个 71 item exact [71, 71]
10571 50名左右 50 person about [0, ∞)
10581 2-3户 2 household between [2, 3]
10677 40余次 40 time more_than (40, ∞)
10749 24户 24 household exact [24, 24]
10757 20户 20 household exact [20, 20]
10765 15户 15 household exact [15, 15]
11185 15户 15 household exact [15, 15]
11870 2次 2 time exact [2, 2]
11877 17次 17 time exact [17, 17]
12845 8户 8 household exact [8, 8]
12906 10所 10 institution exact [10, 10]
12918 1个 1 item exact [1, 1]
12924 9个 9 item exact [9, 9]
13207 2次 2 time exact [2, 2]
13216 2次 2 time exact [2, 2]
13227 19次 19 time exact [19, 19]
13240 8次 8 time exact [8, 8]
13251 2次 2 time exact [2, 2]
13419 2次 2 time exact [2, 2]
13532 4次 4 time exact [4, 4]
13857 10个 10 item exact [10, 10]
13947 17名 17 person exact [17, 17]
13976 4起 4 incident exact [4, 4]
"""


def test_every_figure_of_the_densest_seed() -> None:
    text = (SEEDS / DENSEST).read_text(encoding="utf-8")
    assert [_reading(found) for found in find_figures(text)] == SEED_001.strip().splitlines()


def test_the_seeds_are_all_there() -> None:
    assert len(_seeds()) == 5


_DASHES = "-~～—–至到"
_NOT_A_COUNT_BEFORE = ("第", "届")  # 第3期, 十四届4次: ordinals
_NOT_A_COUNT_AFTER = ("月", "半", "岁", "周岁", "年", "日", "号")  # 3个月, 一个半小时, 46岁
_QUALIFIERS_BEFORE = ("近", "约", "超过", "逾", "不到", "不足", "最多", "不超过")
_QUALIFIERS_AFTER = ("以上", "以下", "以内", "左右")


def _misreadings(text: str, found: FoundFigure) -> list[str]:
    before, after = text[max(0, found.start - 3) : found.start], text[found.end : found.end + 2]
    faults = []
    if before.endswith(_NOT_A_COUNT_BEFORE):
        faults.append("an ordinal read as a count")
    if after.startswith(_NOT_A_COUNT_AFTER) or re.search("[年月日岁]", found.text):
        faults.append("a duration, an age or a date read as a count")
    if re.search(r"[0-9][,，]$", before):
        faults.append("a number split at its thousands separator")
    if re.search(rf"[0-9][{_DASHES}]$", before):
        faults.append("a range read as its last number")
    if re.search(r"[0-9.]$", before):
        faults.append("a number cut in two")
    if found.quantity.qualifier is Qualifier.EXACT and (
        before.endswith(_QUALIFIERS_BEFORE) or after.startswith(_QUALIFIERS_AFTER)
    ):
        faults.append("a qualifier lost")
    if found.quantity.per is None and after.startswith("/"):
        faults.append("a rate read as a plain figure")
    return faults


@pytest.mark.parametrize("seed", [path.name for path in _seeds()] or ["none"])
def test_no_figure_of_any_seed_is_misread(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    found = find_figures(text)
    assert found, f"{seed}: no figures found"
    misread = {f"{figure.text}@{figure.start}": _misreadings(text, figure) for figure in found}
    assert {where: faults for where, faults in misread.items() if faults} == {}


def test_the_classes_of_misreading_are_caught() -> None:
    # The check above must be able to fail: each class, on a figure read the wrong way.
    text = "第3期,181,913户,2-3户,3个月,约5人,4元/人"
    spans = ((1, 3), (8, 12), (15, 17), (18, 20), (23, 25), (26, 28))
    wrong = [
        FoundFigure(start, end, text[start:end], find_figures(text[start:end])[0].quantity) for start, end in spans
    ]
    assert [_misreadings(text, figure) for figure in wrong] == [
        ["an ordinal read as a count"],
        ["a number split at its thousands separator"],
        ["a range read as its last number"],
        ["a duration, an age or a date read as a count"],
        ["a qualifier lost"],
        ["a rate read as a plain figure"],
    ]
