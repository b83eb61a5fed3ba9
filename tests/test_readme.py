"""The README and docs/ stay true: marked examples are re-run, links resolve, every rule is listed.

Conventions for README.md and every page under docs/ (pages other people add are covered too):

* A line ``<!-- output checked by tests/test_readme.py -->`` before a ```console block: every
  ``$ smmplan ...`` line in the block is run from the repository root (``COLUMNS=100``,
  ``NO_COLOR=1``) and its standard output must equal the lines that follow it, up to the next
  ``$`` line or the end of the block. Only ``smmplan`` commands may appear in a checked block.
* A line ``<!-- plan checked by tests/test_readme.py -->`` before a ```yaml block: the block is a
  plan or a fragment of one, and smmplan must read it without a ``PLAN`` error (a fragment may
  lack posts: ``PLAN014`` is only a warning).
* A line ``<!-- config checked by tests/test_readme.py -->`` before a ```toml or ```yaml block: the
  block is a configuration (``[tool.smmplan]`` in a ``pyproject.toml``, or a ``.smmplan.yaml``)
  that smmplan must accept.
* Every relative link points at a file of the repository, and every ``#anchor`` at a heading of
  the target whose GitHub and MkDocs spellings agree (or at an explicit ``id="..."``).
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

import pytest
import yaml

from smmplan.config import ConfigError, read_config
from smmplan.rules import registry
from tests.conftest import ROOT, check_text, run_cli

README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
PAGES = sorted((ROOT / "docs").rglob("*.md"))
FILES = [README_PATH, *PAGES]
TEXTS = {path: path.read_text(encoding="utf-8") for path in FILES}
README_LIMIT = 15 * 1024

OUTPUT_MARK = "<!-- output checked by tests/test_readme.py -->"
PLAN_MARK = "<!-- plan checked by tests/test_readme.py -->"
CONFIG_MARK = "<!-- config checked by tests/test_readme.py -->"
FENCE = re.compile(r"^```[^\n]*\n.*?^```[ \t]*$", re.S | re.M)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def marked_blocks(mark: str, language: str) -> list[tuple[str, str]]:
    """(file, body) of every ```language block right after the marker line."""
    found = []
    pattern = re.compile(re.escape(mark) + r"\n```" + language + r"\n(.*?)\n```", re.S)
    for path, text in TEXTS.items():
        found += [(rel(path), body) for body in pattern.findall(text)]
    return found


def console_examples() -> list[tuple[str, str, str]]:
    """(file, command, expected output) for each `$` line of each checked console block."""
    examples = []
    for where, body in marked_blocks(OUTPUT_MARK, "console"):
        command, lines = None, []
        for line in body.split("\n") + ["$ <end>"]:
            if line.startswith("$ "):
                if command is not None:
                    examples.append((where, command, "\n".join(lines)))
                command, lines = line[2:], []
            elif command is None:
                raise AssertionError(f"{where}: a checked console block must start with a `$ smmplan` line")
            else:
                lines.append(line)
    return examples


EXAMPLES = console_examples()


def test_checked_examples_are_found():
    assert len(EXAMPLES) >= 5
    assert sum(where == "README.md" for where, _, _ in EXAMPLES) >= 1, "the README shows one real example"


@pytest.mark.parametrize("where, command, expected", EXAMPLES, ids=[f"{w}: {c}" for w, c, _ in EXAMPLES])
def test_documented_example_output_is_real(where, command, expected):
    argv = shlex.split(command)
    assert argv[0] == "smmplan", f"{where}: only `$ smmplan ...` commands can be checked, not `{command}`"
    proc = run_cli(*argv[1:], cwd=ROOT, env={"COLUMNS": "100", "NO_COLOR": "1"})
    got = "\n".join(line.rstrip() for line in proc.stdout.decode().rstrip("\n").splitlines())
    assert got == expected, f"{where}: example `{command}` is out of date:\n{got}"


PLANS = marked_blocks(PLAN_MARK, "yaml")


def test_plan_examples_are_found():
    assert len(PLANS) >= 5


@pytest.mark.parametrize("where, body", PLANS, ids=[f"{w}: {b.splitlines()[0]}" for w, b in PLANS])
def test_documented_plan_is_read_without_format_errors(where, body):
    result = check_text(body + "\n", dedent=False)
    wrong = [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings
             if f.code.startswith("PLAN") and f.severity == "error"]
    assert not wrong, f"{where}: a documented plan example does not read:\n" + "\n".join(wrong)


CONFIGS = marked_blocks(CONFIG_MARK, "(?:toml|yaml)")


@pytest.mark.parametrize("where, body", CONFIGS, ids=[f"{w}: {b.splitlines()[0]}" for w, b in CONFIGS])
def test_documented_config_is_accepted(where, body, tmp_path):
    name = "pyproject.toml" if body.lstrip().startswith("[") else ".smmplan.yaml"
    path = tmp_path / name
    path.write_text(body + "\n", encoding="utf-8")
    try:
        read_config(str(path))
    except ConfigError as error:
        pytest.fail(f"{where}: a documented configuration is refused: {error}")


def test_config_examples_are_found():
    assert len(CONFIGS) >= 1


# Links ---------------------------------------------------------------------------------------------

LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE_SPAN = re.compile(r"``.+?``|`[^`\n]+`")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
EXPLICIT_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def prose(text: str) -> str:
    """The text without fenced blocks and code spans, where links and headings are not links or headings."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def heading_text(raw: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw)  # a link's text
    return re.sub(r"[`*_]|<[^>]+>", "", text)


def github_slug(heading: str) -> str:
    text = heading_text(heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def mkdocs_slug(heading: str) -> str:
    text = unicodedata.normalize("NFKD", heading_text(heading)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found = set(EXPLICIT_ID.findall(text))
    for heading in HEADING.findall(FENCE.sub("", text)):
        if github_slug(heading) == mkdocs_slug(heading):
            found.add(github_slug(heading))
    return found


def links() -> list[tuple[str, str]]:
    out = []
    for path, text in TEXTS.items():
        out += [(rel(path), target) for target in LINK.findall(prose(text))
                if not re.match(r"[a-z][a-z0-9+.-]*:", target)]
    return out


LINKS = links()


def test_links_are_found():
    assert len(LINKS) >= 20


@pytest.mark.parametrize("where, target", LINKS, ids=[f"{w} -> {t}" for w, t in LINKS])
def test_relative_link_resolves(where, target):
    file_part, _, anchor = target.partition("#")
    source = ROOT / where
    path = (source.parent / file_part).resolve() if file_part else source
    assert path.is_relative_to(ROOT), f"{where}: `{target}` points outside the repository"
    assert path.exists(), f"{where}: `{target}` points at a file that does not exist"
    if anchor:
        assert path.suffix == ".md", f"{where}: `{target}`: anchors are checked in Markdown files only"
        assert anchor in anchors(path), (
            f"{where}: `{target}`: no heading of {rel(path)} gives the anchor `#{anchor}` "
            f"(on GitHub and in MkDocs alike); anchors there: {sorted(anchors(path))}")


def test_slugs_follow_github_and_mkdocs():
    assert github_slug("Using smmplan in CI") == mkdocs_slug("Using smmplan in CI") == "using-smmplan-in-ci"
    assert github_slug("Editor support (JSON Schema)") == "editor-support-json-schema"
    assert github_slug("`smmplan check`") == "smmplan-check"
    assert github_slug("A -- b") != mkdocs_slug("A -- b")


# The pages and the site -----------------------------------------------------------------------------


def test_readme_is_a_front_page():
    size = len(README.encode("utf-8"))
    assert size <= README_LIMIT, f"README.md is {size} bytes; the front page stays within {README_LIMIT}"


def test_quick_start_has_exactly_two_setup_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)\n```", quick, re.S).group(1)
    assert block.splitlines() == ["pip install -e . && smmplan check plans/", "pip install -e '.[test]' && pytest"]


def test_readme_links_the_docs_index():
    linked = {(ROOT / target.partition("#")[0]).resolve() for where, target in LINKS if where == "README.md"}
    assert (ROOT / "docs" / "index.md").resolve() in linked, "the front page leads into docs/index.md"


def nav_pages(entries) -> list[str]:
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_every_docs_page_is_in_the_mkdocs_nav():
    site = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = nav_pages(site["nav"])
    on_disk = sorted(p.relative_to(ROOT / site.get("docs_dir", "docs")).as_posix() for p in PAGES)
    assert sorted(set(listed)) == sorted(listed), "a page is listed twice in mkdocs.yml's nav"
    assert sorted(listed) == on_disk, (
        f"mkdocs.yml's nav and docs/ differ: add to the nav {sorted(set(on_disk) - set(listed))}; "
        f"no such page {sorted(set(listed) - set(on_disk))}")


def test_every_rule_is_in_the_rule_list():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([A-Z]+\d{3})` \|", text, re.M))
    assert listed == set(registry()), f"missing: {set(registry()) - listed}; stale: {listed - set(registry())}"
