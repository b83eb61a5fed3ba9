"""KPI rules: goals measured by fitting KPIs, figures, UTM tags, support times, progress against actuals."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib.resources import files

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.config import Settings
from smmplan.rules import kpi
from tests.conftest import PLANS, check_text, run_cli

runner = CliRunner()
ROW_KEYS = {"goal", "description", "metric", "source", "basis", "unit", "target", "period_days", "plan_target", "actual",
            "better", "as_of", "elapsed", "done", "expected", "status"}


def kpi_codes(result) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.column) for f in result.findings if f.code.startswith("KPI")]


def one(result, code):
    (f,) = [f for f in result.findings if f.code == code]
    return f


def plan(goals: str, posts: str = "posts: []\n", head: str = "") -> str:
    """A plan with the given `goals:` block (lines start at line 1 + lines in head)."""
    return head + goals + posts


TRAFFIC = """\
goals:
  - kind: traffic
    kpis:
      - metric: site_clicks
        target: 1200
        source: GA4
"""


# --- the vocabulary ------------------------------------------------------------


def test_vocabulary_is_consistent():
    voc = kpi.vocabulary()
    raw = yaml.safe_load(files("smmplan").joinpath("data/kpi_metrics.yaml").read_text(encoding="utf-8"))
    assert set(voc.kinds) == {"traffic", "awareness", "loyalty", "support"}
    for kind, metrics in voc.kinds.items():
        for m in metrics:
            assert m in voc.metrics, f"{kind} lists unknown metric {m}"
            assert kind in voc.metrics[m].kinds
    for name, m in voc.metrics.items():
        assert m.kinds, f"{name} measures no goal kind"
        assert set(m.units) <= {"number", "percent", "duration"} and m.units
        assert m.pacing in {"total", "level"} and m.better in {"higher", "lower"}
    # no alias is claimed by two metrics or two goal kinds (a later one would silently win)
    spellings = [kpi.normalise_word(w) for n, spec in raw["metrics"].items() for w in (n, *spec.get("aliases", ()))]
    assert len(spellings) == len(set(spellings))
    kinds = [kpi.normalise_word(w) for k, spec in raw["goal_kinds"].items() for w in (k, *spec.get("aliases", ()))]
    assert len(kinds) == len(set(kinds))
    assert kpi.vocabulary() is voc  # read once


@pytest.mark.parametrize("raw, kind", [
    ("traffic", "traffic"), ("Sales", "traffic"), ("leads", "traffic"), ("Продажи", "traffic"), ("лиды", "traffic"),
    ("трафик", "traffic"), ("узнаваемость", "awareness"), ("Лояльность", "loyalty"), ("поддержка", "support"),
    ("customer support", "support"), ("brand-awareness", "awareness"),
])
def test_goal_kind_aliases(raw, kind):
    assert kpi.vocabulary().goal_kind(raw) == kind


@pytest.mark.parametrize("raw, metric", [
    ("link_clicks", "site_clicks"), ("Clicks", "site_clicks"), ("CTR", "ctr"), ("ER", "engagement_rate"),
    ("переходы на сайт", "site_clicks"), ("охват", "reach"), ("прирост подписчиков", "followers_growth"),
    ("response-time", "first_response_time"), ("вовлечённость", "engagement_rate"),
])
def test_metric_aliases(raw, metric):
    assert kpi.vocabulary().metric(raw, {}).name == metric


@pytest.mark.parametrize("text, value, unit", [
    ("1200", 1200, "number"), ("1 200", 1200, "number"), ("1,200", 1200, "number"), ("12k", 12000, "number"),
    ("40 000", 40000, "number"), ("4%", 4, "percent"), ("4,5 %", 4.5, "percent"), ("0.8%", 0.8, "percent"),
    ("2h", 2, "duration"), ("30m", 0.5, "duration"), ("1d", 24, "duration"), ("1h 30m", 1.5, "duration"),
    ("90 min", 1.5, "duration"), ("2 часа", 2, "duration"), ("-40", -40, "number"),
])
def test_parse_quantity(text, value, unit):
    q = kpi.parse_quantity(text)
    assert q is not None and q.unit == unit and q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["many", "", "4 %%", "2 parsecs", "1,2,3", "h", "-2h", "about 100"])
def test_parse_quantity_refuses_what_is_not_a_figure(text):
    assert kpi.parse_quantity(text) is None


def test_huge_figures_are_refused_at_once():
    for text in ("1" * 2_000_000 + "%x", "1h" * 1_000_000, "9" * 2_000_000):
        assert kpi.parse_quantity(text) is None
    assert kpi.parse_period("2" * 2_000_000 + " weeks") is None


@pytest.mark.parametrize("text, days", [("month", 30), ("a month", 30), ("2 weeks", 14), ("30 days", 30),
                                        ("quarter", 91), ("неделя", 7), ("year", 365)])
def test_parse_period(text, days):
    assert kpi.parse_period(text) == days


# --- one test per rule, with its position ------------------------------------------


def test_kpi001_no_goals_at_the_top_or_at_the_empty_list():
    assert kpi_codes(check_text("brand: X\nposts: []\n")) == [("KPI001", 1, 1)]
    result = check_text("brand: X\ngoals: []\nposts: []\n")
    assert kpi_codes(result) == [("KPI001", 2, 1)]
    f = one(result, "KPI001")
    assert f.severity == "error" and "traffic" in f.message and "support" in f.message and f.fix


def test_kpi002_goal_measured_only_by_another_family_names_fitting_metrics():
    result = check_text("goals:\n  - kind: traffic\n    kpis:\n      - metric: followers_growth\n"
                        "        target: 500\n        source: VK statistics\nposts: []\n")
    assert kpi_codes(result) == [("KPI002", 3, 5)]
    f = one(result, "KPI002")
    assert "followers_growth" in f.message and "site_clicks, ctr or conversions" in f.message


def test_kpi002_goal_without_kpis_points_at_the_goal():
    result = check_text("goals:\n  - kind: loyalty\n    description: A loyal community\nposts: []\n")
    assert kpi_codes(result) == [("KPI002", 2, 5)]
    assert "engagement_rate" in one(result, "KPI002").message


def test_kpi002_not_raised_when_one_kpi_fits_or_metric_is_unknown():
    ok = TRAFFIC + "      - {metric: reach, target: 100, source: VK}\nposts: []\n"
    assert kpi_codes(check_text(ok)) == []
    typo = "goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clikcs, target: 5, source: GA4}\nposts: []\n"
    assert [c for c, *_ in kpi_codes(check_text(typo))] == ["KPI006"]  # one finding, not two


def test_kpi003_missing_target():
    result = check_text("goals:\n  - kind: traffic\n    kpis:\n      - metric: site_clicks\n        source: GA4\n"
                        "posts: []\n")
    assert kpi_codes(result) == [("KPI003", 4, 9)]
    assert "count like `1200`" in one(result, "KPI003").message


@pytest.mark.parametrize("kpi_line, culprit, words", [
    ("{metric: site_clicks, target: many, source: GA4}", "many", ["`many`", "count like `1200`"]),
    ("{metric: site_clicks, target: 4%, source: GA4}", "4%", ["`4%`", "a percent", "ctr or conversion_rate"]),
    ("{metric: engagement_rate, target: 4, source: IG}", "4,", ["`4`", "percent like `4%`"]),
    ("{metric: first_response_time, target: 120, source: Helpdesk}", "120", ["duration like `2h`"]),
    ("{metric: site_clicks, target: 0, source: GA4}", "0,", ["not above zero"]),
    ("{metric: site_clicks, target: 100, actual: 5%, source: GA4}", "5%", ["actual", "`5%`"]),
    ("{metric: followers_growth, target: 100, baseline: 10%, source: VK}", "10%", ["baseline", "`10%`"]),
    ("{metric: site_clicks, target: 100, period: fortnightish, source: GA4}", "fortnightish", ["`fortnightish`", "month"]),
    ("{metric: engagement_rate, target: 4%, basis: likes, source: IG}", "likes", ["`likes`", "reach, followers"]),
])
def test_kpi004_invalid_figures(kpi_line, culprit, words):
    line = f"      - {kpi_line}"
    result = check_text(f"goals:\n  - kind: loyalty\n    kpis:\n{line}\n"
                        "      - {metric: comments, target: 10, source: IG}\nposts: []\n")
    f = one(result, "KPI004")
    assert (f.line, f.column) == (4, line.index(": " + culprit) + 3)
    assert f.severity == "error"
    for w in words:
        assert w in f.message + " " + (f.fix or ""), (w, f.message, f.fix)


def test_kpi005_missing_source_is_a_warning():
    result = check_text("goals:\n  - kind: traffic\n    kpis:\n      - metric: site_clicks\n        target: 10\n"
                        "posts: []\n")
    assert kpi_codes(result) == [("KPI005", 4, 9)]
    assert one(result, "KPI005").severity == "warning"


def test_kpi006_unknown_metric_did_you_mean_and_custom_metrics():
    text = "goals:\n  - kind: traffic\n    kpis:\n      - {metric: newsletter_signups, target: 50, source: ESP}\n" \
           "posts: []\n"
    assert kpi_codes(check_text(text)) == [("KPI006", 4, 18)]
    assert kpi_codes(check_text(text, Settings(custom_metrics={"newsletter_signups": "traffic"}))) == []
    assert kpi_codes(check_text(text, Settings(custom_metrics={"Newsletter Signups": "продажи"}))) == []
    # declared for another goal kind: known, but it does not measure a traffic goal
    assert [c for c, *_ in kpi_codes(check_text(text, Settings(custom_metrics={"newsletter_signups": "loyalty"})))] \
        == ["KPI002"]
    # a built-in metric can be declared for one more kind
    loyal = "goals:\n  - kind: loyalty\n    kpis:\n      - {metric: mentions, target: 50, source: Brand24}\n" \
            "posts: []\n"
    assert [c for c, *_ in kpi_codes(check_text(loyal))] == ["KPI002"]
    assert kpi_codes(check_text(loyal, Settings(custom_metrics={"mentions": "loyalty"}))) == []
    assert kpi_codes(check_text(loyal, Settings(custom_metrics={"brand_mentions": "лояльность"}))) == []  # an alias
    typo = check_text(text.replace("newsletter_signups", "enagement_rate"))
    assert "Did you mean `engagement_rate`?" in one(typo, "KPI006").message


def test_kpi007_unknown_goal_kind():
    result = check_text("goals:\n  - kind: trafic\n    kpis:\n      - {metric: site_clicks, target: 5, source: GA4}\n"
                        "posts: []\n")
    assert kpi_codes(result) == [("KPI007", 2, 11)]
    assert "Did you mean `traffic`?" in one(result, "KPI007").message


def test_findings_point_at_the_right_goal_when_an_earlier_goal_is_invalid():
    result = check_text("goals:\n  - kind: traffic\n    kpis:\n      - {target: 5}\n"  # no metric: set aside
                        "  - kind: trafic\n    kpis:\n      - {metric: site_clicks, target: 5, source: GA4}\n"
                        "posts: []\n")
    assert ("KPI007", 5, 11) in kpi_codes(result)
    assert any(f.code == "PLAN006" for f in result.findings)


LINK_PLAN = TRAFFIC + "posts:\n" + "".join(
    f"  - date: 2026-12-0{i + 1}\n    type: engaging\n    title: Post {i}\n    link: {link}\n{extra}"
    for i, (link, extra) in enumerate([
        ("https://x.example/a", ""),  # line 8-11: no tags
        ("https://x.example/b?utm_source=vk&utm_medium=social&utm_campaign=w", ""),  # fine
        ("https://x.example/c?utm_source=vk&utm_medium=&utm_campaign=w", ""),  # empty medium
        ("https://x.example/d", "    status: cancelled\n"),  # cancelled: ignored
        ("mailto:hello@x.example", ""),  # not a web link
    ])
)


def test_kpi008_links_without_utm_tags_on_traffic_plans():
    result = check_text(LINK_PLAN)
    assert kpi_codes(result) == [("KPI008", 11, 11), ("KPI008", 19, 11)]
    first, second = [f for f in result.findings if f.code == "KPI008"]
    assert "utm_source, utm_medium, utm_campaign" in first.message and "no UTM tags" in first.message
    assert "https://x.example/a?utm_source=<network>&utm_medium=social&utm_campaign=<campaign>" in first.fix
    assert "lacks utm_medium" in second.message and "utm_medium=social&" in second.fix
    # without a traffic goal, untagged links are fine
    other = LINK_PLAN.replace("kind: traffic", "kind: awareness").replace("site_clicks", "reach")
    assert [c for c in kpi_codes(check_text(other)) if c[0] == "KPI008"] == []


@pytest.mark.parametrize("medium, sponsored, flagged", [
    ("cpc", False, True), ("ppc", False, True), ("paid_social", False, True), ("CPM", False, True),
    ("social", False, False), ("social", True, True), ("email", True, True), ("cpc", True, False),
    ("paid", True, False),
])
def test_kpi009_paid_medium_must_match_sponsored(medium, sponsored, flagged):
    text = TRAFFIC + ("posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Post\n"
                      f"    sponsored: {'yes' if sponsored else 'no'}\n"
                      f"    link: https://x.example/?utm_source=vk&utm_medium={medium}&utm_campaign=w\n")
    found = kpi_codes(check_text(text))
    assert found == ([("KPI009", 12, 11)] if flagged else [])
    if flagged:
        assert f"utm_medium={medium}" in one(check_text(text), "KPI009").message


@pytest.mark.parametrize("extra, expected", [
    ("", [("KPI010", 2, 5)]),
    ("    response_time: fast\n", [("KPI010", 3, 20)]),
    ("    response_time: 2h\n", []),
    ("    response_time: 24h\n", []),
    ("    response_time: 1d 1h\n", [("KPI011", 3, 20)]),
    ("    response_time: 3d\n", [("KPI011", 3, 20)]),
])
def test_kpi010_kpi011_support_response_time(extra, expected):
    text = ("goals:\n  - kind: поддержка\n" + extra
            + "    kpis:\n      - {metric: questions_resolved, target: 100, source: Helpdesk}\nposts: []\n")
    assert kpi_codes(check_text(text)) == expected


@pytest.mark.parametrize("weeks", [1, 2, 4, 9])
@pytest.mark.parametrize("baseline", [1, 150, 1000, 3200])
def test_kpi012_follower_growth_limit_is_doubling_a_month_scaled_by_plan_length(weeks, baseline):
    for target in sorted({1, baseline // 2, baseline * weeks * 7 // 30, baseline * weeks * 7 // 30 + 1, baseline * 3}):
        if target <= 0:
            continue
        text = (f"weeks: {weeks}\ngoals:\n  - kind: awareness\n    kpis:\n"
                f"      - {{metric: followers_growth, target: {target}, baseline: {baseline}, source: VK}}\nposts: []\n")
        found = kpi_codes(check_text(text))
        credible = target / baseline <= weeks * 7 / 30
        assert found == ([] if credible else [("KPI012", 5, 44)]), (weeks, baseline, target)


def test_kpi012_percent_targets_and_the_pointer_to_honesty_rules():
    text = "weeks: 4\ngoals:\n  - kind: awareness\n    kpis:\n      - {metric: followers_growth, target: 150%, source: VK}\n" \
           "posts: []\n"
    f = one(check_text(text), "KPI012")
    assert "150%" in f.message and "+93 %" in f.message and "BAN" in f.message and f.severity == "warning"
    assert kpi_codes(check_text(text.replace("150%", "60%"))) == []
    # no baseline and a count: nothing to judge against
    assert kpi_codes(check_text(text.replace("150%", "90000"))) == []


# --- progress against actuals ------------------------------------------------------

PROGRESS = """\
start: 2026-12-01
weeks: 4
{as_of}goals:
  - kind: traffic
    kpis:
      - {{metric: site_clicks, target: 1200, actual: 600, source: GA4}}
      - {{metric: conversions, target: 90, actual: 30, source: GA4}}
  - kind: loyalty
    kpis:
      - {{metric: engagement_rate, target: 4%, actual: 4.6%, source: IG}}
  - kind: support
    response_time: 2h
    kpis:
      - {{metric: first_response_time, target: 2h, actual: 90m, source: Helpdesk}}
      - {{metric: resolution_rate, target: 90%, source: Helpdesk}}
