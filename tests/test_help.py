"""Help pages: every option shows the value it takes, and a flag shows none (`-h`, `--strict`...)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from smmplan.cli import app
from tests.conftest import run_cli

COMMANDS = [info.name or info.callback.__name__ for info in app.registered_commands]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_no_value_for_a_flag(command):
    args = [command] if command else []
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    (line,) = [ln for ln in result.output.splitlines() if "--help" in ln and "Show this message" in ln]
    assert "-h" in line


def test_help_through_the_installed_command():
    for args in (["--help"], ["-h"], ["check", "-h"], ["suggest", "--help"]):
        proc = run_cli(*args, env={"COLUMNS": "120"})
        assert proc.returncode == 0 and b"<bool>" not in proc.stdout, args
        assert b"Show this message and exit." in proc.stdout


@pytest.mark.parametrize("args", [(), ("check",), ("suggest",), ("export",)])
def test_help_to_a_pipe_has_no_trailing_spaces(args):
    run = run_cli(*args, "--help")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.decode().splitlines()
    assert lines and not [line for line in lines if line != line.rstrip()]
