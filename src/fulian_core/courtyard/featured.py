"""Featured courtyards (特色庭院): the categories a township names its featured courtyards by."""

from __future__ import annotations

import attrs

from fulian_core._definitions import check_code, check_text
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError

__all__ = ["FeaturedCategory"]


@attrs.frozen
class FeaturedCategory:
    """A category of featured courtyard (特色庭院类别), e.g. 墨韵书香 or 海草庭院."""

    code: str
    title: str

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        faults.raise_if_any(DefinitionError)
