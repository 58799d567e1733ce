"""Criteria drawn from the seeds and public sources (评选标准目录), shipped as rule sheets.

Every set names its source in :attr:`~fulian_core.rules.RuleSheet.source` and in its
docstring. Where a
source gives only the award's name, the set is marked *representative*: assembled from
recurring elements of local standards so that apps have a starting point, not an official
text. Effective dates are nominal where the source gives only a year; adapt a set (or
``attrs.evolve`` it) to record your own unit, version and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core import rules
from fulian_core.rules import Item, ItemKind, RuleSheet, SubjectKind

__all__ = [
    "AWARDS",
    "EIGHT_GOODS_ROLES",
    "EIGHT_GOODS_STANDARD",
    "FIVE_GOOD_CIVILIZED_FAMILY_STANDARD",
    "GOOD_DAUGHTER_IN_LAW_REPRESENTATIVE",
    "GOOD_MOTHER_IN_LAW_REPRESENTATIVE",
    "MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER",
    "MOST_BEAUTIFUL_FAMILY_NATIONAL",
    "MOST_BEAUTIFUL_FAMILY_TOWNSHIP_VIRTUES",
    "SAFE_FAMILY_REPRESENTATIVE",
    "STANDARD_DISQUALIFIERS",
    "WOMENS_CIVILIZED_POST_FUJIAN_2016",
    "catalog",
]

# -- awards -----------------------------------------------------------------------------------

AWARDS: Final = {
    "most_beautiful_family": "最美家庭",
    "five_good_civilized_family": "五好文明家庭",
    "safe_family": "平安家庭",
    "green_family": "绿色家庭",
    "bookish_family": "书香家庭",
    "integrity_family": "廉洁家庭",
    "filial_family": "孝老爱亲家庭",
    "good_mother_in_law": "好婆婆",
    "good_daughter_in_law": "好媳妇",
    "eight_goods": "八好",
    "womens_civilized_post": "巾帼文明岗",
}
"""The awards of the seeds by code (评选项目): a criteria set's ``code`` names its award and its
``title`` the award's name."""


def _req(code: str, title: str, description: str = "", title_en: str = "") -> Item:
    return Item(code, title, ItemKind.REQUIREMENT, description=description, title_en=title_en)


def _veto(code: str, title: str, description: str, title_en: str) -> Item:
    # 一票否决: an override to the lowest band (不符合评选条件).
    return Item(code, title, ItemKind.OVERRIDE, description=description, title_en=title_en)


def _sheet(code: str, kind: SubjectKind = SubjectKind.FAMILY, **fields: object) -> RuleSheet:
    return RuleSheet(code=code, title=AWARDS[code], subjects=frozenset({kind}), **fields)  # type: ignore[arg-type]


STANDARD_DISQUALIFIERS: Final = (
    _veto("unlawful", "违法犯罪", "家庭成员有违法犯罪行为", "a member broke the law"),
    _veto("criminal_case", "发生刑事案件", "家庭发生刑事案件", "a criminal case in the family"),
    _veto("vice", "涉黄赌毒", "家庭成员涉及黄、赌、毒", "pornography, gambling or drugs"),
    _veto("cult", "参与邪教", "家庭成员参与邪教组织", "membership of a cult"),
)
"""The disqualifiers (一票否决) local standards typically list, as DOMAIN.md records them."""

# -- 最美家庭 ---------------------------------------------------------------------------------

