"""Every word the page writes itself, marked for the gettext catalogue.

The page speaks one language (``--language``, else the plan's report language:
``--lang``, the config's ``lang``, the plan's ``language:``, the locale). The
English text is in the code, the Russian in the catalogue
(``smmplan/locale/ru/page.labels.po``), as for every other part of smmplan:
templates ask for a label by its stable key (``w("calendar")``), and numbers
with nouns, dates, statuses, categories and goals come from the shared
machinery (:func:`smmplan.locale.ngettext`, :mod:`smmplan.locale.dates`,
:mod:`smmplan.locale.terms`). Words from the plan (titles, channels, types as
written) are shown as written. Placeholders use ``str.format`` names.
"""

from __future__ import annotations

import datetime as dt

from smmplan import locale
from smmplan.locale import N_, _, dates, ngettext, speaking, terms
from smmplan.report import FAMILY_TITLES

LANGUAGES = locale.LANGUAGES

# key -> English text (the msgid); translated where shown
LABELS: dict[str, str] = {
    "page_title": N_("Content plan: {brand}"),
    "page_title_plain": N_("Content plan"),
    "skip": N_("Skip to the calendar"),
    "brand": N_("Brand"),
    "period": N_("Period"),
    "formula": N_("Formula"),
    "tolerance": N_("± {pp} pp"),
    "client": N_("Client"),
    "approver": N_("Approver"),
    "made": N_("Made"),
    "as_of": N_("Figures as of"),
    "not_given": N_("not given"),
    "contents": N_("On this page"),
    "summary": N_("At a glance"),
    "calendar": N_("Calendar"),
    "calendar_note": N_("Each post is a card: time, channel, title, type and status. On a phone the calendar reads "
                        "as a list."),
    "week": N_("Week"),
    "week_of": N_("Week of {date}"),
    "week_of_off": N_("Week of {date} (off target)"),
    "no_posts": N_("No posts in this plan yet."),
    "mix": N_("Content mix"),
    "mix_note": N_("Actual share of each type against the formula's target; the shaded band is what the tolerance "
                   "allows."),
    "mix_whole": N_("Whole plan"),
    "mix_weekly": N_("Week by week"),
    "mix_weekly_note": N_("Each bar is one week's posts by type; the top bar is the formula's target."),
    "mix_weekly_off": N_("✕ marks a week whose mix is off the formula."),
    "target": N_("Target"),
    "actual": N_("Actual"),
    "allowed": N_("Allowed"),
    "posts": N_("Posts"),
    "status": N_("Status"),
    "ok": N_("on target"),
    "off": N_("off target"),
    "type": N_("Type"),
    "mix_table": N_("The mix as a table"),
    "mix_none": N_("The plan has no formula the mix can be measured against."),
    "kpis": N_("Goals and KPIs"),
    "kpis_note": N_("{done} of the plan's period has passed."),
    "goal": N_("Goal"),
    "metric": N_("Metric"),
    "progress": N_("Done"),
    "expected": N_("Expected by now"),
    "source": N_("Source"),
    "kpis_none": N_("The plan names no goals with KPIs."),
    "waiting": N_("Waiting for approval"),
    "waiting_client": N_("the client"),
    "waiting_none": N_("Nothing is waiting for approval."),
    "date": N_("Date"),
    "channel": N_("Channel"),
    "title": N_("Title"),
    "problems": N_("What needs attention"),
    "problems_none": N_("No problems found: the plan passes every check."),
    "problems_count": N_("{errors} to fix, {warnings} to look at, {infos} notes."),
    "problems_unreadable": N_("The plan file could not be read in full; fix it and make the page again."),
    "fix": N_("What to do"),
    "post_ref": N_("Post of {date}"),
    "the_plan": N_("the plan"),
    "legend": N_("Legend"),
    "legend_types": N_("Post types"),
    "legend_statuses": N_("Statuses"),
    "legend_rubrics": N_("Rubrics"),
    "legend_note": N_("Colour is a help, never the only cue: every card names its type and status in words."),
    "unknown_type": N_("type not in the formula"),
    "rubric": N_("Rubric"),
    "link": N_("link"),
    "live_post": N_("live post"),
    "footer": N_("Made with smmplan {version} from {file}. Works offline; nothing is loaded from the network."),
}

