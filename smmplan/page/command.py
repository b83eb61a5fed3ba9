"""`smmplan page PLAN [-o FILE]`: check one plan and write its client page.

The glue between the command line and the page: read and check the plan as
`smmplan check` would (the same config, `--as-of`), render it, and write it
safely. The file is written atomically (smmplan.io.atomic_write). An existing
file is replaced only when smmplan made it (the page carries
``<meta name="generator" content="smmplan page ...">``), and the replacement is
announced; any other existing file is left alone unless ``--force`` is given.
A plan being read is never written over.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass

from smmplan.locale import _, current, ngettext, speaking
from smmplan.paths import STDIN

SUFFIXES = (".yaml", ".yml")


class PageError(Exception):
    """A usage problem: the message says what to do (exit 2)."""


@dataclass(frozen=True)
class Written:
    path: str  # "-" for standard output
    replaced: bool
    posts: int
    errors: int
    warnings: int
    language: str | None = None  # the page's: what is said of it is said in it

    def summary(self) -> str:
        """What `smmplan page` says when done: `wrote plans/x.html (12 posts; 0 errors, 2 warnings)`."""
        with speaking(self.language or current()):
            counts = {
                "posts": ngettext("{n} post", "{n} posts", self.posts).format(n=self.posts),
                "errors": ngettext("{n} error", "{n} errors", self.errors).format(n=self.errors),
                "warnings": ngettext("{n} warning", "{n} warnings", self.warnings).format(n=self.warnings),
            }
            text = (_("replaced {path} ({posts}; {errors}, {warnings})") if self.replaced
                    else _("wrote {path} ({posts}; {errors}, {warnings})"))
        return text.format(path=self.path, **counts)


def default_output(plan: str) -> str:
    """`plans/coffee.yaml` -> `plans/coffee.html`: the page beside its plan."""
    root, ext = os.path.splitext(plan)
    return (root if ext.lower() in SUFFIXES else plan) + ".html"


def made_by_smmplan(path: str) -> bool:
    """Whether the file at `path` is a page smmplan wrote (so it may be replaced)."""
    from smmplan.page.render import GENERATOR

    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR} '.encode() in head


def write_page(path: str, html: str, protect: list[str] = (), force: bool = False) -> bool:
    """Write `html` to `path` atomically; True when an existing file was replaced.

    Never over one of the `protect`ed inputs; over another existing file only
    when smmplan made it, or with `force`.
    """
    from smmplan.io import atomic_write

    target = os.path.realpath(path)
    if any(p != STDIN and os.path.realpath(p) == target for p in protect):
        raise PageError(_("{path} is the plan being read; choose another file for the page.").format(path=path))
    if os.path.isdir(path):
        raise PageError(_("{path} is a folder; give a file name for the page, e.g. {example}.").format(
            path=path, example=os.path.join(path, "plan.html")))
    existed = os.path.exists(path)
    if existed and not force and not made_by_smmplan(path):
        raise PageError(_("{path} exists and is not a page smmplan made; give --force to overwrite it, "
                          "or choose another file.").format(path=path))
    try:
        atomic_write(path, html)
    except OSError as exc:
        raise PageError(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    return existed


def make_page(plan: str, output: str | None = None, *, as_of: dt.date | None = None, language: str | None = None,
              force: bool = False, config_file: str | None = None, isolated: bool = False,
              stdin_filename: str | None = None, made: dt.date | None = None, lang: str | None = None) -> Written:
    """Check `plan` (a file, or `-` for standard input) and write its page to `output`
    (default: beside the plan, `.html` for `.yaml`; standard output for `-`).

    The page's language: `language` (`page --language`), else the report language
    `smmplan check` would use: `lang` (`--lang`), the config's `lang`, the plan's
    `language:`, the locale."""
    from smmplan.config import ConfigError, ConfigFinder, settings_for
    from smmplan.engine import check_bytes, check_path
    from smmplan.page.render import render

    if language is not None and language not in ("en", "ru"):
        raise PageError(_("--language takes en or ru, not `{value}`.").format(value=language))
    if isolated and config_file:
        raise PageError(_("--isolated ignores every config file; drop --config or --isolated."))
    if plan != STDIN and os.path.isdir(plan):
        raise PageError(_("{path} is a folder: a page shows one plan; give one plan file.").format(path=plan))
    if output is None:
        output = "-" if plan == STDIN else default_output(plan)
    name = stdin_filename or (os.path.join(os.getcwd(), STDIN) if plan == STDIN else plan)
    try:
        settings = settings_for(ConfigFinder(config_file, isolated).for_path(name), as_of=as_of, lang=lang)
    except ConfigError as exc:
        raise PageError(_("config error: {error}").format(error=exc)) from None
    if plan == STDIN:
        data = sys.stdin.buffer.read(settings.max_file_size + 1)
        result = check_bytes(data, stdin_filename or STDIN, settings)
    else:
        try:
            result = check_path(plan, settings)
        except OSError as exc:
            raise PageError(_("{path}: cannot read: {reason}").format(path=plan, reason=exc.strerror or exc)) from None
    language = language or result.language
    html = render(result, language=language, made=made)
    replaced = False
    if output == "-":
        sys.stdout.write(html)
        sys.stdout.flush()
    else:
        replaced = write_page(output, html, protect=[plan], force=force)
    return Written(output, replaced, len(result.posts), result.errors, result.warnings, language)
