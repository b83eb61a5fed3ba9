"""PLAN: the file and its format. Raised by the loader and the model, not walked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from smmplan.findings import Problem
from smmplan.locale import N_, _
from smmplan.rules import Rule

RULES = (
    Rule(
        "PLAN001", "invalid-yaml", "error", N_("The file is not valid YAML."),
        what=N_("The YAML parser cannot read the file: a bad indent, an unclosed quote, a colon inside unquoted text."),
        why=N_("A plan nobody can read cannot be checked, scheduled or shared with the client."),
        example="posts:\n  - title: Coffee: how to brew\n    type: educational\n",
        fix=N_("Quote text that contains `: `, indent with spaces, and close every quote."),
    ),
    Rule(
        "PLAN002", "bad-encoding", "error", N_("The file is not UTF-8 text."),
        what=N_("The file has bytes that are not UTF-8, NUL bytes, or is binary."),
        why=N_("Titles in Russian or with emoji turn into garbage when the encoding is guessed."),
        example="posts: []\n# a file saved as Windows-1251 with Cyrillic text\n",
        fix=N_("Save the plan as UTF-8 (UTF-8 with a BOM and UTF-16 with a BOM are also read)."),
    ),
    Rule(
        "PLAN003", "not-a-mapping", "error", N_("The top level is not a mapping of plan keys."),
        what=N_("The file is a list or a single value instead of keys such as `brand`, `formula`, `posts`."),
        why=N_("smmplan needs the plan's settings and its posts under known keys."),
        example="- date: 2026-12-01\n  type: engaging\n  title: Poll\n",
        fix=N_("Put the list of posts under `posts:` and the plan settings beside it."),
    ),
    Rule(
        "PLAN004", "duplicate-key", "error", N_("A key appears twice in one mapping."),
        what=N_("The same key is written twice in one post or in the plan."),
        why=N_("YAML readers silently keep one of the two: a doubled `type:` quietly changes the mix."),
        example="posts:\n  - date: 2026-12-01\n    type: engaging\n    type: advertising\n    title: Poll\n",
        fix=N_("Delete the line you did not mean."),
    ),
    Rule(
        "PLAN005", "unknown-key", "error", N_("A key the plan format does not know."),
        what=N_("A key that is not part of the plan format, usually a typo such as `tittle`."),
        why=N_("A misspelt key is silently ignored by other tools: the title or date you wrote is lost."),
        example="posts:\n  - date: 2026-12-01\n    type: engaging\n    tittle: Poll\n",
        fix=N_("Use the key the message suggests; `smmplan schema` lists every key."),
    ),
    Rule(
        "PLAN006", "invalid-value", "error", N_("A value of the wrong kind, or a required one missing."),
        what=N_("A date that is not a date, a number that is not a number, a post without `type` or `title`."),
        why=N_("A post without a date or type cannot be placed in the calendar or counted in the mix."),
        example="posts:\n  - date: 2026-13-45\n    type: engaging\n    title: Poll\n",
        fix=N_("Write dates as YYYY-MM-DD, times as HH:MM, and give every post a date, type and title."),
    ),
    Rule(
        "PLAN007", "unknown-type", "error", N_("A post's type is not a category of the formula."),
        what=N_("A post's `type` names no category of the plan's formula (aliases such as `ugc`, `promo` and Russian names are accepted)."),
        why=N_("A post of unknown type cannot be counted, so the mix the report shows would be wrong."),
        example="posts:\n  - date: 2026-12-01\n    type: educatonal\n    title: How to brew\n",
        fix=N_("Use one of the formula's categories; the message names the nearest one."),
    ),
    Rule(
        "PLAN008", "invalid-formula", "error", N_("The formula is not a preset nor a mix summing to 100."),
        what=N_("`formula` names no preset, or its percents do not add up to 100."),
        why=N_("Without a valid formula there is nothing to hold the plan to."),
        example="formula: {engaging: 50, educational: 30}\nposts: []\n",
        fix=N_("Use a preset (`smmplan formulas` lists them) or make the percents sum to 100."),
    ),
    Rule(
        "PLAN009", "forbidden-tag", "error", N_("A YAML tag such as `!!python/object` is used."),
        what=N_("A node carries a tag that would ask a YAML loader to build an object or run code."),
        why=N_("Plans come from many hands; tags are how YAML files execute code on unsafe loaders. smmplan never runs them."),
        example="brand: !!python/object/apply:os.system [echo hi]\nposts: []\n",
        fix=N_("Remove the tag and write plain text."),
    ),
    Rule(
        "PLAN010", "too-complex", "error", N_("Nesting or aliases beyond sane limits."),
        what=N_("The file nests deeper than 64 levels, its aliases expand to more than a million nodes (an alias bomb), "
        "one list or mapping has more than 100,000 items, or the file holds more than 2,000,000 values in all."),
        why=N_("Such files exhaust memory in naive YAML tools; a content plan never needs them."),
        example="a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
        fix=N_("Write the plan out plainly; use anchors only for small repeated defaults."),
    ),
    Rule(
        "PLAN011", "file-too-large", "error", N_("The file is larger than the size limit."),
        what=N_("The file is larger than `max-file-size` (32 MiB unless configured)."),
        why=N_("A plan that large is almost certainly not a plan, and reading it would stall CI."),
        example="# any file larger than the limit\n",
        fix=N_("Split the plan by quarter or by brand, or raise `max-file-size`."),
    ),
    Rule(
        "PLAN012", "empty-file", "error", N_("The file is empty or holds only comments."),
        what=N_("There is no YAML document in the file."),
        why=N_("An empty plan file in the plans folder is usually a mistake: a save that went wrong."),
        example="# only a comment\n",
        fix=N_("Write the plan, or delete the file."),
    ),
    Rule(
        "PLAN013", "several-documents", "error", N_("More than one YAML document in the file."),
        what=N_("The file has `---` separators and several documents; only the first is read."),
        why=N_("Posts in the second document would be silently skipped."),
        example="posts: []\n---\nposts: []\n",
        fix=N_("Keep one plan per file."),
    ),
    Rule(
        "PLAN014", "no-posts", "warning", N_("The plan has no posts."),
        what=N_("`posts` is missing or empty, so there is no mix to check."),
        why=N_("A plan without posts passes every mix rule vacuously; say so rather than report green."),
        example="brand: Coffee Lab\nposts: []\n",
        fix=N_("Add the posts, or generate a calendar with `smmplan suggest --weeks 4`."),
    ),
    Rule(
        "SMM001", "internal-error", "error", N_("A rule crashed; this is a bug in smmplan."),
        what=N_("A rule raised an exception while checking the plan. The other rules still ran."),
        why=N_("A crash should not hide the findings of every other rule, nor pass silently."),
        example="",
        fix=N_("Report the bug with the plan attached; rerun with --debug for the traceback."),
    ),
    Rule(
        "SMM002", "unused-suppression", "warning", N_("A `# smmplan: ignore[...]` comment silences nothing."),
        what=N_("An inline suppression names a rule that has no finding on its line (or, for `ignore-file`, in "
        "the file), names no rule at all, or an `ignore-file` stands below the plan's first content."),
        why=N_("Stale suppressions pile up after plans are fixed and would silently hide the next real problem "
        "on that line."),
        example="# smmplan: ignore-file[MIX003]\nposts:\n  - {date: 2026-12-01, type: engaging, title: Poll}\n",
        fix=N_("Delete the suppression or the entry the message names; list rule codes with `smmplan rules`."),
    ),
    Rule(
        "SMM003", "suppressed-in-plan", "warning", N_("The plan silences one of its own honesty findings."),
        what=N_("A `# smmplan: ignore[...]` comment, or an entry of the plan's own `allowed_phrases`, silences a "
        "BAN finding (bought followers, bots, fake reviews...). The finding is kept as suppressed in every report, "
        "and this warning says who silenced it."),
        why=N_("The ban on bought or faked engagement is the agency's promise to clients; the author of a plan must "
        "not be able to switch it off unseen. Only the project's configuration can lift it."),
        example="posts:\n  - date: 2026-12-01\n    type: advertising\n    title: We buy 5000 followers  "
        "# smmplan: ignore[BAN]\n",
        fix=N_("Remove the suppression, or allow it in the project's configuration: `plan-may-suppress: [BAN001]` "
        "(or move the allowed phrase to the config's `allowed-phrases`)."),
    ),
)


def check(ctx) -> Iterator[Problem]:
    written = ctx.doc.data.get("posts") if isinstance(ctx.doc.data, dict) else None
    # posts that are all invalid are reported one by one (PLAN006), not as "no posts"
    if not ctx.plan.posts and not (isinstance(written, list) and written):
        yield Problem("PLAN014", _("The plan has no posts: there is no mix to check."), ("posts",), at_key=True,
                      fix=_("Add posts under `posts:`, or run `smmplan suggest --weeks 4`."))
    for p in ctx.posts:
        for key in LINK_KEYS:
            value = getattr(p.post, key)
            if not value or value.startswith(WEB_PREFIXES):
                continue  # no link, or a web address (the usual link: link_scheme needs no reading of it)
            scheme = link_scheme(value)
            if scheme is not None and scheme not in LINK_SCHEMES:
                yield Problem(
                    "PLAN006",
                    _("`{where}` is `{value}`: a `{scheme}:` link, not a web address. Pages and "
                      "exports made from the plan would carry it to the client and the scheduler.").format(
                        where=f"posts[{p.index}].{key}", value=value, scheme=scheme),
                    ("posts", p.index, key),
                    fix=_("Write the full web address, starting with https:// (or http://)."),
                )


LINK_KEYS = ("link", "permalink")
LINK_SCHEMES = frozenset(("http", "https"))
WEB_PREFIXES = ("https:", "http:")  # a link starting so has the scheme https or http, whatever follows
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+\-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these from a URL: `java\tscript:` is `javascript:`


def link_scheme(url: str) -> str | None:
    """A link's scheme, lower case, read as a browser would (spaces, tabs and control
    characters dropped), or None when it has none (`shop.example/winter`)."""
    m = _SCHEME.match(_IGNORED.sub("", url))
    return m[1].lower() if m else None
