"""The compiled lexicons (smmplan/data/*.compiled.json): made from their YAML by
`python -m smmplan.rules.compile`, read by every run, the same lexicons as the YAML's."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smmplan.rules import compile as compile_cmd
from smmplan.rules import honesty
from smmplan.text import compiled, read, types
from smmplan.text.roles import CompiledVocabulary, Vocabulary

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("source, target, make", compile_cmd.LEXICONS, ids=lambda x: getattr(x, "name", ""))
def test_each_compiled_lexicon_is_what_its_yaml_compiles_to(source, target, make):
    assert target.is_file(), f"{target.name} is missing: run `{compiled.COMMAND}`"
    assert target.read_text(encoding="utf-8") == compile_cmd.build(source, make), (
        f"{target.name} is stale (its YAML or the way entries are read changed): run `{compiled.COMMAND}`")


def test_the_check_command_names_the_stale_files(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "honesty.compiled.json"
    stale.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(compile_cmd, "LEXICONS", ((honesty.SOURCE, stale, honesty.compile_lexicon),))
    assert compile_cmd.main(["--check"]) == 1
    assert capsys.readouterr().out == f"honesty.compiled.json is stale: run `{compiled.COMMAND}`\n"
    assert compile_cmd.main([]) == 0 and compile_cmd.stale() == []  # rebuilt
    assert stale.read_text(encoding="utf-8") == compile_cmd.build(honesty.SOURCE, honesty.compile_lexicon)


def test_a_compiled_file_of_another_yaml_is_not_read(tmp_path):
    source = honesty.SOURCE.read_bytes()
    made = tmp_path / "honesty.compiled.json"
    made.write_text(compile_cmd.build(honesty.SOURCE, honesty.compile_lexicon), encoding="utf-8")
    assert compiled.read(made, source) is not None
    assert compiled.read(made, source + b"\n# one more line\n") is None
    assert compiled.read(tmp_path / "missing.json", source) is None
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert compiled.read(tmp_path / "bad.json", source) is None


def test_a_compiled_file_s_parts_are_parsed_when_asked_for(tmp_path):
    """Each top-level part of a compiled file stands on a line of its own and is parsed the first
    time it is asked for: a broken part breaks only what asks for it. A file of another shape
    (hand-formatted JSON) is read whole."""
    data = {"source": compiled.stamp(b"x"), "small": [1, "два"], "big": {"a": "b\n\tc"}}
    text = compiled.dumps(data)
    assert dict(compiled.Parts(text.encode())) == data
    broken = tmp_path / "broken.json"
    broken.write_text(text.replace('"big": {', '"big": {{'), encoding="utf-8")
    parts = compiled.read(broken, b"x")
    assert parts is not None and parts["small"] == [1, "два"]
    with pytest.raises(ValueError):
        parts["big"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data, indent=4), encoding="utf-8")
    assert dict(compiled.read(other, b"x")) == data
    other.write_text("[1, 2]", encoding="utf-8")
    assert compiled.read(other, b"x") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(), st.sampled_from(['","', '\\', '\\"', '"', ',', '"]', '["', "",
                                                       "тег\tроль", "\u2028", "\\\",\"", "a\\tb", "\\\t",
                                                       "tab\\t", "\t\t", "x\\"]))),
       st.lists(st.integers(min_value=-40, max_value=40), max_size=20))
def test_a_list_of_strings_decoded_item_by_item_is_the_list(items, asked):
    """A compiled list of strings (compiled.Strings) gives each item as json.loads gives the whole
    list, whatever the items hold (quotes, commas, backslashes, `","` itself), item by item, from
    the end, and once it has decoded enough of them to decode them all at once."""
    for placed in (False, True):  # items split apart, or sliced out where compiled.places says
        data = {"source": "s", "list": items, **({"list_at": compiled.places(items)} if placed else {})}
        strings = compiled.Parts(compiled.dumps(data).encode()).strings("list")
        assert len(strings) == len(items)
        for n in asked:
            if -len(items) <= n < len(items):
                assert strings[n] == items[n]
            else:
                with pytest.raises(IndexError):
                    strings[n]
        assert list(strings) == items and strings[1:3] == items[1:3]


def test_a_list_of_strings_whose_places_are_wrong_is_refused():
    raw = compiled.dumps({"source": "s", "list": ["ab", "cd"], "list_at": compiled.places(["abc", "d"])}).encode()
    with pytest.raises(ValueError):
        compiled.Parts(raw).strings("list")[0]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789abcdef"), st.text(alphabet=st.characters(max_codepoint=127))))
def test_an_ascii_part_read_without_the_decoder_is_the_string(text):
    """A part that is a string of ASCII (the model's hexadecimal numbers) gives its bytes as the
    JSON decoder gives the string, escapes and all (quotes, backslashes, control characters)."""
    raw = compiled.dumps({"source": "s", "text": text, "number": 5}).encode()
    assert compiled.Parts(raw).ascii("text") == text.encode("ascii") == compiled.ascii({"text": text}, "text")
    with pytest.raises(Exception):  # (not a string: no ASCII bytes of it)
        compiled.Parts(raw).ascii("number")


_WORDISH = st.one_of(st.text(max_size=8), st.sampled_from(['a', 'ab', 'ab!', 'a b', '"', '":"', '","', '\\', 'é', 'ё',
                                                          '\x00', '\u2028', 'a\tb', '#', '', '10/10']))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_WORDISH, st.one_of(st.text(max_size=6), st.sampled_from(["3 17 40", "", '"', '","'])),
                       max_size=30),
       st.lists(_WORDISH, max_size=10))
@example({"": ",", "0": ""}, [])  # (an object would hold `","` inside its first member: `{"":",","0":""}`)
def test_an_index_found_by_bisection_is_the_object(words, asked):
    """A vocabulary's words as a compiled file keeps them (compiled.tables: keys and values in
    turn, the keys in the order of their bytes) and a run finds them (compiled.Index: bisection
    in the file's bytes) give what the mapping itself gives, whatever the words and values hold
    (quotes, `":"`, `","`, backslashes, control characters, a word that starts another), absent
    words included."""
    raw = compiled.dumps({"source": "s", **compiled.tables("v", {"exact": words, "prefix": {}, "other": []})}).encode()
    parts = compiled.Parts(raw)
    index = compiled.table(parts, "v")["exact"]
    assert isinstance(index, compiled.Index) and len(index) == len(words)
    assert dict(index) == words and compiled.table(json.loads(raw), "v")["exact"] == words
    for word in [*words, *asked]:
        assert index.get(word) == words.get(word)
        assert (word in index) == (word in words)


def test_a_project_s_lexicon_replaced_remembers_nothing():
    ex = honesty.extra()
    assert honesty._candidates(["buy 5k followers"], ex) == [0] and ex.reader.chunks
    fresh = ex.replaced(refused=(("x", honesty.PLAN, "why"),))
    assert fresh.refused == (("x", honesty.PLAN, "why"),) and (fresh.rules, fresh.keys, fresh.banned) == (
        ex.rules, ex.keys, ex.banned)
    assert fresh.reader is not ex.reader and not fresh.reader.chunks


def test_the_lexicon_s_entries_read_item_by_item_are_the_compiled_ones(monkeypatch):
    parts = compiled.read(honesty.COMPILED, honesty.SOURCE.read_bytes())
    assert parts is not None
    for key in ("entries", "masks"):
        whole = json.loads(compiled.dumps({key: parts[key]}))[key]
        fresh = compiled.read(honesty.COMPILED, honesty.SOURCE.read_bytes())
        one_by_one = fresh.strings(key)
        assert isinstance(one_by_one, compiled.Strings)
        assert [one_by_one[n] for n in range(len(whole))] == whole  # (past ONE_BY_ONE: all at once)
        monkeypatch.setattr(compiled, "ONE_BY_ONE", len(whole) + 1)
        fresh = compiled.read(honesty.COMPILED, honesty.SOURCE.read_bytes())
        assert [fresh.strings(key)[n] for n in reversed(range(len(whole)))] == whole[::-1]
        monkeypatch.undo()


def _words() -> list[str]:
    """Words to look up: every word of the labelled corpora, and of the lexicons' own entries."""
    texts = []
    for name in ("honesty_corpus.yaml", "honesty_dev.yaml", "types_dev.yaml"):
        data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
        texts += [str(v) for v in _strings(data)]
    lex = honesty.lexicon()
    texts += [e.source for e in itertools.chain(lex.entries, lex.masks)]
    texts += [e.source for e in types.lexicon().vocabulary.entries]
    words = {w for t in texts for w in read(t).words()}
    return sorted(words | {"5", "1000", "x", "боты", "накрутка", "5boost", "1000ботов", "superbooster", "2к"})


def _strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def _starting(vocab: Vocabulary, word: str) -> tuple:
    """Vocabulary.starting as first written: exact words, prefixes by length, then every
    entry whose first word is a glob or a number, tried one by one."""
    out = list(vocab._exact.get(word, ()))
    for n in vocab._lengths:
        out += vocab._prefix.get(word[:n], ()) if n <= len(word) else ()
    out += [e for e in vocab._other if e.words[0](word)]
    return tuple(dict.fromkeys(out))


_PIECES = st.text(alphabet="abkр0*", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=3).map("|".join), min_size=1, max_size=12),
       st.lists(st.text(alphabet="abkр0", max_size=6), max_size=12))
