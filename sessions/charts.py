"""Server-rendered, accessible SVG bar charts (role="img" with title and desc, plus a data table)."""

import itertools

_ids = itertools.count(1)

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
PLOT_WIDTH = 360


def bar_chart(*, title, description, bars, maximum=None):
    """`bars`: [{"label", "value", "text"}]. Geometry is computed here; the template draws it."""
    top = max([maximum or 0] + [bar["value"] for bar in bars]) or 1
    drawn = []
    for index, bar in enumerate(bars):
        width = round(PLOT_WIDTH * bar["value"] / top)
        drawn.append(
            {
                **bar,
                "y": index * (BAR_HEIGHT + GAP),
                "width": width,
                "text_x": LABEL_WIDTH + width + 6,
                "label_short": bar["label"] if len(bar["label"]) <= 38 else bar["label"][:36] + "…",
            }
        )
    number = next(_ids)
    return {
        "id": f"chart-{number}",
        "title": title,
        "description": description,
        "bars": drawn,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "text_offset": BAR_HEIGHT - 6,
        "width": LABEL_WIDTH + PLOT_WIDTH + 60,
        "height": max(1, len(drawn)) * (BAR_HEIGHT + GAP),
    }
