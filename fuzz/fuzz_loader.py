"""atheris (libFuzzer) target: any bytes through the loader and the engine.

    pip install atheris && python fuzz/fuzz_loader.py -max_total_time=60

A finding is the answer to any input; an exception, a hang (-timeout) or a
finding located in the document without a line is a crash. With no corpus
directory given, fuzz/corpus/ (git-ignored) is created and seeded with the
shipped plans; libFuzzer options such as -max_total_time, -runs, -jobs pass
through.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT = 1 << 20  # the fuzzer's inputs stay far below; the size guard has its own tests


def test_one_input(data: bytes) -> None:
    from smmplan import loader
    from smmplan.engine import check_bytes

    doc = loader.load(data, max_bytes=LIMIT)
    if not doc.fatal and not isinstance(doc.data, dict):
        raise AssertionError(f"a plan that is not a mapping was accepted: {type(doc.data).__name__}")
    result = check_bytes(data, "fuzz.yaml")
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for f in result.findings:
        if f.where and f.line is None:
            raise AssertionError(f"finding located at {f.where} has no line: {f}")
        if f.line is not None and not 1 <= f.line <= lines:
            raise AssertionError(f"finding outside the file ({lines} lines): {f}")
    result.to_dict()


def main() -> None:
    import atheris

    # Dependencies are imported before instrumentation: only smmplan's own code is traced.
    import pydantic  # noqa: F401
    import yaml  # noqa: F401

    with atheris.instrument_imports(include=["smmplan"]):
        import smmplan.engine  # noqa: F401
        import smmplan.loader  # noqa: F401
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        corpus = HERE / "corpus"
        corpus.mkdir(exist_ok=True)
        for plan in sorted((HERE.parent / "plans").glob("*.yaml")):
            shutil.copy(plan, corpus / plan.name)
        argv.append(str(corpus))
    if not any(a.startswith("-dict=") for a in argv):
        argv.insert(1, f"-dict={HERE / 'yaml.dict'}")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