def test_the_entries_a_word_starts_are_those_tried_one_by_one(heads, words):
    """Vocabulary.starting finds the entries whose first word is a glob by the globs' literal
    ends (text.roles._Globbed): the same entries, in the same order, as trying each (`*`, `**`,
    `*a*`, `a*`, `*a`, `a*b` and alternatives among them)."""
    from smmplan.text.roles import Entry, WordMatcher

    vocab = Vocabulary([Entry("r", head, (WordMatcher.parse(head),)) for head in heads])
    for word in words + [h.replace("*", "") for h in heads]:
        assert vocab.starting(word) == _starting(vocab, word), (heads, word)


def _same_vocabulary(fast: Vocabulary, built: Vocabulary, words: list[str]) -> None:
    assert isinstance(fast, CompiledVocabulary)
    assert fast.table() == built.table()
    for w in words:  # entries made as words ask for them, in the order the built one finds them
        assert fast.starting(w) == built.starting(w) == _starting(built, w), w
    assert fast.entries == built.entries


def test_the_compiled_honesty_lexicon_is_the_one_built_from_the_yaml():
    data = honesty.compile_lexicon(honesty.SOURCE.read_bytes())
    fast, built_lex = honesty.lexicon(), honesty._lexicon_of(data)
    built = honesty._build_extra(built_lex, [*built_lex.entries, *built_lex.masks], (), (), (), ())
    ex = honesty.extra()
    assert ex is honesty._compiled_extra(fast) or ex.rules == built.rules
    ex = honesty._compiled_extra(fast)  # a fresh one: nothing made yet
    assert (ex.rules, list(ex.key_roles), ex.key_roles.widest, ex.number_keys, ex.allowed, ex.refused, ex.banned) == (
        built.rules, list(built.key_roles), built.key_roles.widest, built.number_keys, built.allowed, built.refused,
        built.banned)
    assert ex.key_roles[-1] == list(built.key_roles)[-1] and ex.key_roles[2:5] == list(built.key_roles)[2:5]
    words = _words()
    _same_vocabulary(ex.keys, built.keys, words)
    _same_vocabulary(ex.vocabulary, built.vocabulary, words)
    assert (fast.policies, fast.categories, fast.docs, fast.legitimate_kinds, fast.banned_kinds,
            fast.sponsored_types, fast.disclosure_markers) == (
        built_lex.policies, built_lex.categories, built_lex.docs, built_lex.legitimate_kinds, built_lex.banned_kinds,
        built_lex.sponsored_types, built_lex.disclosure_markers)


