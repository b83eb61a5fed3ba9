"""The glue of commands whose work goes beyond one call into the core.

`smmplan/cli.py` parses a command's options and calls one function here;
the function reads the files, calls the core, prints and writes. The core
(:mod:`smmplan.engine`, the planners) never imports these modules. This
module holds what the glue and cli.py share: the exit statuses, and saying
and writing with the user's files kept safe. It stays light: cli.py imports
it at every start.
"""

import os

import typer

from smmplan.locale import _
from smmplan.paths import STDIN
from smmplan.visible import say

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Say `message` (a usage problem), and give the typer.Exit to raise: ``raise fail(...)``."""
    say(message)
    return typer.Exit(code)


def write_output(path: str, text: str | bytes, protect: list[str] = (), expect: bytes | None = None,
                 said: str | None = None) -> None:
    """Write `text` to `path` with the one writer (smmplan.io: atomic, into devices and FIFOs,
    through links); never over one of the `protect`ed inputs; with `expect`, only if the file
    still holds those bytes. `said`: what to tell on stderr once written."""
    from smmplan import io

    target = os.path.realpath(path)
    if any(os.path.realpath(p) == target for p in protect if p != STDIN):
        raise fail(_("{path} is one of the plans being checked; choose another output file.").format(path=path))
    try:
        done = io.write_output(path, text, expect=expect)
    except io.WriteError as exc:
        raise fail(str(exc)) from None
    for note in done.notes:
        say(_("note: {note}").format(note=note))
    if said:
        say(said)
    elif done.existed and not done.device:
        say(_("replaced {path}").format(path=path))


def sentence(text: str) -> str:
    """`text` ending as a sentence does (a library's message often ends without a full stop)."""
    return text if text.endswith((".", "?", "!")) else text + "."
