"""BAN: honest promotion. No bought audience or engagement, no bots, no fake reviews.

Every free-text value of a plan (tactics, post titles, texts and notes, goal
descriptions, any other text) is read in English and Russian against the
lexicon in ``smmplan/data/honesty.yaml``: categories of banned methods, each
pattern with the policy it breaks and an example. A run reads it from its
compiled form beside the YAML (``honesty.compiled.json``; after editing the
YAML, ``python -m smmplan.rules.compile`` rebuilds it), once, on the first
check that needs it, and makes only the entries the plan's words look up.

Text is normalised first (NFKC, ё -> е, Latin look-alikes inside Cyrillic
words made Cyrillic, lower case), so ``нaкрyткa`` reads as ``накрутка``. All
the plan's texts are joined and normalised once, and each distinct word of them
looked up once (from plan to plan, as the plans of a folder share their words);
only the texts holding the words of some rule are read in full (negation and
allowed-phrase checks, line and column of the words), each once from plan to plan.
A structured tactic's ``kind`` is judged by a closed vocabulary. Two warnings
watch posts: user content without its author, sponsored posts without a disclosure.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from smmplan.findings import LEARNED, Problem, format_where, nearest, number
from smmplan.formulas import PRESETS, canonical_type, normalise_word
from smmplan.locale import N_, _
from smmplan.rules import Rule
from smmplan.text import Entry, RoleHit, Vocabulary, compiled, learned, normalise, parse_entry, read
from smmplan.text.roles import CompiledVocabulary, Entries, WordMatcher, word_specs
from smmplan.text.tokens import TOKEN, word_of

normalize = normalise  # the name the rest of smmplan knows

RULES = (
    Rule(
        "BAN001", "bought-audience", "error", N_("Buying or inflating followers, subscribers or members."),
        what=N_("A text in the plan describes buying followers, subscribers, members or friends, or inflating "
        "their number by a service or by hand (купить подписчиков, накрутка подписчиков)."),
        why=N_("Bought followers are fake indicators of influence (FTC 16 CFR 465.8) and break every platform's "
        "rules; they never become customers and drag down the reach of every post."),
        example="tactics:\n  - Buy 5k Instagram followers before the launch\n",
        fix=N_("Remove the tactic; grow the audience with content, targeted ads or a giveaway under the rules."),
    ),
    Rule(
        "BAN002", "bought-engagement", "error", N_("Buying likes, views, comments, shares, votes or ratings."),
        what=N_("A text describes bought engagement: likes, views, comments, shares, votes or ratings from "
        "services, click farms, SMM panels or boost services (купить лайки, накрутка просмотров)."),
        why=N_("Bought likes are fake social endorsements (FTC 16 CFR 465.8; EU Directive 2019/2161 names bought "
        "likes); platforms cut such posts' reach and the statistics stop meaning anything."),
        example="tactics:\n  - name: Launch week\n    description: Buy likes for every new post\n",
        fix=N_("Remove it; earn engagement with polls, questions and contests, and measure what is real."),
    ),
    Rule(
        "BAN003", "bots-and-fake-accounts", "error", N_("Bots, fake accounts or sockpuppets used to inflate or post."),
        what=N_("A text describes bots that inflate numbers, fake or hijacked accounts, sockpuppets or people "
        "posing as ordinary users. A chatbot that serves customers (чат-бот, бот-помощник) is not flagged."),
        why=N_("Accounts that pretend to be people deceive the audience (FTC 16 CFR 465.8; Meta's inauthentic "
        "behaviour policy; YouTube's fake engagement policy; VK's rules) and get pages restricted."),
        example="tactics:\n  - Боты для увеличения численности группы\n",
        fix=N_("Remove it; keep bots to serving customers, and grow the community with content and ads."),
    ),
    Rule(
        "BAN004", "fake-reviews", "error", N_("Fake reviews or testimonials."),
        what=N_("A text describes reviews written by the brand, its staff, agency, \"brand advocates\" or AI, "
        "bought reviews, review farms, or reviews by people who never used the product "
        "(фейковые отзывы, заказать отзывы)."),
        why=N_("Fake reviews deceive the people who rely on them: FTC 16 CFR 465.2 (and 465.5 for insiders); "
        "EU Directive 2019/2161 bans submitting or commissioning false reviews."),
        example="tactics:\n  - Write reviews for the client on Yandex Maps\n",
        fix=N_("Remove it; ask real customers for reviews (QR code on the receipt, a follow-up message) and answer them."),
    ),
    Rule(
        "BAN005", "review-manipulation", "error", N_("Rewards only for positive reviews; hiding negative ones."),
        what=N_("A text describes rewards conditioned on a positive review, deleting or hiding negative reviews, "
        "showing only good ones, or review gating."),
        why=N_("Reviews bought only when positive, or negative ones that disappear, misrepresent what customers "
        "think: FTC 16 CFR 465.4 and 465.7."),
        example="tactics:\n  - A 10% discount for a 5-star review\n",
        fix=N_("Offer the same thank-you for any honest review, publish every review and answer the negative ones."),
    ),
    Rule(
        "BAN006", "engagement-exchange", "error", N_("Engagement pods, follow-for-follow, mass following or liking."),
        what=N_("A text describes exchange schemes (engagement pods, sub4sub, follow-for-follow, like4like, "
        "взаимные подписки) or mass automation (mass following, liking, commenting, follow-unfollow, "
        "массфолловинг, масслайкинг, масслукинг)."),
        why=N_("Swapped and automated actions fake interest and annoy real people; Instagram, YouTube and VK "
        "restrict accounts that use them."),
        example="tactics:\n  - Mass-follow competitors' followers\n",
        fix=N_("Reach new people with targeted ads (a competitor's audience is a fine target) and disclosed collaborations."),
    ),
    Rule(
        "BAN007", "banned-phrase", "error", N_("A phrase this project's config or plan bans (or an allowed phrase refused)."),
        what=N_("A text contains one of the project's own banned phrases (`banned-phrases` in the config, or "
        "`banned_phrases:` in the plan). Also reported here: an allowed phrase that is refused because it is "
        "made only of wildcards (`* * *`) or would excuse a banned tactic of every kind."),
        why=N_("Teams know the euphemisms of their market; the lexicon cannot list them all. An allowed phrase "
        "that excuses everything would switch the honesty rules off without a trace."),
        example="banned_phrases: ['сер* пиар*']\ntactics:\n  - Серый пиар в пабликах района\n",
        fix=N_("Remove the phrase; if this use is legitimate, add the wording to `allowed-phrases`."),
    ),
    Rule(
        "BAN008", "unknown-tactic-kind", "error", N_("A tactic's `kind` is not in the vocabulary."),
        what=N_("A structured tactic's `kind:` is neither a known legitimate kind (paid_ads, influencer, seeding, "
        "giveaway, chatbot, review_request...) nor a known banned one."),
        why=N_("The kind is how a tactic is judged; a misspelt kind would slip through unjudged."),
        example="tactics:\n  - name: Winter ads\n    kind: paid_adds\n",
        fix=N_("Use a kind from the list (the message suggests the nearest), or leave `kind` out."),
    ),
    Rule(
        "BAN009", "ugc-without-author", "warning", N_("A user-generated post does not say whose content it is."),
        what=N_("A post of the user-generated type has neither `author` nor `source`."),
        why=N_("Users' content is published with their permission and credit; a post that cannot say whose it "
        "is may be someone else's, or made up."),
        example="posts:\n  - date: 2026-12-01\n    type: user_generated\n    title: Guest photo of the week\n",
        fix=N_("Add `author:` (e.g. `@anna.brews, with permission`) or `source:` (where the content comes from)."),
    ),
    Rule(
        "BAN010", "undisclosed-sponsorship", "warning", N_("A sponsored or partner post has no disclosure."),
        what=N_("A post with `sponsored: yes`, or of a sponsored, partner or influencer type, has no `disclosure:` "
        "and no ad mark (#ad, Реклама, paid partnership) in its title or text."),
        why=N_("Readers must see that a post is paid for: the FTC's endorsement guides, the EU's unfair "
        "practices directive and Russia's advertising law (маркировка рекламы) all require it."),
        example="posts:\n  - date: 2026-12-01\n    type: advertising\n    sponsored: yes\n    title: Our partner's new menu\n",
        fix=N_("Add `disclosure:` (e.g. `#ad`, `Реклама`, `Paid partnership`) and mark the post itself."),
    ),
)

PROJECT = "project"  # category of the project's own banned phrases (BAN007)

# --- the lexicon ----------------------------------------------------------------

STRUCTURE = ("negation", "negation_all", "undoes", "manner", "defended", "dealt_with", "transparent", "coordinator", "purpose", "break", "defensive",
             "prohibited", "refusal", "allowed")
PLAN, CONFIG = "plan", "config"  # where an allowed phrase comes from
DOUBTED = LEARNED  # ... and what doubts a rule's finding instead of an allowed phrase


class Category(NamedTuple):
    id: str
    code: str
    title: str
    summary: str
    why: str
    fix: str


class RoleRule(NamedTuple):
    """Roles that, standing together in one clause, are a banned tactic."""

    index: int  # priority: tried in this order
    category: str
    roles: tuple[str, ...]  # the first is looked for first (the rarest)
    window: int  # at most this many words from the first role's word to the last's
    unless: tuple[str, ...]  # roles that clear the match when they stand within it or `near` words of it
    near: int
    between: bool  # `unless` roles clear the match only between the first two roles' words
    defensive: bool  # a defensive word before the match clears it (not for rules of hiding feedback)
    solo: bool
    policies: tuple[str, ...]  # policy texts
    example: str
    phrase: str | None = None  # a project's own banned phrase
    negated: bool = False  # a negation is part of the tactic ("unhappy customers we do not ask"): it clears nothing
    before: int = 0  # `unless` roles clear the match this many words before it as well (in its clause)
    span: str = ""  # "sentence": its roles may stand in the clauses of one sentence ("unhappy ones get a call, but happy
    # ones get the link"); "text": in any sentences of the text ("Happy? -> Google. Not happy? -> a private form")

    @property
    def source(self) -> str:
        return self.phrase or " + ".join(self.roles)


class Lexicon(NamedTuple):
    """honesty.yaml as a run reads it. (A named tuple: a dataclass is generated anew at every start.)"""

    policies: dict[str, str]
    categories: dict[str, Category]
    rules: tuple[RoleRule, ...]
    entries: Sequence[Entry]  # every role's words (made when first asked for: text.Entries)
    masks: Sequence[Entry]  # role "mask:<role>": phrases in which a word of <role> is not that role
    docs: dict[str, str]  # role -> what it stands for
    legitimate_kinds: dict[str, str]
    banned_kinds: dict[str, str]  # kind -> category id
    sponsored_types: frozenset[str]
    disclosure_markers: str
    deniable: frozenset[str] = frozenset()  # roles that clear nothing when a negation denies them (`deniable: yes`)
    table: Mapping[str, Any] | None = None  # the compiled form (compile_lexicon)

    @property
    def disclosure(self) -> re.Pattern:
        return _pattern(self.disclosure_markers)

    def policies_of(self, category: str) -> tuple[str, ...]:
        return next(r.policies for r in self.rules if r.category == category)


@lru_cache(maxsize=4)  # the lexicon's own markers: one pattern a run
def _pattern(markers: str) -> re.Pattern:
    return re.compile(markers)


class LexiconError(ValueError):
    """The data file is malformed (a bug in smmplan, caught by the tests)."""


DATA = Path(__file__).parent.parent / "data"
SOURCE, COMPILED = DATA / "honesty.yaml", DATA / "honesty.compiled.json"


@cache
def lexicon() -> Lexicon:
    """The lexicon, once: from its compiled form (smmplan/data/honesty.compiled.json,
    rebuilt by ``python -m smmplan.rules.compile``) while it was compiled from this
    honesty.yaml, else compiled from the YAML here and now (the same lexicon, slower)."""
    source = SOURCE.read_bytes()
    return _lexicon_of(compiled.read(COMPILED, source) or compile_lexicon(source))


def compile_lexicon(source: bytes) -> dict:
    """honesty.yaml as the compiled form keeps it: what each entry's words read as
    (normalised, stems), and the index of every word a rule looks for, so that a run
    makes only the entries a plan's words need."""
    from smmplan import loader

    # smmplan's own loader (every scalar a string): no PyYAML import.
    read = loader.load(source)
    if read.data is None:
        raise LexiconError("; ".join(f"line {p.line}, column {p.column}: {p.message}" for p in read.problems)
                           or "the lexicon is empty")
    raw = read.data
    policies = {str(k): str(v) for k, v in raw["policies"].items()}
    categories = {c["id"]: [c["id"], c["code"], c["title"], c["summary"], c["why"], c["fix"]] for c in raw["categories"]}
    rows: dict[str, list] = {"entries": [], "masks": []}
    docs: dict[str, str] = {}
    for role, spec in raw["roles"].items():
        docs[role] = str(spec.get("doc", ""))
        rows["entries"] += _rows(role, spec["words"])
        rows["masks"] += _rows(f"mask:{role}", spec.get("masks"))
    rules = []
    for index, r in enumerate(raw["rules"]):
        cited = r["policy"] if isinstance(r["policy"], list) else [r["policy"]]
        roles = list(r["roles"])
        if r["category"] not in categories or any(c not in policies for c in cited) or not r.get("example") \
                or any(role not in docs for role in (*roles, *r.get("unless", ()))) \
                or r.get("span", "") not in _SPANS or roles[0] in READER_ROLES:
            raise LexiconError(f"rule {r!r}: unknown category, policy, role or span, no example, or first a role the reader gives")
        rules.append([index, r["category"], roles, int(r.get("window", 6)), list(r.get("unless", ())),
                      int(r.get("near", 3)), r.get("between") in ("yes", "true"),
                      r.get("defensive") not in ("no", "false"), r.get("solo") in ("yes", "true"),
                      [policies[c] for c in cited], str(r["example"]), None, r.get("negated") in ("yes", "true"),
                      int(r.get("before", 0)), r.get("span", "")])
    kinds = raw["kinds"]
    data = {
        "source": compiled.stamp(source),
        "policies": policies,
        "categories": list(categories.values()),
        "rules": rules,
        "counts": [len(rows["entries"]), len(rows["masks"])],
        **rows,
        "docs": docs,
        "legitimate_kinds": {normalise_word(k): str(v) for k, v in kinds["legitimate"].items()},
        "banned_kinds": {normalise_word(k): str(v) for k, v in kinds["banned"].items()},
        "sponsored_types": sorted({normalise_word(t) for t in raw["sponsored_types"]}),
        "disclosure_markers": raw["disclosure_markers"],
        "deniable": sorted(role for role, spec in raw["roles"].items() if spec.get("deniable") in ("yes", "true")),
    }
    # the words every plan is read for (the lexicon with no project words of its own): see _extra
    lex = _lexicon_of(data)
    entries = [*lex.entries, *lex.masks]
    ex = _build_extra(lex, entries, (), (), (), ())
    needed = [n for n, e in enumerate(entries) if e.role in {role for r in lex.rules for role in r.roles}]
    words = [_key_words(entries[n]) for n in needed]
    specs = [row.rsplit("\t", 1)[1].split() for row in (*rows["entries"], *rows["masks"])]
    data.update(compiled.tables("vocabulary", ex.vocabulary.table()))
    # key entry j (see _keys) is the word of spec key_specs[j] of the n-th entry of a rule's role, for
    # the n with key_ends[n - 1] <= j < key_ends[n] (a run looks its keys up without making the entries
    # themselves). Four parts, each on its own line: a run parses the index and the entries' roles and
    # ends, and of the 11,000 specs only those of the keys its words look up (compiled.strings).
    data["key_roles"] = [role for role, _ in ex.key_roles]
    data["key_ends"] = list(itertools.accumulate(map(len, words)))
    data["key_specs"] = [specs[n][at] for n, ws in zip(needed, words) for at in ws]
    # where each row and spec starts (compiled.places): a run slices out those it reads
    data.update({f"{key}_at": compiled.places(data[key]) for key in ("entries", "masks", "key_specs")})
    data.update(compiled.tables("key_index", ex.keys.table()))
    data["number_keys"] = ex.number_keys
    return data


