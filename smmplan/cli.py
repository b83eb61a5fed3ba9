"""The command line: parse options, call the core, choose a reporter.

Keep this module light: only typer and the standard library are imported at
start-up; pydantic, rich and the rules load inside the commands that use them.
Annotations are evaluated as the module loads (no `from __future__ import
annotations`): typer reads every option's annotation, and evaluating some
hundred strings at each run cost more (about 3 ms).
"""

import gc
import os
import sys
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from smmplan import __version__
from smmplan.locale import N_, _, choose, current, speaking
from smmplan.commands import EXIT_USAGE, fail, sentence, write_output
from smmplan.visible import say  # every note of a command goes through it: names shown, never obeyed


SHOW_HELP = N_("Show this message and exit.")


class _Formatter(typer.Context.formatter_class):
    """click's plain help layout, with its own words (`Usage:`, `Options`...) in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and current() != "en":
            from smmplan.commands.usage import usage_words

            prefix, args = usage_words(args)
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if current() != "en":
            from smmplan.commands.usage import heading as translated

            heading = translated(heading)
        super().write_heading(heading)

    def write_dl(self, rows, *args, **kwargs) -> None:
        if current() != "en":
            from smmplan.commands.usage import help_row

            rows = [help_row(term, text) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


class _Context(typer.Context):
    formatter_class = _Formatter


class _Help:
    """What smmplan's command classes add to typer's: `-h/--help` is a flag (its help line
    shows no value, as every flag of smmplan's, declared with ``metavar=""``; typer would
    print ``<bool>`` there), and help is shown in the user's language: in English as typer
    draws it; in Russian translated from the catalogue and laid out by click's plain
    formatter (typer's rich panels have English titles no public API renames)."""

    context_class = _Context

    def get_help_option(self, ctx):  # click's Command.get_help_option
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
            option.help = _(SHOW_HELP)
        return option

    def format_help(self, ctx, formatter) -> None:
        if current() == "en":
            return super().format_help(ctx, formatter)
        from smmplan.commands.usage import translated_help

        with translated_help(self):
            return super().format_help(ctx, formatter)


class Group(_Help, TyperGroup):
    """smmplan's command group (``typer.Typer(cls=...)``)."""


class Command(_Help, TyperCommand):
    """Every smmplan command (``@_command(help=N_(...))``, typer's ``app.command(cls=Command)``: help is given as
    ``help=N_("...")``, not as a docstring, so that the catalogue has it)."""


_APP_SETTINGS = dict(
    cls=Group,
    name="smmplan",
    help=N_("Content-mix planner and linter for social-media content plans (YAML)."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    # Help in a terminal is drawn by rich; to a pipe or a file it is click's plain text, which
    # has no padding to the width (no trailing spaces) and no box characters.
    rich_markup_mode="rich" if sys.stdout.isatty() else None,
)
app = typer.Typer(**_APP_SETTINGS)

# Every command as registered on `app`: name -> (function, typer's command options). A run
# that names its command builds an app of that command alone (see `_app_for`).
_COMMANDS: dict[str, tuple] = {}


def _command(name: str | None = None, **options):
    """``@app.command(cls=Command, ...)``, remembered in `_COMMANDS`."""

    def register(function):
        _COMMANDS[name or function.__name__] = (function, dict(options, name=name, cls=Command))
        return app.command(name=name, cls=Command, **options)(function)

    return register


def _app_for(args: list[str]) -> typer.Typer:
    """`app`, or for a command line that starts with a command's name, an app of that command
    alone: the same group, callback and command, so the same parsing, help and errors, without
    typer building the dozen other commands' parameters at every run (some 3 ms)."""
    found = _COMMANDS.get(args[0]) if args else None
    if found is None:
        return app
    one = typer.Typer(**_APP_SETTINGS)
    one.callback()(_root)
    function, options = found
    one.command(**options)(function)
    return one


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smmplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[  # a bool flag, False when not given: typer builds no value adapter for it
        bool,
        typer.Option("--version", "-V", metavar="", callback=_version, is_eager=True, help=N_("Show the version and exit.")),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", metavar="", help=N_("Show tracebacks of internal errors."))] = False,
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", metavar="LANG", help=N_("Language of reports, messages and help: en or ru (accepted "
                     "anywhere on the line; default: the config's `lang`, the plan's `language:`, the locale).")),
    ] = None,
) -> None:
    """smmplan holds content plans to a content formula, honest promotion and transparent KPIs."""


