"""Sprout Social bulk scheduling: `date, time_24hr, message_text, link, tags`.

From https://support.sproutsocial.com/hc/en-us/articles/115005864203-How-do-I-use-bulk-scheduling :
headers are case sensitive; `date` is dd/mm/yyyy or mm/dd/yyyy as chosen on import;
`time_24hr` is 24-hour; messages at least 10 minutes apart and 10 minutes after
the upload; the text within the network's limit; up to 350 messages an import.
"""

from __future__ import annotations

from smmplan.sheets.targets import Item, Options, Target, csv_text

HEADER = ("date", "time_24hr", "message_text", "link", "tags")


def render(items: list[Item], options: Options) -> str:
    fmt = "%d/%m/%Y" if options.date_order == "DMY" else "%m/%d/%Y"
    return csv_text(HEADER, ([i.local(fmt), i.local("%H:%M"), i.message, i.post.link or "",
                              i.category or i.post.type] for i in items))


TARGET = Target(
    "sprout", "Sprout Social",
    "https://support.sproutsocial.com/hc/en-us/articles/115005864203-How-do-I-use-bulk-scheduling", ".csv", render,
    per_channel=True, needs_time=True, needs_text=True, needs_channel=True, max_rows=350, lead_minutes=10,
    min_gap_minutes=10,
    channels=frozenset({"instagram", "facebook", "x", "linkedin", "pinterest", "tiktok", "youtube", "threads"}),
)
