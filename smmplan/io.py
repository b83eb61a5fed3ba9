"""Writing files where the user meant, without ever leaving half a file behind.

One writer serves every output (`check -o`, `--report`, `schema -o`, `suggest -o`
and `--in-place`), so each of them:

- writes *into* a device, FIFO or socket (`/dev/null`, `/dev/stdout`, `/dev/full`, a
  named pipe) and never replaces it with a file; a path under `/dev/` or `/proc/`
  that leads to a regular file (`/dev/stdout` redirected to a file) is written in
  place too, as a shell's `>` would;
- through a symbolic link, writes the file it points to, atomically, and keeps
  the link;
- replaces a regular file atomically (a temporary file beside it, then a rename)
  with the old file's permission bits (and owner, where allowed), and creates a
  new one with the permissions the umask gives (0666 & ~umask), as `>` does;
- says when the file has other hard links: the rename gives this name the new
  text and leaves the other names with the old one (:attr:`Written.notes`);
- with ``expect`` (the bytes read at the start), refuses to write when the file
  no longer holds them: someone else changed it while smmplan worked
  (:class:`ChangedError`), so their edit is not lost;
- on an error, Ctrl-C or SIGTERM (the command line turns it into SystemExit)
  removes its temporary file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from dataclasses import dataclass, field

from smmplan.locale import DEFAULT, N_, _, current, ngettext

# Why the system refused a file, as the user reads it: in English the system's own words
# (`No such file or directory`), in another language these, by the error's number.
REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EEXIST: N_("File exists"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.EIO: N_("Input/output error"),
    errno.EXDEV: N_("Invalid cross-device link"),
    errno.EINVAL: N_("Invalid argument"),
}


def reason(exc: OSError) -> str:
    """Why an OSError happened, in the current language (the system's words in English)."""
    if current() != DEFAULT and exc.errno in REASONS:
        return _(REASONS[exc.errno])
    return exc.strerror or str(exc)


class ChangedError(OSError):
    """The file changed between smmplan's read and its write: nothing was written."""


@dataclass
class Written:
    """What :func:`write_file` did: ``replaced`` an existing regular file, wrote into a
    ``device`` (or FIFO, socket), created a new file; ``notes`` for the user."""

    path: str  # the file really written (a link's target)
    existed: bool = False
    device: bool = False
    notes: list[str] = field(default_factory=list)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _special_path(path: str) -> bool:
    """`/dev/...` and `/proc/...` paths name streams (`/dev/stdout` -> `/proc/self/fd/1`):
    written in place, never replaced, whatever they lead to."""
    absolute = os.path.abspath(path)
    return absolute.startswith(("/dev/", "/proc/"))


def write_file(path: str, data: bytes | str, encoding: str = "utf-8", expect: bytes | None = None) -> Written:
    """Write ``data`` (str is encoded with ``encoding``) to ``path``, as the module says.
    Raises OSError (ChangedError when ``expect`` no longer matches)."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    try:
        info = os.stat(path)  # follows links: the file the user means
    except FileNotFoundError:
        info = None
    if (info is not None and not stat.S_ISREG(info.st_mode)) or (_special_path(path) and info is not None):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a directory", path)
        # a device, FIFO or socket (or a stream path): write into it, as `>` does
        flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | (os.O_TRUNC if stat.S_ISREG(info.st_mode) else 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "wb", buffering=0) as fh:
            view = memoryview(raw)
            while view:
                view = view[fh.write(view):]
        return Written(path, existed=True, device=True)
    target = os.path.realpath(path) if os.path.islink(path) else path
    out = Written(target, existed=info is not None)
    if info is not None and info.st_nlink > 1:
        others = info.st_nlink - 1
        out.notes.append(ngettext("{path} had {n} other hard link; it keeps the previous text (an atomic "
                                  "replace gives this name a new file)",
                                  "{path} had {n} other hard links; they keep the previous text (an atomic "
                                  "replace gives this name a new file)", others).format(path=path, n=others))
    directory = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=".smmplan-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
            if info is not None:
                try:  # the owner too, when allowed (root rewriting someone's plan)
                    os.fchown(fh.fileno(), info.st_uid, info.st_gid)
                except OSError:
                    pass
                os.fchmod(fh.fileno(), stat.S_IMODE(info.st_mode))
            else:
                os.fchmod(fh.fileno(), 0o666 & ~_umask())
        if expect is not None:
            _unchanged(target, expect)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return out


def _unchanged(path: str, expect: bytes) -> None:
    try:
        with open(path, "rb") as fh:
            now = fh.read(len(expect) + 1)
    except FileNotFoundError:
        now = None
    if now != expect:
        raise ChangedError(_("{path} changed while smmplan worked; nothing written").format(path=path))


class WriteError(Exception):
    """An output that could not be written; the message says why, in plain words."""


def write_output(path: str, data: bytes | str, expect: bytes | None = None) -> Written:
    """:func:`write_file`, its failures as :class:`WriteError` with a message for the user: the
    commands' one way to write what they produce."""
    try:
        return write_file(path, data, expect=expect)
    except ChangedError as exc:
        raise WriteError(str(exc)) from None
    except OSError as exc:
        raise WriteError(_("cannot write {path}: {reason}").format(path=path, reason=reason(exc))) from None


def regular_file_exists(path: str) -> bool:
    """An existing regular file (links followed): what --force must be given to overwrite.
    Devices and FIFOs (`/dev/stdout`, a pipe) are written into, not overwritten."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode) and not os.path.abspath(path).startswith(("/dev/", "/proc/"))
    except OSError:
        return False


def atomic_write(path: str, text: str | bytes, encoding: str = "utf-8") -> None:
    """``write_file(path, text, encoding)``, for callers that need no report of it; bytes
    (an XLSX workbook) are written as they are."""
    write_file(path, text, encoding)