# --- helpers shared by commands ---------------------------------------------------


def parse_date(value: str | None, option: str):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from smmplan.dates import advice, read_date

        raise fail(_("{option} takes a date as YYYY-MM-DD: {advice}.").format(
            option=option, advice=advice(read_date(value), "date"))) from None


def _text_or_json(fmt: str, color: str) -> None:
    """The options of a listing command: `--format text|json` and `--color WHEN`."""
    if fmt not in ("text", "json"):
        raise _bad_format(fmt)
    if color not in COLOR_CHOICES:
        raise _bad_color(color)


def _bad_format(fmt: str, choices=None) -> typer.Exit:
    if choices is None:
        return fail(_("unknown format `{format}`; choose text or json.").format(format=fmt))
    return fail(_("unknown format `{format}`; choose one of: {formats}.").format(format=fmt, formats=", ".join(choices)))


def _bad_color(color: str) -> typer.Exit:
    return fail(_("--color takes auto, always or never, not `{color}`.").format(color=color))


def _regular_file_exists(path: str) -> bool:
    from smmplan.io import regular_file_exists

    return regular_file_exists(path)


# --- check ------------------------------------------------------------------------

DueDays = Annotated[Optional[int], typer.Option("--due-days", metavar="DAYS", help=N_("Look-ahead for posts due soon, in days (default 3)."))]
FORMAT_HELP = N_("Report format: text, concise, json, github, sarif or junit (default text; github when "
                 "GITHUB_ACTIONS=true).")
COLOR_CHOICES = ("auto", "always", "never")


@_command(help=N_(
    "Check plans against the content formula and report what to change.\n"
    "\n"
    "Exit status: 0 clean; 1 error findings (or warnings under --strict); 2 usage\n"
    "or config errors and unreadable paths."))
