"""Hostile and broken input: a finding or exit 2, never a traceback, a hang or a memory blow-up.

Resource-heavy cases run the real command in a subprocess whose address space
is capped with RLIMIT_AS (`run_limited`): a run that tried to build an alias
bomb or read a 50 MB file into several copies dies there instead of passing.
The subprocess timeout only stops a hang from stalling the suite; no test
asserts how long anything takes.
"""

from __future__ import annotations

import codecs
import errno
import functools
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from smmplan import cli, loader
from smmplan.engine import check_bytes
from tests.conftest import PLANS, check_text, run_cli, smmplan_command

MEMORY_LIMIT = 512 * 1024 * 1024  # address space of one run of the real command
HANG_GUARD = 120  # seconds; a hang fails the test instead of stalling CI


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str, cwd: Path | None = None, command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run smmplan (or `command`) with its memory capped."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run([*(command or smmplan_command()), *args], cwd=cwd, capture_output=True, env=env,
                          timeout=HANG_GUARD, preexec_fn=_limit_memory)


def assert_clean_exit(proc: subprocess.CompletedProcess, code: int | None = None) -> None:
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")[-2000:]
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.stderr[-2000:])
    if code is not None:
        assert proc.returncode == code, (proc.returncode, proc.stderr[-2000:])


def json_findings(proc: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(proc.stdout)["findings"]


def only_codes(data: bytes, **kw) -> list[str]:
    return [f.code for f in check_bytes(data, "p.yaml", **kw).findings]


def test_the_memory_cap_is_real():
    """The cap used below does stop a process that allocates too much."""
    proc = run_limited("-c", "x = bytearray(600 * 2**20)", command=[sys.executable])
    assert proc.returncode != 0 and b"MemoryError" in proc.stderr


# --- alias bombs ---------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 9) -> bytes:
    lines = ["a: &a [" + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * width) + "]")
    lines.append(f"posts: *{chr(96 + levels)}")
    return ("\n".join(lines) + "\n").encode()


BOMBS = {
    # 9**9 = 387 million strings if expanded
    "billion-laughs": billion_laughs(),
    # few anchors, one huge list referenced often: 100,000 x 50 nodes
    "quadratic": (b"big: &big [" + b", ".join([b"x"] * 100_000) + b"]\nposts: ["
                  + b", ".join([b"*big"] * 50) + b"]\n"),
    # many cheap aliases
    "many-aliases": b"brand: &b x\ntactics: [" + b", ".join([b"*b"] * 5_000) + b"]\nposts: []\n",
}


@pytest.mark.parametrize("name", BOMBS)
def test_alias_bomb_is_a_plan_finding(name):
    result = check_bytes(BOMBS[name], "bomb.yaml")
    (f,) = result.findings
    assert f.code == "PLAN010" and f.line is not None and "alias" in f.message.lower()


def test_alias_bomb_through_the_command_with_bounded_memory(tmp_path):
    for name, data in BOMBS.items():
        (tmp_path / f"{name}.yaml").write_bytes(data)
    proc = run_limited("check", "--format", "json", str(tmp_path))
    assert_clean_exit(proc, 1)
    assert sorted(f["code"] for f in json_findings(proc)) == ["PLAN010"] * len(BOMBS)


