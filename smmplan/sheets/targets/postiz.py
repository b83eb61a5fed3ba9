"""Postiz: the bodies of `POST /public/v1/posts` requests, as a JSON list.

From https://docs.postiz.com/public-api/posts/create : `type` (`schedule`),
`date` in UTC ISO 8601, `shortLink`, `tags`, and `posts` with one entry per
integration (`integration.id`, `value[].content`, `settings.__type`). Postiz
knows channels by integration id: `--integration vk=ID` fills them in; without
it the channel's name stands in its place, to replace before sending.
"""

from __future__ import annotations

import datetime as dt
import json

from smmplan.sheets.targets import Item, Options, Target

# smmplan channel -> Postiz provider (`settings.__type`) and the settings that provider requires.
PROVIDERS = {
    "x": ("x", {"who_can_reply_post": "everyone"}), "linkedin": ("linkedin", {}),
    "linkedin_page": ("linkedin-page", {}), "facebook": ("facebook", {}),
    "instagram": ("instagram", {"post_type": "post"}), "threads": ("threads", {}), "bluesky": ("bluesky", {}),
    "mastodon": ("mastodon", {}), "telegram": ("telegram", {}), "vk": ("vk", {}), "nostr": ("nostr", {}),
    "pinterest": ("pinterest", {}), "discord": ("discord", {}), "slack": ("slack", {}),
}


def render(items: list[Item], options: Options) -> str:
    from smmplan.networks import channel_key

    providers = {channel_key(k): v for k, v in PROVIDERS.items()}
    integrations = {channel_key(k): v for k, v in options.integrations.items()}
    bodies = []
    for i in items:
        kind, settings = providers[i.network]
        tag = i.category or i.post.type
        bodies.append({
            "type": "schedule",
            "date": i.when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "shortLink": False,
            "tags": [{"value": tag, "label": tag}],
            "posts": [{
                "integration": {"id": integrations.get(i.network, i.channel)},
                "value": [{"content": i.message, "image": []}],
                "settings": {"__type": kind, **settings},
            }],
        })
    return json.dumps(bodies, ensure_ascii=False, indent=2) + "\n"


TARGET = Target(
    "postiz", "Postiz", "https://docs.postiz.com/public-api/posts/create", ".json", render,
    needs_time=True, needs_text=True, needs_channel=True, lead_minutes=1, channels=frozenset(PROVIDERS),
)