def check(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="PATH", help=N_("Plan files, directories, globs, or - for standard input (default: plans/).")),
    ] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "--output-format", "-f", metavar="FORMAT", help=FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=N_("Write the report to this file."))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help=N_("Date to judge progress and due posts by (default today)."))] = None,
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
    max_file_size: Annotated[
        Optional[float], typer.Option("--max-file-size", metavar="MIB", help=N_("Largest plan file read, in MiB (default 32)."))
    ] = None,
    due_days: DueDays = None,
    status: Annotated[
        bool, typer.Option("--status", metavar="", help=N_("Show posts per status and what waits for the client instead."))
    ] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="RULES", help=N_("Check only these rules. Rule codes, prefixes (MIX, BAN0) or "
                                                        "names, comma-separated; repeatable."))] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="RULES", help=N_("Skip these rules. Rule codes, prefixes (MIX, BAN0) or "
                                                        "names, comma-separated; repeatable."))] = None,
    extend_select: Annotated[
        Optional[list[str]], typer.Option("--extend-select", metavar="RULES", help=N_("Check these rules too. Rule codes, prefixes (MIX, BAN0) or "
                                                        "names, comma-separated; repeatable."))
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", metavar="", help=N_("Warnings fail the check too (exit 1)."))] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", metavar="", help=N_("Exit 0 even when there are findings."))] = False,
    config_file: Annotated[
        Optional[str], typer.Option("--config", metavar="FILE", help=N_("Use this config file (.smmplan.yaml or TOML) for every plan."))
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", metavar="", help=N_("Ignore all config files."))] = False,
    stdin_filename: Annotated[
        Optional[str], typer.Option("--stdin-filename", metavar="NAME", help=N_("The name of the plan read from standard input (`-`)."))
    ] = None,
    force_exclude: Annotated[
        bool, typer.Option("--force-exclude", metavar="", help=N_("Apply the config's `exclude` to files named explicitly too."))
    ] = False,
    report_file: Annotated[
        Optional[str], typer.Option("--report", metavar="FILE", help=N_("Also save the plan's client page (FILE.html, as "
                                    "`smmplan page`) or the text report as an image (FILE.svg)."))
    ] = None,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", metavar="N", help=N_("Processes checking at once (default: one per core for 24 files or more, and two for one plan of 5,000 posts or more; -j 1 keeps one).")),
    ] = None,
    show_suppressed: Annotated[
        bool, typer.Option("--show-suppressed", metavar="", help=N_("List the suppressed findings in full too."))
    ] = False,
    no_suppress: Annotated[
        Optional[list[str]],
        typer.Option("--no-suppress", metavar="RULES", help=N_("Rules nothing may silence (comments, ignore, allowed "
                     "phrases). Rule codes, prefixes (MIX, BAN0) or names, comma-separated; repeatable.")),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", metavar="", help=N_("Rewrite dates and times into the plan's forms, in place (comments and "
                           "quoting kept), then check the fixed files."))
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", metavar="", help=N_("Show what --fix would change as a unified diff; write nothing "
                           "(exit 1 if anything would change)."))
    ] = False,
    fix_aliases: Annotated[
        bool, typer.Option("--fix-aliases", metavar="", help=N_("Also rewrite type, status and channel aliases to their "
                           "canonical words (implies --fix unless --diff)."))
    ] = False,
) -> None:
    from smmplan import report

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not status else "text"

    if fmt not in report.FORMATS:
        raise _bad_format(fmt, report.FORMATS)
    if color not in COLOR_CHOICES:
        raise _bad_color(color)
    if max_file_size is not None:
        from smmplan.config import file_size_limit

        try:
            max_file_size = file_size_limit(max_file_size)
        except ValueError as exc:
            raise fail(_("--max-file-size {problem}.").format(problem=exc)) from None
    if due_days is not None and due_days < 0:
        raise fail(_("--due-days takes a number of days from 0 up, not `{n}`.").format(n=due_days))
    if jobs is not None and jobs < 1:
        raise fail(_("--jobs takes a number of processes from 1 up, not `{n}`.").format(n=jobs))
    if status and fmt not in report.STATUS_FORMATS:
        raise fail(_("--status shows text or json, not `{format}`.").format(format=fmt))

    from smmplan.config import split_selectors

    if isolated and config_file:
        raise fail(_("--isolated ignores every config file; drop --config or --isolated."))
    report_kind = None
    if report_file is not None:
        from smmplan.report.page import page_kind

        report_kind = page_kind(report_file)
        if report_kind is None:
            raise fail(_("--report saves .html or .svg pages, not `{file}`.").format(file=report_file))
    selection = []
    for option, values in (("--select", select), ("--ignore", ignore), ("--extend-select", extend_select),
                           ("--no-suppress", no_suppress)):
        try:
            selection.append(split_selectors(values))
        except ValueError as exc:
            raise fail(sentence(f"{option}: {exc}")) from None
    unsilenced = selection.pop()
    overrides = {
        "as_of": parse_date(as_of, "--as-of"),
        "max_file_size": max_file_size,
        "due_days": due_days,
        # --select replaces the config's selection; --ignore and --extend-select refine it
        "cli_selection": tuple(selection) if any(selection) else None,
        "no_suppress": unsilenced or None,
        "lang": LANG_OPTION,
    }
    targets = paths or (["-"] if stdin_filename else ["plans"])
    from smmplan.commands.check import run as run_check

    raise typer.Exit(run_check(
        targets, overrides, fmt=fmt, output=output, color=color, status=status, strict=strict, exit_zero=exit_zero,
        config_file=config_file, isolated=isolated, stdin_filename=stdin_filename, force_exclude=force_exclude,
        report_file=report_file, report_kind=report_kind, jobs=jobs, show_suppressed=show_suppressed, fix=fix,
        diff=diff, fix_aliases=fix_aliases, lang=LANG_OPTION))


# --- status -----------------------------------------------------------------------


@_command(help=N_(
    "Posts per status, what waits for the client and what is due: for the weekly call. Same as `check --status`."))
