"""`--format text`: the rich report for people.

Per plan: a header, the mix table with bars, the findings grouped by family
(each with the source line and a caret under the culprit), the suggested
rebalancing, and any extra sections rule families supply (goals and KPIs,
posts due). Colour only on a terminal, or when asked; NO_COLOR is honoured.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from smmplan.figures import kpi_status, localise
from smmplan.findings import with_article
from smmplan.locale import N_, _, dates, ngettext, speaking, terms
from smmplan.report import FAMILY_TITLES, plan_language
from smmplan.visible import visible, visible_path

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
BAR_WIDTH = 24


def make_console(out: TextIO, color: str = "auto", width: int | None = None) -> Console:
    """A console on `out`. color: auto (terminal only; NO_COLOR/FORCE_COLOR apply), always, never."""
    # markup and emoji off: a plan's words are printed as written (`[red]` and `:fire:` in a
    # title are text, not style and 🔥), and rich's emoji table is never loaded
    kwargs: dict[str, Any] = {"highlight": False, "soft_wrap": False, "markup": False, "emoji": False}
    if color == "always":  # the command line beats NO_COLOR, and a pipe or TERM=dumb
        kwargs["force_terminal"] = True
        kwargs["no_color"] = False
        if os.environ.get("TERM", "") in ("dumb", "unknown"):
            kwargs["color_system"] = "standard"
    elif color == "never":
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    if width:
        kwargs["width"] = width
    elif not os.environ.get("COLUMNS", "").isdigit() and (not out.isatty() if hasattr(out, "isatty") else True):
        kwargs["width"] = 100  # a pipe or a file, unless COLUMNS says otherwise (rich reads it)
    console = Console(**kwargs, file=TrimmedLines(out))
    if not console.legacy_windows:  # (whose width rich takes one from, once more when set)
        # the size as rich finds it now, kept: rich would look for it again (three terminal
        # queries and the environment) every time anything asks for it, some 30 times a report
        console.size = console.size
    return console


# (patterns, compiled by `re` the first time a line holds a colour code: a plain report never does)
_LINE_END = r"(?:[ \t]|\x1b\[[0-9;]*m)+$"
_STYLE = r"\x1b\[[0-9;]*m"


def _trim(line: str) -> str:
    """`line` without spaces at its end (colour codes among them are kept)."""
    if "\x1b" not in line:
        return line.rstrip(" \t")
    end = re.search(_LINE_END, line)
    return line if end is None else line[: end.start()] + "".join(re.findall(_STYLE, end.group()))


class TrimmedLines:
    """A text stream that drops the spaces at the ends of lines before they reach `out`.

    rich pads every table cell to its column's width, the last one too; in a
    pipe or a file those spaces are noise (and fail `git diff --check`). Text
    after the last line break waits until the next write, or is written
    without its trailing spaces when flushed.
    """

    def __init__(self, out: TextIO):
        self._out = out
        self._tail = ""

    def write(self, text: str) -> int:
        lines = (self._tail + text).split("\n")
        self._tail = lines.pop()
        if lines:
            self._out.write("\n".join(_trim(line) for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        kept = _trim(self._tail)
        if kept:  # the spaces after it wait: more text may follow them on this line
            self._out.write(kept)
            self._tail = self._tail[len(kept):] if self._tail.startswith(kept) else ""
        self._out.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding...: the stream's own
        return getattr(self._out, name)


class TextReporter:
    def __init__(self, color: str = "auto", width: int | None = None, show_suppressed: bool = False, **_: Any):
        self.color = color
        self.width = width
        self.show_suppressed = show_suppressed

    def render(self, results: list, out: TextIO) -> None:
        console = make_console(out, self.color, self.width)
        for i, result in enumerate(results):
            if i:
                console.print()
            # each plan's section in its own report language, written out at once (rich keeps
            # what each print of it renders until then)
            with speaking(plan_language(result)), console:
                self.render_one(console, result)

    def render_one(self, console: Console, result: Any) -> None:
        render_plan(console, result, getattr(self, "show_suppressed", False))


def severity_width() -> int:
    """Cells the severity words are padded to: the widest in the current language (`warning`: 7),
    but never more than 8 (a longer word, `предупреждение`, pushes its own line along)."""
    return min(8, max(cell_len(terms.severity(s)) for s in SEVERITY_STYLE))


def _suppressed(console: Console, result: Any, show: bool) -> None:
    """"2 findings suppressed: BAN001, BAN003", and with --show-suppressed each of them in full."""
    from smmplan.report import suppressed_line

    line = suppressed_line([result])
    if line is None:
        return
    console.print()
    if not show:
        line = _("{line} (--show-suppressed lists them)").format(line=line)
    console.print(Text(f"  {line}", style="yellow"))
    if show:
        for s in result.suppressed:
            f = s.finding
            where = visible_path(f.path) + (f":{f.line}:{f.column}" if f.line else "")
            console.print(Text.assemble("    ", (where, "bold"), ("  " + f.code + " ", "magenta"), (f.name, "dim")))
            console.print(Padding(Text(f.message), (0, 0, 0, 6), expand=False))
            console.print(Padding(Text(_("suppressed ({kind}) by {how}").format(kind=s.by.kind, how=s.by.how),
                                       style="yellow"), (0, 0, 0, 6),
                                  expand=False))


def render_plan(console: Console, result: Any, show_suppressed: bool = False) -> None:
    print_header(console, result.path, _header_bits(result))
    if result.mix:
        console.print(mix_table(result, console.width))
    for name, render in SECTIONS.items():
        if result.sections.get(name):
            render(console, result.sections[name], result)
    if result.findings:
        _findings(console, result)
    if result.rebalance is not None and result.rebalance.needed:
        _rebalance(console, result)
    if not result.findings:
        console.print(Text("  ✓ " + _("no findings"), style="green"))
    _suppressed(console, result, show_suppressed)


def _header_bits(result: Any) -> list[str]:
    plan = result.plan
    bits = []
    if plan is not None and plan.brand:
        bits.append(visible(plan.brand, one_line=True))
    if result.plan is not None:
        bits.append(ngettext("{n} post", "{n} posts", result.post_count).format(n=result.post_count))
        if result.next_period:
            n = result.next_period
            bits.append(ngettext("{n} post of the next period, not counted",
                                 "{n} posts of the next period, not counted", n).format(n=n))
    if result.start and result.end:
        bits.append(f"{result.start:%Y-%m-%d} → {result.end:%Y-%m-%d}")
    if result.formula is not None:
        bits.append(_("formula {name} ± {pp} pp").format(name=result.formula.name,
                                                        pp=localise(f"{float(result.tolerance * 100):g}")))
    return bits


SEPARATOR = "  ·  "


def print_header(console: Console, path: str, bits: list[str]) -> None:
    """A plan's path in bold and what it is, dim, on one line when it fits the
    console; else the path alone (whole, however long) and the rest below it,
    broken between its parts."""
    path = visible_path(path)  # control characters in a name or a plan are shown, not obeyed
    bits = [visible(b, one_line=True) for b in bits]
    line = Text(path, style="bold")
    if not bits:
        console.print(line, soft_wrap=True)
        return
    rest = SEPARATOR.join(bits)
    if cell_len(path + SEPARATOR + rest) <= console.width:
        line.append(SEPARATOR + rest, style="dim")
        console.print(line, soft_wrap=True)
        return
    console.print(line, soft_wrap=True)
    print_parts(console, bits, indent=2, style="dim")


def wrap_lines(text: Text, width: int, first: int | None = None) -> list[Text]:
    """`text` broken at spaces into lines of at most `width` cells (`first` for the
    first line, default `width`). A word longer than a line (a URL, a file path)
    is never broken: it stands whole on a line of its own, so it can be copied.
    Lines after the first lose their leading spaces."""
    plain = text.plain
    offsets, used, room = [], cell_len(plain) - cell_len(plain.lstrip()), width if first is None else first
    for i, m in enumerate(re.finditer(r"\S+\s*", plain)):
        word = cell_len(m.group().rstrip())
        if i and used + word > room:
            offsets.append(m.start())
            used, room = 0, width
        used += cell_len(m.group())
    lines = list(text.divide(offsets)) if offsets else [text]
    for line in lines:
        line.rstrip()
    return lines


def print_wrapped(console: Console, text: Text, indent: int = 0, hang: int | None = None) -> None:
    """Print `text` word-wrapped to the console, `indent` spaces in; a line's
    continuation lines `hang` spaces in (default `indent`). See :func:`wrap_lines`."""
    print_lines(console, wrapped(console, text, indent, hang))


def wrapped(console: Console, text: Text, indent: int = 0, hang: int | None = None) -> list[Text]:
    """The lines :func:`print_wrapped` prints."""
    hang = indent if hang is None else hang
    out = []
    for part in text.split("\n", allow_blank=True):
        lines = wrap_lines(part, max(20, console.width - hang), first=max(20, console.width - indent))
        out += [Text(" " * (hang if i else indent)).append_text(line) for i, line in enumerate(lines)]
    return out


def print_lines(console: Console, lines: list[Text]) -> None:
    """Print each line as it is (soft-wrapped: never broken nor cut). A console that writes no
    styles takes them in one print: each print is a pass through rich's whole pipeline."""
    if console.color_system is None:
        if lines:
            console.print(Text("\n").join(lines), soft_wrap=True)
        return
    for line in lines:
        console.print(line, soft_wrap=True)