def _expanded(value) -> int:
    """Nodes with every alias expanded, walked plainly (no memo): a mapping counts
    itself, its keys and its values; a sequence itself and its items."""
    if isinstance(value, dict):
        return 1 + len(value) + sum(_expanded(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_expanded(v) for v in value)
    return 1


@pytest.mark.parametrize("text", [
    "a: &a [x, y, {k: v, l: [1, 2]}]\nb: &b [*a, *a, {m: *a}]\nc: [*b, *b, *a]\nposts: []\n",
    "a: &a {k: &s v}\nb: [*s, *s, *a, &c [*a, *s]]\nd: {e: *c, f: *c}\nposts: []\n",
    "x: &x 1\ny: &y [*x, *x, *x]\nz: &z [*y, *y, *y]\nw: [*z, *z, *z, *z]\nposts: []\n",
])
def test_alias_limit_counts_what_the_aliases_expand_to(text, monkeypatch):
    assert not loader.load(text.encode()).problems
    aliased = _expanded_by_aliases(text)
    monkeypatch.setattr(loader, "MAX_EXPANDED_NODES", aliased)
    assert not loader.load(text.encode()).problems  # exactly at the limit: fine
    monkeypatch.setattr(loader, "MAX_EXPANDED_NODES", aliased - 1)
    assert [p.code for p in loader.load(text.encode()).problems] == ["PLAN010"]


def _expanded_by_aliases(text: str) -> int:
    """Nodes the aliases of `text` stand for: each `*alias` counts its anchor's value
    expanded, values built from PyYAML's event stream."""
    events = [e for e in yaml.parse(text) if not isinstance(
        e, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent))]
    at, anchors, total = 0, {}, 0

    def build():
        nonlocal at, total
        ev = events[at]
        at += 1
        if isinstance(ev, yaml.AliasEvent):
            total += _expanded(anchors[ev.anchor])
            return anchors[ev.anchor]
        if isinstance(ev, yaml.ScalarEvent):
            value = ev.value
        elif isinstance(ev, yaml.SequenceStartEvent):
            value = []
            while not isinstance(events[at], yaml.SequenceEndEvent):
                value.append(build())
            at += 1
        else:
            value = {}
            while not isinstance(events[at], yaml.MappingEndEvent):
                key = build()
                value[key] = build()
            at += 1
        if ev.anchor is not None:
            anchors[ev.anchor] = value
        return value

    build()
    return total


def test_small_anchors_and_merge_keys_still_work():
    result = check_text("""\
        defaults: &d {type: engaging, title: Poll}
        posts:
          - {<<: *d, date: 2026-12-01}
        """)
    assert result.doc.data["posts"] == [{"type": "engaging", "title": "Poll", "date": "2026-12-01"}]


# --- nesting ---------------------------------------------------------------------

DEEP = 10_000
NESTED = {
    "flow-sequences": b"[" * DEEP + b"]" * DEEP,
    "flow-mappings": b"{a: " * DEEP + b"x" + b"}" * DEEP,
    "block-sequences": b"- " * DEEP + b"x\n",
    "block-mappings": b"".join(b" " * i + b"k:\n" for i in range(2_000)),  # one line per level
    "mixed-block": b"".join(b"  " * i + b"- k:\n" for i in range(2_000)),
    "posts-nesting": b"posts:\n  - " + b"[" * DEEP + b"]" * DEEP + b"\n",
}


@pytest.mark.parametrize("name", NESTED)
def test_deep_nesting_is_a_plan_finding(name):
    (f,) = check_bytes(NESTED[name], "deep.yaml").findings
    assert f.code == "PLAN010" and f.line is not None and f.column is not None
    assert "64 levels" in f.message


def test_deep_nesting_through_the_command(tmp_path):
    for name, data in NESTED.items():
        (tmp_path / f"{name}.yaml").write_bytes(data)
    proc = run_limited("check", "--format", "json", str(tmp_path))
    assert_clean_exit(proc, 1)
    assert [f["code"] for f in json_findings(proc)] == ["PLAN010"] * len(NESTED)


def test_nesting_a_plan_needs_is_fine():
    result = check_text("goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clicks, target: 10}\nposts: []\n")
    assert "PLAN010" not in [f.code for f in result.findings]


# --- huge values and files ---------------------------------------------------------

TEN_MB = 10 * 1024 * 1024
POST = "posts:\n  - date: {date}\n    type: {type}\n    title: {title}\n    status: {status}\n"


