"""The check's immutable value records are named tuples (typing.NamedTuple builds a class
several times faster than @dataclass at every start). What the code relies on of them:
the fields in their order with their defaults, always true, ``_replace``, copies and
pickles (worker processes send results back pickled), hashes of hashable values, and
shared default dicts that nothing fills in."""

import copy
import pickle
from pathlib import Path

import pytest

from smmplan.config import Settings
from smmplan.engine import check_path
from smmplan.findings import Problem, SuppressedBy
from smmplan.rules import honesty
from smmplan.text.roles import Entry, RoleHit, WordMatcher, parse_entry
from smmplan.text.tokens import Reading, read
from smmplan.text.types import NEUTRAL, Inference, lexicon

HIT = honesty.Hit(0, 3, 9, "buy it", "bought-audience", ("policy",), None, (("buy", "buy"),))
WORD = WordMatcher(frozenset({"buy"}), ("foll",), (), False, True)
ENTRY = Entry("buy", "buy foll*", (WORD, WORD))
# each class, one of its values, and its fields with their defaults as the dataclass had them
SAMPLES = [
    (Problem("MIX001", "too few", ("posts", 1, "type"), True, "add one", 3, 4, {"n": 1}),
     ("code", "message", "where", "at_key", "fix", "line", "column", "data", "suppressed"),
     {"where": (), "at_key": False, "fix": None, "line": None, "column": None, "data": None, "suppressed": None}),
    (read("Buy followers, now!"), ("original", "norm", "cmap", "tokens"), {}),
    (Inference("ad", 0.5, True, (("ad", 3),), ((0, 1, 2),)), ("category", "confidence", "confident", "scores", "cues"),
     {"scores": (), "cues": ()}),
    (WORD, ("exact", "prefixes", "globs", "number", "literal"), {"literal": False}),
    (ENTRY, ("role", "source", "words"), {}),
    (RoleHit("buy", 0, 1, ENTRY), ("role", "first", "last", "entry"), {}),
    (Settings(as_of=None, custom_metrics={"a": "traffic"}, lang="ru"),
     ("select", "ignore", "extend_select", "formula", "tolerance", "banned_phrases", "allowed_phrases", "role_words",
      "custom_metrics", "exclude", "as_of", "due_days", "max_file_size", "no_suppress", "plan_may_suppress",
      "config_path", "slots", "repeat_days", "starved_weeks", "lang", "cli_selection"), None),
    (honesty.Category("bought-audience", "BAN001", "title", "summary", "why", "fix"),
     ("id", "code", "title", "summary", "why", "fix"), {}),
    (honesty.RoleRule(0, "bought-audience", ("buy",), 6, (), 3, False, True, False, ("policy",), "buy it", None, True),
     ("index", "category", "roles", "window", "unless", "near", "between", "defensive", "solo", "policies",
      "example", "phrase", "negated", "before", "span"), {"phrase": None, "negated": False, "before": 0, "span": ""}),
    (HIT, ("index", "start", "end", "matched", "category", "policies", "phrase", "roles"), {"phrase": None, "roles": ()}),
    (honesty.Excused(HIT, "buy it", honesty.PLAN, "allow:0"), ("hit", "phrase", "origin", "role", "probability"),
     {"probability": None}),
]


@pytest.mark.parametrize("record, fields, defaults", SAMPLES, ids=[s[0].__class__.__name__ for s in SAMPLES])
def test_a_value_record_keeps_what_the_code_relies_on(record, fields, defaults):
    cls = record.__class__
    assert cls._fields == fields
    if defaults is not None:
        assert cls._field_defaults == defaults
    assert record and Settings()  # true as the dataclass was (`settings or Settings()`)
    changed = record._replace(**{fields[0]: "changed"})
    assert changed.__class__ is cls and getattr(changed, fields[0]) == "changed"
    assert changed[1:] == record[1:] and record._replace() == record
    for copied in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert copied.__class__ is cls and copied == record
    if cls not in (Problem, Settings):  # (their data, custom metrics and slots are dicts)
        assert hash(record) == hash(copy.deepcopy(record))
    assert repr(record).startswith(f"{cls.__name__}(")
    assert not hasattr(record, "__dict__")  # a tuple: no attribute beyond its fields


