"""An iCalendar file (RFC 5545): one event per post, in the plan's time zone.

Events carry `TZID` (the plan's `timezone:`, or the channel's in
`channel_timezones:`) with the matching VTIMEZONE, never floating times; a post
without a time of day is an all-day event. UIDs are stable across runs, so a
calendar that subscribes to the file updates events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from smmplan.locale import DEFAULT, _, current, terms
from smmplan.model import canonical_status
from smmplan.sheets.targets import Item, Options, Target


def render(items: list[Item], options: Options) -> str:
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//smmplan//content plan//EN")
    cal.add("version", "2.0")
    # an X- property is written as given unless typed: as TEXT it is escaped (a newline in a brand)
    name = _("{brand} content plan").format(brand=options.brand) if options.brand else _("Content plan")
    cal.add("x-wr-calname", icalendar.vText(name))
    for i in items:
        p = i.post
        key = f"{options.brand}|{p.date}|{p.time}|{i.channel}|{p.title}"
        event = icalendar.Event()
        event.add("uid", hashlib.sha1(key.encode()).hexdigest()[:20] + "@smmplan")
        event.add("dtstamp", dt.datetime.combine(p.date, dt.time(0, 0), tzinfo=dt.timezone.utc))
        if i.when is not None:
            event.add("dtstart", i.when)
            event.add("duration", dt.timedelta(minutes=30))
        else:
            event.add("dtstart", p.date)
        event.add("summary", f"[{p.type}] {p.title}")
        kind, status = p.type, p.status or "draft"  # as written; in Russian, as words when smmplan knows them
        if current() != DEFAULT:
            kind = terms.category(i.category) if i.category else kind
            status = terms.status(canonical_status(p.status)) if canonical_status(p.status) else status
        lines = [_("Channel: {channel}").format(channel=i.channel or "-"), _("Type: {type}").format(type=kind),
                 _("Status: {status}").format(status=status)]
        if p.text:
            lines.append("")
            lines.append(p.text)
        event.add("description", "\n".join(lines))
        if p.link:
            event.add("url", p.link)
        if i.category:
            event.add("categories", [i.category])
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


TARGET = Target("ics", "iCalendar", "RFC 5545", ".ics", render)
