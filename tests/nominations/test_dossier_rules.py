"""Dossier rules as published calls state them: account and summary lengths with a minimum,
a maximum or both ("800-1500字", "1500字以内", "另附200字以内的简要事迹"), and media counts and
durations ("照片5-10张", "视频1-2分钟"); each message as a clerk lists it."""

from __future__ import annotations

from typing import Any

import pytest

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.nominations import Dossier, DossierRule, MediaItem, MediaKind, MediaRule
from fulian_core.testing.laws import assert_round_trip

PHOTO, VIDEO, AUDIO = MediaKind.PHOTO, MediaKind.VIDEO, MediaKind.AUDIO


def photos(count: int) -> tuple[MediaItem, ...]:
    return (MediaItem(PHOTO),) * count


def test_the_legacy_rule_reads_as_before() -> None:
    rule = DossierRule(min_account_chars=300, min_photos=2, requires_motto=True)
    assert Dossier(form=True, account="孝老爱亲" * 20, photos=1).missing(rule) == (
        "事迹材料不少于300字（现有80字）",
        "照片不少于2张（现有1张）",
        "家训",
    )
    assert DossierRule(True, 300, 2, True) == rule  # positional order kept


@pytest.mark.parametrize(
    ("minimum", "maximum", "length", "message"),
    [
        (0, 1500, 1620, "事迹材料不超过1500字（现有1620字）"),  # "1500字以内"
        (0, 1500, 1500, None),
        (800, 1500, 1620, "事迹材料800至1500字（现有1620字）"),  # "800-1500字"
        (800, 1500, 600, "事迹材料800至1500字（现有600字）"),
        (800, 1500, 800, None),
        (800, None, 600, "事迹材料不少于800字（现有600字）"),
        (800, 800, 799, "事迹材料800字（现有799字）"),
    ],
)
def test_account_length_bounds(minimum: int, maximum: int | None, length: int, message: str | None) -> None:
    rule = DossierRule(requires_form=False, min_account_chars=minimum, max_account_chars=maximum)
    # White space is not counted: 1620 characters in lines of 60 with line breaks are 1620.
    account = "\n".join(["孝" * 60] * (length // 60) + ["孝" * (length % 60)])
    assert Dossier(account=account).missing(rule) == ((message,) if message else ())


def test_summary_required_or_optional_with_its_bounds() -> None:
    required = DossierRule(requires_form=False, requires_summary=True, max_summary_chars=200)
    assert Dossier().missing(required) == ("简要事迹",)
    assert Dossier(summary="　\n ").missing(required) == ("简要事迹",)  # white space is no summary
    assert Dossier(summary="好" * 230).missing(required) == ("简要事迹不超过200字（现有230字）",)
    assert Dossier(summary="好" * 200).missing(required) == ()
    # Optional: nothing is lacking without one; a summary given must keep within the bounds.
    optional = DossierRule(requires_form=False, min_summary_chars=100, max_summary_chars=200)
    assert Dossier().missing(optional) == ()
    assert Dossier(summary="好" * 50).missing(optional) == ("简要事迹100至200字（现有50字）",)
    assert Dossier(summary="好" * 150).missing(optional) == ()


@pytest.mark.parametrize(
    ("media_rule", "items", "messages"),
    [
        # "照片5-10张"
        (MediaRule(PHOTO, 5, 10), photos(3), ["照片5至10张（现有3张）"]),
        (MediaRule(PHOTO, 5, 10), photos(12), ["照片5至10张（现有12张）"]),
        (MediaRule(PHOTO, 5, 10), photos(5), []),
        (MediaRule(PHOTO, 0, 10), photos(11), ["照片不超过10张（现有11张）"]),
        (MediaRule(PHOTO, 2), photos(1), ["照片不少于2张（现有1张）"]),
        # "视频1段，时长1-2分钟"
        (MediaRule(VIDEO, 1, 1, 60, 120), (), ["视频1段（现有0段）"]),
        (MediaRule(VIDEO, 1, 1, 60, 120), (MediaItem(VIDEO, 150),), ["视频时长1至2分钟（现有150秒）"]),
        (MediaRule(VIDEO, 1, 1, 60, 120), (MediaItem(VIDEO, 60),), []),
        (MediaRule(VIDEO, 1, 1, 60, 120), (MediaItem(VIDEO, 120),), []),
        (
            MediaRule(VIDEO, 0, 1, 60, 120),
            (MediaItem(VIDEO, 150), MediaItem(VIDEO, 90), MediaItem(VIDEO, 30)),
            ["视频不超过1段（现有3段）", "视频时长1至2分钟（现有150秒、30秒）"],
        ),
        # Bounds that are not whole minutes are stated in seconds.
        (MediaRule(VIDEO, min_seconds=30, max_seconds=90), (MediaItem(VIDEO, 100),), ["视频时长30至90秒（现有100秒）"]),
        (MediaRule(VIDEO, max_seconds=180), (MediaItem(VIDEO, 200),), ["视频时长不超过3分钟（现有200秒）"]),
        (MediaRule(AUDIO, 1, min_seconds=30), (MediaItem(AUDIO, 20),), ["音频时长不少于30秒（现有20秒）"]),
        # Items of other kinds do not count, and a kind with no rule asks nothing.
        (MediaRule(AUDIO, 1), (MediaItem(VIDEO, 60), *photos(2)), ["音频不少于1段（现有0段）"]),
    ],
)
def test_media_counts_and_durations(media_rule: MediaRule, items: tuple[MediaItem, ...], messages: list[str]) -> None:
    rule = DossierRule(requires_form=False, media=(media_rule,))
    assert Dossier(media=items).missing(rule) == tuple(messages)


def test_photos_as_a_count_or_as_items_are_counted_alike() -> None:
    counted, listed = Dossier(photos=3), Dossier(media=(*photos(3), MediaItem(VIDEO, 60)))
    assert counted.count(PHOTO) == listed.count(PHOTO) == 3
    assert (counted.count(VIDEO), listed.count(VIDEO), listed.count(AUDIO)) == (0, 1, 0)
    for rule in (
        DossierRule(requires_form=False, media=(MediaRule(PHOTO, 5, 10),)),
        DossierRule(requires_form=False, min_photos=5),
    ):
        assert counted.missing(rule) == listed.missing(rule)
    assert counted.missing(DossierRule(requires_form=False, media=(MediaRule(PHOTO, 5, 10),))) == (
        "照片5至10张（现有3张）",
    )


def test_everything_lacking_in_the_clerks_order() -> None:
    rule = DossierRule(
        min_account_chars=800,
        max_account_chars=1500,
        requires_motto=True,
        requires_summary=True,
        max_summary_chars=200,
        media=(MediaRule(AUDIO, max_count=0), MediaRule(VIDEO, 1, 1, 60, 120), MediaRule(PHOTO, 5, 10)),
    )
    dossier = Dossier(account="好" * 1620, photos=3, media=(MediaItem(VIDEO, 150), MediaItem(AUDIO, 40)))
    assert dossier.missing(rule) == (
        "推荐表",
        "事迹材料800至1500字（现有1620字）",
        "简要事迹",
        "照片5至10张（现有3张）",
        "视频时长1至2分钟（现有150秒）",
        "音频不超过0段（现有1段）",
        "家训",
    )
    complete = Dossier(True, "好" * 1000, 6, "家和万事兴", summary="好" * 150, media=(MediaItem(VIDEO, 90),))
    assert complete.missing(rule) == ()


def test_a_rule_reports_every_fault_with_its_path() -> None:
    with pytest.raises(DefinitionError) as caught:
        DossierRule(
            min_account_chars=1500,
            max_account_chars=800,
            min_photos=2,
            min_summary_chars=-1,
            max_summary_chars=0,
            media=(MediaRule(PHOTO, 5, 10), MediaRule(VIDEO), MediaRule(VIDEO, 1)),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "max_account_chars: expected a bound at least min_account_chars (1500), got 800",
        "min_summary_chars: expected a whole number from 0 to 100000, got -1",
        "max_summary_chars: expected a whole number from 1 to 100000 or None, got 0",
        "media[2].kind: expected a kind with no rule before, got 'video'",
        "min_photos: expected 0 when media holds a rule for photos (state the photo count once), got 2",
    ]
    with pytest.raises(DefinitionError) as caught:
        DossierRule(max_account_chars=100_001, media=[MediaRule(AUDIO), "photos"])  # type: ignore[list-item]
    assert [str(fault) for fault in caught.value.faults] == [
        "max_account_chars: expected a whole number from 1 to 100000 or None, got 100001",
        "media[1]: expected a MediaRule, got 'photos'",
    ]


def test_a_media_rule_reports_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        MediaRule(VIDEO, 3, 2, 120, 60)
    assert [str(fault) for fault in caught.value.faults] == [
        "max_count: expected a bound at least min_count (3), got 2",
        "max_seconds: expected a bound at least min_seconds (120), got 60",
    ]
    with pytest.raises(DefinitionError) as caught:
        MediaRule(PHOTO, -1, 501, 60, None)
    assert [str(fault) for fault in caught.value.faults] == [
        "min_count: expected a whole number from 0 to 500, got -1",
        "max_count: expected a whole number from 0 to 500 or None, got 501",
        "min_seconds: expected None (a photo has no duration), got 60",
    ]
    with pytest.raises(DefinitionError) as caught:
        MediaRule(AUDIO, min_seconds=0, max_seconds=120_000)
    assert [str(fault) for fault in caught.value.faults] == [
        "min_seconds: expected a whole number from 1 to 86400 or None, got 0",
        "max_seconds: expected a whole number from 1 to 86400 or None, got 120000",
    ]


def test_media_items_and_dossiers_are_checked() -> None:
    with pytest.raises(ValidationError, match=r"^seconds: expected None \(a photo has no duration\), got 3$"):
        MediaItem(PHOTO, 3)
    with pytest.raises(ValidationError) as caught:
        MediaItem(VIDEO)
    assert str(caught.value) == "seconds: expected the duration of the 视频 in whole seconds from 1 to 86400, got None"
    with pytest.raises(ValidationError, match=r"^kind: expected a MediaKind, got 'video'$"):
        MediaItem("video", 60)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        Dossier(photos=2, summary=None, media=(MediaItem(PHOTO), "clip"))  # type: ignore[arg-type]
    assert [str(fault) for fault in caught.value.faults] == [
        "summary: expected text, got None",
        "media[1]: expected a MediaItem, got 'clip'",
        "photos: expected 0 when photos are listed in media (count them once), got 2",
    ]
    with pytest.raises(ValidationError, match=r"^media: expected at most 500 items, got 501$"):
        Dossier(media=photos(501))


def test_new_fields_round_trip_and_nested_faults_keep_their_paths() -> None:
    rule = DossierRule(
        min_account_chars=800,
        max_account_chars=1500,
        requires_summary=True,
        max_summary_chars=200,
        media=(MediaRule(PHOTO, 5, 10), MediaRule(VIDEO, 1, 1, 60, 120)),
    )
    dossier = Dossier(True, "好" * 900, summary="好" * 100, media=(*photos(5), MediaItem(VIDEO, 90)))
    assert_round_trip(rule, DossierRule)
    assert_round_trip(dossier, Dossier)
    assert unstructure(dossier)["media"][-2:] == [{"kind": "photo", "seconds": None}, {"kind": "video", "seconds": 90}]
    # A payload without the new keys is read as before.
    assert structure({"form": True, "account": "孝老", "photos": 2, "motto": ""}, Dossier) == Dossier(True, "孝老", 2)
    payload: dict[str, Any] = unstructure(rule)
    payload["media"][1]["max_count"] = 0
    payload["media"][0]["kind"] = "film"
    with pytest.raises(ValidationError) as caught:
        structure(payload, DossierRule)
    assert [str(fault) for fault in caught.value.faults] == [
        "media[0].kind: expected one of 'photo', 'video', 'audio', got 'film'",
        "media[1].max_count: expected a bound at least min_count (1), got 0",
    ]
