"""MIX rules: overall share, week by week, back-to-back ads, duplicate content."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction as F

import pytest

from smmplan import planner
from smmplan.formulas import PRESETS
from tests.conftest import check_text, codes

GOLDEN = PRESETS["golden"]
TYPES = {"E": "engaging", "U": "user_generated", "D": "educational", "A": "advertising"}


def plan_text(pattern: str, start=dt.date(2026, 11, 30), per_week: int | None = None, channel: str = "vk") -> str:
    """One post per day from `start`, or `per_week` posts per week; types by letters."""
    lines = ["brand: Test", "posts:"]
    for i, letter in enumerate(pattern):
        offset = 7 * (i // per_week) + (i % per_week) * 7 // per_week if per_week else i
        day = start + dt.timedelta(days=offset)
        lines.append(f"  - {{date: {day}, channel: {channel}, type: {TYPES[letter]}, title: Post {i}}}")
    return "\n".join(lines) + "\n"


def mix_codes(result):
    return [c for c in codes(result) if c[0].startswith("MIX")]


def test_golden_plan_passes():
    # 4 weeks x 5 posts, interleaved
    result = check_text(plan_text("EUDEU" "EDUEA" "EUDEU" "EDUED", per_week=5))
    assert mix_codes(result) == []
    assert [(r.category, r.count) for r in result.mix] == [
        ("engaging", 8), ("user_generated", 6), ("educational", 5), ("advertising", 1)]
    assert all(r.ok for r in result.mix)


def test_overall_share_error_states_actual_and_target():
    result = check_text(plan_text("EEEEEEEEUA", per_week=10))
    found = {f.data["category"]: f for f in result.findings if f.code == "MIX001"}
    assert set(found) == {"engaging", "user_generated", "educational"}
    f = found["engaging"]
    assert (f.line, f.column) == (2, 1)
    assert "8 of 10 posts (80 %)" in f.message and "40 %" in f.message and "that is 4 posts" in f.message
    assert f.severity == "error"


def test_weekly_rule_flags_all_ads_in_one_week_even_when_totals_are_right():
    # 40 posts over 4 weeks: totals 16/12/10/2 are exact, but both ads sit in week 3
    weeks = ["EUDEUEUDEU", "EUDEUEUDED", "EUDEAEUDAE", "EUDEUEUDED"]
    result = check_text(plan_text("".join(weeks), per_week=10))
    assert [(r.category, r.count) for r in result.mix] == [
        ("engaging", 16), ("user_generated", 12), ("educational", 10), ("advertising", 2)]
    assert not [f for f in result.findings if f.code == "MIX001"]
    (weekly,) = [f for f in result.findings if f.code == "MIX002"]
    assert weekly.data["week"] == 3
    assert "2 posts advertising (ideal 0.5)" in weekly.message
    # it points at the first advertising post of that week: post 25, line 2 + 25
    assert weekly.line == 2 + 25


def test_the_same_ads_spread_over_two_weeks_pass():
    weeks = ["EUDEUEUDEA", "EUDEUEUDED", "EUDEUEUDAE", "EUDEUEUDED"]
    result = check_text(plan_text("".join(weeks), per_week=10))
    assert not [f for f in result.findings if f.code.startswith("MIX")]


def test_week_of_one_type_is_flagged_at_its_first_post():
    pattern = "EUDEU" + "UUUUU" + "EUDEA" + "EUDED"
    result = check_text(plan_text(pattern, per_week=5))
    weekly = [f for f in result.findings if f.code == "MIX002"]
    assert len(weekly) == 1
    f = weekly[0]
    assert f.line == 8 and f.data["week"] == 2
    assert "user_generated" in f.message


def test_one_week_plan_is_judged_overall_only():
    result = check_text(plan_text("EEUDA", per_week=5))
    assert not [f for f in result.findings if f.code == "MIX002"]


def test_back_to_back_ads_on_one_channel_warn_at_the_second():
    text = """\
        posts:
          - {date: 2026-12-01, channel: vk, type: ad, title: Sale}
          - {date: 2026-12-02, channel: telegram, type: engaging, title: Poll}
          - {date: 2026-12-03, channel: vk, type: promo, title: New menu}
          - {date: 2026-12-04, channel: telegram, type: ad, title: Offer}
        """
    result = check_text(text)
    b2b = [c for c in codes(result) if c[0] == "MIX003"]
    assert b2b == [("MIX003", 4, 43)]
    assert next(f for f in result.findings if f.code == "MIX003").severity == "warning"


def test_duplicate_title_or_text_warns_at_the_repeat():
    text = """\
        posts:
          - {date: 2026-12-01, type: engaging, title: Poll of the week, text: Vote now}
          - {date: 2026-12-08, type: engaging, title: "poll of  the WEEK"}
          - {date: 2026-12-09, type: educational, title: Tips, text: Vote now}
        """
    result = check_text(text)
    dupes = [c for c in codes(result) if c[0] == "MIX004"]
    assert dupes == [("MIX004", 3, 47), ("MIX004", 4, 62)]
    assert "line 2" in next(f for f in result.findings if f.code == "MIX004").message


def test_cancelled_posts_do_not_count():
    text = plan_text("EUDEU", per_week=5) + "".join(
        f"  - {{date: 2026-12-05, type: ad, title: Dropped {i}, status: cancelled}}\n" for i in range(3))
    result = check_text(text)
    assert result.post_count == 5
    assert not [f for f in result.findings if f.code.startswith("MIX")]


# --- rebalancing (count level) ------------------------------------------------


def compositions(n, k):
    """Every split of n posts into k categories."""
    if k == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in compositions(n - first, k - 1):
            yield (first, *rest)


def brute_min_retypes(counts, tol):
    n = sum(counts)
    return min(
        sum(max(0, c - t) for c, t in zip(counts, target))
        for target in compositions(n, len(counts))
        if planner.passes(target, GOLDEN, tol)
    )


def brute_min_adds(counts, tol, limit=400):
    """Smallest total to add: try every split of every larger total that keeps the posts there are."""
    for extra in range(limit):
        for add in compositions(extra, len(counts)):
            if planner.passes(tuple(c + a for c, a in zip(counts, add)), GOLDEN, tol):
                return extra
        if extra >= 8:  # past here enumerating gets slow
            break
    return None


@pytest.mark.parametrize("n", range(1, 8))
def test_rebalance_is_minimal(n):
    tol = F(5, 100)
    for counts in itertools.product(range(n + 1), repeat=4):
        if sum(counts) != n:
            continue
        rb = planner.rebalance(counts, GOLDEN, tol)
        if planner.passes(counts, GOLDEN, tol):
            assert not rb.needed
            continue
        assert rb.retypes == brute_min_retypes(counts, tol), counts
        after = list(counts)
        idx = {c: i for i, c in enumerate(GOLDEN.categories)}
        for m in rb.moves:
            after[idx[m.source]] -= m.count
            after[idx[m.target]] += m.count
        assert planner.passes(tuple(after), GOLDEN, tol)
        brute = brute_min_adds(counts, tol)
        if brute is not None:
            assert rb.added == brute, counts
        else:  # more than 8 posts to add: at least no smaller addition works
            assert rb.added > 8
        grown = tuple(c + rb.adds.get(cat, 0) for c, cat in zip(counts, GOLDEN.categories))
        assert planner.passes(grown, GOLDEN, tol)


def test_report_suggests_retyping_with_lines():
    result = check_text(plan_text("EEAAAEUDEU", per_week=10))
    assert result.rebalance.moves
    lines = result.move_lines()
    assert all(lines) and all(isinstance(x, int) for group in lines for x in group)
    ad_lines = [f.line for f in result.findings if False]  # noqa: F841 - lines come from the plan
    # the suggested lines are advertising posts
    ads = {result.doc.locate(("posts", i, "type"))[0] for i in (2, 3, 4)}
    assert set(x for g in lines for x in g) <= ads
