"""PLT: what each network accepts. Channels the plan names, text and caption limits,
hashtags, links, post kinds, repeats, posts per day and posting slots.

A scheduler's import checks such things, so a plan smmplan passed would still
fail there. The limits come from ``smmplan/data/networks.yaml``, each with its
source; a network whose limit could not be sourced is not checked for it
(`smmplan channels` shows what is known). Channels are compared by their
canonical name: `ВК`, `вконтакте` and `vk` are one channel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from smmplan import networks
from smmplan.findings import Problem
from smmplan.rules import Rule

_HASHTAG = re.compile(r"(?<![\w&#])#[^\W_][\w]*", re.UNICODE)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
DEFAULT_REPEAT_DAYS = 14

RULES = (
    Rule(
        "PLT001", "channel-not-in-plan", "error", "A post goes out on a channel the plan does not list.",
        what="The plan lists its channels under `channels:`, and a post names another one (aliases count as "
        "their network: `ВК` is `vk`).",
        why="A post on a channel nobody agreed on is either a typo, which the scheduler will refuse, or work "
        "the client did not sign off.",
        example="channels: [vk]\nposts:\n  - {date: 2026-12-01, channel: instagarm, type: engaging, title: Poll}\n",
        fix="Correct the channel's name, or add the channel to `channels:`.",
    ),
    Rule(
        "PLT002", "unknown-network", "warning", "A channel looks like a misspelt network.",
        what="A channel in `channels:` or on a post is no network smmplan knows, but is close to one "
        "(`instagarm`, `telegramm` is fine: it is an alias).",
        why="A misspelt network splits one channel's posts in two, so back-to-back ads and posting limits are "
        "missed, and a scheduler will not know where to post.",
        example="posts:\n  - {date: 2026-12-01, channel: instagarm, type: engaging, title: Poll}\n",
        fix="Write the network's name as `smmplan channels` lists it (its aliases work too).",
    ),
    Rule(
        "PLT003", "text-too-long", "error", "A post's text is longer than its network allows.",
        what="The post's `text` has more characters than the network takes in one post.",
        why="The scheduler refuses the post or the network cuts it; the end of a text is usually its call to "
        "action.",
        example="posts:\n  - {date: 2026-12-01, channel: x, type: engaging, title: Thread, text: "
        + "x" * 300 + "}\n",
        fix="Shorten the text, or split it into a series of posts.",
    ),
    Rule(
        "PLT004", "caption-too-long", "error", "A caption under media is longer than the network allows.",
        what="The post has `media:` (an image, a video, an album), and its `text` is longer than the network's "
        "limit for a caption, which is shorter than for a text post (Telegram: 1,024 characters).",
        why="The scheduler refuses the post, or sends the media and the text as two messages.",
        example="posts:\n  - {date: 2026-12-01, channel: telegram, media: image, type: educational, title: Guide, "
        "text: " + "x" * 1100 + "}\n",
        fix="Shorten the caption, or post the text alone and the picture in a second post.",
    ),
    Rule(
        "PLT005", "too-many-hashtags", "warning", "More hashtags than the network allows.",
        what="The post's title and text hold more hashtags than the network takes in one post.",
        why="Extra hashtags are dropped, or the post is shown to fewer people.",
        example="posts:\n  - {date: 2026-12-01, channel: instagram, media: image, type: engaging, title: Poll, "
        "text: '#a #b #c #d #e #f'}\n",
        fix="Keep the few hashtags that describe the post best.",
    ),
    Rule(
        "PLT006", "link-not-clickable", "info", "A link where the network does not make it clickable.",
        what="The post's caption (`text` or `title`) holds a URL on a network where links in captions are not "
        "clickable (Instagram, TikTok). A `link:` key is fine: it is where the bio or a sticker points.",
        why="A reader cannot follow it; a traffic goal counts clicks that cannot happen.",
        example="posts:\n  - {date: 2026-12-01, channel: instagram, media: image, type: advertising, title: Sale, "
        "text: 'Order at https://example.com/sale'}\n",
        fix="Put the link in the profile (\"link in bio\"), a story link sticker or a shop tag, and say so in "
        "the text.",
    ),
    Rule(
        "PLT007", "post-kind", "error", "A post kind the network does not have, or an unknown one.",
        what="The post's `media:` names a kind the network has not got (a reel on Telegram, a text-only post on "
        "Instagram), or no kind smmplan knows.",
        why="The scheduler cannot publish it as planned, and the production team makes the wrong asset.",
        example="posts:\n  - {date: 2026-12-01, channel: telegram, media: reel, type: engaging, title: Behind the bar}\n",
        fix="Choose a kind the network has (`smmplan channels` lists them), or another channel.",
    ),
    Rule(
        "PLT008", "repeated-text", "warning", "The same text again on one channel within a few days.",
        what="Two posts on the same channel within `repeat-days` days (config, default 14) have the same text "
        "once hashtags, links, emoji, punctuation and case are set aside. (Identical texts anywhere in the plan "
        "are MIX004.)",
        why="Networks treat a repeated text as spam and show it to fewer people; followers notice.",
        example="posts:\n  - {date: 2026-12-01, channel: vk, type: advertising, title: Sale, text: 'Sale! #sale'}\n"
        "  - {date: 2026-12-05, channel: vk, type: advertising, title: Sale again, text: 'sale #winter'}\n",
        fix="Write the second post anew, or space the two further apart.",
    ),
    Rule(
        "PLT009", "outside-slot", "info", "A post outside its channel's posting slots.",
        what="The channel has posting slots (`slots:` in the plan or the config, such as `Tue–Fri 10:00–12:00`) "
        "and the post's day or time falls outside them.",
        why="Slots are when the channel's audience reads, or when the team can answer comments.",
        example="slots:\n  vk: Tue–Fri 10:00–12:00\nposts:\n"
        "  - {date: 2026-12-07, time: '19:00', channel: vk, type: engaging, title: Poll}\n",
        fix="Move the post into a slot, or widen the channel's slots.",
    ),
    Rule(
        "PLT010", "title-too-long", "warning", "A title longer than the network allows.",
        what="On a network where a post has a title of its own (a YouTube video), the post's `title` is longer "
        "than the network takes.",
        why="The title is cut where the network stops, often mid-word.",
        example="posts:\n  - {date: 2026-12-01, channel: youtube, media: video, type: educational, title: "
        + "t" * 110 + "}\n",
        fix="Shorten the title; put the rest in the description.",
    ),
    Rule(
        "PLT011", "too-many-posts-per-day", "error", "More posts on a channel in one day than the network allows.",
        what="One channel has more posts on one date than the network lets an account or community publish "
        "in a day (VK: 50).",
        why="The network refuses the posts over the limit.",
        example="posts:\n" + "".join(
            f"  - {{date: 2026-12-01, channel: vk, type: engaging, title: Post {i}}}\n" for i in range(51)
        ),
        fix="Spread the posts over more days.",
    ),
    Rule(
        "PLT012", "bad-slot", "error", "A posting slot that cannot be read.",
        what="An entry of the plan's `slots:` is not days and hours such as `Tue–Fri 10:00–12:00`, or names a "
        "channel the plan does not use.",
        why="A slot nobody can read keeps nothing in its place.",
        example="slots:\n  vk: Tuesday at ten\nposts:\n  - {date: 2026-12-01, channel: vk, type: engaging, title: Poll}\n",
        fix="Write days, then hours: `Tue–Fri 10:00–12:00`, `daily 18:00–20:00`, `пн–пт 10–12`.",
    ),
)


def _count(n: int) -> str:
    return f"{n:,}"


def check(ctx) -> Iterator[Problem]:
    plan, settings = ctx.plan, ctx.settings
    listed = {networks.channel_key(c): c for c in plan.channels}
    yield from _plan_channels(plan)
    slots = dict(_config_slots(settings))
    plan_slots, problems = _plan_slots(plan, listed)
    yield from problems
    slots.update(plan_slots)
    repeat_days = getattr(settings, "repeat_days", DEFAULT_REPEAT_DAYS)
    hinted: set[str] = set()
    last_text: dict[tuple[str, str], tuple[dt.date, int, str]] = {}
    per_day: Counter = Counter()
    seen: dict[str, tuple[str, networks.Network | None]] = {}  # channel as written -> (key, network)
    posts = ctx.posts
    if any(a.post.date > b.post.date for a, b in zip(posts, posts[1:])):
        posts = sorted(posts, key=lambda p: (p.post.date, p.index))  # repeats and per-day counts go by date
    for p in posts:
        post, i = p.post, p.index
        raw = post.channel
        if p.status == "cancelled":
            continue
        if raw:
            if raw not in seen:
                seen[raw] = (networks.channel_key(raw), networks.network(raw))
            key, net = seen[raw]
            if (listed and key not in listed) or (not listed and net is None and key not in hinted):
                yield from _channel(raw, key, net, listed, i, hinted)
        else:
            key, net = "", None
        kind = None
        if post.media is not None:
            kind = networks.canonical_kind(post.media)
            yield from _kind(post.media, kind, net, i)
        if net is not None and (post.text or _title_limited(post.title, net)):
            yield from _limits(post, net, kind, i)
        if not raw:
            continue
        if slots and key in slots and post.time is not None and not networks.in_slots(slots[key], post.date, post.time):
            yield Problem(
                "PLT009",
                f"{post.date:%a %d %b} at {post.time:%H:%M} is outside the slots of {raw}: "
                f"{', '.join(map(str, slots[key]))}.",
                ("posts", i, "time"),
                fix="Move the post into a slot, or widen the channel's `slots:`.",
            )
        if net is not None and net.posts_per_day is not None:
            day = (key, post.date)
            per_day[day] += 1
            if per_day[day] == net.posts_per_day + 1:
                yield Problem(
                    "PLT011",
                    f"More than {net.posts_per_day} posts on {raw} on {post.date.isoformat()}: {net.name} "
                    f"publishes at most {net.posts_per_day} a day for one community.",
                    ("posts", i, "date"),
                    fix="Spread the posts over more days.",
                )
        if post.text and repeat_days > 0:
            gist = _gist(post.text)
            if gist:
                before = last_text.get((key, gist))
                if before is not None and (post.date - before[0]).days <= repeat_days \
                        and _plain(before[2]) != _plain(post.text):
                    yield Problem(
                        "PLT008",
                        f"The same text on {raw} as the post at line {ctx.line(('posts', before[1]))}, "
                        f"{(post.date - before[0]).days} day(s) before (hashtags, links and punctuation aside).",
                        ("posts", i, "text"),
                        fix=f"Write this post anew, or space the two more than {repeat_days} days apart.",
                    )
                last_text[(key, gist)] = (post.date, i, post.text)


def _plan_channels(plan) -> Iterator[Problem]:
    for j, channel in enumerate(plan.channels):
        if networks.canonical(channel) is None:
            near = networks.suggest_network(channel)
            if near:
                yield Problem(
                    "PLT002",
                    f"Channel `{channel}` is no network smmplan knows; did you mean `{near}`?",
                    ("channels", j),
                    fix=f"Write `{near}` (`smmplan channels` lists every network and its aliases).",
                )


def _channel(raw: str, key: str, net, listed: dict[str, str], i: int, hinted: set[str]) -> Iterator[Problem]:
    if listed and key not in listed:
        near = _nearest_listed(raw, listed)
        hint = f" Did you mean `{near}`?" if near else ""
        yield Problem(
            "PLT001",
            f"Channel `{raw}` is not one of the plan's channels ({', '.join(listed.values())}).{hint}",
            ("posts", i, "channel"),
            fix=f"Use {near and f'`{near}`' or 'one of the listed channels'}, or add `{raw}` to `channels:`.",
        )
    elif not listed and net is None and key not in hinted:
        near = networks.suggest_network(raw)
        if near:
            hinted.add(key)
            yield Problem(
                "PLT002",
                f"Channel `{raw}` is no network smmplan knows; did you mean `{near}`?",
                ("posts", i, "channel"),
                fix=f"Write `{near}`, or list your own channels under `channels:`.",
            )


def _nearest_listed(raw: str, listed: dict[str, str]) -> str | None:
    from smmplan.findings import nearest

    guess = networks.suggest_network(raw)
    if guess in listed:
        return listed[guess]
    near = nearest(networks.normalise(raw), listed)
    return listed[near] if near else None


def _kind(written: str, kind: str | None, net, i: int) -> Iterator[Problem]:
    cat = networks.catalogue()
    if kind is None:
        from smmplan.findings import nearest

        near = nearest(networks.normalise(written), cat.kinds)
        hint = f" Did you mean `{cat.kinds[near]}`?" if near else ""
        yield Problem(
            "PLT007",
            f"`media: {written}` is no post kind smmplan knows.{hint}",
            ("posts", i, "media"),
            fix=f"Write one of: {', '.join(cat.kind_order)}.",
        )
    elif net is not None and kind not in net.kinds:
        yield Problem(
            "PLT007",
            f"{net.name} has no {kind} posts; it has: {', '.join(net.kinds)}.",
            ("posts", i, "media"),
            fix="Choose one of those kinds, or another channel for this post.",
        )


def _title_limited(title: str, net) -> bool:
    """Could a title-only post break one of the network's limits? (Most cannot: no work for them.)"""
    return ((net.hashtags is not None and "#" in title)
            or (not net.links and ("://" in title or "www." in title.lower()))
            or (net.title is not None and len(title) > net.title))


