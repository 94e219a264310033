"""Writes of the quiz engine: starting and submitting attempts.

An attempt is scored against the snapshot taken when it started (the quiz's live
revision, in the order shown to this learner), so publishing a change mid-attempt
cannot corrupt a score. Submitting is one transaction: answers, result and the
``attempt_submitted`` event are written together or not at all.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from touchpoint.db import insert_rows

from . import events
from .models import Answer, Attempt, Quiz
from .scoring import (
    MATCHING,
    MULTIPLE_RESPONSE,
    SEQUENCING,
    SINGLE_CHOICE,
    normalize_answers,
    score_quiz,
)
from .selectors import QuizNotAvailable, attempt_in_progress, live_quiz
from .snapshot import quiz_questions

__all__ = ["AttemptAlreadySubmitted", "AttemptLimitReached", "QuizNotAvailable",
           "attempt_start", "attempt_submit", "questions_shuffled"]

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


def attempt_submit(
    *,
    user: AbstractBaseUser,
    attempt_id: int,
    answers: object,
    context_page: Page | None = None,
    context_parent: Page | None = None,
    savepoint: bool = True,
) -> Attempt:
    """Validate, score and store the learner's answers to one of their attempts.

    Raises Attempt.DoesNotExist for another learner's attempt (or, when
    `context_page` is given, one taken elsewhere), AttemptAlreadySubmitted for a
    finished one and scoring.AnswerError for answers that do not fit the quiz;
    nothing is written in those cases. Runs a fixed number of queries.

    `context_parent`: the parent page of `context_page` when the caller has it
    (passed on with the ``attempt_submitted`` event, sparing receivers a lookup).
    `savepoint=False` for a caller whose own transaction ends on any exception
    raised here (it does not catch them and go on): spares a SAVEPOINT/RELEASE.
    """
    with transaction.atomic(savepoint=savepoint):
        return _attempt_submit(
            user=user, attempt_id=attempt_id, answers=answers,
            context_page=context_page, context_parent=context_parent,
        )


def _attempt_submit(
    *,
    user: AbstractBaseUser,
    attempt_id: int,
    answers: object,
    context_page: Page | None,
    context_parent: Page | None,
) -> Attempt:
    lookup = {"pk": attempt_id, "user": user}
    if context_page is not None:
        lookup["context_page"] = context_page
    attempt = Attempt.objects.select_for_update().get(**lookup)
    attempt.user = user  # known already: spare event receivers a query
    if context_page is not None:
        attempt.context_page = context_page
    if attempt.is_submitted:
        raise AttemptAlreadySubmitted(attempt)
    normalized = normalize_answers(attempt.questions, answers)
    result = score_quiz(
        attempt.questions, normalized, pass_mark=attempt.pass_mark,
        all_or_nothing=attempt.all_or_nothing,
    )
    kinds = {question["id"]: question["type"] for question in attempt.questions}
    insert_rows([
        Answer(
            attempt=attempt,
            question_id=scored.question_id,
            question_type=kinds[scored.question_id],
            response=normalized[scored.question_id],
            outcome=scored.outcome,
            score=float(scored.score),
            points=scored.points,
        )
        for scored in result.questions
    ])
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = timezone.now()
    attempt.raw_score = float(result.raw)
    attempt.max_score = result.max
    attempt.scaled_score = float(result.scaled)
    attempt.passed = result.passed
    attempt.result = result.as_dict()
    attempt.save(update_fields=[
        "status", "submitted_at", "raw_score", "max_score", "scaled_score", "passed", "result",
    ])
    signal_kwargs = {"context_parent": context_parent} if context_parent is not None else {}
    events.attempt_submitted.send(
        sender=Attempt, attempt=attempt, answers=normalized, **signal_kwargs
    )
    return attempt
