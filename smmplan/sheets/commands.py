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

from smmplan.locale import _, ngettext, speaking
from smmplan.visible import visible_path

EXIT_OK, EXIT_LOST, EXIT_USAGE = 0, 1, 2


class UsageProblem(Exception):
    """Bad options or an unusable input: the message is printed and the exit status is 2."""


def _say(text: str = "", out: TextIO | None = None) -> None:
    """A line of the command's report, on one line whatever file names, sheet names and cells it
    quotes (see smmplan.visible: shown, never obeyed)."""
    print(visible_path(text), file=out or sys.stdout)


def _settings_for(path: str, lang: str | None = None):
    """The settings for a plan at `path`: its config's, with `--lang` (None when not given)."""
    from smmplan.config import ConfigError, ConfigFinder, settings_for

    try:
        return settings_for(ConfigFinder().for_path(os.path.abspath(path)), lang=lang)
    except ConfigError as exc:
        raise UsageProblem(_("config error: {error}").format(error=exc)) from None


def default_output(source: str, suffix: str) -> str:
    stem = os.path.splitext(source)[0]
    return stem + suffix


def check_new_output(path: str, force: bool, inputs: list[str]) -> None:
    """Refuse to write over an input, or over an existing file without --force."""
    real = os.path.realpath(path)
    if any(os.path.realpath(p) == real for p in inputs):
        raise UsageProblem(_("{path} is the input; choose another output file with -o.").format(path=path))
    if os.path.exists(path) and not force:
        raise UsageProblem(_("{path} exists; give --force to replace it, or choose another file with -o.").format(
            path=path))


# --- import ---------------------------------------------------------------------------


def import_sheet(source: str, output: str | None = None, *, sheet: str | None = None, maps: list[str] = (),
                 date_format: str | None = None, year: int | None = None, encoding: str | None = None,
                 keep_unmapped: bool = False, partial: bool = False, force: bool = False,
                 brand: str | None = None, lang: str | None = None) -> int:
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
    n = found.rows_read
    if table.sheet:
        said = ngettext("Read {source} (sheet `{sheet}`): header on row {header}, {n} row below it.",
                        "Read {source} (sheet `{sheet}`): header on row {header}, {n} rows below it.", n)
    else:
        said = ngettext("Read {source} ({encoding}, delimiter {delimiter}): header on row {header}, {n} row below it.",
                        "Read {source} ({encoding}, delimiter {delimiter}): header on row {header}, {n} rows below "
                        "it.", n)
    _say(said.format(source=source, sheet=table.sheet, encoding=table.encoding, delimiter=_delimiter(table.delimiter),
                     header=found.header_row, n=n), note)
    mapped = sorted(found.mapping.items(), key=lambda kv: kv[1])
    _say("  " + _("Columns: {columns}").format(
        columns=", ".join(f"{found.headers[col]} -> {name}" for name, col in mapped)), note)
    for line in found.decisions:
        _say(f"  {line}", note)
    if found.skipped:
        rows = ", ".join(map(str, found.skipped[:10])) + (" ..." if len(found.skipped) > 10 else "")
        _say("  " + _("Rows with no post field filled, read as headings and skipped: {rows}").format(rows=rows), note)
    if found.unmapped:
        said = (_("Columns kept in notes: {columns}") if keep_unmapped else
                _("Columns not imported (--keep-unmapped keeps them in notes): {columns}"))
        _say("  " + said.format(columns=", ".join(found.unmapped)), note)
    if found.problems:
        rows = len({p.row for p in found.problems})
        _say(ngettext("{n} row cannot be read:", "{n} rows cannot be read:", rows).format(n=rows), note)
        for p in found.problems:
            _say(f"  {source}: {p}", note)
        if not partial:
            posts = len(found.posts)
            said = ngettext("Nothing written: {n} row would be lost. Fix it in the sheet, or give --partial to write "
                            "the {posts} that were read.",
                            "Nothing written: {n} rows would be lost. Fix them in the sheet, or give --partial to "
                            "write the {posts} that were read.", rows)
            _say(said.format(n=rows, posts=ngettext("{n} post", "{n} posts", posts).format(n=posts)), note)
            return EXIT_LOST
    if not found.posts:
        _say(_("Nothing written: the sheet has no posts."), note)
        return EXIT_LOST if found.problems else EXIT_OK
    text = plan_text(found, source, brand)
    shown = target or "<stdout>"
    if to_stdout:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write(target, text)
    lost = len({p.row for p in found.problems})
    posts = len(found.posts)
    rows = ngettext("from {n} row", "from {n} rows", found.rows_read).format(n=found.rows_read)
    if lost:
        said = ngettext("Wrote {path}: {n} post {rows}; {lost}.", "Wrote {path}: {n} posts {rows}; {lost}.", posts)
    else:
        said = ngettext("Wrote {path}: {n} post {rows}.", "Wrote {path}: {n} posts {rows}.", posts)
    lost_text = ngettext("{n} row left out (--partial)", "{n} rows left out (--partial)", lost).format(n=lost)
    _say(said.format(path=shown, n=posts, rows=rows, lost=lost_text), note)
    _report_check(text.encode("utf-8"), target or os.path.splitext(source)[0] + ".yaml", note, lang)
    return EXIT_LOST if found.problems else EXIT_OK


