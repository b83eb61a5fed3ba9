"""`--format github`: GitHub Actions workflow commands, one per finding.

`::error file=plans/x.yaml,line=3,col=5,title=MIX003::message` shows the
finding as an annotation on the pull request's diff. Errors are `::error`,
warnings `::warning`, info `::notice`. The runner reads `%`, CR and LF escaped
as `%25`, `%0D`, `%0A` in the message, and also `:` and `,` in the properties.
Paths are relative to the repository root, as annotations need. Chosen by
default when GITHUB_ACTIONS=true.
"""

from __future__ import annotations

from typing import Any, TextIO

from smmplan.locale import _, speaking
from smmplan.report import plan_language, relative_path, source_root
from smmplan.visible import display_name

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """As the runner reads workflow commands. (Control characters a plan puts in a
    message are already escapes: findings.Finding shows them visibly.)"""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, root: str | None = None, **_: Any):
        self.root = root

    def render(self, results: list, out: TextIO) -> None:
        root = self.root or source_root()
        for result in results:
            with speaking(plan_language(result)):
                self.render_plan(result, root, out)

    def render_plan(self, result: Any, root: str, out: TextIO) -> None:
        for f in result.findings:
            props = [f"file={escape_property(display_name(relative_path(f.path, root) or f.path))}"]
            if f.line:
                props.append(f"line={f.line}")
                if f.column:
                    props.append(f"col={f.column}")
            props.append(f"title={escape_property(f.code)}")
            message = f.message + ("\n" + _("fix:") + " " + f.fix if f.fix else "")
            out.write(f"::{COMMANDS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(message)}\n")