MOST_BEAUTIFUL_FAMILY_NATIONAL: Final = _sheet(
    "most_beautiful_family",
    issuer=rules.NATIONAL_ISSUER,
    version="2014",
    effective_from=dt.date(2014, 1, 1),
    items=(
        _req("respect_elders_harmony", "尊老爱幼、家庭和谐", title_en="respect for elders, a harmonious family"),
        _req("patriotic_lawful_unity", "爱国守法、民族团结", title_en="patriotic, law-abiding, ethnic unity"),
        _req("diligent_dedicated", "勤劳致富、爱岗敬业", title_en="hard-working and dedicated"),
        _req("moral_public_spirited", "遵守道德、热心公益", title_en="moral and public-spirited"),
        _req("thrifty_green", "勤俭持家、保护环境", title_en="thrifty and caring for the environment"),
        *STANDARD_DISQUALIFIERS,
    ),
    source=(
        "全国妇联寻找“最美家庭”活动总要求（五组要求），见 seed 000：“按照最美家庭评选的尊老爱幼、家庭和谐，"
        "爱国守法、民族团结，勤劳致富、爱岗敬业，遵守道德、热心公益，勤俭持家、保护环境总要求”；"
        "一票否决项为地方标准常见项（DOMAIN.md）；生效日期取活动启动年份 2014 年，日为名义日期"
    ),
)
"""最美家庭, the national requirement in five pairs (seed 000 quotes it as the 总要求), with
the standard disqualifiers. The national campaign began in 2014; the day is nominal."""

MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER: Final = MOST_BEAUTIFUL_FAMILY_NATIONAL.adapt(
    issuer="seed000-zhongyi-community",
    version="2024",
    effective_from=dt.date(2024, 1, 1),
    drop=MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[:5],  # the five pairs give way to the local standard
    add=(
        _req("loving_mother", "慈母", title_en="a loving mother"),
        _req("virtuous_wife", "贤妻", title_en="a virtuous wife"),
        _req("filial_daughter", "孝女", title_en="a filial daughter"),
    ),
    source="seed 000（2024社区寻找最美家庭活动总结一）：忠义社区“寻找以慈母、贤妻、孝女为评价标准的最美家庭”",
)
"""A community's own 最美家庭 standard, 慈母、贤妻、孝女 (seed 000, 忠义社区, 2024). The issuer is
a placeholder: adapt the national set with your unit's code to use it."""

MOST_BEAUTIFUL_FAMILY_TOWNSHIP_VIRTUES: Final = MOST_BEAUTIFUL_FAMILY_NATIONAL.adapt(
    issuer="seed003-township",
    version="seed003",
    effective_from=dt.date(2014, 1, 1),
    drop=MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[:5],  # the five pairs give way to the local standard
    add=(
        _req("marital_harmony", "夫妻和睦", title_en="harmony between husband and wife"),
        _req("respect_elders", "尊老爱幼", title_en="respect for elders, care for the young"),
        _req("scientific_parenting", "科学教子", "家中无未成年子女时不适用", "raising children scientifically"),
        _req("thrift", "勤俭持家", title_en="thrift"),
        _req("neighbourly_help", "邻里互助", title_en="helping neighbours"),
    ),
    source=(
        "seed 003（镇妇联工作总结）：寻找“最美家庭”，“积极传承夫妻和睦、尊老爱幼、科学教子、勤俭持家、"
        "邻里互助的家庭美德”；年份原文为“20__”，生效日期为名义日期"
    ),
)
"""A township's 最美家庭 virtues, 夫妻和睦、尊老爱幼、科学教子、勤俭持家、邻里互助 (seed 003). The
report's year is a template blank, so the effective date is nominal; the issuer is a placeholder."""

# -- 五好文明家庭 ----------------------------------------------------------------------------

