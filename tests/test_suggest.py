"""`smmplan suggest`: minimal rebalancing (against brute force), writing plans
back without losing anything, and calendars that follow the formula."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import itertools
from collections import Counter
import json
import re
from fractions import Fraction as F

import pytest
import yaml
from typer.testing import CliRunner

from smmplan import calendar, cli, formulas, planner
from smmplan.engine import check_bytes
from smmplan.planner import compositions
from smmplan.suggest import export_calendar, make_calendar, rebalance_plan
from tests.conftest import PLANS, run_cli, typed_plan

START = dt.date(2026, 11, 30)  # a Monday
TOL = F(5, 100)

# --- brute force, written from the rule functions alone ---------------------------------


@functools.lru_cache(maxsize=None)
def _overall(counts, shares, tol):
    return all(formulas.overall_ok(counts, shares, tol))


@functools.lru_cache(maxsize=None)
def _week(counts, shares, tol):
    return all(formulas.week_ok(counts, shares, tol))


def rules_pass(weeks, shares, tol):
    """MIX001 and MIX002 as smmplan/rules/mix.py applies them."""
    weeks = [tuple(w) for w in weeks if sum(w)]
    if not weeks:
        return True
    total = tuple(map(sum, zip(*weeks)))
    if not _overall(total, shares, tol):
        return False
    return len(weeks) < 2 or all(_week(w, shares, tol) for w in weeks)


def brute_retypes(weeks, shares, tol):
    """Fewest retypes: try every final split of every week."""
    options = [[(x, sum(max(0, c - y) for c, y in zip(w, x))) for x in compositions(sum(w), len(shares))]
               for w in weeks]
    best = None
    for combo in itertools.product(*options):
        cost = sum(c for _, c in combo)
        if (best is None or cost < best) and rules_pass([x for x, _ in combo], shares, tol):
            best = cost
    return best


def brute_adds(weeks, shares, tol, limit=5):
    """Fewest posts to add to the plan's weeks: try every way to add 0, 1, 2... posts."""
    k = len(shares)
    for extra in range(limit + 1):
        for add in compositions(extra, len(weeks) * k):
            grown = [tuple(w[c] + add[i * k + c] for c in range(k)) for i, w in enumerate(weeks)]
            if rules_pass(grown, shares, tol):
                return extra
    return None


def small_plans(max_posts, k):
    """Every plan of 1..max_posts counted posts over one or two weeks, as week count vectors."""
    for n1 in range(1, max_posts + 1):
        for n2 in range(0, max_posts - n1 + 1):
            for c1 in compositions(n1, k):
                for c2 in compositions(n2, k):
                    yield [c1, c2] if n2 else [c1]


def apply_week_moves(rb, keys, weeks, cats):
    after = {w: list(c) for w, c in zip(keys, weeks)}
    for m in rb.week_moves:
        targets = [m.week] if m.week is not None else keys[:1]
        after[targets[0]][cats.index(m.source)] -= m.count
        after[targets[0]][cats.index(m.target)] += m.count
    return list(after.values())


CASES = [("golden", 4, TOL), ("80-20", 8, TOL), ("80-20", 7, F(0)), ("thirds", 6, TOL), ("50-30-20", 5, F(10, 100)),
         ("4-1-1", 5, TOL)]


@pytest.mark.parametrize("name,max_posts,tol", CASES)
def test_rebalancing_is_as_small_as_brute_force(name, max_posts, tol):
    formula = formulas.PRESETS[name]
    shares = tuple(s for _, s in formula.shares)
    cats = formula.categories
    checked = 0
    for weeks in small_plans(max_posts, len(cats)):
        keys = list(range(len(weeks)))
        total = tuple(map(sum, zip(*weeks)))
        rb = planner.rebalance(total, formula, tol, dict(zip(keys, weeks)))
        if rules_pass(weeks, shares, tol):
            assert not rb.needed, weeks
            continue
        checked += 1
        best = brute_retypes(weeks, shares, tol)
        assert rb.retype_possible == (best is not None), weeks
        if best is not None:
            assert rb.retypes == best, (weeks, rb)
            # Each weekly move stays inside the plan's posts and the result passes.
            after = apply_week_moves(rb, keys, weeks, cats) if len(weeks) > 1 else [
                [total[i] - sum(m.count for m in rb.moves if m.source == c) + sum(m.count for m in rb.moves
                 if m.target == c) for i, c in enumerate(cats)]]
            assert all(min(w) >= 0 for w in after) and rules_pass(after, shares, tol), (weeks, rb)
        least = brute_adds(weeks, shares, tol)
        if least is not None:
            assert rb.added == least, (weeks, rb.week_adds)
        else:
            assert rb.added > 5, weeks
        grown = [tuple(w[c] + rb.week_adds.get(i, {}).get(cat, 0) for c, cat in enumerate(cats))
                 for i, w in enumerate(weeks)]
        assert rules_pass(grown, shares, tol), (weeks, rb.week_adds)
        assert rb.exact
    assert checked > 20