def _rows(role: str, words: Any) -> list[str]:
    """A role's entries as the compiled lexicon keeps them (see text.Entries)."""
    out = []
    for w in words or ():
        source = str(w).strip()
        specs = word_specs(source)
        if specs:
            out.append(Entries.row(role, source, specs))
    return out


def _lexicon_of(data: dict) -> Lexicon:
    """The lexicon from its compiled form; its entries are made when first asked for."""
    return Lexicon(
        policies=data["policies"],
        categories={c[0]: Category(*c) for c in data["categories"]},
        rules=tuple(RoleRule(i, cat, tuple(roles), window, tuple(unless), near, between, defensive, solo,
                             tuple(policies), example, phrase, negated, before, span)
                    for i, cat, roles, window, unless, near, between, defensive, solo, policies, example, phrase,
                    negated, before, span in data["rules"]),
        # (their rows parsed when a plan's text is first read in full: a clean plan never is)
        entries=Entries(lambda: compiled.strings(data, "entries"), data["counts"][0]),
        masks=Entries(lambda: compiled.strings(data, "masks"), data["counts"][1]),
        docs=data["docs"],
        legitimate_kinds=data["legitimate_kinds"],
        banned_kinds=data["banned_kinds"],
        sponsored_types=frozenset(data["sponsored_types"]),
        disclosure_markers=data["disclosure_markers"],
        deniable=frozenset(data["deniable"]),
        table=data,
    )


# --- a project's own words ------------------------------------------------------


class Extra:
    """The lexicon with a project's own words: its banned phrases (rules of
    their own), allowed phrases (with where each came from), words added to
    roles; and the allowed phrases refused (wildcards only, or excusing every
    category). (A plain class, never changed once made: a dataclass is generated
    anew at every start.)"""

    def __init__(self, vocabulary: Vocabulary, rules: tuple[RoleRule, ...], keys: Vocabulary,
                 key_roles: _KeyRoles, number_keys: bool, allowed: tuple[tuple[str, str], ...],
                 refused: tuple[tuple[str, str, str], ...], banned: tuple[str, ...] = ()) -> None:
        self.vocabulary = vocabulary
        self.rules = rules
        self.keys = keys  # the words a text holding an entry must hold: role `<entry>:<word>` (see _keys)
        self.key_roles = key_roles  # per entry: (its role, how many key words it has)
        self.number_keys = number_keys  # a key word is a number (`per 1000`)
        self.allowed = allowed  # (phrase as written, PLAN or CONFIG), role `allow:<i>`
        self.refused = refused  # (phrase, origin, why)
        self.banned = banned

    _FIELDS = ("vocabulary", "rules", "keys", "key_roles", "number_keys", "allowed", "refused", "banned")

    def replaced(self, **changes: Any) -> Extra:
        """The same words with `changes` (fields by name), and nothing remembered (a new reader)."""
        return Extra(**{name: changes.get(name, getattr(self, name)) for name in Extra._FIELDS})

    @cached_property
    def role_sets(self) -> tuple[frozenset[str], ...]:
        """The roles of each rule, as sets (distinct): a text none of which holds is read no further."""
        return tuple(dict.fromkeys(frozenset(r.roles) for r in self.rules))

    @cached_property
    def reader(self) -> _KeyReader:
        """What the plans' chunks of text hold of the key words (see _candidates), remembered
        from plan to plan: the plans of a folder share most of their words."""
        return _KeyReader(self)

    @property
    def banned_phrases(self) -> tuple[str, ...]:
        return self.banned


def _refusal(entry: Entry) -> str | None:
    if not any(w.literal for w in entry.words):
        return N_("it is made only of wildcards and would excuse any words")
    return None


def extra(banned: tuple[str, ...] = (), allowed: tuple[str, ...] = (), plan_allowed: tuple[str, ...] = (),
          role_words: tuple[tuple[str, str], ...] = ()) -> Extra:
    """The lexicon with a project's words: `allowed` from the project's config,
    `plan_allowed` from the plan; `role_words` (role, word) pairs from the config.
    Kept by value (however the arguments were passed), 32 sets at most."""
    return _extra(tuple(banned), tuple(allowed), tuple(plan_allowed), tuple(role_words))


@lru_cache(maxsize=32)
def _extra(banned: tuple[str, ...], allowed: tuple[str, ...], plan_allowed: tuple[str, ...],
           role_words: tuple[tuple[str, str], ...]) -> Extra:
    lex = lexicon()
    if not (banned or allowed or plan_allowed or role_words):  # the usual plan: as compiled
        return _compiled_extra(lex)
    return _build_extra(lex, [*lex.entries, *lex.masks], banned, allowed, plan_allowed, role_words)


def _compiled_extra(lex: Lexicon) -> Extra:
    """The lexicon with no project words, from the indexes compile_lexicon made
    (the same as _build_extra makes): an entry is made when a plan's word needs it."""
    data = lex.table
    entries, masks = lex.entries, lex.masks
    split = len(entries)

    def entry(n: int) -> Entry:
        return entries[n] if n < split else masks[n - split]

    ends, specs = data["key_ends"], compiled.strings(data, "key_specs")

    def key(j: int) -> Entry:
        n = bisect.bisect_right(ends, j)
        return Entry(f"{n}:{j - (ends[n - 1] if n else 0)}", "", (WordMatcher.parse(specs[j]),))

    return Extra(CompiledVocabulary(lambda: compiled.table(data, "vocabulary"), split + len(masks), entry), lex.rules,
                 CompiledVocabulary(compiled.table(data, "key_index"), len(specs), key),
                 _KeyRoles(data["key_roles"], ends), data["number_keys"],
                 (), (), ())


def _build_extra(lex: Lexicon, entries: list[Entry], banned: tuple[str, ...], allowed: tuple[str, ...],
                 plan_allowed: tuple[str, ...], role_words: tuple[tuple[str, str], ...]) -> Extra:
    """The lexicon (`entries`: its entries and masks) with a project's words."""
    rules = list(lex.rules)
    for role, word in role_words:
        e = parse_entry(role, word)
        if e is not None:
            entries.append(e)
    for i, raw in enumerate(banned):
        head, sep, rest = raw.partition(":")
        category = head.strip() if sep and head.strip() in lex.categories else PROJECT
        e = parse_entry(f"project:{i}", rest if category != PROJECT else raw)
        if e is None or not any(w.literal for w in e.words):
            continue
        entries.append(e)
        policies = (lex.policies["project"],) if category == PROJECT else lex.policies_of(category)
        rules.insert(0, RoleRule(-1 - i, category, (e.role,), 1, (), 0, False, True, True, policies, raw, raw))
    allowed_list: list[tuple[str, str]] = []
    refused: list[tuple[str, str, str]] = []
    for origin, phrases in ((CONFIG, allowed), (PLAN, plan_allowed)):
        for raw in phrases:
            e = parse_entry(f"allow:{len(allowed_list)}", raw)
            if e is None:
                continue
            why = _refusal(e)
            if why is None:
                allowed_list.append((raw, origin))
                entries.append(e)
            else:
                refused.append((raw, origin, why))
    vocab = Vocabulary(entries)
    needed = {role for r in rules for role in r.roles}
    keys, key_roles = _keys([e for e in entries if e.role in needed])
    number_keys = any(w.number or any(x.isdigit() for x in w.exact) or any(p.isdigit() for p in w.prefixes)
                      or any(all(p.isdigit() for p in g.split("*") if p) for g in w.globs)
                      for e in keys.entries for w in e.words)  # a key word that can be a number
    out = Extra(vocab, tuple(rules), keys, key_roles, number_keys, tuple(allowed_list), tuple(refused), tuple(banned))
    if allowed_list:  # an allowed phrase that excuses an example of every category is refused too
        out = _refuse_catch_alls(out, lex)
    return out


