"""Writes of the quiz engine: starting attempts, answering their questions, finishing them.

An attempt is scored against the snapshot taken when it started (the quiz's live
revision, in the order shown to this learner), so publishing a change mid-attempt
cannot corrupt a score. A learner answers one question at a time
(`attempt_answer`: the answer is scored at once and final) or all at once
(`attempt_submit`, for clients that send the whole quiz). The attempt finishes
when its last question is answered, in the same transaction: answers, result
and the events (``question_answered`` per answer, then ``attempt_submitted``)
are written together or not at all. Each service is a unit of work
(touchpoint/unit_of_work.py): listeners write once, at its end.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from touchpoint.unit_of_work import unit

from . import events
from .models import Answer, Attempt, Quiz
from .scoring import (
    MATCHING,
    MULTIPLE_RESPONSE,
    SEQUENCING,
    SINGLE_CHOICE,
    QuestionResult,
    is_survey,
    normalize_answer,
    normalize_answers,
    score_question,
    score_quiz,
)
from .selectors import QuizNotAvailable, attempt_in_progress, live_quiz
from .snapshot import quiz_questions

__all__ = ["AnswerRecorded", "AttemptAlreadySubmitted", "AttemptLimitReached",
           "QuestionAlreadyAnswered", "QuizNotAvailable", "attempt_answer", "attempt_start",
           "attempt_submit", "questions_shuffled"]

# Question types whose choices the quiz's shuffle_choices setting reorders. Likert
# scales and true/false keep their natural order; sequencing items are always
# shuffled (shown in authored order they would usually give the answer away).
SHUFFLED_CHOICE_TYPES = (SINGLE_CHOICE, MULTIPLE_RESPONSE, MATCHING)


class AttemptLimitReached(Exception):
    """The learner has used every attempt the quiz allows."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        word = "attempt" if limit == 1 else "attempts"
        super().__init__(f"This quiz allows {limit} {word}, and you have used them all.")


class AttemptAlreadySubmitted(Exception):
    """The attempt is finished; ``attempt`` carries the stored result."""

    def __init__(self, attempt: Attempt) -> None:
        self.attempt = attempt
        super().__init__("This attempt has already been submitted.")


class QuestionAlreadyAnswered(Exception):
    """The question has its final answer already; `result` is how that answer scored."""

    def __init__(self, attempt: Attempt, result: QuestionResult) -> None:
        self.attempt = attempt
        self.result = result
        super().__init__(
            f"Question '{result.question_id}' is already answered; an answer is final."
        )


@dataclass(frozen=True)
class AnswerRecorded:
    """One stored answer: how it scored, and its attempt (submitted if it was the last)."""

    attempt: Attempt
    result: QuestionResult
    answered: int  # questions of the attempt answered so far, this one included

    @property
    def finished(self) -> bool:
        return self.attempt.is_submitted


def questions_shuffled(
    questions: list[dict[str, Any]], *, quiz: Quiz, rng: random.Random
) -> list[dict[str, Any]]:
    """A copy of `questions` in the order one attempt presents them (deterministic given rng)."""
    questions = copy.deepcopy(questions)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    for question in questions:
        choices = question["choices"]
        if question["type"] == SEQUENCING:
            correct = sorted(choices, key=lambda choice: choice["position"])
            rng.shuffle(choices)
            if len(choices) > 1 and choices == correct:
                choices.append(choices.pop(0))
        elif quiz.shuffle_choices and question["type"] in SHUFFLED_CHOICE_TYPES:
            rng.shuffle(choices)
    return questions