def test_retype_and_add_can_be_switched_off():
    formula = formulas.PRESETS["golden"]
    weeks = {0: (0, 0, 0, 3), 1: (2, 1, 1, 0)}
    total = (2, 1, 1, 3)
    only_retype = planner.rebalance(total, formula, TOL, weeks, add=False)
    only_add = planner.rebalance(total, formula, TOL, weeks, retype=False)
    assert only_retype.moves and not only_retype.adds
    assert only_add.adds and not only_add.moves


# --- the real plans: posts as YAML, changes through the engine -----------------------------

LETTERS = {"E": "engaging", "U": "user_generated", "D": "educational", "A": "advertising"}


def plan_yaml(weeks: list[str], extra: str = "") -> str:
    """One post a day from START, week by week; letters are types."""
    lines = ["# a plan for the tests\n", "brand: Test\n", f"start: {START}\n", "formula: golden\n", "posts:\n"]
    n = 0
    for w, letters in enumerate(weeks):
        for d, letter in enumerate(letters):
            n += 1
            date = START + dt.timedelta(days=7 * w + d)
            lines.append(f"  # post {n}\n  - date: {date}\n    time: 10:00\n    channel: vk\n"
                         f"    type: {LETTERS[letter]}\n    title: Post number {n}\n")
    return "".join(lines) + extra


def counts_of(text: str):
    result = check_bytes(text.encode(), "plan.yaml")
    cats = result.formula.categories
    weeks: dict[int, list[int]] = {}
    for p in result.posts:
        if p.counted:
            weeks.setdefault(p.week, [0] * len(cats))[cats.index(p.category)] += 1
    return result, [tuple(w) for _, w in sorted(weeks.items())]


@pytest.mark.parametrize("weeks", [["AAAE", "EUD"], ["AAEUD", "AEUDE"], ["EEEE", "UUUU"], ["A", "A"],
                                   ["EUDA", "A"], ["AAAAA"], ["UDDD", "EEEE", "AA"]])
def test_suggestions_on_real_plans_match_brute_force_and_pass_check(weeks):
    text = plan_yaml(weeks)
    # Cancelled posts and unknown types do not count, so they change nothing.
    text += ("  - {date: 2026-12-01, type: advertising, title: Dropped ad, status: cancelled}\n")
    result, week_counts = counts_of(text)
    shares = tuple(s for _, s in result.formula.shares)
    for mode in ("retype", "add"):
        sug = rebalance_plan(text.encode(), "plan.yaml", retype=mode == "retype", add=mode == "add")
        if mode == "retype":
            best = brute_retypes(week_counts, shares, TOL)
            if best is None:
                assert sug.mode == "impossible"
                continue
            assert sug.mode == "retype" and len(sug.retypes) == best
        else:
            least = brute_adds(week_counts, shares, TOL, limit=4)
            assert sug.mode == "add"
            assert len(sug.additions) == least if least is not None else len(sug.additions) > 4
        after = check_bytes(sug.data, "plan.yaml")
        assert not [f for f in after.findings if f.code in ("MIX001", "MIX002")]
        assert "# a plan for the tests" in sug.text and sug.text.count("# post ") == sum(map(len, weeks))