def print_parts(console: Console, parts: list[str], indent: int, style: str = "") -> None:
    """Parts joined by ` · ` and broken only between parts, to the console's width."""
    lines: list[str] = []
    for part in parts:
        if lines and cell_len(lines[-1] + " · " + part) <= console.width - indent:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    for line in lines:
        console.print(Text(" " * indent + line, style=style), soft_wrap=True)


def _bar(share: float, target: float, scale: float, ok: bool, width: int = BAR_WIDTH) -> Text:
    filled = share / scale * width if scale else 0
    mark = min(width - 1, int(round(target / scale * width))) if scale else 0
    full = int(filled)
    half = filled - full >= 0.5
    cells = []
    for i in range(width):
        if i < full:
            ch = "█"
        elif i == full and half:
            ch = "▌"
        else:
            ch = " "
        if i == mark and ch == " ":
            ch = "│"
        cells.append(ch)
    return Text("".join(cells), style="green" if ok else "red")


MIX_HEADERS = (N_("category"), N_("posts"), N_("actual"), N_("target"), N_("allowed"), N_("delta"), N_("status"))
MIX_SHORT = (N_("category"), N_("posts"), N_("share"), N_("target"), N_("range"), N_("±pp"), "")


def headers(names: tuple[str, ...]) -> tuple[str, ...]:
    """Table headers in the current language (an empty one stays empty)."""
    return tuple(_(n) if n else n for n in names)
