"""`smmplan export`: the posts a target takes, checked against its rules, as files.

By default only posts that are approved or scheduled go out (`include_all`
takes every post that is not cancelled); the rest are counted by status so the
summary can say what was left out and why. Each target's rules (channels it
posts to, rows per file, lead time, minute steps, gaps, text limits, a time
and a text for every post) are checked on every post before any file is made:
one problem blocks the export, and every problem is listed.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field

from smmplan import networks
from smmplan.locale import _, ngettext, terms
from smmplan.sheets.targets import Item, Options, Target
from smmplan.sheets.zones import zone_of

DEFAULT_STATUSES = ("approved", "scheduled")


@dataclass(frozen=True)
class Blocker:
    line: int | None
    message: str


@dataclass
class Export:
    target: Target
    items: list[Item] = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)  # status -> posts not exported
    blockers: list[Blocker] = field(default_factory=list)
    files: dict[str, str | bytes] = field(default_factory=dict)  # file name -> content
    counts: dict[str, int] = field(default_factory=dict)  # file name -> posts in it


def items_of(result, include_all: bool = False) -> tuple[list[Item], Counter]:
    """The plan's posts to export, in time order, and the statuses of those left out."""
    plan = result.plan
    out: list[Item] = []
    left_out: Counter = Counter()
    for info in result.posts:
        status = info.status
        if status == "cancelled" or (not include_all and status not in DEFAULT_STATUSES):
            left_out[status or f"`{info.post.status}`"] += 1
            continue
        post = info.post
        zone = zone_of(plan, post.channel)
        when = (dt.datetime.combine(post.date, post.time, tzinfo=zoneinfo.ZoneInfo(zone))
                if post.time is not None else None)
        line = result.doc.locate(("posts", info.index))[0] if result.doc is not None else None
        out.append(Item(info.index, line, post, info.category, status, post.channel, zone, when))
    out.sort(key=lambda i: (i.post.date, i.post.time or dt.time(0), i.index))
    return out, left_out


def _label(item: Item) -> str:
    when = item.post.date.isoformat() + (item.local(" %H:%M") if item.when else "")
    title = item.post.title if len(item.post.title) <= 40 else item.post.title[:39] + "…"
    return _('{when} {channel} "{title}"').format(when=when, channel=item.channel or _("(no channel)"), title=title)


def check(target: Target, items: list[Item], now: dt.datetime, split: bool) -> list[Blocker]:
    """Everything in `items` the target would refuse, post by post, then file by file."""
    out: list[Blocker] = []
    allowed = None if target.channels is None else {networks.channel_key(c) for c in target.channels}
    title = _(target.title)
    for i in items:
        def block(message: str) -> None:
            out.append(Blocker(i.line, f"{_label(i)}: {message}"))

        channel = i.network
        if target.needs_channel and not channel:
            block(_("no channel; {target} needs to know where the post goes (write `channel:`).").format(target=title))
        elif allowed is not None and channel and channel not in allowed:
            block(_("{target} cannot post to `{channel}`; it posts to {channels}. Leave the post out (status) or "
                    "publish it another way.").format(target=title, channel=i.channel,
                                                      channels=", ".join(sorted(target.channels))))
        if target.needs_time and i.when is None:
            block(_("no time; {target} schedules posts at a time of day (write `time: HH:MM`).").format(target=title))
        if target.needs_text and not i.message:
            block(_("no text; {target} publishes the post's text, not its title (write `text:`).").format(target=title))
        limits = [x for x in (target.text_limit, _network_limit(i)) if x]
        if limits and len(i.message) > min(limits):
            n = len(i.message)
            said = (ngettext("the text is {n} character; {channel} takes at most {limit} with media. Shorten it.",
                             "the text is {n} characters; {channel} takes at most {limit} with media. Shorten it.", n)
                    if _has_media(i) else
                    ngettext("the text is {n} character; {channel} takes at most {limit}. Shorten it.",
                             "the text is {n} characters; {channel} takes at most {limit}. Shorten it.", n))
            block(said.format(n=networks.count(n), channel=i.channel, limit=networks.count(min(limits))))
        if i.when is not None and target.minute_step and i.when.minute % target.minute_step:
            low = i.when.minute - i.when.minute % target.minute_step
            block(_("{time} is not on {target}'s {step}-minute steps; move it to {earlier} or the next step.").format(
                time=i.local("%H:%M"), target=title, step=target.minute_step, earlier=f"{i.when.hour:02d}:{low:02d}"))
        if i.when is not None and target.lead_minutes is not None:
            ahead = (i.when - now).total_seconds() / 60
            if ahead < target.lead_minutes:
                if ahead < 0:
                    block(_("the time has passed ({now} {zone} now); move the post, or leave it out.").format(
                        now=f"{now.astimezone(i.when.tzinfo):%Y-%m-%d %H:%M}", zone=i.zone))
                else:
                    block(ngettext("less than {n} minute from now; {target} needs the file {n} minute ahead.",
                                   "less than {n} minutes from now; {target} needs the file {n} minutes ahead.",
                                   target.lead_minutes).format(n=target.lead_minutes, target=title))
    for name, group in groups(target, items).items():
        if target.max_rows and len(group) > target.max_rows and not split:
            said = (ngettext("{n} post for {channel}; {target} takes at most {limit} a file: give --split to write "
                             "several files.",
                             "{n} posts for {channel}; {target} takes at most {limit} a file: give --split to write "
                             "several files.", len(group)) if target.per_channel else
                    ngettext("{n} post; {target} takes at most {limit} a file: give --split to write several files.",
                             "{n} posts; {target} takes at most {limit} a file: give --split to write several files.",
                             len(group)))
            out.append(Blocker(None, said.format(n=len(group), channel=name, target=title, limit=target.max_rows)))
        if target.min_gap_minutes:
            timed = [i for i in group if i.when is not None]
            gap = target.min_gap_minutes
            for a, b in zip(timed, timed[1:]):
                if (b.when - a.when).total_seconds() < gap * 60:
                    out.append(Blocker(b.line, ngettext(
                        "{post}: less than {n} minute after {before}; {target} needs posts {n} minute apart.",
                        "{post}: less than {n} minutes after {before}; {target} needs posts {n} minutes apart.",
                        gap).format(post=_label(b), n=gap, before=_label(a), target=title)))
    return out


