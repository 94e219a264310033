"""Chart geometry for server-rendered SVG (templates/insights/charts/*.html).

Pure functions: figures in, shapes out (coordinates in the SVG's own units; the
SVG scales to its container through viewBox). Each chart also gets a plain-text
description for <desc>; the page shows the same numbers in a table. A withheld
figure (privacy.Suppressed) or a missing one is drawn as nothing, and said so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from insights.privacy import Suppressed

WIDTH = 640
LABEL_WIDTH = 150
STAGE_COLOURS = ["#1d4f91", "#2a7ab0", "#2f9e8f", "#207a3c"]
# A diverging scale for Likert points, disagree (warm) to agree (cool); 3 to 7 points.
LIKERT_COLOURS = {
    3: ["#b2182b", "#cfcfcf", "#2166ac"],
    4: ["#b2182b", "#ef8a62", "#67a9cf", "#2166ac"],
    5: ["#b2182b", "#ef8a62", "#cfcfcf", "#67a9cf", "#2166ac"],
    6: ["#b2182b", "#d6604d", "#f4a582", "#92c5de", "#4393c3", "#2166ac"],
    7: ["#b2182b", "#d6604d", "#f4a582", "#cfcfcf", "#92c5de", "#4393c3", "#2166ac"],
}


def _number(value) -> float | None:
    return None if value is None or isinstance(value, Suppressed) else float(value)


@dataclass
class Chart:
    title: str
    description: str
    width: int
    height: int
    shapes: dict = field(default_factory=dict)


def funnel_bars(lessons, stages) -> Chart:
    """Per lesson, one bar per stage, as a share of the largest 'opened' count."""
    bar, gap, group_gap = 14, 3, 18
    top = max([_number(lesson.stages["opened"]) or 0 for lesson in lessons] + [1])
    plot = WIDTH - LABEL_WIDTH - 60
    groups, y, lines = [], 10, []
    for number, lesson in enumerate(lessons, start=1):
        bars = []
        said = []
        for index, (key, label) in enumerate(stages):
            value = _number(lesson.stages[key])
            length = 0 if value is None else plot * value / top
            text = "no quiz" if lesson.stages[key] is None else str(lesson.stages[key])
            bars.append({"y": y + index * (bar + gap), "width": round(length, 1), "height": bar,
                         "colour": STAGE_COLOURS[index], "label": label, "text": text,
                         "text_x": round(LABEL_WIDTH + length + 4, 1)})
            said.append(f"{label.lower()} {text}")
        groups.append({"label": f"Lesson {number}", "y": y + 2 * (bar + gap) - gap / 2,
                       "bars": bars})
        lines.append(f"Lesson {number}, {lesson.title}: " + ", ".join(said) + ".")
        y += len(stages) * (bar + gap) + group_gap
    legend_y = y
    return Chart(
        title="Learners at each stage, per lesson",
        description=" ".join(lines) or "No lessons.",
        width=WIDTH, height=int(legend_y + 24),
        shapes={"groups": groups, "x0": LABEL_WIDTH, "legend_y": legend_y,
                "legend": [{"label": label, "colour": STAGE_COLOURS[i], "x": 10 + i * 155}
                           for i, (_key, label) in enumerate(stages)]},
    )


def weekly_columns(weeks) -> Chart:
    """Course completions per week (Monday), as columns."""
    height, bottom, left = 200, 30, 40
    values = [_number(week.completions) for week in weeks]
    top = max([v for v in values if v is not None] + [1])
    plot_w = WIDTH - left - 10
    step = plot_w / max(len(weeks), 1)
    label_every = max(1, round(len(weeks) / 8))
    columns = []
    for i, (week, value) in enumerate(zip(weeks, values, strict=True)):
        h = 0 if value is None else (height - bottom - 10) * value / top
        columns.append({
            "x": round(left + i * step + step * 0.15, 1), "width": round(step * 0.7, 1),
            "y": round(height - bottom - h, 1), "height": round(h, 1),
            "label": week.week.strftime("%d %b") if i % label_every == 0 else "",
            "label_x": round(left + i * step + step / 2, 1),
            "text": str(week.completions), "week": week.week,
        })
    said = "; ".join(f"week of {week.week:%d %b %Y}: {week.completions}" for week in weeks)
    return Chart(
        title="Course completions per week",
        description=f"Completions per week, {len(weeks)} weeks. {said}." if weeks
        else "No completions in this period.",
        width=WIDTH, height=height,
        shapes={"columns": columns, "baseline": height - bottom, "left": left,
                "top_value": int(top), "top_y": 10, "label_y": height - bottom + 16},
    )


def item_scatter(questions, *, facility_low: float, facility_high: float,
                 discrimination_low: float) -> Chart:
    """Facility (x, 0..1) against discrimination index (y, -100..100); review zones shaded."""
    size, pad = 320, 44
    plot = size - 2 * pad + 20

    def x(f):
        return round(pad + f * plot, 1)

    def y(d):
        return round(pad - 24 + (100 - d) / 200 * plot, 1)

    points, said = [], []
    for question in questions:
        f, d = question.facility, question.discrimination
        if f is None or d is None:
            said.append(f"Q{question.number}: not plotted ({question.note or 'no figure'})")
            continue
        points.append({"x": x(f), "y": y(d), "label": f"Q{question.number}",
                       "flagged": question.needs_review})
        said.append(f"Q{question.number}: facility {f:.2f}, discrimination {d:.0f}"
                    + (" (needs review)" if question.needs_review else ""))
    zones = [
        {"x": x(0), "y": y(100), "width": x(facility_low) - x(0), "height": y(-100) - y(100)},
        {"x": x(facility_high), "y": y(100), "width": x(1) - x(facility_high),
         "height": y(-100) - y(100)},
        {"x": x(0), "y": y(discrimination_low), "width": x(1) - x(0),
         "height": y(-100) - y(discrimination_low)},
    ]
    return Chart(
        title="Facility against discrimination, per question",
        description="Shaded areas need review (facility below "
        f"{facility_low}, above {facility_high}, or discrimination below "
        f"{discrimination_low:.0f}). " + "; ".join(said) + ".",
        width=size + 20, height=size,
        shapes={"points": points, "zones": zones,
                "axis": {"x0": x(0), "x1": x(1), "y_top": y(100), "y_bottom": y(-100),
                         "y0": y(0), "x_mid": x(0.5)},
                "x_ticks": [{"x": x(v), "label": f"{v:g}"} for v in (0, 0.5, 1)],
                "y_ticks": [{"y": y(v), "label": f"{v:g}"} for v in (-100, 0, 30, 100)]},
    )


def likert_stacks(statements) -> Chart:
    """Per statement, the current and the previous period as 100% stacked bars."""
    bar, gap, group_gap, left = 16, 4, 22, 100
    plot = WIDTH - left - 10
    rows, said, y = [], [], 10
    points = max([len(s.labels) for s in statements] + [5])
    colours = LIKERT_COLOURS.get(points, LIKERT_COLOURS[5])
    for number, statement in enumerate(statements, start=1):
        for offset, (period, label) in enumerate((("current", "Now"), ("previous", "Before"))):
            distribution = getattr(statement, period)
            shares = distribution.shares
            segments, x0 = [], left
            if shares:
                for index, share in enumerate(shares):
                    w = plot * share
                    segments.append({"x": round(x0, 1), "width": round(w, 1),
                                     "colour": colours[index % len(colours)],
                                     "title": f"{statement.labels[index]}: {share:.0%}"})
                    x0 += w
            rows.append({"y": y + offset * (bar + gap), "height": bar, "segments": segments,
                         "label": f"S{number} {label}",
                         "empty": "fewer than the minimum" if distribution.suppressed
                         else ("no answers" if not shares else "")})
            agree = distribution.agree
            agree_text = f"{agree:.0%}" if isinstance(agree, float) else str(agree or "no answers")
            said.append(f"Statement {number} ({label.lower()}): agree {agree_text}")
        y += 2 * (bar + gap) + group_gap
    labels = statements[0].labels if statements else []
    return Chart(
        title="Answers to each statement, now and before",
        description="; ".join(said) + "." if said else "No answers.",
        width=WIDTH, height=int(y + 30),
        shapes={"rows": rows, "legend_y": y + 4, "left": left,
                "legend": [{"label": label, "colour": colours[i % len(colours)],
                            "x": 10 + i * (WIDTH - 20) / max(len(labels), 1)}
                           for i, label in enumerate(labels)]},
    )