def status(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help=N_("Plan files or directories (default: plans/)."))] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=N_("Write the report to this file."))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help=N_("Date to judge due posts by (default today)."))] = None,
    due_days: DueDays = None,
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
) -> None:
    check(paths=paths, fmt=fmt, output=output, as_of=as_of, color=color, due_days=due_days, status=True)


# --- page -------------------------------------------------------------------------


@_command(help=N_(
    "Write the plan's client page: one self-contained HTML file (calendar, mix, KPIs, approvals, problems).\n"
    "\n"
    "It works offline and as an e-mail attachment. An existing FILE is replaced only if smmplan made it."))
def page(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help=N_("The plan file, or - for standard input."))],
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=N_("Write the page here "
                                                  "(default: beside PLAN, .html for .yaml; - for standard output)."))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help=N_("Date to judge progress and due posts by (default today)."))] = None,
    language: Annotated[Optional[str], typer.Option("--language", metavar="LANG", help=N_("en or ru (default: the plan's language)."))] = None,
    force: Annotated[bool, typer.Option("--force", metavar="", help=N_("Overwrite FILE even if smmplan did not make it."))] = False,
    config_file: Annotated[Optional[str], typer.Option("--config", metavar="FILE", help=N_("Use this config file."))] = None,
    isolated: Annotated[bool, typer.Option("--isolated", metavar="", help=N_("Ignore all config files."))] = False,
    stdin_filename: Annotated[
        Optional[str], typer.Option("--stdin-filename", metavar="NAME", help=N_("The name of the plan read from standard input (`-`)."))
    ] = None,
) -> None:
    from smmplan.page.command import PageError, make_page

    try:
        done = make_page(plan, output, as_of=parse_date(as_of, "--as-of"), language=language, force=force,
                         config_file=config_file, isolated=isolated, stdin_filename=stdin_filename, lang=LANG_OPTION)
    except PageError as exc:
        raise fail(str(exc)) from None
    if done.path != "-":
        say(done.summary())


# --- rubrics ----------------------------------------------------------------------


@_command(help=N_(
    "The plan's rubrics: planned and target posts, ideas left, and the next post's date."))
def rubrics(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help=N_("The plan file."))],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help=N_("Date the next posts are counted from (default today)."))] = None,
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
) -> None:
    from smmplan import rubrics_cmd as command

    _text_or_json(fmt, color)
    try:
        data = command.collect(plan, parse_date(as_of, "--as-of"), LANG_OPTION)
    except command.RubricsError as exc:
        raise fail(sentence(str(exc))) from None
    command.print_json(data) if fmt == "json" else command.print_table(data, color)


# --- formulas ---------------------------------------------------------------------


@_command(help=N_(
    "List the content formulas (presets) and their shares."))
def formulas(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
) -> None:
    from smmplan.formulas import DEFAULT_FORMULA, PRESETS

    if fmt == "json":
        import json

        typer.echo(json.dumps({n: {"shares": f.percents(), "description": f.description}
                               for n, f in PRESETS.items()}, indent=2, ensure_ascii=False))
        return
    if fmt != "text":
        raise _bad_format(fmt)
    from rich.table import Table

    from smmplan.locale import terms
    from smmplan.report.text import make_console

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0))
    table.add_column(_("formula"))
    table.add_column(_("shares"))
    table.add_column(_("what it is"), overflow="fold")
    for name, f in PRESETS.items():
        shares = ", ".join(f"{terms.category(c)} {p:.4g} %" for c, p in f.percents().items())
        table.add_row(_("{name} (default)").format(name=name) if name == DEFAULT_FORMULA else name, shares,
                      f.description)
    make_console(sys.stdout).print(table)


@_command(help=N_(
    "List the networks smmplan knows: their aliases, limits and post kinds."))
def channels(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
) -> None:
    from smmplan import channels as command

    _text_or_json(fmt, color)
    command.print_json() if fmt == "json" else command.print_table(color)


# --- rules, rule, schema ------------------------------------------------------------


RULE_COLUMNS = {"code": N_("code"), "name": N_("name"), "severity": N_("severity"), "summary": N_("summary")}


