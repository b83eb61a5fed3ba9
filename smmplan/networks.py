"""The social networks smmplan knows, and posting slots.

Shared by the platform rules (``rules/platform.py``), the mix rules (one channel
whatever it is called: `ВК` and `vk` are the same wall), the `channels` command
and `suggest` (times inside the slots). The data lives in
``smmplan/data/networks.yaml``: canonical names, aliases in English and
Russian, and the limits each network enforces, each with its source.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from smmplan.days import shift
from smmplan.findings import nearest
from smmplan.locale import DEFAULT, _, current

_FOLD = re.compile(r"[\s.\-_/]+")


@lru_cache(maxsize=4096)  # a plan names a handful of channels on thousands of posts; bounded
def normalise(word: str) -> str:
    """`В Контакте` -> `вконтакте`, `ok.ru` -> `okru`, `Tik-Tok` -> `tiktok`."""
    return _FOLD.sub("", word.strip().casefold().replace("ё", "е"))


# The networks and slots are plain values, read once: named tuples (a dataclass is generated
# anew at every start, some 0.6 ms each).
class Network(NamedTuple):
    key: str  # canonical name, as plans and reports write it: vk, telegram, ok...
    name: str  # display name
    aliases: tuple[str, ...]
    text: int | None  # most characters in a post's text
    caption: int | None  # most characters in the text of a post with media, where it differs
    title: int | None
    hashtags: int | None
    posts_per_day: int | None
    links: bool  # is a URL in the text a clickable link?
    kinds: tuple[str, ...]
    sources: tuple[str, ...]
    checked: str
    unsourced: tuple[str, ...]

    def caption_limit(self) -> int | None:
        """Most characters in the text of a post with media."""
        return self.caption if self.caption is not None else self.text


class Catalogue(NamedTuple):
    networks: dict[str, Network]  # canonical name -> network, in the data file's order
    words: dict[str, str]  # normalised name or alias -> canonical name
    kinds: dict[str, str]  # normalised word -> post kind
    kind_order: tuple[str, ...]


def count(n: int) -> str:
    """A limit or a count as people read it: 1,024 in English, 1 024 in Russian."""
    text = f"{n:,}"
    return text if current() == DEFAULT else text.replace(",", "\u00a0")


def _int(value) -> int | None:
    return None if value is None else int(value)


@cache
def catalogue() -> Catalogue:
    """Read smmplan/data/networks.yaml once, with smmplan's own loader (no PyYAML)."""
    from smmplan import loader

    raw = loader.load((Path(__file__).parent / "data" / "networks.yaml").read_bytes()).data
    networks: dict[str, Network] = {}
    words: dict[str, str] = {}
    for key, spec in raw["networks"].items():
        net = Network(
            key, spec["name"], tuple(spec.get("aliases") or ()), _int(spec.get("text")), _int(spec.get("caption")),
            _int(spec.get("title")), _int(spec.get("hashtags")), _int(spec.get("posts_per_day")),
            spec.get("links") == "true", tuple(spec.get("kinds") or ()), tuple(spec.get("sources") or ()),
            str(spec.get("checked", "")), tuple(spec.get("unsourced") or ()),
        )
        networks[key] = net
        for word in (key, spec["name"], *net.aliases):
            words.setdefault(normalise(word), key)
    kinds: dict[str, str] = {}
    for kind, names in raw["kinds"].items():
        for word in (kind, *names):
            kinds[normalise(word)] = kind
    return Catalogue(networks, words, kinds, tuple(raw["kinds"]))


def canonical(channel: str | None) -> str | None:
    """`ВК` -> `vk`; None for a word that names no known network."""
    if not channel:
        return None
    return catalogue().words.get(normalise(channel))


def channel_key(channel: str | None) -> str:
    """One name per channel, whatever the plan calls it: the network's canonical name
    when it is one, else the word itself folded (a plan may have its own channels,
    such as `blog` or `newsletter`)."""
    if not channel:
        return ""
    return canonical(channel) or normalise(channel)


def network(channel: str | None) -> Network | None:
    key = canonical(channel)
    return catalogue().networks[key] if key else None


def suggest_network(word: str) -> str | None:
    """The known network a mistyped channel most likely means (`instagarm` -> instagram)."""
    cat = catalogue()
    near = nearest(normalise(word), cat.words)
    return cat.words[near] if near else None


def canonical_kind(word: str | None) -> str | None:
    """`Карусель` -> carousel; None for a word that names no post kind."""
    if not word:
        return None
    return catalogue().kinds.get(normalise(word))


# --- posting slots ------------------------------------------------------------------

_DAYS = {
    0: ("mon", "monday", "mo", "пн", "пон", "понедельник"),
    1: ("tue", "tues", "tuesday", "tu", "вт", "вто", "вторник"),
    2: ("wed", "wednesday", "we", "ср", "сре", "среда"),
    3: ("thu", "thur", "thurs", "thursday", "th", "чт", "чет", "четверг"),
    4: ("fri", "friday", "fr", "пт", "пят", "пятница"),
    5: ("sat", "saturday", "sa", "сб", "суб", "суббота"),
    6: ("sun", "sunday", "su", "вс", "вос", "воскресенье"),
}
_DAY = {word: day for day, words in _DAYS.items() for word in words}
_GROUPS = {
    "daily": range(7), "everyday": range(7), "ежедневно": range(7), "каждыйдень": range(7),
    "weekdays": range(5), "будни": range(5), "workdays": range(5),
    "weekends": range(5, 7), "weekend": range(5, 7), "выходные": range(5, 7),
}
_DASH = r"\s*[-–—]\s*"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_SLOT = re.compile(rf"^\s*(?:(?P<days>.*?)\s+)?{_TIME}{_DASH}{_TIME}\s*$")
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class SlotError(ValueError):
    """A slot that cannot be read; the message says what form is expected."""