def _limits(post, net, kind: str | None, i: int) -> Iterator[Problem]:
    text = post.text or ""
    title = post.title
    with_media = kind is not None and kind != "text"
    if text:
        n = len(text)
        if with_media and net.caption is not None and n > net.caption:
            yield Problem(
                "PLT004",
                f"The caption has {_count(n)} characters; {net.name} takes at most {_count(net.caption)} under "
                f"{kind} posts (a text post may have {_count(net.text)}).",
                ("posts", i, "text"),
                fix=f"Cut {_count(n - net.caption)} characters, or post the text alone and the {kind} separately.",
            )
        elif net.text is not None and n > net.text:
            yield Problem(
                "PLT003",
                f"The text has {_count(n)} characters; {net.name} takes at most {_count(net.text)}.",
                ("posts", i, "text"),
                fix=f"Cut {_count(n - net.text)} characters, or split the text into a series of posts.",
            )
    if net.title is not None and len(post.title) > net.title:
        yield Problem(
            "PLT010",
            f"The title has {_count(len(post.title))} characters; {net.name} shows at most {_count(net.title)}.",
            ("posts", i, "title"),
            fix=f"Cut {_count(len(post.title) - net.title)} characters; put the rest in the description.",
        )
    if net.hashtags is not None and ("#" in title or "#" in text):
        tags = _HASHTAG.findall(f"{title}\n{text}")
        if len(tags) > net.hashtags:
            yield Problem(
                "PLT005",
                f"{len(tags)} hashtags; {net.name} takes at most {net.hashtags} in a post.",
                ("posts", i, "text" if post.text else "title"),
                fix=f"Keep the {net.hashtags} that describe the post best; drop {', '.join(tags[net.hashtags:][:5])}"
                + (" and more" if len(tags) - net.hashtags > 5 else "") + ".",
            )
    if not net.links:
        m = _URL.search(text) or _URL.search(post.title)
        if m:
            yield Problem(
                "PLT006",
                f"{net.name} does not make links in a caption clickable: `{m.group(0)[:80]}` cannot be followed.",
                ("posts", i, "text" if _URL.search(text) else "title"),
                fix="Take the URL out of the caption: put it in the profile (\"link in bio\") or a story link "
                "sticker, point to it in the text, and keep it under `link:` for the UTM tags.",
            )


