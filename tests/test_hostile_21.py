"""Hostile plans and hostile paths (issue 21): no resource bombs, no silent switch-off of
the ban, no clobbered files, no injection through any output, no internal errors.

Runs of the real command that could blow up go through `run_guarded`: a subprocess
whose address space is capped at 1 GiB (RLIMIT_AS) with a generous time limit. The
limits are a guard (a bomb dies there instead of passing), not a benchmark: no test
asserts how long anything takes.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan import formulas, loader
from smmplan.config import Settings
from smmplan.engine import check_bytes
from smmplan.io import ChangedError, write_file
from smmplan.sheets.safe import neutralise
from smmplan.visible import say, visible, visible_path
from tests.conftest import smmplan_command

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
GIB = 1024 ** 3
TIME_GUARD = 120  # seconds: only stops a hang from stalling the suite


def _limits(cpu: int | None):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))
        if cpu is not None:  # CPU seconds, not wall time: the machine may be shared
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))

    return apply


def run_guarded(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None,
                timeout: float = TIME_GUARD, cpu: int | None = None) -> subprocess.CompletedProcess:
    """The real command under a 1 GiB address space (and `cpu` seconds of CPU, if given)."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    if "GITHUB_ACTIONS" not in (env or {}):
        full_env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([*smmplan_command(), *args], cwd=cwd, capture_output=True, env=full_env,
                          input=input if input is not None else b"", timeout=timeout, preexec_fn=_limits(cpu))


def no_crash(proc: subprocess.CompletedProcess) -> None:
    err = proc.stderr.decode(errors="replace")
    assert "internal error" not in err and "Traceback" not in err, err[-2000:]
    assert proc.returncode in (0, 1, 2), (proc.returncode, err[-2000:])


BAN_PLAN = """\
brand: X
posts:
  - date: 2026-12-01
    type: advertising
    title: We buy 5000 followers for the launch
  - date: 2026-12-02
    type: engaging
    title: Our bots will like every post
"""


# --- resource bombs ------------------------------------------------------------------------


def equal_formula_plan(k: int, posts: int, one_type: bool = False) -> str:
    shares = "".join(f"  c{i}: {100 / k!r}\n" for i in range(k))
    items = "".join(f"  - {{date: 2026-12-{1 + i % 28:02d}, channel: x, type: c{0 if one_type else i % k}, "
                    f"title: t{i}}}\n" for i in range(posts))
    return f"brand: b\nformula:\n{shares}posts:\n{items}"