class Slot(NamedTuple):
    """Days of the week (0 = Monday) and a window of the day, start inclusive, end exclusive."""

    days: frozenset[int]
    start: dt.time
    end: dt.time

    def holds(self, day: dt.date, time: dt.time) -> bool:
        return day.weekday() in self.days and self.start <= time < self.end

    def __str__(self) -> str:
        return f"{_days_text(self.days)} {self.start:%H:%M}–{self.end:%H:%M}"


def _day_name(day: int) -> str:
    """`Mon` / `пн` (0 = Monday), as slots are written."""
    if current() == DEFAULT:
        return _DAY_NAMES[day]
    from smmplan.locale import dates

    return dates.weekday(dt.date(2024, 1, 1) + dt.timedelta(days=day))  # 2024-01-01 was a Monday


def _days_text(days: frozenset[int]) -> str:
    if len(days) == 7:
        return _("daily")
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{_day_name(ordered[0])}–{_day_name(ordered[-1])}"
    return ",".join(_day_name(d) for d in ordered)


def _clock(hour: str, minute: str | None, text: str) -> dt.time:
    h, m = int(hour), int(minute or 0)
    if h == 24 and m == 0:
        return dt.time.max
    if h > 23 or m > 59:
        raise SlotError(_("`{slot}`: {time} is not a time of day").format(slot=text, time=f"{hour}:{minute or '00'}"))
    return dt.time(h, m)


def _day_set(text: str, whole: str) -> frozenset[int]:
    out: set[int] = set()
    for part in re.split(r"\s*[,;]\s*|\s+", text.strip()):
        if not part:
            continue
        word = normalise(part)
        if word in _GROUPS:
            out.update(_GROUPS[word])
            continue
        ends = re.split(r"[-–—]", part.casefold().replace("ё", "е"))
        if len(ends) == 2 and ends[0] in _DAY and ends[1] in _DAY:
            a, b = _DAY[ends[0]], _DAY[ends[1]]
            out.update(range(a, b + 1) if a <= b else (*range(a, 7), *range(0, b + 1)))
        elif word in _DAY:
            out.add(_DAY[word])
        else:
            raise SlotError(_("`{slot}`: `{word}` is not a day of the week; write days as Mon–Fri, Tue,Thu, weekdays "
                              "or daily (Russian: пн–пт, будни, ежедневно)").format(slot=whole, word=part))
    return frozenset(out)


@lru_cache(maxsize=512)  # slots are written once per channel; bounded
def parse_slot(text: str) -> Slot:
    """`Tue–Fri 10:00–12:00`, `вт-пт 10-12`, `daily 18:30-20:00`, `10:00-12:00` (every day)."""
    m = _SLOT.match(text[:200])
    if not m or len(text) > 200:
        raise SlotError(_("`{slot}` is not a posting slot; write days and hours, for example `Tue–Fri 10:00–12:00` "
                          "or `daily 18:00–20:00`").format(slot=text[:60]))
    days = _day_set(m["days"], text) if m["days"] else frozenset(range(7))
    start, end = _clock(m[2], m[3], text), _clock(m[4], m[5], text)
    if not days or end <= start:
        raise SlotError(_("`{slot}`: the window must end after it starts, on at least one day").format(slot=text))
    return Slot(days, start, end)


def parse_slots(value) -> tuple[Slot, ...]:
    """One slot or a list of them, as a plan or a config writes them."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise SlotError(_("slots are a text such as `Tue–Fri 10:00–12:00`, or a list of them"))
    return tuple(parse_slot(v) for v in items)


def in_slots(slots: tuple[Slot, ...], day: dt.date, time: dt.time) -> bool:
    return any(s.holds(day, time) for s in slots)


def first_time(slots: tuple[Slot, ...], day: dt.date) -> dt.time | None:
    """The earliest slot time on a day, or None when no slot is open that day."""
    times = [s.start for s in slots if day.weekday() in s.days]
    return min(times) if times else None


def fit_slot(slots: tuple[Slot, ...], day: dt.date, time: str, week_start: dt.date) -> tuple[dt.date, str]:
    """Move a planned post into its channel's slots: the same day at the slot's start when a
    slot is open that day (the time kept when it already lies inside), else the nearest day of
    the same week with a slot, so the week's mix is unchanged. Unchanged when no day has one."""
    h, m = (int(x) for x in time.split(":"))
    if in_slots(slots, day, dt.time(h, m)):
        return day, time
    week = [d for d in (shift(week_start, n) for n in range(7)) if d is not None]  # none past 9999-12-31
    for candidate in sorted(week, key=lambda d: (abs((d - day).days), d < day)):
        start = first_time(slots, candidate)
        if start is not None:
            return candidate, f"{start:%H:%M}"
    return day, time


def merged_slots(settings, plan=None) -> dict[str, tuple[Slot, ...]]:
    """Slots by channel key: the config's, then the plan's (a plan's own slots win); slots
    that cannot be read are left out here (the PLT012 finding names them)."""
    out = {channel_key(k): v for k, v in (getattr(settings, "slots", None) or {}).items()}
    for channel, spec in ((plan.slots or {}) if plan is not None else {}).items():
        try:
            out[channel_key(channel)] = parse_slots(spec)
        except SlotError:
            continue
    return out
