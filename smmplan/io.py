"""Writing files without ever leaving half a file behind."""

from __future__ import annotations

import os
import tempfile


def atomic_write(path: str, text: str | bytes, encoding: str = "utf-8") -> None:
    """Write to a temporary file in the same directory, then rename over `path`.

    An error or Ctrl-C part-way leaves the old file (or no file) in place and
    removes the temporary one. The new file keeps the old one's permissions.
    Bytes (an XLSX workbook) are written as they are.
    """
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".smmplan-", suffix=".tmp", dir=directory)
    try:
        binary = isinstance(text, bytes)
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else encoding,
                       newline=None if binary else "") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
