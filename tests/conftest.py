"""Shared helpers: check YAML text in-process, or run the installed command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from smmplan.config import Settings
from smmplan.engine import check_bytes

# tests/benchmark.py times smmplan against yamllint: run it by hand, never in the suite.
collect_ignore = ["benchmark.py"]

# No property test asserts how long an example takes: hypothesis's default deadline (200 ms an
# example) is a timing assertion, and a busy CI machine once failed one that way. Speed is the
# benchmark's business.
hypothesis_settings.register_profile("smmplan", deadline=None)
hypothesis_settings.load_profile("smmplan")

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"


def check_text(text: str, settings: Settings | None = None, dedent: bool = True):
    """Check a plan given as text; returns the PlanResult."""
    if dedent:
        text = textwrap.dedent(text)
    return check_bytes(text.encode("utf-8"), "plan.yaml", settings)


def codes(result, *prefixes: str) -> list[tuple[str, int | None, int | None]]:
    """(code, line, column) of every finding (or those whose code starts with a prefix), in report order."""
    return [(f.code, f.line, f.column) for f in result.findings if not prefixes or f.code.startswith(prefixes)]


def typed_plan(name: str) -> str:
    """A shipped plan's text with each post's `rubric:` written as its rubric's `type:`, for tests
    that retype posts by editing their type lines."""
    import re

    head, posts = (PLANS / name).read_text(encoding="utf-8").split("\nposts:\n", 1)
    kinds = dict(re.findall(r"  - name: (.+)\n    type: (.+)\n", head))
    posts = re.sub(r"^    rubric: (.+)$", lambda m: f"    type: {kinds[m[1]]}", posts, flags=re.M)
    return head + "\nposts:\n" + posts


def smmplan_command() -> list[str]:
    exe = shutil.which("smmplan", path=os.path.dirname(sys.executable)) or shutil.which("smmplan")
    return [exe] if exe else [sys.executable, "-m", "smmplan"]


def run_cli(*args: str, cwd: Path | str | None = None, input: bytes | None = None, env: dict | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the installed `smmplan` as a real subprocess."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run([*smmplan_command(), *args], cwd=cwd, input=input, capture_output=True,
                          env=full_env, timeout=timeout)


@pytest.fixture
def write_plan(tmp_path):
    """Write dedented plan text to a file and return its path."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