# Words too common to look for a text by: an entry is looked for by its first other word.
_COMMON = frozenset("for the a an per of to from via through under as on in at with by and or our your their my "
                    "his her its this that these those every each all some any one two who "
                    "от за на в с до по для из у к и или как все это мы вы наш наши ваш ваши кто".split())


def _keys(entries: list[Entry]) -> tuple[Vocabulary, _KeyRoles]:
    """Each entry's distinctive words (not `for`, `the|our`, numbers) as entries
    of their own, named `<entry number>:<word number>`: a text holds the entry
    only if it holds all of them (`vote bot` needs `vote` and `bot`)."""
    out: list[Entry] = []
    roles: list[str] = []
    counts: list[int] = []
    for n, e in enumerate(entries):
        words = _key_words(e)
        out += [Entry(f"{n}:{k}", "", (e.words[at],)) for k, at in enumerate(words)]  # (by its role alone)
        roles.append(e.role)
        counts.append(len(words))
    return Vocabulary(out), _KeyRoles(roles, list(itertools.accumulate(counts)))


class _KeyRoles(Sequence[tuple[str, int]]):
    """Per entry of a rule's role, its role and how many key words it has (see _keys), from
    the entries' roles and the running total of their key words (as the compiled lexicon keeps
    them): each pair made when asked for, not thousands at every start. `widest`: the most key
    words of an entry."""

    __slots__ = ("_roles", "_ends", "widest")

    def __init__(self, roles: Sequence[str], ends: Sequence[int]) -> None:
        self._roles, self._ends = roles, ends
        self.widest = max(map(operator.sub, ends, [0, *ends[:-1]]), default=0)

    def __len__(self) -> int:
        return len(self._roles)

    def __getitem__(self, n):  # type: ignore[override]
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        role, ends = self._roles[n], self._ends
        return role, ends[n] - (ends[n - 1] if n else 0)


def _key_words(e: Entry) -> list[int]:
    """Where an entry's key words stand among its words (see _keys)."""
    plain = [k for k, w in enumerate(e.words) if w.literal and not w.number and not any(
        x.isdigit() for x in w.exact)]  # numbers are no key while a word will do
    words = [k for k in plain if not (e.words[k].exact & _COMMON)] or plain or [0]
    if len({e.words[k] for k in words}) < len(words):  # `share for share`: the `for` is what tells it apart
        words = plain
    return words


def _refuse_catch_alls(ex: Extra, lex: Lexicon) -> Extra:
    examples = [r.example for r in lex.rules]
    excused_cats: dict[int, set[str]] = {}
    for e in excused(examples, ex):
        if e.origin == DOUBTED:
            continue
        excused_cats.setdefault(int(e.role[len("allow:"):]), set()).add(e.hit.category)
    bad = {k for k, cats in excused_cats.items() if cats >= set(lex.categories)}
    if not bad:
        return ex
    keep = [a for k, a in enumerate(ex.allowed) if k not in bad]
    why = N_("it would excuse a banned tactic of every kind")
    refused = (*ex.refused, *((*ex.allowed[k], why) for k in sorted(bad)))
    # rebuild without them: the same phrases, numbered afresh
    return extra(ex.banned, tuple(p for p, o in keep if o == CONFIG), tuple(p for p, o in keep if o == PLAN),
                 _role_words_of(ex)).replaced(refused=refused)


def _role_words_of(ex: Extra) -> tuple[tuple[str, str], ...]:
    lex = lexicon()
    own = set(map(id, lex.entries)) | set(map(id, lex.masks))
    return tuple((e.role, e.source) for e in ex.vocabulary.entries
                 if id(e) not in own and not e.role.startswith(("project:", "allow:")))


# --- scanning -------------------------------------------------------------------


class Hit(NamedTuple):
    """One banned tactic found in one text."""

    index: int  # which of the scanned texts
    start: int  # span in the original text
    end: int
    matched: str  # the original words
    category: str  # category id, or PROJECT
    policies: tuple[str, ...]
    phrase: str | None = None  # the project's banned phrase, for BAN007
    roles: tuple[tuple[str, str], ...] = ()  # (role, the words that played it), in reading order


class Excused(NamedTuple):
    """A hit an allowed phrase excused, or the learned model doubted: for suppression accounting."""

    hit: Hit
    phrase: str  # the allowed phrase as written ("" for a doubt)
    origin: str  # PLAN or CONFIG, or DOUBTED
    role: str  # allow:<i>, or `learned`
    probability: float | None = None  # how likely the model reads the text as a banned tactic (a doubt)

    @property
    def code(self) -> str:
        return _code(self.hit.category)


def _code(category: str) -> str:
    return "BAN007" if category == PROJECT else lexicon().categories[category].code


# Between texts: no word crosses it, and str.split() parts the texts' words.
_SEPARATOR = "\n\x00\n"

# Digits and the signs that never belong to a token: a chunk of these alone reads as digits alone
# (no `.`, `,`, `-`, `*`, `'`, currency or percent: those make other tokens, `1,5`, `5*`, `$5`).
_NUMBER_CHUNK = "0123456789()[]{}!?:;/#@&+=<>|^~\""
_NUMBER_OR_SPACE = _NUMBER_CHUNK + " \t\n\r\f\v"
_KEPT = 50_000  # chunks, words and sets of keys each memo of a _KeyReader keeps (a bound on memory)


class _KeyReader:
    """The key words (see _keys) in a chunk of normalised text, what a set of keys makes of
    a text and of a plan, and the hits of a text read in full, for one Extra; each answer
    kept, by value (the chunk, the word, the set of keys or chunks, the text), in a memo
    cleared past _KEPT.

    A key is a number here, ``entry * width + word`` (the key entry ``<entry>:<word>``),
    so that a text's entries are counted without parsing names."""

    def __init__(self, ex: Extra):
        self.keys, self.key_roles = ex.keys, ex.key_roles
        self.numbers = ex.number_keys
        self.width = ex.key_roles.widest + 1
        # each rule's roles that key words give (not those the reader gives, READER_ROLES), by
        # the reader roles some text of a plan may give: a rule that needs one of those counts
        # only where the plan's text holds the mark the reader gives it by (READER_MARKS)
        needs = [(frozenset(role for role in r.roles if role not in READER_ROLES),
                  frozenset(role for role in r.roles if role in READER_ROLES)) for r in ex.rules]
        self.needs = {given: tuple(dict.fromkeys(need for need, reader in needs if reader <= given))
                      for given in _subsets(READER_ROLES)}
        self.marks = tuple((role, mark) for role, mark in READER_MARKS.items()
                           if any(role in reader for _, reader in needs))
        self.chunks: dict[str, frozenset[int]] = {}
        self._words: dict[str, frozenset[int]] = {}
        self._verdicts: dict[tuple[frozenset[int], frozenset[str]], bool] = {}
        self._readings: dict[str, list[tuple[Hit, Excused | None]]] = {}
        self._texts: dict[str, frozenset[int]] = {}
        self._probabilities: dict[str, float | None] = {}

    def chunk(self, chunk: str) -> frozenset[int]:
        """The keys in one chunk: those of its tokens' words (a number is no key unless
        some key word can be one)."""
        found = self.chunks.get(chunk)
        if found is None:
            tokens = TOKEN.findall(chunk)
            if not self.numbers:
                tokens = [t for t in tokens if not t.isdigit()]
            found = frozenset().union(*map(self.word, tokens))
            if len(self.chunks) >= _KEPT:
                self.chunks.clear()
            self.chunks[chunk] = found
        return found

    def word(self, surface: str) -> frozenset[int]:
        found = self._words.get(surface)
        if found is None:
            width = self.width
            found = frozenset(int(n) * width + int(k) for n, _, k in
                              (role.partition(":") for role in self.keys.roles_of(word_of(surface))))
            if len(self._words) >= _KEPT:
                self._words.clear()
            self._words[surface] = found
        return found

    def text(self, norm: str) -> frozenset[int]:
        """The keys in one normalised text: its chunks' (a chunk of numbers alone, a post's
        `(12)`, has none, and is not looked up)."""
        found = self._texts.get(norm)
        if found is None:
            if self.numbers:
                chunks = norm.split()
            else:
                head, _, last = norm.rpartition(" ")
                if head and not last.strip(_NUMBER_OR_SPACE):  # a post's number, `... (12)`: the same keys
                    return self.text(head)  # as the text before it (the posts of a plan share those)
                chunks = [c for c in norm.split() if c.strip(_NUMBER_CHUNK)]
            found = frozenset().union(*map(self.chunk, chunks))
            if len(self._texts) >= _KEPT:
                self._texts.clear()
            self._texts[norm] = found
        return found

    def roles(self, keys: frozenset[int] | set[int]) -> set[str]:
        """The roles of the entries all of whose key words are among `keys`."""
        width, key_roles = self.width, self.key_roles
        got: dict[int, int] = {}
        for k in keys:
            n = k // width
            got[n] = got.get(n, 0) + 1
        return {role for n, c in got.items() for role, count in (key_roles[n],) if c == count}

    def given(self, norm: str) -> frozenset[str]:
        """The reader roles some text of a plan (`norm`, its normalised texts) may give."""
        return frozenset(role for role, mark in self.marks if mark.search(norm))

    def worth_reading(self, keys: frozenset[int], given: frozenset[str]) -> bool:
        """Whether a text holding these keys may hold every role of some rule (`given`: the
        reader roles the plan's texts may give, for the rules that need them)."""
        found = self._verdicts.get((keys, given))
        if found is None:
            found = any(map(self.roles(keys).issuperset, self.needs[given]))
            if len(self._verdicts) >= _KEPT:
                self._verdicts.clear()
            self._verdicts[keys, given] = found
        return found

    def probabilities(self, texts: list[str], norms: list[str] | None = None) -> list[float | None]:
        """How likely the learned model reads each text as a banned tactic (learned.probability),
        None for a text too short for the model alone to flag (learned.flags); each distinct
        text read once; `norms`, the texts normalised, if the caller has them."""
        memo = self._probabilities
        # each distinct text with its first occurrence's normalised form
        distinct = dict.fromkeys(texts) if norms is None else dict(zip(reversed(texts), reversed(norms)))
        todo = [t for t in distinct if t not in memo]
        if todo:
            if len(memo) + len(todo) > _KEPT:
                memo.clear()
                todo = list(distinct)
            norm = normalise(_joined(todo))[0].split("\x00") if norms is None else [distinct[t] for t in todo]
            m = learned.model(MODEL)
            memo.update(zip(todo, learned.probabilities(m, norm, m.min_words)))
        return [memo[t] for t in texts]

    def read(self, index: int, text: str, ex: Extra) -> list[tuple[Hit, Excused | None]]:
        """_read_text, each text read once (the plans of a folder repeat their tactics and
        notes): its hits, as text number `index`."""
        found = self._readings.get(text)
        if found is None:
            found = _read_text(0, text, ex)
            if len(self._readings) >= _KEPT:
                self._readings.clear()
            self._readings[text] = found
        if not index or not found:
            return found
        out = []
        for hit, excused in found:
            hit = hit._replace(index=index)
            out.append((hit, None if excused is None else excused._replace(hit=hit)))
        return out


def _candidates(texts: list[str], ex: Extra, norm: str | None = None) -> list[int]:
    """The texts worth reading in full: those whose key words (:meth:`_KeyReader.text`, each
    distinct text looked up once and kept from plan to plan: a plan repeats its titles and
    tags, the plans of a folder their tactics and notes) may hold every role of some rule.
    `norm`: the texts joined and normalised, if the caller has them. (Until December 4 a plan
    of over a thousand texts was read chunk by chunk, its rarest key words found in the joined
    text; as fast cold on the 20,000-post benchmark plan, 2.5 times slower on a plan read again.)"""
    if norm is None:
        norm = normalise(_joined(texts))[0]
    reader = ex.reader
    given = reader.given(norm)
    keys_of, worth_reading = reader.text, reader.worth_reading
    return [i for i, text in enumerate(norm.split("\x00")) if (keys := keys_of(text)) and worth_reading(keys, given)]