FIVE_GOOD_CIVILIZED_FAMILY_STANDARD: Final = _sheet(
    "five_good_civilized_family",
    issuer=rules.NATIONAL_ISSUER,
    version="1996",
    effective_from=dt.date(1996, 1, 1),
    items=(
        _req("patriotic_public_spirited", "爱国守法、热心公益好", title_en="patriotic, law-abiding, public-spirited"),
        _req("learning_dedicated", "学习进取、爱岗敬业好", title_en="keen to learn, dedicated at work"),
        _req("equality_respect_elders", "男女平等、尊老爱幼好", title_en="equality of the sexes, respect for elders"),
        _req("new_customs_family_planning", "移风易俗、少生优育好", title_en="reformed customs, family planning"),
        _req("thrifty_green", "勤俭持家、保护环境好", title_en="thrift, care for the environment"),
        *STANDARD_DISQUALIFIERS,
    ),
    source=(
        "“五好文明家庭”标准（爱国守法热心公益好、学习进取爱岗敬业好、男女平等尊老爱幼好、移风易俗少生优育好、"
        "勤俭持家保护环境好），据公开资料（百度百科“五好文明家庭”）；seeds 002、003 提及该称号但未列条目；"
        "生效日期为名义日期"
    ),
)
"""五好文明家庭, the five 好 as widely published; the seeds (002, 003) name the award only.
The date is nominal."""

# -- 平安家庭 --------------------------------------------------------------------------------

SAFE_FAMILY_REPRESENTATIVE: Final = _sheet(
    "safe_family",
    issuer=rules.NATIONAL_ISSUER,
    version="representative",
    effective_from=dt.date(2000, 1, 1),
    items=(
        _req("law_abiding", "遵纪守法", "家庭成员学法守法", "law-abiding"),
        _req(
            "no_domestic_violence", "家庭和睦、无家庭暴力", "seed 003：“两性和谐让家庭远离暴力”", "no domestic violence"
        ),
        _req("neighbourly", "邻里和谐", title_en="on good terms with neighbours"),
        _req("safety", "注重安全、无重大安全事故", title_en="no serious accident"),
        *STANDARD_DISQUALIFIERS,
    ),
    source=(
        "代表性标准（非官方文本）：seeds 002、003 记载平安家庭创建与普法、维权、反家庭暴力相结合，"
        "并以户数占比统计（181,913户，占全区总户数的90%）；条目为地方标准常见要素"
    ),
)
"""平安家庭, *representative*: the seeds tie it to 普法, 维权 and 反家庭暴力 (seeds 002, 003) but
list no criteria, so these are recurring elements of local standards, not an official text."""

# -- 好婆婆 / 好媳妇 -------------------------------------------------------------------------

GOOD_MOTHER_IN_LAW_REPRESENTATIVE: Final = _sheet(
    "good_mother_in_law",
    SubjectKind.PERSON,
    issuer=rules.NATIONAL_ISSUER,
    version="representative",
    effective_from=dt.date(2000, 1, 1),
    items=(
        _req("cares_for_daughter_in_law", "关爱儿媳、婆媳和睦", title_en="cares for her daughter-in-law"),
        _req("supports_young_family", "支持子女工作、科学育孙", title_en="supports the young family"),
        _req("family_harmony", "家庭和睦、邻里团结", title_en="a harmonious family and neighbourhood"),
        *STANDARD_DISQUALIFIERS,
    ),
    source="代表性标准（非官方文本）：seeds 001、003 记载好婆婆评选与表彰（“评选最美家庭2户，好婆婆1人”）但未列条目",
)
"""好婆婆, *representative*: the seeds (001, 003) report the title but not its criteria."""

GOOD_DAUGHTER_IN_LAW_REPRESENTATIVE: Final = _sheet(
    "good_daughter_in_law",
    SubjectKind.PERSON,
    issuer=rules.NATIONAL_ISSUER,
    version="representative",
    effective_from=dt.date(2000, 1, 1),
    items=(
        _req("filial_to_elders", "孝敬公婆、赡养老人", title_en="filial to her parents-in-law"),
        _req("family_harmony", "婆媳和睦、夫妻恩爱", title_en="harmony with her mother-in-law and husband"),
        _req("thrift", "勤俭持家", title_en="thrift"),
        *STANDARD_DISQUALIFIERS,
    ),
    source="代表性标准（非官方文本）：seeds 001、003 记载好媳妇评选与表彰（“好媳妇、好婆婆表彰大会”）但未列条目",
)
"""好媳妇, *representative*: the seeds (001, 003) report the title but not its criteria."""

# -- 八好 ------------------------------------------------------------------------------------