MIN_BAR = 8


def natural_widths(headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[int]:
    """Cells each column takes unwrapped: its widest header or cell (one line each), as
    rich measures them. A table that fits the console is laid out at these widths, so
    giving them to rich (`add_column(width=...)`) spares it measuring every cell again."""
    return [max([cell_len(h), *(cell_len(str(r[i])) for r in rows)]) for i, h in enumerate(headers)]


def table_width(headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> int:
    """Cells a borderless table of these headers and rows needs, with one space
    either side of every column (as the report's tables are padded)."""
    return padded(natural_widths(headers, rows))


def padded(widths: list[int]) -> int:
    """Cells a borderless table of columns this wide takes, one space either side of each."""
    return sum(widths) + 2 * len(widths)


def fitting_widths(headers: tuple[str, ...], rows: list[tuple[Any, ...]], width: int) -> list[int] | None:
    """The columns' natural widths when the table fits `width` at them, else None."""
    widths = natural_widths(headers, rows)
    return widths if padded(widths) <= width else None


def _fit(width: int, rows: list[tuple[Any, ...]], *header_sets: tuple[str, ...], extra: int = 0) -> tuple[tuple[str, ...], int]:
    """The first header set whose table leaves at least `extra` cells spare (else
    the last), and the cells left over."""
    for headers in header_sets:
        room = width - table_width(headers, rows)
        if room >= extra:
            break
    return headers, room


def mix_table(result: Any, width: int = 100) -> Table:
    """The mix per category against the formula, with a bar each when the width
    leaves room for one (it shrinks with the console, then goes; then the
    headers shorten; then the verdict is a sign, and the category wraps)."""
    scale = max([r.share for r in result.mix] + [r.target for r in result.mix] + [0.01])
    rows = []
    for r in result.mix:
        allowed = f"{r.low}–{r.high}" if r.low < r.high else (str(r.low) if r.low == r.high else "—")
        rows.append((visible(terms.category(r.category), one_line=True), str(r.count), localise(f"{r.share * 100:.1f} %"),
                     localise(f"{r.target * 100:.4g} %"), allowed, localise(f"{(r.share - r.target) * 100:+.1f}"),
                     _("ok") if r.ok else _("off")))
    long, short = headers(MIX_HEADERS), headers(MIX_SHORT)
    names, room = _fit(width, rows, long, short, extra=MIN_BAR + 2)
    bar = min(BAR_WIDTH, room - 2) if room - 2 >= MIN_BAR else 0
    if not bar:
        names, room = _fit(width, rows, long, short)
    if room < 0:  # still too wide (long category words, `вне нормы`): the verdict as a sign
        rows = [(*row[:6], "✓" if r.ok else "✕") for r, row in zip(result.mix, rows)]
    # a table that fits is laid out at its natural widths; one that does not, by rich
    widths = natural_widths(names, rows) if room >= 0 else [None] * len(names)
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    for i, (name, cells_wide) in enumerate(zip(names, widths)):  # the category wraps only where nothing else would fit
        table.add_column(name, justify="left" if i in (0, 6) else "right", no_wrap=i != 0, overflow="fold",
                         width=cells_wide)
    if bar:
        table.add_column("", no_wrap=True, width=bar)
    for r, row in zip(result.mix, rows):
        cells = [*row[:5], Text(row[5], style="green" if r.ok else "red"),
                 Text(row[6], style="green" if r.ok else "bold red")]
        if bar:
            cells.append(_bar(r.share, r.target, scale, r.ok, bar))
        table.add_row(*cells)
    return table


def _family(code: str) -> str:
    return code.rstrip("0123456789")


def caret_span(line: str, column: int) -> int:
    """How many characters to underline from `column` (1-based): the value there."""
    rest = line[column - 1 :]
    if not rest:
        return 1
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    cut = re.search(r"\s+#|,\s|[}\]]|$", rest)
    return max(1, len(rest[: cut.start()].rstrip()))


def excerpt(line: str, column: int, span: int, room: int) -> tuple[str, int]:
    """A source line cut to `room` characters around the culprit (`span`
    characters from `column`), with `…` where it was cut, and the culprit's
    column in what is shown. A line that fits is shown whole."""
    if len(line) <= room or room < 12:
        return line, column
    start = 0
    if column - 1 + min(span, room // 2) > room - 1:  # the culprit lies beyond the first screenful
        start = max(0, column - 1 - room // 3)
    shown = line[start:]
    if start:
        shown = "…" + shown[1:]
    if len(shown) > room:
        shown = shown[: room - 1] + "…"
    return shown, column - start


def _highlight(text: Text, phrases: list[str]) -> None:
    for phrase in phrases:
        if phrase:
            text.highlight_regex(re.compile(re.escape(phrase), re.IGNORECASE), style="bold reverse")


def _findings(console: Console, result: Any) -> None:
    groups: dict[str, list] = {}
    for f in result.findings:
        groups.setdefault(_family(f.code), []).append(f)
    order = list(FAMILY_TITLES)
    pad = severity_width()
    quoted = result.doc.quote(f.line for f in result.findings) if result.doc is not None else {}
    for fam in sorted(groups, key=lambda x: order.index(x) if x in order else len(order)):
        console.print()
        console.print(Text(_(FAMILY_TITLES[fam]) if fam in FAMILY_TITLES else fam, style="bold underline"))
        lines: list[Text] = []  # the family's findings, printed at once (print_lines)
        for f in groups[fam]:
            where = visible_path(f.path) + (f":{f.line}:{f.column}" if f.line else "")
            head = Text("  ")
            head.append(f"{terms.severity(f.severity):<{pad}}", style=SEVERITY_STYLE.get(f.severity, ""))
            head.append(" ")
            head.append(where, style="bold")
            head.append(f"  {f.code} ", style="magenta")
            head.append(f.name, style="dim")
            lines += wrapped(console, head, hang=4)
            message = Text(f.message)
            matched = (f.data or {}).get("matched")
            phrases = [matched] if isinstance(matched, str) else list(matched or [])
            _highlight(message, phrases)
            lines += wrapped(console, message, indent=4)
            src = quoted.get(f.line)
            if src is not None and not src.isprintable():  # an escape sequence is shown, not obeyed
                src = visible(src, one_line=True)
            if src is not None and len(src) < 300:
                gutter = f"    {f.line:>4} │ "
                width = caret_span(src, f.column) if f.column else 0
                if f.column and phrases and src[f.column - 1 :].lower().startswith(phrases[0].lower()):
                    width = len(phrases[0])  # just the matched words (honesty findings)
                shown, column = excerpt(src, f.column or 1, width, console.width - len(gutter))
                line = Text(gutter, style="dim")
                body = Text(shown)
                _highlight(body, phrases)
                line.append_text(body)
                lines.append(line)
                if f.column:
                    width = max(1, min(width, cell_len(shown) - column + 1))
                    lines.append(Text(" " * (len(gutter) - 2) + "│ " + " " * (column - 1) + "^" * width,
                                      style=SEVERITY_STYLE.get(f.severity, "")))
            if f.fix:
                lines += wrapped(console, Text(_("fix:") + " ", style="green").append(f.fix, style=""), indent=4)
        print_lines(console, lines)


def rebalance_lines(result: Any) -> list[str]:
    """The suggested rebalancing in words: the cheapest way, post by post, then the alternatives."""
    rb = result.rebalance
    lines = [step_line(st, result) for st in result.steps]
    if rb.mode == "change" and not result.steps:  # no posts picked (a plan read without them)
        for m, picked in zip(rb.moves, result.move_lines()):
            values = {"n": m.count, "source": category_word(m.source), "target": category_word(m.target)}
            examples = _eg(picked)
            if examples:
                lines.append(ngettext("retype {n} {source} post to {target}, e.g. {lines}",
                                      "retype {n} {source} posts to {target}, e.g. {lines}",
                                      m.count).format(lines=examples, **values))
            else:
                lines.append(ngettext("retype {n} {source} post to {target}", "retype {n} {source} posts to {target}",
                                      m.count).format(**values))
    if rb.mode == "mixed":
        from smmplan.planner import cost_words

        for week, cats in sorted(rb.combo.week_adds.items()):
            first = result.start + dt.timedelta(days=7 * week) if result.start else None
            for cat, k in cats.items():
                values = {"n": k, "type": category_word(cat), "week": week + 1}
                if first:
                    lines.append(ngettext("add {n} {type} post in week {week} (from {day})",
                                          "add {n} {type} posts in week {week} (from {day})",
                                          k).format(day=dates.day(first), **values))
                else:
                    lines.append(ngettext("add {n} {type} post in week {week}", "add {n} {type} posts in week {week}",
                                          k).format(**values))
        if rb.mixed_exact:
            said = _("this mix of changes costs {cost}, {costs}; any one kind of change alone costs more")
        else:
            said = _("this mix of changes costs {cost}, {costs}; any one kind of change alone costs more "
                     "(a cheap mix, not proven the cheapest)")
        lines.append(said.format(cost=rb.combo.cost, costs=cost_words()))
    adds = ", ".join(ngettext("{n} {category} post", "{n} {category} posts", k).format(n=k, category=category_word(cat))
                     for cat, k in rb.adds.items())
    if rb.adds and rb.mode == "add":
        lines.append(_("add {posts}").format(posts=adds))
    if rb.mode is None:
        lines.append(_("no retyping or moving makes this plan pass: its weeks are too lopsided"))
    if rb.shifts and rb.mode != "move":
        lines.append(ngettext("or move {n} post to other weeks (`smmplan suggest` lists them)",
                              "or move {n} posts to other weeks (`smmplan suggest` lists them)",
                              rb.moved).format(n=rb.moved))
    if rb.adds and rb.mode != "add":
        lines.append(_("or add {posts}").format(posts=adds))
    return lines


def category_word(code: str) -> str:
    """A formula category as a word in a sentence: `user_generated` / `пользовательский (UGC)`."""
    return terms.category(code)


def _eg(picked: list) -> str:
    """"line 40", "lines 40, 42 and 45": the lines of example posts, or nothing."""
    examples = [str(x) for x in picked if x]
    if not examples:
        return ""
    if len(examples) == 1:
        return _("line {line}").format(line=examples[0])
    listed = _("{items} and {last}").format(items=", ".join(examples[:-1]), last=examples[-1])
    return _("lines {lines}").format(lines=listed)


def _postponed(st: Any, post: str, article: str, target: str, reads: str) -> str:
    """A replacement whose old post moves past the plan's end (and whose new post may land in another week)."""
    later = dates.day(st.later)
    if st.idea:
        text = (_("rewrite {post} as an {target} post, for example «{idea}»: it reads as {reads}, so it cannot "
                  "just be relabelled (move the old one past the plan's end, to {later})") if article == "an" else
                _("rewrite {post} as a {target} post, for example «{idea}»: it reads as {reads}, so it cannot "
                  "just be relabelled (move the old one past the plan's end, to {later})"))
    else:
        text = (_("rewrite {post} as an {target} post: it reads as {reads}, so it cannot just be relabelled "
                  "(move the old one past the plan's end, to {later})") if article == "an" else
                _("rewrite {post} as a {target} post: it reads as {reads}, so it cannot just be relabelled "
                  "(move the old one past the plan's end, to {later})"))
    return _new_day(st, text.format(post=post, target=target, idea=_shown(st.idea), reads=reads, later=later))


def _shown(words: str) -> str:
    """A plan's title or idea quoted in a line: on that line, its control characters shown, not obeyed."""
    return visible(words, one_line=True)


def _new_day(st: Any, text: str) -> str:
    """A replacement's words, and the day of its new post when that is not the old one's (a mix moved it)."""
    if st.date == st.post.post.date:
        return text
    return text + " " + _("(the new post goes on {day})").format(day=dates.day(st.date))


def step_line(st: Any, result: Any) -> str:
    """One change in words: "rewrite «Скидка выходного дня» (Dec 9, line 40) as an engaging post, ..."."""
    p = st.post
    day = dates.day(p.post.date)
    where = _("{day}, line {line}").format(day=day, line=st.line) if st.line else day
    post = f"«{_shown(p.post.title)}» ({where})"
    source, target = category_word(st.source), category_word(st.target)
    if st.kind == "move":
        return _("move {post} to week {week}: {day}").format(post=post, week=st.week + 1, day=dates.day(st.date))
    if st.kind == "replace":
        reads = category_word(result.reads.get(p.index) or st.source)
        article, target = with_article(target).split(" ", 1)  # "an engaging", "a user-generated"
        if st.later:  # the plan continues: the old post waits past its end
            return _postponed(st, post, article, target, reads)
        if st.idea:
            text = (_("rewrite {post} as an {target} post, for example «{idea}»: it reads as {reads}, so it cannot "
                      "just be relabelled (keep the old one as cancelled)") if article == "an" else
                    _("rewrite {post} as a {target} post, for example «{idea}»: it reads as {reads}, so it cannot "
                      "just be relabelled (keep the old one as cancelled)"))
            return _new_day(st, text.format(post=post, target=target, idea=_shown(st.idea), reads=reads))
        text = (_("rewrite {post} as an {target} post: it reads as {reads}, so it cannot just be relabelled "
                  "(keep the old one as cancelled)") if article == "an" else
                _("rewrite {post} as a {target} post: it reads as {reads}, so it cannot just be relabelled "
                  "(keep the old one as cancelled)"))
        return _new_day(st, text.format(post=post, target=target, reads=reads))
    if result.reads.get(p.index) == st.target:
        return _("retype {post} from {source} to {target}: its text already reads as {target}").format(
            post=post, source=source, target=target)
    if st.idea:
        return _("retype {post} from {source} to {target}, and make it read so, for example «{idea}»").format(
            post=post, source=source, target=target, idea=_shown(st.idea))
    return _("retype {post} from {source} to {target}, and make it read so").format(
        post=post, source=source, target=target)


def _rebalance(console: Console, result: Any) -> None:
    console.print()
    console.print(Text(_("Suggested rebalancing"), style="bold underline"))
    for line in rebalance_lines(result):
        print_wrapped(console, Text("  • " + line), hang=4)
    print_wrapped(console, Text("  " + _("`smmplan suggest {path}` lists the posts, week by week.").format(
        path=visible_path(result.path)), style="dim"), hang=2)


# Extra sections supplied by rule families' summarize(): key -> renderer.
SECTIONS: dict[str, Callable[[Console, Any, Any], None]] = {}


def section(name: str) -> Callable:
    def register(fn: Callable[[Console, Any, Any], None]) -> Callable:
        SECTIONS[name] = fn
        return fn

    return register


STATUS_STYLE = {"ahead": "green", "on track": "cyan", "behind": "bold red"}


PERIODS = {7: N_("week"), 30: N_("month"), 91: N_("quarter"), 365: N_("year")}
PERIODS_SHORT = {7: N_("wk"), 30: N_("mo"), 91: N_("qtr"), 365: N_("yr")}
KPI_HEADERS = (N_("goal"), N_("metric"), N_("target"), N_("actual"), N_("done"), N_("expected"), N_("status"))


def kpi_table(rows: list[dict], width: int = 100) -> Table:
    """The kpi family's summary: each goal's KPIs with target, actual and progress.
    Periods shorten (`/ month` -> `/mo`) when the table would not fit the width;
    goal and metric wrap only where nothing else would fit."""
    from smmplan.figures import format_quantity

    def cells(short: bool) -> list[tuple[Any, ...]]:
        out, shown_goal = [], None
        for r in rows:
            days = r["period_days"]
            name = (PERIODS_SHORT if short else PERIODS).get(days)
            name = _(name) if name else (_("{n} d").format(n=days) if days else "")
            per = (f"/{name}" if short else f" / {name}") if name else ""
            goal = visible(terms.goal(str(r["goal"])), one_line=True) if r["goal"] != shown_goal else ""
            shown_goal = r["goal"]
            out.append((goal, visible(str(r["metric"]), one_line=True), format_quantity(r["target"], r["unit"]) + per,
                        format_quantity(r["actual"], r["unit"]),
                        "—" if r["done"] is None else f"{r['done']:.0f} %", format_quantity(r["expected"], r["unit"]),
                        kpi_status(r["status"]) if r["status"] else "—"))
        return out

    names = headers(KPI_HEADERS)
    data = cells(short=False)
    widths = fitting_widths(names, data, width)
    if widths is not None:
        table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
        for i, (name, cells_wide) in enumerate(zip(names, widths)):
            table.add_column(name, justify="left" if i in (0, 1, 6) else "right", no_wrap=True, width=cells_wide)
        for r, row in zip(rows, data):
            table.add_row(*row[:6], _kpi_status(r))
        return table
    # narrow: each goal on a row of its own, the metrics below it, words apart so they wrap
    data = cells(short=True)
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    for i, name in enumerate(names[1:], 1):
        table.add_column(_("goal, metric") if i == 1 else name, justify="left" if i in (1, 6) else "right",
                         no_wrap=i != 1, overflow="fold")
    for r, row in zip(rows, data):
        if row[0]:
            table.add_row(Text(row[0], style="bold"), *[""] * 5)
        table.add_row("  " + row[1].replace("_", " "), *row[2:6], _kpi_status(r))
    return table


def _kpi_status(row: dict) -> Text:
    if not row["status"]:
        return Text("—", style="dim")
    return Text(kpi_status(row["status"]), style=STATUS_STYLE[row["status"]])


@section("kpis")
def _kpis(console: Console, rows: list[dict], result: Any) -> None:
    first = rows[0]
    if first["elapsed"] is not None:
        note = _("as of {date}, {share} of the plan's period gone").format(
            date=first["as_of"], share=f"{first['elapsed'] * 100:.0f} %")
    else:
        note = _("as of {date}").format(date=first["as_of"])
    console.print()
    console.print(Text.assemble((_(FAMILY_TITLES["KPI"]), "bold underline"), ("  " + note, "dim")))
    console.print(kpi_table(rows, console.width))


def _short(text: Any, width: int) -> Any:
    """Text (str or rich Text) cut to `width` characters with an ellipsis."""
    if len(text) <= width:
        return text
    if isinstance(text, Text):
        text.truncate(width, overflow="ellipsis")
        return text
    return text[: width - 1] + "…"


POSTS_HEADERS = (N_("date"), N_("channel"), N_("title"), N_("status"), N_("who must approve"))


def posts_table(rows: list[dict], width: int | None = None) -> Table:
    """Posts from the flow family's summary (due soon, waiting for the client) as a table.

    Where its columns cannot fit the `width` without breaking words (long Russian
    statuses, a long approver's name), the channel goes under the date and the
    approver under the status, so every word stays whole."""
    cells = []
    for r in rows:
        status = Text(terms.status(r["status"]) if r["status"] else
                      f"{_short(visible(str(r['status_written']), one_line=True), 20)}?",
                      style="green" if r["ready"] else "yellow")
        if r["ready"]:
            who = Text("✓ " + visible(r["approved_by"] or "", one_line=True), style="dim")
        else:
            who = Text(visible(r["approver"], one_line=True) if r["approver"] else _("not named (client: approver:)"),
                       style="" if r["approver"] else "red")
        when = r["date"] + (f" {r['time']}" if r["time"] else "")
        cells.append((when, _short(visible(r["channel"] or "—", one_line=True), 20),
                      _short(visible(r["title"], one_line=True), 100), status, _short(who, 40)))
    names = headers(POSTS_HEADERS)
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    widths = column_widths(names, cells, width, whole=2) if width else [None] * len(names)
    if widths is not None:
        for i, (name, cells_wide) in enumerate(zip(names, widths)):
            table.add_column(name, no_wrap=i < 2, overflow="fold", width=cells_wide)
        for row in cells:
            table.add_row(*row)
        return table
    for i in (0, 2, 3):
        table.add_column(names[i], no_wrap=i == 0, overflow="fold")
    for when, channel, title, status, who in cells:
        table.add_row(f"{when}\n{channel}", title, Text.assemble(status, "\n", who))
    return table


def column_widths(names: tuple[str, ...], rows: list[tuple[Any, ...]], width: int,
                  whole: int = 0) -> list[int | None] | None:
    """Widths for a borderless table's columns (one space either side) so that it fits
    `width` and no word is broken: the first `whole` columns unwrapped, the others at
    least as wide as their longest word, the widest narrowed first (as rich does).
    None for a column's width where rich's own narrowing breaks no word; None
    altogether when even the words cannot fit."""
    texts = [[str(name), *(str(r[i]) for r in rows)] for i, name in enumerate(names)]
    most = [max(cell_len(line) for t in col for line in t.split("\n")) for col in texts]
    if sum(most) + 2 * len(names) <= width:
        return [None] * len(names)
    least = [m if i < whole else max(cell_len(w) for t in col for w in (t.split() or [""]))
             for i, (m, col) in enumerate(zip(most, texts))]
    room = width - 2 * len(names) - sum(most[:whole])
    if sum(least[whole:]) > room:
        return None

    def level(floor: list[int]) -> int:
        """The widest a wrapped column may be: rich narrows the widest columns first."""
        top = max(most[whole:])
        while top > 1 and sum(max(f, min(m, top)) for f, m in zip(floor[whole:], most[whole:])) > room:
            top -= 1
        return top

    plain = level([0] * len(names))
    if all(min(m, plain) >= n for m, n in zip(most[whole:], least[whole:])):
        return [None] * len(names)  # rich's own narrowing breaks no word
    top = level(least)
    return [None if i < whole else max(n, min(m, top)) for i, (m, n) in enumerate(zip(most, least))]


@section("due")
def _due(console: Console, rows: list[dict], result: Any) -> None:
    window = result.sections.get("due_window") or {}
    console.print()
    title = Text(_("Due soon"), style="bold underline")
    title.append(f"  {window.get('from')} → {window.get('to')}", style="dim")
    console.print(title)
    console.print(posts_table(rows, console.width))


# --- `smmplan suggest --weeks`: the calendar as a week x weekday grid ------------------

TYPE_STYLES = ("green", "cyan", "blue", "magenta", "yellow", "bright_red", "white")


def calendar_grid(console: Console, made: Any) -> None:
    """One row per week, one column per day of the plan's week, each post a
    coloured mark of its type; then the resulting mix against the formula."""
    import datetime as dt

    cal = made.calendar
    cats = cal.formula.categories
    style = {c: TYPE_STYLES[i % len(TYPE_STYLES)] for i, c in enumerate(cats)}
    short = {c: terms.category(c)[:3].upper() for c in cats}
    table = Table(box=None, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(_("week"), justify="right")
    for d in range(7):
        table.add_column(dates.weekday(cal.start + dt.timedelta(days=d)), overflow="fold")
    by_day: dict[Any, list] = {}
    for p in cal.posts:
        by_day.setdefault(p.date, []).append(p)
    for w in range(cal.weeks):
        first = cal.start + dt.timedelta(days=7 * w)
        cells = []
        for d in range(7):
            cell = Text()
            for i, p in enumerate(by_day.get(first + dt.timedelta(days=d), [])):
                cell.append((" " if i else "") + short[p.category], style=style[p.category])
            cells.append(cell)
        table.add_row(f"{w + 1} {first:%d.%m}", *cells)
    console.print(table)
    counts = cal.counts()
    total = sum(counts) or 1
    legend = Text(_("mix:") + " ")
    for (cat, share), n in zip(cal.formula.shares, counts):
        legend.append(f"{short[cat]}", style=style[cat])
        legend.append(" " + _("{category} {n} ({share}, target {target})").format(
            category=terms.category(cat), n=n, share=f"{n / total:.0%}", target=f"{float(share):.0%}") + "  ")
    console.print(legend)


__all__ = ["TextReporter", "kpi_table", "make_console", "mix_table", "posts_table", "rebalance_lines", "section", "Group", "calendar_grid"]