def test_named_fields_that_shadow_tuple_methods():
    """RoleRule.index and Hit.index are fields, not tuple.index."""
    assert HIT.index == 0 and honesty.lexicon().rules[0].index == 0


def test_the_reads_and_lexicons_are_records():
    assert isinstance(read("x"), Reading) and NEUTRAL == Inference(None, 0.0, False)
    assert lexicon().__class__._fields[0] == "vocabulary"
    entry = parse_entry("buy", "buy foll*")
    assert entry == parse_entry("buy", "buy foll*") and hash(entry) == hash(parse_entry("buy", "buy foll*"))


def test_a_word_matchers_literal_follows_from_its_words():
    """literal was not compared by the dataclass; now it is, which changes nothing: parsing
    gives it from the alternatives, so equal alternatives have equal literals."""
    for spec in ("buy", "#", "*", "**", "foll*", "a|b*", "*ing", "#|k", "a*b"):
        once, again = WordMatcher._parse(spec), WordMatcher._parse(spec + "|" + spec)
        assert (once[:4] == again[:4]) <= (once.literal == again.literal), spec


def test_an_excused_problem_keeps_its_data():
    p = Problem("BAN001", "m", ("posts", 0), data={"phrase": "x"})
    by = SuppressedBy("allowed", True, 3, "allowed phrase")
    assert p._replace(suppressed=by).data == {"phrase": "x"} and p._replace(suppressed=by).suppressed is by


def test_the_settings_shared_defaults_stay_empty():
    """Settings' custom_metrics and slots default to one shared {}: nothing may fill it in."""
    plans = Path(__file__).resolve().parent.parent / "plans"
    for plan in sorted(plans.glob("*.yaml")):
        check_path(str(plan), Settings(), str(plan))
    assert Settings().custom_metrics == {} and Settings().slots == {}
    assert Settings().custom_metrics is Settings().custom_metrics


def test_a_finding_is_a_read_only_value():
    """Findings are plain classes (a dataclass is generated anew at every start) that keep what the
    frozen dataclass gave: equality and hash by what was found and where (not `data` nor
    `ordinal`), read-only fields, control characters and huge values made safe once, copies and
    pickles (worker processes send findings back) that do not make them safe again."""
    from smmplan.findings import MAX_MESSAGE, Finding

    f = Finding("MIX001", "too-few", "error", "a \x1b[31m red `" + "x" * 10_000 + "` value", "p.yaml", 3, 4,
                "fix \x07 it", "posts[1]", {"n": 1}, 0)
    assert "\x1b" not in f.message and "\\x1b" in f.message and len(f.message) <= MAX_MESSAGE
    assert f.fix == "fix \\x07 it"
    same = Finding("MIX001", "too-few", "error", f.message, "p.yaml", 3, 4, f.fix, "posts[1]", {"other": 2}, 5)
    assert same == f and hash(same) == hash(f) and len({f, same}) == 1
    assert f != f.replaced(line=4) and f.replaced(ordinal=2).ordinal == 2 and f.replaced(ordinal=2) == f
    for copied in (copy.copy(f), copy.deepcopy(f), pickle.loads(pickle.dumps(f))):
        assert copied.__class__ is Finding and copied == f
        assert (copied.message, copied.fix, copied.data, copied.ordinal) == (f.message, f.fix, f.data, f.ordinal)
    with pytest.raises(AttributeError):
        f.line = 5
    with pytest.raises(AttributeError):
        del f.code
    assert not hasattr(f, "__dict__") and repr(f).startswith("Finding(code='MIX001'")