def test_a_formula_of_125_equal_categories_is_a_finding_in_bounded_memory(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(equal_formula_plan(125, 4).replace(repr(100 / 125), "0.8"))
    assert plan.stat().st_size < 4096
    proc = run_guarded("check", str(plan), "-f", "json")
    no_crash(proc)
    found = [f for f in json.loads(proc.stdout)["findings"] if f["code"] == "PLAN008"]
    assert found and "125 categories" in found[0]["message"] and "at most 40" in found[0]["message"]


@pytest.mark.parametrize("args", [("check", "-f", "json"), ("suggest",), ("suggest", "--add-only")])
def test_forty_equal_categories_check_and_rebalance_without_listing_splits(tmp_path, args):
    plan = tmp_path / "p.yaml"
    plan.write_text(equal_formula_plan(40, 30, one_type=True))  # C(40, 30)-ish ties if listed
    proc = run_guarded(args[0], str(plan), *args[1:])
    no_crash(proc)
    assert proc.returncode in (0, 1)


def _hamilton_reference(n, shares):
    """The closest splits by brute force over every split of n (small cases)."""
    from itertools import product

    best, out = None, []
    for split in product(range(n + 1), repeat=len(shares)):
        if sum(split) != n:
            continue
        d = sum(abs(c - n * s) for c, s in zip(split, shares))
        if best is None or d < best:
            best, out = d, [split]
        elif d == best:
            out.append(split)
    return sorted(out)


@pytest.mark.parametrize("k,n", [(5, 3), (6, 4), (4, 7), (7, 2)])
def test_closest_box_holds_exactly_the_closest_splits(k, n):
    from fractions import Fraction

    shares = tuple(Fraction(1, k) for _ in range(k))
    lo, hi = formulas.closest_box(n, shares)
    inside = [s for s in _hamilton_reference(n, shares) if all(a <= c <= b for c, a, b in zip(s, lo, hi))]
    assert inside == _hamilton_reference(n, shares)
    assert sorted(formulas.closest_splits(n, shares)) == _hamilton_reference(n, shares)


def test_too_many_closest_splits_are_not_listed():
    from fractions import Fraction

    shares = tuple(Fraction(1, 40) for _ in range(40))
    with pytest.raises(ValueError):
        formulas.closest_splits(20, shares)  # C(40, 20) = 137,846,528,820 splits
    assert formulas.is_closest_split((1,) * 20 + (0,) * 20, shares)
    assert not formulas.is_closest_split((2,) + (1,) * 18 + (0,) * 21, shares)


@pytest.mark.parametrize("layout", ["block", "flow"])
def test_eight_million_tactics_are_refused_in_bounded_memory(tmp_path, layout):
    plan = tmp_path / "p.yaml"
    body = "\n" + "- a\n" * 8_000_000 if layout == "block" else " [" + "a," * 8_000_000 + "a]\n"
    plan.write_text("brand: b\nposts: []\ntactics:" + body)
    proc = run_guarded("check", str(plan), "--max-file-size", "64", "-f", "json")
    no_crash(proc)
    found = json.loads(proc.stdout)["findings"]
    assert [f["code"] for f in found] == ["PLAN010"] and "100,000 items" in found[0]["message"]


@pytest.mark.parametrize("fast", [True, False])
def test_list_and_node_caps_in_both_builders(monkeypatch, fast):
    monkeypatch.setattr(loader, "MAX_ITEMS", 10)
    monkeypatch.setattr(loader, "MAX_NODES", 40)
    if not fast:
        monkeypatch.setattr(loader, "_fastyaml", None)
    ok = "brand: b\ntactics: [" + ", ".join("a" * 10) + "]\n"
    assert not loader.load(ok.encode()).problems
    long = "brand: b\ntactics: [" + ", ".join("a" * 11) + "]\n"
    doc = loader.load(long.encode())
    assert [p.code for p in doc.problems] == ["PLAN010"] and doc.fatal and doc.data is None
    wide = "brand: b\n" + "".join(f"k{i}: [a, a, a, a, a, a, a, a, a]\n" for i in range(6))
    doc = loader.load(wide.encode())
    assert [p.code for p in doc.problems] == ["PLAN010"] and "values in all" in doc.problems[0].message


def test_the_c_builder_gives_up_past_the_caps():
    if loader._fastyaml is None:
        pytest.skip("the C loader is not built here")
    text = "brand: b\ntactics: [a, a, a]\n"
    assert loader._fastyaml.build(text, loader.Marks, 64, 3, 100) is not None
    assert loader._fastyaml.build(text, loader.Marks, 64, 2, 100) is None
    assert loader._fastyaml.build(text, loader.Marks, 64, 3, 4) is None


def test_a_double_star_glob_through_links_back_up_ends(tmp_path):
    d = tmp_path / "plans" / "deep"
    d.mkdir(parents=True)
    (d / "p.yaml").write_text(BAN_PLAN)
    for i in range(8):  # 8 links to the parent: glob's own walk would take 8^n paths
        os.symlink("..", d / f"up{i}")
    proc = run_guarded("check", "plans/**/*.yaml", "-f", "json", cwd=tmp_path, timeout=60)
    no_crash(proc)
    paths = {f["path"] for f in json.loads(proc.stdout)["findings"]}
    assert paths == {"plans/deep/p.yaml"}


def test_a_search_does_not_follow_a_plan_link_out_of_the_searched_directory(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("brand: SECRET-TOKEN-123\nposts: []\n")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "ok.yaml").write_text(BAN_PLAN)
    os.symlink(secret, tmp_path / "plans" / "leak.yaml")
    proc = run_guarded("check", "plans", cwd=tmp_path)
    no_crash(proc)
    assert b"SECRET-TOKEN-123" not in proc.stdout
    assert b"leak.yaml: not read: a symbolic link to a file outside plans" in proc.stderr
    named = run_guarded("check", "plans/leak.yaml", cwd=tmp_path)
    assert b"SECRET-TOKEN-123" in named.stdout  # named explicitly, it is read


def test_a_search_reads_each_real_file_once_through_directory_and_file_links(tmp_path):
    """A folder search finds a file's real path from its directory's (one realpath a directory,
    not one a file): reached through a linked directory, with links to plans inside the folder
    (read once, under the first name), to a plan outside (not read) and a link that loops."""
    from smmplan.paths import collect_paths

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    for name in ("a.yaml", "sub/b.yaml"):
        (real / name).write_text(BAN_PLAN)
    (tmp_path / "out.yaml").write_text(BAN_PLAN)
    os.symlink(real, tmp_path / "plans")
    os.symlink(real / "sub" / "b.yaml", real / "c.yaml")  # inside: the same file as sub/b.yaml
    os.symlink("b.yaml", real / "sub" / "d.yaml")  # relative, inside: the same file again
    os.symlink(tmp_path / "out.yaml", real / "e.yaml")  # outside
    os.symlink("f.yaml", real / "f.yaml")  # a loop: listed, and reported unreadable when read
    notes: list[str] = []
    files, problems = collect_paths([str(tmp_path / "plans")], notes=notes)
    top = str(tmp_path / "plans")
    assert files == [os.path.join(top, name) for name in ("a.yaml", "c.yaml", "f.yaml")]
    assert [n.split(": ", 1)[0] for n in notes] == [os.path.join(top, "e.yaml")]
    assert problems == []


# --- the ban cannot be switched off in silence -----------------------------------------------

SWITCH_OFFS = {
    "ignore-file": ("# smmplan: ignore-file[BAN]\n" + BAN_PLAN, None, "inSource"),
    "ignore-all-on-the-line": (BAN_PLAN.replace("followers for the launch", "followers  # smmplan: ignore[ALL]")
                               .replace("every post", "every post  # smmplan: ignore[ALL]"), None, "inSource"),
    "allowed-phrases-in-the-plan": (BAN_PLAN.replace("brand: X\n", 'brand: X\nallowed_phrases: ["buy * followers", '
                                                     '"bots will like"]\n'), None, "inSource"),
    "config-ignore": (BAN_PLAN, "ignore: [BAN]\n", "external"),
}


@pytest.fixture(params=sorted(SWITCH_OFFS))
def switched_off(request, tmp_path):
    text, config, kind = SWITCH_OFFS[request.param]
    (tmp_path / "plan.yaml").write_text(text)
    if config:
        (tmp_path / ".smmplan.yaml").write_text(config)
    return tmp_path, kind, request.param


def test_every_switch_off_is_counted_listed_and_carried(switched_off):
    where, kind, name = switched_off
    proc = run_guarded("check", "plan.yaml", "-f", "json", cwd=where)
    no_crash(proc)
    assert b"2 findings suppressed: BAN001, BAN003" in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    assert sorted(s["code"] for s in data["suppressed"]) == ["BAN001", "BAN003"]
    assert {s["suppression"]["kind"] for s in data["suppressed"]} == {kind}
    assert data["summary"]["suppressed"] == 2
    # in the plan itself: a warning of its own; by the configuration: none
    warned = [f for f in data["findings"] if f["code"] == "SMM003"]  # one per comment or phrase
    assert sum(f["data"]["count"] for f in warned) == (2 if kind == "inSource" else 0), warned
    assert len(warned) == {"ignore-file": 1, "config-ignore": 0}.get(name, 2)
    # the same run in process, through the other reporters
    import io

    from smmplan import report
    from smmplan.config import ConfigFinder, settings_for
    from smmplan.engine import check_path

    result = check_path(str(where / "plan.yaml"), settings_for(ConfigFinder().for_path(str(where / "plan.yaml"))))
    buf = io.StringIO()
    report.get("sarif", root=str(where)).render([result], buf)
    doc = json.loads(buf.getvalue())
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text()), cls=jsonschema.Draft7Validator)
    dismissed = [r for r in doc["runs"][0]["results"] if r.get("suppressions")]
    assert sorted(r["ruleId"] for r in dismissed) == ["BAN001", "BAN003"]
    assert {r["suppressions"][0]["kind"] for r in dismissed} == {kind}
    assert {r["suppressions"][0]["status"] for r in dismissed} == {"underReview" if kind == "inSource" else "accepted"}
    for fmt, shown in (("text", "2 findings suppressed: BAN001, BAN003 (--show-suppressed lists them)"),
                       ("concise", None)):
        buf = io.StringIO()
        report.get(fmt, color="never").render([result], buf)
        assert (shown in buf.getvalue()) if shown else "[suppressed" not in buf.getvalue()
        full = io.StringIO()
        report.get(fmt, color="never", width=200, show_suppressed=True).render([result], full)
        assert full.getvalue().count("buy 5000 followers") >= 1 and "suppressed" in full.getvalue()


