"""smmplan.records: a record behaves as the dataclass it replaces (equality, hash, repr,
replace, copies and pickles, frozen fields)."""

import copy
import dataclasses
import datetime as dt
import pickle
from fractions import Fraction

import pytest

from smmplan.config import Settings
from smmplan.engine import PlanResult, PostInfo
from smmplan.findings import Finding, Problem
from smmplan.formulas import Formula
from smmplan.loader import Document, LoadProblem
from smmplan.rules import honesty
from smmplan.text.roles import Entry, RoleHit, WordMatcher
from smmplan.text.tokens import read
from smmplan.text.types import Inference

HIT = honesty.Hit(0, 3, 9, "buy it", "bought-audience", ("policy",), None, (("buy", "buy"),))
WORD = WordMatcher(frozenset({"buy"}), ("foll",), (), False, True)
ENTRY = Entry("buy", "buy foll*", (WORD, WORD))
SAMPLES = [
    Problem("MIX001", "too few", ("posts", 1, "type"), True, "add one", 3, 4, {"n": 1}),
    Finding("BAN001", "name", "error", "msg \x1b", "plan.yaml", 2, 5, "fix", "posts[1].title", {"k": 1}, 2),
    Formula("golden", (("engaging", Fraction(1, 2)), ("ad", Fraction(1, 2))), "about"),
    read("Buy followers, now!"),
    Inference("ad", 0.5, True, (("ad", 3),), ((0, 1, 2),)),
    WORD, ENTRY, RoleHit("buy", 0, 1, ENTRY),
    LoadProblem("PLAN001", "bad", 1, 2, "fix"),
    Document({"posts": []}, None, [LoadProblem("PLAN001", "bad")], "text", False, None, {1: "x"}),
    PostInfo(0, None, "ad", True, 1, "draft"),
    PlanResult("plan.yaml", language="ru", post_count=3),
    Settings(as_of=dt.date(2026, 12, 2), custom_metrics={"a": "traffic"}, lang="ru"),
    honesty.Category("bought-audience", "BAN001", "title", "summary", "why", "fix"),
    honesty.RoleRule(0, "bought-audience", ("buy",), 6, (), 3, False, True, False, ("policy",), "buy it", None, True),
    HIT, honesty.Excused(HIT, "buy it", honesty.PLAN, "allow:0"),
    honesty.extra((), ("buy it",)),
]


def _as_dataclass(record):
    """The dataclass the record's class stands for, holding the same values."""
    cls = record.__class__
    compared = cls.FIELDS if cls.COMPARED is None else cls.COMPARED
    spec = [(f, object, dataclasses.field(compare=f in compared)) for f in cls.FIELDS]
    made = dataclasses.make_dataclass(cls.__name__, spec, frozen=cls.FROZEN)
    made.__qualname__ = cls.__qualname__
    return made(*(getattr(record, f) for f in cls.FIELDS))


def _hash(value):
    try:
        return hash(value)
    except TypeError as exc:
        return type(exc)


@pytest.mark.parametrize("record", SAMPLES, ids=lambda r: r.__class__.__name__)
def test_record_behaves_as_its_dataclass(record):
    twin = _as_dataclass(record)
    assert repr(record) == repr(twin)
    assert record == record.replace() and record is not record.replace()
    assert _hash(record) == _hash(twin)  # a value's hash, or unhashable as the dataclass
    if record.FROZEN:
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.code = "x"
    assert copy.copy(record) == record
    for copied in (copy.deepcopy(record), pickle.loads(pickle.dumps(record))):  # equal if the dataclass's copy is
        assert copied.__class__ is record.__class__
        assert (copied == record) == (copy.deepcopy(twin) == twin)
    compared = record.FIELDS if record.COMPARED is None else record.COMPARED
    for f in record.FIELDS:  # a compared field's change makes another value; the others' don't
        if f != "shares":  # (a formula's categories are made of its shares)
            assert (record.replace(**{f: "changed"}) == record) == (f not in compared), f
    assert record != twin  # another class, as two dataclasses of equal fields


def test_a_finding_is_made_once():
    """A copy or a pickle keeps a finding's message as made (not quoted again)."""
    f = Finding("X", "n", "error", "a\x1bb", "p", 1, 1)
    assert pickle.loads(pickle.dumps(f)).message == f.message == "a\\x1bb"