def test_the_compiled_content_types_are_the_ones_built_from_the_yaml():
    lex = types.lexicon()
    vocab = Vocabulary(types.lexicon().vocabulary.entries)
    fresh = CompiledVocabulary(lex.vocabulary.table(), len(lex.vocabulary.entries), lex.vocabulary.entries.__getitem__)
    _same_vocabulary(fresh, vocab, _words())
    data = types.compile_lexicon(types.SOURCE.read_bytes())
    assert [(e.role, e.source) for e in lex.vocabulary.entries] == [
        tuple(r.split("\t")[:2]) for r in data["entries"]]
    assert lex.weights == data["weights"]


def test_a_run_whose_yaml_changed_reads_the_yaml(tmp_path):
    """An edited honesty.yaml whose compiled form was not rebuilt yet: the run does not read
    the compiled file and compiles the YAML itself (here a copy with a line more), to the same
    lexicon."""
    import subprocess
    import sys

    src = tmp_path / "honesty.yaml"
    src.write_bytes(honesty.SOURCE.read_bytes() + b"\n# edited\n")
    probe = """
import sys
from pathlib import Path
from smmplan.rules import honesty
from smmplan.text import compiled
honesty.SOURCE = Path(sys.argv[1])
print(compiled.read(honesty.COMPILED, honesty.SOURCE.read_bytes()) is None)
lex = honesty.lexicon()
print(lex.table["source"] == compiled.stamp(honesty.SOURCE.read_bytes()))
print(len(lex.entries), len(lex.rules), len(honesty.extra().keys.entries))
"""
    proc = subprocess.run([sys.executable, "-c", probe, str(src)], capture_output=True, text=True, timeout=120)
    lex, ex = honesty.lexicon(), honesty.extra()
    assert proc.stdout.split("\n")[:3] == ["True", "True", f"{len(lex.entries)} {len(lex.rules)} {len(ex.keys.entries)}"], \
        proc.stderr
