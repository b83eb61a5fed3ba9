"""Control characters from a plan or a file name, shown instead of obeyed.

A plan's title, a file's name or a channel can hold an escape sequence
(`\\x1b[2J` clears the screen, `\\x1b[1A` moves up and over the Honesty
section), a bidi override (U+202E turns `txt.exe` into `exe.txt`), a carriage
return that writes over the line, or a line break that starts a new
workflow command under GitHub Actions (`\\n::error::` or `::stop-commands::`).
Every report for people (text, concise, github), every message on stderr and
every line smmplan writes from a plan's words shows them as visible escapes
(`\\x1b`, `\\u202e`) instead.
"""

from __future__ import annotations

import re
import sys

# The bidi controls (ALM, LRM, RLM, embeddings, overrides, isolates): printable to YAML, which
# writes them as they are, and able to show a line in another order than it reads.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 controls but tab and newline, DEL, C1 controls, the odd line breaks (NEL is C1), and BIDI.
_CONTROL = f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI}]"
# ... and, where a value must stay on one line (a file name, a YAML comment), tab and newline too.
_CONTROL_ONE_LINE = f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}]"
# (patterns, compiled by `re` the first time a text holds a character that is not printable:
# most runs never do, and compiling them cost every start half a millisecond)


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str, one_line: bool = False) -> str:
    """`text` with its control characters written as escapes (`\\x1b`, `\\u202e`); with
    `one_line`, newlines and tabs too. Text without any is returned as it is."""
    if text.isprintable():
        return text
    return re.sub(_CONTROL_ONE_LINE if one_line else _CONTROL, _escape, text)


def visible_path(path: str) -> str:
    """A file name as shown on one line: control characters escaped, and bytes that are
    not UTF-8 (read from the file system as surrogates) as `\\xNN`."""
    return visible(display_name(path), one_line=True)


def display_name(path: str) -> str:
    """A file name as reports carry it: bytes that are not UTF-8 (which Python reads
    from the file system as lone surrogates, and no UTF-8 output can hold) as `\\xNN`;
    anything else as it is (JSON and SARIF escape it themselves)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in path):
        return path
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in path)


def say(message: str) -> None:
    """`smmplan: message` on standard error, on one line whatever file names and plan words it
    quotes: every command's notes (what it wrote, replaced or could not read) go through here,
    so a name with a newline and `::error::` cannot start a GitHub workflow command, nor an
    escape sequence rewrite the terminal."""
    print(f"smmplan: {visible_path(message)}", file=sys.stderr, flush=True)


__all__ = ["BIDI", "display_name", "say", "visible", "visible_path"]