@functools.cache
def huge_scalar_plans() -> dict[str, str]:
    big = "".join(chr(97 + (i * 7) % 26) for i in range(TEN_MB // 100)) * 100  # not compressible by junk
    ok = {"date": "2026-12-01", "type": "engaging", "title": "Poll", "status": "draft"}
    return {
        "brand": f"brand: {big}\nposts: []\n",
        "key": f"? {big}\n: 1\nposts: []\n",
        "formula": f"formula: {big}\nposts: []\n",
        "number": f"weeks: {'9' * TEN_MB}\nposts: []\n",
        "block": "brand: |\n" + "".join(f"  {big[i:i + 100]}\n" for i in range(0, TEN_MB, 100)) + "posts: []\n",
        **{k: POST.format(**{**ok, k: big}) for k in ok},
        "goal-kind": f"goals:\n  - kind: {big}\nposts: []\n",
        "kpi-metric": f"goals:\n  - kind: traffic\n    kpis:\n      - {{metric: {big}, target: 10}}\nposts: []\n",
    }


@pytest.mark.parametrize("name", list(huge_scalar_plans()))
def test_ten_megabyte_scalars_are_read_and_quoted_briefly(tmp_path, name):
    """One run per file: a run keeps every file it reads, so the cap is per plan."""
    path = tmp_path / f"{name}.yaml"
    path.write_text(huge_scalar_plans()[name])
    proc = run_limited("check", "--format", "json", str(path))
    assert_clean_exit(proc)
    doc = json.loads(proc.stdout)
    assert doc["summary"]["plans"] == 1
    for f in doc["findings"]:
        assert len(f["message"]) <= 2000 and len(f["fix"] or "") <= 2000, f["code"]
    if name in ("key", "formula", "number", "date", "type", "status", "goal-kind", "kpi-metric"):
        assert any(re.search(r"…` \(10,485,\d{3} characters\)", f["message"]) for f in doc["findings"])


def test_text_report_of_a_huge_scalar(tmp_path):
    (tmp_path / "p.yaml").write_text(huge_scalar_plans()["type"])
    proc = run_limited("check", "--color", "never", str(tmp_path / "p.yaml"))
    assert_clean_exit(proc, 1)
    assert b"PLAN007" in proc.stdout and len(proc.stdout) < 100_000


def fifty_mb_comments(path: Path) -> Path:
    line = b"# " + b"x" * 1021 + b"\n"  # 1 KiB
    with open(path, "wb") as fh:
        for _ in range(50 * 1024):
            fh.write(line)
    return path


def test_fifty_megabyte_file_is_over_the_default_limit(tmp_path):
    path = fifty_mb_comments(tmp_path / "big.yaml")
    proc = run_limited("check", "--format", "json", str(path))
    assert_clean_exit(proc, 1)
    (f,) = json_findings(proc)
    assert f["code"] == "PLAN011"
    assert "50.0 MiB" in f["message"] and "32.0 MiB limit" in f["message"] and "max-file-size" in f["message"]


def test_size_limit_is_configurable_with_the_flag(tmp_path):
    path = fifty_mb_comments(tmp_path / "big.yaml")
    proc = run_limited("check", "--format", "json", "--max-file-size", "64", str(path))
    assert_clean_exit(proc, 1)
    assert [f["code"] for f in json_findings(proc)] == ["PLAN012"]  # read in full: comments only
    small = tmp_path / "small.yaml"
    small.write_bytes((PLANS / "coffee-lab-december.yaml").read_bytes())
    proc = run_cli("check", "--format", "json", "--max-file-size", "0.001", str(small))
    assert_clean_exit(proc, 1)
    (f,) = json_findings(proc)
    assert f["code"] == "PLAN011" and "0.0 MiB limit" in f["message"]
    for bad in ("0", "-1", "lots"):
        proc = run_cli("check", "--max-file-size", bad, str(small))
        assert_clean_exit(proc, 2)


def test_size_limit_in_process_names_the_limit():
    data = b"# comment\n" * 300
    (f,) = check_bytes(data, "p.yaml", _settings(max_file_size=1024)).findings
    assert f.code == "PLAN011" and "over the 0.0 MiB limit" in f.message
    assert loader.read_file.__doc__  # the file reader below never reads past the limit


def test_read_file_does_not_read_a_file_over_the_limit(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"x" * 5000)
    assert loader.read_file(str(path), 4999) == (b"", 5000)
    assert loader.read_file(str(path), 5000) == (b"x" * 5000, 5000)


def _settings(**kw):
    from smmplan.config import Settings

    return Settings(**kw)


# --- bytes that are not a UTF-8 plan ---------------------------------------------


@pytest.mark.parametrize(
    "data, where",
    [
        (bytes(range(256)) * 4, (1, 1)),  # binary, NUL first
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (3, 1)),
        (b"brand: a\x00b\nposts: []\n", (1, 9)),
        (b"brand: ok\nposts: []\n# caf\xe9\n", (3, 6)),  # Latin-1
        ("brand: Колосок\n".encode("cp1251"), (1, 8)),
        (b"brand: \xff\xfe\n", (1, 8)),
        ("posts: []\n".encode("utf-16-le"), (1, 2)),  # UTF-16 without a BOM: NUL bytes
        (codecs.BOM_UTF16_LE + b"p\x00o", (1, 1)),  # odd length: broken UTF-16
    ],
)
def test_binary_and_wrong_encodings_are_plan002_with_a_position(data, where):
    (f,) = check_bytes(data, "p.yaml").findings
    assert (f.code, (f.line, f.column)) == ("PLAN002", where)


def same_reading(a: bytes, b: bytes) -> None:
    ra, rb = check_bytes(a, "p.yaml"), check_bytes(b, "p.yaml")
    assert [(f.code, f.line, f.column, f.message, f.fix) for f in ra.findings] == \
        [(f.code, f.line, f.column, f.message, f.fix) for f in rb.findings]
    assert ra.doc.data == rb.doc.data
    assert ra.to_dict() == rb.to_dict()


FLAWED = """\
brand: Flawed
formula: golden
posts:
  - {date: 2026-12-01, type: advertising, title: "Sale"}
  - {date: 2026-12-02, type: advertising, title: "Sale"}
  - date: 2026-12-03
    type: educatonal
    title: >
      Folded text
      over lines
    notes: |
      Line one
      Line two
  - date: 2026-13-01
    type: engaging
    title: Poll
    tittle: typo
"""

ENCODINGS = {
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode(),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode(),
    "crlf-utf-8-bom": lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode(),
    "crlf-utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("plan", ["flawed", *[p.name for p in sorted(PLANS.glob("*.yaml"))]])
def test_boms_and_crlf_read_exactly_like_plain_lf(encoding, plan):
    text = FLAWED if plan == "flawed" else (PLANS / plan).read_text(encoding="utf-8")
    same_reading(text.encode(), ENCODINGS[encoding](text))


def test_the_flawed_plan_has_located_findings():
    """The CRLF comparison above compares something: findings on several lines."""
    lines = {f.line for f in check_bytes(FLAWED.encode(), "p.yaml").findings}
    assert len(lines) >= 3 and None not in lines


def test_crlf_excerpt_has_no_carriage_return():
    result = check_bytes(FLAWED.replace("\n", "\r\n").encode(), "p.yaml")
    f = next(f for f in result.findings if f.code == "PLAN007")
    assert result.doc.line_text(f.line) == "    type: educatonal"


# --- files that hold no plan ------------------------------------------------------------


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "PLAN012"),
        (b"\n\n   \n", "PLAN012"),
        (codecs.BOM_UTF8, "PLAN012"),
        (b"# only\n# comments\n", "PLAN012"),
        (b"---\n...\n", "PLAN012"),
        (b"--- # nothing\n", "PLAN012"),
        (b"%YAML 1.1\n---\n", "PLAN012"),
        (b"posts: []\n---\nposts: []\n", "PLAN013"),
        (b"brand: a\n---\n- x\n---\n42\n", "PLAN013"),
        (b"- a\n- b\n", "PLAN003"),
        (b"just a string\n", "PLAN003"),
        (b"42\n", "PLAN003"),
        (b"null\n", "PLAN003"),
        (b"~\n", "PLAN003"),
        (b"'quoted'\n", "PLAN003"),
        (b"[posts]\n", "PLAN003"),
    ],
)
def test_files_that_hold_no_plan(data, code):
    result = check_bytes(data, "p.yaml")
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1 and found[0].severity == "error" and found[0].line is not None


