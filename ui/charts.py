"""The app's charts as plain Vega-Lite specifications.

Streamlit draws a Vega-Lite dict as it is. An Altair chart is first checked against the whole
Vega-Lite schema, which took about 0.4 s of the review page on a 60-minute session (the first
check in a process loads the schema); these three small charts need none of it.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

MOMENT = {"field": "moment", "type": "quantitative", "title": "Moment in the session"}
CHANGE, STAY = "Reasons to change", "Reasons to stay as is"
LEVELS = ("firm", "hedged", "exploring", "resisting")
LEVEL_COLOURS = ("#2e7d32", "#f9a825", "#1565c0", "#c62828")


def mood_line(rows: list[dict[str, float]]) -> Spec:
    """Mood (-1 to 1) at each moment: rows of {"moment", "mood"}."""
    return {
        "data": {"values": rows},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": MOMENT,
            "y": {"field": "mood", "type": "quantitative", "title": "Mood (low to high)", "scale": {"domain": [-1, 1]}},
        },
    }


def running_counts(rows: list[dict[str, Any]]) -> Spec:
    """Two running counts over the session: rows of {"moment", "said", "count"}."""
    return {
        "data": {"values": rows},
        "mark": {"type": "line"},
        "encoding": {
            "x": MOMENT,
            "y": {"field": "count", "type": "quantitative", "title": "Running count"},
            "color": {
                "field": "said",
                "type": "nominal",
                "title": None,
                "scale": {"domain": [CHANGE, STAY], "range": ["#2e7d32", "#c62828"]},
            },
        },
    }


def firmness_bars(rows: list[dict[str, Any]]) -> Spec:
    """Intentions by firmness, one stacked bar per session: rows of {"Session", "How firmly",
    "Intentions said"}, sessions in the order given."""
    return {
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "Session", "type": "nominal", "sort": None, "axis": {"labelAngle": 0}},
            "y": {"field": "Intentions said", "type": "quantitative"},
            "color": {
                "field": "How firmly",
                "type": "nominal",
                "sort": list(LEVELS),
                "scale": {"domain": list(LEVELS), "range": list(LEVEL_COLOURS)},
            },
        },
    }
