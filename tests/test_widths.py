"""Text reports fit the console: no cell cut with an ellipsis, no line wider than the width
(but for a URL or path that cannot be broken, which stands whole on its own line), and no
trailing spaces in a pipe or a file."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len

from smmplan.config import ConfigFinder, settings_for
from smmplan.engine import check_path
from smmplan.report.status import StatusTextReporter
from smmplan.report.text import TextReporter, wrap_lines
from tests.conftest import PLANS, ROOT, run_cli

WIDTHS = (60, 80, 120)
LONG_URL = "https://shop.example/collections/winter-2026/new-year-bouquets?ref=newsletter&variant=large-peonies"
PLAN = f"""\
brand: Petal & Stem
client: {{name: Petal & Stem LLC, approver: Olga Petrovna Sidorova-Kuznetsova}}
goals:
  - kind: traffic
    kpis: [{{metric: site_clicks, target: 1200, period: month}}, {{metric: conversions, target: 90}}]
  - kind: support
    kpis: [{{metric: first_response_time, target: 2h}}, {{metric: resolution_rate, target: 95%}}]
posts:
  - {{date: 2026-12-07, time: "10:00", channel: instagram, type: engaging, status: review, title: Poll roses or peonies}}
  - {{date: 2026-12-08, channel: telegram, type: ad, status: review, title: New Year bouquets order now, link: "{LONG_URL}"}}
  - {{date: 2026-12-09, channel: instagram, type: ad, status: draft, title: Free delivery this week}}
  - {{date: 2026-12-10, channel: vk, type: educational, status: approved, title: How to keep tulips fresh for a week}}
