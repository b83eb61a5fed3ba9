"""Fuzzing with hypothesis: random valid plans, mutated shipped plans and random bytes
through the loader, the engine and the CLI.

Whatever the input: the exit code is 0, 1 or 2; nothing on stderr looks like a
traceback; `--format json` output parses; every finding located in the document
has a line inside it. Raise SMMPLAN_FUZZ_EXAMPLES for a longer run
(e.g. `SMMPLAN_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from smmplan import cli, loader
from smmplan.engine import check_bytes
from smmplan.formulas import PRESETS
from tests.conftest import PLANS, run_cli

EXAMPLES = int(os.environ.get("SMMPLAN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SHIPPED = [p.read_bytes() for p in sorted(PLANS.glob("*.yaml"))]
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \".*\", line \d+", re.M)

# --- strategies --------------------------------------------------------------------

TYPE_WORDS = sorted({c for f in PRESETS.values() for c in f.categories}
                    | {"ugc", "promo", "ad", "education", "вовлекающий", "рекламный", "полезный", "other"})
STATUS_WORDS = ["idea", "draft", "review", "approved", "scheduled", "published", "cancelled", "Опубликовано",
                "на согласовании", "done"]
# NEL (U+0085) is left out: PyYAML's emitter writes it raw inside single quotes, where YAML
# folds it into a space, so a dumped plan would not mean what was dumped (a PyYAML bug).
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x85"), max_size=30)
dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))


@st.composite
def posts(draw):
    post = {
        "date": draw(dates),
        "type": draw(st.sampled_from(TYPE_WORDS) | words),
        "title": draw(words),
    }
    optional = {
        "time": st.sampled_from(["10:30", "9:05", "23:59", "25:00"]) | words,
        "channel": st.sampled_from(["instagram", "telegram", "vk"]),
        "status": st.sampled_from(STATUS_WORDS) | words,
        "sponsored": st.booleans(),
        "disclosure": st.sampled_from(["#ad", "Реклама", ""]),
        "text": words,
        "link": st.sampled_from(["https://example.com/?utm_source=ig", "example.com"]),
        "approved_by": words,
        "approved_on": dates,
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=4)):
        post[key] = draw(optional[key])
    return post


@st.composite
def plans(draw):
    plan: dict = {"posts": draw(st.lists(posts(), max_size=25))}
    formula = st.sampled_from(sorted(PRESETS)) | st.sampled_from(
        [{"engaging": 50, "educational": 50}, {"a": "60%", "b": "40%"}, {"a": 10}, "goldn"])
    optional = {
        "brand": words,
        "start": dates,
        "weeks": st.integers(-1, 60),
        "language": st.sampled_from(["en", "ru"]),
        "channels": st.lists(st.sampled_from(["instagram", "telegram", "vk"]), max_size=3),
        "formula": formula,
        "tolerance": st.sampled_from([0, 5, 7.5, 10, 150]),
        "client": st.fixed_dictionaries({"name": words, "approver": words}),
        "goals": st.lists(st.fixed_dictionaries({
            "kind": st.sampled_from(["traffic", "awareness", "loyalty", "support", "fame"]),
            "kpis": st.lists(st.fixed_dictionaries({
                "metric": st.sampled_from(["site_clicks", "reach", "engagement_rate", "followers", "likes"]),
                "target": st.sampled_from(["1000", "4%", "2h", "lots"])}), max_size=3)}), max_size=3),
        "tactics": st.lists(words | st.fixed_dictionaries({"name": words, "kind": st.sampled_from(["giveaway", "x"])}),
                            max_size=3),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        plan[key] = draw(optional[key])
    return plan


def dump(plan: dict) -> bytes:
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def mutated_plans(draw):
    data = bytearray(draw(st.sampled_from(SHIPPED)))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate-line", "token"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "duplicate-line":
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end == -1 else end + 1
            data[end:end] = data[start:end]
        else:  # YAML punctuation where it hurts most
            token = draw(st.sampled_from([b"&a ", b"*a", b"<<: ", b"!!python/name:x ", b"- ", b": ", b"{", b"[",
                                          b"'", b'"', b"\t", b"\r", b"---\n", b"? ", b"|", b"%YAML 1.1\n"]))
            data[at:at] = token
    return bytes(data)


any_input = plans().map(dump) | mutated_plans() | st.binary(max_size=3000) | \
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))

# --- properties ----------------------------------------------------------------------


def assert_sound(data: bytes, result) -> None:
    """Every finding is well-formed, and those located in the document lie inside it."""
    n_lines = data.count(b"\n") + data.count(b"\r") + 1
    for f in result.findings:
        assert re.fullmatch(r"[A-Z]+\d{3}", f.code) and f.severity in ("error", "warning", "info")
        assert f.message and len(f.message) <= 2000
        if f.where:
            assert f.line is not None and f.column is not None, f
        if f.line is not None:
            assert 1 <= f.line <= n_lines, (f, n_lines)
            assert f.column is not None and f.column >= 1, f
    json.dumps(result.to_dict(), default=str)


@FUZZ
@given(any_input)
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"posts: [")
@example(b"<<: *a")
@example(b"? [a]\n: b")
@example(b"posts:\n  - <<: [*x]\n")
def test_loader_and_engine_never_raise(data):
    doc = loader.load(data)
    assert doc.fatal or isinstance(doc.data, dict)
    for p in doc.problems:
        assert p.code.startswith("PLAN") and p.message
    assert_sound(data, check_bytes(data, "fuzz.yaml"))


@FUZZ
@given(plans())
def test_random_valid_plans_read_back_exactly(plan):
    data = dump(plan)
    result = check_bytes(data, "fuzz.yaml")
    assert not [f for f in result.findings if f.code in ("PLAN001", "PLAN002", "PLAN004", "PLAN009", "PLAN010")]
    assert result.doc.data == as_loaded(plan)
    assert_sound(data, result)


def as_loaded(value):
    """What the loader gives for a value safe_dump wrote: text for every scalar, None for null."""
    if isinstance(value, dict):
        return {as_loaded(k): as_loaded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_loaded(v) for v in value]
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@FUZZ
@given(plans(), st.sampled_from(["crlf", "utf-8-bom", "utf-16-le", "utf-16-be"]))
def test_random_plans_read_the_same_in_any_line_ending_and_bom(plan, form):
    text = dump(plan).decode("utf-8")
    other = {
        "crlf": lambda: text.replace("\n", "\r\n").encode(),
        "utf-8-bom": lambda: b"\xef\xbb\xbf" + text.encode(),
        "utf-16-le": lambda: text.encode("utf-16"),  # BOM + native order
        "utf-16-be": lambda: b"\xfe\xff" + text.encode("utf-16-be"),
    }[form]()
    a, b = check_bytes(text.encode(), "p.yaml"), check_bytes(other, "p.yaml")
    assert [(f.code, f.line, f.column, f.message) for f in a.findings] == \
        [(f.code, f.line, f.column, f.message) for f in b.findings]
    assert a.doc.data == b.doc.data


def run_in_process(path: Path, *args: str):
    return CliRunner().invoke(cli.app, ["check", *args, str(path)])


@FUZZ
@given(any_input)
def test_cli_in_process_json_always_parses(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "plan.yaml"
    path.write_bytes(data)
    result = run_in_process(path, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert not TRACEBACK.search(result.stderr)
    doc = json.loads(result.stdout)
    errors = doc["summary"]["errors"]
    assert result.exit_code == (1 if errors else 0), (result.exit_code, errors, result.stderr)
    for f in doc["findings"]:
        if f["where"]:
            assert isinstance(f["line"], int) and f["line"] >= 1, f
    text = run_in_process(path, "--color", "never")
    assert text.exception is None or isinstance(text.exception, SystemExit), repr(text.exception)
    assert text.exit_code == result.exit_code


@settings(max_examples=max(5, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(any_input, min_size=1, max_size=4))
def test_real_command_on_fuzzed_files(tmp_path_factory, inputs):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, data in enumerate(inputs):
        (folder / f"p{i}.yaml").write_bytes(data)
    proc = run_cli("check", "--format", "json", str(folder), timeout=120)
    assert proc.returncode in (0, 1, 2)
    assert not TRACEBACK.search(proc.stderr.decode("utf-8", "replace"))
    doc = json.loads(proc.stdout)
    assert doc["summary"]["plans"] == len(inputs)
    for f in doc["findings"]:
        if f["where"]:
            assert isinstance(f["line"], int), f


# --- the atheris target ------------------------------------------------------------------

ROOT = PLANS.parent


def fuzz_target():
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_loader", ROOT / "fuzz" / "fuzz_loader.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # atheris itself is only imported by main()
    return module


@FUZZ
@given(any_input)
@example(b"posts: [")
def test_atheris_target_accepts_what_the_loader_gets(data):
    fuzz_target().test_one_input(data)


def test_atheris_target_catches_a_finding_without_a_line(monkeypatch):
    """The target's checks can fail: a finding located in the document but without a line."""
    import pytest

    from smmplan import loader as loader_module

    monkeypatch.setattr(loader_module.Document, "locate", lambda self, path=(), at_key=False: (None, None))
    with pytest.raises(AssertionError, match="has no line"):
        fuzz_target().test_one_input(b"posts:\n  - {date: 2026-12-01, type: nonsense, title: X}\n")


def test_ci_fuzzes_for_a_bounded_time_after_the_tests():
    script = (ROOT / ".ci" / "run").read_text()
    tests = script.index("pip install -e '.[test]' && pytest")
    fuzz = script.index("python fuzz/fuzz_loader.py")
    assert tests < fuzz and "-max_total_time=60" in script[fuzz:]
