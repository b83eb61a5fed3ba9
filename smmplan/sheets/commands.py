"""The glue of `smmplan import` and `smmplan export`: options in, files and a summary out.

cli.py parses the options and calls :func:`import_sheet` or :func:`export_plan`;
each returns the exit status (0 done; 1 rows or posts left out or blocked; 2
usage errors) after printing what it did.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

EXIT_OK, EXIT_LOST, EXIT_USAGE = 0, 1, 2


class UsageProblem(Exception):
    """Bad options or an unusable input: the message is printed and the exit status is 2."""


def _say(text: str = "", out: TextIO | None = None) -> None:
    print(text, file=out or sys.stdout)


def _settings_for(path: str):
    from smmplan.config import ConfigError, ConfigFinder, settings_for

    try:
        return settings_for(ConfigFinder().for_path(os.path.abspath(path)))
    except ConfigError as exc:
        raise UsageProblem(f"config error: {exc}") from None


def default_output(source: str, suffix: str) -> str:
    stem = os.path.splitext(source)[0]
    return stem + suffix


def check_new_output(path: str, force: bool, inputs: list[str]) -> None:
    """Refuse to write over an input, or over an existing file without --force."""
    real = os.path.realpath(path)
    if any(os.path.realpath(p) == real for p in inputs):
        raise UsageProblem(f"{path} is the input; choose another output file with -o.")
    if os.path.exists(path) and not force:
        raise UsageProblem(f"{path} exists; give --force to replace it, or choose another file with -o.")


# --- import ---------------------------------------------------------------------------


def import_sheet(source: str, output: str | None = None, *, sheet: str | None = None, maps: list[str] = (),
                 date_format: str | None = None, year: int | None = None, encoding: str | None = None,
                 keep_unmapped: bool = False, partial: bool = False, force: bool = False,
                 brand: str | None = None) -> int:
    from smmplan.sheets.importer import ImportError_, NoHeader, import_table, parse_map
    from smmplan.sheets.read import SheetError, read_table

    to_stdout = output == "-"
    target = None if to_stdout else (output or default_output(source, ".yaml"))
    if target:
        check_new_output(target, force, [source])
    note = sys.stderr if to_stdout else sys.stdout
    try:
        overrides = parse_map(list(maps))
        table = read_table(source, sheet, encoding)
        options = dict(overrides=overrides, date_format=date_format, year=year, keep_unmapped=keep_unmapped)
        try:
            found = import_table(table, **options)
        except NoHeader:  # a cover or instructions sheet first: the plan is on the first sheet that has a header
            for name in table.other_sheets if sheet is None else ():
                try:
                    table = read_table(source, name)
                    found = import_table(table, **options)
                    break
                except NoHeader:
                    continue
            else:
                raise
    except (SheetError, ImportError_) as exc:
        raise UsageProblem(f"{source}: {exc}") from None
    how = (f"sheet `{table.sheet}`" if table.sheet else f"{table.encoding}, delimiter {_delimiter(table.delimiter)}")
    _say(f"Read {source} ({how}): header on row {found.header_row}, {found.rows_read} "
         f"row{'s' * (found.rows_read != 1)} below it.", note)
    mapped = sorted(found.mapping.items(), key=lambda kv: kv[1])
    _say("  Columns: " + ", ".join(f"{found.headers[col]} -> {name}" for name, col in mapped), note)
    for line in found.decisions:
        _say(f"  {line}", note)
    if found.skipped:
        rows = ", ".join(map(str, found.skipped[:10])) + (" ..." if len(found.skipped) > 10 else "")
        _say(f"  Rows with no post field filled, read as headings and skipped: {rows}", note)
    if found.unmapped:
        what = "kept in notes" if keep_unmapped else "not imported (--keep-unmapped keeps them in notes)"
        _say(f"  Columns {what}: {', '.join(found.unmapped)}", note)
    if found.problems:
        rows = len({p.row for p in found.problems})
        _say(f"{rows} row{'s' * (rows != 1)} cannot be read:", note)
        for p in found.problems:
            _say(f"  {source}: {p}", note)
        if not partial:
            _say(f"Nothing written: {rows} row{'s' * (rows != 1)} would be lost. Fix {'them' if rows > 1 else 'it'} "
                 f"in the sheet, or give --partial to write the {len(found.posts)} post"
                 f"{'s' * (len(found.posts) != 1)} that were read.", note)
            return EXIT_LOST
    if not found.posts:
        _say("Nothing written: the sheet has no posts.", note)
        return EXIT_LOST if found.problems else EXIT_OK
    text = plan_text(found, source, brand)
    shown = target or "<stdout>"
    if to_stdout:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write(target, text)
    lost_rows = len({p.row for p in found.problems})
    lost = f"; {lost_rows} row{'s' * (lost_rows != 1)} left out (--partial)" if lost_rows else ""
    _say(f"Wrote {shown}: {len(found.posts)} post{'s' * (len(found.posts) != 1)} from {found.rows_read} row{'s' * (found.rows_read != 1)}{lost}.",
         note)
    _report_check(text.encode("utf-8"), target or os.path.splitext(source)[0] + ".yaml", note)
    return EXIT_LOST if found.problems else EXIT_OK


def _delimiter(d: str | None) -> str:
    return {"\t": "tab", None: "-"}.get(d, f"`{d}`")


def plan_text(found, source: str, brand: str | None) -> str:
    from smmplan import ideas, writer

    from smmplan.sheets.importer import settings_of

    header = {"brand": brand, **settings_of(found.table)}
    header["brand"] = brand or header.get("brand")
    header.setdefault("language", "ru" if ideas.is_russian(None, [p["title"] for p in found.posts]) else "en")
    header["channels"] = found.channels
    comments = [f"Imported by smmplan from {os.path.basename(source)}"
                + (f" (sheet {found.table.sheet})" if found.table.sheet else "") + "."]
    return writer.new_plan(header, found.posts, comments)


def _write(path: str, text: str | bytes) -> None:
    from smmplan.io import atomic_write

    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        atomic_write(path, text)
    except OSError as exc:
        raise UsageProblem(f"cannot write {path}: {exc.strerror or exc}") from None


def _report_check(data: bytes, path: str, out: TextIO) -> None:
    """The check of the new plan: its findings, one line each, and the summary line `check` prints."""
    from smmplan.engine import check_bytes

    result = check_bytes(data, path, _settings_for(path))
    _report_findings(result, out)
    _say(f"Checked {path}: {result.errors} error{'s' * (result.errors != 1)}, "
         f"{result.warnings} warning{'s' * (result.warnings != 1)}.", out)


# --- export ---------------------------------------------------------------------------

STDOUT_TARGETS = ("csv", "ics", "postiz", "metricool")


def export_plan(plan: str, to: str, output: str | None = None, *, include_all: bool = False, split: bool = False,
                force: bool = False, no_check: bool = False, date_format: str | None = None,
                integrations: list[str] = (), now: str | None = None) -> int:
    from smmplan.engine import check_path
    from smmplan.sheets import export, targets

    if to not in targets.MODULES:
        raise UsageProblem(f"unknown target `{to}`; choose one of: {', '.join(targets.MODULES)}")
    target = targets.get(to)
    options = targets.Options(date_order=_date_order(date_format), integrations=_integrations(integrations))
    moment = _now(now)
    if output == "-" and (to not in STDOUT_TARGETS or split):
        raise UsageProblem(f"`-o -` writes one text file to standard output; {target.title} "
                           f"{'writes one file per channel' if target.per_channel else 'is not text'}"
                           if to not in STDOUT_TARGETS else "--split writes several files; give -o FILE")
    if not os.path.isfile(plan):
        raise UsageProblem(f"{plan}: no such plan file")
    result = check_path(plan, _settings_for(plan))
    if result.plan is None:
        _report_findings(result, sys.stderr)
        raise UsageProblem(f"{plan}: the plan cannot be read; run `smmplan check {plan}` and fix it first")
    note = sys.stderr if output == "-" else sys.stdout
    if result.errors and not no_check:
        _report_findings(result, note)
        _say(f"Nothing exported: {plan} has {result.errors} error{'s' * (result.errors != 1)} "
             f"(`smmplan check {plan}`); fix {'them' if result.errors > 1 else 'it'}, or give --no-check.", note)
        return EXIT_LOST
    options.brand, options.plan = result.plan.brand, result.plan
    stem = os.path.splitext(os.path.basename(plan))[0]
    done = export.build(result, target, include_all=include_all, split=split, now=moment, options=options, stem=stem)
    if done.left_out:
        _say(export.left_out_text(done.left_out, include_all), note)
    if done.blockers:
        n = len(done.blockers)
        _say(f"Nothing exported: {target.title} would refuse {'this' if n == 1 else f'these {n}'}:", note)
        for b in done.blockers:
            _say(f"  {plan}:{b.line}: {b.message}" if b.line else f"  {plan}: {b.message}", note)
        return EXIT_LOST
    if not done.items:
        _say(f"Nothing exported: no post of {plan} is ready for {target.title}.", note)
        return EXIT_LOST
    if output == "-":
        sys.stdout.write(next(iter(done.files.values())).removeprefix("\ufeff"))  # the mark is for Excel, not pipes
        sys.stdout.flush()
        paths = {"<stdout>": n for n in done.counts.values()}
    else:
        paths = _write_files(done, plan, to, output, force)
    listed = ", ".join(f"{p} ({n})" for p, n in paths.items()) if len(paths) > 1 else next(iter(paths))
    _say(f"Exported {len(done.items)} post{'s' * (len(done.items) != 1)} for {target.title}: {listed}", note)
    if not target.verified:
        _say(f"  Note: {target.title}'s format could not be checked against its own documentation "
             "(docs/sheets.md); try one file before a large upload.", note)
    return EXIT_OK


def _write_files(done, plan: str, to: str, output: str | None, force: bool) -> dict[str, int]:
    target = done.target
    stem = os.path.splitext(plan)[0]
    if target.per_channel:
        directory = output or f"{stem}-{to}"
        if os.path.exists(directory) and not os.path.isdir(directory):
            raise UsageProblem(f"{directory} is a file; {target.title} writes one file per channel into a folder")
        paths = {os.path.join(directory, name): name for name in done.files}
    else:
        single = output or (stem + target.suffix if to in ("csv", "ics", "xlsx") else f"{stem}-{to}{target.suffix}")
        base, suffix = os.path.splitext(single)
        names = list(done.files)
        paths = ({single: names[0]} if len(names) == 1
                 else {f"{base}-{n}{suffix}": name for n, name in enumerate(names, 1)})
    existing = [p for p in paths if os.path.exists(p)]
    if existing and not force:
        raise UsageProblem(f"{', '.join(existing)} exist{'s' * (len(existing) == 1)}; give --force to replace, "
                           "or choose another place with -o")
    for p in paths:
        check_new_output(p, True, [plan])
    for path, name in paths.items():
        _write(path, done.files[name])
    return {path: done.counts[name] for path, name in paths.items()}


def _date_order(fmt: str | None) -> str:
    from smmplan.sheets.importer import DATE_FORMATS

    if fmt is None:
        return "DMY"
    key = fmt.strip().upper()
    if key not in DATE_FORMATS:
        raise UsageProblem(f"--date-format takes DD/MM/YYYY or MM/DD/YYYY, not `{fmt}`")
    return DATE_FORMATS[key]


def _integrations(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        channel, sep, ident = item.partition("=")
        if not sep or not channel.strip() or not ident.strip():
            raise UsageProblem(f"--integration takes CHANNEL=ID, not `{item}`")
        out[channel.strip().lower()] = ident.strip()
    return out


def _now(text: str | None):
    import datetime as dt

    from smmplan.sheets.zones import machine_zone

    if text is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"--now takes a date and time as YYYY-MM-DDTHH:MM, not `{text}`") from None
    if moment.tzinfo is None:
        import zoneinfo

        moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(machine_zone()))
    return moment


def _report_findings(result, out: TextIO) -> None:
    from smmplan import report

    buf = io.StringIO()
    report.get("concise").render([result], buf)
    lines = buf.getvalue().splitlines()
    for line in lines[:20]:
        _say(f"  {line}", out)
    if len(lines) > 20:
        _say(f"  ... and {len(lines) - 20} more: run `smmplan check {result.path}`", out)