"""


def plan_files(tmp_path):
    path = tmp_path / "petal-and-stem-winter-campaign-plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return [str(path), *sorted(str(p) for p in PLANS.glob("*.yaml")),
            *sorted(str(p) for p in (ROOT / "docs" / "examples").glob("*.yaml"))]


def assert_fits(text: str, width: int, shortened: frozenset[str] = frozenset()) -> None:
    """`shortened`: the words a finding's own message ends with `…` (a long post title it quotes
    shortened, rules/flow.py), which the report shows as the message has them."""
    assert text.strip(), "no report"
    for line in text.splitlines():
        assert line == line.rstrip(), f"trailing spaces: {line!r}"
        if cell_len(line) > width:  # only one word that cannot be broken (a URL, a path), whole
            assert len(line.split()) == 1 or " │ " in line and "…" in line, f"wider than {width}: {line!r}"
        if "│" not in line:  # source excerpts are cut around the culprit with `…`; never a table cell
            cut = [m[0] for m in re.finditer(r"\w*…", line) if m[0] not in shortened]
            assert not cut, f"a cell cut short at {width} columns: {line!r}"


def shortened_in(messages) -> frozenset[str]:
    """The words the messages themselves shorten with `…`."""
    return frozenset(w for m in messages for w in re.findall(r"\w*…", m))


def results(files, lang=None):
    return [check_path(f, settings_for(ConfigFinder().for_path(f), as_of=None, lang=lang)) for f in files]


# Russian words are longer (`пользовательский (UGC)`, `предупреждение`): the tables must fit all the same
LANGS = ("en", "ru")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_text_report_fits_in_process(width, lang, tmp_path):
    files = plan_files(tmp_path)
    checked = results(files, lang)
    assert {r.language for r in checked} == {lang}
    shortened = shortened_in(f.message for r in checked for f in r.findings)
    for reporter in (TextReporter(color="never", width=width), StatusTextReporter(color="never", width=width)):
        buf = io.StringIO()
        reporter.render(checked, buf)
        assert_fits(buf.getvalue(), width, shortened)
        assert ("тип" in buf.getvalue() or "статус" in buf.getvalue()) == (lang == "ru")


COMMANDS = (["rules"], ["formulas"], ["channels"], ["rule", "KPI008"], ["rule", "BAN001"], ["rule", "MIX001"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_check_and_status_fit_columns_through_the_command(width, lang, tmp_path):
    files = plan_files(tmp_path)
    shortened = shortened_in(f.message for r in results(files, lang) for f in r.findings)
    for args in (["check", *files], ["status", *files]):
        proc = run_cli(*args, "--lang", lang, env={"COLUMNS": str(width)})
        assert proc.returncode in (0, 1), proc.stderr
        assert_fits(proc.stdout.decode(), width, shortened)
        assert ("Ждут согласования" in proc.stdout.decode()) == (lang == "ru" and args[0] == "status")
        assert "Sidorova-Kuznetsova" in proc.stdout.decode()  # a long name is wrapped between words, never cut


@pytest.mark.parametrize("width", WIDTHS)
def test_every_text_command_fits_columns_in_process(width, tmp_path):
    from typer.testing import CliRunner

    from smmplan.cli import app

    files = plan_files(tmp_path)
    for args in (["check", "--status", files[0]], *COMMANDS):
        res = CliRunner().invoke(app, args, env={"COLUMNS": str(width)})
        assert res.exit_code in (0, 1), res.output
        assert_fits(res.stdout, width)


def test_the_other_commands_fit_60_columns_through_the_command():
    for args in COMMANDS[:3]:
        proc = run_cli(*args, env={"COLUMNS": "60"})
        assert proc.returncode == 0, proc.stderr
        assert_fits(proc.stdout.decode(), 60)


def test_the_mix_table_keeps_every_figure_whole_at_80_columns(tmp_path):
    proc = run_cli("check", str(ROOT / "docs" / "examples" / "flower-shop-draft.yaml"), env={"COLUMNS": "80"})
    out = proc.stdout.decode()
    table = out[: out.index("\n\n")]
    assert re.search(r"^ category +posts +actual +target +allowed +delta +status$", table, re.M), table
    assert re.search(r"^ advertising +3 +37\.5 % +5 % +0 +\+32\.5 +off +█", table, re.M), table


def test_a_url_is_never_broken(tmp_path):
    files = plan_files(tmp_path)
    for width in (40, 80):
        proc = run_cli("check", files[0], env={"COLUMNS": str(width)})
        out = proc.stdout.decode()
        assert LONG_URL in out, f"the URL was broken at {width} columns"
        for line in out.splitlines():
            if LONG_URL in line and cell_len(line) > width:
                assert line.strip().strip("`").startswith("https://"), line  # alone on its line


def test_wrap_lines_puts_a_long_word_alone():
    from rich.text import Text

    lines = [t.plain for t in wrap_lines(Text(f"fix: tag the link: `{LONG_URL}` (name the campaign)"), 40)]
    assert lines == ["fix: tag the link:", f"`{LONG_URL}`", "(name the campaign)"]


def test_pipe_and_file_output_have_no_trailing_spaces(tmp_path):
    files = plan_files(tmp_path)
    report = tmp_path / "report.txt"
    for env in ({"COLUMNS": "80"},):
        proc = run_cli("check", *files, env=env)
        written = run_cli("check", *files, "-o", str(report), env=env)
        assert written.returncode == proc.returncode
        for text in (proc.stdout.decode(), report.read_text(encoding="utf-8")):
            assert text and not re.search(r"[ \t]+$", text, re.M)
    # colour forced into a pipe: colour codes stay, the spaces before them go
    coloured = run_cli("check", files[0], "--color", "always").stdout.decode()
    assert "\x1b[" in coloured
    plain_ends = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert not re.search(r"[ \t]+$", plain_ends, re.M)


@pytest.mark.parametrize(("lang", "mark", "day"), [("en", "ENG", "Mon"), ("ru", "ВОВ", "пн")])
def test_a_crowded_calendar_grid_fits_60_columns(tmp_path, lang, mark, day):
    proc = run_cli("suggest", "--weeks", "2", "--brand", "X", "--posts-per-week", "21", "--color", "always",
                   "-o", str(tmp_path / "plan.yaml"), "--lang", lang, env={"COLUMNS": "60"})
    assert proc.returncode == 0, proc.stderr
    grid = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout.decode())
    assert grid.count(mark) >= 14 and day in grid
    assert_fits(grid, 60)


def test_rule_examples_are_wrapped_never_cut():
    from typer.testing import CliRunner

    from smmplan.cli import app
    from smmplan.rules import registry

    runner = CliRunner()
    for code, rule in registry().items():
        res = runner.invoke(app, ["rule", code, "--color", "never"], env={"COLUMNS": "80"})
        assert res.exit_code == 0, res.output
        assert_fits(res.stdout, 80)
        if rule.example.strip():  # every character of the example is shown, whatever the wrapping
            shown = res.stdout.split("A plan that triggers it\n", 1)[1].split("\nFix\n", 1)[0]
            assert "".join(shown.split()) == "".join(rule.example.split()), f"{code}: the example was cut"
