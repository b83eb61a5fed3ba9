"""`smmplan schema` (validated against the shipped plans as an editor reads them),
`smmplan rules` / `smmplan rule`, and the pre-commit hook declaration."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.rules import registry
from smmplan.schema import SCHEMA_ID, missing_descriptions
from tests.conftest import PLANS, ROOT, run_cli

runner = CliRunner()


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML the way an editor's YAML 1.2 (core schema) language server does:
    only true/false, null, decimal/octal/hex ints and floats are resolved;
    `10:30`, `NO`, `yes` and dates stay strings."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first) + ([""] if tag.endswith("null") else []))


def _int12(loader, node):
    value = loader.construct_scalar(node)
    return int(value[2:], 8) if value.startswith("0o") else int(value, 0) if value.startswith("0x") else int(value)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)


def load12(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


@pytest.fixture(scope="module")
def schema() -> dict:
    proc = run_cli("schema")
    assert proc.returncode == 0
    return json.loads(proc.stdout)


def test_the_yaml12_reader_reads_like_an_editor():
    data = load12("a: 10:30\nb: NO\nc: 2026-12-01\nd: 5\ne: true\nf: yes\ng:\nh: 0o17\ni: 1.5\n")
    assert data == {"a": "10:30", "b": "NO", "c": "2026-12-01", "d": 5, "e": True, "f": "yes", "g": None,
                    "h": 15, "i": 1.5}


def test_schema_is_draft_2020_12_with_id_title_and_descriptions(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID and schema["title"] and schema["description"]
    assert missing_descriptions(schema) == []
    objects = [schema, *schema["$defs"].values()]
    assert {"Post", "Goal", "Kpi", "Tactic", "Client"} <= set(schema["$defs"])
    for node in objects:
        assert node["additionalProperties"] is False, node.get("title")


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_plan_validates_as_an_editor_reads_it(schema, plan):
    text = plan.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_ID}\n")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(load12(text)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


PLAN = "posts:\n  - {date: 2026-12-01, type: engaging, title: Poll}\n"


@pytest.mark.parametrize("extra,valid", [
    ("", True),
    ("brand: 2026\n", True),  # text to smmplan, a number to the editor
    ("tolerance: 7.5\nweeks: 4\n", True),
    ("tolerance: '7.5'\nweeks: '4'\n", True),
    ("weeks: many\n", False),
    ("weeks: 0\n", False),
    ("tolerance: 101\n", False),
    ("channels: vk\n", True),
    ("tactics: [Giveaway, {name: Ads, kind: paid_ads}]\n", True),
    ("formula: {engaging: 60, educational: 40}\n", True),
    ("tittle: typo\n", False),
    ("client: {name: X, phone: 1}\n", False),
    ("goals: [{kind: traffic, kpis: [{metric: clicks, target: 1200, colour: red}]}]\n", False),
    ("goals: [{kind: traffic, kpis: [{metric: clicks, target: 1200}]}]\n", True),
])
def test_schema_accepts_what_check_accepts(schema, extra, valid):
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(load12(extra + PLAN)))
    assert (not errors) == valid, [e.message for e in errors]


@pytest.mark.parametrize("post,valid", [
    ("{date: 2026-12-01, time: 10:30, type: ad, title: NO, sponsored: no, disclosure: '#ad'}", True),
    ("{date: 2026-12-01, time: '9.05', type: ad, title: x, sponsored: YES}", True),
    ("{date: 2026-12-01, type: ad, title: x, sponsored: true}", True),
    ("{date: 2026-12-01, type: ad, title: x, sponsored: maybe}", False),
    ("{date: 1 December, type: ad, title: x}", False),
    ("{date: 2026-12-01, time: noon, type: ad, title: x}", False),
    ("{date: 2026-12-01, type: ad}", False),
    ("{date: 2026-12-01, type: ad, title: x, tags: [a]}", False),
])
def test_schema_for_posts(schema, post, valid):
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(load12(f"posts:\n  - {post}\n")))
    assert (not errors) == valid, [e.message for e in errors]


def test_schema_to_a_file(tmp_path):
    out = tmp_path / "plan.schema.json"
    res = runner.invoke(app, ["schema", "-o", str(out)])
    assert res.exit_code == 0 and json.loads(out.read_text())["$id"] == SCHEMA_ID


def test_rules_lists_every_rule_in_both_formats():
    data = json.loads(run_cli("rules", "--format", "json").stdout)
    assert [r["code"] for r in data] == list(registry())
    for r in data:
        assert set(r) >= {"code", "name", "severity", "summary", "what", "why", "example", "fix"}
    text = runner.invoke(app, ["rules"]).stdout
    for rule in registry().values():
        assert re.search(rf"^{rule.code}\s+{re.escape(rule.name)}\s+{rule.severity}\s", text, re.M), rule.code


@pytest.mark.parametrize("rule", list(registry().values()), ids=lambda r: r.code)
def test_rule_explains_one_by_code_or_name(rule):
    by_code = runner.invoke(app, ["rule", rule.code, "--color", "never"])
    by_name = runner.invoke(app, ["rule", rule.name, "--color", "never"])
    assert by_code.exit_code == 0 and by_code.stdout == by_name.stdout
    flat = " ".join(by_code.stdout.split())
    for part in (rule.summary, rule.what, rule.why, rule.fix):
        assert " ".join(part.split()) in flat
    if rule.example.strip():
        assert rule.example.strip().splitlines()[0].strip() in by_code.stdout
    assert json.loads(runner.invoke(app, ["rule", rule.code.lower(), "-f", "json"]).stdout)["code"] == rule.code


def test_unknown_rule_is_usage_error_with_a_suggestion():
    proc = run_cli("rule", "MX003")
    assert proc.returncode == 2 and "MIX003" in proc.stderr.decode()


def test_pre_commit_hook_declaration():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "smmplan")
    assert hook["language"] == "python" and hook["entry"].startswith("smmplan check")
    assert "yaml" in hook["types"]
    files = re.compile(hook["files"])
    assert files.search("plans/coffee.yaml") and files.search("team/plans/q1.yml")
    assert not files.search(".github/workflows/ci.yml") and not files.search("docker-compose.yml")
    # what pre-commit runs works on what it passes
    plan = next(PLANS.glob("*.yaml"))
    args = hook["entry"].split()[1:] + ["--select", "PLAN", str(plan.relative_to(ROOT)), ".pre-commit-hooks.yaml"]
    proc = run_cli(*args, cwd=ROOT)
    assert proc.returncode == 0 and "Checked 1 plan" in proc.stderr.decode()
    assert proc.stdout == b""  # a clean plan: nothing printed (no mix table)
    # a plan with findings: the findings, one a line, each at its file:line:col, and nothing else
    draft = ROOT / "docs" / "examples" / "flower-shop-draft.yaml"
    args = hook["entry"].split()[1:] + [str(draft.relative_to(ROOT))]
    proc = run_cli(*args, cwd=ROOT)
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1 and lines
    assert all(re.match(r"docs/examples/flower-shop-draft\.yaml:\d+:\d+: [A-Z]+\d{3} ", ln) for ln in lines), lines