def _joined(texts: list[str]) -> str:
    """The texts joined by _SEPARATOR, each text's own NULs spaces."""
    return _SEPARATOR.join(t.replace("\x00", " ") if "\x00" in t else t for t in texts)


def scan(texts: list[str], extra_words: Extra | None = None) -> list[Hit]:
    """Every banned tactic in `texts`, in order (text, then place)."""
    return [h for h, _ in _scan(texts, extra_words or extra()) if _ is None]


def excused(texts: list[str], extra_words: Extra) -> list[Excused]:
    """The hits an allowed phrase (the plan's or the project config's) excused,
    with the phrase and where it came from, and those the learned model doubted:
    for suppression accounting."""
    return [x for _, x in _scan(texts, extra_words) if x is not None]


def _scan(texts: list[str], ex: Extra) -> list[tuple[Hit, Excused | None]]:
    norm = normalise(_joined(texts))[0]
    return _second_opinion(texts, _rules_scan(texts, ex, norm), ex, norm.split("\x00"))


def _rules_scan(texts: list[str], ex: Extra, norm: str | None = None) -> list[tuple[Hit, Excused | None]]:
    """What the rules find (the fast path: only the texts worth reading are read in full);
    `norm`, the texts joined and normalised, if the caller has them."""
    out: list[tuple[Hit, Excused | None]] = []
    read = ex.reader.read
    for i in _candidates(texts, ex, norm):
        out += read(i, texts[i], ex)
    return out


# --- the learned model's second opinion ---------------------------------------------
# The rules find what their roles foresee; on phrasings nobody tuned them on they found some
# nine banned tactics in ten. A model learned from the labelled corpus (smmplan/text/learned.py)
# reads every text too, and where it reads a text of some words (`min_words`) very differently
# from the rules, it says so:
# - a text no rule found anything in, that it reads as a banned tactic with a probability of at
#   least `flag_above`, is a finding (named by the words that weigh most, role `learned`); the
#   allowed phrases excuse it as they do the rules' findings;
# - a rule's finding whose sentence (cut at a `but`, `instead`, `then`: learned.part_of) it reads
#   as legitimate (below `doubt_below`) is doubted: kept as a suppressed finding under review,
#   shown in every report (`--show-suppressed` lists it), never dropped. It reads words, not
#   the scope of a negation (hence the sentence, not the text: "No ads this month. Buy followers
#   instead." reads to it as legitimate), so a doubt is a question to a person, not a verdict;
#   a project's own banned phrases (BAN007) are never doubted.

MODEL = "honesty"


def _second_opinion(texts: list[str], found: list[tuple[Hit, Excused | None]], ex: Extra,
                    norms: list[str] | None = None) -> list[tuple[Hit, Excused | None]]:
    m = learned.model(MODEL)
    probability = ex.reader.probabilities(texts, norms)
    seen = {h.index for h, _ in found}
    found = _doubted(m, texts, found, ex)
    added = [_learned_hit(i, texts[i], ex) for i, p in enumerate(probability)
             if p is not None and p >= m.flag_above and i not in seen]
    if not added:
        return found
    return sorted(found + added, key=lambda pair: (pair[0].index, pair[0].start))


def _doubted(m: learned.Model, texts: list[str], found: list[tuple[Hit, Excused | None]],
             ex: Extra) -> list[tuple[Hit, Excused | None]]:
    """The rules' findings, those the model reads as legitimate (the part of their text around
    them, learned.part_of, read below `doubt_below`) doubted."""
    doubtable = [k for k, (hit, x) in enumerate(found) if x is None and hit.category != PROJECT]
    if not doubtable:
        return found
    parts = [learned.part_of(texts[found[k][0].index], found[k][0].start, found[k][0].end) for k in doubtable]
    out = list(found)
    for k, p in zip(doubtable, ex.reader.probabilities(parts)):
        if p is not None and p < m.doubt_below:
            hit = found[k][0]
            out[k] = (hit, Excused(hit, "", DOUBTED, "learned", p))
    return out


def _learned_hit(index: int, text: str, ex: Extra) -> tuple[Hit, Excused | None]:
    lex = lexicon()
    why = learned.explain(learned.model(MODEL), text)
    category = next(c.id for c in lex.categories.values() if c.code == why.code)
    hit = Hit(index, why.start, why.end, text[why.start : why.end], category, lex.policies_of(category), None,
              (("learned", ", ".join(why.words)),))
    if ex.allowed:
        for h in ex.vocabulary.tag(read(text).words()):
            if h.role.startswith("allow:"):
                phrase, origin = ex.allowed[int(h.role[len("allow:"):])]
                return hit, Excused(hit, phrase, origin, h.role)
    return hit, None


def detect(text: str, banned: tuple[str, ...] = (), allowed: tuple[str, ...] = (), doubted: bool = False) -> list[Hit]:
    """The banned tactics in one text (for tests and tools); with `doubted`, also the rules'
    findings the learned model doubts (a report keeps them as suppressed, under review)."""
    ex = extra(tuple(banned), tuple(allowed))
    if not doubted:
        return scan([text], ex)
    return [h for h, x in _scan([text], ex) if x is None or x.origin == DOUBTED]


class _Cover:
    """Which of some spans of tokens covers a given span, in constant time after
    one pass (a text read once, whatever the number of phrases in it)."""

    def __init__(self, spans: list[RoleHit], n: int):
        best: list[RoleHit | None] = [None] * n
        for sp in spans:
            if best[sp.first] is None or sp.last > best[sp.first].last:
                best[sp.first] = sp
        self.reach: list[RoleHit | None] = []
        running: RoleHit | None = None
        for sp in best:
            if sp is not None and (running is None or sp.last > running.last):
                running = sp
            self.reach.append(running)

    def __call__(self, first: int, last: int) -> RoleHit | None:
        sp = self.reach[first]
        return sp if sp is not None and sp.last >= last else None


def _in_range(hits: list[RoleHit], firsts: list[int], lo: int, hi: int) -> list[RoleHit]:
    """The hits (sorted by first token) starting between lo and hi."""
    return hits[bisect.bisect_left(firsts, lo) : bisect.bisect_right(firsts, hi)]


_ANSWERS = frozenset(("no", "nope", "nah", "нет", "неа", "never"))  # negations that answer a question on their own
# who answers, written before the answer in a chat or a brief's dialogue ("Us: no, we don't", "Мы: нет, ...")
_SPEAKERS = frozenset(("us", "we", "me", "i", "agency", "smm", "мы", "я", "агентство", "смм", "менеджер", "manager"))
# verbs whose denial right after a speaker turns the turn before down ("Мы: не будем", "Мы: такого не делаем")
_REFUSING = frozenset(("будем", "станем", "берем", "делаем", "надо", "нужно", "советуем", "рекомендуем", "беремся",
                       "возьмемся", "предлагаем"))
_TURNS_OF = _SPEAKERS | {"client", "customer", "brand", "клиент", "клиентка", "заказчик", "заказчица", "бренд"}


def _labels(reading, tokens, k: int, words: frozenset[str]) -> bool:
    """The word at k names who speaks, a colon after it ("Us:", "Клиент:")."""
    return tokens[k].word in words and k + 1 < len(tokens) and ":" in reading.norm[tokens[k].end:tokens[k + 1].start]


def _turn_start(reading, tokens, clause: list[int], label: int) -> int:
    """The first clause of the turn before the one a speaker's label opens at ``label``: back to the
    label before it ("Client: ... / Us: no"), or to the start of the text."""
    k = label - 1
    while k > 0 and not _labels(reading, tokens, k, _TURNS_OF):
        k -= 1
    return clause[max(k, 0)]


def _turn_end(clause: list[int], label: int, answer: int) -> int:
    """The clause after the last one of the turn before a speaker's label: the answer's own clause
    is left out when it is a clause of its own ("…? / Us: no, we'll keep adding 5k per story" keeps
    its tactic), not when no mark parts it from the turn before."""
    return clause[answer] + (clause[label - 1] == clause[answer])


def _answered(h: RoleHit, reading, clause: list[int], idioms: set[int]) -> range:
    """The clauses a negation turns down as an answer, none if it answers nothing. A clause that
    is a bare "No." answers the one before it, and so does one opening with "No" after a question
    (not "...? not from their real pages", which goes on asking, nor "...? No text, just stars",
    where "no" is a word of the answer's noun). After a speaker's label ("Client: can you buy
    followers? / Us: no, we don't", "Клиент: давайте накрутим / Мы: покупать не будем, ...") it
    answers the turn before the label, and its own clause keeps a tactic it goes on with ("Мы: нет,
    подписчики с гарантией от списаний", "Мы: не будем ждать, накрутим")."""
    tokens, norm = reading.tokens, reading.norm
    n = len(tokens)
    label = next((k for k in range(h.first - 1, max(0, h.first - 3), -1) if _labels(reading, tokens, k, _SPEAKERS)), None)
    if label is not None and h.last + 1 < n and tokens[h.last + 1].word in _REFUSING and (
            h.last + 2 == n or tokens[h.last + 2].start - tokens[h.last + 1].end > 1):  # (not "не будем ждать, ...")
        return range(_turn_start(reading, tokens, clause, label), _turn_end(clause, label, h.first))
    spoken = label == h.first - 1  # the answer's speaker right before it ("Us: no")
    before = h.first - 2 if spoken else h.first - 1
    if h.first == 0 or clause[before] == clause[h.first] or h.first in idioms:
        return range(0)
    if (h.last + 1 == n or clause[h.last + 1] != clause[h.first]) or (
            tokens[h.first].word in _ANSWERS and "?" in norm[tokens[before].end:tokens[h.first].start]
            and (tokens[h.last + 1].start - tokens[h.last].end > 1 or tokens[h.last + 1].word in _ANSWER_GOES_ON
                 or spoken)):  # (after a speaker, "Us: no pods; ..." answers too)
        if spoken:
            return range(_turn_start(reading, tokens, clause, label), _turn_end(clause, label, h.first))
        return range(clause[h.first], clause[h.first] + 1)
    return range(0)


_ANSWER_GOES_ON = frozenset(("we", "i", "sorry", "thanks", "мы", "я", "спасибо", "извините"))  # "No we don't": still an answer
# words a colon makes a heading ("Report:", "Photo contest:", "Case study:"), not an act of reporting or estimating
_HEADINGS = frozenset(("report", "отчет", "contest", "конкурс", "estimate", "смета", "study"))
_HEADINGS_FIRST = frozenset(("разбор",))  # ... or first ("Разбор полётов:", "Разбор прошлого сезона:")
_HEADING_WORDS = 5  # a heading: at most this many words before the colon that opens the text


def _heading_defences(defensive: list, tokens, norm: str) -> set[int]:
    """The defensive words that only name a document in its heading: a word of `_HEADINGS` last (or
    of `_HEADINGS_FIRST` first) among the few words before the colon that opens the text ("Report:
    ...", "Case study: how we ...", "Разбор полётов: ..."); it says what the text is, not that
    something is checked ("Report to WB: ..." is the act of reporting)."""
    colon = norm.find(":")
    if colon < 0 or not defensive:
        return set()
    words = sum(1 for t in itertools.islice(tokens, _HEADING_WORDS + 1) if t.end <= colon)
    if not words or words > _HEADING_WORDS:
        return set()
    named = [k for k, heads in ((words - 1, _HEADINGS), (0, _HEADINGS_FIRST)) if tokens[k].word in heads]
    return {h.first for h in defensive if any(h.first <= k <= h.last for k in named)}


_NO_MASK_OVER = frozenset(("acquire", "fake", "seller", "price", "inflation"))  # roles a mask's wildcards may not pass over


_PARTING = re.compile(r":|\s-\s")  # a colon, or a dash (the reader writes every dash as "-"): marks that part two phrases


def _parted(reading, first: int, last: int) -> bool:
    """A colon or a dash stands between two of the words first..last."""
    tokens, norm = reading.tokens, reading.norm
    return any(_PARTING.search(norm, tokens[k].end, tokens[k + 1].start) for k in range(first, last))


