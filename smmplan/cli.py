"""The command line: parse options, call the core, choose a reporter.

Keep this module light: only typer and the standard library are imported at
start-up; pydantic, rich and the rules load inside the commands that use them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from smmplan import __version__

app = typer.Typer(
    name="smmplan",
    help="Content-mix planner and linter for social-media content plans (YAML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad paths, options or config: exit 2 with the message."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smmplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """smmplan holds content plans to a content formula, honest promotion and transparent KPIs."""


# --- helpers shared by commands ---------------------------------------------------


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"smmplan: {message}", err=True)
    return typer.Exit(code)


def parse_date(value: str | None, option: str):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} takes a date as YYYY-MM-DD, not `{value}`.") from None


PLAN_SUFFIXES = (".yaml", ".yml")


def collect_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """Expand files and directories into plan files. Returns (files, problems).

    Files named explicitly are always checked; directories are searched
    recursively for *.yaml and *.yml. Paths that cannot be read are problems
    (exit 2), but the other files are still checked.
    """
    files: list[str] = []
    problems: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                found = []
                for root, dirs, names in os.walk(p, followlinks=False):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    found += [os.path.join(root, n) for n in sorted(names) if n.endswith(PLAN_SUFFIXES)]
                if not found:
                    problems.append(f"{raw}: no plan files (*.yaml, *.yml) in this directory")
                for f in found:
                    add(f)
            elif p.exists():
                if not p.is_file():
                    problems.append(f"{raw}: not a regular file (a FIFO, device or socket is not read)")
                else:
                    add(raw)
            elif p.is_symlink():
                problems.append(f"{raw}: broken or looping symbolic link")
            else:
                problems.append(f"{raw}: no such file or directory")
        except OSError as exc:
            problems.append(f"{raw}: {exc.strerror or exc}")
    return files, problems


def write_output(path: str, text: str, protect: list[str] = ()) -> None:
    """Write `text` to `path` atomically; never over one of the `protect`ed inputs."""
    from smmplan.io import atomic_write

    target = os.path.realpath(path)
    if any(os.path.realpath(p) == target for p in protect):
        raise fail(f"{path} is one of the plans being checked; choose another output file.")
    existed = os.path.exists(path)
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror or exc}") from None
    if existed:
        typer.echo(f"smmplan: replaced {path}", err=True)


# --- check ------------------------------------------------------------------------

FORMAT_HELP = "Report format: text or json."
COLOR_CHOICES = ("auto", "always", "never")


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Plan files or directories (default: plans/).")] = None,
    fmt: Annotated[str, typer.Option("--format", "--output-format", "-f", help=FORMAT_HELP)] = "text",
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date to judge progress and due posts by (default today).")] = None,
    color: Annotated[str, typer.Option("--color", help="Colour: auto, always or never.")] = "auto",
    max_file_size: Annotated[
        Optional[float], typer.Option("--max-file-size", help="Largest plan file read, in MiB (default 32).")
    ] = None,
) -> None:
    """Check plans against the content formula and report what to change."""
    from smmplan import report

    if fmt not in report.FORMATS:
        raise fail(f"unknown format `{fmt}`; choose one of: {', '.join(report.FORMATS)}.")
    if color not in COLOR_CHOICES:
        raise fail(f"--color takes auto, always or never, not `{color}`.")
    if max_file_size is not None and max_file_size <= 0:
        raise fail("--max-file-size must be a positive number of MiB.")

    from smmplan.config import Settings
    from smmplan.engine import check_path

    settings = Settings(as_of=parse_date(as_of, "--as-of"))
    if max_file_size is not None:
        settings = settings.merged(max_file_size=int(max_file_size * 1024 * 1024))
    targets = paths or ["plans"]
    files, problems = collect_paths(targets)
    for p in problems:
        typer.echo(f"smmplan: {p}", err=True)
    results = []
    for f in files:
        try:
            results.append(check_path(f, settings))
        except OSError as exc:
            problems.append(f)
            typer.echo(f"smmplan: {f}: cannot read: {exc.strerror or exc}", err=True)
    _emit(results, fmt, output, color, files)
    raise typer.Exit(_exit_code(results, problems))


def _emit(results: list, fmt: str, output: str | None, color: str, inputs: list[str]) -> None:
    import io

    from smmplan import report

    reporter = report.get(fmt, color="never" if output else color)
    if output:
        buf = io.StringIO()
        reporter.render(results, buf)
        write_output(output, buf.getvalue(), protect=inputs)
    else:
        reporter.render(results, sys.stdout)
    s = report.summary(results)
    plans = "plan" if s["plans"] == 1 else "plans"
    typer.echo(
        f"Checked {s['plans']} {plans}: {s['errors']} error{'s' * (s['errors'] != 1)}, "
        f"{s['warnings']} warning{'s' * (s['warnings'] != 1)}.",
        err=True,
    )


def _exit_code(results: list, problems: list) -> int:
    if problems:
        return EXIT_USAGE
    if any(f.severity == "error" for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


# --- formulas ---------------------------------------------------------------------


@app.command()
def formulas(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List the content formulas (presets) and their shares."""
    from smmplan.formulas import DEFAULT_FORMULA, PRESETS

    if fmt == "json":
        import json

        typer.echo(json.dumps({n: {"shares": f.percents(), "description": f.description}
                               for n, f in PRESETS.items()}, indent=2, ensure_ascii=False))
        return
    if fmt != "text":
        raise fail(f"unknown format `{fmt}`; choose text or json.")
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0))
    table.add_column("formula")
    table.add_column("shares")
    table.add_column("what it is", overflow="fold")
    for name, f in PRESETS.items():
        shares = ", ".join(f"{c} {p:.4g} %" for c, p in f.percents().items())
        table.add_row(name + (" (default)" if name == DEFAULT_FORMULA else ""), shares, f.description)
    Console(highlight=False).print(table)


# --- entry point ------------------------------------------------------------------


def main() -> None:
    """Console entry: an unexpected exception is a bug, reported in one line."""
    argv = sys.argv[1:]
    debug = "--debug" in argv  # accepted anywhere on the line
    try:
        app(args=[a for a in argv if a != "--debug"], prog_name="smmplan")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("smmplan: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        typer.echo(
            f"smmplan: internal error: {type(exc).__name__}: {exc}. This is a bug in smmplan; "
            "rerun with --debug for the traceback.",
            err=True,
        )
        sys.exit(EXIT_USAGE)
