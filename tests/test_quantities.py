"""Reported figures: the seeds' fragments, qualifiers, sums, comparisons and bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    Bounds,
    Comparison,
    Notation,
    Qualifier,
    Quantity,
    Unit,
    UnitMismatchError,
    ValidationError,
    find_figures,
)
from fulian_core.testing import quantities
from fulian_core.testing.laws import assert_addition_associative, assert_addition_commutative

# (text, value, unit, qualifier) — every fragment named by the foundation issue, from the seeds.
SEED_FIGURES = [
    ("200余场次", Decimal(200), Unit.SESSION, Qualifier.MORE_THAN),
    ("1000余人次", Decimal(1000), Unit.PERSON_TIME, Qualifier.MORE_THAN),
    ("6600次以上", Decimal(6600), Unit.TIME, Qualifier.AT_LEAST),
    ("近60余人", Decimal(60), Unit.PERSON, Qualifier.NEARLY),
    ("约5万元", Decimal(50000), Unit.YUAN, Qualifier.ABOUT),
    ("15645元", Decimal(15645), Unit.YUAN, Qualifier.EXACT),
    ("1万余元", Decimal(10000), Unit.YUAN, Qualifier.MORE_THAN),
    ("552多人", Decimal(552), Unit.PERSON, Qualifier.MORE_THAN),
    ("20xx户", None, Unit.HOUSEHOLD, Qualifier.UNKNOWN),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), SEED_FIGURES)
def test_seed_figures_parse_and_render_back(text: str, value: Decimal | None, unit: Unit, qualifier: Qualifier) -> None:
    figure = Quantity.parse(text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)
    assert figure.render() == text
    assert str(figure) == text


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("200余场次", Bounds(Decimal(200), None, low_open=True)),
        ("6600次以上", Bounds(Decimal(6600), None)),
        ("近60余人", Bounds(Decimal(0), Decimal(60), high_open=True)),
        ("15645元", Bounds(Decimal(15645), Decimal(15645))),
        ("约5万元", Bounds()),
        ("20xx户", Bounds()),
    ],
)
def test_qualifiers_have_interval_semantics(text: str, bounds: Bounds) -> None:
    assert Quantity.parse(text).bounds == bounds


def test_bounds_print_as_intervals() -> None:
    assert [str(Quantity.parse(text).bounds) for text in ("613户", "200余场次", "6600次以上", "近60人", "约5万元")] == [
        "[613, 613]",
        "(200, ∞)",
        "[6600, ∞)",
        "[0, 60)",
        "[0, ∞)",
    ]


@pytest.mark.parametrize(
    ("text", "rendered", "value"),
    [
        ("60余场", "60余场", Decimal(60)),
        ("31名", "31名", Decimal(31)),
        ("超过300人", "超过300人", Decimal(300)),
        ("约20户左右", None, None),
        ("1.5万元", "1.5万元", Decimal(15000)),
        ("２００余场次", "200余场次", Decimal(200)),
        ("100户左右", "100户左右", Decimal(100)),
        ("__余元", "__余元", None),
        ("近1000名", "近1000名", Decimal(1000)),
        ("56745.50元", "56745.50元", Decimal("56745.50")),  # money keeps its written places
    ],
)
def test_other_written_forms(text: str, rendered: str | None, value: Decimal | None) -> None:
    if rendered is None:
        with pytest.raises(ValidationError) as raised:
            Quantity.parse(text)
        assert str(raised.value) == f"text: expected at most one qualifier (余, 多, 以上, 近, 约 ...), got {text!r}"
        return
    figure = Quantity.parse(text)
    assert figure.render() == rendered
    assert figure.value == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("近两千余人", Decimal(2000), Qualifier.NEARLY),  # seed 002: 前来应聘人数近两千余人
        ("三万元", Decimal(30000), Qualifier.EXACT),
        ("一万五千余元", Decimal(15000), Qualifier.MORE_THAN),
        ("近千名", Decimal(1000), Qualifier.NEARLY),  # seed 002: 近千名居民
        ("十余场", Decimal(10), Qualifier.MORE_THAN),
        ("两百多人", Decimal(200), Qualifier.MORE_THAN),
    ],
)
def test_chinese_numerals(text: str, value: Decimal, qualifier: Qualifier) -> None:
    figure = Quantity.parse(text)
    assert (figure.value, figure.qualifier) == (value, qualifier)
    assert figure.render() == text
    assert figure == Quantity(value, figure.unit, qualifier)  # the marker defaults to the canonical one


def test_chinese_numerals_are_checked_against_the_value() -> None:
    with pytest.raises(
        ValidationError, match="^notation.numeral: expected a Chinese numeral for the value 3, got '两千'$"
    ):
        Quantity(Decimal(3), Unit.PERSON, notation=Notation(numeral="两千"))


def test_aliases_are_the_same_unit() -> None:
    assert Quantity.parse("31名") == Quantity.parse("31人")
    assert Quantity.parse("60余场") == Quantity.parse("60余场次")
    assert Quantity.parse("5万元") == Quantity.yuan(50000)
    assert hash(Quantity.parse("5万元")) == hash(Quantity.yuan(50000))


def test_sums_keep_what_is_known() -> None:
    assert str(Quantity.parse("200余场次") + Quantity.parse("30场次")) == "230余场次"
    assert str(Quantity.parse("30场次") + Quantity.parse("200余场次")) == "230余场次"
    assert str(Quantity.parse("近60人") + Quantity.parse("10人")) == "近70人"
    assert str(Quantity.parse("6600次以上") + Quantity.parse("200余次")) == "6800余次"
    unknown = Quantity.parse("30户") + Quantity.parse("20xx户")
    assert unknown.qualifier is Qualifier.UNKNOWN
    assert unknown.value is None
    assert unknown.bounds == Bounds(Decimal(30), None)
    mixed = Quantity.parse("200余场次") + Quantity.parse("近60场次")
    assert mixed.qualifier is Qualifier.ABOUT
    assert str(mixed) == "约260场次"
    assert mixed.bounds == Bounds(Decimal(200), None, low_open=True)
    assert mixed.compare_at_least(200) is Comparison.YES


def test_money_stays_exact() -> None:
    total = Quantity.parse("15645元") + Quantity.parse("56745元") + Quantity.yuan("0.10")
    assert total.value == Decimal("72390.10")
    assert str(total) == "72390.1元"
    assert str(Quantity.parse("1万余元") + Quantity.parse("3万元")) == "4万余元"
    assert sum([Quantity.yuan(1), Quantity.yuan(2)]) == Quantity.yuan(3)
    assert Quantity.total([], Unit.YUAN) == Quantity.zero(Unit.YUAN)


def test_mixing_units_is_an_error() -> None:
    with pytest.raises(UnitMismatchError) as raised:
        Quantity.parse("613户") + Quantity.parse("200余场次")
    assert str(raised.value) == "add: expected the same unit on both sides, got 户 and 场次"
    with pytest.raises(UnitMismatchError) as raised:
        Quantity.total([Quantity.parse("3户"), Quantity.parse("3人")], Unit.HOUSEHOLD)
    assert str(raised.value) == "total[1]: expected the same unit on both sides, got 户 and 人"
    assert Quantity.parse("3户").__add__(3) is NotImplemented  # type: ignore[operator]
    assert Quantity.parse("3户").__radd__(1) is NotImplemented


@pytest.mark.parametrize(
    ("text", "target", "at_least", "at_most"),
    [
        ("200余场次", 200, Comparison.YES, Comparison.NO),
        ("200余场次", 250, Comparison.UNDECIDABLE, Comparison.UNDECIDABLE),
        ("6600次以上", 6600, Comparison.YES, Comparison.UNDECIDABLE),
        ("近60人", 60, Comparison.NO, Comparison.YES),
        ("近60人", 50, Comparison.UNDECIDABLE, Comparison.UNDECIDABLE),
        ("30户", 30, Comparison.YES, Comparison.YES),
        ("30户", 31, Comparison.NO, Comparison.YES),
        ("20xx户", 1, Comparison.UNDECIDABLE, Comparison.UNDECIDABLE),
        ("约5万元", 1, Comparison.UNDECIDABLE, Comparison.UNDECIDABLE),
    ],
)
def test_comparison_with_a_target(text: str, target: int, at_least: Comparison, at_most: Comparison) -> None:
    figure = Quantity.parse(text)
    assert figure.compare_at_least(target) is at_least
    assert figure.compare_at_most(target) is at_most


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "text: expected a reported figure such as '200余场次' or '约5万元', got 'abc'"),
        ("", "text: expected a reported figure such as '200余场次' or '约5万元', got ''"),
        ("200余", "text: expected a reported figure such as '200余场次' or '约5万元', got '200余'"),
        ("近两千两千人", "text: expected a well-formed Chinese numeral (两千, 一万五千), got '近两千两千人'"),
        ("三万5千元", "text: expected a reported figure such as '200余场次' or '约5万元', got '三万5千元'"),
        ("1.5户", "text: expected a whole number of 户, got '1.5户'"),
        ("0.001元", "text: expected an amount exact to the fen, got '0.001元'"),
        (
            "约200余人",
            "text: expected at most one qualifier (余, 多, 以上, 近, 约 ...), got '约200余人'",
        ),
    ],
)
def test_bad_text_is_refused_with_a_path(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Quantity.parse(text)
    assert str(raised.value) == message


def test_bad_values_are_refused_with_every_fault() -> None:
    with pytest.raises(ValidationError) as raised:
        Quantity(
            Decimal(-3),
            Unit.PERSON,
            Qualifier.UNKNOWN,
            notation=Notation(marker="?", magnitude="百"),
        )
    assert str(raised.value).splitlines() == [
        "value: expected a number >= 0 (reported figures are never negative), got Decimal('-3')",
        "qualifier: expected 'unknown' exactly when the value is None, got 'unknown'",
        "notation.marker: expected a marker that spells unknown, got '?'",
        "notation.magnitude: expected one of '', 千, 万, 亿, got '百'",
    ]
    with pytest.raises(
        ValidationError,
        match=r"^value: expected an int, a decimal string or a Decimal \(never a float\), got 1.5$",
    ):
        Quantity.exact(1.5, Unit.HOUSEHOLD)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^value: expected a decimal number, got 'x'$"):
        Quantity.exact("x", Unit.HOUSEHOLD)
    with pytest.raises(ValidationError, match="^value: expected a finite number, got Decimal"):
        Quantity(Decimal("NaN"), Unit.HOUSEHOLD)
    with pytest.raises(ValidationError, match="^text: expected a string"):
        Quantity.parse(200)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^unit: expected a Unit, got '户'"):
        Quantity(Decimal(1), "户")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^notation.unit_text: expected a word for 户, got '人'"):
        Quantity(Decimal(1), Unit.HOUSEHOLD, notation=Notation(unit_text="人"))
    with pytest.raises(ValidationError, match="^bounds: expected an interval around the value 5"):
        Quantity(Decimal(5), Unit.HOUSEHOLD, bounds=Bounds(Decimal(6), Decimal(7)))
    with pytest.raises(ValidationError, match="^high: expected a bound above low"):
        Bounds(Decimal(5), Decimal(5), low_open=True)


def test_named_constructors() -> None:
    assert str(Quantity.more_than(200, Unit.SESSION)) == "200余场次"
    assert str(Quantity.at_least(6600, Unit.TIME)) == "6600次以上"
    assert str(Quantity.nearly(60, Unit.PERSON)) == "近60人"
    assert str(Quantity.about("50000", Unit.YUAN)) == "约50000元"
    assert str(Quantity.unknown(Unit.HOUSEHOLD)) == "__户"
    assert repr(Quantity.exact(3, Unit.SITE)) == "Quantity.parse('3处')"
    assert Quantity.exact(3, Unit.SITE).is_exact
    assert not Quantity.unknown(Unit.SITE).is_known
    assert Unit.from_text("名") is Unit.PERSON
    with pytest.raises(ValidationError, match="^unit: expected a unit such as"):
        Unit.from_text("斤")


def test_find_figures_in_a_seed_paragraph() -> None:
    paragraph = "在全镇各村打造特色农家,创建精致农家示范户613户,精品户307户。组织巾帼志愿者参与村居环境整治志愿服务活动200余场次。"
    found = find_figures(paragraph)
    assert [figure.text for figure in found] == ["613户", "307户", "200余场次"]
    assert [paragraph[figure.start : figure.end] for figure in found] == [
        "613户",
        "307户",
        "200余场次",
    ]
    assert find_figures("20__年以来,____镇妇联") == []
    assert [f.text for f in find_figures("２００余场次和20xx户")] == ["２００余场次", "20xx户"]
    assert find_figures("0.001元") == []
    # Chinese numerals only when asked: running text is full of phrases that read like figures.
    slogan = "形成一户一档,第一期培训,吸引了近千名居民"
    assert [f.text for f in find_figures(slogan)] == []
    assert [f.text for f in find_figures(slogan, chinese_numerals=True)] == ["一户", "近千名"]


def _same_unit(count: int) -> st.SearchStrategy[tuple[Quantity, ...]]:
    return st.sampled_from(list(Unit)).flatmap(
        lambda unit: st.tuples(*(quantities(units=st.just(unit)) for _ in range(count)))
    )


@given(_same_unit(3))
def test_addition_is_associative(figures: tuple[Quantity, ...]) -> None:
    assert_addition_associative(*figures)


@given(_same_unit(2))
def test_addition_is_commutative(figures: tuple[Quantity, ...]) -> None:
    assert_addition_commutative(*figures)


@given(_same_unit(2))
def test_sum_keeps_values_and_bounds(figures: tuple[Quantity, ...]) -> None:
    first, second = figures
    total = first + second
    assert total.bounds == first.bounds + second.bounds
    if first.value is None or second.value is None:
        assert total.qualifier is Qualifier.UNKNOWN
    else:
        assert total.value == first.value + second.value
        assert total.bounds.contains(total.value) or total.qualifier in (
            Qualifier.MORE_THAN,
            Qualifier.NEARLY,
            Qualifier.LESS_THAN,
        )
    if first.is_exact and second.is_exact:
        assert total.is_exact


@given(quantities())
def test_render_then_parse_gives_the_same_figure(figure: Quantity) -> None:
    again = Quantity.parse(figure.render())
    assert again == figure
    assert again.render() == figure.render()


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0份"), (5, "5份"), (80, "80份"), (81, "80余份"), (203, "200余份"), (1134, "1100余份"), (6600, "6600份")],
)
def test_rounded_down_counts_read_as_reports_write_them(count: int, text: str) -> None:
    figure = Quantity.rounded_down(count, Unit.COPY)
    assert figure.render() == text
    assert figure.bounds.contains(Decimal(count))


def test_rounded_down_refuses_bad_counts() -> None:
    with pytest.raises(ValidationError, match=r"count: expected a whole count >= 0, got -1"):
        Quantity.rounded_down(-1, Unit.COPY)
    with pytest.raises(ValidationError, match=r"significant: expected a whole number of digits >= 1, got 0"):
        Quantity.rounded_down(5, Unit.COPY, significant=0)


def test_figures_are_bounded() -> None:
    with pytest.raises(ValidationError, match=r"^value: expected a figure below 10\^15 \(no report counts more\)"):
        Quantity.exact(10**15, Unit.HOUSEHOLD)
    with pytest.raises(ValidationError, match=r"^text: expected a reported figure of at most 200 characters"):
        Quantity.parse("1" * 201 + "户")
