"""Item analysis of one quiz revision (Moodle's quiz statistics, inside Wagtail).

Attempts: submitted ones at one published revision (questions change between
revisions, so figures never mix them), in the period and group, and of each
learner the first (default), best, last, or all. Three queries: the attempts'
totals, the number of learners, and the answers grouped by (question, response,
score, attempt total): a few hundred rows whatever the number of attempts. Every
figure is then computed from those frequency tables by insights.statistics.

Top and bottom third (distractor analysis): attempts whose total is at or below
the total of the attempt a third of the way up (bottom), and at or above the
total a third of the way down (top). With ties a group can hold more than a
third; its size is shown.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Revision

from insights import statistics as st
from insights.filters import Scope
from insights.privacy import Suppressed, about, learner_count, min_group_size, too_small
from quizzes.models import Answer, Attempt, Quiz
from quizzes.scoring import LIKERT, MATCHING, SEQUENCING, is_survey
from quizzes.snapshot import quiz_questions

MODES = ("first", "best", "last", "all")


@dataclass
class ChoiceRow:
    label: str  # "A", "B", ... (or the item number for sequencing and matching)
    text: str
    correct: bool | None  # for sequencing and matching: None (the share is "placed right")
    overall: int | Suppressed
    overall_share: float | Suppressed | None
    top_share: float | Suppressed | None
    bottom_share: float | Suppressed | None


@dataclass
class QuestionRow:
    number: int
    question_id: str
    type: str
    prompt: str
    points: int
    attempts: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    reasons: list[str]
    note: str  # why a figure is missing, if one is
    choice_header: str
    choices: list[ChoiceRow] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return bool(self.reasons)


@dataclass
class Band:
    name: str
    attempts: int
    rule: str


@dataclass
class ItemAnalysis:
    quiz: Quiz | None
    revision_id: int | None
    mode: str
    is_survey: bool
    learners: int
    attempts: int
    suppressed: bool
    max_score: float
    mean_percent: float | None = None
    median_percent: float | None = None
    sd_percent: float | None = None
    alpha: float | None = None
    questions: list[QuestionRow] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    minimum: int = field(default_factory=min_group_size)

    @property
    def flagged(self) -> list[QuestionRow]:
        return [question for question in self.questions if question.needs_review]


def quiz_revisions(quiz: Quiz) -> list[Revision]:
    """The quiz's published revisions that have attempts (and the live one), newest first."""
    used = Attempt.objects.filter(quiz=quiz, quiz_revision__isnull=False).values(
        "quiz_revision_id")
    return list(
        Revision.objects.filter(Q(pk__in=used) | Q(pk=quiz.live_revision_id))
        .only("pk", "created_at").order_by("-created_at")
    )


def selected(*, revision_ids, mode: str, scope: Scope, path: str = "") -> Q:
    """Submitted attempts at the revision(s) in scope, one per learner unless mode is 'all',
    as a condition on the attempt at `path` ("" for Attempt, "attempt__" for Answer), so
    the answers query filters its own join to the attempt instead of a second scan."""
    condition = (
        Q(**{f"{path}quiz_revision_id__in": revision_ids,
             f"{path}status": Attempt.Status.SUBMITTED})
        & scope.in_period(f"{path}submitted_at") & scope.in_group(f"{path}user")
    )
    if mode == "first":
        return condition & Q(**{f"{path}number": 1})
    if mode == "all":
        return condition
    # One attempt per learner: those with no better (or later) attempt in scope, as an
    # anti-join, which PostgreSQL runs as a hash anti join over the revision's attempts.
    rivals = Attempt.objects.filter(
        scope.in_period("submitted_at"), status=Attempt.Status.SUBMITTED,
        user_id=OuterRef(f"{path}user_id"), quiz_revision_id=OuterRef(f"{path}quiz_revision_id"),
    )
    if mode == "last":
        rivals = rivals.filter(number__gt=OuterRef(f"{path}number"))
    else:
        rivals = rivals.filter(
            Q(raw_score__gt=OuterRef(f"{path}raw_score"))
            | Q(raw_score=OuterRef(f"{path}raw_score"), number__lt=OuterRef(f"{path}number")))
    return condition & ~Exists(rivals)


def selected_attempts(*, revision_ids, mode: str, scope: Scope):
    return Attempt.objects.filter(selected(revision_ids=revision_ids, mode=mode, scope=scope))


