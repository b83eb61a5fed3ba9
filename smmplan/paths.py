"""Which files a run checks: files, directories searched for plans, globs, stdin.

Kept apart from the command line so the rules of the search (what is
skipped, what is an error) are one plain function, tested on its own.
"""

from __future__ import annotations

import os
from pathlib import Path

PLAN_SUFFIXES = (".yaml", ".yml")


# Directories never searched for plans (files named on the command line still are).
SKIP_DIRS = frozenset(("node_modules", "venv", "site-packages", "__pycache__", "build", "dist"))
GLOB_CHARS = frozenset("*?[")
STDIN = "-"


def collect_paths(paths: list[str], excluded=None, force_exclude: bool = False) -> tuple[list[str], list[str]]:
    """Expand files, directories and globs into plan files. Returns (files, problems).

    Files named explicitly are always checked (unless `force_exclude`, as
    pre-commit wants: then the directory search's skips apply to them too);
    directories are searched recursively for *.yaml and *.yml, skipping
    hidden files and directories, SKIP_DIRS and what `excluded(path, is_dir)`
    says (the config's `exclude`). A path that does
    not exist but has glob characters is expanded (`plans/**/*.yaml`). `-` is
    standard input, kept in place. Paths that cannot be read are problems
    (exit 2), but the other files are still checked.
    """
    import glob

    files: list[str] = []
    problems: list[str] = []
    seen: set[str] = set()
    skip = excluded or (lambda path, is_dir: False)

    def add(p: str) -> None:
        key = p if p == STDIN else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    def walk(top: str, raw: str) -> None:
        found, dropped = [], False
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
            for n in sorted(names):
                if n.endswith(PLAN_SUFFIXES) and not n.startswith("."):
                    f = os.path.join(root, n)
                    if skip(f, False):
                        dropped = True
                    else:
                        found.append(f)
        if not found and not dropped:
            problems.append(f"{raw}: no plan files (*.yaml, *.yml) in this directory")
        for f in found:
            add(f)

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
                    problems.append(f"{raw}: not a regular file (a FIFO, device or socket is not read)")
                elif not (force_exclude and skip(raw, False)):
                    add(raw)
            elif p.is_symlink():
                problems.append(f"{raw}: broken or looping symbolic link")
            elif named and GLOB_CHARS & set(raw):
                matches = sorted(glob.glob(raw, recursive=True))
                if not matches:
                    problems.append(f"{raw}: no file matches this pattern")
                for m in matches:
                    one(m, named=False)
            else:
                problems.append(f"{raw}: no such file or directory")
        except OSError as exc:
            problems.append(f"{raw}: {exc.strerror or exc}")

    for raw in paths:
        if raw == STDIN:
            add(STDIN)
        else:
            one(raw)
    return files, problems
