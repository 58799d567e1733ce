"""Checks shared by the modules of the nominations package."""

from __future__ import annotations

import datetime as dt

from fulian_core._faults import Faults


def check_moment(value: object, path: str, faults: Faults) -> None:
    """An aware timestamp (a naive one is ambiguous in an audit trail)."""
    faults.check(
        isinstance(value, dt.datetime) and value.utcoffset() is not None,
        path,
        "a date and time with its time zone (e.g. tzinfo=CHINA_STANDARD_TIME)",
        value,
    )


def check_count(value: object, path: str, faults: Faults, *, minimum: int = 0) -> bool:
    """A whole number at least *minimum*."""
    return faults.check(
        isinstance(value, int) and not isinstance(value, bool) and value >= minimum,
        path,
        f"a whole number >= {minimum}",
        value,
    )


def is_date(value: object) -> bool:
    """A date that is not a datetime."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
