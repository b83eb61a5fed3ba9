"""Which files a run checks: files, directories searched for plans, globs, stdin.

Kept apart from the command line so the rules of the search (what is
skipped, what is an error) are one plain function, tested on its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from smmplan.locale import _

PLAN_SUFFIXES = (".yaml", ".yml")


# Directories never searched for plans (files named on the command line still are).
SKIP_DIRS = frozenset(("node_modules", "venv", "site-packages", "__pycache__", "build", "dist"))
GLOB_CHARS = frozenset("*?[")
STDIN = "-"


def collect_paths(paths: list[str], excluded=None, force_exclude: bool = False,
                  notes: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Expand files, directories and globs into plan files. Returns (files, problems).

    Files named explicitly are always checked (unless `force_exclude`, as
    pre-commit wants: then the directory search's skips apply to them too);
    directories are searched recursively for *.yaml and *.yml, skipping
    hidden files and directories, SKIP_DIRS and what `excluded(path, is_dir)`
    says (the config's `exclude`). A path that does
    not exist but has glob characters is expanded (`plans/**/*.yaml`). `-` is
    standard input, kept in place. Paths that cannot be read are problems
    (exit 2), but the other files are still checked.

    A search never leaves the directory it was asked to search: a symbolic
    link to a plan outside it is not read (a plan's lines are quoted in
    reports, and a link can point anywhere), only noted in ``notes``; named
    explicitly, it is read. A `**` glob follows directory links but walks
    each real directory once, so links pointing back up cannot loop.
    """
    import glob

    files: list[str] = []
    problems: list[str] = []
    seen: set[str] = set()
    skip = excluded or (lambda path, is_dir: False)

    def add(p: str, real: str | None = None) -> None:
        key = p if p == STDIN else real or os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    def walk(top: str, raw: str) -> None:
        found, dropped = [], False
        base = os.path.realpath(top)
        for root, dirs, names in os.walk(top, followlinks=False):
            keep = []
            for d in sorted(dirs):
                if d.startswith(".") or d in SKIP_DIRS:
                    continue
                if skip(os.path.join(root, d), True):
                    dropped = True
                else:
                    keep.append(d)
            dirs[:] = keep
            real_root = None  # the directory's real path, when it holds a plan file
            for n in sorted(names):
                if n.endswith(PLAN_SUFFIXES) and not n.startswith("."):
                    f = os.path.join(root, n)
                    if skip(f, False):
                        dropped = True
                        continue
                    if os.path.islink(f):
                        real = os.path.realpath(f)
                    else:  # (os.walk follows no link: the file is where its real directory is)
                        real_root = real_root or os.path.realpath(root)
                        real = os.path.join(real_root, n)
                    if not _under(real, base) and os.path.isfile(f):  # (a link to a device: refused when read)
                        dropped = True
                        note(_("{path}: not read: a symbolic link to a file outside {folder} (name it to check "
                               "it)").format(path=f, folder=top))
                    else:
                        found.append((f, real))
        if not found and not dropped:
            problems.append(_("{path}: no plan files (*.yaml, *.yml) in this directory").format(path=raw))
        for f, real in found:
            add(f, real)

    def note(message: str) -> None:
        if notes is not None:
            notes.append(message)

    def hidden(raw: str) -> bool:  # what a directory search skips, for --force-exclude
        parts = [x for x in Path(os.path.normpath(raw)).parts if x not in (".", "..", os.sep)]
        return any(x.startswith(".") or x in SKIP_DIRS for x in parts)

    def one(raw: str, named: bool = True) -> None:
        p = Path(raw)
        try:
            if force_exclude and hidden(raw):
                return
            if p.is_dir():
                if force_exclude and skip(raw, True):
                    return
                walk(raw, raw)
            elif p.exists():
                if not p.is_file():
                    problems.append(_("{path}: not a regular file (a FIFO, device or socket is not read)").format(path=raw))
                elif not (force_exclude and skip(raw, False)):
                    add(raw)
            elif p.is_symlink():
                problems.append(_("{path}: broken or looping symbolic link").format(path=raw))
            elif named and GLOB_CHARS & set(raw):
                if "**" in raw:
                    matches, base = recursive_glob(raw), glob_base(raw)
                    for m in [m for m in matches if not inside(m, base)]:
                        matches.remove(m)
                        note(_("{path}: not read: a symbolic link to a file outside {folder} (name it to check "
                           "it)").format(path=m, folder=base))
                else:
                    matches = sorted(glob.glob(raw))
                if not matches:
                    problems.append(_("{path}: no file matches this pattern").format(path=raw))
                for m in matches:
                    one(m, named=False)
            else:
                problems.append(_("{path}: no such file or directory").format(path=raw))
        except OSError as exc:
            from smmplan.io import reason

            problems.append(f"{raw}: {reason(exc)}")

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
        else:
            one(raw)
    return files, problems


def inside(path: str, top: str) -> bool:
    """Does `path` (a file found in a search of `top`) really lie inside `top`, links resolved?"""
    return _under(os.path.realpath(path), os.path.realpath(top))


def _under(real: str, base: str) -> bool:
    """Is the real path `real` the real directory `base` or inside it?"""
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def glob_base(pattern: str) -> str:
    """The directories before a pattern's first wildcard: where its search starts."""
    parts = pattern.split(os.sep)
    fixed = []
    for part in parts[:-1]:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return os.sep.join(fixed) or ("." if not pattern.startswith(os.sep) else os.sep)


def recursive_glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)`` for a pattern with `**`, sorted, except
    that each real directory is walked once (by device and inode), however many
    symbolic links lead to it: glob's own walk loops through a link that points
    back up until the path is too long, and several such links make it
    exponential. Hidden names match only a pattern part that starts with a dot."""
    import re

    base = glob_base(pattern)
    prefix = "" if base == "." and not pattern.startswith("." + os.sep) else base
    rest = pattern[len(prefix):].lstrip(os.sep)
    regex = re.compile(_translate(rest.split(os.sep)) + r"\Z", re.DOTALL)
    seen: set[tuple[int, int]] = set()
    out: list[str] = []
    for root, dirs, names in os.walk(base, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # reached again through a link: walked already
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        rel_root = os.path.relpath(root, base)
        for name in (*dirs, *names):
            rel = name if rel_root == "." else os.path.join(rel_root, name)
            if regex.match(rel.replace(os.sep, "/")):
                out.append(os.path.join(prefix, rel) if prefix else rel)
    return sorted(out)


def _translate(parts: list[str]) -> str:
    """Pattern parts (split at `/`) as one regex over `/`-separated relative paths;
    `**` is any number of directories (none included), hidden ones excepted."""
    out = ""
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out += "(?:[^/.][^/]*/)*" if not last else "(?:[^/.][^/]*(?:/[^/.][^/]*)*)?"
        else:
            out += _no_slash(part) + ("" if last else "/")
    return out


def _no_slash(part: str) -> str:
    """One glob part as a regex that never crosses `/`."""
    import re

    out, i = "", 0
    while i < len(part):
        c = part[i]
        if c == "*":
            out += "[^/]*"
        elif c == "?":
            out += "[^/]"
        elif c == "[":
            j = part.find("]", i + 2 if i + 1 < len(part) and part[i + 1] in "!^" else i + 1)
            if j == -1:
                out += re.escape(c)
            else:
                body = part[i + 1:j]
                if body[:1] in "!^":
                    body = "^" + body[1:]
                out += "[" + body.replace("\\", "\\\\") + "]"
                i = j
        else:
            out += re.escape(c)
        i += 1
    return ("(?=[^.])" if not part.startswith(".") else "") + out
