"""Rebalancing that changes content, not labels: retype only where a post's
content fits the new type (or reads as nothing for sure), replace otherwise,
move posts between weeks, add; the cheapest wins, against brute force."""

from __future__ import annotations

import itertools
import json
import random
import re
from fractions import Fraction as F

import pytest
import yaml

from smmplan import formulas, planner
from smmplan.planner import COSTS, NEUTRAL, compositions
import subprocess

from tests.conftest import run_cli as _run_cli
from tests.test_suggest import rules_pass, small_plans

TOL = F(5, 100)


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    """The installed command, its output as text (the gym's plan is `language: ru`: what smmplan
    says of it is Russian unless `--lang en` is given)."""
    result = _run_cli(*args, **kw)
    result.stdout, result.stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    return result


# --- brute force, from the rules and the cost table alone ----------------------------


def cost_of(c: int, r: int, d: int) -> int:
    """Keeping costs nothing; a type the content allows is a retype; any other a replacement."""
    if d == c:
        return 0
    return COSTS["retype"] if r in (NEUTRAL, d) else COSTS["replace"]


def brute_changes(weeks: list[list[tuple[int, int]]], k: int, shares, tol) -> int | None:
    """Cheapest retypes and replacements: every post tries every final type."""
    posts = [(w, c, r) for w, week in enumerate(weeks) for c, r in week]
    best = None
    for finals in itertools.product(range(k), repeat=len(posts)):
        cost = sum(cost_of(c, r, d) for (_, c, r), d in zip(posts, finals))
        if best is not None and cost >= best:
            continue
        counts = [[0] * k for _ in weeks]
        for (w, _, _), d in zip(posts, finals):
            counts[w][d] += 1
        if rules_pass([tuple(x) for x in counts], shares, tol):
            best = cost
    return best


def brute_moves(weeks: list[tuple[int, ...]], shares, tol) -> int | None:
    """Fewest posts moved between the weeks (each post tries every week)."""
    k = len(shares)
    posts = [(w, c) for w, week in enumerate(weeks) for c in range(k) for _ in range(week[c])]
    best = None
    for targets in itertools.product(range(len(weeks)), repeat=len(posts)):
        cost = sum(t != w for (w, _), t in zip(posts, targets))
        if best is not None and cost >= best:
            continue
        counts = [[0] * k for _ in weeks]
        for (_, c), t in zip(posts, targets):
            counts[t][c] += 1
        if rules_pass([tuple(x) for x in counts], shares, tol):
            best = cost
    return best


def random_plans(seed: int, count: int, k: int, most: int):
    rng = random.Random(seed)
    for _ in range(count):
        weeks = []
        for _ in range(rng.choice((1, 2, 2))):
            size = rng.randint(1, most)
            weeks.append([(c, rng.choice((NEUTRAL, NEUTRAL, c, rng.randrange(k))))
                          for c in (rng.randrange(k) for _ in range(size))])
        if sum(map(len, weeks)) <= 6:
            yield weeks


def counts_of(week: list[tuple[int, int]], k: int) -> tuple[int, ...]:
    out = [0] * k
    for c, _ in week:
        out[c] += 1
    return tuple(out)


