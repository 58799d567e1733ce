"""The keys of a campaign state's tables (活动状态的索引键): a forwarding count per level, unit
and category, and a nomination per level and candidate."""

from __future__ import annotations

from fulian_core.orgs import Level


def forward_key(level: Level, unit: str, category: str | None) -> str:
    """The key of a forwarding count (``*`` for every category)."""
    return f"{level.code}|{unit}|{'*' if category is None else category}"


def family_key(level: Level, candidate: str) -> str:
    """The key under which a candidate is nominated at a level."""
    return f"{level.code}|{candidate}"