def test_several_documents_points_at_the_second_and_reads_the_first():
    result = check_bytes(b"brand: One\nposts: []\n---\nbrand: Two\n", "p.yaml")
    (f,) = [f for f in result.findings if f.code == "PLAN013"]
    assert f.line == 3 and result.doc.data["brand"] == "One"


def test_one_explicit_document_is_fine():
    result = check_bytes(b"---\nbrand: One\nposts: []\n...\n", "p.yaml")
    assert not [f for f in result.findings if f.code in ("PLAN012", "PLAN013")]


# --- tags never run anything --------------------------------------------------------


def marker_payloads(marker: Path) -> list[str]:
    cmd = f"touch {marker}"
    return [
        f"brand: !!python/object/apply:os.system [{cmd!r}]\nposts: []\n",
        f"brand: !!python/object/apply:os.system\n  args: [{cmd!r}]\nposts: []\n",
        f"posts:\n  - !!python/object/new:os.system [{cmd!r}]\n",
        f"brand: !!python/object/apply:subprocess.call [[touch, {str(marker)!r}]]\nposts: []\n",
    ]


def test_python_tags_would_run_code_in_an_unsafe_loader(tmp_path):
    """The payloads are real: PyYAML's unsafe loader does run them."""
    marker = tmp_path / "MARKER"
    for payload in marker_payloads(marker):
        yaml.unsafe_load(payload)
        assert marker.exists(), payload
        marker.unlink()