def revision_questions(quiz: Quiz, revision: Revision) -> list[dict]:
    """The questions as that revision had them (no query: the quiz row is at hand)."""
    if revision.pk == quiz.live_revision_id and quiz.live:
        return quiz_questions(quiz)  # a live snippet's row holds its published content
    return quiz_questions(quiz.with_content_json(revision.content))


def item_analysis(*, quiz: Quiz, revision: Revision, mode: str, scope: Scope) -> ItemAnalysis:
    questions = revision_questions(quiz, revision)
    if is_survey(questions):
        return ItemAnalysis(quiz=quiz, revision_id=revision.pk, mode=mode, is_survey=True,
                            learners=0, attempts=0, suppressed=False, max_score=0)
    rows = answer_rows(selected(revision_ids=[revision.pk], mode=mode, scope=scope,
                                path="attempt__"))
    totals = totals_from_rows(rows)
    if mode == "all":  # retakes: count the learners behind the attempts
        attempts = selected_attempts(revision_ids=[revision.pk], mode=mode, scope=scope)
        learners = attempts.aggregate(n=Count("user_id", distinct=True))["n"]
    else:  # one attempt per learner
        learners = st.count(totals)
    return analyse(questions, totals=totals, learners=learners, rows=rows, quiz=quiz,
                   revision_id=revision.pk, mode=mode)


def totals_from_rows(rows) -> Counter:
    """The attempts' totals, from the grouped answers (no second scan of the attempts).

    A submitted attempt has answered every question, so any one question's rows
    count every attempt once, by its total; the most-answered question is used.
    """
    per_question: dict[str, Counter] = defaultdict(Counter)
    for qid, _response, _score, total, k in rows:
        per_question[qid][total] += k
    return max(per_question.values(), key=st.count, default=Counter())


def answer_rows(condition: Q) -> list[tuple[str, dict, float, float, int]]:
    """(question id, response, score, attempt total, count) for the selected attempts."""
    grouped = (
        Answer.objects.filter(condition)
        .exclude(question_type=LIKERT)
        .values_list("question_id", "response", "score", "attempt__raw_score")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(qid, _json(response), score, total, n) for qid, response, score, total, n in grouped]


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _bands(totals: Counter) -> tuple[float | None, float | None]:
    """(bottom cutoff, top cutoff): totals at or below / at or above them form the thirds."""
    n = st.count(totals)
    if not n:
        return None, None
    third = math.ceil(n / 3)
    ordered = sorted(totals.items())
    seen = 0
    bottom = top = None
    for value, k in ordered:
        seen += k
        if bottom is None and seen >= third:
            bottom = value
        if top is None and seen >= n - third + 1:
            top = value
    return bottom, top


def _band(total: float, bottom_cut: float, top_cut: float) -> str:
    """'bottom', 'top' or 'middle'. When ties make the cutoffs meet, top is above bottom's."""
    if total <= bottom_cut:
        return "bottom"
    if total >= top_cut:
        return "top"
    return "middle"


def analyse(questions, *, totals: Counter, learners: int, rows, quiz=None, revision_id=None,
            mode="first") -> ItemAnalysis:
    """Every figure of the item analysis from the grouped rows (pure: no queries)."""
    scored = [question for question in questions if question["type"] != LIKERT]
    n = st.count(totals)
    max_score = sum(question["points"] for question in scored)
    result = ItemAnalysis(quiz=quiz, revision_id=revision_id, mode=mode, is_survey=False,
                          learners=learners, attempts=n, suppressed=too_small(learners),
                          max_score=max_score)
    if result.suppressed:
        return result
    bottom_cut, top_cut = _bands(totals)
    sizes = Counter()
    for value, k in totals.items():
        sizes[_band(value, bottom_cut, top_cut)] += k
    top_rule = (f"total {top_cut:g} or more" if top_cut > bottom_cut
                else f"total above {bottom_cut:g}")
    result.bands = [Band("top", sizes["top"], top_rule),
                    Band("bottom", sizes["bottom"], f"total {bottom_cut:g} or less")]
    if max_score:
        scale = 100 / max_score
        centre = st.mean(totals, min_n=st.MIN_SAMPLE)
        mid = st.median(totals, min_n=st.MIN_SAMPLE)
        spread = st.standard_deviation(totals, min_n=st.MIN_SAMPLE)
        result.mean_percent = None if centre is None else centre * scale
        result.median_percent = None if mid is None else mid * scale
        result.sd_percent = None if spread is None else spread * scale

    pairs: dict[str, Counter] = defaultdict(Counter)
    picks: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    by_id = {question["id"]: question for question in scored}
    for qid, response, score, total, k in rows:
        question = by_id.get(qid)
        if question is None:
            continue
        pairs[qid][(score, round(total - score, 9))] += k
        band = _band(total, bottom_cut, top_cut)
        for choice_id in _hits(question, response):
            picks[qid][choice_id]["overall"] += k
            picks[qid][choice_id][band] += k

    item_variances = []
    for number, question in enumerate(scored, start=1):
        row = _question_row(number, question, pairs[question["id"]], picks[question["id"]], sizes)
        result.questions.append(row)
        item_variances.append(st.variance(st.marginals(pairs[question["id"]])[0],
                                          min_n=st.MIN_SAMPLE))
    result.alpha = st.cronbach_alpha(item_variances, st.variance(totals, min_n=st.MIN_SAMPLE))
    return result


