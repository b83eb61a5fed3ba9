"""Which time zone a post's time is in: the channel's, the plan's, else the machine's."""

from __future__ import annotations

import functools
import os
import zoneinfo


@functools.lru_cache(maxsize=1)
def machine_zone() -> str:
    """The IANA name of this machine's time zone (TZ, /etc/localtime, /etc/timezone), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo" + os.sep in target:
            candidates.append(target.split("zoneinfo" + os.sep, 1)[1])
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as fh:
            candidates.append(fh.read().strip())
    except OSError:
        pass
    for name in candidates:
        if name and _valid(name):
            return name
    return "UTC"


def _valid(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_of(plan, channel: str | None) -> str:
    """The time zone of a post on `channel` of `plan`: `channel_timezones`, `timezone`, the machine's."""
    overrides = {k.lower(): v for k, v in (getattr(plan, "channel_timezones", None) or {}).items()}
    if channel and channel.lower() in overrides:
        return overrides[channel.lower()]
    return getattr(plan, "timezone", None) or machine_zone()
