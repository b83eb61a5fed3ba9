"""Metricool bulk upload: one CSV for every network, a TRUE/FALSE column per network.

Metricool's own help page on CSV uploads was not found in the stored
documentation, so this layout could not be checked against it: it follows the
description of Metricool's template in https://sonethub.com/docs/importing-posts
(per-network TRUE/FALSE columns, picture URL columns). Check one file with
Metricool's current template before a large upload.
"""

from __future__ import annotations

from smmplan.sheets.targets import Item, Options, Target, csv_text

NETWORKS = {"facebook": "Facebook", "x": "Twitter", "linkedin": "LinkedIn", "google_business": "GMB",
            "instagram": "Instagram", "pinterest": "Pinterest", "tiktok": "TikTok", "youtube": "Youtube",
            "threads": "Threads", "bluesky": "Bluesky"}
HEADER = ("Text", "Date", "Time", "Draft", *NETWORKS.values(), "Picture Url 1")


def render(items: list[Item], options: Options) -> str:
    from smmplan.networks import channel_key

    keys = [channel_key(key) for key in NETWORKS]
    rows = ([i.message, i.local("%Y-%m-%d"), i.local("%H:%M"), "FALSE",
             *("TRUE" if i.network == key else "FALSE" for key in keys), ""] for i in items)
    return csv_text(HEADER, rows)


TARGET = Target(
    "metricool", "Metricool", "https://sonethub.com/docs/importing-posts (Metricool's own page not found)", ".csv",
    render, needs_time=True, needs_text=True, needs_channel=True, lead_minutes=1, verified=False,
    channels=frozenset(NETWORKS),
)
