"""Synthetic learner activity for demos and benchmarks (``manage.py generate_activity``).

Learners differ in ability (how likely they answer right, from a two-parameter
item-response model, so item statistics mean something), motivation (how far
they get through the course) and attitude (how they answer Likert statements,
which drifts upward over time, so the Pulse shows a change). Each learner
belongs to one department and one location group; a tiny "Board" group shows
the small-group suppression.

Every answer is scored by the product's own rules (quizzes.scoring), and rows are
written with bulk inserts, a chunk of learners at a time. Synthetic users get
unusable passwords (they cannot sign in) and usernames starting with "sim-".
Attempts keep the question snapshot as the product stores it; their
``result`` (the per-question feedback shown to a learner) is left empty.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from lessons.models import LessonPage
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Answer, Attempt
from quizzes.scoring import (
    LIKERT,
    MATCHING,
    MULTIPLE_RESPONSE,
    SEQUENCING,
    is_survey,
    score_question,
)
from quizzes.snapshot import quiz_questions

DEPARTMENTS = ["Sales", "Finance", "Logistics", "Customer Service", "Engineering", "HR"]
LOCATIONS = ["Berlin", "Lisbon", "Austin", "Singapore"]
SMALL_GROUP = ("Board", 3)
FIRST_NAMES = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jon",
               "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tao"]
LAST_NAMES = ["Alves", "Berg", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Hoang", "Ito",
              "Jensen", "Khan", "Lopez", "Meyer", "Novak", "Okafor", "Patel", "Rossi", "Silva"]


@dataclass
class QuizPlan:
    lesson: LessonPage
    quiz_id: int | None
    revision_id: int | None
    pass_mark: int = 80
    all_or_nothing: bool = False
    title: str = ""
    questions: list[dict] = field(default_factory=list)
    survey: bool = False
    params: dict[str, tuple[float, float]] = field(default_factory=dict)  # id -> (a, b)


@dataclass
class Totals:
    learners: int = 0
    attempts: int = 0
    answers: int = 0
    lesson_rows: int = 0
    course_rows: int = 0


def _question_params(index: int, quiz_index: int) -> tuple[float, float]:
    """(discrimination a, difficulty b), fixed by the question's place in the course (not its
    id, a random UUID, so the same seed gives the same activity); two deliberately poor items."""
    rng = random.Random(f"question {quiz_index}.{index}")
    a, b = rng.uniform(0.9, 2.2), rng.uniform(-1.6, 0.4)
    if quiz_index == 1 and index == 2:
        b = -4.5  # everyone knows it: too easy
    if quiz_index == 2 and index == 1:
        a = 0.05  # answered right or wrong regardless of ability: weak discrimination
    return a, b


def course_plan(course: CoursePage) -> list[QuizPlan]:
    plans = []
    lessons = LessonPage.objects.child_of(course).live().order_by("path").select_related("quiz")
    for quiz_index, lesson in enumerate(lessons):
        quiz = lesson.quiz if lesson.quiz_id and lesson.quiz.live else None
        if quiz is None:
            plans.append(QuizPlan(lesson=lesson, quiz_id=None, revision_id=None))
            continue
        questions = quiz_questions(quiz)
        plans.append(QuizPlan(
            lesson=lesson, quiz_id=quiz.pk, revision_id=quiz.live_revision_id,
            pass_mark=quiz.pass_mark, all_or_nothing=quiz.all_or_nothing, title=quiz.title,
            questions=questions, survey=is_survey(questions),
            params={q["id"]: _question_params(i, quiz_index)
                    for i, q in enumerate(questions)},
        ))
    return plans


class Simulator:
    def __init__(self, *, course: CoursePage, weeks: int, seed: int, now: dt.datetime):
        self.course = course
        self.plans = course_plan(course)
        self.rng = random.Random(seed)
        self.now = now
        self.window_start = now - dt.timedelta(weeks=weeks)
        self.window = (now - self.window_start).total_seconds()
        self._scored: dict[tuple, tuple] = {}

    # Answers ---------------------------------------------------------------------------

    def response(self, question: dict, plan: QuizPlan, ability: float, attitude: float,
                 when: dt.datetime) -> dict:
        rng = self.rng
        choices = question["choices"]
        if question["type"] == LIKERT:
            drift = 0.9 * ((when - self.window_start).total_seconds() / self.window)
            point = round(3.2 + 0.9 * attitude + drift + rng.gauss(0, 0.7))
            return {"choices": [f"likert_{min(len(choices), max(1, point))}"]}
        a, b = plan.params[question["id"]]
        right = rng.random() < 1 / (1 + math.exp(-a * (ability - b)))
        if question["type"] == SEQUENCING:
            order = [c["id"] for c in sorted(choices, key=lambda c: c["position"] or 0)]
            if not right and len(order) > 1:
                i = rng.randrange(len(order) - 1)
                order[i], order[i + 1] = order[i + 1], order[i]
            return {"order": order}
        if question["type"] == MATCHING:
            matches = {c["id"]: c["target"] for c in choices}
            ids = list(matches)
            if not right and len(ids) > 1:
                i, j = rng.sample(range(len(ids)), 2)
                matches[ids[i]], matches[ids[j]] = matches[ids[j]], matches[ids[i]]
            return {"matches": matches}
        correct = [c["id"] for c in choices if c["correct"]]
        wrong = [c["id"] for c in choices if not c["correct"]]
        if question["type"] == MULTIPLE_RESPONSE:
            picked = set(correct)
            if not right:
                if wrong and (rng.random() < 0.6 or len(picked) <= 1):
                    picked.add(wrong[0] if rng.random() < 0.7 else rng.choice(wrong))
                if len(picked) > 1 and rng.random() < 0.6:
                    picked.discard(rng.choice(sorted(picked & set(correct)) or sorted(picked)))
            return {"choices": [c["id"] for c in choices if c["id"] in picked]}
        if right or not wrong:
            return {"choices": correct[:1]}
        # The first wrong choice is the most attractive distractor.
        return {"choices": [wrong[0] if rng.random() < 0.6 else rng.choice(wrong)]}

    def scored(self, question: dict, plan: QuizPlan, response: dict) -> tuple[str, float, int]:
        key = (question["id"], json.dumps(response, sort_keys=True))
        if key not in self._scored:
            result = score_question(question, response, all_or_nothing=plan.all_or_nothing)
            self._scored[key] = (result.outcome, float(result.score), result.points)
        return self._scored[key]

    # One learner -----------------------------------------------------------------------

    def learner(self, user_id: int, rows: dict) -> None:
        rng = self.rng
        ability = rng.gauss(0, 1)
        motivation = rng.gauss(0, 1)
        attitude = rng.gauss(0, 1)
        t = self.window_start + dt.timedelta(seconds=self.window * rng.random() ** 1.3)
        started = None
        completed_all = True
        last_completion = None
        for index, plan in enumerate(self.plans):
            keep_going = 0.5 if index == 0 else 1 / (1 + math.exp(-(1.6 + 0.9 * motivation)))
            if rng.random() > keep_going or t >= self.now:
                completed_all = False
                break
            started = started or t
            progress = {"user_id": user_id, "lesson_id": plan.lesson.pk,
                        "course_id": self.course.pk,
                        # 5% as rows written before opened_at existed
                        "opened_at": None if rng.random() < 0.05 else t,
                        "experienced_at": None, "completed_at": None,
                        "best_scaled_score": None, "passed_attempt": None}
            rows["lessons"].append(progress)
            t += dt.timedelta(minutes=rng.uniform(2, 9))
            if rng.random() < 0.9 and t < self.now:
                progress["experienced_at"] = t
            if plan.quiz_id is None:
                if progress["experienced_at"]:
                    progress["completed_at"] = t
            elif progress["experienced_at"] or rng.random() < 0.3:
                self.quiz_attempts(user_id, plan, progress, ability, attitude, t, rows)
            if progress["completed_at"] is None:
                completed_all = False
                if rng.random() < 0.3:
                    break
            else:
                last_completion = progress["completed_at"]
                t = last_completion
            t += dt.timedelta(hours=rng.expovariate(1 / 40))
        if started is not None:
            rows["courses"].append({
                "user_id": user_id, "course_id": self.course.pk, "started_at": started,
                "completed_at": last_completion if completed_all else None,
            })

    def quiz_attempts(self, user_id, plan, progress, ability, attitude, t, rows) -> None:
        rng = self.rng
        for number in range(1, 4):
            t += dt.timedelta(minutes=rng.uniform(1, 4))
            if t >= self.now:
                return
            attempt = {"user_id": user_id, "plan": plan, "number": number, "started_at": t,
                       "status": Attempt.Status.IN_PROGRESS, "answers": []}
            rows["attempts"].append(attempt)
            # Answers are stored one at a time; 3% of attempts are abandoned part-way.
            stop = rng.randrange(len(plan.questions)) if rng.random() < 0.03 else None
            raw, maximum = 0.0, 0
            for index, question in enumerate(plan.questions):
                if index == stop:
                    return
                t += dt.timedelta(seconds=rng.uniform(10, 60))
                response = self.response(question, plan, ability, attitude, t)
                outcome, score, points = self.scored(question, plan, response)
                attempt["answers"].append((question, response, outcome, score, points, t))
                raw += score
                maximum += points
            attempt.update(status=Attempt.Status.SUBMITTED, submitted_at=t)
            if plan.survey:
                attempt.update(raw_score=None, max_score=0, scaled_score=None, passed=None)
                progress.update(completed_at=t, passed_attempt=attempt)
                return
            scaled = raw / maximum if maximum else 1.0
            passed = scaled * 100 >= plan.pass_mark
            attempt.update(raw_score=raw, max_score=maximum, scaled_score=scaled, passed=passed)
            if progress["best_scaled_score"] is None or scaled > progress["best_scaled_score"]:
                progress["best_scaled_score"] = scaled
            if passed:
                progress["passed_attempt"] = attempt
                if progress["experienced_at"]:
                    progress["completed_at"] = t
                return
            ability += 0.7  # learning from the feedback
            if rng.random() > 0.8:
                return
            t += dt.timedelta(minutes=rng.expovariate(1 / 30))


def _users(n: int, prefix: str, rng: random.Random) -> list[int]:
    User = get_user_model()
    users = [
        User(username=f"{prefix}{i:06d}", email=f"{prefix}{i:06d}@example.invalid",
             first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
             password="!synthetic-learner")
        for i in range(n)
    ]
    created = User.objects.bulk_create(users, batch_size=5000)
    return [user.pk for user in created]


def _groups(user_ids: list[int], rng: random.Random) -> None:
    User = get_user_model()
    groups = {name: Group.objects.get_or_create(name=name)[0]
              for name in DEPARTMENTS + LOCATIONS + [SMALL_GROUP[0]]}
    through = User.groups.through
    links = []
    for user_id in user_ids:
        links.append(through(user_id=user_id, group_id=groups[rng.choice(DEPARTMENTS)].pk))
        links.append(through(user_id=user_id, group_id=groups[rng.choice(LOCATIONS)].pk))
    for user_id in user_ids[: SMALL_GROUP[1]]:
        links.append(through(user_id=user_id, group_id=groups[SMALL_GROUP[0]].pk))
    through.objects.bulk_create(links, batch_size=10000, ignore_conflicts=True)


def _write(rows: dict, totals: Totals) -> None:
    attempts = [
        Attempt(user_id=a["user_id"], quiz_id=a["plan"].quiz_id,
                quiz_revision_id=a["plan"].revision_id, context_page_id=a["plan"].lesson.pk,
                number=a["number"], status=a["status"], title=a["plan"].title,
                survey=a["plan"].survey,
                pass_mark=a["plan"].pass_mark, all_or_nothing=a["plan"].all_or_nothing,
                questions=a["plan"].questions, started_at=a["started_at"],
                submitted_at=a.get("submitted_at"), raw_score=a.get("raw_score"),
                max_score=a.get("max_score"), scaled_score=a.get("scaled_score"),
                passed=a.get("passed"))
        for a in rows["attempts"]
    ]
    Attempt.objects.bulk_create(attempts, batch_size=2000)
    for row, attempt in zip(rows["attempts"], attempts, strict=True):
        row["id"] = attempt.pk
    answers = [
        Answer(attempt_id=a["id"], question_id=question["id"], question_type=question["type"],
               response=response, outcome=outcome, score=score, points=points, answered_at=at)
        for a in rows["attempts"]
        for question, response, outcome, score, points, at in a["answers"]
    ]
    Answer.objects.bulk_create(answers, batch_size=5000)
    lessons = [
        LessonProgress(user_id=p["user_id"], lesson_id=p["lesson_id"], course_id=p["course_id"],
                       opened_at=p["opened_at"], experienced_at=p["experienced_at"],
                       completed_at=p["completed_at"], best_scaled_score=p["best_scaled_score"],
                       passed_attempt_id=p["passed_attempt"]["id"] if p["passed_attempt"] else None)
        for p in rows["lessons"]
    ]
    LessonProgress.objects.bulk_create(lessons, batch_size=5000)
    CourseProgress.objects.bulk_create(
        [CourseProgress(**row) for row in rows["courses"]], batch_size=5000)
    totals.attempts += len(attempts)
    totals.answers += len(answers)
    totals.lesson_rows += len(lessons)
    totals.course_rows += len(rows["courses"])


def generate_activity(*, learners: int, course: CoursePage, weeks: int = 26, seed: int = 1,
                      chunk: int = 2000, progress=None) -> Totals:
    """Create `learners` synthetic learners and their activity in `course`."""
    now = timezone.now()
    simulator = Simulator(course=course, weeks=weeks, seed=seed, now=now)
    rng = random.Random(seed + 1)
    prefix = f"sim-{secrets.token_hex(3)}-"  # a fresh prefix per run: runs add up
    totals = Totals()
    with transaction.atomic():
        user_ids = _users(learners, prefix, rng)
        _groups(user_ids, rng)
    totals.learners = len(user_ids)
    for start in range(0, len(user_ids), chunk):
        rows = {"attempts": [], "lessons": [], "courses": []}
        for user_id in user_ids[start : start + chunk]:
            simulator.learner(user_id, rows)
        with transaction.atomic():
            _write(rows, totals)
        if progress:
            progress(start + len(user_ids[start : start + chunk]), totals)
    return totals
