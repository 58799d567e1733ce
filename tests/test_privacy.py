"""Personal data: ID check digits, mobile numbers, masking for public notices."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    MobileNumber,
    ResidentId,
    ValidationError,
    mask_mobile,
    mask_name,
    mask_resident_id,
    resident_id_check_character,
)
from fulian_core.testing import mobile_numbers, resident_ids

# The GB 11643-1999 worked example.
SAMPLE_ID = "11010519491231002X"


def test_resident_id_check_digit() -> None:
    assert resident_id_check_character("11010519491231002") == "X"
    number = ResidentId(SAMPLE_ID.lower())
    assert number.number == SAMPLE_ID
    assert number.birth_date == dt.date(1949, 12, 31)
    assert number.region_code == "110105"
    assert repr(number) == "ResidentId('1****************X')"
    assert str(number) == "1****************X"
    assert SAMPLE_ID not in repr(number)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "110105194912310021",
            "resident_id: expected a correct check digit (GB 11643), got '1****************1'",
        ),
        (
            "11010519491331002X",
            "resident_id: expected a valid birth date in digits 7-14, got '1****************X'",
        ),
        (
            "1101051949123100",
            "resident_id: expected 17 digits and a check digit or X, got '1**************0'",
        ),
        (12345, "resident_id: expected an 18-character resident ID number, got 12345"),
    ],
)
def test_bad_resident_ids_never_echo_the_number(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        ResidentId(text)
    assert str(raised.value) == message
    with pytest.raises(ValidationError, match="^first17: expected 17 digits"):
        resident_id_check_character("123")


def test_mobile_numbers() -> None:
    assert MobileNumber("+86 138-1234-5678").number == "13812345678"
    assert MobileNumber("8613812345678").number == "13812345678"
    assert repr(MobileNumber("13812345678")) == "MobileNumber('138****5678')"
    assert str(MobileNumber("13812345678")) == "138****5678"
    with pytest.raises(ValidationError) as raised:
        MobileNumber("12812345678")
    assert str(raised.value) == "mobile: expected an 11-digit mainland mobile number starting 13-19, got '128****5678'"
    with pytest.raises(ValidationError, match="^mobile: expected an 11-digit mainland mobile number, got None$"):
        MobileNumber(None)


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张秀梅", "张*梅"), ("张梅", "张*"), ("欧阳娜娜", "欧**娜"), ("梅", "梅"), (" 王芳 ", "王*")],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_mask_helpers_on_short_input() -> None:
    assert mask_resident_id("12") == "**"
    assert mask_mobile("1234") == "****"
    with pytest.raises(ValidationError, match="^name: expected a non-empty name, got ' '$"):
        mask_name(" ")


@given(resident_ids())
def test_generated_ids_validate_and_mask(number: ResidentId) -> None:
    assert ResidentId(number.number) == number
    assert number.masked[0] == number.number[0]
    assert number.masked[-1] == number.number[-1]
    assert set(number.masked[1:-1]) == {"*"}


@given(mobile_numbers())
def test_generated_mobiles_mask_the_middle(number: MobileNumber) -> None:
    assert number.masked == number.number[:3] + "****" + number.number[-4:]


def test_redact_text_masks_every_id_and_mobile_and_is_idempotent() -> None:
    from fulian_core import redact_text

    text = "电话13812345678，身份证11010519491231002X，座机0631-7561234，电话：１３８１２３４５６７８"
    once = redact_text(text)
    assert once == "电话138****5678，身份证1****************X，座机0631-7561234，电话：138****5678"
    assert redact_text(once) == once
    assert redact_text("编号1381234567890不是手机号") == "编号1381234567890不是手机号"


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("电话139 1234 5678", "电话139****5678"),
        ("电话139-1234-5678", "电话139****5678"),
        ("电话+86 139 1234 5678", "电话+86139****5678"),
        ("电话１３８１２３４５６７８", "电话138****5678"),
        ("身份证110105 19491231 002X", "身份证1****************X"),
        ("身份证11010519491231002Ｘ", "身份证1****************X"),
        ("老身份证110105491231002", "老身份证1*************2"),
        ("11010519491231002X13812345678", "1****************X138****5678"),
        ("13812345678110105194912310021", "138****56781****************1"),
        ("村码371082103201，编号1381234567890", "村码371082103201，编号1381234567890"),
        ("20xx户，2024年", "20xx户，2024年"),
    ],
)
def test_redact_text_masks_the_separated_forms_the_types_accept(text: str, redacted: str) -> None:
    from fulian_core import redact_text

    assert redact_text(text) == redacted
    assert redact_text(redacted) == redacted


@given(st.sampled_from([" ", "-", "", "\u3000"]), st.integers(3, 9), st.integers(0, 99_999_999))
def test_every_grouping_of_a_mobile_is_masked(separator: str, second: int, rest: int) -> None:
    from fulian_core import MobileNumber, redact_text

    digits = f"1{second}{rest:09d}"
    written = separator.join([digits[:3], digits[3:7], digits[7:]])
    assert MobileNumber(written).number == digits  # the type accepts this form, so redaction must catch it
    assert redact_text(f"联系电话{written}。") == f"联系电话{digits[:3]}****{digits[7:]}。"


@pytest.mark.parametrize("function", ["mask_mobile", "mask_resident_id", "resident_id_check_character", "redact_text"])
@pytest.mark.parametrize("value", [None, 13812345678, b"13812345678", ["1"]])
def test_masking_functions_refuse_what_is_not_text_with_the_librarys_error(function: str, value: object) -> None:
    import fulian_core

    with pytest.raises(ValidationError):
        getattr(fulian_core, function)(value)
