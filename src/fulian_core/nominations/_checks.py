"""Checks shared by the modules of the nominations package."""

from __future__ import annotations

import datetime as dt

from fulian_core._definitions import check_moment, check_whole
from fulian_core._faults import Faults

__all__ = ["check_count", "check_moment", "is_date"]


def check_count(value: object, path: str, faults: Faults, *, minimum: int = 0) -> bool:
    """A whole number at least *minimum* (and at most :data:`~fulian_core._definitions.MAX_WHOLE`)."""
    return check_whole(value, path, faults, low=minimum)


def is_date(value: object) -> bool:
    """A date that is not a datetime."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