EIGHT_GOODS_ROLES: Final = (
    _req("good_mother", "好妈妈", title_en="good mother"),
    _req("good_mother_in_law", "好婆婆", title_en="good mother-in-law"),
    _req("good_wife", "好妻子", title_en="good wife"),
    _req("good_child", "好子女", title_en="good son or daughter"),
    _req("good_daughter_in_law", "好儿媳", title_en="good daughter-in-law"),
    _req("good_sister_in_law_wives", "好妯娌", title_en="good sister-in-law (brothers' wives)"),
    _req("good_sister_in_law", "好姑嫂", title_en="good sister-in-law"),
    _req("good_neighbour", "好邻居", title_en="good neighbour"),
)
"""The eight roles of 八好 (DOMAIN.md). A family without a role (no 妯娌, say) gives that
criterion a *not applicable* fact, which leaves it out."""

EIGHT_GOODS_STANDARD: Final = _sheet(
    "eight_goods",
    issuer=rules.NATIONAL_ISSUER,
    version="domain",
    effective_from=dt.date(2000, 1, 1),
    items=(*EIGHT_GOODS_ROLES, *STANDARD_DISQUALIFIERS),
    source=(
        "八好（好妈妈、好婆婆、好妻子、好子女、好儿媳、好妯娌、好姑嫂、好邻居），据 DOMAIN.md；"
        "每项为必备条件，家中无此角色时不适用"
    ),
)
"""八好 as a checklist: every role that applies must be good (DOMAIN.md)."""

# -- 巾帼文明岗 ------------------------------------------------------------------------------

WOMENS_CIVILIZED_POST_FUJIAN_2016: Final = _sheet(
    "womens_civilized_post",
    SubjectKind.POST,
    issuer="35",
    version="2016",
    effective_from=dt.date(2016, 11, 3),
    items=(
        _req("leadership_support", "领导重视", "纳入本单位文明建设规划，专人负责，有管理办法", "leadership support"),
        _req("creation_plan", "立足创建", "有明确的争创计划、目标和服务承诺", "a plan for the post"),
        _req("quality_service", "优质服务", "诚实守信、爱岗敬业、为民服务", "quality service"),
        _req(
            "women_majority",
            "示范性强：岗位成员中女性占50%以上，领导班子中至少有一名女性",
            "seed 003：重点放在女职工较集中的服务行业、“窗口”行业",
            "women are at least half the members, at least one woman leads",
        ),
        _req(
            "prior_title",
            "已获市级巾帼文明岗两年以上或省级以上行业荣誉",
            title_en="held a city-level title for two years",
        ),
        _veto(
            "member_misconduct", "岗位成员有违法违纪行为", "岗位成员违法违纪", "a member broke the law or discipline"
        ),
    ),
    source=(
        "厦门市妇联《关于申报2016年福建省“巾帼文明岗”的通知》（2016-11-03）评选条件；seeds 002、003 记载巾帼文明岗创建"
    ),
)
"""巾帼文明岗 as the Fujian provincial call of 2016 states its conditions (issuer ``35``, the
province's division code). Other provinces set 60% where this sets 50%: adapt it."""


def catalog() -> tuple[RuleSheet, ...]:
    """Every shipped criteria set, for a :class:`~fulian_core.rules.SheetCatalog`."""
    return (
        MOST_BEAUTIFUL_FAMILY_NATIONAL,
        MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER,
        MOST_BEAUTIFUL_FAMILY_TOWNSHIP_VIRTUES,
        FIVE_GOOD_CIVILIZED_FAMILY_STANDARD,
        SAFE_FAMILY_REPRESENTATIVE,
        GOOD_MOTHER_IN_LAW_REPRESENTATIVE,
        GOOD_DAUGHTER_IN_LAW_REPRESENTATIVE,
        EIGHT_GOODS_STANDARD,
        WOMENS_CIVILIZED_POST_FUJIAN_2016,
    )