def test_python_tags_never_run_and_are_findings(tmp_path):
    marker = tmp_path / "MARKER"
    for i, payload in enumerate(marker_payloads(marker)):
        result = check_text(payload, dedent=False)
        tags = [f for f in result.findings if f.code == "PLAN009"]
        assert tags and tags[0].severity == "error" and tags[0].line is not None
        (tmp_path / f"p{i}.yaml").write_text(payload)
    proc = run_cli("check", "--format", "json", str(tmp_path))
    assert_clean_exit(proc, 1)
    assert sum(f["code"] == "PLAN009" for f in json_findings(proc)) >= 4
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!python/module:os", "!custom", "!<tag:evil.example,2026:x>",
                                 "!!set", "!!omap"])
@pytest.mark.parametrize("node", ["scalar", "sequence", "mapping"])
def test_every_unknown_tag_is_refused(tag, node):
    value = {"scalar": "x", "sequence": "[x]", "mapping": "{a: x}"}[node]
    result = check_text(f"brand: {tag} {value}\nposts: []\n", dedent=False)
    (f,) = [f for f in result.findings if f.code == "PLAN009"]
    assert (f.line, f.column) == (1, 8)


# --- paths ------------------------------------------------------------------------------

GOOD = (PLANS / "coffee-lab-december.yaml").read_bytes()


@pytest.fixture
def good_plan(tmp_path) -> Path:
    path = tmp_path / "good" / "plan.yaml"
    path.parent.mkdir()
    path.write_bytes(GOOD)
    return path


def assert_exit2_and_still_checks(proc, message: str, good: Path) -> None:
    assert_clean_exit(proc, 2)
    err = proc.stderr.decode()
    assert message in err, err
    assert str(good) in proc.stdout.decode(), "the other plan is still checked"


def test_missing_file(tmp_path, good_plan):
    proc = run_cli("check", str(tmp_path / "nope.yaml"), str(good_plan))
    assert_exit2_and_still_checks(proc, "nope.yaml: no such file or directory", good_plan)


def test_directory_without_plans(tmp_path, good_plan):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a plan")
    proc = run_cli("check", str(empty), str(good_plan))
    assert_exit2_and_still_checks(proc, "no plan files", good_plan)


def test_unreadable_file_given_as_a_directory_path(tmp_path, good_plan):
    """`plan.yaml/`: open() fails (ENOTDIR) on a path that exists; tests run as root, so chmod 000 cannot."""
    proc = run_cli("check", str(good_plan) + "/", str(good_plan))
    assert_clean_exit(proc, 2)
    assert "cannot read: Not a directory" in proc.stderr.decode()


def test_unreadable_file_permission_denied(tmp_path, good_plan, monkeypatch):
    """chmod 000 does not stop root, so the failing open() is simulated."""
    secret = tmp_path / "secret.yaml"
    secret.write_bytes(GOOD)
    real_open = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loader.os, "open", deny)
    result = CliRunner().invoke(cli.app, ["check", "--color", "never", str(secret), str(good_plan)])
    assert result.exit_code == 2, result.output
    assert f"{secret}: cannot read: Permission denied" in result.stderr
    assert "Checked 1 plan" in result.stderr


def test_symlink_loops(tmp_path, good_plan):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    proc = run_cli("check", str(a), str(good_plan))
    assert_exit2_and_still_checks(proc, "looping symbolic link", good_plan)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "sub").symlink_to(folder)  # a directory loop is not followed
    proc = run_cli("check", str(folder), str(good_plan))
    assert_exit2_and_still_checks(proc, "Too many levels of symbolic links", good_plan)


def test_fifo_given_as_a_plan_does_not_hang(tmp_path, good_plan):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    proc = run_cli("check", str(fifo), str(good_plan), timeout=HANG_GUARD)
    assert_exit2_and_still_checks(proc, "not a regular file", good_plan)


