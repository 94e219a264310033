"""Pulse: how learners answer each Likert statement, and how that moves between two periods.

Every submitted Likert answer in a period counts (a learner who takes a survey
twice in a period counts twice: each submission is what they thought then);
privacy counts distinct learners. A statement is one question (stable id) of
one quiz; its wording and scale come from the quiz's published content. Three
queries, whatever the number of statements, answers or groups.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Q, Value, When

from insights.filters import Scope
from insights.privacy import Suppressed, about, min_group_size, too_small
from quizzes.models import Answer, Attempt, Quiz
from quizzes.scoring import LIKERT
from quizzes.snapshot import quiz_questions

PERIODS = ("current", "previous")


@dataclass
class Distribution:
    learners: int
    answers: int
    counts: list[int]
    suppressed: bool

    @property
    def shares(self) -> list[float] | None:
        if self.suppressed or not self.answers:
            return None
        return [k / self.answers for k in self.counts]

    @property
    def agree(self) -> float | Suppressed | None:
        """Share of answers on the top two points of the scale."""
        if not self.answers:
            return None
        return about(self.learners, sum(self.counts[-2:]) / self.answers)


@dataclass
class Statement:
    quiz_title: str
    question_id: str
    prompt: str
    labels: list[str]
    current: Distribution
    previous: Distribution

    @property
    def change(self) -> float | Suppressed | None:
        """Change in the share agreeing, in percentage points (current minus previous)."""
        now, before = self.current.agree, self.previous.agree
        if isinstance(now, Suppressed) or isinstance(before, Suppressed):
            return Suppressed(min_group_size())
        if now is None or before is None:
            return None
        return 100 * (now - before)


@dataclass
class Pulse:
    statements: list[Statement] = field(default_factory=list)
    minimum: int = field(default_factory=min_group_size)


def _in_periods(current: Scope, previous: Scope, attempt: str = "") -> tuple[Q, Case]:
    """(the filter for either period, the expression naming the period) on an attempt path."""
    submitted_at = f"{attempt}submitted_at"
    in_current = Q(**{f"{submitted_at}__isnull": False}) & current.in_period(submitted_at)
    in_previous = Q(**{f"{submitted_at}__isnull": False}) & previous.in_period(submitted_at)
    period = Case(When(in_current, then=Value("current")), default=Value("previous"),
                  output_field=CharField())
    return in_current | in_previous, period


def _likert_answers(current: Scope, previous: Scope):
    either, period = _in_periods(current, previous, "attempt__")
    return (
        Answer.objects.filter(question_type=LIKERT, attempt__status=Attempt.Status.SUBMITTED)
        .filter(either, current.in_group("attempt__user"))
        .annotate(period=period)
    )


def _respondents(current: Scope, previous: Scope, quiz_ids) -> Counter:
    """Distinct learners per (quiz, period) among submitted attempts: a submitted attempt
    has answered every statement of its quiz, so this is each statement's respondents."""
    either, period = _in_periods(current, previous)
    return Counter({
        (quiz_id, name): n for quiz_id, name, n in
        Attempt.objects.filter(status=Attempt.Status.SUBMITTED, quiz_id__in=quiz_ids)
        .filter(either, current.in_group())
        .annotate(period=period).values_list("quiz_id", "period")
        .annotate(n=Count("user_id", distinct=True)).order_by()
    })


def pulse(*, current: Scope, previous: Scope) -> Pulse:
    answers = _likert_answers(current, previous)
    counts: dict[tuple, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for quiz_id, qid, response, period, n in (
        answers.values_list("attempt__quiz_id", "question_id", "response", "period")
        .annotate(n=Count("pk")).order_by()
    ):
        choice = _point(response)
        if choice:
            counts[(quiz_id, qid)][period][choice] += n
    quiz_ids = {quiz_id for quiz_id, _ in counts}
    respondents = _respondents(current, previous, quiz_ids)
    learners = {(quiz_id, qid): Counter({period: respondents[(quiz_id, period)]
                                         for period in PERIODS})
                for quiz_id, qid in counts}
    quizzes = Quiz.objects.filter(pk__in=quiz_ids).order_by("title")
    result = Pulse()
    for quiz in quizzes:
        known = [q for q in quiz_questions(quiz) if q["type"] == LIKERT]
        known_ids = {q["id"] for q in known}
        gone = [{"id": qid, "prompt": "(a statement no longer in the quiz)", "choices": []}
                for quiz_id, qid in counts if quiz_id == quiz.pk and qid not in known_ids]
        for question in known + gone:
            key = (quiz.pk, question["id"])
            if key not in counts:
                continue
            labels = [choice["text"] for choice in question["choices"]]
            points = max([len(labels)] + [p for period in PERIODS for p in counts[key][period]])
            labels += [f"Point {n}" for n in range(len(labels) + 1, points + 1)]
            result.statements.append(Statement(
                quiz_title=quiz.title, question_id=question["id"], prompt=question["prompt"],
                labels=labels,
                **{period: _distribution(counts[key][period], learners[key][period], points)
                   for period in PERIODS},
            ))
    return result


def _point(response) -> int | None:
    """likert_3 -> 3."""
    if isinstance(response, str):  # SQLite hands JSON back as text in grouped rows
        response = json.loads(response)
    choices = response.get("choices") or [""]
    prefix, _, number = choices[0].rpartition("_")
    return int(number) if prefix == "likert" and number.isdigit() else None


def _distribution(by_point: Counter, learners: int, points: int) -> Distribution:
    answers = sum(by_point.values())
    return Distribution(
        learners=learners, answers=answers,
        counts=[by_point.get(n, 0) for n in range(1, points + 1)],
        suppressed=bool(answers) and too_small(learners),
    )
