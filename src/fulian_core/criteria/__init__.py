"""Evaluation criteria (评价标准 / 评选标准): criteria sets as rule sheets, evidence about a
candidate, and assessments that explain themselves.

A criteria set is a :class:`~fulian_core.rules.RuleSheet` of requirements (必备条件), scored
and bonus items, measured conditions and disqualifiers (一票否决, an override to the lowest
band); :mod:`fulian_core.criteria.catalog` ships the seeds' and published sets.

>>> import datetime as dt
>>> from fulian_core.criteria import Evidence, assess
>>> from fulian_core.rules import Fact, Subject
>>> from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as national
>>> family = Subject("f-001", "张秀梅")
>>> facts = {code: Fact.met() for code in national.codes[:5]} | {code: Fact.not_met() for code in national.codes[5:]}
>>> assess(national, Evidence(family, facts), on=dt.date(2024, 5, 1)).verdict.label
'符合评选条件'
"""

from fulian_core.criteria.evidence import Evidence, assess

__all__ = ["Evidence", "assess"]