def _read_text(index: int, text: str, ex: Extra) -> list[tuple[Hit, Excused | None]]:
    """Read one text in full: its words' roles, clauses, negations; then the
    rules in order. Every step is linear in the text (spans are looked up in
    arrays made once, never by scanning all phrases for every match)."""
    reading = read(text)
    tokens = reading.tokens
    n = len(tokens)
    if not n:
        return []
    # an entry of several words reads within one clause ("с маркировкой; сервисы накрутки ..." holds
    # no "с ... сервисы"): a phrase across a clause's end is two phrases
    found = [h for h in ex.vocabulary.tag(reading.words()) if tokens[h.first].clause == tokens[h.last].clause]
    if "?" in text:
        found += _asked(reading)
    if "'" in reading.norm:
        found += _quoted(reading)
    if not any(map({h.role for h in found}.issuperset, ex.role_sets)):
        return []  # (the words that let the text through stand apart: "view ... for" is no "view for view")
    # a mask is void where a longer reading starting before it claims its first word ("pay for" + "for the followers")
    claimed = [False] * (n + 1)
    for h in found:
        if not h.role.startswith("mask:") and h.role not in STRUCTURE:
            for k in range(h.first + 1, h.last + 1):
                claimed[k] = True
    # ... and a mask whose middle holds a word of getting or faking is no mask ("for the presale purchase 5k members")
    inside = {h.first for h in found if h.role in _NO_MASK_OVER}
    # ... and a mask is one phrase: a colon or a dash inside it parts two ("for the team: is 20k followers")
    masks: dict[str, list[RoleHit]] = {}
    for h in found:
        if h.role.startswith("mask:") and not claimed[h.first] and not (inside and any(
                k in inside and h.entry.words[k - h.first].prefixes == ("",) for k in range(h.first + 1, h.last))) \
                and not _parted(reading, h.first, h.last):
            masks.setdefault(h.role[5:], []).append(h)
    covers = {role: _Cover(ms, n) for role, ms in masks.items()}
    lexicon_allowed = _Cover([h for h in found if h.role == "allowed"], n)
    hits = [h for h in found if not h.role.startswith("mask:") and h.role != "allowed"
            and not (h.role in covers and covers[h.role](h.first, h.last)) and not lexicon_allowed(h.first, h.last)]
    if not any(map({h.role for h in hits}.issuperset, ex.role_sets)):
        return []  # (masks took away a role a rule needs)
    # clauses: the reading's, and a new one after each `break` word
    breaks = {h.first for h in hits if h.role == "break"}
    clause: list[int] = []
    c = 0
    for k, t in enumerate(tokens):
        if k and (t.clause != tokens[k - 1].clause or (k - 1) in breaks):
            c += 1
        clause.append(c)
    sentence: list[int] = []  # sentences, for the rules that read one (made when asked)
    clause_start: dict[int, int] = {}
    for k, c in enumerate(clause):
        clause_start.setdefault(c, k)
    by_role: dict[str, list[RoleHit]] = {}
    for h in hits:
        by_role.setdefault(h.role, []).append(h)
    firsts = {role: [h.first for h in hs] for role, hs in by_role.items()}
    negated = _negated(tokens, clause, by_role, hits, reading.norm)
    deniable = lexicon().deniable
    defensive = by_role.get("defensive", [])
    headings = _heading_defences(defensive, tokens, reading.norm)
    prohibited = firsts.get("prohibited", [])
    forbidden_next = set(prohibited)
    refusals = {clause[h.first] for h in by_role.get("refusal", ())}
    idioms = {h.first for h in by_role.get("any_means", ())}  # "doesn't matter where from" answers nothing
    for h in by_role.get("negation", ()):  # a negation that answers turns down what it answers
        refusals.update(_answered(h, reading, clause, idioms))
    has_role: list[bool] = []  # a word with a role of its own (a tactic's, or a list's `and`), when asked

    def role_at(k: int) -> bool:
        if not has_role:
            has_role.extend([False] * n)
            for h in hits:
                if h.role not in _NO_ROLE_OF_A_LIST:
                    has_role[h.first : h.last + 1] = [True] * (h.last + 1 - h.first)
        return has_role[k]
    allowed = _Cover([h for h in hits if h.role.startswith("allow:")], n)
    used: set[int] = set()  # tokens a match has taken
    reported: set[int] = set()  # clauses found
    out: list[tuple[Hit, Excused | None]] = []

    def cleared(rule: RoleRule, combo: tuple[RoleHit, ...], toks: set[int], first: int, last: int,
                part: list[int]) -> bool:
        """Context that clears a match: a statement of policy in its clause; a
        defensive word before it (or right after) in its clause; an `unless` word
        within it, or in the `near` words after it (not past an `and`), or, for a
        `between` rule, between its first two roles' words. For a rule that reads a
        sentence or the text, an `unless` word counts anywhere in what it reads."""
        cl = clause[first]

        def own(h: RoleHit) -> bool:  # an `unless` word that is part of the match's own words ("customer stories")
            return h.first in toks or h.last in toks

        if prohibited and _prohibited([p for p in prohibited if p not in toks], clause, tokens, role_at, clause_start[cl], first, last):
            # (a prohibiting word among the match's own words states no policy: "without disclosing they work here")
            return True
        if cl in refusals or cl + 1 in refusals:  # "the client asked us to buy followers; we declined"
            return True
        for role in ("defended", "dealt_with") if rule.defensive else ():
            # "fake accounts in the comments are reported and blocked"; and past commas, "Фейковые
            # аккаунты, выдающие себя за наш бренд, отправлены в жалобу"
            for h in _in_range(by_role.get(role, ()), firsts.get(role, ()), last + 1, n):
                if clause[h.first] != cl:
                    break
                if (role == "dealt_with" or not any(tokens[k].listed for k in range(last + 1, h.first + 1))) and not any(
                        h.first - 2 <= g.last < h.first and _adjacent(tokens, g.last, h.first) for g in by_role.get("negation", ())):
                    return True  # (not "... so the account doesn't get flagged": that hides it)
        if rule.defensive and defensive:
            at = firsts["defensive"]
            # a list of tasks whose last, after ", and", says what is done with a verb of its own is no
            # longer defended by a word of an earlier task ("respond to all DMs, update the highlights,
            # and have our staff leave 5-star reviews")
            # (or one that starts with the match's own verb: "draft AMA questions, ban scammers, top up likes")
            verbs = {h.first for h in combo if h.role in _VERB_ROLES} - set(firsts.get("fake", ())) if len(combo) > 1 else set()
            # (not a participle, which names what is checked: "доля ботов, накрученные просмотры")
            task = next((j for j in range(first, clause_start[cl], -1) if tokens[j].listed and (j in list_and or j in verbs)),
                        None) if verbs else None
            for k in range(bisect.bisect_left(at, clause_start[cl]), bisect.bisect_right(at, last + 1)):
                if task is not None and at[k] < task:
                    continue
                if at[k] not in toks and at[k] not in negated and not (at[k] > last and at[k] + 1 in forbidden_next) \
                        and at[k] not in headings:
                    # ("Report: ...", "Case study: how we ..." is a document's heading, not the act of reporting)
                    return True  # (a few steps at most: past the match's own words; "..., отписываться нельзя" forbids, not defends)
            if _done_to_it(at, first, last, toks, negated, tokens, clause, clause_start[cl], role_at, stops):
                return True
        for role in rule.unless:
            if role not in by_role:
                continue
            if rule.between:
                a, b = sorted(combo[:2], key=lambda h: h.first)  # strictly between the two words, whichever comes first
                lo, hi = a.last + 1, b.first - 1
                if any(h.last >= lo and clause[h.first] == cl and not own(h) for h in _in_range(by_role[role], firsts[role], lo - 8, hi)):
                    return True
                continue
            for h in _in_range(by_role[role], firsts[role], first - rule.before, last + rule.near):
                if part[h.first] == part[first] and not own(h) and not (role in deniable and h.first in negated) and (h.first <= last or not _in_range(
                        hits_of_coordinators, coordinators, last + 1, h.first)):
                    return True
        return False

    # an `unless` word after the match counts only before an `and` or a purpose ("... so influencers take us seriously")
    hits_of_coordinators = sorted((*by_role.get("coordinator", ()), *by_role.get("purpose", ()), *by_role.get("otherwise", ())),
                                  key=lambda h: h.first)  # (and "иначе": "..., иначе блогеры не пойдут")
    list_and = {h.first for h in by_role.get("coordinator", ()) if tokens[h.first].listed}  # ", and" / ", и"
    stops = {h.first for r in ("coordinator", "purpose", "break", "observed") for h in by_role.get(r, ())}
    coordinators = [h.first for h in hits_of_coordinators]
    for rule in ex.rules:
        if rule.roles[0] not in by_role:  # (most rules: no generator made)
            continue
        if rule.span == "sentence" and not sentence:
            sentence += _sentences(reading)
        part = sentence if rule.span == "sentence" else [0] * len(clause) if rule.span == "text" else clause
        for combo in _matches(rule, by_role, part):
            toks = {k for h in combo for k in range(h.first, h.last + 1)}
            if toks & used or (toks & negated and not rule.negated) or clause[combo[0].first] in reported:
                continue  # one finding per clause: the first rule that reads it names it
            first, last = min(h.first for h in combo), max(h.last for h in combo)
            if cleared(rule, combo, toks, first, last, part):
                continue
            used |= toks
            s, e = reading.span(first, last)
            roles = tuple((h.role if not h.role.startswith("project:") else "phrase",
                           text[slice(*reading.span(h.first, h.last))]) for h in sorted(combo, key=lambda h: h.first))
            hit = Hit(index, s, e, text[s:e], rule.category, rule.policies, rule.phrase, roles)
            cover = allowed(first, last)
            if cover is None:
                reported.add(clause[first])  # (an excused match leaves the clause to the other rules)
                out.append((hit, None))
            else:
                phrase, origin = ex.allowed[int(cover.role[len("allow:"):])]
                out.append((hit, Excused(hit, phrase, origin, cover.role)))
    out.sort(key=lambda p: p[0].start)
    return out


READER_ROLES = ("asked", "quoted")  # roles the reader gives, no lexicon word: never a rule's first
# what a normalised text holds where the reader may give each role: a question mark; a quotation
# mark opening a word (not the apostrophe inside one, as in "don't"). `quoted` is `(?<!\w)'\w`
# written to start with the quotation mark, so that the regex engine scans for that character
# instead of trying the lookbehind at every place of a plan's text (some 40 us a plan, 2 after)
READER_MARKS = {"asked": re.compile(r"\?"), "quoted": re.compile(r"'(?<!\w')\w")}
# what does not make a word part of a list of tactics: structure, and the marks the reader gives
_NO_ROLE_OF_A_LIST = frozenset(("transparent", "negation", "negation_all", "break", "from", "otherwise", "condition", *READER_ROLES))


def _subsets(items: tuple[str, ...]) -> list[frozenset[str]]:
    """Every subset of `items`, the empty one included."""
    return [frozenset(c) for n in range(len(items) + 1) for c in itertools.combinations(items, n)]


_QUESTION = re.compile(r"""[\s"'»“”’)\]]*\?""")
_ASKED = Entry("asked", "?", ())
_QUOTED = Entry("quoted", "'", ())
_QUOTED_MOST = 3  # words a quote may hold to read as a label put on someone ('locals', «обычных пенсионеров»)


def _quoted(reading) -> list[RoleHit]:
    """The words of a short quotation (the role `quoted`, which no lexicon word has): people put
    in quotation marks are people who are not what they are called ("15 bot 'students'", "the
    'happy customer' profiles we run"). Quotation marks are all `'` once the text is normalised;
    an apostrophe inside a word (`don't`) is part of the word, not a quote."""
    norm, tokens, out = reading.norm, reading.tokens, []
    for k, t in enumerate(tokens):
        if t.start == 0 or norm[t.start - 1] != "'" or (t.start > 1 and norm[t.start - 2].isalnum()):
            continue  # no quotation opens right before this word
        for j in range(k, min(k + _QUOTED_MOST, len(tokens))):
            if j > k and tokens[j].start - tokens[j - 1].end > 1:
                break  # more than a space between the words: not one short label
            end = tokens[j].end
            if end < len(norm) and norm[end] == "'" and (end + 1 == len(norm) or not norm[end + 1].isalnum()):
                out += [RoleHit("quoted", i, i, _QUOTED) for i in range(k, j + 1)]
                break
    return out


