"""`smmplan check` and `smmplan status`: find the plans, fix them when asked, check them, report.

cli.py parses and checks the options and calls :func:`run`, which finds the
plan files (:mod:`smmplan.paths`) and each one's settings (:mod:`smmplan.config`),
rewrites them first under --fix or shows the rewrite under --diff
(:mod:`smmplan.fix`), checks them (a folder's files in more processes:
:mod:`smmplan.parallel`), writes the report and the --report page, and
returns the exit status.
"""

from __future__ import annotations

import os
import sys

import typer

from smmplan import engine  # (its functions looked up at each call: a test may stand in for one)
from smmplan.commands import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, fail, sentence, write_output
from smmplan.config import ConfigError, ConfigFinder, settings_for
from smmplan.locale import _, ngettext, speaking
from smmplan.parallel import check_all, cpus
from smmplan.paths import STDIN, collect_paths
from smmplan.visible import display_name, say


def run(targets: list[str], overrides: dict, *, fmt: str, output: str | None, color: str, status: bool,
        strict: bool, exit_zero: bool, config_file: str | None, isolated: bool, stdin_filename: str | None,
        force_exclude: bool, report_file: str | None, report_kind: str | None, jobs: int | None,
        show_suppressed: bool, fix: bool, diff: bool, fix_aliases: bool, lang: str | None) -> int:
    """Check the plans `targets` name (files, folders, globs, `-`) with each one's settings and
    the command line's `overrides` (see :func:`smmplan.config.settings_for`): the exit status,
    0 clean, 1 findings (warnings too under `strict`), 2 unreadable paths or config errors.
    Usage errors found on the way raise typer.Exit(2) once said."""
    try:
        finder = ConfigFinder(config_file, isolated)
        notes: list[str] = []
        files, problems = collect_paths(
            targets, excluded=lambda path, is_dir: finder.for_path(path, is_dir).excluded(path),
            force_exclude=force_exclude, notes=notes,
        )
        named = {f: (stdin_filename or os.path.join(os.getcwd(), STDIN)) if f == STDIN else f for f in files}
        if force_exclude and stdin_filename and STDIN in files and finder.for_path(stdin_filename).excluded(stdin_filename):
            files.remove(STDIN)
        settings = {f: settings_for(finder.for_path(named[f]), **overrides) for f in files}
    except ConfigError as exc:
        raise fail(sentence(_("config error: {problem}").format(problem=exc))) from None
    for p in problems:
        say(p)
    for n in notes:
        say(_("note: {note}").format(note=n))
    if fix or diff or fix_aliases:
        if STDIN in files:
            raise fail(_("--fix and --diff rewrite plan files and cannot rewrite standard input (`-`); "
                         "save the plan to a file and give its path."))
        from smmplan import fix as fixer

        changed, unwritten = fixer.run(files, settings, fix_aliases, diff, sys.stdout, sys.stderr)
        if diff:
            return EXIT_USAGE if problems or unwritten else EXIT_FINDINGS if changed else EXIT_CLEAN
        problems += unwritten
    several = len(files) > 1
    if report_kind == "html" and several:
        raise fail(ngettext("--report {file}: a page shows one plan, and {n} was given; run "
                            "`smmplan page PLAN -o FILE.html` for each plan.",
                            "--report {file}: a page shows one plan, and {n} were given; run "
                            "`smmplan page PLAN -o FILE.html` for each plan.", len(files)).format(
            file=report_file, n=len(files)))

    def check_one(f: str):
        if f == STDIN:
            # at most one byte over the limit: `smmplan check - < /dev/zero` is a finding, not a hang
            data = sys.stdin.buffer.read(settings[f].max_file_size + 1)
            result = engine.check_bytes(data, stdin_filename or STDIN, settings[f], workers=workers)
        else:  # a name that is not UTF-8 is reported as `\xNN`: every output stays valid UTF-8
            result = engine.check_path(f, settings[f], display_name(f), workers=workers)
        # Of many files, keep what the reports need: each file's data tree and post models
        # go before the next is read. One file keeps them: taking a 20,000-post plan's
        # apart costs some 25 ms, and the process ends once the report is out. A JSON
        # report's items are encoded here, where the file was checked (by the worker that
        # checked it, in a folder's run shared among processes).
        if not several:
            return result
        return Encoded(result) if encoded else result.detached()

    # one file may use the cores a folder's files would (a big plan's slowest rule family goes aside)
    workers = 1 if several else jobs or cpus()
    encoded = fmt == "json" and not status and report_file is None
    if encoded:
        from smmplan.report.json import Encoded

    results = []
    # standard input can be read by one process only
    for f, result in zip(files, check_all(files, check_one, 1 if STDIN in files else jobs)):
        if isinstance(result, OSError):
            problems.append(f)
            from smmplan.io import reason

            say(_("{path}: cannot read: {reason}").format(path=f, reason=reason(result)))
        else:
            results.append(result)
    emit(results, fmt, output, color, files, status, lang, strict=strict, show_suppressed=show_suppressed)
    if report_file is not None:
        report_page(report_file, report_kind, results, files)
    code = exit_code(results, problems, strict)
    return EXIT_CLEAN if exit_zero and code == EXIT_FINDINGS else code