def _plain(text: str | None) -> str:
    """As MIX004 compares texts: case and spacing aside."""
    return " ".join((text or "").lower().split())


def _gist(text: str) -> str:
    """A text without hashtags, links, emoji, punctuation and case: what a spam filter compares."""
    text = _URL.sub(" ", _HASHTAG.sub(" ", text))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _config_slots(settings) -> Iterator[tuple[str, tuple]]:
    for channel, slots in (getattr(settings, "slots", None) or {}).items():
        yield networks.channel_key(channel), slots


def _plan_slots(plan, listed: dict[str, str]) -> tuple[dict[str, tuple], list[Problem]]:
    out: dict[str, tuple] = {}
    problems: list[Problem] = []
    for channel, spec in (plan.slots or {}).items():
        key = networks.channel_key(channel)
        if listed and key not in listed:
            problems.append(Problem(
                "PLT012", f"`slots:` names `{channel}`, which is not one of the plan's channels "
                f"({', '.join(listed.values())}).", ("slots", channel), at_key=True,
                fix="Name a channel from `channels:`, or add this one there.",
            ))
            continue
        try:
            out[key] = networks.parse_slots(spec)
        except networks.SlotError as exc:
            problems.append(Problem("PLT012", f"Slots of {channel}: {exc}.", ("slots", channel),
                                    fix="Write days, then hours: `Tue–Fri 10:00–12:00`, `daily 18:00–20:00`."))
    return out, problems