def groups_of(week: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for key in week:
        out[key] = out.get(key, 0) + 1
    return out


@pytest.mark.parametrize("name,seed", [("golden", 1), ("golden", 2), ("80-20", 3), ("thirds", 4), ("50-30-20", 5)])
def test_retypes_and_replacements_are_as_cheap_as_brute_force(name, seed):
    formula = formulas.PRESETS[name]
    shares = tuple(s for _, s in formula.shares)
    k = len(shares)
    checked = 0
    for weeks in random_plans(seed, 160, k, 4):
        counts = [counts_of(w, k) for w in weeks]
        total = tuple(map(sum, zip(*counts)))
        rb = planner.rebalance(total, formula, TOL, dict(enumerate(counts)), add=False, move=False,
                               content={i: groups_of(w) for i, w in enumerate(weeks)})
        best = brute_changes(weeks, k, shares, TOL)
        if rules_pass(counts, shares, TOL):
            assert not rb.needed
            continue
        checked += 1
        assert rb.cost("change") == best, (weeks, rb)
        cats = formula.categories
        # never a retype the content contradicts; a replacement only where it does
        for m in rb.week_moves:
            assert m.reads in (None, m.target), (weeks, m)
        for m in rb.replaces:
            assert m.reads not in (None, m.target), (weeks, m)
        # the changes, applied, pass
        after = [list(c) for c in counts]
        for m in rb.week_moves + rb.replaces:
            w = m.week if m.week is not None else 0
            after[w][cats.index(m.source)] -= m.count
            after[w][cats.index(m.target)] += m.count
        assert min(map(min, after)) >= 0 and rules_pass([tuple(a) for a in after], shares, TOL), (weeks, rb)
    assert checked > 30


@pytest.mark.parametrize("name,tol,most", [("golden", F(10, 100), 8), ("80-20", TOL, 12), ("50-30-20", F(10, 100), 8),
                                             ("thirds", TOL, 7)])
def test_moves_between_weeks_are_as_few_as_brute_force(name, tol, most):
    formula = formulas.PRESETS[name]
    shares = tuple(s for _, s in formula.shares)
    checked = 0
    for weeks in small_plans(most, len(shares)):
        total = tuple(map(sum, zip(*weeks)))
        if len(weeks) < 2 or not all(formulas.overall_ok(total, shares, tol)) or rules_pass(weeks, shares, tol):
            continue
        rb = planner.rebalance(total, formula, tol, dict(enumerate(weeks)))
        best = brute_moves(weeks, shares, tol)
        assert rb.shifts_exact
        assert (rb.moved if rb.shifts else None) == best, (weeks, rb.shifts)
        if best:
            after = [list(w) for w in weeks]
            for sh in rb.shifts:
                c = formula.categories.index(sh.category)
                after[sh.source][c] -= sh.count
                after[sh.target][c] += sh.count
            assert min(map(min, after)) >= 0 and rules_pass([tuple(a) for a in after], shares, tol)
        # the cheapest way wins
        costs = {m: rb.cost(m) for m in ("change", "move", "add", "mixed")}
        cheapest = min(v for v in costs.values() if v is not None)
        assert costs[rb.mode] == cheapest, (weeks, costs, rb.mode)
        assert rb.mode != "mixed" or cheapest < min(v for m, v in costs.items() if m != "mixed" and v is not None)
        checked += 1
    assert checked > 10


def test_a_week_with_all_the_ads_moves_one_instead_of_retyping_two():
    golden = formulas.PRESETS["golden"]
    weeks = {0: (4, 2, 2, 2), 1: (4, 4, 2, 0)}  # 20 posts, 2 ads: fine overall, week 1 holds both
    # the ads read as ads, the rest as nothing for sure
    content = {0: {(0, NEUTRAL): 4, (1, NEUTRAL): 2, (2, NEUTRAL): 2, (3, 3): 2},
               1: {(0, NEUTRAL): 4, (1, NEUTRAL): 4, (2, NEUTRAL): 2}}
    rb = planner.rebalance((8, 6, 4, 2), golden, TOL, weeks, content=content)
    assert rb.cost("change") > rb.cost("move")
    assert rb.mode == "move" and rb.moved == 1
    assert rb.shifts[0].category == "advertising" and (rb.shifts[0].source, rb.shifts[0].target) == (0, 1)


# --- the installed command ------------------------------------------------------------

GYM = """\
brand: Зал на Ленина
language: ru
start: 2026-12-07
posts:
  - {date: 2026-12-07, type: рекламный, title: Персональный тренер со скидкой, text: "Пакет из 10 тренировок за 15 000 ₽ вместо 20 000 ₽."}
  - {date: 2026-12-08, type: вовлекающий, title: "Какую музыку поставить в зале?", text: "Пишите треки в комментариях."}
  - {date: 2026-12-09, type: рекламный, title: Скидка выходного дня, text: "Разовое посещение в субботу и воскресенье — 400 ₽."}
  - {date: 2026-12-10, type: обучающий, title: "Как правильно делать становую тягу", text: "Техника в 4 шагах и 3 ошибки."}
  - {date: 2026-12-11, type: рекламный, title: Групповые занятия — первое бесплатно, text: "Приходите на любую групповую тренировку, первая за наш счёт."}
  - {date: 2026-12-14, type: рекламный, title: Годовой абонемент −30% до конца месяца, text: "Успейте оформить на ресепшене или на сайте."}
  - {date: 2026-12-15, type: пользовательский, title: Ваши фото с тренировок, text: "Лучшие снимки с отметкой #залнаЛенина за неделю."}
  - {date: 2026-12-16, type: рекламный, title: Абонемент на утро за полцены, text: "Утренние тренировки до 12:00 — 1900 ₽ в месяц."}
  - {date: 2026-12-17, type: вовлекающий, title: "Опрос: во сколько вы тренируетесь?", text: "Голосуйте в сторис."}
  - {date: 2026-12-18, type: рекламный, title: Подарочный сертификат на Новый год, text: "Сертификаты от 3000 ₽ на ресепшене."}
"""
SALES = {"Персональный тренер со скидкой", "Скидка выходного дня", "Групповые занятия — первое бесплатно",
         "Годовой абонемент −30% до конца месяца", "Абонемент на утро за полцены",
         "Подарочный сертификат на Новый год"}


def test_the_gym_is_not_fixed_by_relabelling_its_sales_posts(tmp_path):
    plan = tmp_path / "gym.yaml"
    plan.write_text(GYM, encoding="utf-8")
    before = run_cli("check", str(plan), "-f", "json")
    assert any(f["code"] == "MIX001" for f in json.loads(before.stdout)["findings"])
    out = tmp_path / "fixed.yaml"
    result = run_cli("suggest", str(plan), "-o", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    posts = yaml.safe_load(out.read_text(encoding="utf-8"))["posts"]
    sales = [p for p in posts if p["title"] in SALES]
    assert len(sales) == 6
    # every sales post keeps its type: none is relabelled; the ones that go are cancelled
    assert all(p["type"] == "рекламный" for p in sales)
    live = [p for p in sales if p.get("status") != "cancelled"]
    assert len(live) == 1
    # each cancelled one is replaced by a new post of another type, on its day
    new = posts[len(GYM.splitlines()) - 4:]
    assert len(new) == 5 and {p["date"] for p in new} == {p["date"] for p in sales if p.get("status")}
    assert all(p["type"] != "рекламный" and p["status"] == "idea" for p in new)
    assert "replace 5 posts" in result.stdout and "Скидка выходного дня" in result.stdout
    # the result passes the mix and reads true to its labels
    after = json.loads(run_cli("check", str(out), "-f", "json").stdout)
    codes = {f["code"] for f in after["findings"]}
    assert not codes & {"MIX001", "MIX002", "MIX005"}, codes


def test_relabelling_sales_posts_is_flagged(tmp_path):
    """The "fix" the old `suggest` wrote: the same six sales posts, relabelled."""
    relabelled = GYM
    for i, new in enumerate(["вовлекающий", "пользовательский", "обучающий", "вовлекающий", "пользовательский"]):
        relabelled = relabelled.replace("type: рекламный", f"type: {new}", 1)
    plan = tmp_path / "relabelled.yaml"
    plan.write_text(relabelled, encoding="utf-8")
    found = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["findings"]
    mix005 = [f for f in found if f["code"] == "MIX005"]
    assert len(mix005) == 5
    assert all(f["data"]["inferred"] == "advertising" and f["data"]["confidence"] >= 0.6 for f in mix005)
    assert any("`Скидка`" in f["message"] for f in mix005)
    # and suggest does not undo it by relabelling them back and forth: it reads their content
    result = run_cli("suggest", str(plan))
    assert "-> вовлекающий" not in result.stdout and "-> пользовательский" not in result.stdout


def test_check_report_says_what_to_rewrite_in_words(tmp_path):
    plan = tmp_path / "gym.yaml"
    plan.write_text(GYM, encoding="utf-8")
    text = run_cli("check", str(plan), "--lang", "en", env={"COLUMNS": "300"}).stdout
    assert "rewrite «Скидка выходного дня» (Dec 9, line 7) as a" in text
    assert "for example «" in text and "keep the old one as cancelled" in text
    russian = _run_cli("check", str(plan), env={"COLUMNS": "300"}).stdout.decode()  # the plan's `language: ru`
    assert "перепишите «Скидка выходного дня» (9 дек., строка 7) в пост типа «" in russian
    assert "например «" in russian and "со статусом `cancelled`" in russian and "rewrite" not in russian
    data = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["plans"][0]
    steps = data["rebalance"]["steps"]
    assert data["rebalance"]["mode"] == "change"
    assert {s["action"] for s in steps} == {"replace"} and len(steps) == 5
    assert all(s["idea"] and s["line"] for s in steps)
    # JSON carries what every post reads as
    content = data["content"]
    assert len(content) == 10
    assert all({"line", "type", "inferred", "confidence", "confident"} <= set(c) for c in content)
    assert sum(c["inferred"] == "advertising" and c["confident"] for c in content) == 6


def test_posts_that_cannot_be_read_stop_suggest_until_forced(tmp_path):
    text = GYM.replace("date: 2026-12-16", "date: 2026-12-36").replace("type: вовлекающий, title: \"Опрос",
                                                                        "type: мемы, title: \"Опрос")
    plan = tmp_path / "broken.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run_cli("suggest", str(plan), "-o", str(out), "--lang", "en")
    assert result.returncode == 1
    assert not out.exists()
    err = result.stderr
    assert "2 posts could not be read" in err and "line 12:" in err and "line 13:" in err
    assert "--force" in err and result.stdout == ""
    forced = run_cli("suggest", str(plan), "-o", str(out), "--force", "--lang", "en")
    assert forced.returncode == 0, forced.stderr
    assert out.exists() and "--force: rebalancing the posts that were read" in forced.stderr
    assert forced.stderr.index("could not be read") < forced.stderr.index("wrote")


def test_a_moved_post_keeps_everything_but_its_date(tmp_path):
    plan = tmp_path / "weeks.yaml"
    week1 = [("engaging", "Poll: tea or coffee?"), ("engaging", "Quiz: guess the origin of this bean"),
             ("engaging", "Vote: the next syrup"), ("engaging", "Caption this photo of our barista"),
             ("user_generated", "Your photos from the terrace, shared with permission"),
             ("user_generated", "Review of the week from a guest"),
             ("educational", "How to brew a V60 at home"), ("educational", "Myth: dark roast is stronger"),
             ("advertising", "Gift cards on sale from $15"), ("advertising", "Winter menu: pre-order now, $12")]
    week2 = [("engaging", "This or that: croissant or cinnamon roll?"), ("engaging", "Tell us your coffee order"),
             ("engaging", "Guess the weight of this cake"), ("engaging", "Fill in the blank: a perfect Sunday needs..."),
             ("user_generated", "Reposting @anna.brews"), ("user_generated", "Your latte art, with permission"),
             ("user_generated", "Customer story: Tom's morning ritual in his own words"),
             ("user_generated", "What guests say on Google: three reviews"),
             ("educational", "Checklist: storing beans at home"), ("educational", "Behind the scenes: roasting day")]
    rows = [(f"2026-12-{7 + i % 5:02d}", t, title) for i, (t, title) in enumerate(week1)]
    rows += [(f"2026-12-{14 + i % 5:02d}", t, title) for i, (t, title) in enumerate(week2)]
    plan.write_text("start: 2026-12-07\nposts:\n" + "".join(
        f"  - date: {d}\n    type: {t}\n    title: \"{title}\"  # keep me\n" for d, t, title in rows), encoding="utf-8")
    report = run_cli("check", str(plan), env={"COLUMNS": "300"}).stdout
    assert re.search(r"move «[^»]+» \(Dec \d+, line \d+\) to week 2: Dec \d+", report), report
    steps = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["plans"][0]["rebalance"]["steps"]
    assert [s["action"] for s in steps] == ["move"] and steps[0]["new_date"] > steps[0]["date"]
    result = run_cli("suggest", str(plan), "--in-place")
    assert result.returncode == 0, result.stderr
    assert "move 1 post to other weeks" in result.stdout
    after = plan.read_text(encoding="utf-8")
    assert after.count("# keep me") == 20
    posts = yaml.safe_load(after)["posts"]
    moved = [(a, b) for a, b in zip(rows, posts) if str(b["date"]) != a[0]]
    assert len(moved) == 1 and moved[0][0][1] == "advertising" and moved[0][1]["type"] == "advertising"


# --- mixed kinds: moves, retypes, replacements and additions together, against brute force ---

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


def brute_mixed(weeks: list[list[tuple[int, int]]], k: int, shares, tol, cap: int = 40) -> int | None:
    """The cheapest plan of any mix of kinds, from the cost table alone: every post tries every
    (week, type) (moving costs COSTS["move"], changing its type cost_of), then posts are added
    (COSTS["add"] each) to the weeks that had posts, fewest first."""
    W = len(weeks)
    posts = [(w, c, r) for w, week in enumerate(weeks) for c, r in week]
    grow = [w for w, week in enumerate(weeks) if week]
    best = cap

    def adds_needed(counts, limit):
        for extra in range(limit + 1):
            for share in compositions(extra, len(grow) * k):
                grown = [list(x) for x in counts]
                for j, w in enumerate(grow):
                    for c in range(k):
                        grown[w][c] += share[j * k + c]
                if rules_pass([tuple(x) for x in grown], shares, tol):
                    return extra
        return None

    for finals in itertools.product(range(W * k), repeat=len(posts)):
        cost = sum(COSTS["move"] * (f // k != w) + cost_of(c, r, f % k) for (w, c, r), f in zip(posts, finals))
        if cost >= best:
            continue
        counts = [[0] * k for _ in weeks]
        for f in finals:
            counts[f // k][f % k] += 1
        extra = adds_needed(counts, (best - cost - 1) // COSTS["add"])
        if extra is not None:
            best = cost + extra * COSTS["add"]
    return best if best < cap else None


def mixed_plans(k: int):
    """Plans of 1 to 5 posts over one to three weeks (a middle week may be empty), each post a
    (type, reads as) pair: as the content reads, or as nothing for sure, or as another type."""
    post = st.tuples(st.integers(0, k - 1), st.integers(-1, k - 1))
    return st.lists(st.lists(post, max_size=4), min_size=1, max_size=3).filter(
        lambda ws: ws[0] and ws[-1] and 1 <= sum(map(len, ws)) <= 5)


def _solve(weeks, formula, tol, **kw):
    k = len(formula.categories)
    counts = [counts_of(w, k) for w in weeks]
    total = tuple(map(sum, zip(*counts)))
    rb = planner.rebalance(total, formula, tol, {i: c for i, c in enumerate(counts) if sum(c)},
                           content={i: groups_of(w) for i, w in enumerate(weeks) if w}, **kw)
    return counts, rb


def _applied(rb, counts, formula) -> list[tuple[int, ...]]:
    """The plan's week counts after the cheapest solution's changes."""
    cats = formula.categories
    after = [list(c) for c in counts]
    if rb.mode == "mixed":
        co = rb.combo
        for sh in co.shifts:
            after[sh.source][cats.index(sh.category)] -= sh.count
            after[sh.target][cats.index(sh.category)] += sh.count
        for m in co.retypes + co.replaces:
            w = m.week if m.week is not None else next(i for i, c in enumerate(counts) if sum(c))
            after[w][cats.index(m.source)] -= m.count
            after[w][cats.index(m.target)] += m.count
        for w, adds in co.week_adds.items():
            for cat, x in adds.items():
                after[w][cats.index(cat)] += x
    assert min(map(min, after)) >= 0
    return [tuple(a) for a in after]


@pytest.mark.parametrize("name,tol", [("golden", TOL), ("80-20", TOL), ("thirds", F(10, 100)), ("50-30-20", TOL)])
def test_the_cheapest_mix_of_kinds_is_as_cheap_as_brute_force(name, tol):
    formula = formulas.PRESETS[name]
    shares = tuple(s for _, s in formula.shares)
    k = len(shares)
    seen = {"mixed": 0}

    @settings(max_examples=60, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
    @given(mixed_plans(k))
    def check(weeks):
        counts, rb = _solve(weeks, formula, tol)
        best = brute_mixed(weeks, k, shares, tol)
        if rules_pass(counts, shares, tol):
            assert not rb.needed
            return
        assert rb.mixed_exact
        got = rb.cost(rb.mode) if rb.mode else None
        assert got == best, (weeks, rb)
        # the winner is the cheapest of the kinds; a mix wins only when it costs less than each alone
        pure = [c for m in ("change", "move", "add") if (c := rb.cost(m)) is not None]
        if rb.mode == "mixed":
            seen["mixed"] += 1
            assert not pure or rb.combo.cost < min(pure)
            co = rb.combo
            # never a retype the content contradicts; a replacement only where it does
            assert all(m.reads in (None, m.target) for m in co.retypes)
            assert all(m.reads not in (None, m.target) for m in co.replaces)
            assert sum(COSTS[kind] * x for kind, x in co.kinds.items()) == co.cost
            assert rules_pass(_applied(rb, counts, formula), shares, tol), (weeks, co)

    check()
    assert seen["mixed"] >= 1  # the search met plans where only a mix is cheapest


def test_mixes_are_found_where_no_single_kind_is_cheapest():
    """The brute-force test above must meet real mixes: plans where only a mix is cheapest."""
    found = 0
    for name in ("golden", "80-20", "50-30-20"):
        formula = formulas.PRESETS[name]
        k = len(formula.categories)
        rng = random.Random(name)
        for _ in range(300):
            weeks = [[(rng.randrange(k), rng.choice((NEUTRAL, rng.randrange(k)))) for _ in range(rng.randint(1, 3))]
                     for _ in range(2)]
            counts, rb = _solve(weeks, formula, TOL)
            if rb.mode == "mixed":
                found += 1
                assert len(rb.combo.kinds) >= 2, rb.combo
    assert found >= 5


# --- mixes and plans that continue, through the installed command ------------------------

from tests.conftest import ROOT  # noqa: E402

MIXED = (ROOT / "docs" / "examples" / "coffee-lab-mixed.yaml").read_text(encoding="utf-8")
NEXT_PERIOD = '  - {date: 2027-01-04, channel: instagram, type: engaging, title: "Poll: your coffee resolution for 2027"}\n'


def _posts_by_title(text: str) -> dict[str, dict]:
    return {p["title"]: p for p in yaml.safe_load(text)["posts"]}


def test_suggest_writes_a_mix_of_kinds_and_the_plan_passes(tmp_path):
    plan = tmp_path / "coffee.yaml"
    plan.write_text(MIXED, encoding="utf-8")
    out = tmp_path / "fixed.yaml"
    result = run_cli("suggest", str(plan), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "move 1 post to another week, retype 1 post and replace 1 post" in result.stdout
    assert "it costs 5, where a move or a retype costs 1, an addition 2 and a replacement 3" in result.stdout
    before, after = _posts_by_title(MIXED), _posts_by_title(out.read_text(encoding="utf-8"))
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {"What guests say on Google: three reviews", "Saturday at the roastery",
                       "Gift cards from $15: order now"}
    assert str(after["What guests say on Google: three reviews"]["date"]) == "2026-12-12"  # moved to week 1
    assert after["Saturday at the roastery"]["type"] == "user_generated"  # its text reads as no type for sure
    # the plan continues (a post of January is in it): the ad waits past the end instead of being cancelled
    ad = after["Gift cards from $15: order now"]
    assert str(ad["date"]) == "2026-12-31" and "status" not in ad and ad["type"] == "advertising"
    new = [p for t, p in after.items() if t not in before]
    assert len(new) == 1 and new[0]["type"] == "engaging" and str(new[0]["date"]) == "2026-12-17"
    check = json.loads(run_cli("check", str(out), "-f", "json").stdout)
    codes = {f["code"] for f in check["findings"]}
    assert not codes & {"MIX001", "MIX002", "MIX005"}, codes


def test_the_check_report_and_json_show_the_mix(tmp_path):
    plan = tmp_path / "coffee.yaml"
    plan.write_text(MIXED, encoding="utf-8")
    text = run_cli("check", str(plan), env={"COLUMNS": "300"}).stdout
    assert "move «What guests say on Google: three reviews» (Dec 26, line 29) to week 1: Dec 12" in text
    assert "retype «Saturday at the roastery» (Dec 15, line 21) from educational to user_generated, and make it read so" in text
    assert "(move the old one past the plan's end, to Dec 31)" in text
    assert "this mix of changes costs 5" in text and "any one kind of change alone costs more" in text
    rb = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["plans"][0]["rebalance"]
    assert rb["mode"] == "mixed" and rb["cost"] == 5 and rb["kinds"] == {"retype": 1, "move": 1, "replace": 1}
    kinds = {s["kind"]: s for s in rb["steps"]}
    assert set(kinds) == {"retype", "move", "replace"} and all(s["action"] == s["kind"] for s in rb["steps"])
    assert kinds["move"]["new_date"] == "2026-12-12"
    assert kinds["replace"]["old_post"] == "moved" and kinds["replace"]["old_post_date"] == "2026-12-31"


def test_a_plan_that_does_not_continue_cancels_the_replaced_post(tmp_path):
    plan = tmp_path / "coffee.yaml"
    plan.write_text(MIXED.replace(NEXT_PERIOD, ""), encoding="utf-8")
    out = tmp_path / "fixed.yaml"
    result = run_cli("suggest", str(plan), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "reads as advertising: cancelled, replaced by engaging" in result.stdout
    ad = _posts_by_title(out.read_text(encoding="utf-8"))["Gift cards from $15: order now"]
    assert ad["status"] == "cancelled" and str(ad["date"]) == "2026-12-17"
    steps = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["plans"][0]["rebalance"]["steps"]
    assert [s["old_post"] for s in steps if s["kind"] == "replace"] == ["cancelled"]


def test_posts_after_a_stated_end_are_the_next_periods(tmp_path):
    """`weeks:` states the plan's end; posts after it do not count in its mix. Without `weeks:` they do."""
    rows = "".join(f"  - {{date: 2026-12-{7 + i:02d}, type: {t}, title: Post {i}}}\n"
                   for i, t in enumerate(["engaging", "engaging", "user_generated", "educational"]))
    later = "  - {date: 2026-12-15, type: advertising, title: Sale of the next period}\n"
    plan = tmp_path / "week.yaml"
    for weeks, ads in (("weeks: 1\n", 0), ("", 1)):
        plan.write_text("start: 2026-12-07\n" + weeks + "posts:\n" + rows + later, encoding="utf-8")
        data = json.loads(run_cli("check", str(plan), "-f", "json").stdout)["plans"][0]
        assert data["mix"]["advertising"]["count"] == ads and data["posts"] == 4 + ads
        assert data["next_period_posts"] == 1 - ads
        text = run_cli("check", str(plan), env={"COLUMNS": "200"}).stdout
        assert ("1 post of the next period, not counted" in text) == (ads == 0)


def test_the_mixed_search_stays_out_of_huge_plans():
    golden = formulas.PRESETS["golden"]
    weeks = {w: (2, 1, 1, 1) for w in range(120)}  # 120 weeks of 5 posts, the first one all ads
    weeks[0] = (0, 0, 0, 5)
    total = tuple(map(sum, zip(*weeks.values())))
    rb = planner.rebalance(total, golden, TOL, weeks)
    assert rb.needed and rb.combo is None and not rb.mixed_exact


def test_a_mix_found_within_a_spent_budget_is_not_called_the_cheapest(monkeypatch):
    """With too little budget to finish, the search keeps what it found and says it is not proven."""
    from smmplan.commands.suggest import change_lines, rebalance_file

    data = MIXED.encode("utf-8")
    outcomes = set()
    for budget in (1, 60_000, planner.MIXED_BUDGET):
        monkeypatch.setattr(planner, "MIXED_BUDGET", budget)
        sug = rebalance_file(data, "coffee.yaml")
        rb = sug.rebalance
        assert sug.after is not None  # whatever the budget, the written plan passes (checked before writing)
        if rb.mixed_exact:
            assert rb.mode == "mixed" and rb.combo.cost == 5
        elif rb.mode == "mixed":
            assert "not proven the cheapest" in change_lines(sug)[0]
        else:
            assert rb.combo is None and rb.mode == "change"
        outcomes.add((rb.mode, rb.mixed_exact))
    assert outcomes == {("change", False), ("mixed", False), ("mixed", True)}


# --- the bound that lets the search skip a flow -----------------------------------------


def change_problems(k: int):
    """A min-cost flow of ``planner._change_flow``: one to three weeks of (type, reads as)
    groups, posts added to some of them (any type, at no change cost), each week's cells
    and the categories' totals as random bounds, feasible or not."""
    group = st.tuples(st.tuples(st.integers(0, k - 1), st.integers(-1, k - 1)), st.integers(1, 4))
    bounds = st.tuples(st.integers(0, 6), st.integers(0, 6)).map(sorted).map(tuple)
    week = st.tuples(st.lists(group, max_size=4).map(dict), st.integers(0, 3),
                     st.lists(bounds, min_size=k, max_size=k))
    totals = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)).map(sorted).map(tuple), min_size=k,
                      max_size=k)
    return st.tuples(st.lists(week, min_size=1, max_size=3), totals)


@pytest.mark.parametrize("k", [2, 4])
def test_the_least_changes_never_exceed_the_cheapest_flow(k):
    @settings(max_examples=400, deadline=None, derandomize=True, database=None)
    @given(change_problems(k))
    def check(problem):
        weeks, totals = problem
        groups = [g | ({(planner.ADDED, planner.ADDED): added} if added else {}) for g, added, _ in weeks]
        cells = [cell for _, _, cell in weeks]
        least = planner._least_changes(k, groups, cells, totals)
        got = planner._change_flow(k, groups, cells, totals)
        if got is not None:
            assert least <= got[0], (weeks, totals, least, got)

    check()


@pytest.mark.parametrize("name,tol", [("golden", TOL), ("80-20", TOL), ("thirds", F(10, 100))])
def test_skipping_the_flows_that_cannot_win_changes_nothing(name, tol, monkeypatch):
    """The search with the bound finds the very plan the plain search (every flow solved) finds."""
    formula = formulas.PRESETS[name]
    k = len(formula.categories)
    bounded = planner._least_changes
    skipped = []

    def counted(*args):
        skipped.append(bounded(*args))
        return skipped[-1]

    @settings(max_examples=60, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
    @given(mixed_plans(k))
    def check(weeks):
        monkeypatch.setattr(planner, "_least_changes", counted)
        _, fast = _solve(weeks, formula, tol)
        monkeypatch.setattr(planner, "_least_changes", lambda *args: 0)
        _, plain = _solve(weeks, formula, tol)
        assert repr(fast) == repr(plain), weeks

    check()
    assert any(skipped)  # the bound was above nothing somewhere: flows were skipped