def _rule_dict(rule) -> dict:
    """A rule's docs for `--format json`: codes and keys as ever, its texts in the current language
    (a Rule reads its texts in the current language)."""
    return {"code": rule.code, "name": rule.name, "family": rule.family, "severity": rule.severity,
            "summary": rule.summary, "what": rule.what, "why": rule.why, "example": rule.example,
            "example_as_of": rule.example_as_of, "fix": rule.fix}


@_command(help=N_(
    "List every rule: code, name, default severity and what it checks."))
def rules(
    fmt: Annotated[str, typer.Option("--format", "--output-format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
) -> None:
    from smmplan.rules import registry

    if fmt == "json":
        import json

        typer.echo(json.dumps([_rule_dict(r) for r in registry().values()], indent=2, ensure_ascii=False))
        return
    if fmt != "text":
        raise _bad_format(fmt)
    if color not in COLOR_CHOICES:
        raise _bad_color(color)
    from rich.table import Table
    from rich.text import Text

    from smmplan.locale import terms
    from smmplan.report.text import SEVERITY_STYLE, make_console

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0))
    for name, title in RULE_COLUMNS.items():
        table.add_column(_(title), overflow="fold", no_wrap=name != "summary")
    for r in registry().values():
        table.add_row(r.code, r.name, Text(terms.severity(r.severity), style=SEVERITY_STYLE.get(r.severity, "")),
                      r.summary)
    make_console(sys.stdout, color).print(table)


@_command(help=N_(
    "Explain one rule: what it checks, why, a plan that triggers it, and the fix."))
def rule(
    key: Annotated[str, typer.Argument(metavar="CODE|NAME", help=N_("A rule code (MIX003) or name (back-to-back-ads)."))],
    fmt: Annotated[str, typer.Option("--format", "--output-format", "-f", metavar="FORMAT", help=N_("text or json."))] = "text",
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour: auto, always or never."))] = "auto",
) -> None:
    from smmplan.findings import nearest
    from smmplan.rules import by_name_or_code, registry

    found = by_name_or_code(key)
    if found is None:
        known = [*registry(), *(r.name for r in registry().values())]
        near = nearest(key.strip(), known) or nearest(key.strip().upper(), known)
        if near:
            raise fail(_("no rule `{key}`. Did you mean `{near}`? `smmplan rules` lists them all.").format(
                key=key, near=near))
        raise fail(_("no rule `{key}`. `smmplan rules` lists them all.").format(key=key))
    if fmt == "json":
        import json

        typer.echo(json.dumps(_rule_dict(found), indent=2, ensure_ascii=False))
        return
    if fmt != "text":
        raise _bad_format(fmt)
    if color not in COLOR_CHOICES:
        raise _bad_color(color)
    from rich.syntax import Syntax
    from rich.text import Text

    from smmplan.locale import terms
    from smmplan.report.text import SEVERITY_STYLE, make_console, print_wrapped

    doc = _rule_dict(found)
    console = make_console(sys.stdout, color)
    head = Text(f"{found.code} ", style="bold").append(found.name, style="bold magenta")
    head.append("  " + _("({severity} by default)").format(severity=terms.severity(found.severity)),
                style=SEVERITY_STYLE.get(found.severity, ""))
    print_wrapped(console, head)
    print_wrapped(console, Text(doc["summary"]))
    for title, body in ((_("What it checks"), doc["what"]), (_("Why"), doc["why"])):
        console.print()
        console.print(Text(title, style="bold underline"))
        print_wrapped(console, Text(body))
    if found.example.strip():
        console.print()
        console.print(Text(_("A plan that triggers it"), style="bold underline"))
        console.print(Syntax(found.example.rstrip("\n"), "yaml", theme="ansi_dark", background_color="default",
                             word_wrap=True))  # wrapped, never cut: the example whole is in --format json
    console.print()
    console.print(Text(_("Fix"), style="bold underline"))
    print_wrapped(console, Text(doc["fix"]))
    if found.example_as_of:
        print_wrapped(console, Text(_("The example above triggers it as of {date} (`smmplan check --as-of {date}`).")
                                    .format(date=found.example_as_of), style="dim"))
    console.print()
    print_wrapped(console, Text(_("Silence it on one line with `# smmplan: ignore[{code}]`, or everywhere with "
                                  "`--ignore {code}`.").format(code=found.code), style="dim"))


