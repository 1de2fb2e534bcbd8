"""Small charts drawn on the server as inline SVG: no script, no CDN, readable on a phone
(they scale to the width of the screen). Labels are escaped; numbers in Vietnamese format."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from congdoan.core.text import format_number

COLOURS = ["#1d4ed8", "#f59e0b", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#9ca3af"]
WIDTH = 600


def bar_chart(items: list[tuple[str, int]], title: str, value_caption: str) -> SafeString:
    """Horizontal bars, one row per item: the label above its bar, the value after it (so long
    Vietnamese names stay whole on a narrow screen); `value_caption` says what the bars count."""
    row = 48
    height = row * max(len(items), 1) + 6
    top = max((value for _label, value in items), default=0) or 1
    parts = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        length = max(round((WIDTH - 90) * value / top), 1 if value else 0)
        parts.append(
            f'<text x="0" y="{y + 16}">{escape(label)}</text>'
            f'<rect x="0" y="{y + 22}" width="{length}" height="18" fill="{COLOURS[0]}">'
            f"<title>{escape(label)}: {format_number(value)}</title></rect>"
            f'<text x="{length + 6}" y="{y + 37}">{format_number(value)}</text>'
        )
    return _figure(title, value_caption, _svg(title, height, "".join(parts)))


def line_chart(
    series: list[tuple[str, list[int]]],
    labels: list[str],
    title: str,
    *,
    x_caption: str,
    y_caption: str,
) -> SafeString:
    """One line per series over the same labels (months), with a legend under the plot; the
    axes captioned (what the labels are, what the values count)."""
    left, plot_top, plot_height, bottom = 50, 34, 170, 64
    step = (WIDTH - left - 24) / max(len(labels) - 1, 1)
    top = max((v for _name, values in series for v in values), default=0) or 1
    parts = [
        f'<text x="0" y="{plot_top - 14}" class="axis">{escape(y_caption)}</text>',
        f'<text x="{WIDTH - 10}" y="{plot_top + plot_height + 40}" text-anchor="end" '
        f'class="axis">{escape(x_caption)}</text>',
        f'<line x1="{left}" y1="{plot_top + plot_height}" x2="{WIDTH - 10}" '
        f'y2="{plot_top + plot_height}" stroke="#9ca3af"/>',
        f'<text x="{left - 6}" y="{plot_top + 10}" text-anchor="end">{format_number(top)}</text>',
        f'<text x="{left - 6}" y="{plot_top + plot_height}" text-anchor="end">0</text>',
    ]
    for i, label in enumerate(labels):
        x = left + i * step
        parts.append(
            f'<text x="{x:.0f}" y="{plot_top + plot_height + 16}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    for n, (name, values) in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points = " ".join(
            f"{left + i * step:.0f},{plot_top + plot_height - plot_height * v / top:.0f}"
            for i, v in enumerate(values)
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}">'
            f"<title>{escape(name)}</title></polyline>"
        )
        legend_x = left + (n % 2) * 270
        legend_y = plot_top + plot_height + 64 + (n // 2) * 24
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{legend_y}">{escape(name)}</text>'
        )
    legend_rows = (len(series) + 1) // 2
    height = plot_top + plot_height + bottom + 24 * legend_rows
    return _figure(title, "", _svg(title, height, "".join(parts)))


def share_chart(items: list[tuple[str, int]], title: str, value_caption: str) -> SafeString:
    """One bar split into shares, with a legend giving each share's count and percent."""
    total = sum(value for _label, value in items) or 1
    parts, x = [], 0.0
    for i, (label, value) in enumerate(items):
        width = WIDTH * value / total
        colour = COLOURS[i % len(COLOURS)]
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="28" fill="{colour}">'
            f"<title>{escape(label)}: {format_number(value)}</title></rect>"
        )
        percent = format_number(100 * value / total, 1)
        parts.append(
            f'<rect x="0" y="{40 + i * 26}" width="12" height="12" fill="{colour}"/>'
            f'<text x="18" y="{52 + i * 26}">{escape(label)}: {format_number(value)} '
            f"({percent}%)</text>"
        )
        x += width
    return _figure(title, value_caption, _svg(title, 46 + 26 * len(items), "".join(parts)))


def _figure(title: str, caption: str, svg: str) -> SafeString:
    """The chart under its visible title (HTML, so it wraps on a phone), with what it counts."""
    note = f'<span class="muted"> · {escape(caption)}</span>' if caption else ""
    return mark_safe(  # noqa: S308 - title and caption escaped, the SVG built above
        f'<figure class="chart-figure"><figcaption><strong>{escape(title)}</strong>{note}'
        f"</figcaption>{svg}</figure>"
    )


def _svg(title: str, height: int, body: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every label above is escaped
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="17" font-family="sans-serif"><title>{escape(title)}</title>{body}</svg>'
    )
