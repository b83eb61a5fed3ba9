"""Hootsuite bulk composer: a CSV of `date time, message, link` rows without a header.

Dates `dd/mm/yyyy hh:mm` or `mm/dd/yyyy hh:mm` (chosen on upload: `--date-format`),
times on 5-minute steps, at least 10 minutes ahead, at most 350 messages a file.
Hootsuite's own help page was not found in the stored documentation; these rules
are as its upload dialog states them, described in
https://kim-iverson-headlee.blogspot.com/2016/08/the-business-of-writing-using-hootsuite.html
and http://jycalcano.blogspot.com/2015/07/post-8-hootsuite-bulk-messaging.html .
"""

from __future__ import annotations

from smmplan.sheets.targets import Item, Options, Target, csv_text


def render(items: list[Item], options: Options) -> str:
    fmt = "%d/%m/%Y %H:%M" if options.date_order == "DMY" else "%m/%d/%Y %H:%M"
    return csv_text(None, ([i.local(fmt), i.message, i.post.link or ""] for i in items))


TARGET = Target(
    "hootsuite", "Hootsuite", "https://kim-iverson-headlee.blogspot.com/2016/08/the-business-of-writing-using-"
    "hootsuite.html (Hootsuite's own page not found)", ".csv", render,
    per_channel=True, needs_time=True, needs_text=True, needs_channel=True, max_rows=350, lead_minutes=10,
    minute_step=5, verified=False,
    channels=frozenset({"instagram", "facebook", "x", "linkedin", "pinterest", "youtube", "tiktok", "threads"}),
)
