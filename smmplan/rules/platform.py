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
from smmplan.locale import DEFAULT, N_, _, current, dates, ngettext
from smmplan.rules import Rule

_HASHTAG = re.compile(r"(?<![\w&#])#[^\W_][\w]*", re.UNICODE)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
DEFAULT_REPEAT_DAYS = 14

RULES = (
    Rule(
        "PLT001", "channel-not-in-plan", "error", N_("A post goes out on a channel the plan does not list."),
        what=N_("The plan lists its channels under `channels:`, and a post names another one (aliases count as "
        "their network: `ВК` is `vk`)."),
        why=N_("A post on a channel nobody agreed on is either a typo, which the scheduler will refuse, or work "
        "the client did not sign off."),
        example="channels: [vk]\nposts:\n  - {date: 2026-12-01, channel: instagarm, type: engaging, title: Poll}\n",
        fix=N_("Correct the channel's name, or add the channel to `channels:`."),
    ),
    Rule(
        "PLT002", "unknown-network", "warning", N_("A channel looks like a misspelt network."),
        what=N_("A channel in `channels:` or on a post is no network smmplan knows, but is close to one "
        "(`instagarm`, `telegramm` is fine: it is an alias)."),
        why=N_("A misspelt network splits one channel's posts in two, so back-to-back ads and posting limits are "
        "missed, and a scheduler will not know where to post."),
        example="posts:\n  - {date: 2026-12-01, channel: instagarm, type: engaging, title: Poll}\n",
        fix=N_("Write the network's name as `smmplan channels` lists it (its aliases work too)."),
    ),
    Rule(
        "PLT003", "text-too-long", "error", N_("A post's text is longer than its network allows."),
        what=N_("The post's `text` has more characters than the network takes in one post."),
        why=N_("The scheduler refuses the post or the network cuts it; the end of a text is usually its call to "
        "action."),
        example="posts:\n  - {date: 2026-12-01, channel: x, type: engaging, title: Thread, text: "
        + "x" * 300 + "}\n",
        fix=N_("Shorten the text, or split it into a series of posts."),
    ),
    Rule(
        "PLT004", "caption-too-long", "error", N_("A caption under media is longer than the network allows."),
        what=N_("The post has `media:` (an image, a video, an album), and its `text` is longer than the network's "
        "limit for a caption, which is shorter than for a text post (Telegram: 1,024 characters)."),
        why=N_("The scheduler refuses the post, or sends the media and the text as two messages."),
        example="posts:\n  - {date: 2026-12-01, channel: telegram, media: image, type: educational, title: Guide, "
        "text: " + "x" * 1100 + "}\n",
        fix=N_("Shorten the caption, or post the text alone and the picture in a second post."),
    ),
    Rule(
        "PLT005", "too-many-hashtags", "warning", N_("More hashtags than the network allows."),
        what=N_("The post's title and text hold more hashtags than the network takes in one post."),
        why=N_("Extra hashtags are dropped, or the post is shown to fewer people."),
        example="posts:\n  - {date: 2026-12-01, channel: instagram, media: image, type: engaging, title: Poll, "
        "text: '#a #b #c #d #e #f'}\n",
        fix=N_("Keep the few hashtags that describe the post best."),
    ),
    Rule(
        "PLT006", "link-not-clickable", "info", N_("A link where the network does not make it clickable."),
        what=N_("The post's caption (`text` or `title`) holds a URL on a network where links in captions are not "
        "clickable (Instagram, TikTok). A `link:` key is fine: it is where the bio or a sticker points."),
        why=N_("A reader cannot follow it; a traffic goal counts clicks that cannot happen."),
        example="posts:\n  - {date: 2026-12-01, channel: instagram, media: image, type: advertising, title: Sale, "
        "text: 'Order at https://example.com/sale'}\n",
        fix=N_("Put the link in the profile (\"link in bio\"), a story link sticker or a shop tag, and say so in "
        "the text."),
    ),
    Rule(
        "PLT007", "post-kind", "error", N_("A post kind the network does not have, or an unknown one."),
        what=N_("The post's `media:` names a kind the network has not got (a reel on Telegram, a text-only post on "
        "Instagram), or no kind smmplan knows."),
        why=N_("The scheduler cannot publish it as planned, and the production team makes the wrong asset."),
        example="posts:\n  - {date: 2026-12-01, channel: telegram, media: reel, type: engaging, title: Behind the bar}\n",
        fix=N_("Choose a kind the network has (`smmplan channels` lists them), or another channel."),
    ),
    Rule(
        "PLT008", "repeated-text", "warning", N_("The same text again on one channel within a few days."),
        what=N_("Two posts on the same channel within `repeat-days` days (config, default 14) have the same text "
        "once hashtags, links, emoji, punctuation and case are set aside. (Identical texts anywhere in the plan "
        "are MIX004.)"),
        why=N_("Networks treat a repeated text as spam and show it to fewer people; followers notice."),
        example="posts:\n  - {date: 2026-12-01, channel: vk, type: advertising, title: Sale, text: 'Sale! #sale'}\n"
        "  - {date: 2026-12-05, channel: vk, type: advertising, title: Sale again, text: 'sale #winter'}\n",
        fix=N_("Write the second post anew, or space the two further apart."),
    ),
    Rule(
        "PLT009", "outside-slot", "info", N_("A post outside its channel's posting slots."),
        what=N_("The channel has posting slots (`slots:` in the plan or the config, such as `Tue–Fri 10:00–12:00`) "
        "and the post's day or time falls outside them."),
        why=N_("Slots are when the channel's audience reads, or when the team can answer comments."),
        example="slots:\n  vk: Tue–Fri 10:00–12:00\nposts:\n"
        "  - {date: 2026-12-07, time: '19:00', channel: vk, type: engaging, title: Poll}\n",
        fix=N_("Move the post into a slot, or widen the channel's slots."),
    ),
    Rule(
        "PLT010", "title-too-long", "warning", N_("A title longer than the network allows."),
        what=N_("On a network where a post has a title of its own (a YouTube video), the post's `title` is longer "
        "than the network takes."),
        why=N_("The title is cut where the network stops, often mid-word."),
        example="posts:\n  - {date: 2026-12-01, channel: youtube, media: video, type: educational, title: "
        + "t" * 110 + "}\n",
        fix=N_("Shorten the title; put the rest in the description."),
    ),
    Rule(
        "PLT011", "too-many-posts-per-day", "error", N_("More posts on a channel in one day than the network allows."),
        what=N_("One channel has more posts on one date than the network lets an account or community publish "
        "in a day (VK: 50)."),
        why=N_("The network refuses the posts over the limit."),
        example="posts:\n" + "".join(
            f"  - {{date: 2026-12-01, channel: vk, type: engaging, title: Post {i}}}\n" for i in range(51)
        ),
        fix=N_("Spread the posts over more days."),
    ),
    Rule(
        "PLT012", "bad-slot", "error", N_("A posting slot that cannot be read."),
        what=N_("An entry of the plan's `slots:` is not days and hours such as `Tue–Fri 10:00–12:00`, or names a "
        "channel the plan does not use."),
        why=N_("A slot nobody can read keeps nothing in its place."),
        example="slots:\n  vk: Tuesday at ten\nposts:\n  - {date: 2026-12-01, channel: vk, type: engaging, title: Poll}\n",
        fix=N_("Write days, then hours: `Tue–Fri 10:00–12:00`, `daily 18:00–20:00`, `пн–пт 10–12`."),
    ),
)


