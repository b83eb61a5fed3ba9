"""The page's colours, and the contrast arithmetic that keeps them readable.

Every colour the page uses is here; the stylesheet reads them, and
tests/test_page.py holds each text/background pair in :func:`text_pairs` to
WCAG 2's 4.5:1 for normal text. Colour is never the only cue: every card and
chart row names its type and status in words, and the legend maps colours to
those words.
"""

from __future__ import annotations

# Page
INK = "#1f2328"  # body text
MUTED = "#555d66"  # secondary text (times, channels, notes)
PAPER = "#ffffff"
SURFACE = "#f6f7f9"  # panels, table headers, cells of other months
LINE = "#d0d7de"  # borders (not text)
LINK = "#0b57d0"
ACCENT = "#24292f"  # header band
ACCENT_INK = "#ffffff"
ACCENT_MUTED = "#d0d7de"

# Post types, in formula order: (strong, tint). The strong colour marks the card's edge,
# the chart's bars and the type chip (white text on it); the tint is the card's background,
# under INK and MUTED text.
TYPE_COLOURS = (
    ("#1e6b3a", "#e7f4ec"),  # green
    ("#1a56a8", "#e5eefb"),  # blue
    ("#7a3e9d", "#f3ebf8"),  # purple
    ("#9a4a00", "#fcefe2"),  # orange
    ("#006a6a", "#e0f3f3"),  # teal
    ("#a3195b", "#fbe8f1"),  # magenta
    ("#5a5f00", "#f2f3dc"),  # olive
    ("#b3261e", "#fbe9e7"),  # red
)
UNKNOWN_TYPE = ("#5b6168", "#eef0f2")  # a type the formula does not know

# Rubrics (the plan's own headings): a coloured edge on the rubric chip, text in INK on PAPER.
RUBRIC_COLOURS = ("#8a4b08", "#0f6e74", "#6b3fa0", "#2e6b12", "#a3195b", "#1a56a8", "#6e6e00", "#b3261e")

# Status badges: (text, background, border). Cancelled cards are also struck through,
# published ones carry a tick: shape and words, not colour alone.
STATUS_COLOURS = {
    "idea": ("#3c4248", "#eceff1", "#aeb6bd"),
    "draft": ("#3c4248", "#ffffff", "#8c959f"),
    "review": ("#6a4100", "#fff1c7", "#c98a00"),
    "approved": ("#14532d", "#dcf3e4", "#3c9a5f"),
    "scheduled": ("#153e75", "#dde9fb", "#4f7fc9"),
    "published": ("#ffffff", "#1e6b3a", "#1e6b3a"),
    "cancelled": ("#7a1f1f", "#f7e3e3", "#c46a6a"),
    "unknown": ("#7a1f1f", "#ffffff", "#c46a6a"),
}

# Findings: (text, background, edge)
SEVERITY_COLOURS = {
    "error": ("#8c1d18", "#fdecea", "#c9372c"),
    "warning": ("#6a4100", "#fff4d6", "#c98a00"),
    "info": ("#153e75", "#e5eefb", "#4f7fc9"),
}

# KPI status: (text, background)
KPI_COLOURS = {
    "ahead": ("#14532d", "#dcf3e4"),
    "on track": ("#153e75", "#dde9fb"),
    "behind": ("#8c1d18", "#fdecea"),
    None: ("#3c4248", "#eceff1"),
}


def type_colours(slot: int | None) -> tuple[str, str]:
    return UNKNOWN_TYPE if slot is None else TYPE_COLOURS[slot % len(TYPE_COLOURS)]


def rubric_colour(slot: int) -> str:
    return RUBRIC_COLOURS[slot % len(RUBRIC_COLOURS)]


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    h = colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_pairs() -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every place the page puts text on a colour."""
    pairs = [
        ("body text", INK, PAPER), ("muted text", MUTED, PAPER), ("muted text on panels", MUTED, SURFACE),
        ("text on panels", INK, SURFACE), ("links", LINK, PAPER), ("links on panels", LINK, SURFACE),
        ("header", ACCENT_INK, ACCENT), ("header details", ACCENT_MUTED, ACCENT),
    ]
    for i, (strong, tint) in enumerate((*TYPE_COLOURS, UNKNOWN_TYPE)):
        pairs += [(f"type {i} chip", PAPER, strong), (f"type {i} card", INK, tint),
                  (f"type {i} card details", MUTED, tint), (f"type {i} card link", LINK, tint),
                  (f"type {i} chart label", strong, PAPER)]
    for i, colour in enumerate(RUBRIC_COLOURS):
        pairs.append((f"rubric {i} mark", colour, PAPER))
    for name, (fg, bg, _) in STATUS_COLOURS.items():
        pairs.append((f"status {name}", fg, bg))
    for name, (fg, bg, _) in SEVERITY_COLOURS.items():
        pairs.append((f"{name} findings", fg, bg))
        pairs.append((f"text in {name} findings", INK, bg))
    pairs.append(("off-target marks", SEVERITY_COLOURS["error"][0], PAPER))
    for name, (fg, bg) in KPI_COLOURS.items():
        pairs.append((f"KPI {name}", fg, bg))
    return pairs