def _delimiter(d: str | None) -> str:
    return {"\t": _("tab"), None: "-"}.get(d, f"`{d}`")


def plan_text(found, source: str, brand: str | None) -> str:
    from smmplan import ideas, writer

    from smmplan.sheets.importer import settings_of

    header = {"brand": brand, **settings_of(found.table)}
    header["brand"] = brand or header.get("brand")
    header.setdefault("language", "ru" if ideas.is_russian(None, [p["title"] for p in found.posts]) else "en")
    header["channels"] = found.channels
    said = (_("Imported by smmplan from {file} (sheet {sheet}).") if found.table.sheet else
            _("Imported by smmplan from {file}."))
    comments = [said.format(file=os.path.basename(source), sheet=found.table.sheet)]
    return writer.new_plan(header, found.posts, comments)


def _write(path: str, text: str | bytes) -> None:
    from smmplan.io import atomic_write

    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        atomic_write(path, text)
    except OSError as exc:
        raise UsageProblem(_("cannot write {path}: {error}").format(path=path, error=exc.strerror or exc)) from None


def _report_check(data: bytes, path: str, out: TextIO, lang: str | None = None) -> None:
    """The check of the new plan: its findings, one line each, and the summary line `check` prints."""
    from smmplan.engine import check_bytes

    result = check_bytes(data, path, _settings_for(path, lang))
    _report_findings(result, out)
    _say(_("Checked {path}: {errors}, {warnings}.").format(
        path=path, errors=ngettext("{n} error", "{n} errors", result.errors).format(n=result.errors),
        warnings=ngettext("{n} warning", "{n} warnings", result.warnings).format(n=result.warnings)), out)


# --- export ---------------------------------------------------------------------------

STDOUT_TARGETS = ("csv", "ics", "postiz", "metricool")