def report_page(path: str, kind: str, results: list, inputs: list[str]) -> None:
    """`check --report`: FILE.html (`kind` html) is the plan's client page (as `smmplan page`),
    FILE.svg (`kind` svg) the text report."""
    if kind == "svg":
        from smmplan.report.page import render_svg

        write_output(path, render_svg(results), protect=inputs)
        return
    if not results:  # the plan could not be read: said above, exit 2
        return
    from smmplan.page.command import PageError, write_page
    from smmplan.page.render import render

    try:
        if write_page(path, render(results[0]), protect=inputs):
            say(_("replaced {path}").format(path=path))
    except PageError as exc:
        raise fail(str(exc)) from None


def emit(results: list, fmt: str, output: str | None, color: str, inputs: list[str], status: bool = False,
         lang: str | None = None, **options) -> None:
    """The report of the results, to `output` or standard output, and the summary line on stderr.
    `lang`: --lang as given (see :func:`run_language`)."""
    import io

    from smmplan import report

    # what is said of the whole run (the summary line, headings over several plans) is in the
    # plans' language when they share one; each plan's own section is in its language
    with speaking(run_language(results, lang)):
        color = "never" if output or fmt in report.MACHINE_FORMATS else color
        reporter = report.get_status(fmt, color=color) if status else report.get(fmt, color=color, **options)
        if output:
            buf = io.StringIO()
            reporter.render(results, buf)
            write_output(output, buf.getvalue(), protect=inputs)
        else:
            reporter.render(results, sys.stdout)
        s = report.summary(results)
        counts = {
            "plans": ngettext("{n} plan", "{n} plans", s["plans"]).format(n=s["plans"]),
            "errors": ngettext("{n} error", "{n} errors", s["errors"]).format(n=s["errors"]),
            "warnings": ngettext("{n} warning", "{n} warnings", s["warnings"]).format(n=s["warnings"]),
        }
        silenced = report.suppressed_line(results)
        if silenced:
            line = _("Checked {plans}: {errors}, {warnings}; {suppressed}.").format(suppressed=silenced, **counts)
        else:
            line = _("Checked {plans}: {errors}, {warnings}.").format(**counts)
        typer.echo(line, err=True)


def run_language(results: list, lang: str | None = None) -> str:
    """The language of what a command says of all its plans: --lang (`lang`), else the one
    language every plan's report is in, else the locale's, else English."""
    from smmplan import locale

    languages = {getattr(r, "language", None) for r in results} - {None}
    if lang is None and len(languages) == 1:
        return languages.pop()
    return locale.choose(lang)


def exit_code(results: list, problems: list, strict: bool = False) -> int:
    if problems:
        return EXIT_USAGE
    failing = ("error", "warning") if strict else ("error",)
    if any(f.severity in failing for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
