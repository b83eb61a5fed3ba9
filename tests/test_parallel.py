"""Checking a folder in forked workers (smmplan/parallel.py) gives exactly what one process gives."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from smmplan import parallel, report
from smmplan.config import Settings
from smmplan.engine import check_path
from tests.benchmark import plan_text
from tests.conftest import PLANS, ROOT, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked (POSIX)")

AS_OF = Settings(as_of=__import__("datetime").date(2026, 11, 26))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Shipped plans, the documented examples, and generated plans with and without defects."""
    root = tmp_path_factory.mktemp("plans")
    for src in [*PLANS.glob("*.yaml"), *(ROOT / "docs" / "examples").glob("*.yaml")]:
        shutil.copy(src, root / src.name)
    for k in range(12):
        (root / f"gen-{k:02d}.yaml").write_text(plan_text(10 + 3 * k, seed=k, defects=k % 3), encoding="utf-8")
    (root / "broken.yaml").write_text("posts: [\n", encoding="utf-8")
    return root


def files_of(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.yaml"))


def check(path: str):
    return check_path(path, AS_OF)


def rendered(results: list) -> dict[str, str]:
    out = {}
    for name in report.FORMATS:
        buf = io.StringIO()
        report.get(name, color="never").render(results, buf)
        out[name] = buf.getvalue()
    for name in report.STATUS_FORMATS:
        buf = io.StringIO()
        report.get_status(name, color="never").render(results, buf)
        out["status-" + name] = buf.getvalue()
    return out


@pytest.mark.parametrize("jobs", [2, 3])
def test_every_report_is_the_same_with_workers(folder, jobs):
    files = files_of(folder)
    alone = parallel.check_all(files, check, 1)
    together = parallel.check_all(files, check, jobs)
    assert [r.path for r in together] == files
    assert any(r.doc.data is None and r.plan is not None for r in together)  # some came from a worker
    assert rendered(together) == rendered(alone)


@pytest.mark.parametrize("excerpts", [False, True])
def test_detached_results_render_as_the_whole_ones(folder, excerpts):
    results = [check(f) for f in files_of(folder)]
    assert rendered([r.detached(excerpts) for r in results]) == rendered(results)


def test_a_worker_that_dies_costs_only_time(folder):
    files = files_of(folder)
    parent = os.getpid()

    def dying(path: str):
        if os.getpid() != parent:
            os._exit(3)
        return check(path)

    assert rendered(parallel.check_all(files, dying, 2)) == rendered(parallel.check_all(files, check, 1))


def test_a_worker_that_dies_midway_costs_only_time(folder):
    """It took files and answered for none: they are checked here, in their places."""
    files = files_of(folder)
    parent = os.getpid()
    seen = []

    def dying(path: str):
        if os.getpid() != parent:
            seen.append(path)
            if len(seen) > 3:
                os._exit(3)
        return check(path)

    assert rendered(parallel.check_all(files, dying, 2)) == rendered(parallel.check_all(files, check, 1))


@pytest.mark.parametrize(("count", "most"), [(1, 1024), (40, 1024), (40, 7), (41, 41), (1000, 3)])
def test_tickets_give_every_number_once_whoever_takes_them(monkeypatch, count, most):
    """Numbers taken by a forked process and this one, as they come: each exactly once, all of
    them, each process's in order; past TICKETS numbers a ticket is a run of them."""
    import pickle

    monkeypatch.setattr(parallel, "TICKETS", most)
    tickets = parallel._Tickets(count, first=5)
    pid, fd = parallel._fork(lambda: list(tickets))
    mine = list(tickets)
    tickets.close()
    with os.fdopen(fd, "rb") as pipe:
        theirs = pickle.loads(pipe.read())
    assert os.waitpid(pid, 0)[1] == 0
    assert mine == sorted(mine) and theirs == sorted(theirs)
    assert sorted(mine + theirs) == list(range(5, 5 + count))


def test_a_worker_with_a_bug_hands_its_share_back_and_the_bug_surfaces_here(folder):
    files = files_of(folder)

    def buggy(path: str):
        if path == files[-1]:
            raise ZeroDivisionError("a bug")
        return check(path)

    with pytest.raises(ZeroDivisionError):
        parallel.check_all(files, buggy, 2)


def test_unreadable_files_come_back_as_their_error_in_order(folder, tmp_path):
    files = files_of(folder)
    missing = str(tmp_path / "gone.yaml")
    files[5:5] = [missing]
    results = parallel.check_all(files, check, 2)
    assert isinstance(results[5], FileNotFoundError) and results[5].strerror
    assert [r.path for r in results if not isinstance(r, OSError)] == [f for f in files if f != missing]


def test_few_files_are_checked_in_this_process(folder, monkeypatch):
    def no_fork():
        raise AssertionError("forked for a handful of files")

    monkeypatch.setattr(os, "fork", no_fork)
    files = files_of(folder)[: parallel.MIN_FILES - 1]
    assert len(parallel.check_all(files, check, None)) == len(files)


def test_jobs_through_the_command(folder):
    outputs = []
    for jobs in ("1", "2"):
        proc = run_cli("check", "-f", "json", "--as-of", "2026-11-26", "-j", jobs, str(folder))
        assert proc.returncode == 1  # the draft example and the broken file have errors
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    bad = run_cli("check", "--jobs", "0", str(folder))
    assert bad.returncode == 2 and b"--jobs takes a number of processes from 1 up" in bad.stderr


def test_encoded_results_write_the_json_report_of_the_results(folder, tmp_path):
    """A folder's JSON run keeps each plan's report items encoded where it was checked
    (report.json.Encoded, sent back from the workers): the same bytes, a long list's too."""
    import pickle

    from smmplan.report.json import Encoded, JsonReporter

    big = tmp_path / "big.yaml"
    big.write_text(plan_text(1200, seed=3, defects=2), encoding="utf-8")
    results = [check(f) for f in [*files_of(folder), str(big)]]
    encoded = [pickle.loads(pickle.dumps(Encoded(r))) for r in results]
    mixed = [e if k % 2 else r for k, (r, e) in enumerate(zip(results, encoded))]
    outs = []
    for rs in (results, encoded, mixed):
        buf = io.StringIO()
        JsonReporter().render(rs, buf)
        outs.append(buf.getvalue())
    assert outs[1] == outs[0] and outs[2] == outs[0]
    assert report.summary(encoded) == report.summary(results)
    assert [e.language for e in encoded] == [r.language for r in results]


# --- a big plan's slowest rule family in a second process (engine.ASIDE_POSTS) ---------------


@pytest.fixture
def aside_from_one_post(monkeypatch):
    """Every plan counts as big: its ASIDE family is read in a forked child. Yields the
    number of children started so far (a list of one int)."""
    from smmplan import engine

    started = [0]
    real = parallel.aside

    def counted(work):
        started[0] += 1
        return real(work)

    monkeypatch.setattr(engine, "ASIDE_POSTS", 1)
    monkeypatch.setattr(parallel, "aside", counted)
    return started


def test_a_family_read_aside_gives_every_report_as_one_process(folder, aside_from_one_post, tmp_path):
    big = tmp_path / "big.yaml"  # with honesty findings: a banned phrase in some titles
    big.write_text(plan_text(300, seed=4, defects=5).replace("Your ", "Buy followers for your ", 7),
                   encoding="utf-8")
    files = [*files_of(folder), str(big)]
    alone = [check_path(f, AS_OF) for f in files]
    before = aside_from_one_post[0]
    together = [check_path(f, AS_OF, workers=2) for f in files]
    assert aside_from_one_post[0] > before  # the children did the reading
    assert any(f.code.startswith("BAN") for f in together[-1].findings)
    assert rendered(together) == rendered(alone)
    assert [r.sections for r in together] == [r.sections for r in alone]


def test_a_child_that_dies_costs_only_time(folder, aside_from_one_post, monkeypatch):
    from smmplan.rules import honesty

    parent, real = os.getpid(), honesty.check

    def dying(ctx):
        if os.getpid() != parent:
            os._exit(3)
        return real(ctx)

    files = files_of(folder)
    alone = rendered([check_path(f, AS_OF) for f in files])
    monkeypatch.setattr(honesty, "check", dying)
    assert rendered([check_path(f, AS_OF, workers=2) for f in files]) == alone


def test_a_family_that_crashes_aside_is_reported_as_in_one_process(folder, aside_from_one_post, monkeypatch):
    from smmplan.rules import honesty

    def crashing(ctx):
        yield from ()
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(honesty, "check", crashing)
    files = files_of(folder)
    alone = [check_path(f, AS_OF) for f in files]
    together = [check_path(f, AS_OF, workers=2) for f in files]
    assert any(f.code == "SMM001" for r in together for f in r.findings)
    assert rendered(together) == rendered(alone)


def test_small_plans_and_one_core_read_every_family_here(folder, monkeypatch):
    def no_aside(work):
        raise AssertionError("a family read aside")

    monkeypatch.setattr(parallel, "aside", no_aside)
    for f in files_of(folder):  # all far below ASIDE_POSTS
        check_path(f, AS_OF, workers=2)
    from smmplan import engine

    monkeypatch.setattr(engine, "ASIDE_POSTS", 1)
    for f in files_of(folder):
        check_path(f, AS_OF, workers=1)


def test_a_big_plan_through_the_command_with_and_without_a_second_process(tmp_path):
    from smmplan.engine import ASIDE_POSTS

    big = tmp_path / "big.yaml"
    big.write_text(plan_text(ASIDE_POSTS, seed=5, defects=9).replace("Your ", "Buy followers for your ", 3),
                   encoding="utf-8")
    outputs = [run_cli("check", "-f", "json", "--as-of", "2026-11-26", *jobs, str(big)).stdout
               for jobs in ([], ["-j", "1"], ["-j", "2"])]
    assert b'"BAN' in outputs[0]
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]
