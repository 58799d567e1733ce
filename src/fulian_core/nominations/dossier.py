"""The dossier a nomination carries (推荐材料) and the rule it must meet.

>>> from fulian_core.nominations import Dossier, DossierRule
>>> rule = DossierRule(min_account_chars=300, min_photos=2, requires_motto=True)
>>> Dossier(form=True, account="孝老爱亲" * 20, photos=1).missing(rule)
('事迹材料不少于300字（现有80字）', '照片不少于2张（现有1张）', '家训')

Published calls also bound the account from above ("1500字以内"), ask for a short summary
("另附200字以内的简要事迹") and for media within count and duration ranges ("照片5-10张",
"视频1-2分钟"):

>>> from fulian_core.nominations import MediaItem, MediaKind, MediaRule
>>> rule = DossierRule(
...     max_account_chars=1500, requires_summary=True, max_summary_chars=200,
...     media=(MediaRule(MediaKind.PHOTO, 5, 10), MediaRule(MediaKind.VIDEO, 1, 1, min_seconds=60, max_seconds=120)),
... )
>>> photos = (MediaItem(MediaKind.PHOTO),) * 3
>>> Dossier(True, "好" * 1620, media=(*photos, MediaItem(MediaKind.VIDEO, 150))).missing(rule)
('事迹材料不超过1500字（现有1620字）', '简要事迹', '照片5至10张（现有3张）', '视频时长1至2分钟（现有150秒）')

Photos are counted one way per dossier: either as the legacy count ``photos`` or as
:class:`MediaItem` records of kind photo, never both (a dossier with both is refused, so no
photo is counted twice). Likewise a rule states the photo count once: ``min_photos`` or a
photo :class:`MediaRule`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Final, TypeGuard

import attrs

from fulian_core._definitions import check_free_text as _check_free_text
from fulian_core._definitions import check_type, listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError
from fulian_core.nominations._checks import check_count
from fulian_core.privacy import _text_repr

__all__ = ["Dossier", "DossierRule", "MediaItem", "MediaKind", "MediaRule", "account_length"]

_MAX_CHARS: Final = 100_000
"""The largest character bound a rule may state (an account runs to a few thousand)."""
_MAX_COUNT: Final = 500
"""The largest media count a rule may state, and the most media items a dossier may list."""
_MAX_SECONDS: Final = 86_400
"""The longest duration, in seconds, a rule may state or an item may have (a day: a value in
milliseconds is caught)."""


def account_length(text: str) -> int:
    """The length of a written account in characters, as rules count it: every character
    except white space (spaces, line breaks, full-width spaces)."""
    check_type(text, str, "text")
    return sum(1 for character in text if not character.isspace())


class MediaKind(CodedEnum):
    """A kind of media attached to a dossier (附件类型)."""

    PHOTO = ("photo", "照片")
    VIDEO = ("video", "视频")
    AUDIO = ("audio", "音频")


_MEASURE: Final = {MediaKind.PHOTO: "张", MediaKind.VIDEO: "段", MediaKind.AUDIO: "段"}


def _is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_bound(value: object, path: str, faults: Faults, *, minimum: int, maximum: int, optional: bool) -> None:
    """A whole number from *minimum* to *maximum* (or None when *optional*)."""
    if optional and value is None:
        return
    expected = f"a whole number from {minimum} to {maximum}" + (" or None" if optional else "")
    faults.check(_is_whole(value) and minimum <= value <= maximum, path, expected, value)


def _check_order(low: object, high: object, low_name: str, high_name: str, faults: Faults) -> None:
    if _is_whole(low) and _is_whole(high):
        faults.check(low <= high, high_name, f"a bound at least {low_name} ({low})", high)


def _bounds(low: int, high: int | None, measure: str) -> str:
    """``不少于300字``, ``不超过1500字``, ``800至1500字``, ``1段``."""
    if high is None:
        return f"不少于{low}{measure}"
    if low == 0:
        return f"不超过{high}{measure}"
    if low == high:
        return f"{low}{measure}"
    return f"{low}至{high}{measure}"


def _duration_bounds(low: int | None, high: int | None) -> str:
    """``1至2分钟``, ``不少于30秒``, ``30至90秒``: minutes when every bound is whole minutes."""
    stated = [bound for bound in (low, high) if bound is not None]
    minutes = all(bound % 60 == 0 for bound in stated)
    measure, scale = ("分钟", 60) if minutes else ("秒", 1)
    if high is None:
        return f"不少于{(low or 0) // scale}{measure}"
    return _bounds((low or 0) // scale, high // scale, measure)


def _outside(value: int, low: int, high: int | None) -> bool:
    return value < low or (high is not None and value > high)


@attrs.frozen
class MediaItem:
    """One media item attached to a dossier (附件): a photo (照片), or a video (视频) or audio
    recording (音频) with its duration in whole seconds (时长); a photo has none."""

    kind: MediaKind
    seconds: int | None = attrs.field(default=None, metadata={"json_schema": {"minimum": 1, "maximum": _MAX_SECONDS}})

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.kind, MediaKind), "kind", "a MediaKind", self.kind):
            faults.raise_if_any()
        if self.kind is MediaKind.PHOTO:
            faults.check(self.seconds is None, "seconds", "None (a photo has no duration)", self.seconds)
        else:
            faults.check(
                _is_whole(self.seconds) and 1 <= self.seconds <= _MAX_SECONDS,
                "seconds",
                f"the duration of the {self.kind.label} in whole seconds from 1 to {_MAX_SECONDS}",
                self.seconds,
            )
        faults.raise_if_any()


@attrs.frozen
class MediaRule:
    """What a dossier must attach of one kind of media (附件要求): from ``min_count`` to
    ``max_count`` items ("照片5-10张"; ``None``: no maximum) and, for video and audio, each item
    from ``min_seconds`` to ``max_seconds`` long ("视频1-2分钟"; ``None``: no bound)."""

    kind: MediaKind
    min_count: int = attrs.field(default=0, metadata={"json_schema": {"minimum": 0, "maximum": _MAX_COUNT}})
    max_count: int | None = attrs.field(default=None, metadata={"json_schema": {"minimum": 0, "maximum": _MAX_COUNT}})
    min_seconds: int | None = attrs.field(
        default=None, metadata={"json_schema": {"minimum": 1, "maximum": _MAX_SECONDS}}
    )
    max_seconds: int | None = attrs.field(
        default=None, metadata={"json_schema": {"minimum": 1, "maximum": _MAX_SECONDS}}
    )

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.kind, MediaKind), "kind", "a MediaKind", self.kind)
        _check_bound(self.min_count, "min_count", faults, minimum=0, maximum=_MAX_COUNT, optional=False)
        _check_bound(self.max_count, "max_count", faults, minimum=0, maximum=_MAX_COUNT, optional=True)
        _check_order(self.min_count, self.max_count, "min_count", "max_count", faults)
        if self.kind is MediaKind.PHOTO:
            for name in ("min_seconds", "max_seconds"):
                faults.check(getattr(self, name) is None, name, "None (a photo has no duration)", getattr(self, name))
        else:
            for name in ("min_seconds", "max_seconds"):
                _check_bound(getattr(self, name), name, faults, minimum=1, maximum=_MAX_SECONDS, optional=True)
            _check_order(self.min_seconds, self.max_seconds, "min_seconds", "max_seconds", faults)
        faults.raise_if_any(DefinitionError)


def _media_lacking(rule: MediaRule, count: int, durations: Iterable[int]) -> list[str]:
    """What *count* items of the rule's kind, of *durations* seconds, lack under *rule*."""
    lacking: list[str] = []
    label, measure = rule.kind.label, _MEASURE[rule.kind]
    if _outside(count, rule.min_count, rule.max_count):
        lacking.append(f"{label}{_bounds(rule.min_count, rule.max_count, measure)}（现有{count}{measure}）")
    if rule.min_seconds is not None or rule.max_seconds is not None:
        wrong = [seconds for seconds in durations if _outside(seconds, rule.min_seconds or 0, rule.max_seconds)]
        if wrong:
            shown = "、".join(f"{seconds}秒" for seconds in wrong)
            lacking.append(f"{label}时长{_duration_bounds(rule.min_seconds, rule.max_seconds)}（现有{shown}）")
    return lacking


