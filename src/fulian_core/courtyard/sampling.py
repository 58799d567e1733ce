"""Random samples for spot checks and surveys (抽查, 抽样), stratified, from the caller's seed.

"按4%的比例抽取8个村进行妇女群众实地走访": a rate over strata, with the random generator or seed
supplied by the caller, so the same seed gives the same sample.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Protocol, TypeVar

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.shares import largest_remainder

__all__ = ["RandomSource", "stratified_sample"]

_T = TypeVar("_T")


class RandomSource(Protocol):
    """What a sample needs from a random generator (``random.Random`` has it)."""

    def sample(self, population: Sequence[_T], k: int) -> list[_T]:
        """*k* distinct elements of *population*."""
        ...


def stratified_sample(
    strata: Mapping[str, Sequence[str]],
    rate: Decimal | Fraction | str,
    *,
    rng: RandomSource | int,
    at_least_one: bool = False,
) -> dict[str, tuple[str, ...]]:
    """A sample of *rate* of the items, spread over the strata in proportion to their sizes.

    The total is the rate times all items, rounded half up; the strata's shares of it are split
    by largest remainder, so they add up exactly. ``at_least_one`` gives every non-empty stratum
    at least one. *rng* is a generator (``random.Random(seed)``) or a seed. Strata are drawn in
    name order and items sorted first, so the order they came in does not matter.
    """
    check_type(strata, Mapping, "strata", "a mapping of strata to lists of households")
    if isinstance(rng, bool) or not (isinstance(rng, int) or callable(getattr(rng, "sample", None))):
        check_type(rng, int, "rng", "a RandomSource or a whole-number seed")
    faults = Faults()
    try:
        fraction = Fraction(str(rate)) if isinstance(rate, (Decimal, str)) else Fraction(rate)
    except (ValueError, ZeroDivisionError, TypeError):
        raise ValidationError.single("rate", "a rate from 0 to 1 such as '0.04'", rate) from None
    faults.check(0 <= fraction <= 1, "rate", "a rate from 0 to 1 such as '0.04'", str(rate))
    for name, items in strata.items():
        faults.check(len(set(items)) == len(items), f"strata[{name!r}]", "items without duplicates", len(items))
    faults.raise_if_any()
    generator: RandomSource = random.Random(rng) if isinstance(rng, int) else rng  # noqa: S311 - sampling, not security
    names = sorted(strata)  # drawn in name order, so the mapping's order does not matter
    sizes = [len(strata[name]) for name in names]
    population = sum(sizes)
    wanted = int((fraction * population + Fraction(1, 2)) // 1)
    counts = [0] * len(names)
    if wanted and population:
        shares = largest_remainder(sizes, total=wanted, places=0) if any(sizes) else ()
        counts = [int(share) for share in shares]
    if at_least_one:
        counts = [max(count, 1) if size else 0 for count, size in zip(counts, sizes, strict=True)]
    drawn = {
        name: tuple(sorted(generator.sample(sorted(strata[name]), min(count, len(strata[name])))))
        for name, count in zip(names, counts, strict=True)
    }
    return {name: drawn[name] for name in strata}
