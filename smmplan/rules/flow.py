"""FLOW: the client in the loop: post statuses, approval, and what is due.

Every post has a status (``draft`` when none is written): idea, draft,
review (sent to the client), changes_requested (sent back by the client),
approved, scheduled, published, on_hold (paused) or cancelled; Russian words
are accepted (see :data:`smmplan.model.STATUS_ALIASES`). Cancelled posts stay
in the file for the record but leave the mix; posts on hold stay in the mix
(they are paused, not dropped), and like any post not approved they are due
and missed by their dates.

Dates are judged against ``--as-of`` when given, else today (the plan's
``as_of`` is the day its KPI figures were taken and moves no deadline); "due" means dated
from that day to ``due_days`` days after it (``--due-days``, config ``due-days``; default 3),
stopping at the calendar's last day, 9999-12-31.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from smmplan.days import shift_within
from smmplan.findings import Problem, nearest
from smmplan.locale import DEFAULT, N_, _, current, ngettext, terms
from smmplan.model import STATUS_ALIASES, STATUSES, normalise_status
from smmplan.rows import Columns, Rows, chunked
from smmplan.rules import Rule

READY = ("approved", "scheduled", "published")  # may go out as planned

_CLIENT = "client:\n  name: Coffee Lab LLC\n  approver: Maria Ivanova\n"

RULES = (
    Rule(
        "FLOW001", "unknown-status", "error", N_("A post's status is not a status smmplan knows."),
        what=N_("A post's `status` is none of idea, draft, review, changes_requested, approved, scheduled, "
        "published, on_hold, cancelled, nor one of their Russian names (идея, черновик, на согласовании, "
        "на доработке, согласовано, запланировано, опубликовано, на паузе, отменено)."),
        why=N_("A misspelt status hides where the post stands: an `aproved` post is neither counted as approved "
        "nor flagged as waiting, so nobody chases the client's sign-off."),
        example="posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Poll\n    status: aproved\n",
        fix=N_("Write one of the statuses; the message names the nearest one."),
    ),
    Rule(
        "FLOW002", "due-not-approved", "warning", N_("A post due soon is not approved yet."),
        what=N_("A post dated within the look-ahead (today, or `--as-of`, and the next `due-days` days, 3 by "
        "default) is still an idea, a draft, waiting for the client's review, sent back for changes "
        "(`changes_requested`) or on hold (`on_hold`)."),
        why=N_("The client signs off what goes out in their name; a post that is due without approval either "
        "goes out unapproved or not at all."),
        example=_CLIENT + "posts:\n  - date: 2026-12-02\n    type: engaging\n    title: Poll\n    status: review\n",
        example_as_of="2026-12-01",
        fix=N_("Get the approver's sign-off and write `status: approved` with `approved_by` and `approved_on`, "
        "or move the post to a later date."),
    ),
    Rule(
        "FLOW003", "missed-post", "warning", N_("A post dated in the past is not published: missed or not recorded."),
        what=N_("A post's date is before today (or `--as-of`) and its status is not `published` (nor `cancelled`): "
        "a post on hold or sent back for changes whose day has passed counts too. The plan's own `as_of` "
        "is when its KPI figures were taken and moves no deadline."),
        why=N_("Either the post never went out and the plan's mix is no longer what the followers saw, or it went "
        "out and the plan does not say so; both mislead the weekly call with the client."),
        example=_CLIENT + "posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Poll\n    status: scheduled\n",
        example_as_of="2026-12-10",
        fix=N_("Record what happened: `status: published` with its `permalink`, or a new date, or "
        "`status: cancelled`."),
    ),
    Rule(
        "FLOW004", "approval-unsigned", "warning", N_("An approved post does not say who approved it."),
        what=N_("A post's status is `approved` but it has no `approved_by`."),
        why=N_("Approval is the client's word; without a name it cannot be checked when a post is questioned later."),
        example=_CLIENT + "posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Poll\n    status: approved\n",
        fix=N_("Add `approved_by:` with the approver's name and `approved_on:` with the date."),
    ),
    Rule(
        "FLOW005", "published-without-permalink", "info", N_("A published post has no link to the live post."),
        what=N_("A post's status is `published` but it has no `permalink` (the address of the live post)."),
        why=N_("The client and the report should reach the live post from the plan to see reactions and comments."),
        example="posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Poll\n    status: published\n",
        fix=N_("Add `permalink:` with the address of the published post."),
    ),
)


def _label(post: Any) -> str:
    title = post.title if len(post.title) <= 60 else post.title[:59] + "…"
    return _('{date} "{title}"').format(date=f"{post.date:%Y-%m-%d}", title=title)


def _shown(post: Any, status: str) -> str:
    """The status as written, with its meaning: the code after a Russian word in English, the Russian
    word after the code in Russian."""
    if post.status is None:
        return _("`draft` (no status written)")
    english = normalise_status(post.status) == status
    if current() == DEFAULT:
        return f"`{status}`" if english else f"`{post.status}` ({status})"
    return f"`{status}` ({terms.status(status)})" if english else f"`{post.status}`"


def _when(days: int) -> str:
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {n} day", "in {n} days", days).format(n=days)


def _ago(days: int) -> str:
    return ngettext("{n} day ago", "{n} days ago", days).format(n=days)


def approver(ctx) -> str | None:
    client = ctx.plan.client
    return client.approver if client is not None else None


def _where(p) -> tuple:
    return ("posts", p.index, "status" if p.post.status is not None else "date")


def suggest_status(raw: str) -> str | None:
    """The known status word nearest a misspelt one, for did-you-mean."""
    word = nearest(normalise_status(raw), (*STATUSES, *STATUS_ALIASES))
    if word is None:
        return None
    return f"`{word}`" if word in STATUSES else f"`{word.replace('_', ' ')}` ({STATUS_ALIASES[word]})"


def _due_until(today: dt.date, horizon: int) -> dt.date:
    """The last day of the look-ahead (``today`` + ``horizon`` days, the calendar's last day at most)."""
    return shift_within(today, max(horizon, 0))


def _name_them(who: str | None) -> str:
    """The sentence added to a fix when the plan names no approver (with its leading space), else nothing."""
    return "" if who else " " + _("Name who signs off under `client:` as `approver:`.")


def check(ctx) -> Iterator[Problem]:
    as_of, horizon = ctx.today, ctx.settings.due_days
    who = approver(ctx)
    signer = who or _("the client's approver")
    name = who or _("NAME")
    name_them = _name_them(who)
    last = _due_until(as_of, horizon)
    for p in ctx.posts:
        post, status = p.post, p.status
        if status is None:
            near = suggest_status(post.status)
            said = (_("Post {post} has status `{status}`, which is not a status. Did you mean {near}?") if near
                    else _("Post {post} has status `{status}`, which is not a status."))
            yield Problem(
                "FLOW001",
                said.format(post=_label(post), status=post.status, near=near),
                ("posts", p.index, "status"),
                fix=_("Use one of: {statuses} (or in Russian: идея, черновик, на согласовании, на доработке, "
                      "согласовано, запланировано, опубликовано, на паузе, отменено).").format(
                    statuses=", ".join(STATUSES)),
            )
            continue
        if status == "cancelled":
            continue
        if status == "approved" and not post.approved_by:
            yield Problem(
                "FLOW004",
                _("Post {post} is {status} but does not say who approved it.").format(
                    post=_label(post), status=_shown(post, status)),
                ("posts", p.index, "status"),
                fix=_("Add `approved_by: {name}` and `approved_on: YYYY-MM-DD` to the post "
                      "(write who actually signed it off).").format(name=name) + name_them,
                data={"status": status},
            )
        if status == "published" and not post.permalink:
            yield Problem(
                "FLOW005",
                _("Post {post} is {status} but has no `permalink` to the live post.").format(
                    post=_label(post), status=_shown(post, status)),
                ("posts", p.index, "status"),
                fix=_("Add `permalink:` with the address of the published post, so the client can open it "
                      "from the plan."),
                data={"status": status},
            )
        # dates compared first, the day count worked out only for a finding: most posts have none
        d = post.date
        if d < as_of and status != "published":
            days = (d - as_of).days
            again = "" if status in READY else (
                " " + _("A new date needs {signer}'s approval too.").format(signer=signer) + name_them)
            if status == "on_hold":
                fix = _("It was on hold when its day came: give it a new date and take it off hold, or write "
                        "`status: cancelled`.")
            else:
                fix = _("If it went out, write `status: published` and its `permalink:`; if it did not, give it "
                        "a new date or write `status: cancelled`.")
            yield Problem(
                "FLOW003",
                _("Post {post} was due {ago} (as of {as_of}) and is {status}, not published: missed or not "
                  "recorded.").format(post=_label(post), ago=_ago(-days), as_of=f"{as_of:%Y-%m-%d}",
                                      status=_shown(post, status)),
                _where(p),
                fix=fix + again,
                data={"status": status, "days": days},
            )
        elif as_of <= d <= last and status not in READY:
            days = (d - as_of).days
            if status == "review":
                todo = _("Ask {signer} to sign it off now; then write `status: approved`, "
                         "`approved_by: {name}` and `approved_on:`, or move the post to a later date.")
            elif status == "changes_requested":
                todo = _("Make the changes {signer} asked for and send it back (`status: review`); once signed off "
                         "write `status: approved` with `approved_by` and `approved_on`, or move the post to a "
                         "later date.")
            elif status == "on_hold":
                todo = _("It is on hold: give it a later date, or take it off hold and get it approved "
                         "by {signer} (`status: review`), or write `status: cancelled`.")
            else:
                todo = _("Finish it and send it to {signer} (`status: review`); once signed off write "
                         "`status: approved` with `approved_by` and `approved_on`, or move the post to a later "
                         "date.")
            said = (_("Post {post} goes out {when} and is {status}: paused, it goes out only once taken off hold "
                      "and approved by {signer}.") if status == "on_hold" else
                    _("Post {post} goes out {when} and its status is {status}, not approved: {signer} must "
                      "approve it first."))
            yield Problem(
                "FLOW002",
                said.format(post=_label(post), when=_when(days), status=_shown(post, status), signer=signer),
                _where(p),
                fix=todo.format(signer=signer, name=name) + name_them,
                data={"status": status, "days": days, "approver": who},
            )


class StatusRows(Rows):
    """`post_statuses`' rows: the line, the date and the title change from post to post; the
    time with the channel, and the status with its approval, repeat in a few combinations,
    each encoded once (:mod:`smmplan.rows`)."""

    __slots__ = ()
    KEYS = ("line", "date", "time", "channel", "title", "status", "status_written", "approved_by",
            "approved_on", "ready")  # each row's, in this order (as summarize() writes)

    def chunks(self, encode):
        return chunked(self, encode, _status_pieces)


def _status_pieces(columns: Columns, rows: list[dict]) -> list | None:
    when = columns.repeated(rows, ("time", "channel"))
    status = columns.repeated(rows, ("status", "status_written", "approved_by", "approved_on", "ready"), ("ready",))
    if when is None or status is None:
        return None
    return ['{"line": ', columns.numbers(rows, "line"), ', "date": ', *columns.strings_of(rows, "date"), ", ", when,
            ', "title": ', *columns.strings_of(rows, "title"), ", ", status, "}"]


def _by_date(row: dict) -> tuple:
    return (row["date"], row["time"] or "")


def summarize(ctx) -> dict[str, Any]:
    """`statuses`: posts per status (every status, and `unknown`); `post_statuses`: each post's status
    in file order (`ready`: approved, scheduled or published); `waiting`: posts sent to the client
    (`review`); `due`: posts (not cancelled) dated within `due_window`."""
    as_of, horizon = ctx.today, ctx.settings.due_days
    who = approver(ctx)
    counts = dict.fromkeys((*STATUSES, "unknown"), 0)
    tally = Counter(map(attrgetter("status"), ctx.posts))  # one pass in C, statuses in first-seen order
    for status, n in tally.items():
        counts[status or "unknown"] += n
    ready = {status: status in READY for status in tally}  # per status, not per post
    rows = StatusRows()
    add, waiting, due = rows.append, [], []
    times: dict[dt.time | None, str | None] = {None: None}  # as written in JSON (no time: null); plans repeat a few
    last = _due_until(as_of, horizon) or as_of  # clamped at the calendar's last day, as check() does
    for p, line in zip(ctx.posts, ctx.post_lines()):
        post, status = p.post, p.status
        t, d = post.time, post.date
        if t not in times:
            times[t] = f"{t.hour:02d}:{t.minute:02d}"  # strftime("%H:%M"), at a quarter of its cost
        row = {
            "line": line,
            "date": d.isoformat(),  # not memoised by date: slower on plans with a post a day, measured
            "time": times[t],
            "channel": post.channel,
            "title": post.title,
            "status": status,
            "status_written": post.status,
            "approved_by": post.approved_by,
            "approved_on": post.approved_on.isoformat() if post.approved_on else None,
            "ready": ready[status],
        }
        add(row)
        if status == "review":
            waiting.append({**row, "approver": who})
        if as_of <= d <= last and status != "cancelled":
            due.append({**row, "approver": who})
    return {
        "due_window": {"from": as_of.isoformat(), "to": last.isoformat(), "days": horizon},
        "due": sorted(due, key=_by_date),
        "waiting": sorted(waiting, key=_by_date),
        "statuses": counts,
        "post_statuses": rows,
    }
