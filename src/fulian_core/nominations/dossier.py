"""The dossier a nomination carries (推荐材料) and the rule it must meet.

>>> from fulian_core.nominations import Dossier, DossierRule
>>> rule = DossierRule(min_account_chars=300, min_photos=2, requires_motto=True)
>>> Dossier(form=True, account="孝老爱亲" * 20, photos=1).missing(rule)
('事迹材料不少于300字（现有80字）', '照片不少于2张（现有1张）', '家训')
"""

from __future__ import annotations

import attrs

from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError
from fulian_core.nominations._checks import check_count

__all__ = ["Dossier", "DossierRule", "account_length"]


def account_length(text: str) -> int:
    """The length of a written account in characters, as rules count it: every character
    except white space (spaces, line breaks, full-width spaces)."""
    return sum(1 for character in text if not character.isspace())


@attrs.frozen
class DossierRule:
    """What a complete dossier must hold (材料要求): the nomination form (推荐表), a written
    account of deeds (事迹材料) of at least ``min_account_chars`` characters, at least
    ``min_photos`` photos, and the family motto (家训) when ``requires_motto``."""

    requires_form: bool = True
    min_account_chars: int = 0
    min_photos: int = 0
    requires_motto: bool = False

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.requires_form, bool), "requires_form", "true or false", self.requires_form)
        check_count(self.min_account_chars, "min_account_chars", faults)
        check_count(self.min_photos, "min_photos", faults)
        faults.check(isinstance(self.requires_motto, bool), "requires_motto", "true or false", self.requires_motto)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Dossier:
    """One version of a nomination's materials (推荐材料): whether the form is filled in, the
    written account, how many photos, the family motto."""

    form: bool = False
    account: str = ""
    photos: int = 0
    motto: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.form, bool), "form", "true or false", self.form)
        faults.check(isinstance(self.account, str), "account", "text", self.account)
        check_count(self.photos, "photos", faults)
        faults.check(isinstance(self.motto, str), "motto", "text", self.motto)
        faults.raise_if_any()

    def missing(self, rule: DossierRule) -> tuple[str, ...]:
        """What this dossier lacks under *rule*, as a clerk would list it; empty when complete."""
        lacking: list[str] = []
        if rule.requires_form and not self.form:
            lacking.append("推荐表")
        length = account_length(self.account)
        if length < rule.min_account_chars:
            lacking.append(f"事迹材料不少于{rule.min_account_chars}字（现有{length}字）")
        if self.photos < rule.min_photos:
            lacking.append(f"照片不少于{rule.min_photos}张（现有{self.photos}张）")
        if rule.requires_motto and not self.motto.strip():
            lacking.append("家训")
        return tuple(lacking)
