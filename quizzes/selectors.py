"""Reads of the quiz engine for the API and the web UI: what a learner may see.

Answer keys (correct flags, feedback, positions, each item's target, explanations)
never leave these functions for a question before it is answered:
learner_questions() keeps only ids, prompts, points, choice texts and the matching
targets list; answer_results() scores only the questions already answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from wagtail.models import Page

from .models import Attempt, Quiz
from .scoring import SEQUENCING, score_question
from .snapshot import quiz_questions


class QuizNotAvailable(Exception):
    """The quiz has no published (live) revision, so it cannot be taken."""


def live_quiz(quiz: Quiz) -> Quiz:
    """The quiz as its live revision has it (raises QuizNotAvailable if unpublished)."""
    if not quiz.live or quiz.live_revision_id is None:
        raise QuizNotAvailable(f"The quiz “{quiz.title}” is not published.")
    return quiz.with_content_json(quiz.live_revision.content)


def learner_questions(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Questions as a learner sees them before submitting: no answer keys, no feedback."""
    return [
        {
            "id": question["id"],
            "type": question["type"],
            "prompt": question["prompt"],
            "points": question["points"],
            "choices": [{"id": item["id"], "text": item["text"]} for item in question["choices"]],
            "targets": [{"id": item["id"], "text": item["text"]} for item in question["targets"]],
        }
        for question in questions
    ]


def _neutral_order(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sequencing items by id (unrelated to their positions) when no attempt fixes an order."""
    for question in questions:
        if question["type"] == SEQUENCING:
            question["choices"].sort(key=lambda choice: choice["id"])
    return questions


@dataclass(frozen=True)
class LearnerQuiz:
    quiz: Quiz
    title: str
    intro: str
    pass_mark: int
    max_attempts: int | None
    attempts_used: int
    attempt: Attempt | None
    questions: list[dict[str, Any]]

    @property
    def attempts_remaining(self) -> int | None:
        if self.max_attempts is None:
            return None
        return max(self.max_attempts - self.attempts_used, 0)


def attempt_in_progress(
    *, user: AbstractBaseUser, quiz: Quiz, context_page: Page | None = None
) -> Attempt | None:
    return (
        Attempt.objects.filter(
            user=user, quiz=quiz, context_page=context_page, status=Attempt.Status.IN_PROGRESS
        )
        .order_by("-number")
        .first()
    )


def quiz_for_learner(
    *, user: AbstractBaseUser, quiz: Quiz, context_page: Page | None = None
) -> LearnerQuiz:
    """The live quiz without answer keys, in the in-progress attempt's order if there is one.

    Raises QuizNotAvailable when the quiz is not published.
    """
    live = live_quiz(quiz)
    attempt = attempt_in_progress(user=user, quiz=quiz, context_page=context_page)
    if attempt is not None:
        questions = learner_questions(attempt.questions)
    else:
        questions = learner_questions(_neutral_order(quiz_questions(live)))
    return LearnerQuiz(
        quiz=quiz,
        title=live.title,
        intro=live.intro,
        pass_mark=live.pass_mark,
        max_attempts=live.max_attempts,
        attempts_used=Attempt.objects.filter(user=user, quiz=quiz).count(),
        attempt=attempt,
        questions=questions,
    )


def attempt_list(
    *, user: AbstractBaseUser, quiz_id: int | None = None, context_page_id: int | None = None
) -> QuerySet[Attempt]:
    """The learner's own attempts, newest first, without the bulky snapshot and result."""
    attempts = Attempt.objects.filter(user=user).defer("questions", "result")
    if quiz_id is not None:
        attempts = attempts.filter(quiz_id=quiz_id)
    if context_page_id is not None:
        attempts = attempts.filter(context_page_id=context_page_id)
    return attempts.order_by("-started_at", "-id")


def attempt_get(*, user: AbstractBaseUser, attempt_id: int) -> Attempt:
    """One of the learner's own attempts; Attempt.DoesNotExist for anyone else's."""
    return Attempt.objects.get(pk=attempt_id, user=user)


def answer_results(attempt: Attempt) -> list[dict[str, Any]]:
    """The attempt's answers so far, scored (QuestionResult.as_dict()), in presentation order.

    Each answer is final once given, so its key may be shown. A submitted attempt
    has them in its stored result (no query); otherwise one query for its answers.
    """
    if attempt.result is not None:
        return list(attempt.result["questions"])
    stored = dict(attempt.answers.values_list("question_id", "response"))
    return [
        score_question(question, stored[question["id"]],
                       all_or_nothing=attempt.all_or_nothing).as_dict()
        for question in attempt.questions
        if question["id"] in stored
    ]