posts: []
"""


def rows(text: str, settings: Settings | None = None) -> dict[str, dict]:
    result = check_text(text, settings)
    return {r["metric"]: r for r in result.to_dict()["kpis"]}


def test_progress_linear_pacing_and_statuses():
    r = rows(PROGRESS.format(as_of="as_of: 2026-12-15\n"))  # 14 of 28 days gone
    clicks, conv, er, frt, res = (r[m] for m in ("site_clicks", "conversions", "engagement_rate",
                                                 "first_response_time", "resolution_rate"))
    assert clicks["elapsed"] == 0.5 and clicks["expected"] == 600 and clicks["done"] == 50.0
    assert clicks["status"] == "on track"
    assert conv["expected"] == 45 and conv["status"] == "behind"  # 30 / 45 = 67 %
    assert er["expected"] == 4 and er["status"] == "ahead" and er["unit"] == "percent"  # a level: 4.6 / 4
    assert er["basis"] == "reach" and clicks["basis"] is None  # engagement is by reach unless the KPI says
    assert frt["unit"] == "hours" and frt["better"] == "lower" and frt["status"] == "ahead"  # 1.5 h under 2 h
    assert frt["done"] == pytest.approx(2 / 1.5 * 100, abs=0.1)
    assert res["actual"] is None and res["status"] is None and res["done"] is None
    assert {row["as_of"] for row in r.values()} == {"2026-12-15"}


@pytest.mark.parametrize("day, elapsed", [("2026-11-20", 0), ("2026-12-01", 0), ("2026-12-08", 0.25),
                                          ("2026-12-29", 1), ("2027-03-01", 1)])
def test_expected_by_now_is_target_times_elapsed_share(day, elapsed):
    r = rows(PROGRESS.format(as_of=f"as_of: {day}\n"))
    assert r["site_clicks"]["elapsed"] == elapsed
    assert r["site_clicks"]["expected"] == pytest.approx(1200 * elapsed)
    assert r["engagement_rate"]["expected"] == 4  # levels do not pace


def test_command_line_as_of_beats_the_plan_which_beats_today():
    text = PROGRESS.format(as_of="")
    assert rows(text, Settings(as_of=dt.date(2026, 12, 8)))["site_clicks"]["as_of"] == "2026-12-08"
    assert rows(text)["site_clicks"]["as_of"] == dt.date.today().isoformat()
    pinned = PROGRESS.format(as_of="as_of: 2026-12-15\n")
    assert rows(pinned)["site_clicks"]["as_of"] == "2026-12-15"
    assert rows(pinned, Settings(as_of=dt.date(2026, 12, 8)))["site_clicks"]["as_of"] == "2026-12-08"


def test_plan_without_weeks_runs_to_its_last_post_and_per_period_targets_add_up():
    text = ("start: 2026-12-01\nas_of: 2026-12-06\ngoals:\n  - kind: loyalty\n    kpis:\n"
            "      - {metric: comments, target: 100, actual: 50, source: IG}\n"
            "      - {metric: shares, target: 70, period: week, actual: 50, source: IG}\n"
            "posts:\n  - {date: 2026-12-01, type: engaging, title: A}\n  - {date: 2026-12-10, type: engaging, title: B}\n")
    r = rows(text)  # 10 days, 5 gone
    assert r["comments"]["elapsed"] == 0.5 and r["comments"]["expected"] == 50 and r["comments"]["status"] == "on track"
    shares = r["shares"]  # 70 a week over 10 days = 100 for the plan, 50 by now
    assert shares["period_days"] == 7 and shares["plan_target"] == 100 and shares["expected"] == 50
    assert shares["done"] == 50.0 and shares["status"] == "on track"


@given(target=st.integers(1, 10**6), actual=st.integers(0, 2 * 10**6), elapsed=st.fractions(0, 1),
       pacing=st.sampled_from(["total", "level"]), better=st.sampled_from(["higher", "lower"]))
def test_pace_status_follows_the_documented_thresholds(target, actual, elapsed, pacing, better):
    done, expected, status = kpi.pace(target, actual, pacing, better, float(elapsed))
    assert status in kpi.STATUSES
    want = target * float(elapsed) if pacing == "total" else target
    assert expected == pytest.approx(want)
    if better == "higher" and expected > 0:
        ratio = actual / expected
        assert status == ("ahead" if ratio >= 1.1 else "behind" if ratio < 0.9 else "on track")
        assert done == pytest.approx(actual / target * 100)
    if better == "lower" and actual > 0:
        ratio = expected / actual
        assert status == ("ahead" if ratio >= 1.1 else "behind" if ratio < 0.9 else "on track")
    # more of a higher-is-better figure never makes the status worse
    if better == "higher":
        _, _, more = kpi.pace(target, actual + 1, pacing, better, float(elapsed))
        assert kpi.STATUSES.index(more) <= kpi.STATUSES.index(status)


@pytest.mark.parametrize("actual, status", [(110, "ahead"), (109, "on track"), (90, "on track"), (89, "behind")])
def test_status_boundaries(actual, status):
    assert kpi.pace(200, actual, "total", "higher", 0.5)[2] == status


# --- reports and the command line ------------------------------------------------


def test_json_carries_the_kpis_with_status_words(write_plan):
    path = write_plan(PROGRESS.format(as_of=""))
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", "2026-12-15"])
    doc = json.loads(result.stdout)
    (p,) = doc["plans"]
    assert len(p["kpis"]) == 5
    for row in p["kpis"]:
        assert set(row) == ROW_KEYS
        assert row["status"] in (*kpi.STATUSES, None)
    assert [r["status"] for r in p["kpis"]] == ["on track", "behind", "ahead", "ahead", None]
    proc = run_cli("check", str(path), "--format", "json", "--as-of", "2026-12-22")
    via_process = json.loads(proc.stdout)["plans"][0]["kpis"]
    assert via_process[0]["expected"] == 900 and via_process[0]["status"] == "behind"  # 600 of 900


def test_text_report_shows_the_kpi_table_under_the_mix_table(write_plan):
    text = PROGRESS.format(as_of="as_of: 2026-12-15\n").replace(
        "posts: []\n", "posts:\n  - {date: 2026-12-01, type: engaging, title: A, link: 'https://x.example/'}\n")
    path = write_plan(text)
    proc = run_cli("check", str(path), "--color", "never")
    out = proc.stdout.decode()
    assert proc.returncode == 0  # KPI008 is a warning
    assert out.index("category") < out.index("Goals and KPIs") < out.index("KPI008")
    assert "as of 2026-12-15, 50 % of the plan's period gone" in out
    row = next(line for line in out.splitlines() if "site_clicks" in line)
    assert re.search(r"traffic\s+site_clicks\s+1,200\s+600\s+50 %\s+600\s+on track", row), row
    assert re.search(r"first_response_time\s+2 h\s+1.5 h\s+133 %\s+2 h\s+ahead", out)
    coloured = runner.invoke(app, ["check", str(path), "--color", "always"]).stdout
    assert "\x1b[1;31mbehind" in coloured and "\x1b[32mahead" in coloured


def test_shipped_plans_have_kpis_for_every_goal_and_no_kpi_findings_on_any_date():
    for path in sorted(PLANS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        n = sum(len(g["kpis"]) for g in data["goals"])
        for day in ("2026-01-01", "2026-12-15", "2027-02-01", "2030-01-01"):
            result = runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", day])
            doc = json.loads(result.stdout)
            assert [f for f in doc["findings"] if f["code"].startswith("KPI")] == [], (path.name, day)
            assert len(doc["plans"][0]["kpis"]) == n


def test_post_findings_point_at_the_file_post_when_an_earlier_post_is_invalid():
    result = check_text(TRAFFIC + "posts:\n  - {date: 2026-12-01, type: engaging}\n"  # no title: set aside
                        "  - {date: 2026-12-02, type: engaging, title: B, link: 'https://x.example/'}\n")
    assert [c for c in kpi_codes(result)] == [("KPI008", 9, 56)]


def test_custom_metrics_from_the_configuration_reach_the_rules(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.smmplan]\ncustom-metrics = { newsletter_signups = "leads" }\n')
    (tmp_path / "p.yaml").write_text("goals:\n  - kind: traffic\n    kpis: [{metric: newsletter_signups, "
                                     "target: 50, source: ESP}]\nposts: []\n")
    configured = run_cli("check", "p.yaml", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(configured.stdout)["findings"] if f["code"].startswith("KPI")] == []
    isolated = run_cli("check", "p.yaml", "--format", "json", "--isolated", cwd=tmp_path)
    assert [f["code"] for f in json.loads(isolated.stdout)["findings"] if f["code"].startswith("KPI")] == ["KPI006"]


def test_figures_are_written_for_people():
    from smmplan.figures import format_quantity

    assert [format_quantity(v, u) for v, u in ((1200, "number"), (4, "percent"), (2, "duration"), (0.5, "hours"),
                                               (None, "number"), (2.25, "number"), (150, "percent"))] == [
        "1,200", "4 %", "2 h", "30 min", "—", "2.25", "150 %"]