def _asked(reading) -> list[RoleHit]:
    """The words a question mark follows (the role `asked`, which no lexicon word has): a gate
    told as questions ("Happy? -> Google. Not happy? -> a private form")."""
    return [RoleHit("asked", k, k, _ASKED) for k, t in enumerate(reading.tokens)
            if _QUESTION.match(reading.norm, t.end)]


_SPANS = ("", "sentence", "text")  # what a rule's roles may stand in: a clause, a sentence, the whole text
_SENTENCE_END = re.compile(r"[.!?…\n]")


def _sentences(reading) -> list[int]:
    """Each token's sentence: the clauses as `. ! ? …` and line breaks part them (not `;`, not the
    `break` words): "if unhappy, route them to support; the happy ones get the review link"."""
    tokens, out, c = reading.tokens, [], 0
    for k, t in enumerate(tokens):
        if k and t.clause != tokens[k - 1].clause and _SENTENCE_END.search(reading.norm, tokens[k - 1].end, t.start):
            c += 1
        out.append(c)
    return out


def _prohibited(at: list[int], clause: list[int], tokens, role_at, start: int, first: int, last: int) -> bool:
    """A statement of policy covers the match: a prohibiting word before it in its
    clause ("Запрещено: боты"), or after it with nothing between but other
    tactics of a list ("накрутка, боты и фейковые отзывы запрещены"). A
    prohibition of something else, past a comma ("взаимные подписки, отписываться
    нельзя"), does not."""
    cl = clause[first]
    for p in at[bisect.bisect_left(at, start):]:
        if clause[p] != cl:
            break
        if p <= last:
            if any(tokens[k].listed and tokens[k].word in _SCOPE_END for k in range(p + 1, first + 1)):
                continue  # "ботов не используем, просто платим сервису": the policy ends where "просто" turns
            return True
        between = range(last + 1, p)
        listed = any(tokens[k].listed for k in (*between, p))
        if listed and p - 1 > last and tokens[p - 1].word.endswith(_INFINITIVE):
            continue  # "подписываемся друг на друга, отписываться нельзя": it forbids that verb only
        if not listed or all(map(role_at, between)) or tokens[last + 1].word in _REFERS_BACK:
            return True  # (", that breaks platform rules": the policy is said of the match itself)
    return False


def _done_to_it(at: list[int], first: int, last: int, toks: set[int], negated: set[int], tokens, clause: list[int],
                start: int, role_at, stops: set[int]) -> bool:
    """A clean-up verb that ends the part of the clause the match opens, a few words after it, says
    what is done to what the match names ("бот-комменты с криптоссылками удалить, ...", "комменты ботов
    с казино чистим"): the object first and its verb last, as Russian writes a task. The part runs
    from the clause's start or a comma to the next comma or the clause's end, and holds nothing else
    that acts (no verb of a tactic before the match, no `and` or purpose between)."""
    part = next((j for j in range(first, start, -1) if tokens[j].listed), start)
    if any(role_at(j) for j in range(part, first)):
        return False
    for d in at[bisect.bisect_left(at, last + 2): bisect.bisect_right(at, last + 4)]:
        if d in toks or d in negated or clause[d] != clause[first]:
            continue
        if d + 1 < len(tokens) and clause[d + 1] == clause[d] and not tokens[d + 1].listed:
            continue  # (not the part's last word: "buy followers then check the stats" goes on)
        if any(tokens[j].listed or j in stops for j in range(last + 1, d + 1)):
            continue
        return True
    return False


_INFINITIVE = ("ть", "ться", "ти", "тись", "чь", "чься")  # a Russian verb's infinitive
_REFERS_BACK = frozenset({"that", "which", "it", "this", "это", "что", "оно"})  # a word that points back at the match


def _adjacent(tokens, a: int, b: int) -> bool:
    """Nothing but single spaces between tokens a..b: no comma, dash or quote parts them."""
    return all(tokens[j + 1].start - tokens[j].end <= 1 for j in range(a, b))

_SCOPE_END = frozenset({"просто", "just", "simply", "зато", "instead", "but", "чисто", "only", "только"})  # after a comma: a denial's scope ends
_OPENING = " '\"«„“‘‹"  # a space and the quotation marks that open a quote
_TURNS = frozenset({"purpose", "break"})  # words that turn a list into something else ("..., so let's")


def _negated(tokens, clause: list[int], by_role: dict, hits: list[RoleHit], norm: str) -> set[int]:
    """Tokens in a negation's scope. A negation governs the next word (past the
    `transparent` ones); when that word has a role of its own, the items of a
    list after it as well ("без ботов и накрутки", "запрещено: боты, накрутка").
    A negation followed only by `transparent` words to the clause's end denies
    the phrase before it ("покупку подписчиков не используем")."""
    if "negation" not in by_role and "negation_all" not in by_role:
        return set()
    roles_at: dict[int, set[str]] = {}
    inside: set[int] = set()  # words inside a longer phrase of a tactic's role ("not recommended" is a rating)
    phrase_end: dict[int, int] = {}  # the last word of the longest tactic's phrase starting at a word
    for h in hits:
        for k in range(h.first, h.last + 1):
            roles_at.setdefault(k, set()).add(h.role)
        if h.last > h.first and h.role not in STRUCTURE:
            inside.update(range(h.first, h.last + 1))
            phrase_end[h.first] = max(phrase_end.get(h.first, h.first), h.last)
    n = len(tokens)
    out: set[int] = set()
    for neg in by_role.get("negation_all", ()):  # "none of", "ни один": the rest of the clause
        if neg.first in inside:
            continue  # part of a longer phrase of a tactic's role ("nobody checks": out of sight)
        k = neg.last + 1
        while k < n and clause[k] == clause[neg.first] and k not in out \
                and not (tokens[k].listed and tokens[k].word in _SCOPE_END):  # (the rest marked already: stop)
            out.add(k)  # ("мы ничего не покупаем, просто массово подписываемся": not past "просто")
            k += 1

    def conjunct(k: int, listed: bool = False, joined: bool = False) -> int:
        """Mark the word at k and the words of its phrase after it (role-less ones, or
        a noun's: "никаких купленных отзывов", not a verb's: "без ботов накручиваем");
        return where they end. A verb (or a word of no role) takes its object with it, past a
        preposition or two, when a list goes on after the object, or when it is itself an item
        of a list (``listed``) reached by `or`/`and` (``joined``) or standing right before its
        object: "We do NOT buy followers or run engagement pods", "не сидим в чатах активности",
        but not "..., spin up the bot network" after a comma. Each object taken is noted in
        ``objects``."""
        end = phrase_end.get(k, k)  # the whole of a phrase ("follow for follow or engagement pods"),
        x = k + 1  # and of phrases overlapping it ("через сервисы" + "сервисы накрутки")
        while x <= end:
            end = max(end, phrase_end.get(x, x))
            x += 1
        out.update(range(k, end + 1))
        m = end + 1
        j = m
        while j < m + 2 and j < n and roles_at.get(j) == {"transparent"}:
            j += 1
        if (not roles_at.get(k, set()) - {"transparent"} or roles_at[k] & _VERB_ROLES) and j < n and clause[j] == clause[k] \
                and j in roles_at and _adjacent(tokens, k, j) and roles_at[j] - _VERB_ROLES - _STRUCTURE_SET \
                and not roles_at[j] & _STRUCTURE_SET \
                and (listed and (joined or j == m) or j == m and roles_at.get(k, set()) & _TAKES_OBJECT
                     or "coordinator" in roles_at.get(phrase_end.get(j, j) + 1, ())):
            objects.append(j)
            k, end = j, phrase_end.get(j, j)
            out.update(range(m, end + 1))
            m = end + 1
        noun = bool(roles_at.get(k, set()) - _STRUCTURE_SET - _VERB_ROLES)  # a tactic's word, not a verb
        while m < n and m - end <= 3 and clause[m] == clause[k] and not tokens[m].listed and (
                m not in roles_at or noun and not roles_at[m] & (_VERB_ROLES | _STRUCTURE_SET)):
            out.add(m)
            m += 1
        return m

    walked: set[int] = set()
    objects: list[int] = []  # the objects conjunct() took with their verbs
    # a negation another undoes is a need ("без накрутки не обойтись", "can't do without bots"); one with
    # a manner after it denies the manner, not the act ("never buy followers in one batch", "не публикуйте
    # отзывы с того же телефона")
    undone = (*by_role.get("undoes", ()), *by_role.get("manner", ()))
    for neg in by_role.get("negation", ()):
        if neg.first in inside and not _denies_the_fake(neg, hits, roles_at):
            continue
        if any(u.first <= neg.first <= u.last or u.first > neg.last and clause[u.first] == clause[neg.first] for u in undone):
            continue
        k = neg.last + 1
        if k < n and tokens[k].start - tokens[neg.last].end > 1 and norm[tokens[neg.last].end:tokens[k].start].strip(_OPENING):
            continue  # a mark after it ("лайков нет — похоже на накрутку"): it governs nothing after the mark
            # (but an opening quotation mark is none: "no 'views packages'", "без «живых подписчиков»")
        while k < n and clause[k] == clause[neg.first] and "transparent" in roles_at.get(k, ()) \
                and not (roles_at.get(k, set()) - {"transparent", "negation"}):
            k += 1
        if k < n and clause[k] == clause[neg.first] and roles_at.get(k, set()) & _VERB_ROLES and not tokens[neg.first].listed \
                and "defensive" not in roles_at[k]:  # (not removing something is no denial of it: "ботов не удаляли")
            # a negated verb after its object denies the object too ("подписчиков не покупаем"),
            # back to a comma or an `and` ("buy followers and never buy likes" keeps the first), or a
            # dash ("если доволен — даёшь QR, если нет — не даёшь": the first branch is not denied)
            m = neg.first - 1
            while m >= 0 and clause[m] == clause[neg.first] and _adjacent(tokens, m, m + 1) \
                    and not (roles_at.get(m, set()) & _BACK_STOP and not _verbal_noun(tokens[m].word, roles_at[m])):
                out.add(m)
                if tokens[m].listed:
                    break
                m -= 1
        if k >= n or clause[k] != clause[neg.first] or (k > neg.last + 1 and _marked(norm, tokens, k)):
            # nothing after it but `use`, `do`: it denies what comes before ("покупку подписчиков не используем"),
            # and so does one with its auxiliary before a dash or a comma ("подписчиков накручивать не будем —
            # растём на контенте"),
            # and so does a negated copula at the clause's end ("buying likes is not")
            # (and a bare "нет" right after a noun: "купленной аудитории нет" says there is none)
            bare = tokens[neg.first].word == "нет" and not tokens[neg.first].listed
            if k > neg.last + 1 or neg.last > neg.first or bare:
                m = neg.first - 1
                while m >= 0 and clause[m] == clause[neg.first] and (not bare or _adjacent(tokens, m, m + 1)):
                    out.add(m)  # (a bare "нет" denies its own phrase only: "цитаты выдумать — реальных нет")
                    if tokens[m].listed:
                        break
                    m -= 1
            continue
        content = bool(roles_at.get(k, set()) - set(STRUCTURE))
        # a list of things denied ("без ботов и накрутки") ends at a verb, which says what is done instead
        # ("без бюджета, подключаем массфоловинг"); a list of denied acts goes on ("we don't buy followers
        # or run pods")
        nouns = content and not roles_at.get(k, set()) & _VERB_ROLES
        objects.clear()
        m = conjunct(k)
        content = content or bool(objects)  # (a verb of no role with its object: "не пользуемся ботами, ...")
        while content and m < n and clause[m] == clause[k]:
            if tokens[m].listed or "coordinator" in roles_at.get(m, ()):
                joined = m  # (past an `or`/`and`, the item is "joined": see conjunct)
                while m < n and "coordinator" in roles_at.get(m, ()) or (m < n and "negation" in roles_at.get(m, ())):
                    m += 1
                if m >= n or clause[m] != clause[k] or m in walked or tokens[m].word in _SCOPE_END \
                        or roles_at.get(m, set()) & _TURNS \
                        or nouns and _says_what_is_done(tokens[m].word, roles_at.get(m, set())):
                    break  # (a list walked from here already: every negation of a long list reads it once;
                    # and a turn ends it: "not buying likes this time, just 20k paid views", "..., so let's")
                walked.add(m)
                m = conjunct(m, True, m > joined)
            else:
                break
    return out


