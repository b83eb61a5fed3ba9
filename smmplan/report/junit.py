"""`--format junit`: JUnit XML for CI test dashboards.

One `<testsuite>` per plan file. A plan without findings is one passing
test case; otherwise every finding is a test case named after its rule and
place. Error findings are `<failure>`s, as are warnings under --strict (the
exit code agrees); other warnings and info pass, with the message in
`<system-out>`. Built with xml.etree, so the XML is always well formed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from smmplan.locale import _, speaking
from smmplan.report import plan_language, position

# Characters XML 1.0 cannot carry at all, even escaped (a plan may quote them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter:
    def __init__(self, strict: bool = False, **_: Any):
        self.strict = strict

    def fails(self, finding: Any) -> bool:
        return finding.severity == "error" or (self.strict and finding.severity == "warning")

    def render(self, results: list, out: TextIO) -> None:
        suites = ET.Element("testsuites", name="smmplan")
        total = failed = 0
        for result in results:
            suite = ET.SubElement(suites, "testsuite", name=_x(result.path))
            cases = failures = 0
            for f in result.findings:
                line, column = position(f)
                case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.name} at {line}:{column}",
                                     classname=_x(result.path), file=_x(f.path), line=str(line))
                with speaking(plan_language(result)):
                    fix = "\n" + _("fix:") + " " + f.fix if f.fix else ""
                body = _x(f"{f.path}:{line}:{column}: {f.code} {f.message}{fix}")
                if self.fails(f):
                    failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.code)
                    failure.text = body
                    failures += 1
                else:
                    ET.SubElement(case, "system-out").text = f"{f.severity}: {body}"
                cases += 1
            if not result.findings:
                ET.SubElement(suite, "testcase", name="no findings", classname=_x(result.path),
                              file=_x(result.path))
                cases = 1
            suite.set("tests", str(cases))
            suite.set("failures", str(failures))
            suite.set("errors", "0")
            suite.set("skipped", "0")
            total += cases
            failed += failures
        suites.set("tests", str(total))
        suites.set("failures", str(failed))
        suites.set("errors", "0")
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode"))
        out.write("\n")
