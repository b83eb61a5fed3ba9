"""What the page shows, worked out from a checked plan (a PlanResult).

Plain data only (dicts, lists, strings, numbers): the templates lay it out and
escape every string, so nothing here produces HTML. Words the page writes
itself come from :mod:`smmplan.page.labels`; colours from
:mod:`smmplan.page.theme`; the chart geometry is computed here so the SVG
templates only draw.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from types import SimpleNamespace as Item  # what a template reads often: attributes, Jinja2's fast path
from typing import Any
from urllib.parse import urlsplit

from smmplan.page import theme
from smmplan.page.labels import Words

MAX_TITLE = 300  # characters of a title shown on a card (a hostile plan can hold megabytes)
MAX_WORD = 60  # channel, type, rubric, status as written
FAMILIES = ("BAN", "FLOW", "MIX", "RUB", "KPI", "PLT", "PLAN", "SMM")  # the order findings are told in: honesty first
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_POST_REF = re.compile(r"^posts\[(\d+)\]")


def clip(text: Any, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def safe_url(value: Any) -> str | None:
    """`value` if it is an absolute http(s) address a link may point to, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > 2000 or _SPACE_OR_CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _hhmm(t: dt.time | None) -> str:
    return f"{t.hour:02d}:{t.minute:02d}" if t is not None else ""


def build(result: Any, lang: str, made: dt.date, version: str, source: str) -> dict[str, Any]:
    """Everything the page template needs for one checked plan, in the page's language."""
    from smmplan.locale import speaking

    with speaking(lang):  # figures and words made here (smmplan.figures) follow it too
        return _build(result, lang, made, version, source)


def _build(result: Any, lang: str, made: dt.date, version: str, source: str) -> dict[str, Any]:
    w = Words(lang)
    plan = result.plan
    formula = result.formula
    infos = list(result.posts)
    categories = list(formula.categories) if formula is not None else []
    slots = {c: i for i, c in enumerate(categories)}
    types = [{"key": c, "name": w.category(c), "css": f"t{i % len(theme.TYPE_COLOURS)}"}
             for i, c in enumerate(categories)]
    if any(p.category is None for p in infos):
        types.append({"key": None, "name": w("unknown_type"), "css": "tx"})

    rubrics: dict[str, int] = {}  # rubric -> colour slot: the plan's own list first, then as posts name them
    for rubric in getattr(plan, "rubrics", None) or ():
        name = getattr(rubric, "name", None)
        if isinstance(name, str) and name.strip() and clip(name, MAX_WORD) not in rubrics:
            rubrics[clip(name, MAX_WORD)] = len(rubrics)
    cards = []
    for p in infos:
        cards.append(_card(p, w, slots, rubrics))
    cards.sort(key=lambda c: (c.date, c.sort_time, c.order))

    return {
        "lang": lang,
        "w": w,
        "head": _head(result, w, made),
        "source": source,
        "version": version,
        "types": types,
        "rubrics": [{"name": name, "css": f"r{i % len(theme.RUBRIC_COLOURS)}"} for name, i in rubrics.items()],
        "statuses": [{"key": s, "name": w.status(s)} for s in
                     ("idea", "draft", "review", "approved", "scheduled", "published", "cancelled")],
        "months": _months(cards, result, plan, w),
        "card_count": len(cards),
        "status_counts": _status_counts(result, w),
        "mix": _mix(result, w, slots),
        "weekly": _weekly(result, infos, w, categories, slots),
        "kpis": _kpis(result, w),
        "waiting": _waiting(result, w, infos),
        "problems": _problems(result, w, infos),
    }


def _head(result: Any, w: Words, made: dt.date) -> dict[str, Any]:
    plan = result.plan
    client = getattr(plan, "client", None)
    start = getattr(plan, "start", None) or result.start
    end = result.end
    weeks = getattr(plan, "weeks", None)
    if start is not None and weeks:
        end = start + dt.timedelta(days=7 * weeks - 1)
    formula = result.formula
    shares = []
    if formula is not None:
        shares = [f"{w.quantity(f'{float(s * 100):.4g}')} % {w.category(c)}" for c, s in formula.shares]
    as_of = (result.sections.get("due_window") or {}).get("from")
    return {
        "brand": clip(getattr(plan, "brand", None), 200) or None,
        "start": start,
        "end": end,
        "period": f"{w.day(start)} – {w.day(end)}" if start and end else None,
        "formula": formula.name if formula is not None else None,
        "shares": " · ".join(shares),
        "tolerance": w("tolerance", pp=w.quantity(f"{float(result.tolerance * 100):g}")) if formula is not None else "",
        "client": clip(getattr(client, "name", None), 200) or None,
        "contact": clip(getattr(client, "contact", None), 200) or None,
        "approver": clip(getattr(client, "approver", None), 200) or None,
        "made": w.day(made),
        "made_iso": made.isoformat(),
        "as_of": w.day(dt.date.fromisoformat(as_of)) if as_of else None,
        "as_of_iso": as_of,
        "posts": w.count(len(result.posts)),
    }


