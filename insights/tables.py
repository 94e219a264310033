"""Every Insights table, built once from a selector's result and shown two ways: as an
HTML table on the page (templates/insights/includes/table.html) and as a CSV
download (csv_export.py). So the CSV holds exactly what the page shows.

Column formats: "text", "int", "percent" (a 0..1 share, shown as %), "number"
(one decimal), "decimal" (two decimals), "datetime", "date".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from insights.privacy import Suppressed, learner_count
from insights.selectors.funnel import CourseFunnel
from insights.selectors.items import ItemAnalysis
from insights.selectors.pulse import Pulse


@dataclass(frozen=True)
class Column:
    label: str
    format: str = "text"


@dataclass
class Table:
    slug: str
    caption: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    row_classes: list[str] = field(default_factory=list)

    def csv_rows(self):
        for row in self.rows:
            yield [csv_value(value, column.format)
                   for value, column in zip(row, self.columns, strict=True)]

    def csv_header(self) -> list[str]:
        return [column.label + (" (%)" if column.format == "percent" else "")
                for column in self.columns]


def csv_value(value, fmt: str):
    if isinstance(value, Suppressed):
        return str(value)
    if fmt == "percent" and isinstance(value, int | float):
        return round(100 * value, 2)
    if fmt in ("number", "decimal") and isinstance(value, float):
        return round(value, 4)
    return value


# Funnel -------------------------------------------------------------------------------------


def funnel_tables(funnel: CourseFunnel) -> list[Table]:
    lessons = Table(
        slug="lessons",
        caption=f"Funnel per lesson of {funnel.course.title}",
        columns=[Column("Lesson"), Column("Opened", "int"), Column("Started quiz", "int"),
                 Column("Share started", "percent"), Column("Passed quiz", "int"),
                 Column("Share passed", "percent"), Column("Completed", "int"),
                 Column("Share completed", "percent"),
                 Column("Median hours to complete", "number")],
    )
    for number, lesson in enumerate(funnel.lessons, start=1):
        s, share = lesson.stages, lesson.shares
        lessons.rows.append([
            f"{number}. {lesson.title}", s["opened"], _quiz(lesson, s["started"]),
            share["started"], _quiz(lesson, s["passed"]), share["passed"], s["completed"],
            share["completed"], lesson.median_hours_to_complete,
        ])
    weeks = Table(
        slug="weeks",
        caption="Course completions per week (weeks start on Monday)",
        columns=[Column("Week of", "date"), Column("Completions", "int")],
        rows=[[week.week, week.completions] for week in funnel.weeks],
    )
    return [lessons, weeks]


def _quiz(lesson, value):
    return "no quiz" if not lesson.has_quiz else value


# Item analysis ------------------------------------------------------------------------------


def item_tables(analysis: ItemAnalysis) -> list[Table]:
    summary = Table(
        slug="summary", caption="The quiz as a whole",
        columns=[Column("Learners", "int"), Column("Attempts", "int"),
                 Column("Mean score", "percent"), Column("Median score", "percent"),
                 Column("Standard deviation", "percent"), Column("Cronbach's alpha", "decimal")],
        rows=[[analysis.learners, analysis.attempts, _pct(analysis.mean_percent),
               _pct(analysis.median_percent), _pct(analysis.sd_percent), analysis.alpha]],
    )
    questions = Table(
        slug="questions", caption="Per question",
        columns=[Column("Q"), Column("Question"), Column("Type"), Column("Attempts", "int"),
                 Column("Facility", "percent"), Column("SD (share of max)", "decimal"),
                 Column("Discrimination index", "number"),
                 Column("Discriminative efficiency", "number"), Column("Needs review")],
    )
    choices = Table(
        slug="choices",
        caption="Per choice: how often it was picked (or, for sequencing and matching, placed "
        "right), overall and by the top and bottom third of scorers",
        columns=[Column("Q"), Column("Choice"), Column("Text"), Column("Correct"),
                 Column("Learners", "int"), Column("Overall", "percent"),
                 Column("Top third", "percent"), Column("Bottom third", "percent")],
    )
    for question in analysis.questions:
        sd_share = question.sd / question.points if question.sd is not None and question.points \
            else None
        questions.rows.append([
            f"Q{question.number}", question.prompt, question.type.replace("_", " "),
            question.attempts, question.facility, sd_share, question.discrimination,
            question.efficiency,
            "; ".join(question.reasons) if question.reasons else (question.note or "no"),
        ])
        questions.row_classes.append("insights-flagged" if question.needs_review else "")
        for choice in question.choices:
            choices.rows.append([
                f"Q{question.number}", choice.label, choice.text,
                "" if choice.correct is None else choice.correct, choice.overall,
                choice.overall_share, choice.top_share, choice.bottom_share,
            ])
            choices.row_classes.append("")
    return [summary, questions, choices]


def _pct(value: float | None) -> float | None:
    return None if value is None else value / 100


# Pulse --------------------------------------------------------------------------------------


def pulse_tables(result: Pulse, labels: list[str]) -> list[Table]:
    points = max([len(s.labels) for s in result.statements] + [len(labels)])
    heading = labels + [f"Point {n}" for n in range(len(labels) + 1, points + 1)]
    table = Table(
        slug="statements", caption="Answers per statement, in the period and the one before",
        columns=[Column("S"), Column("Statement"), Column("Quiz"), Column("Period"),
                 Column("Learners", "int"), Column("Answers", "int")]
        + [Column(label, "percent") for label in heading]
        + [Column("Agree (top two)", "percent"), Column("Change (points)", "number")],
    )
    for number, statement in enumerate(result.statements, start=1):
        for period, name in (("current", "now"), ("previous", "before")):
            d = getattr(statement, period)
            shares = d.shares
            if d.suppressed:
                cells = [Suppressed(result.minimum)] * points
            else:
                cells = (shares or [None] * len(d.counts)) + [None] * (points - len(d.counts))
            table.rows.append(
                [f"S{number}", statement.prompt, statement.quiz_title, name,
                 learner_count(d.learners), d.answers if not d.suppressed else
                 Suppressed(result.minimum)]
                + cells + [d.agree, statement.change if period == "current" else None]
            )
    return [table]
