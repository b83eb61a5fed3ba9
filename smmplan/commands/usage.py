"""Help and usage errors in a language other than English.

typer (with the click it carries) writes its own words in English: the help's
`Usage:`, `Options`, `Arguments` and `Commands`, `[default: ...]`, and the
usage errors (`No such option`, `Missing argument`...). smmplan's command
classes (:class:`smmplan.cli.Command`) and its help formatter call this module
only when the language is not English, so English help and errors are
typer's own, untouched and at no cost:

- :func:`translated_help`: a command's help, its parameters' help and its
  subcommands' short help from the catalogue, while its help is drawn, laid out
  by click's plain formatter (typer's rich panels have titles that no public API
  renames);
- :func:`usage_words`, :func:`heading`, :func:`help_row`: the formatter's own words;
- :func:`run`: the app run with ``standalone_mode=False`` (click's public switch
  for callers that handle its exceptions), its usage errors written here, in the
  user's language, with click's layout (usage line, where to find help, the error).

The errors are recognised by the English sentences typer writes (it has no
message codes); one this module does not know is shown as typer wrote it, under
the translated layout.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from smmplan.locale import N_, _, ngettext

HEADINGS = {"Options": N_("Options"), "Arguments": N_("Arguments"), "Commands": N_("Commands")}


def usage_words(args: str) -> tuple[str, str]:
    """The usage line's prefix, and its `[OPTIONS]` and `COMMAND [ARGS]...`, translated."""
    args = args.replace("[OPTIONS]", _("[OPTIONS]"), 1).replace("COMMAND [ARGS]...", _("COMMAND [ARGS]..."), 1)
    return _("Usage:") + " ", args


def heading(name: str) -> str:
    return _(HEADINGS[name]) if name in HEADINGS else name


_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]\s*$")


def help_row(term: str, text: str) -> tuple[str, str]:
    """A help line's `[default: auto]` and `[required]`, translated."""
    found = _EXTRA.search(text)
    if not found:
        return term, text
    parts = []
    for part in found[1].split("; "):
        if part == "required":
            part = _("required")
        elif part.startswith("default: "):
            part = _("default: {value}").format(value=part.removeprefix("default: "))
        parts.append(part)
    before = text[:found.start()]
    return term, before + ("  [" if before else "[") + "; ".join(parts) + "]"


@contextmanager
def translated_help(command) -> Iterator[None]:
    """The command's (and its subcommands') help texts translated while its help is drawn,
    with click's plain layout; all put back afterwards."""
    saved = []
    for obj in (command, *getattr(command, "commands", {}).values()):
        saved.append((obj, "rich_markup_mode", getattr(obj, "rich_markup_mode", None)))
        obj.rich_markup_mode = None
        for target in (obj, *obj.params):
            for attr in ("help", "short_help"):
                text = getattr(target, attr, None)
                if text:
                    saved.append((target, attr, text))
                    setattr(target, attr, _(text))
    try:
        yield
    finally:
        for target, attr, value in reversed(saved):
            setattr(target, attr, value)


# --- usage errors -------------------------------------------------------------------

def _quoted(text: str) -> str:
    """typer's `'--weeks' / '-w'` as smmplan writes what the user types: `--weeks` / `-w`."""
    return re.sub(r"'([^']*)'", r"`\1`", text)


_VALUE_PROBLEMS = {
    "Input should be a valid integer, unable to parse string as an integer": N_("a whole number is needed"),
    "Input should be a valid integer, got a number with a fractional part": N_("a whole number is needed, "
                                                                                "without a fraction"),
    "Input should be a valid number, unable to parse string as a number": N_("a number is needed"),
}


def _message(text: str) -> str:
    """One of typer's usage-error sentences in the current language (as it is when unknown)."""
    m = re.fullmatch(r"No such option: (\S+)(?: \(Possible options: (.*)\))?", text, re.S)
    if m:
        if m[2]:
            return _("No such option: {name} (similar: {options})").format(name=m[1], options=m[2])
        return _("No such option: {name}").format(name=m[1])
    m = re.fullmatch(r"Option '(.*)' requires an argument\.", text, re.S)
    if m:
        return _("Option `{name}` needs a value.").format(name=m[1])
    m = re.fullmatch(r"Option '(.*)' requires (\d+) arguments\.", text, re.S)
    if m:
        n = int(m[2])
        return ngettext("Option `{name}` needs {n} value.", "Option `{name}` needs {n} values.", n).format(
            name=m[1], n=n)
    m = re.fullmatch(r"Option '(.*)' does not take a value\.", text, re.S)
    if m:
        return _("Option `{name}` takes no value.").format(name=m[1])
    m = re.fullmatch(r"Invalid value for (.*?): (.*)", text, re.S)
    if m:
        problem = _VALUE_PROBLEMS.get(m[2])
        return _("Invalid value for {name}: {problem}").format(
            name=_quoted(m[1]), problem=_(problem) if problem else m[2])
    m = re.fullmatch(r"Missing (argument|option) (.*)\.", text, re.S)
    if m:
        name = _quoted(m[2])
        if m[1] == "argument":
            return _("Missing argument {name}.").format(name=name)
        return _("Missing option {name}.").format(name=name)
    m = re.fullmatch(r"No such command '(.*)'(?:\. Did you mean (.*)\?|\.)", text, re.S)
    if m:
        if m[2]:
            return _("No such command `{name}`. Did you mean {names}?").format(name=m[1], names=_quoted(m[2]))
        return _("No such command `{name}`.").format(name=m[1])
    m = re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", text, re.S)
    if m:
        return _("Unexpected extra arguments: {args}.").format(args=m[1])
    if text == "Missing command.":
        return _("Missing command.")
    return text


def show_error(exc, file=None) -> None:
    """A usage error as click lays it out (usage line, where help is, the error), in the current language."""
    file = file or sys.stderr
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # `smmplan` alone: the help, drawn in this language
        typer.echo(exc.format_message(), file=file)
        return
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try `{command} {option}` for help.").format(command=ctx.command_path,
                                                                 option=ctx.help_option_names[0]) + "\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", file=file)
    typer.echo(_("Error: {message}").format(message=_message(exc.format_message())), file=file)


def run(app, args: list[str]) -> int:
    """Run the app as its console command, with typer's usage errors written in the current
    language: the exit status (2 for a usage error, as typer's)."""
    try:
        code = app(args=args, prog_name="smmplan", standalone_mode=False)
    except typer.Abort:
        typer.echo(_("Aborted!"), err=True)
        return 1
    except typer.TyperException as exc:
        if not hasattr(exc, "show"):
            raise
        show_error(exc)
        return exc.exit_code
    return code if isinstance(code, int) else 0