def export_plan(plan: str, to: str, output: str | None = None, *, include_all: bool = False, split: bool = False,
                force: bool = False, no_check: bool = False, date_format: str | None = None,
                integrations: list[str] = (), now: str | None = None, lang: str | None = None) -> int:
    from smmplan.engine import check_path
    from smmplan.sheets import export, targets

    if to not in targets.MODULES:
        raise UsageProblem(_("unknown target `{target}`; choose one of: {targets}").format(
            target=to, targets=", ".join(targets.MODULES)))
    target = targets.get(to)
    options = targets.Options(date_order=_date_order(date_format), integrations=_integrations(integrations))
    moment = _now(now)
    title = _(target.title)
    if output == "-" and (to not in STDOUT_TARGETS or split):
        if to in STDOUT_TARGETS:
            said = _("--split writes several files; give -o FILE")
        elif target.per_channel:
            said = _("`-o -` writes one text file to standard output; {target} writes one file per channel")
        else:
            said = _("`-o -` writes one text file to standard output; {target} is not text")
        raise UsageProblem(said.format(target=title))
    if not os.path.isfile(plan):
        raise UsageProblem(_("{plan}: no such plan file").format(plan=plan))
    result = check_path(plan, _settings_for(plan, lang))
    with speaking(result.language):  # what is said of the plan is said in its report language
        title = _(target.title)
        if result.plan is None:
            _report_findings(result, sys.stderr)
            raise UsageProblem(_("{plan}: the plan cannot be read; run `smmplan check {plan}` and fix it "
                                 "first").format(plan=plan))
        note = sys.stderr if output == "-" else sys.stdout
        if result.errors and not no_check:
            _report_findings(result, note)
            _say(ngettext("Nothing exported: {plan} has {n} error (`smmplan check {plan}`); fix it, or give "
                          "--no-check.",
                          "Nothing exported: {plan} has {n} errors (`smmplan check {plan}`); fix them, or give "
                          "--no-check.", result.errors).format(plan=plan, n=result.errors), note)
            return EXIT_LOST
        options.brand, options.plan = result.plan.brand, result.plan
        stem = os.path.splitext(os.path.basename(plan))[0]
        done = export.build(result, target, include_all=include_all, split=split, now=moment, options=options,
                            stem=stem)
        if done.left_out:
            _say(export.left_out_text(done.left_out, include_all), note)
        if done.blockers:
            n = len(done.blockers)
            _say(ngettext("Nothing exported: {target} would refuse this:", "Nothing exported: {target} would refuse "
                          "these {n}:", n).format(target=title, n=n), note)
            for b in done.blockers:
                _say(f"  {plan}:{b.line}: {b.message}" if b.line else f"  {plan}: {b.message}", note)
            return EXIT_LOST
        if not done.items:
            _say(_("Nothing exported: no post of {plan} is ready for {target}.").format(plan=plan, target=title), note)
            return EXIT_LOST
        if output == "-":
            sys.stdout.write(next(iter(done.files.values())).removeprefix("\ufeff"))  # the mark is for Excel, not pipes
            sys.stdout.flush()
            paths = {"<stdout>": n for n in done.counts.values()}
        else:
            paths = _write_files(done, plan, to, output, force)
        listed = ", ".join(f"{p} ({n})" for p, n in paths.items()) if len(paths) > 1 else next(iter(paths))
        n = len(done.items)
        _say(ngettext("Exported {n} post for {target}: {files}", "Exported {n} posts for {target}: {files}", n).format(
            n=n, target=title, files=listed), note)
        if not target.verified:
            _say("  " + _("Note: {target}'s format could not be checked against its own documentation "
                          "(docs/sheets.md); try one file before a large upload.").format(target=title), note)
        return EXIT_OK


def _write_files(done, plan: str, to: str, output: str | None, force: bool) -> dict[str, int]:
    target = done.target
    stem = os.path.splitext(plan)[0]
    if target.per_channel:
        directory = output or f"{stem}-{to}"
        if os.path.exists(directory) and not os.path.isdir(directory):
            raise UsageProblem(_("{folder} is a file; {target} writes one file per channel into a folder").format(
                folder=directory, target=_(target.title)))
        paths = {os.path.join(directory, name): name for name in done.files}
    else:
        single = output or (stem + target.suffix if to in ("csv", "ics", "xlsx") else f"{stem}-{to}{target.suffix}")
        base, suffix = os.path.splitext(single)
        names = list(done.files)
        paths = ({single: names[0]} if len(names) == 1
                 else {f"{base}-{n}{suffix}": name for n, name in enumerate(names, 1)})
    existing = [p for p in paths if os.path.exists(p)]
    if existing and not force:
        raise UsageProblem(ngettext("{files} exists; give --force to replace, or choose another place with -o",
                                    "{files} exist; give --force to replace, or choose another place with -o",
                                    len(existing)).format(files=", ".join(existing)))
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
        raise UsageProblem(_("--date-format takes DD/MM/YYYY or MM/DD/YYYY, not `{value}`").format(value=fmt))
    return DATE_FORMATS[key]


def _integrations(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        channel, sep, ident = item.partition("=")
        if not sep or not channel.strip() or not ident.strip():
            raise UsageProblem(_("--integration takes CHANNEL=ID, not `{value}`").format(value=item))
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
        raise UsageProblem(_("--now takes a date and time as YYYY-MM-DDTHH:MM, not `{value}`").format(
            value=text)) from None
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
        _say("  " + _("... and {n} more: run `smmplan check {path}`").format(n=len(lines) - 20, path=result.path), out)
