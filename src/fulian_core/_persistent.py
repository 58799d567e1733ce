"""A small persistent map: a new version per change, sharing all but one bucket with the old.

A campaign's state is a value; a command must not copy every nomination of a province to
change one. Keys are spread over a fixed number of buckets by a stable hash (CRC-32, not
``hash()``, so the layout is the same in every process); a change copies the bucket list and
one bucket. Iteration order is bucket order, then insertion order: deterministic, not sorted.

It lives in the kernel so that the converter can write it as a JSON object and read it back
(a stored campaign state), without the kernel knowing any capability.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Generic, TypeVar

_V = TypeVar("_V")

_BUCKETS = 256


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % _BUCKETS


_EMPTY: tuple[dict[str, object], ...] = tuple({} for _ in range(_BUCKETS))


class PersistentMap(Generic[_V]):
    """An immutable str-keyed map whose :meth:`set` returns a new map in O(n / 256)."""

    __slots__ = ("_buckets", "_size")

    def __init__(self) -> None:
        self._buckets: tuple[dict[str, _V], ...] = _EMPTY  # type: ignore[assignment]
        self._size = 0

    @classmethod
    def from_dict(cls, items: dict[str, _V]) -> PersistentMap[_V]:
        """A map holding *items* (built in one pass, as replay does)."""
        buckets: list[dict[str, _V]] = [{} for _ in range(_BUCKETS)]
        for key, value in items.items():
            buckets[_bucket(key)][key] = value
        made: PersistentMap[_V] = cls()
        made._buckets = tuple(buckets)
        made._size = len(items)
        return made

    def get(self, key: str) -> _V | None:
        return self._buckets[_bucket(key)].get(key)

    def __getitem__(self, key: str) -> _V:
        return self._buckets[_bucket(key)][key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._buckets[_bucket(key)]

    def __len__(self) -> int:
        return self._size

    def set(self, key: str, value: _V) -> PersistentMap[_V]:
        index = _bucket(key)
        old = self._buckets[index]
        bucket = dict(old)
        bucket[key] = value
        made: PersistentMap[_V] = PersistentMap()
        made._buckets = (*self._buckets[:index], bucket, *self._buckets[index + 1 :])
        made._size = self._size + (key not in old)
        return made

    def set_many(self, changes: dict[str, _V]) -> PersistentMap[_V]:
        """A map with every key of *changes* set, copying each touched bucket once."""
        buckets = list(self._buckets)
        copied: set[int] = set()
        size = self._size
        for key, value in changes.items():
            index = _bucket(key)
            if index not in copied:
                buckets[index] = dict(buckets[index])
                copied.add(index)
            size += key not in buckets[index]
            buckets[index][key] = value
        made: PersistentMap[_V] = PersistentMap()
        made._buckets = tuple(buckets)
        made._size = size
        return made

    def items(self) -> Iterator[tuple[str, _V]]:
        for bucket in self._buckets:
            yield from bucket.items()

    def values(self) -> Iterator[_V]:
        for bucket in self._buckets:
            yield from bucket.values()

    def to_dict(self) -> dict[str, _V]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PersistentMap):
            return NotImplemented
        return self._size == other._size and all(
            mine == theirs for mine, theirs in zip(self._buckets, other._buckets, strict=True)
        )

    def __hash__(self) -> int:
        raise TypeError("PersistentMap is not hashable")

    def __repr__(self) -> str:
        return f"PersistentMap({self.to_dict()!r})"