def _card(p: Any, w: Words, slots: dict[str, int], rubrics: dict[str, int]) -> Item:
    post = p.post
    slot = slots.get(p.category) if p.category is not None else None
    rubric = getattr(post, "rubric", None)  # a plan's own rubrics, where the model has them
    rubric = clip(rubric, MAX_WORD) if isinstance(rubric, str) and rubric.strip() else None
    if rubric is not None and rubric not in rubrics:
        rubrics[rubric] = len(rubrics)
    status = p.status
    if status is None:
        status_label = f"{clip(post.status, MAX_WORD)}?"
    else:
        status_label = w.status(status)
    link = safe_url(post.link)
    permalink = safe_url(getattr(post, "permalink", None))
    return Item(
        id=f"post-{p.index}",
        order=p.index,
        date=post.date,
        time=_hhmm(post.time),
        datetime=f"{post.date.isoformat()}T{_hhmm(post.time)}" if post.time else None,
        sort_time=post.time or dt.time(0),
        channel=clip(post.channel, MAX_WORD) or None,
        title=clip(post.title, MAX_TITLE),
        type=w.category(p.category) if p.category is not None else clip(post.type, MAX_WORD),
        known_type=p.category is not None,
        slot="x" if slot is None else slot % len(theme.TYPE_COLOURS),
        rubric=rubric,
        rubric_slot=rubrics[rubric] % len(theme.RUBRIC_COLOURS) if rubric is not None else None,
        status=status or "unknown",
        status_label=status_label,
        link=link,
        link_text=None if link or not post.link else clip(post.link, 120),
        permalink=permalink,
    )