# a post's status on a card and in the legend: the page says `review` as the client reads it
STATUSES = {"review": N_("awaiting approval"), "unknown": N_("status unclear")}
SEVERITIES = {"error": N_("to fix"), "warning": N_("to look at"), "info": N_("note")}
# rule families, as the reports title them, but `RUB` shorter
FAMILIES = {**FAMILY_TITLES, "RUB": N_("Rubrics")}
OTHER_FAMILY = N_("Other")
# a KPI's target per period: "1,200 / month"
PERIODS = {7: N_("week"), 30: N_("month"), 91: N_("quarter"), 365: N_("year")}


def language_of(value: str | None) -> str:
    """The page's language for a plan's `language:` value (en when absent or unknown)."""
    return locale.normalise(value) or locale.DEFAULT


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


class Words:
    """The page's words in one language: ``w("calendar")``, ``w.count(3)``, ``w.month(12)``..."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else locale.DEFAULT

    def __call__(self, key: str, **values: object) -> str:
        with speaking(self.lang):
            text = _(LABELS[key])
        return text.format(**values) if values else text

    def count(self, n: int) -> str:
        """`1 post`, `3 posts` / `1 пост`, `3 поста`, `5 постов`."""
        with speaking(self.lang):
            return ngettext("{n} post", "{n} posts", n).format(n=n)

    def waiting(self, n: int, who: str) -> str:
        """`3 posts wait for Maria.`"""
        with speaking(self.lang):
            return ngettext("{n} post waits for {who}.", "{n} posts wait for {who}.", n).format(n=n, who=who)

    def status(self, code: str) -> str:
        """A post's status in words (`awaiting approval` for `review`)."""
        with speaking(self.lang):
            return _(STATUSES[code]) if code in STATUSES else terms.status(code).replace("_", " ")

    def severity(self, code: str) -> str:
        with speaking(self.lang):
            return _(SEVERITIES[code]) if code in SEVERITIES else code

    def family(self, code: str) -> str:
        with speaking(self.lang):
            return _(FAMILIES[code]) if code in FAMILIES else _(OTHER_FAMILY)

    def kpi_status(self, status: str | None) -> str:
        from smmplan.figures import kpi_status

        with speaking(self.lang):
            return kpi_status(status)

    def per(self, days: int) -> str:
        """A KPI's period: `month`, `12 d`."""
        with speaking(self.lang):
            return _(PERIODS[days]) if days in PERIODS else _("{n} d").format(n=days)

    def month(self, month: int) -> str:
        """`December` / `Декабрь`: a calendar month's heading (CLDR's stand-alone name in Russian)."""
        if self.lang == locale.DEFAULT:
            return f"{dt.date(2026, month, 1):%B}"
        return _capital(dates.forms(self.lang)["names"]["LLLL"][month - 1])

    def day(self, date: dt.date) -> str:
        """`December 1, 2026` / `1 декабря 2026 г.`"""
        with speaking(self.lang):
            return dates.long(date)

    def day_short(self, date: dt.date) -> str:
        """`Tue, Dec 1` / `вт, 1 дек.`: a card list's day heading."""
        with speaking(self.lang):
            return dates.weekday_day(date)

    def weekdays(self) -> tuple[str, ...]:
        """Monday to Sunday in full: a calendar's column titles."""
        monday = dt.date(2024, 1, 1)
        if self.lang == locale.DEFAULT:
            return tuple(f"{monday + dt.timedelta(days=i):%A}" for i in range(7))
        return tuple(_capital(name) for name in dates.forms(self.lang)["names"]["cccc"])

    def weekdays_short(self) -> tuple[str, ...]:
        """`Mon` ... `Sun` / `Пн` ... `Вс`."""
        monday = dt.date(2024, 1, 1)
        with speaking(self.lang):
            return tuple(_capital(dates.weekday(monday + dt.timedelta(days=i))) for i in range(7))

    def category(self, name: str) -> str:
        """A formula category: `user-generated` / `пользовательский (UGC)`; a custom one as written."""
        with speaking(self.lang):
            word = terms.category(name)
        if name in terms.CATEGORIES and word == name:
            return name.replace("_", "-")
        return word.replace("_", " ")

    def goal(self, kind: str) -> str:
        with speaking(self.lang):
            return terms.goal(kind).replace("_", " ")

    def quantity(self, text: str) -> str:
        """A figure written the English way (`1,200`, `37.5 %`) in this language (`1 200`, `37,5 %`)."""
        from smmplan.figures import localise

        with speaking(self.lang):
            return localise(text)