@_command(help=N_(
    "Print the JSON Schema of the plan format, for editor completion and validation."))
def schema(
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=N_("Write the schema to this file."))] = None,
) -> None:
    import json

    from smmplan.schema import plan_schema

    text = json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        write_output(output, text)
    else:
        typer.echo(text, nl=False)


# --- suggest ----------------------------------------------------------------------

@_command(help=N_(
    "Rebalance a plan with the fewest changes, or write an N-week calendar that follows the formula."))
def suggest(
    plan: Annotated[Optional[str], typer.Argument(metavar="PLAN", help=N_("Plan to rebalance, or (with --weeks) to continue."))] = None,
    weeks: Annotated[Optional[int], typer.Option("--weeks", "-w", metavar="N", help=N_("Write a calendar of this many weeks."))] = None,
    start: Annotated[Optional[str], typer.Option("--start", metavar="DATE", help=N_("First day of the calendar (default: next Monday, "
                                                   "or the week after PLAN)."))] = None,
    per_week: Annotated[Optional[int], typer.Option("--posts-per-week", "-n", metavar="N", help=N_("Posts a week, 1-21 (default 5, "
                                                    "or PLAN's cadence)."))] = None,
    channels: Annotated[Optional[str], typer.Option("--channels", metavar="LIST", help=N_("Comma-separated channels, rotated."))] = None,
    formula: Annotated[Optional[str], typer.Option("--formula", metavar="NAME", help=N_("A preset (see `smmplan formulas`)."))] = None,
    brand: Annotated[Optional[str], typer.Option("--brand", metavar="NAME", help=N_("The brand the plan is for."))] = None,
    goal: Annotated[Optional[list[str]], typer.Option("--goal", metavar="KIND", help=N_("A goal with a fitting KPI: traffic, "
                                                      "awareness, loyalty or support (repeatable)."))] = None,
    language: Annotated[Optional[str], typer.Option("--language", metavar="LANG", help=N_("en or ru (default: PLAN's, else the language "
                                                                           "smmplan speaks)."))] = None,
    business: Annotated[Optional[str], typer.Option("--business", metavar="KIND", help=N_("Kind of business for the ideas: "
                                                    "cafe, beauty, fitness, b2b_software, retail, education, services, "
                                                    "events (default: PLAN's `business:`)."))] = None,
    retype_only: Annotated[bool, typer.Option("--retype-only", metavar="", help=N_("Rebalance without adding posts: retype (replace where the content forbids it) or move posts."))] = False,
    add_only: Annotated[bool, typer.Option("--add-only", metavar="", help=N_("Rebalance by adding posts only."))] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=N_("Write the plan (or export) to this file."))] = None,
    in_place: Annotated[bool, typer.Option("--in-place", metavar="", help=N_("Rewrite PLAN itself (atomically, comments kept)."))] = False,
    force: Annotated[bool, typer.Option("--force", metavar="", help=N_("Overwrite an existing --output file; rebalance even when some posts could not be read."))] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=N_("Calendar output: yaml, csv or ics."))] = "yaml",
    color: Annotated[str, typer.Option("--color", metavar="WHEN", help=N_("Colour of the grid: auto, always or never."))] = "auto",
) -> None:
    from smmplan.commands.suggest import run as run_suggest
    from smmplan.suggest import SuggestError

    try:
        code = run_suggest(plan, weeks=weeks, start=parse_date(start, "--start"), per_week=per_week, channels=channels,
                           formula=formula, brand=brand, goals=goal or [], language=language, retype_only=retype_only,
                           add_only=add_only, output=output, in_place=in_place, force=force, fmt=fmt, color=color,
                           business=business, lang=LANG_OPTION)
    except SuggestError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(code)


# --- import and export (glue in smmplan/sheets/commands.py) ------------------------