_count = networks.count


def _day(day: dt.date) -> str:
    """`Wed 02 Dec` in English (as the report has always written it), `ср, 2 дек.` in Russian."""
    return f"{day:%a %d %b}" if current() == DEFAULT else dates.weekday_day(day)


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
                _("{day} at {time} is outside the slots of {channel}: {slots}.").format(
                    day=_day(post.date), time=f"{post.time:%H:%M}", channel=raw,
                    slots=", ".join(map(str, slots[key]))),
                ("posts", i, "time"),
                fix=_("Move the post into a slot, or widen the channel's `slots:`."),
            )
        if net is not None and net.posts_per_day is not None:
            day = (key, post.date)
            per_day[day] += 1
            if per_day[day] == net.posts_per_day + 1:
                yield Problem(
                    "PLT011",
                    ngettext("More than {limit} post on {channel} on {date}: {network} publishes at most {limit} "
                             "a day for one community.",
                             "More than {limit} posts on {channel} on {date}: {network} publishes at most {limit} "
                             "a day for one community.", net.posts_per_day).format(
                        limit=net.posts_per_day, channel=raw, date=post.date.isoformat(), network=net.name),
                    ("posts", i, "date"),
                    fix=_("Spread the posts over more days."),
                )
        if post.text and repeat_days > 0:
            gist = _gist(post.text)
            if gist:
                before = last_text.get((key, gist))
                if before is not None and (post.date - before[0]).days <= repeat_days \
                        and _plain(before[2]) != _plain(post.text):
                    gap = (post.date - before[0]).days
                    yield Problem(
                        "PLT008",
                        ngettext("The same text on {channel} as the post at line {line}, {n} day before "
                                 "(hashtags, links and punctuation aside).",
                                 "The same text on {channel} as the post at line {line}, {n} days before "
                                 "(hashtags, links and punctuation aside).", gap).format(
                            channel=raw, line=ctx.line(("posts", before[1])), n=gap),
                        ("posts", i, "text"),
                        fix=ngettext("Write this post anew, or space the two more than {n} day apart.",
                                     "Write this post anew, or space the two more than {n} days apart.",
                                     repeat_days).format(n=repeat_days),
                    )
                last_text[(key, gist)] = (post.date, i, post.text)