@transaction.atomic
def attempt_start(
    *,
    user: AbstractBaseUser,
    quiz: Quiz,
    context_page: Page | None = None,
    rng: random.Random | None = None,
) -> tuple[Attempt, bool]:
    """Resume the learner's in-progress attempt (created False) or start a new one (True)."""
    existing = attempt_in_progress(user=user, quiz=quiz, context_page=context_page)
    if existing is not None:
        return existing, False
    live = live_quiz(quiz)
    previous = Attempt.objects.filter(user=user, quiz=quiz).aggregate(n=Max("number"))["n"] or 0
    if live.max_attempts is not None and previous >= live.max_attempts:
        raise AttemptLimitReached(live.max_attempts)
    questions = questions_shuffled(quiz_questions(live), quiz=live, rng=rng or random.Random())
    attempt = Attempt(
        user=user,
        quiz=quiz,
        quiz_revision_id=quiz.live_revision_id,
        context_page=context_page,
        number=previous + 1,
        title=live.title,
        survey=is_survey(questions),
        pass_mark=live.pass_mark,
        all_or_nothing=live.all_or_nothing,
        questions=questions,
        started_at=timezone.now(),
    )
    attempt.full_clean(validate_unique=False, validate_constraints=False)  # the DB decides races
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:
        # A concurrent request started the same attempt number first: resume it.
        existing = attempt_in_progress(user=user, quiz=quiz, context_page=context_page)
        if existing is None:
            raise
        return existing, False
    events.attempt_started.send(sender=Attempt, attempt=attempt)
    return attempt, True


def attempt_answer(
    *,
    user: AbstractBaseUser,
    attempt_id: int,
    answer: object,
    context_page: Page | None = None,
    context_parent: Page | None = None,
    savepoint: bool = True,
) -> AnswerRecorded:
    """Score and store the learner's final answer to one question of their attempt.

    `answer` is one item of a submission: {"question": id, "choices" | "order" |
    "matches": ...}. The last answer also finishes the attempt (result, pass or
    fail). Raises Attempt.DoesNotExist for another learner's attempt (or, when
    `context_page` is given, one taken elsewhere), AttemptAlreadySubmitted for a
    finished attempt, QuestionAlreadyAnswered for a question answered before and
    scoring.AnswerError for an answer that does not fit the question; nothing is
    written in those cases. `context_parent` and `savepoint`: as attempt_submit.
    """
    with transaction.atomic(savepoint=savepoint), unit():
        attempt = _attempt_locked(user=user, attempt_id=attempt_id, context_page=context_page)
        question, normalized = normalize_answer(attempt.questions, answer)
        stored = _stored_responses(attempt)
        if question["id"] in stored:
            raise QuestionAlreadyAnswered(attempt, _rescored(attempt, question["id"], stored))
        now = timezone.now()
        result = score_question(question, normalized, all_or_nothing=attempt.all_or_nothing)
        _store_answers(attempt, [(question, normalized, result)], at=now,
                       context_parent=context_parent)
        stored[question["id"]] = normalized
        if len(stored) == len(attempt.questions):
            _finish(attempt, stored, at=now, context_parent=context_parent)
        return AnswerRecorded(attempt=attempt, result=result, answered=len(stored))


def attempt_submit(
    *,
    user: AbstractBaseUser,
    attempt_id: int,
    answers: object,
    context_page: Page | None = None,
    context_parent: Page | None = None,
    savepoint: bool = True,
) -> Attempt:
    """Validate, score and store every answer of one of the learner's attempts at once.

    For clients that send the whole quiz. Questions answered before (one at a
    time) keep their final answer: the submission must repeat it. Raises
    Attempt.DoesNotExist for another learner's attempt (or, when `context_page`
    is given, one taken elsewhere), AttemptAlreadySubmitted for a finished one,
    QuestionAlreadyAnswered when it changes an answer given before and
    scoring.AnswerError for answers that do not fit the quiz; nothing is written
    in those cases. Runs a fixed number of queries.

    `context_parent`: the parent page of `context_page` when the caller has it
    (passed on with the events, sparing receivers a lookup).
    `savepoint=False` for a caller whose own transaction ends on any exception
    raised here (it does not catch them and go on): spares a SAVEPOINT/RELEASE.
    """
    with transaction.atomic(savepoint=savepoint), unit():
        attempt = _attempt_locked(user=user, attempt_id=attempt_id, context_page=context_page)
        normalized = normalize_answers(attempt.questions, answers)
        stored = _stored_responses(attempt)
        for question_id, response in stored.items():
            if normalized[question_id] != response:
                raise QuestionAlreadyAnswered(attempt, _rescored(attempt, question_id, stored))
        now = timezone.now()
        new = [
            (question, normalized[question["id"]], score_question(
                question, normalized[question["id"]], all_or_nothing=attempt.all_or_nothing))
            for question in attempt.questions
            if question["id"] not in stored
        ]
        _store_answers(attempt, new, at=now, context_parent=context_parent)
        _finish(attempt, normalized, at=now, context_parent=context_parent)
        return attempt


