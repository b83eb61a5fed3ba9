"""Publer bulk scheduling: a CSV per account with `Date, Text, Link(s), Media URL(s), Labels`.

From https://publer.com/blog/ultimate-csv-bulk-scheduler-social-media/ and
https://publer.com/help/en/article/how-to-use-a-csv-file-18qhxcq : dates in the
international form `YYYY-MM-DD HH:MM`; Text holds the caption; Link(s) and
Media URL(s) are optional. Publer's current template has twelve columns; the
other seven are not described in those pages and are left out.
"""

from __future__ import annotations

from smmplan.sheets.targets import Item, Options, Target, csv_text

HEADER = ("Date", "Text", "Link(s)", "Media URL(s)", "Labels")


def render(items: list[Item], options: Options) -> str:
    return csv_text(HEADER, ([i.local("%Y-%m-%d %H:%M"), i.message, i.post.link or "", "",
                              i.category or i.post.type] for i in items))


TARGET = Target(
    "publer", "Publer", "https://publer.com/blog/ultimate-csv-bulk-scheduler-social-media/", ".csv", render,
    per_channel=True, needs_time=True, needs_text=True, needs_channel=True, lead_minutes=1,
    channels=frozenset({"facebook", "instagram", "x", "linkedin", "pinterest", "tiktok", "youtube", "threads",
                        "bluesky", "mastodon", "telegram", "google_business"}),
)
