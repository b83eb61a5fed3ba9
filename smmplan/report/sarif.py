"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run. `tool.driver` lists every rule with its documentation (short and full
description, help as text and Markdown, default level), so a viewer can
explain a finding without smmplan installed. Each result has the rule's id and
index, a level, the message (with the fix), a location relative to the
repository root (`%SRCROOT%`) with a region, and partial fingerprints that
survive lines moving, so code scanning tracks a finding across commits.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any, TextIO
from urllib.parse import quote

from smmplan import __version__
from smmplan.locale import _, current, speaking
from smmplan.report import plan_language, position, relative_path, source_root

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://smmplan.dev"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """A rule's documentation as SARIF describes a rule, in the current language."""
    summary, what, why, fix = (_(text) if text else text for text in (rule.summary, rule.what, rule.why, rule.fix))
    text = _("{what}\n\nWhy: {why}\n\nFix: {fix}").format(what=what, why=why, fix=fix)
    markdown = _("**What it checks.** {what}\n\n**Why.** {why}").format(what=what, why=why) + "\n\n"
    if rule.example.strip():
        markdown += _("**A plan that triggers it.**") + f"\n\n```yaml\n{rule.example.rstrip()}\n```\n\n"
    markdown += _("**Fix.** {fix}").format(fix=fix)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": what},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.family.lower()]},
    }


def artifact_location(path: str, root: str) -> dict[str, str]:
    rel = relative_path(path, root)
    if rel is None:  # outside the repository: an absolute file URI
        return {"uri": pathlib.Path(path).resolve().as_uri()}
    return {"uri": quote(rel), "uriBaseId": ROOT_ID}


class SarifReporter:
    def __init__(self, root: str | None = None, **_: Any):
        self.root = root

    def render(self, results: list, out: TextIO) -> None:
        json.dump(self.document(results), out, ensure_ascii=False, indent=2)
        out.write("\n")

    def document(self, results: list) -> dict[str, Any]:
        from smmplan.rules import registry

        root = self.root or source_root()
        rules = list(registry().values())
        index = {r.code: i for i, r in enumerate(rules)}
        sarif_results = []
        for result in results:
            # suppressed findings too, each with a `suppressions` entry: code scanning
            # shows them as dismissed, not absent
            every = [(f, None) for f in result.findings] + [
                (s.finding, s.by) for s in getattr(result, "suppressed", ())]
            for f, by in every:
                line, column = position(f)
                with speaking(plan_language(result)):
                    text = _("{message} Fix: {fix}").format(message=f.message, fix=f.fix) if f.fix else f.message
                item = {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": LEVELS.get(f.severity, "warning"),
                    "message": {"text": text},
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": artifact_location(f.path, root),
                            "region": {"startLine": line, "startColumn": column},
                        }
                    }],
                    "partialFingerprints": {"smmplan/v2": f.fingerprint},
                }
                if by is not None:
                    entry: dict[str, Any] = {"kind": by.kind, "status": by.status, "justification": by.how}
                    if by.in_plan and by.line:
                        entry["location"] = {"physicalLocation": {
                            "artifactLocation": artifact_location(f.path, root), "region": {"startLine": by.line}}}
                    item["suppressions"] = [entry]
                sarif_results.append(item)
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "smmplan",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [rule_descriptor(r) for r in rules],
                }},
                "originalUriBaseIds": {ROOT_ID: {"uri": pathlib.Path(root).resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "language": current(),  # the language of the messages (each plan's in its own)
                "invocations": [{"executionSuccessful": True}],
                "results": sarif_results,
            }],
        }