def test_the_configuration_may_let_the_plan_suppress(tmp_path):
    (tmp_path / "plan.yaml").write_text(SWITCH_OFFS["ignore-file"][0])
    (tmp_path / ".smmplan.yaml").write_text("plan-may-suppress: [BAN]\n")
    data = json.loads(run_guarded("check", "plan.yaml", "-f", "json", cwd=tmp_path).stdout)
    assert not [f for f in data["findings"] if f["code"].startswith(("SMM003", "BAN"))]
    assert {s["suppression"]["status"] for s in data["suppressed"]} == {"accepted"}


@pytest.mark.parametrize("how", ["option", "config"])
def test_a_gate_owner_can_forbid_suppressing_the_ban(tmp_path, how):
    (tmp_path / "plan.yaml").write_text(SWITCH_OFFS["ignore-file"][0])
    (tmp_path / ".smmplan.yaml").write_text("ignore: [BAN]\n" + ("no-suppress: [BAN]\n" if how == "config" else ""))
    args = ["--no-suppress", "BAN"] if how == "option" else []
    proc = run_guarded("check", "plan.yaml", "-f", "json", *args, cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert sorted(f["code"] for f in data["findings"] if f["code"].startswith("BAN")) == ["BAN001", "BAN003"]
    assert not [s for s in data["suppressed"] if s["code"].startswith("BAN")]


def test_allowed_phrase_hook_names_the_phrase_and_where(tmp_path):
    text = SWITCH_OFFS["allowed-phrases-in-the-plan"][0]
    result = check_bytes(text.encode(), "p.yaml", Settings(allowed_phrases=("bots will like",),
                                                            config_path="/x/.smmplan.yaml"))
    by = {s.finding.code: s.by for s in result.suppressed}
    assert by["BAN001"].in_plan and "`buy * followers`" in by["BAN001"].how and by["BAN001"].line == 2
    assert "`bots will like`" in by["BAN003"].how  # the plan's phrase is tried first, then the config's
    only_config = BAN_PLAN
    result = check_bytes(only_config.encode(), "p.yaml", Settings(allowed_phrases=("bots will like",),
                                                                  config_path="/x/.smmplan.yaml"))
    (s,) = result.suppressed
    assert s.finding.code == "BAN003" and not s.by.in_plan and "/x/.smmplan.yaml" in s.by.how
    assert not [f for f in result.findings if f.code == "SMM003"]


# --- files written where the user meant ---------------------------------------------------


@pytest.fixture
def plan_file(tmp_path):
    p = tmp_path / "plan.yaml"
    p.write_text(BAN_PLAN)
    return p


def test_output_onto_devices_writes_into_them(plan_file):
    assert run_guarded("check", str(plan_file), "-o", "/dev/null").returncode == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    full = run_guarded("check", str(plan_file), "-o", "/dev/full")
    assert full.returncode == 2 and b"No space left on device" in full.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    out = run_guarded("check", str(plan_file), "-o", "/dev/stdout", "-f", "concise")
    assert b"BAN001" in out.stdout and os.path.islink("/dev/stdout") or not os.path.lexists("/dev/stdout")


def test_output_into_a_fifo(plan_file, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    run_guarded("check", str(plan_file), "-o", str(fifo), "-f", "json", timeout=60)
    data = reader.communicate(timeout=60)[0]
    assert json.loads(data)["findings"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_link_keeps_the_link_and_the_mode(plan_file, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "report.txt"
    link.symlink_to("real.txt")
    run_guarded("check", str(plan_file), "-o", str(link), "-f", "concise")
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert "BAN001" in target.read_text() and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".smmplan-")]


def test_a_new_output_honours_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_file(str(tmp_path / "new.txt"), "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_hard_linked_output_is_named(plan_file, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old")
    os.link(out, tmp_path / "other.txt")
    proc = run_guarded("check", str(plan_file), "-o", str(out))
    assert b"1 other hard link" in proc.stderr
    assert (tmp_path / "other.txt").read_text() == "old"  # nothing lost


def test_a_file_changed_while_smmplan_worked_is_not_overwritten(tmp_path):
    p = tmp_path / "plan.yaml"
    p.write_text("mine")
    with pytest.raises(ChangedError, match="changed while smmplan worked; nothing written"):
        write_file(str(p), "smmplan's", expect=b"what was read")
    assert p.read_text() == "mine" and not [x for x in tmp_path.iterdir() if x.name.startswith(".smmplan-")]


def test_concurrent_in_place_runs_never_lose_an_edit(tmp_path, monkeypatch):
    """The second of two runs that read the same text refuses to write over the first's."""
    from smmplan import cli

    plan = tmp_path / "plan.yaml"
    plan.write_text(equal_formula_plan(4, 8, one_type=True).replace("formula:\n", "formula:\n", 1))
    original = plan.read_bytes()
    real = write_file

    def someone_else_writes_first(path, data, encoding="utf-8", expect=None):
        Path(path).write_text("# the user's edit\n" + original.decode())
        return real(path, data, encoding, expect)

    monkeypatch.setattr("smmplan.io.write_file", someone_else_writes_first)
    with pytest.raises(SystemExit) as exc:
        monkeypatch.setattr(sys, "argv", ["smmplan", "suggest", str(plan), "--in-place"])
        cli.main()
    assert exc.value.code == 2
    assert plan.read_text().startswith("# the user's edit")


def test_in_place_keeps_utf16(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = equal_formula_plan(4, 8, one_type=True)
    plan.write_bytes(text.encode("utf-16"))
    proc = run_guarded("suggest", str(plan), "--in-place")
    no_crash(proc)
    data = plan.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE) and data.decode("utf-16") != text
    assert "c0" in data.decode("utf-16") and data.decode("utf-16").count("type:") == 8


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def killed(fd):
        raise SystemExit(143)  # what the SIGTERM handler raises

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(SystemExit):
        write_file(str(tmp_path / "out.txt"), "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_sigterm_ends_the_forked_workers_with_their_parent(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    source = (ROOT / "plans" / "taskwise-b2b-q1.yaml").read_text()
    for i in range(300):
        (plans / f"p{i}.yaml").write_text(source)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([*smmplan_command(), "check", str(plans), "-j", "2", "-f", "json"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    kids: list[int] = []
    deadline = time.monotonic() + 60
    while not kids and proc.poll() is None and time.monotonic() < deadline:
        try:
            kids = [int(x) for x in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        except FileNotFoundError:
            break
        time.sleep(0.01)
    if not kids:
        proc.wait(60)
        pytest.skip("the run finished before a worker could be seen")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 143
    time.sleep(0.2)
    alive = [k for k in kids if Path(f"/proc/{k}").exists()
             and Path(f"/proc/{k}/stat").read_text().split()[2] not in ("Z", "X")]
    assert not alive


# --- nothing in a plan or a file name is executed by what reads the output --------------------

HOSTILE_TITLE = "\\e[2J\\e[1AErase \\u202e me, buy followers \\x07 \\x9b"


@pytest.fixture
def hostile_names(tmp_path):
    plan = f'brand: "B\\e[31m"\nposts:\n  - date: 2026-12-01\n    type: engaging\n    title: "{HOSTILE_TITLE}"\n'
    d = tmp_path / "plans"
    d.mkdir()
    (d / "x\n::error::pwned\n::stop-commands::tok.yaml").write_text(plan)
    os.close(os.open(os.fsencode(d) + b"/bad\xff.yaml", os.O_CREAT | os.O_WRONLY))
    Path(os.fsdecode(os.fsencode(d) + b"/bad\xff.yaml")).write_text(plan)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_no_escape_sequence_nor_workflow_command_gets_through(hostile_names, fmt):
    proc = run_guarded("check", "plans", "-f", fmt, "--color", "never", cwd=hostile_names,
                       env={"GITHUB_ACTIONS": "true"})
    no_crash(proc)
    for stream in (proc.stdout, proc.stderr):
        assert b"\x1b" not in stream and b"\xc2\x9b" not in stream and "\u202e".encode() not in stream
        for line in stream.split(b"\n"):
            if line.startswith(b"::"):
                assert line.startswith((b"::error file=", b"::warning file=", b"::notice file=")), line
    assert b"\\x1b" in proc.stdout  # shown, not obeyed


def test_non_utf8_names_give_valid_json_sarif_and_html(hostile_names):
    data = json.loads(run_guarded("check", "plans", "-f", "json", cwd=hostile_names).stdout)
    assert "plans/bad\\xff.yaml" in {f["path"] for f in data["findings"]}
    sarif = json.loads(run_guarded("check", "plans", "-f", "sarif", cwd=hostile_names).stdout)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()), cls=jsonschema.Draft7Validator)
    page = run_guarded("check", os.fsdecode(b"plans/bad\xff.yaml"), "--report", "r.html", cwd=hostile_names)
    no_crash(page)
    (hostile_names / "r.html").read_bytes().decode("utf-8")


def test_the_svg_report_is_well_formed_whatever_the_plan_holds(hostile_names):
    import xml.dom.minidom

    run_guarded("check", "plans", "--report", "r.svg", cwd=hostile_names)
    xml.dom.minidom.parse(str(hostile_names / "r.svg"))


NAME = "x\n::error::pwned\x1b[2J"  # a line of its own under GitHub Actions, and an escape sequence


def _wrote_nothing_obeyable(proc: subprocess.CompletedProcess) -> None:
    no_crash(proc)
    for stream in (proc.stdout, proc.stderr):
        assert b"\x1b" not in stream, stream
        assert not [line for line in stream.split(b"\n") if line.startswith(b"::")], stream
    assert b"x\\x0a::error::pwned\\x1b[2J" in proc.stdout + proc.stderr  # the name is shown, escaped


@pytest.mark.parametrize("args", [
    ("suggest", "--weeks", "1", "--brand", "B", "-o", NAME + ".yaml"),  # wrote NAME
    ("suggest", "plan.yaml", "-o", NAME + ".yaml"),  # wrote NAME (unchanged)
    ("page", "plan.yaml", "-o", NAME + ".html"),
    ("check", "plan.yaml", "--report", NAME + ".svg"),
    ("export", "plan.yaml", "--all", "--to", "csv", "-o", NAME + ".csv"),
    ("import", "sheet.csv", "--brand", "B", "-o", NAME + ".yaml"),
    ("check", "--fix", NAME + ".yaml"),
    ("check", "--diff", NAME + ".yaml"),
    ("rubrics", NAME + ".yaml"),
], ids=lambda a: " ".join(a[:2]).replace(NAME, "NAME"))
def test_what_a_command_says_of_a_file_it_reads_or_writes_shows_its_name_and_obeys_nothing(tmp_path, args):
    plan = (ROOT / "plans" / "coffee-lab-december.yaml").read_text()
    (tmp_path / "plan.yaml").write_text(plan)
    (tmp_path / "sheet.csv").write_text("date,channel,type,title\n2026-12-10,instagram,educational,Hello\n")
    if args[-1] == NAME + ".yaml" and "-o" not in args:  # the plan read bears the name
        # (its first date, `2026-12-1`, is one --fix rewrites)
        (tmp_path / (NAME + ".yaml")).write_text(plan.replace("date: 2026-12-01", "date: 2026-12-1", 1))
    if "--report" in args:
        (tmp_path / (NAME + ".svg")).write_text("<svg/>")  # so that it says it replaced it
    _wrote_nothing_obeyable(run_guarded(*args, cwd=tmp_path))
    assert {p.name for p in tmp_path.iterdir()} & {NAME + ext for ext in (".yaml", ".html", ".svg", ".csv")}


HOSTILE_PLAN = """\
brand: "B\\e[31mRED"
client: "C\\e[2J"
rubrics:
  - {name: "Ru\\e[1Abric", type: engaging, share: 50, ideas: ["Idea \\e[2J one\\n::error::x", "Idea two\\u202e"]}
posts:
  - {date: 2026-12-07, channel: "inst\\e[2Jagram", type: "engag\\e[1Aing", title: "T\\e[2J one", rubric: "Ru\\e[1Abric"}
  - {date: 2026-12-08, channel: instagram, type: educational, title: "T\\n::error::two", status: "appr\\e[2Joved"}
  - {date: 2026-12-09, channel: instagram, type: advertising, title: "Buy \\e[2J followers\\n::error::three"}
  - {date: 2026-12-10, channel: instagram, type: advertising, title: "Sale \\e[2J today \\u202e"}
"""


@pytest.mark.parametrize("args", [("check",), ("check", "-f", "concise"), ("check", "--status"), ("suggest",),
                                  ("suggest", "--weeks", "1"), ("rubrics",), ("export", "--to", "csv", "--all")],
                         ids=" ".join)
def test_a_plans_words_are_shown_in_every_line_a_command_writes_never_obeyed(tmp_path, args):
    (tmp_path / "p.yaml").write_text(HOSTILE_PLAN)
    proc = run_guarded(args[0], "p.yaml", *args[1:], cwd=tmp_path)
    no_crash(proc)
    for stream in (proc.stdout, proc.stderr):
        assert b"\x1b" not in stream and "\u202e".encode() not in stream, stream
        assert not [line for line in stream.split(b"\n") if line.startswith(b"::")], stream


def test_a_newline_in_a_plan_name_cannot_inject_into_a_continued_calendar(tmp_path):
    name = "old\nbrand: EVIL\nformula: thirds\n#.yaml"
    (tmp_path / name).write_text((ROOT / "plans" / "coffee-lab-december.yaml").read_text())
    proc = run_guarded("suggest", name, "--weeks", "1", cwd=tmp_path)
    no_crash(proc)
    header = yaml.safe_load(proc.stdout)
    assert header["brand"] == "Coffee Lab" and header["formula"] == "golden"


def test_csv_cells_that_would_start_a_formula_are_text(tmp_path):
    proc = run_guarded("suggest", "--weeks", "1", "--format", "csv", "--channels", "=HYPERLINK(1),+1,-2,@x,ok")
    no_crash(proc)
    import csv
    import io

    cells = [c for row in csv.reader(io.StringIO(proc.stdout.decode())) for c in row]
    assert "'=HYPERLINK(1)" in cells and "'+1" in cells and "'-2" in cells and "'@x" in cells and "ok" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("value,safe", [("=1+1", "'=1+1"), ("+7", "'+7"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("plain", "plain")])
def test_the_cell_neutraliser(value, safe):
    assert neutralise(value) == safe


@pytest.mark.parametrize("link", ["javascript:alert(1)", " JaVa\tscript:x", "data:text/html,x", "vbscript:x"])
def test_links_other_than_http_are_findings(link):
    plan = f'brand: b\nposts:\n  - {{date: 2026-12-01, type: engaging, title: t, link: "{link}"}}\n'
    found = [f for f in check_bytes(plan.encode(), "p.yaml").findings if f.code == "PLAN006"]
    assert found and "not a web address" in found[0].message


def test_web_links_and_addresses_without_a_scheme_pass():
    plan = ('brand: b\nposts:\n  - {date: 2026-12-01, type: engaging, title: t, link: "https://a.example/x", '
            'permalink: "shop.example/winter"}\n')
    assert not [f for f in check_bytes(plan.encode(), "p.yaml").findings if f.code == "PLAN006"]


def test_visible(capsys):
    assert visible("a\x1b[2Jb\u202e\n") == "a\\x1b[2Jb\\u202e\n"
    assert visible_path("x\n::error::y") == "x\\x0a::error::y"
    assert visible("plain text, ёлка") == "plain text, ёлка"
    say("wrote x\n::error::y\u202e.yaml")
    assert capsys.readouterr().err == "smmplan: wrote x\\x0a::error::y\\u202e.yaml\n"


def test_a_bidi_control_is_written_to_yaml_as_an_escape_and_reads_back_the_same():
    from smmplan.visible import BIDI
    from smmplan.writer import scalar

    for text in ["Idea two\u202e", "a\u2066b\x1bc\nd", "Привет\u200f мир", "\u061cx: y, [z]"]:
        out = scalar(text)
        assert not re.search(f"[{BIDI}]", out), out
        assert yaml.safe_load(out) == text
    # the smmplan reader too: a post titled so keeps its title
    title = "Sale \u202etoday"
    plan = check_bytes(f"brand: b\nposts:\n  - {{date: 2026-12-07, type: engaging, title: {scalar(title)}}}\n".encode(),
                       "p.yaml").plan
    assert plan.posts[0].title == title


def test_a_finding_is_one_line_whatever_it_quotes():
    from smmplan.findings import Finding

    f = Finding("FLOW001", "status", "error", 'Post "T\n::error::x\u202e" has status `a\tb`', "p.yaml", 3, 1,
                fix="Write\napproved")
    assert f.message == 'Post "T\\x0a::error::x\\u202e" has status `a\\x09b`' and f.fix == "Write\\x0aapproved"


# --- crashes that were internal errors ---------------------------------------------------------

CRASHERS = [
    ("suggest", "--weeks", "1", "--format", "ics", "--brand", "a\nb\r\n::error::x"),
    ("suggest", "--weeks", "520", "--start", "9999-01-01"),
    ("check", "{plan}", "--due-days", "3000000"),
    ("check", "{plan}", "--as-of", "9999-12-31"),
    ("check", "{plan}", "--as-of", "9999-12-31", "--due-days", "999999999999"),
    ("check", "{plan}", "--max-file-size", "nan"),
    ("check", "{plan}", "--max-file-size", "inf"),
    ("suggest", "{u2028}"),
    ("suggest", "{u2028}", "--weeks", "1"),
]


@pytest.mark.parametrize("args", CRASHERS, ids=lambda a: " ".join(a)[:60])
def test_former_internal_errors_are_findings_or_usage_errors(tmp_path, args):
    (tmp_path / "p.yaml").write_text((ROOT / "plans" / "coffee-lab-december.yaml").read_text())
    posts = "".join(f'  - {{date: 2026-12-0{i + 1}, type: advertising, title: "P{i} a\\u2028b\\x85c"}}\n'
                    for i in range(8))
    (tmp_path / "u.yaml").write_text("brand: B\nstart: 2026-12-01\nposts:\n" + posts)
    proc = run_guarded(*(a.format(plan="p.yaml", u2028="u.yaml") for a in args), cwd=tmp_path)
    no_crash(proc)
    if "check" == args[0]:
        assert b"SMM001" not in proc.stdout


def test_flow_dates_at_the_end_of_the_calendar_do_not_crash_a_family():
    plan = (ROOT / "plans" / "coffee-lab-december.yaml").read_bytes()
    import datetime as dt

    for s in (Settings(as_of=dt.date(9999, 12, 31)), Settings(due_days=3_000_000)):
        assert "SMM001" not in [f.code for f in check_bytes(plan, "p.yaml", s).findings]


@pytest.mark.parametrize("config", ["tolerance: .nan\n", "tolerance: .inf\n", "max-file-size: .inf\n",
                                    "max-file-size: .nan\n", "max-file-size: 0\n"])
def test_non_finite_config_values_are_config_errors(tmp_path, config):
    (tmp_path / "p.yaml").write_text(BAN_PLAN)
    (tmp_path / ".smmplan.yaml").write_text(config)
    proc = run_guarded("check", "p.yaml", cwd=tmp_path)
    no_crash(proc)
    assert proc.returncode == 2 and b"config error" in proc.stderr


# --- the property: no plan under 64 KB needs more than 1 GiB or 20 s -----------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
_word = st.text("ab*?[] -_.ёж", min_size=1, max_size=30)


@st.composite
def hostile_plans(draw) -> str:
    k = draw(st.integers(1, 130))
    shares = draw(st.sampled_from(["equal", "preset", "skewed"]))
    if shares == "equal":
        formula = {f"c{i}": round(100 / k, 6) for i in range(k)}
    elif shares == "skewed":
        formula = {f"c{i}": 1 for i in range(min(k, 99) - 1)} | {"rest": 100 - (min(k, 99) - 1)}
    else:
        formula = draw(st.sampled_from(sorted(formulas.PRESETS)))
    cats = list(formula) if isinstance(formula, dict) else list(formulas.PRESETS[formula].categories)
    posts = [{"date": f"2026-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
              "type": draw(st.sampled_from(cats + ["ad", "??"])), "title": draw(_text),
              "text": draw(_text), "link": draw(st.sampled_from(["https://a.example", "javascript:x", "x"]))}
             for _ in range(draw(st.integers(0, 60)))]
    plan = {"brand": draw(_text), "formula": formula, "tolerance": draw(st.sampled_from([0, 1, 5, 50])),
            "posts": posts, "tactics": [draw(_text) for _ in range(draw(st.integers(0, 20)))],
            "banned_phrases": [draw(_word) for _ in range(draw(st.integers(0, 3)))],
            "allowed_phrases": [draw(_word) for _ in range(draw(st.integers(0, 3)))]}
    text = yaml.safe_dump(plan, allow_unicode=True)
    if draw(st.booleans()):
        text = "# smmplan: ignore-file[ALL]\n" + text
    return text[: 64 * 1024]


def test_a_skewed_thirty_category_formula_found_by_the_property(tmp_path):
    """Hypothesis found it: 30 categories of 1 % and one of 70 %, 60 posts; the exact search for
    posts to add took minutes, its budget counting a 31-category flow as a 4-category one."""
    shares = "".join(f"  c{i}: 1\n" for i in range(30)) + "  rest: 70\n"
    posts = "".join(f"  - {{date: 2026-{1 + i % 12:02d}-{1 + i * 7 % 28:02d}, type: c{i * 7 % 30}, title: t{i}}}\n"
                    for i in range(60))
    (tmp_path / "p.yaml").write_text(f"brand: b\nformula:\n{shares}posts:\n{posts}")
    for args in (("check", "p.yaml", "-f", "json"), ("suggest", "p.yaml", "--add-only")):
        no_crash(run_guarded(*args, cwd=tmp_path, cpu=20))


def uneven_forty_category_plan(weeks: int = 52, per_week: int = 21) -> str:
    """40 categories of uneven shares, tolerance 0, a year of 21 posts a week of three types (46 KB)."""
    import datetime as dt
    import random

    rng = random.Random(1)
    raw = [rng.randint(1, 1000) for _ in range(40)]
    shares = [round(100 * r / sum(raw), 7) for r in raw]
    shares[-1] = round(100 - sum(shares[:-1]), 7)
    formula = "".join(f"  c{i}: {s!r}\n" for i, s in enumerate(shares))
    start = dt.date(2026, 1, 5)
    posts = "".join(f"  - {{date: {start + dt.timedelta(days=7 * w + j % 7)}, type: c{rng.choice([0, 1, 2])}, "
                    "title: t}\n" for w in range(weeks) for j in range(per_week))
    return f"brand: b\ntolerance: 0\nformula:\n{formula}posts:\n{posts}"


def test_uneven_categories_at_zero_tolerance_stay_within_the_guard(tmp_path):
    """Found while probing: each total of posts tried cost Fraction arithmetic over 40 categories,
    and the searches for posts to add were bounded in posts, not in steps (35 s to check, minutes
    to suggest)."""
    (tmp_path / "p.yaml").write_text(uneven_forty_category_plan())
    assert (tmp_path / "p.yaml").stat().st_size < 64 * 1024
    no_crash(run_guarded("check", "p.yaml", "-f", "json", cwd=tmp_path, cpu=20))
    added = run_guarded("suggest", "p.yaml", "--add-only", cwd=tmp_path, cpu=20)
    no_crash(added)
    assert b"already passes" not in added.stdout  # a search that finds nothing says so


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(hostile_plans())
def test_no_plan_under_64_kb_needs_more_than_a_gib_or_20_seconds(tmp_path_factory, text):
    where = tmp_path_factory.mktemp("prop")
    (where / "p.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    for args in (("check", "p.yaml", "-f", "json"), ("suggest", "p.yaml")):
        proc = run_guarded(*args, cwd=where, cpu=20)  # past 20 s of CPU the process is killed: a failure
        no_crash(proc)