def test_retypes_go_to_the_week_where_the_surplus_type_is_densest():
    # Week 1 is 2 ads of 5, week 2 is 1 ad of 2, week 3 is 1 ad of 5: the ad share is highest in week 2.
    text = plan_yaml(["EAUDA", "AE", "EUDAE"])
    sug = rebalance_plan(text.encode(), "plan.yaml")
    result, weeks = counts_of(text)
    shares = tuple(s for _, s in result.formula.shares)
    assert len(sug.retypes) == brute_retypes(weeks, shares, TOL)
    week_of = {p.index: p.week for p in result.posts}
    assert sug.retypes and all(r.source == "advertising" for r in sug.retypes)
    # Week 1 must lose an ad (MIX002); the other two come from the densest weeks, 2 then 1, never week 3.
    assert sorted(week_of[r.index] for r in sug.retypes) == [0, 0, 1]


def test_added_posts_take_the_emptiest_days_first():
    text = plan_yaml(["AAE"])  # Mon-Wed taken; judged overall only (one week)
    sug = rebalance_plan(text.encode(), "plan.yaml", retype=False)
    per_day = Counter(START + dt.timedelta(days=d) for d in range(3))
    per_day.update(p.date for p in sug.additions)
    week = [per_day[START + dt.timedelta(days=d)] for d in range(7)]
    assert len(sug.additions) > 4 and max(week) - min(week) <= 1  # filled emptiest first: level
    assert min(week[3:]) >= max(week[:3]) - 1 and sum(week[3:]) >= 4 * min(week)


def test_published_posts_are_retyped_last():
    text = plan_yaml(["AAAEU", "EUDEU"]).replace("title: Post number 1\n", "title: Post number 1\n    status: published\n")
    sug = rebalance_plan(text.encode(), "plan.yaml")
    assert sug.retypes and all(r.index != 0 for r in sug.retypes)


def test_untouched_posts_and_russian_type_words_survive(tmp_path):
    # the shipped plan's posts name their rubrics; here they carry Russian type words instead
    head, posts = typed_plan("kolosok-bakery-ru.yaml").split("\nposts:\n", 1)
    text = head + "\nposts:\n" + posts.replace("type: вовлекающий", "type: рекламный", 3)
    sug = rebalance_plan(text.encode(), "ru.yaml")
    assert sug.mode == "retype"
    assert all(r.word == "вовлекающий" or re.search("[а-я]", r.word) for r in sug.retypes)
    old, new = text.splitlines(), sug.text.splitlines()
    assert len(old) == len(new)
    changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    assert [i + 1 for i in changed] == sorted(r.line for r in sug.retypes)


# --- the command: -o, --in-place, --force ---------------------------------------------------


@pytest.fixture
def skewed(tmp_path):
    head, posts = typed_plan("coffee-lab-december.yaml").split("\nposts:\n", 1)
    text = head + "\nposts:\n" + posts.replace("type: user_generated", "type: advertising", 3)
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    return path, text


