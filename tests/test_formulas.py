"""Presets, custom mixes, type aliases and the whole-number arithmetic."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

from smmplan import formulas
from smmplan.formulas import PRESETS, canonical_type, resolve
from smmplan.config import Settings
from tests.conftest import check_text, codes, run_cli

NO_KPI = Settings(ignore=("KPI",))  # these goal-less plans would also get KPI001 (no goals)

GOLDEN = PRESETS["golden"]
GOLDEN_SHARES = tuple(s for _, s in GOLDEN.shares)


def test_presets_sum_to_one_and_match_the_published_mixes():
    assert GOLDEN.percents() == {"engaging": 40, "user_generated": 30, "educational": 25, "advertising": 5}
    assert PRESETS["80-20"].percents() == {"value": 80, "promotional": 20}
    assert PRESETS["4-1-1"].share("curated") == F(4, 6)
    assert set(PRESETS) == {"golden", "80-20", "thirds", "5-3-2", "4-1-1", "70-20-10", "50-30-20"}
    for f in PRESETS.values():
        assert sum(s for _, s in f.shares) == 1


def test_custom_formula_must_sum_to_100():
    f = resolve({"Reels": "50", "Stories": "30%", "long-read": "20"})
    assert f.categories == ("reels", "stories", "long_read")
    with pytest.raises(formulas.FormulaError, match="add up to 90"):
        resolve({"a": "60", "b": "30"})
    with pytest.raises(formulas.FormulaError, match="Did you mean `golden`"):
        resolve("goldn")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("engaging", "engaging"), ("Engaging", "engaging"), ("UGC", "user_generated"),
        ("user-generated", "user_generated"), ("promo", "advertising"), ("ad", "advertising"),
        ("Ads", "advertising"), ("education", "educational"),
        ("вовлекающий", "engaging"), ("Вовлекающие", "engaging"), ("пользовательская", "user_generated"),
        ("обучающий", "educational"), ("обучающие", "educational"), ("рекламный", "advertising"),
        ("Рекламная", "advertising"), ("educatonal", None), ("news", None),
    ],
)
def test_golden_type_aliases(raw, expected):
    assert canonical_type(raw, GOLDEN) == expected


def test_aliases_follow_the_formula():
    assert canonical_type("promo", PRESETS["80-20"]) == "promotional"
    assert canonical_type("ad", PRESETS["50-30-20"]) == "promotional"
    assert canonical_type("advertising", PRESETS["5-3-2"]) is None


def brute_closest(n, shares):
    best, out = None, []
    for split in itertools.product(range(n + 1), repeat=len(shares)):
        if sum(split) != n:
            continue
        d = formulas.distance(split, n, shares)
        if best is None or d < best:
            best, out = d, [split]
        elif d == best:
            out.append(split)
    return best, sorted(out)


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("n", range(0, 13))
def test_closest_splits_match_brute_force(preset, n):
    shares = tuple(s for _, s in PRESETS[preset].shares)
    best, splits = brute_closest(n, shares)
    ours = formulas.closest_splits(n, shares)
    assert sorted(ours) == splits
    assert all(formulas.distance(s, n, shares) == best for s in ours)


@pytest.mark.parametrize(
    "counts, ok",
    [
        ((1, 0, 0, 0), True),  # 1 post: engaging is the closest split
        ((0, 0, 0, 1), False),  # 1 post of advertising is not
        ((1, 1, 0, 0), True),  # 2 posts
        ((1, 1, 1, 0), True),  # 3 posts: 1/1/1/0 is nearest
        ((1, 1, 0, 1), False),  # ... 1/1/0/1 is not
        ((3, 2, 2, 0), True),  # 7 posts: closest split
        ((3, 2, 1, 1), False),
        ((4, 3, 2, 1), True),  # 10 posts: passes although ads are 10 %
        ((4, 3, 3, 0), True),
        ((2, 3, 3, 2), False),
        ((8, 6, 5, 1), True),  # 20 posts, exact
        ((9, 5, 5, 1), True),  # within 5 pp
        ((10, 4, 5, 1), False),  # engaging 50 %
    ],
)
def test_rounding_edges(counts, ok):
    assert all(formulas.overall_ok(counts, GOLDEN_SHARES, F(5, 100))) is ok


def test_overall_rule_against_brute_definition():
    """Every split of up to 12 posts: pass iff each share is within tolerance or the split is closest."""
    tol = F(5, 100)
    for n in range(1, 13):
        best, closest = brute_closest(n, GOLDEN_SHARES)
        for split in itertools.product(range(n + 1), repeat=4):
            if sum(split) != n:
                continue
            within = [abs(F(c, n) - s) <= tol for c, s in zip(split, GOLDEN_SHARES)]
            expected = [True] * 4 if split in closest else within
            assert formulas.overall_ok(split, GOLDEN_SHARES, tol) == expected, split


def test_three_post_plan_fails_with_an_ad_instead_of_education():
    result = check_text("""\
        posts:
          - {date: 2026-12-01, type: engaging, title: A}
          - {date: 2026-12-02, type: ugc, title: B}
          - {date: 2026-12-03, type: ad, title: C}
        """)
    mix = [(f.code, f.data["category"]) for f in result.findings if f.code == "MIX001"]
    assert ("MIX001", "advertising") in mix and ("MIX001", "educational") in mix


def test_plan_with_custom_formula_and_tolerance():
    result = check_text("""\
        formula: {reels: 50, stories: 50}
        tolerance: 0
        posts:
          - {date: 2026-12-01, type: reels, title: A}
          - {date: 2026-12-02, type: stories, title: B}
          - {date: 2026-12-03, type: reels, title: C}
          - {date: 2026-12-04, type: reels, title: D}
        """, NO_KPI)
    assert [c for c, *_ in codes(result, "MIX", "PLAN")] == ["MIX001", "MIX001"]
    assert result.formula.name == "custom"


def test_unknown_formula_is_a_finding_at_its_line():
    result = check_text("brand: X\nformula: goldn\nposts:\n  - {date: 2026-12-01, type: engaging, title: A}\n", NO_KPI)
    assert codes(result, "PLAN", "MIX") == [("PLAN008", 2, 10)]
    assert "golden" in result.findings[0].message


def test_unknown_type_names_the_nearest_category():
    result = check_text("posts:\n  - {date: 2026-12-01, type: educatonal, title: A}\n")
    (f,) = [f for f in result.findings if f.code == "PLAN007"]
    assert (f.line, f.column) == (2, 30)
    assert "did you mean `educational`" in f.message.lower()


@pytest.mark.parametrize("shares", [tuple(s for _, s in f.shares) for f in PRESETS.values()]
                         + [(F(1, 7), F(2, 7), F(4, 7)), (F(333, 1000), F(333, 1000), F(334, 1000))])
@pytest.mark.parametrize("tol", [F(0), F(1, 100), F(25, 1000), F(5, 100), F(1, 3), F(1)])
def test_integer_boxes_and_ranges_match_the_fraction_definitions(shares, tol):
    arith = formulas.arithmetic(shares, tol)
    for n in range(0, 60):
        slack = formulas.week_slack(n, tol)
        assert arith.week_box(n) == (
            tuple(max(0, -((-(n * s - slack).numerator) // (n * s - slack).denominator)) for s in shares),
            tuple(min(n, (n * s + slack).numerator // (n * s + slack).denominator) for s in shares),
        )
        assert formulas.allowed_ranges(n, shares, tol) == tuple(formulas.allowed_range(n, s, tol) for s in shares)


def test_tolerance_is_parsed_once_per_value():
    assert formulas.parse_tolerance(None) == F(5, 100)
    assert formulas.parse_tolerance(2.5) == F(25, 1000)
    assert formulas.parse_tolerance(7.5) is formulas.parse_tolerance(7.5)


# --- custom formulas written in the plan's own words ----------------------------------


@pytest.mark.parametrize("key, post_type", [
    ("вовлекающие", "вовлекающий"), ("Вовлекающий контент", "engaging"), ("ugc", "пользовательский"),
    ("UGC", "user_generated"), ("пользовательские", "ugc"), ("обучающие", "Обучающий"),
    ("Полезные", "educational"), ("реклама", "рекламный"), ("рекламные", "promo"), ("engagement", "вовлечение"),
])
def test_custom_formula_keys_read_word_forms_and_aliases(key, post_type):
    formula = resolve({key: 60, "reels": 40})
    assert canonical_type(post_type, formula) == formulas.normalise_word(key)  # the plan's own word for it
    assert canonical_type("reels", formula) == "reels" and canonical_type("мемы", formula) is None


def test_custom_formula_in_russian_counts_posts_typed_in_any_form():
    result = check_text("""\
        formula: {вовлекающие: 40, ugc: 30, обучающие: 25, реклама: 5}
        posts:
          - {date: 2026-12-01, type: вовлекающий, title: Опрос}
          - {date: 2026-12-02, type: пользовательский, title: Фото гостя, author: "@anna"}
          - {date: 2026-12-03, type: Обучающий, title: Как заварить}
          - {date: 2026-12-04, type: вовлекающие, title: Викторина}
          - {date: 2026-12-05, type: UGC, title: История гостя, author: "@oleg"}
        """, NO_KPI)
    assert result.formula.categories == ("вовлекающие", "ugc", "обучающие", "реклама")  # the plan's own words
    assert not codes(result, "PLAN")
    assert {r.category: r.count for r in result.mix} == {"вовлекающие": 2, "ugc": 2, "обучающие": 1, "реклама": 0}


def test_shares_written_as_fractions_get_a_hint_that_percents_are_expected(tmp_path):
    with pytest.raises(formulas.FormulaError) as err:
        resolve({"вовлекающие": "0.4", "ugc": "0.3", "обучающие": "0.25", "реклама": "0.05"})
    assert "add up to 1, not 100" in str(err.value) and "write `вовлекающие: 40`, not `вовлекающие: 0.4`" in str(err.value)
    with pytest.raises(formulas.FormulaError) as err:
        resolve({"a": "60", "b": "30"})
    assert "fractions" not in str(err.value)  # a real shortfall is not taken for fractions
    with pytest.raises(formulas.FormulaError, match="`вовлекающие` and `engaging` name the same category"):
        resolve({"вовлекающие": "20", "engaging": "80"})
    plan = tmp_path / "plan.yaml"
    plan.write_text("formula: {engaging: 0.5, educational: 0.5}\nposts:\n"
                    "  - {date: 2026-12-01, type: engaging, title: A}\n", encoding="utf-8")
    proc = run_cli("check", str(plan), "--format", "concise", "--select", "PLAN008")
    assert proc.returncode == 1 and b"PLAN008" in proc.stdout and b"write `engaging: 50`" in proc.stdout
    (tmp_path / ".smmplan.yaml").write_text("formula: {engaging: 0.5, educational: 0.5}\n", encoding="utf-8")
    proc = run_cli("check", str(plan), cwd=tmp_path)
    assert proc.returncode == 2 and b"percents" in proc.stderr