def _hits(question: dict, response: dict) -> list[str]:
    """The choice ids a response counts for: picked ones, or items placed right."""
    if question["type"] == SEQUENCING:
        order = response.get("order", [])
        right = [c["id"] for c in sorted(question["choices"], key=lambda c: c["position"] or 0)]
        return [item for index, item in enumerate(order) if index < len(right)
                and right[index] == item]
    if question["type"] == MATCHING:
        matches = response.get("matches", {})
        return [c["id"] for c in question["choices"] if matches.get(c["id"]) == c["target"]]
    return list(response.get("choices", []))


def _question_row(number, question, pairs: Counter, picks, sizes) -> QuestionRow:
    n = st.count(pairs)
    scores = st.marginals(pairs)[0]
    facility = st.facility(scores, question["points"])
    discrimination = st.discrimination_index(pairs)
    note = ""
    if n < st.MIN_SAMPLE:
        note = f"not enough data (fewer than {st.MIN_SAMPLE} attempts)"
    elif discrimination is None:
        note = "no spread: every attempt scored the same here or on the rest of the quiz"
    placed = question["type"] in (SEQUENCING, MATCHING)
    choices = []
    for index, choice in enumerate(question["choices"]):
        counts = picks.get(choice["id"], Counter())
        choices.append(ChoiceRow(
            label=str(index + 1) if placed else chr(ord("A") + index % 26),
            text=choice["text"],
            correct=None if placed else bool(choice["correct"]),
            overall=learner_count(counts["overall"]),
            overall_share=_share(counts["overall"], n),
            top_share=_share(counts["top"], sizes["top"]),
            bottom_share=_share(counts["bottom"], sizes["bottom"]),
        ))
    return QuestionRow(
        number=number,
        question_id=question["id"],
        type=question["type"],
        prompt=question["prompt"],
        points=question["points"],
        attempts=n,
        facility=facility,
        sd=st.standard_deviation(scores, min_n=st.MIN_SAMPLE),
        discrimination=discrimination,
        efficiency=st.discriminative_efficiency(pairs),
        reasons=st.review_reasons(facility, discrimination),
        note=note,
        choice_header="Placed right" if placed else "Picked",
        choices=choices,
    )


def _share(part: int, whole: int) -> float | Suppressed | None:
    """part / whole: a statistic about the `whole` group, shown if it is large enough."""
    if not whole:
        return None
    return about(whole, part / whole)


def flagged_quizzes(*, scope: Scope | None = None) -> list[ItemAnalysis]:
    """Item analysis (first attempts) of every quiz's live revision that flags a question.

    Two queries for all quizzes together."""
    scope = scope or Scope()
    quizzes = {
        quiz.live_revision_id: quiz
        for quiz in Quiz.objects.filter(live=True, live_revision__isnull=False)
    }
    condition = selected(revision_ids=list(quizzes), mode="first", scope=scope, path="attempt__")
    rows: dict[int, list] = defaultdict(list)
    grouped = (
        Answer.objects.filter(condition).exclude(question_type=LIKERT)
        .values_list("attempt__quiz_revision_id", "question_id", "response", "score",
                     "attempt__raw_score")
        .annotate(n=Count("pk")).order_by()
    )
    for revision_id, qid, response, score, total, k in grouped:
        rows[revision_id].append((qid, _json(response), score, total, k))
    flagged = []
    for revision_id, quiz in quizzes.items():
        questions = quiz_questions(quiz)
        totals = totals_from_rows(rows[revision_id])
        if is_survey(questions) or not totals:
            continue
        analysis = analyse(questions, totals=totals, learners=st.count(totals),
                           rows=rows[revision_id], quiz=quiz, revision_id=revision_id)
        if analysis.flagged and not analysis.suppressed:
            flagged.append(analysis)
    return flagged
