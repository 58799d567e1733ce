"""Stratified samples from the caller's seed (每月一抽查)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import ValidationError
from fulian_core.courtyard import stratified_sample

VILLAGES = {f"v{n:03d}": [f"h{n:03d}-{m:03d}" for m in range(40 + n % 7)] for n in range(50)}


def test_the_same_seed_gives_the_same_sample() -> None:
    first = stratified_sample(VILLAGES, "0.04", rng=20240601)
    assert first == stratified_sample(VILLAGES, Decimal("0.04"), rng=random.Random(20240601))
    assert first != stratified_sample(VILLAGES, "0.04", rng=20240602)
    reordered = {name: list(reversed(items)) for name, items in reversed(VILLAGES.items())}
    assert stratified_sample(reordered, "0.04", rng=20240601) == first


def test_eight_villages_at_four_percent() -> None:
    # seed 002 style: "按4%的比例抽取8个村" — 200 villages in 10 townships.
    townships = {f"t{n}": [f"t{n}-v{m:02d}" for m in range(20)] for n in range(10)}
    sample = stratified_sample(townships, "0.04", rng=7)
    assert sum(len(chosen) for chosen in sample.values()) == 8
    assert all(len(chosen) <= 1 for chosen in sample.values())
    every = stratified_sample(townships, "0.04", rng=7, at_least_one=True)
    assert all(len(chosen) == 1 for chosen in every.values())


def test_bad_rates() -> None:
    with pytest.raises(ValidationError, match="^rate: expected a rate from 0 to 1 such as '0.04', got '1.5'$"):
        stratified_sample(VILLAGES, "1.5", rng=1)
    with pytest.raises(ValidationError, match="^rate: expected a rate from 0 to 1"):
        stratified_sample(VILLAGES, "abc", rng=1)
    with pytest.raises(ValidationError, match=r"^strata\['a'\]: expected items without duplicates, got 2$"):
        stratified_sample({"a": ["x", "x"]}, "0.5", rng=1)
    assert stratified_sample({"a": []}, "0.5", rng=1) == {"a": ()}


@given(
    st.dictionaries(
        st.text("abc", min_size=1, max_size=3),
        st.lists(st.text("xyz0123", min_size=1, max_size=4), unique=True, max_size=30),
        max_size=6,
    ),
    st.fractions(0, 1),
    st.integers(0, 2**32),
)
def test_sample_sizes_follow_the_rate(strata: dict[str, list[str]], rate: object, seed: int) -> None:
    sample = stratified_sample(strata, str(rate), rng=seed)
    population = sum(len(items) for items in strata.values())
    total = sum(len(chosen) for chosen in sample.values())
    assert abs(total - float(rate) * population) <= 0.5 + 1e-9  # type: ignore[arg-type]
    for name, chosen in sample.items():
        assert set(chosen) <= set(strata[name])
        assert len(set(chosen)) == len(chosen)