@_command(name="import", help=N_(
    "Import a content plan kept in a spreadsheet (CSV, XLSX, ODS) as a plan file, and check it.\n"
    "\n"
    "Exit status: 0 every row imported; 1 rows that cannot be read (nothing is\n"
    "written without --partial); 2 usage errors."))
def import_(
    source: Annotated[str, typer.Argument(metavar="FILE", help=N_("The sheet: .csv, .xlsx or .ods."))],
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="PLAN", help=N_("The plan to write "
                                                  "(default: FILE with .yaml; - for standard output)."))] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", metavar="NAME", help=N_("The workbook's sheet to read "
                                                 "(default: the first visible one)."))] = None,
    maps: Annotated[Optional[list[str]], typer.Option("--map", metavar="COLUMN=FIELD", help=N_("Read this column as "
                                                      "this post field (- to skip it); repeatable."))] = None,
    date_format: Annotated[Optional[str], typer.Option("--date-format", metavar="FORMAT", help=N_("DD/MM/YYYY or "
                                                       "MM/DD/YYYY, when the dates cannot tell."))] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help=N_("Year of dates written without one "
                                                "(default: the sheet's other dates, else this year)."))] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", metavar="NAME", help=N_("A CSV file's encoding "
                                                    "(default: UTF-8, else cp1251)."))] = None,
    keep_unmapped: Annotated[bool, typer.Option("--keep-unmapped", metavar="", help=N_("Keep columns smmplan cannot "
                                                "map in each post's notes."))] = False,
    partial: Annotated[bool, typer.Option("--partial", metavar="", help=N_("Write the plan even when some rows "
                                          "cannot be read (they are listed)."))] = False,
    force: Annotated[bool, typer.Option("--force", metavar="", help=N_("Replace an existing output file."))] = False,
    brand: Annotated[Optional[str], typer.Option("--brand", metavar="NAME", help=N_("The brand the plan is for."))] = None,
) -> None:
    _sheets("import_sheet", source=source, output=output, sheet=sheet, maps=maps or [], date_format=date_format,
            year=year, encoding=encoding, keep_unmapped=keep_unmapped, partial=partial, force=force, brand=brand)


def _sheets(command: str, **options) -> None:
    """Run a command of smmplan/sheets/commands.py: its exit status, or exit 2 with its usage message."""
    from smmplan.sheets import commands

    try:
        code = getattr(commands, command)(**options, lang=LANG_OPTION)
    except commands.UsageProblem as exc:
        raise fail(sentence(str(exc))) from None
    raise typer.Exit(code)


@_command(help=N_(
    "Export a checked plan for a scheduler's bulk upload, a client workbook, CSV or a calendar.\n"
    "\n"
    "Exit status: 0 written; 1 nothing written (plan errors, or posts the target\n"
    "would refuse, all listed); 2 usage errors."))
def export(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help=N_("The plan file to export."))],
    to: Annotated[str, typer.Option("--to", "-t", metavar="TARGET", help=N_("buffer, hootsuite, sprout, metricool, "
                                                                            "publer, postiz, xlsx, csv or ics."))],
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE|DIR", help=N_("Where to write: a file, "
                                                  "or a folder for targets with one file per channel."))] = None,
    include_all: Annotated[bool, typer.Option("--all", metavar="", help=N_("Export every post that is not cancelled "
                                              "(default: approved and scheduled ones)."))] = False,
    split: Annotated[bool, typer.Option("--split", metavar="", help=N_("Write several files where the target takes "
                                        "fewer rows a file."))] = False,
    force: Annotated[bool, typer.Option("--force", metavar="", help=N_("Replace existing output files."))] = False,
    no_check: Annotated[bool, typer.Option("--no-check", metavar="", help=N_("Export even if the plan has errors."))] = False,
    date_format: Annotated[Optional[str], typer.Option("--date-format", metavar="FORMAT", help=N_("Hootsuite and "
                                                       "Sprout dates: DD/MM/YYYY (default) or MM/DD/YYYY."))] = None,
    integrations: Annotated[Optional[list[str]], typer.Option("--integration", metavar="CHANNEL=ID", help=N_("Postiz "
                                                              "integration id of a channel; repeatable."))] = None,
    now: Annotated[Optional[str], typer.Option("--now", metavar="DATETIME", help=N_("Judge lead times from this moment "
                                               "(default: now)."))] = None,
) -> None:
    _sheets("export_plan", plan=plan, to=to.lower(), output=output, include_all=include_all, split=split, force=force,
            no_check=no_check, date_format=date_format, integrations=integrations or [], now=now)