def _has_media(item: Item) -> bool:
    return networks.canonical_kind(item.post.media) not in (None, "text")


def _network_limit(item: Item) -> int | None:
    """The network's own limit on the post's text (its caption limit when the post has media)."""
    net = networks.network(item.channel)
    if net is None:
        return None
    return net.caption_limit() if _has_media(item) else net.text


def groups(target: Target, items: list[Item]) -> dict[str, list[Item]]:
    """Posts per file: per channel for targets that take one channel a file, else all in one."""
    if not target.per_channel:
        return {"": list(items)}
    out: dict[str, list[Item]] = {}
    for i in items:
        out.setdefault(i.network or "no-channel", []).append(i)
    return out


def build(result, target: Target, *, include_all: bool = False, split: bool = False, now: dt.datetime | None = None,
          options: Options | None = None, stem: str = "plan") -> Export:
    """Select, check and (when nothing blocks) render the files; names are relative to the output."""
    options = options or Options()
    exp = Export(target)
    exp.items, exp.left_out = items_of(result, include_all)
    exp.blockers = check(target, exp.items, now or dt.datetime.now(dt.timezone.utc), split)
    if exp.blockers:
        return exp
    for name, group in groups(target, exp.items).items():
        base = name or stem
        size = target.max_rows if split and target.max_rows else max(len(group), 1)
        chunks = [group[k:k + size] for k in range(0, len(group), size)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            file = f"{base}-{n}{target.suffix}" if len(chunks) > 1 else f"{base}{target.suffix}"
            exp.files[file] = target.render(chunk, options)
            exp.counts[file] = len(chunk)
    return exp


def left_out_text(left_out: Counter, include_all: bool) -> str:
    n = sum(left_out.values())
    if include_all:  # only cancelled posts stay out
        return ngettext("Left out {n} cancelled post.", "Left out {n} cancelled posts.", n).format(n=n)
    parts = ", ".join(f"{terms.status(k)} {v}" for k, v in sorted(left_out.items(), key=lambda kv: (-kv[1], kv[0])))
    return ngettext("Left out {n} post (not approved or scheduled: {statuses}); --all exports every post that is not "
                    "cancelled.",
                    "Left out {n} posts (not approved or scheduled: {statuses}); --all exports every post that is "
                    "not cancelled.", n).format(n=n, statuses=parts)