def test_output_file_written_input_untouched(skewed, tmp_path):
    path, text = skewed
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(cli.app, ["suggest", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert path.read_text() == text
    assert "retype" in result.stdout and "-> " in result.stdout
    new = out.read_text()
    assert new != text and new.count("#") == text.count("#")
    checked = check_bytes(new.encode(), "new.yaml")
    # the mix passes; a relabelled post the rebalancing did not need may still read as what it is (MIX005)
    assert not [f for f in checked.findings if f.code.startswith("MIX") and f.code != "MIX005"]
    # An existing output is never overwritten without --force.
    again = CliRunner().invoke(cli.app, ["suggest", str(path), "--add-only", "-o", str(out)])
    assert again.exit_code == 2 and out.read_text() == new and "--force" in again.stderr
    forced = CliRunner().invoke(cli.app, ["suggest", str(path), "--add-only", "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_text() != new


def test_in_place_keeps_comments_and_changes_only_types(skewed):
    path, text = skewed
    result = run_cli("suggest", str(path), "--in-place")
    assert result.returncode == 0, result.stderr
    new = path.read_text()
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments and comments == [line for line in new.splitlines() if line.lstrip().startswith("#")]
    diff = [(a, b) for a, b in zip(text.splitlines(), new.splitlines()) if a != b]
    assert diff and all(a.strip().startswith("type:") and b.strip().startswith("type:") for a, b in diff)
    assert run_cli("check", str(path)).returncode == 0
    # Now it passes: nothing more to change.
    assert "already passes" in run_cli("suggest", str(path)).stdout.decode()


def test_retype_only_that_cannot_work_exits_1_and_options_clash_exits_2(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(plan_yaml(["A", "A"]))
    both = CliRunner().invoke(cli.app, ["suggest", str(path), "--retype-only", "--add-only"])
    assert both.exit_code == 2
    nothing = CliRunner().invoke(cli.app, ["suggest"])
    assert nothing.exit_code == 2 and "--weeks" in nothing.stderr
    lopsided = tmp_path / "l.yaml"
    lopsided.write_text(plan_yaml(["AAAAA", "AAAAA"]).replace("formula: golden", "formula: 4-1-1")
                        .replace("type: advertising", "type: promotional"))
    result = CliRunner().invoke(cli.app, ["suggest", str(lopsided), "--retype-only"])
    weeks = counts_of(lopsided.read_text())[1]
    shares = tuple(s for _, s in formulas.PRESETS["4-1-1"].shares)
    assert result.exit_code == (1 if brute_retypes(weeks, shares, TOL) is None else 0)


# --- calendars ----------------------------------------------------------------------------


def _runs_ok(cal) -> bool:
    """No type twice running where the week's counts would allow otherwise."""
    cats = [p.category for p in cal.posts]
    for w in range(cal.weeks):
        week = cats[w * cal.per_week : (w + 1) * cal.per_week]
        most = max(week.count(c) for c in set(week))
        if most <= (len(week) + 1) // 2 and any(a == b for a, b in zip(week, week[1:])):
            return False
    return True


def test_every_calendar_size_passes_the_mix_rules():
    """Exhaustive over weeks 1..52 x posts a week 1..21 (golden): the type counts
    pass MIX001/MIX002 as the rules judge them, no back-to-back ads per channel,
    unique titles, no runs of one type where avoidable."""
    formula = formulas.PRESETS["golden"]
    shares = tuple(s for _, s in formula.shares)
    for weeks in range(1, 53):
        for per_week in range(1, 22):
            cal = calendar.generate(formula, TOL, START, weeks, per_week, ["instagram", "telegram"])
            assert len(cal.posts) == weeks * per_week
            tally = Counter((p.week, p.category) for p in cal.posts)
            by_week = [tuple(tally[w, c] for c in formula.categories) for w in range(weeks)]
            assert rules_pass(by_week, shares, TOL), (weeks, per_week)
            for ch in ("instagram", "telegram"):
                seq = [p.category for p in cal.posts if p.channel == ch]
                assert not any(a == b == "advertising" for a, b in zip(seq, seq[1:])), (weeks, per_week)
            assert len({p.title for p in cal.posts}) == len(cal.posts)
            assert _runs_ok(cal), (weeks, per_week)


@pytest.mark.parametrize("name", sorted(formulas.PRESETS))
def test_no_advertising_after_advertising_on_any_channel(name):
    """Every preset, one to three channels: weekly counts can put two one-post weeks
    of ads a rotation apart, and a week can end on ads; neither may land twice
    running on one channel."""
    formula = formulas.PRESETS[name]
    for channels in (["vk"], ["vk", "telegram"], ["vk", "telegram", "instagram"]):
        for weeks in (1, 2, 3, 4, 6, 13):
            for per_week in range(1, 22):
                cal = calendar.generate(formula, TOL, START, weeks, per_week, channels)
                for ch in channels:
                    seq = [p.category for p in cal.posts if p.channel == ch]
                    pairs = list(zip(seq, seq[1:]))
                    assert not any(a == b and a in calendar.AD_CATEGORIES for a, b in pairs), \
                        (name, channels, weeks, per_week)


@pytest.mark.parametrize("weeks,per_week", [(1, 1), (1, 21), (52, 1), (52, 21), (4, 5), (13, 3), (7, 17)])
@pytest.mark.parametrize("name", ["golden", "80-20", "thirds", "4-1-1"])
def test_generated_plans_pass_check(weeks, per_week, name):
    made = make_calendar(weeks=weeks, per_week=per_week, formula=name, start=START, goals=["traffic"])
    result = check_bytes(made.text.encode(), "cal.yaml")
    assert not [f for f in result.findings if f.code.startswith(("PLAN", "MIX", "KPI", "BAN")) and
                f.severity == "error"], [(f.code, f.message) for f in result.findings]
    assert made.text.startswith("# yaml-language-server: $schema=")
    assert all(p.status == "idea" for p in result.plan.posts)


def test_kpi_error_without_goals_and_none_with_each_goal():
    bare = check_bytes(make_calendar(weeks=2, start=START).text.encode(), "c.yaml")
    assert "KPI001" in {f.code for f in bare.findings}
    for goal in ("traffic", "awareness", "loyalty", "support"):
        made = check_bytes(make_calendar(weeks=2, start=START, goals=[goal]).text.encode(), "c.yaml")
        assert not [f for f in made.findings if f.code.startswith("KPI") and f.severity == "error"], goal


def test_schema_modeline_matches_the_shipped_plans():
    made = make_calendar(weeks=1, start=START)
    for plan in PLANS.glob("*.yaml"):
        assert plan.read_text(encoding="utf-8").splitlines()[0] == made.text.splitlines()[0]


def test_continuation_compensates_an_ad_heavy_month():
    text = plan_yaml(["AEUAD", "EAUDA", "AEUAE", "DAUEA"])  # 9 ads of 20
    made = make_calendar(weeks=4, source=(text.encode(), "old.yaml"))
    posts = made.calendar.posts
    assert made.header["brand"] == "Test" and made.header["channels"] == ["vk"]
    assert made.calendar.start == START + dt.timedelta(days=28)
    assert made.calendar.per_week == 5
    assert not [p for p in posts if p.category == "advertising"]
    old = check_bytes(text.encode(), "old.yaml")
    formula = old.formula
    shares = tuple(s for _, s in formula.shares)
    before = tuple(r.count for r in old.mix)
    after = tuple(b + sum(p.category == c for p in posts) for b, c in zip(before, formula.categories))
    assert formulas.distance(after, sum(after), shares) / sum(after) < formulas.distance(before, sum(before), shares) / sum(before)
    # and the new plan passes on its own
    assert not [f for f in check_bytes(made.text.encode(), "new.yaml").findings if f.code.startswith("MIX")]


def test_continuing_a_russian_plan_writes_russian():
    src = (PLANS / "kolosok-bakery-ru.yaml").read_bytes()
    made = make_calendar(weeks=2, source=(src, "ru.yaml"))
    assert all(re.search("[А-Яа-я]", p.title) for p in made.calendar.posts)
    assert made.header["language"] == "ru" and made.header["goals"]
    assert {p.type for p in made.calendar.posts} <= {"вовлекающий", "пользовательский", "обучающий", "рекламный",
                                                     "пользовательская"}
    result = check_bytes(made.text.encode(), "new.yaml")
    assert not [f for f in result.findings if f.severity == "error"], [f.message for f in result.findings]


def test_csv_and_ics_parse_back(tmp_path):
    import icalendar

    made = make_calendar(weeks=3, per_week=4, start=START, brand="Coffee Lab")
    posts = made.calendar.posts
    rows = list(csv.DictReader(io.StringIO(export_calendar(made, "csv").lstrip("\ufeff"))))
    assert {"Date", "Time", "Channel", "Type", "Title"} <= set(rows[0])
    assert [(r["Date"], r["Type"], r["Title"]) for r in rows] == [(str(p.date), p.type, p.title) for p in posts]
    ics = icalendar.Calendar.from_ical(export_calendar(made, "ics"))
    events = [c for c in ics.walk("VEVENT")]
    assert len(events) == len(posts)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(export_calendar(made, "ics")).walk("VEVENT")]
    start = events[0].decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime.combine(posts[0].date, dt.time.fromisoformat(posts[0].time))
    assert start.tzinfo is not None  # the machine's zone, never a floating time
    # and through the command
    out = tmp_path / "plan.ics"
    result = CliRunner().invoke(cli.app, ["suggest", "--weeks", "2", "--start", str(START), "--format", "ics",
                                          "-o", str(out)])
    assert result.exit_code == 0 and len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 10


def test_calendar_on_stdout_is_clean_yaml_and_never_overwrites():
    result = run_cli("suggest", "--weeks", "2", "--start", "2026-12-07", "--channels", "vk,telegram",
                     "--goal", "loyalty", "--brand", "Пекарня")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["brand"] == "Пекарня" and len(data["posts"]) == 10
    assert {p["channel"] for p in data["posts"]} == {"vk", "telegram"}
    assert str(data["posts"][0]["date"]) == "2026-12-07"
    listed = run_cli("suggest", "--weeks", "1", "--format", "csv")
    assert listed.stdout.decode("utf-8-sig").splitlines()[0].startswith("Date,Time,Channel,Type,")
    assert "deprecated" in listed.stderr.decode() and "smmplan export" in listed.stderr.decode()


def test_grid_is_drawn_only_where_it_cannot_corrupt_the_yaml(tmp_path):
    out = tmp_path / "c.yaml"
    drawn = CliRunner().invoke(cli.app, ["suggest", "--weeks", "2", "--start", str(START), "-o", str(out),
                                         "--color", "always"])
    assert drawn.exit_code == 0 and "mix:" in drawn.stdout and "ENG" in drawn.stdout
    plain = CliRunner().invoke(cli.app, ["suggest", "--weeks", "2", "--start", str(START)])
    assert "mix:" not in plain.stdout and yaml.safe_load(plain.stdout)["posts"]
    exists = CliRunner().invoke(cli.app, ["suggest", "--weeks", "2", "-o", str(out)])
    assert exists.exit_code == 2


def test_bad_options_are_usage_errors():
    for args in (["--weeks", "2", "--goal", "fame"], ["--weeks", "2", "-n", "30"], ["--weeks", "2", "--formula", "gold"],
                 ["--weeks", "0"], ["--weeks", "2", "--format", "pdf"], ["--weeks", "2", "--start", "soon"]):
        result = CliRunner().invoke(cli.app, ["suggest", *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_check_report_suggests_week_aware_retypes():
    text = plan_yaml(["EAUDA", "AE", "EUDAE"])
    result = check_bytes(text.encode(), "plan.yaml")
    data = result.to_dict()["rebalance"]
    lines = [x for move in data["retype"] for x in move["lines"]]
    sug = rebalance_plan(text.encode(), "plan.yaml")
    assert lines == [r.line for r in sug.retypes]
    assert json.dumps(data)


def test_suggest_uses_the_config_check_would_use(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.smmplan]\nformula = "50-30-20"\ntolerance = 10\n')
    made = run_cli("suggest", "--weeks", "2", "--start", str(START), cwd=tmp_path)
    data = yaml.safe_load(made.stdout)
    assert data["formula"] == "50-30-20" and data["tolerance"] == 10
    assert {p["type"] for p in data["posts"]} <= {"engaging", "educational", "promotional"}
    (tmp_path / "cal.yaml").write_bytes(made.stdout)
    assert run_cli("check", "--isolated", "--select", "MIX,PLAN", "cal.yaml", cwd=tmp_path).returncode == 0


def test_output_of_a_passing_plan_is_the_plan_unchanged(tmp_path):
    out = tmp_path / "same.yaml"
    src = PLANS / "taskwise-b2b-q1.yaml"
    result = CliRunner().invoke(cli.app, ["suggest", str(src), "-o", str(out)])
    assert result.exit_code == 0 and "already passes" in result.stdout
    assert out.read_bytes() == src.read_bytes()


def test_greedy_fallback_for_huge_plans_still_passes():
    """Past the exact search's budget, additions come from a greedy pass: not
    proven smallest (said so), but the plan passes and nothing is removed."""
    formula = formulas.PRESETS["golden"]
    shares = tuple(s for _, s in formula.shares)
    cats = formula.categories
    for weeks in ([(0, 0, 0, 3), (2, 1, 1, 0)], [(3, 0, 0, 0), (0, 3, 0, 0), (0, 0, 0, 2)], [(5, 0, 0, 0), (0, 0, 0, 1)]):
        total = tuple(map(sum, zip(*weeks)))
        rb = planner.rebalance(total, formula, TOL, dict(enumerate(weeks)), retype=False, budget=1)
        assert not rb.exact
        grown = [tuple(w[c] + rb.week_adds.get(i, {}).get(cat, 0) for c, cat in enumerate(cats))
                 for i, w in enumerate(weeks)]
        assert rules_pass(grown, shares, TOL)
        exact = planner.rebalance(total, formula, TOL, dict(enumerate(weeks)), retype=False)
        assert exact.exact and exact.added <= rb.added
