"""Charts drawn as inline SVG: horizontal bars for counts, and low-high bars for cost ranges."""

from collections.abc import Sequence
from html import escape

ROW, LABEL, WIDTH, BAR = 22, 190, 720, 360
INK, FILL, RANGE = "#1f2937", "#2563eb", "#93c5fd"


def frame(title: str, rows: int, body: list[str]) -> str:
    """An SVG document of `rows` bars with a title."""
    height = ROW * rows + 40
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="DejaVu Sans, sans-serif" font-size="11">'
        f'<text x="0" y="14" font-size="13" font-weight="bold" fill="{INK}">{escape(title)}</text>'
        + "".join(body)
        + "</svg>"
    )


def label(y: float, text: str) -> str:
    """A row label, right-aligned against the bars."""
    return f'<text x="{LABEL - 6}" y="{y + 12}" text-anchor="end" fill="{INK}">{escape(text[:32])}</text>'


def count_chart(title: str, bars: Sequence[tuple[str, int]]) -> str:
    """One bar per label, its length proportional to the count."""
    top = max((n for _, n in bars), default=0) or 1
    body = []
    for i, (name, n) in enumerate(bars):
        y, w = 28 + i * ROW, BAR * n / top
        body.append(label(y, name))
        body.append(f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{ROW - 6}" fill="{FILL}"/>')
        body.append(f'<text x="{LABEL + w + 4:.1f}" y="{y + 12}" fill="{INK}">{n}</text>')
    return frame(title, len(bars), body)


def range_chart(title: str, bars: Sequence[tuple[str, float, float]], currency: str) -> str:
    """One bar per label: solid up to the low estimate, lighter up to the high one."""
    top = max((hi for _, _, hi in bars), default=0.0) or 1.0
    body = []
    for i, (name, low, high) in enumerate(bars):
        y, lw, hw = 28 + i * ROW, BAR * low / top, BAR * high / top
        body.append(label(y, name))
        body.append(f'<rect x="{LABEL}" y="{y}" width="{hw:.1f}" height="{ROW - 6}" fill="{RANGE}"/>')
        body.append(f'<rect x="{LABEL}" y="{y}" width="{lw:.1f}" height="{ROW - 6}" fill="{FILL}"/>')
        text = f"{currency} {low:,.0f}–{high:,.0f}"
        body.append(f'<text x="{LABEL + hw + 4:.1f}" y="{y + 12}" fill="{INK}">{text}</text>')
    return frame(title, len(bars), body)
