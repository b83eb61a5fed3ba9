"""Checking many plan files on more than one core.

`check_all` checks a list of files in order, in this process or, for a folder
on a machine with more cores, in forked workers that take the files one at a
time, each the next one left as it finishes one (so the slow plans and a busy
core even out), and send back their results. It pays only with enough files:
a fork is cheap, but each worker's results are pickled back (what the
reports need of them, :meth:`PlanResult.detached` with excerpts only: about
0.1 ms a small plan, both ways), and
the first file is always checked here first, so that the imports, lexicons
and compiled patterns every check needs are made once and inherited by the
workers rather than made again in each.

A worker that fails in any way (killed, out of memory, a bug) costs nothing
but time: the files it took are checked again here. Results come back in the order
of the files, so every report is the same whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from typing import Any

# Below this many files a single process is as fast (measured on 2 cores).
MIN_FILES = 24


def cpus() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def check_all(files: Sequence[str], check: Callable[[str], Any], jobs: int | None = None) -> list[Any]:
    """``check(file)`` for every file, in order: its result, or the OSError it raised.

    ``jobs`` is how many processes may work at once (None: one per core, and
    one only for fewer than :data:`MIN_FILES` files). The processes take the
    files one at a time as each finishes one (:class:`_Tickets`), so a process
    that meets the slow plans, or that the machine gives less time, takes fewer.
    """
    n = min(jobs or (cpus() if len(files) >= MIN_FILES else 1), max(1, len(files) - 1))
    if n < 2 or not hasattr(os, "fork"):
        return [_one(check, f) for f in files]
    out: dict[int, Any] = {0: _one(check, files[0])}  # warms every cache the workers inherit
    tickets = _Tickets(len(files) - 1, first=1)
    workers: dict[int, int | None] = {}  # pid -> the pipe its answer comes through (None: being read)
    try:
        for _ in range(n - 1):
            with _signals_held():  # a SIGTERM between the fork and the note of its pid would orphan it
                pid, fd = _fork(lambda: [(i, _detach(_one(check, files[i]))) for i in tickets])
                workers[pid] = fd
        for i in tickets:
            out[i] = _one(check, files[i])
        for pid, fd in list(workers.items()):
            workers[pid] = None  # (_receive closes it)
            collected = _receive(pid, fd)
            del workers[pid]
            if collected is not _FAILED:
                out.update(collected)
    finally:  # an exception here (SIGTERM, Ctrl-C, a bug): the workers end with their parent
        tickets.close()
        for fd in workers.values():
            if fd is not None:
                os.close(fd)
        _stop(set(workers))
    # the files a worker took and did not answer for (killed, out of memory, a bug) are checked here
    return [out[i] if i in out else _one(check, files[i]) for i in range(len(files))]


class _Tickets:
    """Numbers ``first`` up to ``first + count - 1`` shared among forked processes: each
    number is taken by exactly one of them, in order (iterate to take the next; the
    iteration ends when none is left). A pipe holds them, written in full before any
    fork (a ticket is one read of its 4 bytes, which no other read can split), so a
    process that dies takes nothing with it but the tickets it took. Past
    :data:`TICKETS` numbers, a ticket stands for a run of consecutive numbers: the pipe's
    buffer holds them all, and the writer never waits for a reader."""

    def __init__(self, count: int, first: int = 0):
        self.first, self.count = first, count
        self.size = -(-count // TICKETS) if count else 1  # numbers per ticket
        self.read, write = os.pipe()
        try:
            os.write(write, b"".join(k.to_bytes(4, "little") for k in range(0, count, self.size)))
        finally:
            os.close(write)

    def __iter__(self):
        while self.read is not None:
            got = os.read(self.read, 4)
            if len(got) < 4:  # none left
                return
            start = int.from_bytes(got, "little")
            yield from range(self.first + start, self.first + min(start + self.size, self.count))

    def close(self) -> None:
        if self.read is not None:
            os.close(self.read)
            self.read = None


# At most this many tickets (4 bytes each) are written to the pipe at once: 4 KiB, what any
# pipe's buffer holds (POSIX's PIPE_BUF; Linux's holds 64 KiB), so the write never blocks.
TICKETS = 1024


@contextlib.contextmanager
def _signals_held():
    """SIGTERM and SIGINT wait (are delivered on leaving) while the block runs."""
    import signal

    held = {signal.SIGTERM, signal.SIGINT}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _stop(pids: set[int]) -> None:
    import signal

    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _one(check: Callable[[str], Any], file: str) -> Any:
    try:
        return check(file)
    except OSError as exc:  # the caller reports unreadable files
        return exc


def _fork(compute: Callable[[], Any]) -> tuple[int, int]:
    """``compute()`` in a forked child: its pid and the pipe its answer comes through, pickled
    (see :func:`_receive`). Call it with signals held (:func:`_signals_held`): a SIGTERM between
    the fork and the note of its pid would orphan the child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running any exit handler
        status = 1
        try:
            import pickle
            import signal

            # the parent's handlers are not the child's: SIGTERM and Ctrl-C simply end it
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

            os.close(read)
            data = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


_FAILED = object()  # what _receive gives for a child that did not answer


def _receive(pid: int, fd: int) -> Any:
    """A forked child's answer, once it has ended; _FAILED if it did not finish (killed, out of
    memory, a bug) or its answer is truncated or garbled."""
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return _FAILED
    import pickle  # here, not at the top: a run of a few files never forks

    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - the caller does the work here instead
        return _FAILED


class Aside:
    """A computation run in a forked child while this process goes on (:func:`aside`)."""

    def __init__(self, work: Callable[[], Any]):
        self.work = work
        self.pid: int | None = None
        self.fd: int | None = None
        with _signals_held():
            self.pid, self.fd = _fork(work)

    def result(self) -> Any:
        """What the child computed; if it did not finish (killed, out of memory, an answer that
        would not pickle), the same work done here."""
        pid, fd, self.pid = self.pid, self.fd, None
        answer = _FAILED if pid is None else _receive(pid, fd)
        return self.work() if answer is _FAILED else answer

    def cancel(self) -> None:
        """Stop the child (this process is unwinding: an exception, SIGTERM, Ctrl-C)."""
        if self.pid is not None:
            os.close(self.fd)
            _stop({self.pid})
            self.pid = None


def aside(work: Callable[[], Any]) -> Aside | None:
    """``work()`` started in a forked child that shares this process's memory as it is (no
    pickling on the way in; the answer comes back pickled), or None where there is no fork.
    ``.result()`` waits for it; ``.cancel()`` stops it. For work that only reads what it is
    given and has no effect but its answer: a rule family of one big plan (see
    :data:`smmplan.engine.ASIDE_POSTS`)."""
    if not hasattr(os, "fork"):
        return None
    return Aside(work)


def _detach(result: Any) -> Any:
    return result if isinstance(result, OSError) else result.detached(excerpts=True)