def _marked(norm: str, tokens, k: int) -> bool:
    """A dash, a comma or a colon stands between token k and the one before it."""
    return any(ch in norm[tokens[k - 1].end : tokens[k].start] for ch in "-,:")


def _denies_the_fake(neg: RoleHit, hits: list[RoleHit], roles_at: dict[int, set[str]]) -> bool:
    """A negation that starts a phrase of hiding ("не публикуем", "don't show") is part of it
    ("негативные отзывы не публикуем" hides them), unless what follows is fake ("не публикуем
    фейковые отзывы" is a policy: not publishing the fake ones hides nothing)."""
    phrases = [h for h in hits if h.first <= neg.first <= h.last and h.last > h.first and h.role not in STRUCTURE]
    return bool(phrases) and all(h.role in _HIDING for h in phrases) and \
        "fake" in roles_at.get(max(h.last for h in phrases) + 1, ())


_HIDING = frozenset(("suppress", "withhold"))


# Roles of verbs (a negation's phrase stops before one) and of the reading's structure.
_VERB_ROLES = frozenset({"acquire", "acquire_weak", "write", "publish", "suppress", "show", "follow", "follow_mass",
                         "unfollow", "growth", "inflation", "withhold", "fabricate", "swap"})
_STRUCTURE_SET = frozenset(STRUCTURE)
_ACTS = _VERB_ROLES | {"launch"}  # (a verb that starts something: "подключаем", "запускаем")
_PERSONAL = ("ем", "ём", "им", "ют", "ят", "ут", "ат")  # endings of a Russian verb said of us or them
# where a negated verb's denial, reaching back to its object, stops: "подписчиков докупим, если не наберём",
# "subs that don't drop" (a relative clause denies only itself)
_BACK_STOP = _VERB_ROLES | {"coordinator", "break", "purpose", "condition"}
# the verbs whose denial takes the object right after them: "никогда не покупаем фейковые отзывы"
# (not a verb of no role: "не забудьте докупить лайки" is no denial of the likes)
_TAKES_OBJECT = frozenset({"acquire", "write", "publish"})


def _verbal_noun(word: str, roles: set[str]) -> bool:
    """A Russian noun of an act ("накрутку", "закупка", "продвижение"), read by verbs' roles
    alone: the object a negated verb after it denies, not a verb of its own ("накрутку
    подписчиков не заказываем")."""
    return not roles & (_BACK_STOP - _VERB_ROLES) and word.endswith(_NOUN_OF_ACT) and len(word) > 5


_NOUN_OF_ACT = ("ка", "ки", "ку", "кой", "ке", "ние", "ния", "нию", "нием", "нии")


def _says_what_is_done(word: str, roles: set[str]) -> bool:
    """A list item that is a verb said of someone ("подключаем", "закупаем"), not a noun of an act
    ("накрутки", "самовыкупов"): it starts a new statement, past the denied list."""
    return bool(roles & _ACTS) and len(word) > 4 and word.endswith(_PERSONAL)

_NEAREST = 6  # candidates per role around each anchor


def _matches(rule: RoleRule, by_role: dict[str, list[RoleHit]], clause: list[int]) -> Iterator[tuple[RoleHit, ...]]:
    """Sets of hits, one per role of the rule, in one clause within the window,
    the tightest first around each anchor."""
    anchors = by_role.get(rule.roles[0])
    if not anchors:
        return
    if rule.solo:
        for a in anchors:
            yield (a,)
        return
    others = []
    for role in rule.roles[1:]:
        hs = by_role.get(role)
        if not hs:
            return
        others.append((hs, [h.first for h in hs]))
    w = rule.window
    for a in anchors:
        pools = []
        for hs, firsts in others:
            lo = bisect.bisect_left(firsts, a.first - w)
            hi = bisect.bisect_right(firsts, a.last + w)
            near = [h for h in hs[lo:hi] if clause[h.first] == clause[a.first]]
            near.sort(key=lambda h: abs(h.first - a.first))
            if not near:
                break
            pools.append(near[:_NEAREST])
        else:
            combos = []
            for combo in itertools.product(*pools):
                hs = (a, *combo)
                first, last = min(h.first for h in hs), max(h.last for h in hs)
                if max(h.first for h in hs) - min(h.last for h in hs) <= w:
                    combos.append((last - first, hs))
            combos.sort(key=lambda c: c[0])
            for _, hs in combos:
                yield hs


# --- where the words are --------------------------------------------------------