def _plan_channels(plan) -> Iterator[Problem]:
    for j, channel in enumerate(plan.channels):
        if networks.canonical(channel) is None:
            near = networks.suggest_network(channel)
            if near:
                yield Problem(
                    "PLT002",
                    _("Channel `{channel}` is no network smmplan knows; did you mean `{near}`?").format(
                        channel=channel, near=near),
                    ("channels", j),
                    fix=_("Write `{near}` (`smmplan channels` lists every network and its aliases).").format(near=near),
                )


def _channel(raw: str, key: str, net, listed: dict[str, str], i: int, hinted: set[str]) -> Iterator[Problem]:
    if listed and key not in listed:
        near = _nearest_listed(raw, listed)
        if near:
            said = _("Channel `{channel}` is not one of the plan's channels ({channels}). Did you mean `{near}`?")
            fix = _("Use `{near}`, or add `{channel}` to `channels:`.")
        else:
            said = _("Channel `{channel}` is not one of the plan's channels ({channels}).")
            fix = _("Use one of the listed channels, or add `{channel}` to `channels:`.")
        yield Problem(
            "PLT001",
            said.format(channel=raw, channels=", ".join(listed.values()), near=near),
            ("posts", i, "channel"),
            fix=fix.format(channel=raw, near=near),
        )
    elif not listed and net is None and key not in hinted:
        near = networks.suggest_network(raw)
        if near:
            hinted.add(key)
            yield Problem(
                "PLT002",
                _("Channel `{channel}` is no network smmplan knows; did you mean `{near}`?").format(
                    channel=raw, near=near),
                ("posts", i, "channel"),
                fix=_("Write `{near}`, or list your own channels under `channels:`.").format(near=near),
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
        said = (_("`media: {written}` is no post kind smmplan knows. Did you mean `{near}`?") if near
                else _("`media: {written}` is no post kind smmplan knows."))
        yield Problem(
            "PLT007",
            said.format(written=written, near=cat.kinds[near] if near else None),
            ("posts", i, "media"),
            fix=_("Write one of: {kinds}.").format(kinds=", ".join(cat.kind_order)),
        )
    elif net is not None and kind not in net.kinds:
        yield Problem(
            "PLT007",
            _("{network} has no {kind} posts; it has: {kinds}.").format(
                network=net.name, kind=kind, kinds=", ".join(net.kinds)),
            ("posts", i, "media"),
            fix=_("Choose one of those kinds, or another channel for this post."),
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
                ngettext("The caption has {n} character; {network} takes at most {limit} under {kind} posts "
                         "(a text post may have {text}).",
                         "The caption has {n} characters; {network} takes at most {limit} under {kind} posts "
                         "(a text post may have {text}).", n).format(
                    n=_count(n), network=net.name, limit=_count(net.caption), kind=kind, text=_count(net.text)),
                ("posts", i, "text"),
                fix=ngettext("Cut {n} character, or post the text alone and the {kind} separately.",
                             "Cut {n} characters, or post the text alone and the {kind} separately.",
                             n - net.caption).format(n=_count(n - net.caption), kind=kind),
            )
        elif net.text is not None and n > net.text:
            yield Problem(
                "PLT003",
                ngettext("The text has {n} character; {network} takes at most {limit}.",
                         "The text has {n} characters; {network} takes at most {limit}.", n).format(
                    n=_count(n), network=net.name, limit=_count(net.text)),
                ("posts", i, "text"),
                fix=ngettext("Cut {n} character, or split the text into a series of posts.",
                             "Cut {n} characters, or split the text into a series of posts.",
                             n - net.text).format(n=_count(n - net.text)),
            )
    if net.title is not None and len(post.title) > net.title:
        n = len(post.title)
        yield Problem(
            "PLT010",
            ngettext("The title has {n} character; {network} shows at most {limit}.",
                     "The title has {n} characters; {network} shows at most {limit}.", n).format(
                n=_count(n), network=net.name, limit=_count(net.title)),
            ("posts", i, "title"),
            fix=ngettext("Cut {n} character; put the rest in the description.",
                         "Cut {n} characters; put the rest in the description.", n - net.title).format(
                n=_count(n - net.title)),
        )
    if net.hashtags is not None and ("#" in title or "#" in text):
        tags = _HASHTAG.findall(f"{title}\n{text}")
        if len(tags) > net.hashtags:
            fix = (_("Keep the {limit} that describe the post best; drop {tags} and more.")
                   if len(tags) - net.hashtags > 5 else
                   _("Keep the {limit} that describe the post best; drop {tags}."))
            yield Problem(
                "PLT005",
                ngettext("{n} hashtag; {network} takes at most {limit} in a post.",
                         "{n} hashtags; {network} takes at most {limit} in a post.", len(tags)).format(
                    n=len(tags), network=net.name, limit=net.hashtags),
                ("posts", i, "text" if post.text else "title"),
                fix=fix.format(limit=net.hashtags, tags=", ".join(tags[net.hashtags:][:5])),
            )
    if not net.links:
        m = _URL.search(text) or _URL.search(post.title)
        if m:
            yield Problem(
                "PLT006",
                _("{network} does not make links in a caption clickable: `{url}` cannot be followed.").format(
                    network=net.name, url=m.group(0)[:80]),
                ("posts", i, "text" if _URL.search(text) else "title"),
                fix=_("Take the URL out of the caption: put it in the profile (\"link in bio\") or a story link "
                      "sticker, point to it in the text, and keep it under `link:` for the UTM tags."),
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
                "PLT012", _("`slots:` names `{channel}`, which is not one of the plan's channels ({channels}).").format(
                    channel=channel, channels=", ".join(listed.values())), ("slots", channel), at_key=True,
                fix=_("Name a channel from `channels:`, or add this one there."),
            ))
            continue
        try:
            out[key] = networks.parse_slots(spec)
        except networks.SlotError as exc:
            problems.append(Problem("PLT012", _("Slots of {channel}: {problem}.").format(channel=channel, problem=exc),
                                    ("slots", channel),
                                    fix=_("Write days, then hours: `Tue–Fri 10:00–12:00`, `daily 18:00–20:00`.")))
    return out, problems
