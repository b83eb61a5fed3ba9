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
        raise PageError(f"{path} is the plan being read; choose another file for the page.")
    if os.path.isdir(path):
        raise PageError(f"{path} is a folder; give a file name for the page, e.g. {os.path.join(path, 'plan.html')}.")
    existed = os.path.exists(path)
    if existed and not force and not made_by_smmplan(path):
        raise PageError(f"{path} exists and is not a page smmplan made; give --force to overwrite it, "
                        "or choose another file.")
    try:
        atomic_write(path, html)
    except OSError as exc:
        raise PageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return existed


def make_page(plan: str, output: str | None = None, *, as_of: dt.date | None = None, language: str | None = None,
              force: bool = False, config_file: str | None = None, isolated: bool = False,
              stdin_filename: str | None = None, made: dt.date | None = None) -> Written:
    """Check `plan` (a file, or `-` for standard input) and write its page to `output`
    (default: beside the plan, `.html` for `.yaml`; standard output for `-`)."""
    from smmplan.config import ConfigError, ConfigFinder, settings_for
    from smmplan.engine import check_bytes, check_path
    from smmplan.page.render import render

    if language is not None and language not in ("en", "ru"):
        raise PageError(f"--language takes en or ru, not `{language}`.")
    if isolated and config_file:
        raise PageError("--isolated ignores every config file; drop --config or --isolated.")
    if plan != STDIN and os.path.isdir(plan):
        raise PageError(f"{plan} is a folder: a page shows one plan; give one plan file.")
    if output is None:
        output = "-" if plan == STDIN else default_output(plan)
    name = stdin_filename or (os.path.join(os.getcwd(), STDIN) if plan == STDIN else plan)
    try:
        settings = settings_for(ConfigFinder(config_file, isolated).for_path(name), as_of=as_of)
    except ConfigError as exc:
        raise PageError(f"config error: {exc}") from None
    if plan == STDIN:
        data = sys.stdin.buffer.read(settings.max_file_size + 1)
        result = check_bytes(data, stdin_filename or STDIN, settings)
    else:
        try:
            result = check_path(plan, settings)
        except OSError as exc:
            raise PageError(f"{plan}: cannot read: {exc.strerror or exc}") from None
    html = render(result, language=language, made=made)
    replaced = False
    if output == "-":
        sys.stdout.write(html)
        sys.stdout.flush()
    else:
        replaced = write_page(output, html, protect=[plan], force=force)
    return Written(output, replaced, len(result.posts), result.errors, result.warnings)
