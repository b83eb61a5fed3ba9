"""Buffer: one CSV per channel, `Text, Image URL, Tags, Posting Time` (`YYYY-MM-DD HH:mm`).

Buffer's own help page on bulk uploads was not found in the stored documentation;
the columns and the date form are the ones Buffer's upload template uses (and
match third-party importers' descriptions of Buffer files, e.g.
https://sonethub.com/docs/importing-posts). Posts must be in the future.
"""

from __future__ import annotations

from smmplan.sheets.targets import Item, Options, Target, csv_text

HEADER = ("Text", "Image URL", "Tags", "Posting Time")


def render(items: list[Item], options: Options) -> str:
    return csv_text(HEADER, ([i.message, "", i.category or i.post.type, i.local("%Y-%m-%d %H:%M")] for i in items))


TARGET = Target(
    "buffer", "Buffer", "https://sonethub.com/docs/importing-posts (Buffer's own page not found)", ".csv", render,
    per_channel=True, needs_time=True, needs_text=True, needs_channel=True, lead_minutes=1, verified=False,
    channels=frozenset({"instagram", "facebook", "x", "linkedin", "pinterest", "tiktok", "youtube", "threads",
                        "bluesky", "mastodon", "google_business"}),
)