def _months(cards: list[Item], result: Any, plan: Any, w: Words) -> list[dict[str, Any]]:
    """Calendar months, Monday-first weeks, each post on its day (once: days of the next or
    previous month are left blank). Months with posts, and those of the plan's period; weeks
    wholly before or after the plan (its period and its posts) are left out."""
    by_day: dict[dt.date, list] = {}
    for c in cards:
        by_day.setdefault(c.date, []).append(c)
    days = list(by_day)
    start = getattr(plan, "start", None)
    weeks = getattr(plan, "weeks", None)
    if start is not None and weeks:
        days += [start, start + dt.timedelta(days=7 * weeks - 1)]
    if not days:
        return []
    lo, hi = min(days), max(days)
    keys = {(d.year, d.month) for d in by_day}
    if start is not None and weeks:
        y, m = start.year, start.month
        while (y, m) <= (hi.year, hi.month):
            keys.add((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    cal = calendar.Calendar(firstweekday=0)
    out = []
    for y, m in sorted(keys):
        weeks_out = []
        count = 0
        for week in cal.monthdatescalendar(y, m):
            if week[-1] < lo or week[0] > hi:
                continue
            row = []
            for d in week:
                inside = d.month == m
                posts = by_day.get(d, []) if inside else []
                count += len(posts)
                row.append(Item(date=d, iso=d.isoformat(), label=w.day_short(d) if inside else "",
                                inside=inside, posts=posts))
            weeks_out.append(row)
        out.append({"year": y, "month": m, "id": f"m{y:04d}-{m:02d}", "weeks": weeks_out, "count": count})
    return out


def _status_counts(result: Any, w: Words) -> list[dict[str, Any]]:
    counts = result.sections.get("statuses") or {}
    return [{"key": k, "name": w.status(k), "n": n} for k, n in counts.items() if n]


# --- the mix: geometry for the SVG charts ----------------------------------------------

CHART_W = 420  # viewBox width of both charts: text stays legible on a 360 px phone
LABEL_W = 0  # the whole-plan chart writes its labels above the bars


def _mix(result: Any, w: Words, slots: dict[str, int]) -> dict[str, Any] | None:
    rows = result.mix
    if not rows:
        return None
    n = sum(r.count for r in rows)
    top = max([r.share for r in rows] + [r.target + float(result.tolerance) for r in rows] + [0.1])
    scale = min(1.0, (int(top * 10) + 1) / 10)  # the axis: the next 10 % above every bar and band
    bar_x, bar_w = LABEL_W, CHART_W - LABEL_W - 10
    row_h = 64  # the type and its share, the bar, then the target and the verdict
    out = []
    for i, r in enumerate(rows):
        y = 24 + i * row_h
        lo = r.low / n if n else max(0.0, r.target - float(result.tolerance))
        hi = r.high / n if n else min(1.0, r.target + float(result.tolerance))
        slot = slots.get(r.category)
        out.append({
            "category": r.category,
            "name": w.category(r.category),
            "count": r.count,
            "share": w.quantity(f"{r.share * 100:.1f} %"),
            "target": w.quantity(f"{r.target * 100:.4g} %"),
            "allowed": f"{r.low}–{r.high}" if r.low < r.high else str(r.low),
            "ok": r.ok,
            "state": w("ok") if r.ok else w("off"),
            "colour": theme.type_colours(slot)[0],
            "y": y,
            "bar_y": y + 8,
            "bar_h": 16,
            "note_y": y + 8 + 16 + 15,
            "bar_w": round(min(r.share, scale) / scale * bar_w, 1),
            "band_x": round(bar_x + min(lo, scale) / scale * bar_w, 1),
            "band_w": round(max(0.0, min(hi, scale) - min(lo, scale)) / scale * bar_w, 1),
            "target_x": round(bar_x + min(r.target, scale) / scale * bar_w, 1),
        })
    ticks = [{"x": round(bar_x + k / 10 / scale * bar_w, 1), "label": f"{k * 10} %"}
             for k in range(0, int(round(scale * 10)) + 1, 1 if scale <= 0.5 else 2)]
    return {"rows": out, "width": CHART_W, "height": 24 + len(rows) * row_h + 4, "bar_x": bar_x,
            "bar_w": bar_w, "ticks": ticks, "axis_y": 24 + len(rows) * row_h - 4, "total": n}


def _weekly(result: Any, infos: list, w: Words, categories: list[str], slots: dict[str, int]) -> dict[str, Any] | None:
    formula = result.formula
    if formula is None or not infos or result.start is None:
        return None
    off = {f.data["week"] - 1 for f in result.findings
           if f.code == "MIX002" and isinstance(f.data, dict) and isinstance(f.data.get("week"), int)}
    weeks: dict[int, list[int]] = {}
    for p in infos:
        if p.counted and p.category in slots:
            weeks.setdefault(p.week, [0] * len(categories))[slots[p.category]] += 1
    if not weeks:
        return None
    bar_x, bar_w = 70, CHART_W - 70 - 4
    row_h = 26

    def segments(values: list[float], total: float, labels: list[str]) -> list[dict[str, Any]]:
        x = float(bar_x)
        out = []
        for i, (v, label) in enumerate(zip(values, labels)):
            width = v / total * bar_w if total else 0
            if width > 0:
                out.append(Item(x=round(x, 1), w=round(width, 1), colour=theme.type_colours(i)[0],
                                name=w.category(categories[i]), label=label, show=width >= 9 * max(1, len(label))))
            x += width
        return out

    shares = [float(s) for _, s in formula.shares]
    def tooltip(label: str, segs: list[dict[str, Any]]) -> str:
        return f"{label}: " + ", ".join(f"{s.name} {s.label}" for s in segs)

    target = segments(shares, 1.0, [w.quantity(f"{s * 100:.3g}%") for s in shares])
    rows = [Item(label=w("target"), title=w("target"), y=8, target=True, off=False, segments=target,
                 tooltip=tooltip(w("target"), target), counts=[w.quantity(f"{s * 100:.4g} %") for s in shares])]
    for k, week in enumerate(sorted(weeks)):
        counts = weeks[week]
        first = result.start + dt.timedelta(days=7 * week)
        title = w("week_of_off" if week in off else "week_of", date=w.day(first))
        segs = segments(counts, sum(counts), [str(c) for c in counts])
        rows.append(Item(label=f"{first.day:02d}.{first.month:02d}" + (" ✕" if week in off else ""), off=week in off,
                         title=title, tooltip=tooltip(title, segs),
                         y=8 + (k + 1) * row_h + 6, target=False, segments=segs, counts=[str(c) for c in counts]))
    return {"rows": rows, "width": CHART_W, "height": rows[-1].y + row_h + 4, "bar_x": bar_x, "bar_w": bar_w,
            "bar_h": row_h - 8, "names": [w.category(c) for c in categories],
            "any_off": bool(off)}


# --- KPIs, waiting posts, findings -------------------------------------------------------

def _kpis(result: Any, w: Words) -> dict[str, Any] | None:
    rows = result.sections.get("kpis") or []
    if not rows:
        return None
    from smmplan.figures import format_quantity

    out = []
    for r in rows:
        target = w.quantity(format_quantity(r["target"], r["unit"]))
        if r["period_days"]:
            target += f" / {w.per(r['period_days'])}"
        done = r["done"]
        out.append({
            "goal": w.goal(clip(r["goal"], MAX_WORD)),
            "description": clip(r["description"], 200) or None,
            "metric": clip(r["metric"], MAX_WORD).replace("_", " "),
            "source": clip(r["source"], 120) or None,
            "target": target,
            "actual": w.quantity(format_quantity(r["actual"], r["unit"])),
            "expected": w.quantity(format_quantity(r["expected"], r["unit"])),
            "done": None if done is None else f"{done:.0f} %",
            "bar": None if done is None else max(0.0, min(100.0, float(done))),
            "status": r["status"],
            "status_key": (r["status"] or "none").replace(" ", "-"),
            "status_label": w.kpi_status(r["status"]),
        })
    elapsed = rows[0].get("elapsed")
    return {"rows": out, "note": w("kpis_note", done=f"{elapsed * 100:.0f} %") if elapsed is not None else ""}


def _post_lookup(infos: list) -> dict[int, Any]:
    return {p.index: p.post for p in infos}


def _waiting(result: Any, w: Words, infos: list) -> dict[str, Any]:
    rows = result.sections.get("waiting") or []
    approver = clip(getattr(getattr(result.plan, "client", None), "approver", None), 200) or w("waiting_client")
    ids = {}
    for p in infos:  # the flow rows carry the line; match them to posts by date and title
        ids.setdefault((p.post.date.isoformat(), p.post.title), f"post-{p.index}")
    out = []
    for r in rows:
        date = dt.date.fromisoformat(r["date"])
        out.append({"date": w.day(date), "date_iso": r["date"], "time": r["time"] or "",
                    "channel": clip(r["channel"], MAX_WORD) or "—", "title": clip(r["title"], MAX_TITLE),
                    "href": "#" + ids[(r["date"], r["title"])] if (r["date"], r["title"]) in ids else None})
    n = len(out)
    return {"rows": out, "lead": w.waiting(n, approver) if n else w("waiting_none")}


def _family(code: str) -> str:
    return code.rstrip("0123456789")


# "(line 4)", "(lines 4, 7 and 9)", " at line 4", and the same in Russian: "(строка 4)", "(строки 4 и 7)"
_LINE_REFS = re.compile(r" ?\((?:lines?|строк[аи]) \d+(?:(?:, | and | и )\d+)*\)| at lines? \d+(?:(?:, | and )\d+)*")


def plain(message: str, path: str, w: Words) -> str:
    """A finding's message for the client: the file's path becomes "the plan", and references
    to lines of the file go (the page points at the post itself)."""
    if path:
        message = message.replace(path, w("the_plan"))
    return _LINE_REFS.sub("", message)


def _problems(result: Any, w: Words, infos: list) -> dict[str, Any]:
    posts = _post_lookup(infos)
    groups: dict[str, list] = {}
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        ref = None
        m = _POST_REF.match(f.where or "")
        if m and int(m[1]) in posts:
            post = posts[int(m[1])]
            ref = {"date": w.day(post.date), "title": clip(post.title, 120), "href": f"#post-{int(m[1])}"}
        groups.setdefault(_family(f.code), []).append({
            "severity": f.severity,
            "severity_label": w.severity(f.severity),
            "message": plain(f.message, result.path, w),
            "fix": plain(f.fix, result.path, w) if f.fix else None,
            "code": f.code,
            "name": f.name,
            "post": ref,
        })
    families = []
    for fam in sorted(groups, key=lambda x: FAMILIES.index(x) if x in FAMILIES else len(FAMILIES)):
        items = sorted(groups[fam], key=lambda x: SEVERITY_ORDER.get(x["severity"], 3))
        label = w.family(fam) if fam in FAMILIES else w.family("")
        sev = {s: sum(i["severity"] == s for i in items) for s in SEVERITY_ORDER}
        families.append({"key": fam, "title": label, "items": items, "counts": sev,
                         "worst": min((i["severity"] for i in items), key=lambda s: SEVERITY_ORDER.get(s, 3))})
    return {
        "families": families,
        "counts": counts,
        "total": len(result.findings),
        "lead": w("problems_count", errors=counts["error"], warnings=counts["warning"], infos=counts["info"])
        if result.findings else w("problems_none"),
        "unreadable": result.plan is None,
    }
