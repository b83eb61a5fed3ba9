"""The words smmplan shows for its own codes, in the current language.

Codes stay as they are in plans, configs and machine formats (`engaging`,
`changes_requested`, `error`); people read them as words. In English a
code is shown as written (the text report always has); in Russian, as the
word Russian SMM people use. A code smmplan does not know (a custom
formula's category) is shown as written.
"""

from __future__ import annotations

from smmplan.locale import DEFAULT, N_, _, current

# formula categories of the presets (as an attribute of "post": вовлекающий пост)
CATEGORIES = {
    "engaging": N_("engaging"),
    "user_generated": N_("user_generated"),
    "educational": N_("educational"),
    "advertising": N_("advertising"),
    "promotional": N_("promotional"),
    "value": N_("value"),
    "curated": N_("curated"),
    "original": N_("original"),
    "personal": N_("personal"),
}

# goal kinds (smmplan/data/kpi_metrics.yaml)
GOALS = {
    "traffic": N_("traffic"),
    "awareness": N_("awareness"),
    "loyalty": N_("loyalty"),
    "support": N_("support"),
}

# post statuses (smmplan.model.STATUSES)
STATUSES = {
    "idea": N_("idea"),
    "draft": N_("draft"),
    "review": N_("review"),
    "changes_requested": N_("changes_requested"),
    "approved": N_("approved"),
    "scheduled": N_("scheduled"),
    "published": N_("published"),
    "on_hold": N_("on_hold"),
    "cancelled": N_("cancelled"),
}

SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def _word(table: dict[str, str], code: str) -> str:
    if current() == DEFAULT or code not in table:
        return code
    return _(table[code])


def category(code: str) -> str:
    """``engaging`` -> ``вовлекающий`` in Russian; as written in English and for a custom category."""
    return _word(CATEGORIES, code)


def goal(code: str) -> str:
    return _word(GOALS, code)


def status(code: str) -> str:
    return _word(STATUSES, code)


def severity(code: str) -> str:
    return _word(SEVERITIES, code)