def _attempt_locked(
    *, user: AbstractBaseUser, attempt_id: int, context_page: Page | None
) -> Attempt:
    """The learner's attempt, row-locked until the transaction ends; refuses a finished one."""
    lookup = {"pk": attempt_id, "user": user}
    if context_page is not None:
        lookup["context_page"] = context_page
    attempt = Attempt.objects.select_for_update().get(**lookup)
    attempt.user = user  # known already: spare event receivers a query
    if context_page is not None:
        attempt.context_page = context_page
    if attempt.is_submitted:
        raise AttemptAlreadySubmitted(attempt)
    return attempt


def _stored_responses(attempt: Attempt) -> dict[str, dict[str, Any]]:
    """The attempt's answers so far: question id -> normalized answer (read under its lock)."""
    return dict(attempt.answers.values_list("question_id", "response"))


def _rescored(attempt: Attempt, question_id: str, stored: dict[str, dict[str, Any]]
              ) -> QuestionResult:
    """How a stored answer scored (scoring is pure: the same snapshot gives the same result)."""
    question = next(q for q in attempt.questions if q["id"] == question_id)
    return score_question(question, stored[question_id], all_or_nothing=attempt.all_or_nothing)


def _store_answers(
    attempt: Attempt,
    scored: list[tuple[dict[str, Any], dict[str, Any], QuestionResult]],
    *,
    at: datetime,
    context_parent: Page | None,
) -> None:
    """Insert (question, answer, result) rows in one statement; one event per answer."""
    Answer.objects.bulk_create([
        Answer(
            attempt=attempt,
            question_id=question["id"],
            question_type=question["type"],
            response=response,
            outcome=result.outcome,
            score=float(result.score),
            points=result.points,
            answered_at=at,
        )
        for question, response, result in scored
    ])
    extra = {"context_parent": context_parent} if context_parent is not None else {}
    for question, response, result in scored:
        events.question_answered.send(
            sender=Attempt, attempt=attempt, question=question, answer=response,
            result=result, at=at, **extra,
        )


def _finish(
    attempt: Attempt,
    answers: dict[str, dict[str, Any]],
    *,
    at: datetime,
    context_parent: Page | None,
) -> None:
    """Score the whole attempt from its final answers, store the result, send the event."""
    result = score_quiz(
        attempt.questions, answers, pass_mark=attempt.pass_mark,
        all_or_nothing=attempt.all_or_nothing,
    )
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = at
    attempt.raw_score = None if result.raw is None else float(result.raw)
    attempt.max_score = result.max
    attempt.scaled_score = None if result.scaled is None else float(result.scaled)
    attempt.passed = result.passed
    attempt.result = result.as_dict()
    attempt.save(update_fields=[
        "status", "submitted_at", "raw_score", "max_score", "scaled_score", "passed", "result",
    ])
    extra = {"context_parent": context_parent} if context_parent is not None else {}
    ordered = {question["id"]: answers[question["id"]] for question in attempt.questions}
    events.attempt_submitted.send(sender=Attempt, attempt=attempt, answers=ordered, **extra)