def test_fifo_inside_a_directory_does_not_hang(tmp_path, good_plan):
    os.mkfifo(good_plan.parent / "pipe.yaml")
    proc = run_cli("check", str(good_plan.parent), timeout=HANG_GUARD)
    assert_exit2_and_still_checks(proc, "pipe.yaml: cannot read: not a regular file", good_plan)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_not_read(tmp_path, good_plan, device):
    proc = run_limited("check", device, str(good_plan))
    assert_exit2_and_still_checks(proc, "not a regular file", good_plan)
    (good_plan.parent / "dev.yaml").symlink_to(device)  # reached through a directory
    proc = run_limited("check", str(good_plan.parent))
    assert_exit2_and_still_checks(proc, "dev.yaml: cannot read: not a regular file", good_plan)


def test_read_file_refuses_a_fifo_without_blocking(tmp_path):
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    code = f"from smmplan.loader import read_file\ntry:\n  read_file({str(fifo)!r})\nexcept OSError as e:\n  print(e.strerror)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=HANG_GUARD)
    assert proc.stdout.decode().startswith("not a regular file")


# --- exit codes and internal errors -------------------------------------------------------


def test_exit_codes(tmp_path):
    assert_clean_exit(run_cli("check", str(PLANS)), 0)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a\n")
    assert_clean_exit(run_cli("check", str(bad)), 1)
    assert_clean_exit(run_cli("check", "--format", "nope", str(bad)), 2)
    assert_clean_exit(run_cli("check", "--no-such-option"), 2)
    assert_clean_exit(run_cli("check", str(tmp_path / "missing.yaml")), 2)


INJECT = """
import sys
import smmplan.engine

def boom(*args, **kwargs):
    raise RuntimeError("injected bug")

smmplan.engine.check_path = boom
sys.argv = ["smmplan", *sys.argv[1:]]
from smmplan.cli import main
main()
"""


def test_internal_bug_is_one_line_exit_2_and_debug_shows_the_traceback():
    args = ["check", str(PLANS / "coffee-lab-december.yaml")]
    proc = subprocess.run([sys.executable, "-c", INJECT, *args], capture_output=True, timeout=HANG_GUARD)
    assert proc.returncode == 2
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "internal error" in err[0] and "injected bug" in err[0] and "--debug" in err[0]
    proc = subprocess.run([sys.executable, "-c", INJECT, "--debug", *args], capture_output=True,
                          timeout=HANG_GUARD)
    assert proc.returncode != 0
    assert b"Traceback" in proc.stderr and b"RuntimeError: injected bug" in proc.stderr


def test_internal_bug_in_process(monkeypatch, capsys):
    import smmplan.engine

    def boom(*args, **kwargs):
        raise ValueError("injected")

    monkeypatch.setattr(smmplan.engine, "check_path", boom)
    monkeypatch.setattr(sys, "argv", ["smmplan", "check", str(PLANS)])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("smmplan: internal error: ValueError: injected")


def test_a_crashing_rule_family_is_a_finding_and_the_rest_still_run(monkeypatch):
    from smmplan.rules import family_modules

    mix = next(m for m in family_modules() if m.__name__.endswith(".mix"))

    def crash(ctx):
        raise ZeroDivisionError("injected")

    monkeypatch.setattr(mix, "check", crash)
    result = check_bytes(FLAWED.encode(), "p.yaml")
    found = [f.code for f in result.findings]
    assert "SMM001" in found and "PLAN007" in found


# --- config files and standard input are read with the same guards --------------------------


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "huge", "missing"])
def test_config_file_that_is_not_a_small_regular_file(tmp_path, good_plan, kind):
    config = {"fifo": tmp_path / "fifo.yaml", "/dev/zero": Path("/dev/zero"), "huge": tmp_path / "huge.toml",
              "missing": tmp_path / "missing.toml"}[kind]
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "huge":
        config.write_bytes(b"# padding\n" * 200_000)
    proc = run_limited("check", "--config", str(config), str(good_plan))
    assert_clean_exit(proc, 2)
    err = proc.stderr.decode()
    assert f"config error: {config}" in err
    assert {"fifo": "not a regular file", "/dev/zero": "not a regular file", "huge": "limit",
            "missing": "No such file"}[kind] in err


def test_endless_standard_input_is_over_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([*smmplan_command(), "check", "--format", "json", "-"], stdin=zero,
                              capture_output=True, timeout=HANG_GUARD, preexec_fn=_limit_memory)
    assert_clean_exit(proc, 1)
    (f,) = json_findings(proc)
    assert f["code"] == "PLAN011" and "over the 32.0 MiB limit" in f["message"]