def _media_rules(value: Iterable[MediaRule]) -> tuple[MediaRule, ...]:
    return listed(value, "media", "a list of media rules")


def _media_items(value: Iterable[MediaItem]) -> tuple[MediaItem, ...]:
    return listed(value, "media", "a list of media items")


@attrs.frozen
class DossierRule:
    """What a complete dossier must hold (材料要求): the nomination form (推荐表); a written
    account of deeds (事迹材料) from ``min_account_chars`` to ``max_account_chars`` characters
    (``None``: no maximum); at least ``min_photos`` photos; the family motto (家训) when
    ``requires_motto``; a short summary (简要事迹) when ``requires_summary``, which, when given,
    runs from ``min_summary_chars`` to ``max_summary_chars``; and media (附件) as ``media`` rules
    say, at most one rule per kind.

    Characters are counted by :func:`account_length`. A rule states the photo count once:
    ``min_photos`` or a photo :class:`MediaRule`, not both.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        (
            "min_account_chars is at most max_account_chars, and min_summary_chars at most "
            "max_summary_chars, when the maxima are given"
        ),
        "one media rule per kind; min_photos is 0 when media holds a rule for photos",
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    requires_form: bool = True
    min_account_chars: int = attrs.field(default=0, metadata={"json_schema": {"minimum": 0, "maximum": _MAX_CHARS}})
    min_photos: int = attrs.field(default=0, metadata={"json_schema": {"minimum": 0}})
    requires_motto: bool = False
    max_account_chars: int | None = attrs.field(
        default=None, kw_only=True, metadata={"json_schema": {"minimum": 1, "maximum": _MAX_CHARS}}
    )
    requires_summary: bool = attrs.field(default=False, kw_only=True)
    min_summary_chars: int = attrs.field(
        default=0, kw_only=True, metadata={"json_schema": {"minimum": 0, "maximum": _MAX_CHARS}}
    )
    max_summary_chars: int | None = attrs.field(
        default=None, kw_only=True, metadata={"json_schema": {"minimum": 1, "maximum": _MAX_CHARS}}
    )
    media: tuple[MediaRule, ...] = attrs.field(default=(), converter=_media_rules, kw_only=True)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for name in ("requires_form", "requires_motto", "requires_summary"):
            faults.check(isinstance(getattr(self, name), bool), name, "true or false", getattr(self, name))
        _check_bound(self.min_account_chars, "min_account_chars", faults, minimum=0, maximum=_MAX_CHARS, optional=False)
        _check_bound(self.max_account_chars, "max_account_chars", faults, minimum=1, maximum=_MAX_CHARS, optional=True)
        _check_order(self.min_account_chars, self.max_account_chars, "min_account_chars", "max_account_chars", faults)
        _check_bound(self.min_summary_chars, "min_summary_chars", faults, minimum=0, maximum=_MAX_CHARS, optional=False)
        _check_bound(self.max_summary_chars, "max_summary_chars", faults, minimum=1, maximum=_MAX_CHARS, optional=True)
        _check_order(self.min_summary_chars, self.max_summary_chars, "min_summary_chars", "max_summary_chars", faults)
        check_count(self.min_photos, "min_photos", faults)
        faults.check(len(self.media) <= len(MediaKind), "media", f"at most {len(MediaKind)} rules", len(self.media))
        kinds: set[MediaKind] = set()
        for index, media_rule in enumerate(self.media[: len(MediaKind) + 1]):
            if not faults.check(isinstance(media_rule, MediaRule), f"media[{index}]", "a MediaRule", media_rule):
                continue
            faults.check(
                media_rule.kind not in kinds, f"media[{index}].kind", "a kind with no rule before", media_rule.kind.code
            )
            kinds.add(media_rule.kind)
        if MediaKind.PHOTO in kinds:
            faults.check(
                self.min_photos == 0,
                "min_photos",
                "0 when media holds a rule for photos (state the photo count once)",
                self.min_photos,
            )
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class Dossier:
    """One version of a nomination's materials (推荐材料): whether the form is filled in, the
    written account (事迹材料), how many photos, the family motto (家训), the short summary
    (简要事迹) and the media items (附件).

    ``photos`` is the count of photos not listed as items; a dossier gives its photos either as
    that count or as photo items in ``media``, not both.
    """

    form: bool = False
    account: str = attrs.field(default="", repr=_text_repr)
    photos: int = 0
    motto: str = attrs.field(default="", repr=_text_repr)
    summary: str = attrs.field(default="", kw_only=True, repr=_text_repr)
    media: tuple[MediaItem, ...] = attrs.field(
        default=(), converter=_media_items, kw_only=True, metadata={"json_schema": {"maxItems": _MAX_COUNT}}
    )

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.form, bool), "form", "true or false", self.form)
        _check_free_text(self.account, "account", faults)
        check_count(self.photos, "photos", faults)
        _check_free_text(self.motto, "motto", faults)
        _check_free_text(self.summary, "summary", faults)
        if faults.check(len(self.media) <= _MAX_COUNT, "media", f"at most {_MAX_COUNT} items", len(self.media)):
            listed_photos = False
            for index, item in enumerate(self.media):
                if faults.check(isinstance(item, MediaItem), f"media[{index}]", "a MediaItem", item):
                    listed_photos = listed_photos or item.kind is MediaKind.PHOTO
            if listed_photos:
                faults.check(
                    self.photos == 0, "photos", "0 when photos are listed in media (count them once)", self.photos
                )
        faults.raise_if_any()

    def count(self, kind: MediaKind) -> int:
        """How many items of *kind* the dossier holds (photos: the count or the listed items)."""
        listed = sum(1 for item in self.media if item.kind is kind)
        return listed + self.photos if kind is MediaKind.PHOTO else listed

    def missing(self, rule: DossierRule) -> tuple[str, ...]:
        """What this dossier lacks under *rule*, as a clerk would list it; empty when complete.

        In order: form, account, summary, media by kind (photo, video, audio), motto.
        """
        check_type(rule, DossierRule, "rule")
        lacking: list[str] = []
        if rule.requires_form and not self.form:
            lacking.append("推荐表")
        length = account_length(self.account)
        if _outside(length, rule.min_account_chars, rule.max_account_chars):
            lacking.append(f"事迹材料{_bounds(rule.min_account_chars, rule.max_account_chars, '字')}（现有{length}字）")
        summary = account_length(self.summary)
        if rule.requires_summary and not summary:
            lacking.append("简要事迹")
        elif summary and _outside(summary, rule.min_summary_chars, rule.max_summary_chars):
            lacking.append(
                f"简要事迹{_bounds(rule.min_summary_chars, rule.max_summary_chars, '字')}（现有{summary}字）"
            )
        ruled = {media_rule.kind: media_rule for media_rule in rule.media}
        for kind in MediaKind:
            count = self.count(kind)
            if kind is MediaKind.PHOTO and count < rule.min_photos:
                lacking.append(f"照片不少于{rule.min_photos}张（现有{count}张）")
            if kind in ruled:
                durations = [item.seconds for item in self.media if item.kind is kind and item.seconds is not None]
                lacking.extend(_media_lacking(ruled[kind], count, durations))
        if rule.requires_motto and not self.motto.strip():
            lacking.append("家训")
        return tuple(lacking)
