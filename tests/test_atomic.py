"""Files smmplan writes: atomically, never half-written, never over an input plan unless asked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan import cli, io
from tests.conftest import PLANS, run_cli

PLAN = PLANS / "coffee-lab-december.yaml"
OLD = "old content\n" * 100


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".smmplan-"))


def test_writes_a_new_file_exactly(tmp_path):
    target = tmp_path / "out.txt"
    text = "line one\r\nline two\nКолосок ✓\n"
    io.atomic_write(str(target), text)
    assert target.read_bytes() == text.encode("utf-8")  # no newline translation
    assert leftovers(tmp_path) == []


def test_replacing_keeps_the_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text(OLD)
    target.chmod(0o640)
    io.atomic_write(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt(), MemoryError()])
def test_an_error_mid_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, error):
    target = tmp_path / "out.txt"
    target.write_text(OLD)

    def fail(fd):
        raise error

    monkeypatch.setattr(io.os, "fsync", fail)  # after the text is written, before the rename
    with pytest.raises(type(error)):
        io.atomic_write(str(target), "new content\n" * 1000)
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_an_encoding_error_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text(OLD)
    with pytest.raises(UnicodeEncodeError):
        io.atomic_write(str(target), "fine text, then a lone surrogate \ud800")
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_no_temporary(tmp_path):
    target = tmp_path / "a-directory"
    target.mkdir()
    with pytest.raises(OSError):
        io.atomic_write(str(target), "text")
    assert target.is_dir() and leftovers(tmp_path) == []


SIGINT_MID_WRITE = """
import os, signal, sys
from smmplan import io

def interrupt(fd):
    os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered between write and rename

# (a shell that starts a job in the background has it ignore SIGINT, and Python then leaves it ignored:
# the test's own child takes Ctrl-C as a terminal's foreground process does)
signal.signal(signal.SIGINT, signal.default_int_handler)
io.os.fsync = interrupt
io.atomic_write(sys.argv[1], "new content\\n" * 100000)
"""


def test_a_real_ctrl_c_mid_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text(OLD)
    proc = subprocess.run([sys.executable, "-c", SIGINT_MID_WRITE, str(target)], capture_output=True, timeout=60)
    assert proc.returncode != 0 and b"KeyboardInterrupt" in proc.stderr
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


# --- through the command -----------------------------------------------------------


@pytest.fixture
def plan_copy(tmp_path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_bytes(PLAN.read_bytes())
    return path


def test_check_output_is_written_and_replacing_is_announced(tmp_path, plan_copy):
    out = tmp_path / "report.json"
    proc = run_cli("check", "--format", "json", "-o", str(out), str(plan_copy))
    assert proc.returncode == 0 and out.read_text().lstrip().startswith("{")
    assert b"replaced" not in proc.stderr
    proc = run_cli("check", "--format", "json", "-o", str(out), str(plan_copy))
    assert proc.returncode == 0 and f"replaced {out}".encode() in proc.stderr
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "relative"])
def test_check_output_never_replaces_an_input_plan(tmp_path, plan_copy, spelling):
    before = plan_copy.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(plan_copy)
    target = {"same": str(plan_copy), "dot": str(tmp_path / "." / "plan.yaml"), "symlink": str(link),
              "relative": "plan.yaml"}[spelling]
    proc = run_cli("check", "-o", target, str(plan_copy), cwd=tmp_path)
    assert proc.returncode == 2 and b"one of the plans being checked" in proc.stderr
    assert plan_copy.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_check_output_to_a_place_that_cannot_be_written(tmp_path, plan_copy):
    for bad in (tmp_path / "no-such-dir" / "out.txt", tmp_path):
        proc = run_cli("check", "-o", str(bad), str(plan_copy))
        assert proc.returncode == 2 and b"cannot write" in proc.stderr and b"Traceback" not in proc.stderr
    assert leftovers(tmp_path) == []


def test_ctrl_c_while_check_writes_its_output(tmp_path, plan_copy, monkeypatch):
    out = tmp_path / "report.txt"
    out.write_text(OLD)

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "fsync", interrupt)
    result = CliRunner().invoke(cli.app, ["check", "-o", str(out), str(plan_copy)])
    assert result.exit_code not in (0, 1)  # interrupted, not a verdict
    assert out.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_check_report_page_is_written_atomically_and_never_over_a_plan(tmp_path, plan_copy, monkeypatch):
    page = tmp_path / "report.html"
    proc = run_cli("check", "--report", str(page), str(plan_copy))
    assert proc.returncode == 0 and page.read_text().lstrip().lower().startswith("<!doctype html")
    before = plan_copy.read_bytes()
    html_named_plan = tmp_path / "plan.html"
    html_named_plan.write_bytes(before)
    proc = run_cli("check", "--report", str(html_named_plan), str(html_named_plan))
    assert proc.returncode == 2 and html_named_plan.read_bytes() == before

    old_page = page.read_text()  # a page smmplan made, so a new run may replace it

    def fail(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "fsync", fail)
    result = CliRunner().invoke(cli.app, ["check", "--report", str(page), str(plan_copy)])
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert page.read_text() == old_page and leftovers(tmp_path) == []


def test_check_never_modifies_its_inputs(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for p in PLANS.glob("*.yaml"):
        (plans / p.name).write_bytes(p.read_bytes())
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in plans.iterdir()}
    for fmt in ("text", "json"):
        run_cli("check", "--format", fmt, str(plans))
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in plans.iterdir()} == before
    assert sorted(os.listdir(plans)) == sorted(before)


def test_interrupt_exit_code_is_not_a_verdict(monkeypatch, plan_copy):
    """Ctrl-C while checking is neither clean (0) nor findings (1)."""
    import smmplan.engine

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(smmplan.engine, "check_path", interrupt)
    monkeypatch.setattr(sys, "argv", ["smmplan", "check", str(plan_copy)])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 128 + signal.SIGINT