# --- entry point ------------------------------------------------------------------


def run() -> None:
    """The `smmplan` command (and `python -m smmplan`): :func:`main`, run lean.

    A run builds one big acyclic tree per plan, which the cyclic garbage
    collector would only rescan, again and again (a third of a 20,000-post
    check): automatic collection is off for the run. When the run is over,
    ``gc.freeze()`` moves every object left to the permanent generation, so
    the collection Python makes as it shuts down does not walk them all once
    more (some 30 ms of a small plan's run). Shutdown is otherwise Python's
    own: atexit handlers, coverage and logging run as usual. In-process
    callers use :func:`main`, which touches neither.
    """
    if sys.argv[1:] in (["--version"], ["-V"]):  # answered before typer builds every command
        typer.echo(f"smmplan {__version__}")
        return
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


LANG_OPTION: str | None = None  # --lang as given on this run's command line (set by main)


def _take_lang(args: list[str]) -> list[str]:
    """Take ``--lang LANG`` (or ``--lang=LANG``) from anywhere on the line, as ``--debug``:
    the help of every command must already speak it. Sets :data:`LANG_OPTION`; :func:`main`
    speaks it (else the locale's language) for the run, and a plan's own language and the
    config's ``lang`` decide that plan's report. ValueError for a value that names no language."""
    global LANG_OPTION
    from smmplan import locale

    out: list[str] = []
    value = None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            out += args[i:]
            break
        if a == "--lang" or a.startswith("--lang="):
            if a == "--lang":
                if i + 1 >= len(args):
                    with locale.speaking(locale.choose()):  # said in the locale's language
                        raise ValueError(_("--lang takes en or ru."))
                value, i = args[i + 1], i + 2
            else:
                value, i = a.split("=", 1)[1], i + 1
            if locale.normalise(value) is None:
                with locale.speaking(locale.choose()):
                    raise ValueError(_("--lang takes en or ru, not `{value}`.").format(value=value))
            continue
        out.append(a)
        i += 1
    LANG_OPTION = locale.normalise(value) if value is not None else None
    return out


def _terminated(signum, frame) -> None:
    """SIGTERM (a CI job cancelled, `timeout`): unwind like Ctrl-C, so that a file being
    written loses its temporary file and forked workers are stopped, then exit 143."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Console entry: an unexpected exception is a bug, reported in one line."""
    import signal

    try:
        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # a host's own handler is left alone
            signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread of an in-process caller: its business
        pass
    argv = sys.argv[1:]
    debug = "--debug" in argv  # accepted anywhere on the line
    args = [a for a in argv if a != "--debug"]
    try:
        args = _take_lang(args)
    except ValueError as exc:
        say(str(exc))
        sys.exit(EXIT_USAGE)
    global LANG_OPTION
    try:
        with speaking(choose(LANG_OPTION)):  # the run's language, for this run only (main may run in-process)
            _main(args, debug)
    finally:
        LANG_OPTION = None


def _main(args: list[str], debug: bool) -> None:
    try:
        if current() == "en":
            _app_for(args)(args=args, prog_name="smmplan")  # typer's own help, usage errors and exit
        else:  # the same, with typer's usage errors written in the user's language
            from smmplan.commands import usage

            sys.exit(usage.run(_app_for(args), args))
    except SystemExit:
        raise
    except KeyboardInterrupt:
        say(_("interrupted"))
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        say(_("internal error: {error}. This is a bug in smmplan; rerun with --debug for the traceback.").format(
            error=f"{type(exc).__name__}: {exc}"))
        sys.exit(EXIT_USAGE)
