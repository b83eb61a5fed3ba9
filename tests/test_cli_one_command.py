"""A run that names its command is given an app of that command alone (`cli._app_for`, built
through typer's public `Typer`, `callback` and `command`, to spare typer building the other
commands' parameters at every start). It must behave as the whole app: the same help, the same
usage errors, the same exit codes."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from smmplan import cli


@pytest.mark.parametrize("name", sorted(cli._COMMANDS))
def test_one_command_app_answers_as_the_whole_app(name):
    runner = CliRunner()
    for args in ([name, "--help"], [name, "--no-such-option"]):
        whole = runner.invoke(cli.app, args)
        one = runner.invoke(cli._app_for(args), args)
        assert (one.exit_code, one.output) == (whole.exit_code, whole.output), args


def test_every_command_is_remembered_and_other_lines_get_the_whole_app():
    registered = {c.name or c.callback.__name__ for c in cli.app.registered_commands}
    assert set(cli._COMMANDS) == registered
    for args in ([], ["--version"], ["--help"], ["chek", "plans"], ["--lang", "ru", "check"]):
        assert cli._app_for(args) is cli.app