class _Locator:
    """Line and column of words inside a scalar, from the source text."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.text: str = doc.text
        self._lines: list[int] | None = None

    def _offset(self, line: int, column: int) -> int:
        if self._lines is None:
            self._lines = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._lines[line - 1] + column - 1

    def _next_node(self, where: tuple, begin: int) -> int:
        """Where the node after `where` starts (its next sibling, or its parent's):
        the scalar's text ends before it."""
        nodes = [self.doc.data]
        for step in where[:-1]:
            nodes.append(nodes[-1][step])
        for depth in range(len(where) - 1, -1, -1):
            parent, step = nodes[depth], where[depth]
            following: list = []
            if isinstance(parent, dict):
                keys = list(parent)
                following = keys[keys.index(step) + 1 :]
            elif isinstance(parent, list):
                following = list(range(step + 1, min(step + 2, len(parent))))
            for nxt in following:
                line, column = self.doc.locate((*where[:depth], nxt), at_key=True)
                if line is not None and (at := self._offset(line, column)) > begin:
                    return at
        return len(self.text)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def find(self, where: tuple, value: str, start: int, end: int) -> tuple[int | None, int | None]:
        """Where value[start:end] is written: the words themselves when they can be
        found between this scalar's start and the next node, else the scalar."""
        line, column = self.doc.locate(where)
        if line is None or not self.text:
            return line, column
        begin = self._offset(line, column)
        stop = self._next_node(where, begin)
        needle = value[start:end].split("\n", 1)[0]
        first = re.match(r"\w+", needle)
        for probe in (needle, first[0] if first else ""):
            if not probe:
                continue
            nth = value.count(probe, 0, start)
            at = begin - 1
            for _ in range(nth + 1):
                at = self.text.find(probe, at + 1, stop)
                if at < 0:
                    break
            if at >= 0:
                return self._line_col(at)
        return line, column


# --- the checks -----------------------------------------------------------------

# Keys whose values are not prose: dates, codes, numbers, links, vocabularies.
NOT_TEXT = frozenset({
    "date", "time", "start", "weeks", "channel", "channels", "type", "link", "permalink", "status",
    "approved_on", "formula", "tolerance", "as_of", "language", "sponsored", "target", "actual", "baseline",
    "period", "basis", "metric", "response_time", "kind", "contact", "banned_phrases", "allowed_phrases",
})


_FLAT = frozenset({str, type(None)})
_STR = {str}


class _Texts:
    """The plan's free-text values, gathered column by column for speed."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._starts: list[int] = []  # first text index of each segment
        self._segments: list[tuple] = []  # a path, or ("posts", key) for a column

    def walk(self, node: Any, path: tuple) -> None:
        if isinstance(node, str):
            self._segments.append(path)
            self._starts.append(len(self.texts))
            self.texts.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in NOT_TEXT:
                    continue
                if value.__class__ is str:  # the first branch above, without a call per string
                    self._segments.append((*path, key))
                    self._starts.append(len(self.texts))
                    self.texts.append(value)
                else:
                    self.walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self.walk(value, (*path, i))

    def posts(self, posts: list) -> None:
        """Posts by column: one list per key, so a 20,000-post plan costs a few list builds."""
        dicts = [p if p.__class__ is dict else {} for p in posts]
        keys: dict[str, Any] = {}
        for p in dicts:
            keys.update(p)  # only the keys are used: every key, in the order first seen
        for key in keys:
            if key in NOT_TEXT:
                continue
            column = list(map(dict.get, dicts, itertools.repeat(key)))  # p.get(key) for each, at C speed
            self._segments.append(("posts", key))
            self._starts.append(len(self.texts))
            types = set(map(type, column))
            # every value a string: the column as it is, else "" for the others
            self.texts += column if types == _STR else [v if v.__class__ is str else "" for v in column]
            if types <= _FLAT:
                continue  # no nested value to walk (the usual case)
            for i, v in enumerate(column):
                if isinstance(v, (dict, list)):
                    self.walk(v, ("posts", i, key))

    def path(self, index: int) -> tuple:
        seg = bisect.bisect_right(self._starts, index) - 1
        where = self._segments[seg]
        if len(where) == 2 and where[0] == "posts" and isinstance(where[1], str):
            return ("posts", index - self._starts[seg], where[1])
        return where


def _words(ctx) -> Extra:
    """The lexicon with the project's words: banned phrases (config, then plan),
    allowed phrases (config and plan kept apart), words added to roles (config)."""
    settings, plan = ctx.settings, ctx.plan
    banned = tuple(getattr(settings, "banned_phrases", ()) or ()) + tuple(getattr(plan, "banned_phrases", None) or ())
    return extra(banned, tuple(getattr(settings, "allowed_phrases", ()) or ()),
                 tuple(getattr(plan, "allowed_phrases", None) or ()), tuple(getattr(settings, "role_words", ()) or ()))


def _plan_texts(ctx) -> tuple[dict, _Texts]:
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    texts = _Texts()
    for key, value in data.items():
        if key == "posts" and isinstance(value, list):
            texts.posts(value)
        elif key not in NOT_TEXT:
            texts.walk(value, (key,))
    return data, texts


def check(ctx) -> Iterator[Problem]:
    data, texts = _plan_texts(ctx)
    words = _words(ctx)
    locator = _Locator(ctx.doc)
    yield from _refused(ctx, words)
    kept = []  # (read once: what was excused or doubted is kept as suppressed, after the findings)
    for problem, x in _text_problems(texts, _scan(texts.texts, words), locator):
        if x is None:
            yield problem
        else:
            kept.append((problem, x))
    yield from _kept_as_suppressed(ctx, kept)  # hook: see the section at the end
    yield from _kinds(ctx, data, words, locator)
    yield from _posts(ctx)


def _text_problems(texts: _Texts, found: list[tuple[Hit, Excused | None]],
                   locator: _Locator) -> Iterator[tuple[Problem, Excused | None]]:
    for hit, x in found:
        yield _text_problem(hit, texts.path(hit.index), texts.texts[hit.index], locator), x


def excused_problems(ctx) -> Iterator[tuple[Problem, Excused]]:
    """The findings an allowed phrase excused or the learned model doubted in this plan,
    each as the Problem it would have been (code, where, line and column) with the
    Excused record (the allowed phrase as written, and whether the plan or the
    project's config gave it; or the model's probability): for suppression accounting,
    which counts and reports them."""
    _, texts = _plan_texts(ctx)
    found = [(h, x) for h, x in _scan(texts.texts, _words(ctx)) if x is not None]
    yield from _text_problems(texts, found, _Locator(ctx.doc))


def _refused(ctx, words: Extra) -> Iterator[Problem]:
    """Allowed phrases refused: wildcards only, or excusing a tactic of every kind."""
    own = list(getattr(ctx.plan, "allowed_phrases", None) or ())
    for phrase, origin, why in words.refused:
        where: tuple = ("allowed_phrases", own.index(phrase)) if origin == PLAN and phrase in own else ()
        line, column = ctx.doc.locate(where) if where else (1, 1)
        message = (_("Allowed phrase `{phrase}` in this plan's `allowed_phrases` is refused: {why}. "
                     "The honesty rules ignore it.") if origin == PLAN else
                   _("Allowed phrase `{phrase}` in the project's `allowed-phrases` is refused: {why}. "
                     "The honesty rules ignore it."))
        yield Problem(
            "BAN007",
            message.format(phrase=phrase, why=_(why)),
            where, line=line, column=column,
            fix=_("Allow the exact legitimate wording instead (e.g. `mass following of our own staff`)."),
            data={"phrase": phrase, "origin": origin, "refused": why},
        )


def _text_problem(hit: Hit, where: tuple, value: str, locator: _Locator, kind: bool = False) -> Problem:
    lex = lexicon()
    line, column = locator.find(where, value, hit.start, hit.end)
    data = {"matched": hit.matched, "category": hit.category, "policies": list(hit.policies),
            "field": format_where(where)}
    if hit.category == PROJECT:
        return Problem(
            "BAN007",
            _("Banned phrase `{matched}`: this project bans `{phrase}`.").format(matched=hit.matched, phrase=hit.phrase),
            where, line=line, column=column, data={**data, "phrase": hit.phrase},
            fix=_("Remove it; if this use is legitimate, add the wording to `allowed-phrases`."),
        )
    cat = lex.categories[hit.category]
    if hit.phrase:
        data["phrase"] = hit.phrase
    read_as = ""
    if hit.roles:
        data["roles"] = [list(r) for r in hit.roles]
        if len(hit.roles) > 1 or hit.roles[0][1] != hit.matched:
            read_as = " (" + " + ".join(f"{_role(role)}: `{words}`" for role, words in hit.roles) + ")"
    # the policies' and categories' texts come from smmplan/data/honesty.yaml, in the catalogue
    # by data_messages.py; translated here, at use (the lexicon is cached in English)
    cites = "; ".join(dict.fromkeys(_(p).split(" (")[0] for p in hit.policies))
    message = (_("{title}: `{matched}`{read_as} (tactic kind): {why}. Breaks {cites}.") if kind else
               _("{title}: `{matched}`{read_as}: {why}. Breaks {cites}."))
    return Problem(
        cat.code,
        message.format(title=_(cat.title), matched=hit.matched, read_as=read_as, why=_(cat.why), cites=cites),
        where, line=line, column=column, fix=_(cat.fix), data=data,
    )


def _role(role: str) -> str:
    """A role of the lexicon as a message shows it: its name in English (as in the JSON's
    `roles`), a word in another language; a role the table does not know, by its name."""
    from smmplan.locale import DEFAULT, current

    if current() == DEFAULT or role not in ROLE_WORDS:
        return role
    return _(ROLE_WORDS[role])


# The lexicon's roles in words, for messages in another language than English (English shows
# the role's name). The msgids are prefixed: a role's name alone (`review`) is another message.
ROLE_WORDS = {
    "account": N_("role: account"), "accounts": N_("role: accounts"), "acquire": N_("role: acquire"),
    "acquire_weak": N_("role: acquire"), "actor": N_("role: actor"), "audience": N_("role: audience"),
    "automation": N_("role: automation"), "bot": N_("role: bot"), "bot_strong": N_("role: bots"),
    "competitor": N_("role: competitor"), "customer": N_("role: customer"), "engagement": N_("role: engagement"),
    "engagement_machine": N_("role: engagement service"), "exchange": N_("role: exchange"), "fake": N_("role: fake"),
    "feedback": N_("role: feedback"), "follow": N_("role: follow"), "follow_mass": N_("role: mass following"),
    "for_client": N_("role: for the client"), "from": N_("role: from"), "gating": N_("role: review gating"),
    "growth": N_("role: growth"), "happy": N_("role: happy customers"), "impersonate": N_("role: posing as"),
    "impersonated": N_("role: posed as"), "inflation": N_("role: inflation"), "mass_target": N_("role: mass target"),
    "negative": N_("role: negative"), "nonuser": N_("role: non-customer"), "only": N_("role: only"),
    "paid_actor": N_("role: hired actor"), "positive": N_("role: positive"), "price": N_("role: price"),
    "publish": N_("role: publish"), "rating_positive": N_("role: top rating"), "reciprocal": N_("role: reciprocal"),
    "review": N_("role: review"), "review_scheme": N_("role: review scheme"), "reward": N_("role: reward"),
    "seller": N_("role: seller"), "seller_strong": N_("role: seller"), "show": N_("role: show"),
    "suppress": N_("role: suppress"), "swap": N_("role: swap"), "unfollow": N_("role: unfollow"),
    "withhold": N_("role: withhold"), "write": N_("role: write"),
    "fabricate": N_("role: fake"), "suppressed": N_("role: suppress"), "review_link": N_("role: review"),
    "per_post": N_("role: mass target"), "exchange_weak": N_("role: exchange"),  # (the nearest named role's word)
    "acquire_them": N_("role: acquire"), "add_count": N_("role: acquire"), "top_up": N_("role: top up"),
    "bought_after": N_("role: acquire"), "paid_for": N_("role: paid for"), "through_seller": N_("role: seller"),
    "source_asked": N_("role: asking for a source"), "service_asked": N_("role: asking for a source"),
    "any_means": N_("role: any means"), "money": N_("role: price"), "own_posts": N_("role: own posts"),
    "auto_engagement": N_("role: automation"), "by_itself": N_("role: automation"), "tool": N_("role: program"),
    "dm": N_("role: direct messages"), "invite": N_("role: invitations"), "launch": N_("role: launch"),
    "act": N_("role: acting as the public"), "bots": N_("role: bots"), "made_accounts": N_("role: accounts"),
    "insider_accounts": N_("role: insiders' accounts"), "logged_as": N_("role: posing as"), "quoted": N_("role: quoted name"),
    "actually": N_("role: real author"), "our_texts": N_("role: our texts"), "until_real": N_("role: until real reviews"),
    "covert": N_("role: covert"), "organic": N_("role: organic"), "condition": N_("role: condition"),
    "revise": N_("role: revise"), "hush": N_("role: silence"), "pressure": N_("role: pressure"),
    "stars_only": N_("role: stars only"), "score_band": N_("role: score band"), "asked": N_("role: question"),
    "otherwise": N_("role: otherwise"), "private_route": N_("role: private route"),
    "complaint_words": N_("role: complaint"), "keep_positive": N_("role: praise kept"),
    "fake_complaint": N_("role: false complaint"), "false_report": N_("role: false report"),
    "learned": N_("role: learned model"),
}


def _kinds(ctx, data: dict, words: Extra, locator: _Locator) -> Iterator[Problem]:
    lex = lexicon()
    tactics = data.get("tactics")
    if not isinstance(tactics, list):
        return
    for i, tactic in enumerate(tactics):
        raw = tactic.get("kind") if isinstance(tactic, dict) else None
        if not isinstance(raw, str) or not raw.strip():
            continue
        where = ("tactics", i, "kind")
        kind = normalise_word(raw)
        if kind in lex.legitimate_kinds:
            continue
        if kind in lex.banned_kinds:
            cat = lex.categories[lex.banned_kinds[kind]]
            policies = lex.policies_of(cat.id)
            hit = Hit(0, 0, len(raw), raw, cat.id, policies)
            yield _text_problem(hit, where, raw, locator, kind=True)
            continue
        hits = scan([raw], words)  # an unknown kind may still say what it does: `buy_followers`
        if hits:
            yield _text_problem(hits[0], where, raw, locator, kind=True)
            continue
        known = [*lex.legitimate_kinds, *lex.banned_kinds]
        near = nearest(kind, known)
        known_kinds = ", ".join(lex.legitimate_kinds)
        if near:
            message = _("Unknown tactic kind `{kind}`. Did you mean `{near}`?")
            fix = _("Use `{near}`. Known kinds: {kinds} (the banned ones are findings). Or leave the kind out and "
                    "describe the tactic in words.")
        else:
            message = _("Unknown tactic kind `{kind}`.")
            fix = _("Known kinds: {kinds} (the banned ones are findings). Or leave the kind out and describe the "
                    "tactic in words.")
        yield Problem(
            "BAN008",
            message.format(kind=raw, near=near),
            where,
            fix=fix.format(near=near, kinds=known_kinds),
            data={"kind": raw, "suggestion": near},
        )


def _posts(ctx) -> Iterator[Problem]:
    lex = lexicon()
    golden = PRESETS["golden"]
    ugc: dict[str, bool] = {}  # per type word: user content under any formula
    paid: dict[str, bool] = {}  # per type word: a sponsored type
    for p in ctx.posts:
        post = p.post
        if post.type is None:  # an unknown rubric and no type: RUB001
            continue
        if p.category != "user_generated" and post.type not in ugc:
            ugc[post.type] = canonical_type(post.type, golden) == "user_generated"
        if p.category == "user_generated" or ugc[post.type]:
            if not (post.author or post.source):
                yield Problem(
                    "BAN009",
                    _("User-generated post `{title}` does not say whose content it is (no `author` or `source`)."
                      ).format(title=post.title),
                    ("posts", p.index, "type"),
                    fix=_("Add `author:` (e.g. `@anna.brews, with permission`) or `source:` (where it comes from)."),
                )
        if not post.sponsored and post.type not in paid:
            paid[post.type] = normalise_word(post.type) in lex.sponsored_types
        sponsored = post.sponsored or paid[post.type]
        if sponsored and not (post.disclosure and post.disclosure.strip()):
            shown = " ".join(filter(None, (post.title, post.text)))
            if lex.disclosure.search(normalize(shown)[0]) is None:
                message = (_("Post `{title}` is marked `sponsored` but has no disclosure: readers cannot tell it is "
                             "paid for.") if post.sponsored else
                           _("Post `{title}` is of type `{type}` but has no disclosure: readers cannot tell it is "
                             "paid for."))
                yield Problem(
                    "BAN010",
                    message.format(title=post.title, type=post.type),
                    ("posts", p.index, "sponsored" if post.sponsored else "type"),
                    fix=_("Add `disclosure:` (e.g. `#ad`, `Реклама`, `Paid partnership`) and mark the post itself."),
                )


# --- hook: hits an allowed phrase excused, kept as suppressed findings -------------------
# The engine never drops a finding in silence: each hit a project's or a plan's
# `allowed_phrases` excuses becomes a Problem marked `suppressed`, naming the phrase and
# where it was allowed (SARIF kind inSource for the plan's own); each the learned model
# doubts, one marked `suppressed` under review (SARIF status underReview), with its reading.


def _kept_as_suppressed(ctx, kept: list[tuple[Problem, Excused]]) -> Iterator[Problem]:
    from smmplan.findings import SuppressedBy

    own = list(getattr(ctx.plan, "allowed_phrases", None) or ())
    path = getattr(ctx.settings, "config_path", None)
    for problem, x in kept:
        if x.origin == DOUBTED:
            how = _("the learned model, which reads this text as legitimate (probability {p} of a banned "
                    "tactic): check it; if it is one, it is an error").format(p=number(x.probability, ".3f"))
            yield problem._replace(suppressed=SuppressedBy(how, False, None, LEARNED, "underReview"))
            continue
        in_plan = x.origin == PLAN
        line = ctx.line(("allowed_phrases", own.index(x.phrase))) if in_plan and x.phrase in own else None
        if in_plan:
            how = (_("the allowed phrase `{phrase}` in the plan (line {line})") if line else
                   _("the allowed phrase `{phrase}` in the plan"))
        else:
            how = (_("the allowed phrase `{phrase}` in the configuration ({path})") if path else
                   _("the allowed phrase `{phrase}` in the configuration"))
        yield problem._replace(suppressed=SuppressedBy(how.format(phrase=x.phrase, line=line, path=path), in_plan,
                                                       line, "allowed phrase"))
