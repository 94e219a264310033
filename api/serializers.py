"""Output serializers shared by several endpoints, and the error shape for the schema.

Questions are serialized from quizzes.selectors.learner_questions(), which keeps
only what a learner may see before submitting; the fields below whitelist the
same keys again, so an answer key cannot slip out through the API.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quizzes.models import Attempt
from quizzes.scoring import QUESTION_TYPES
from quizzes.selectors import answer_results, learner_questions

LESSON_STATES = ("not_started", "in_progress", "completed")


# Errors --------------------------------------------------------------------------------------


class ErrorOutput(serializers.Serializer):
    error = serializers.CharField(help_text="Machine-readable code, e.g. `unknown_choice`.")
    detail = serializers.CharField(help_text="A message for people.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Input path (e.g. `answers[2].choices`) to messages; empty if not about a field.",
    )


# Quizzes and attempts ------------------------------------------------------------------------


class ChoiceOutput(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class QuestionOutput(serializers.Serializer):
    id = serializers.CharField()
    type = serializers.ChoiceField(choices=QUESTION_TYPES)
    prompt = serializers.CharField()
    points = serializers.IntegerField(help_text="0 for likert (never scored).")
    choices = ChoiceOutput(
        many=True,
        help_text="Choices (single/multiple/true-false), items to order (sequencing) or "
        "to match (matching), scale points (likert); in the order to show them.",
    )
    targets = ChoiceOutput(many=True, help_text="Matching only: the targets to match items to.")


class AnswerResponseOutput(serializers.Serializer):
    """One answer as stored: the key that fits the question type."""

    choices = serializers.ListField(child=serializers.CharField(), required=False)
    order = serializers.ListField(child=serializers.CharField(), required=False)
    matches = serializers.DictField(child=serializers.CharField(), required=False)


class QuestionResultOutput(serializers.Serializer):
    question_id = serializers.CharField()
    outcome = serializers.ChoiceField(
        choices=["correct", "partially_correct", "wrong", "recorded"]
    )
    score = serializers.FloatField()
    points = serializers.IntegerField()
    feedback = serializers.ListField(child=serializers.CharField(),
                                     help_text="Feedback of the chosen choices.")
    explanation = serializers.CharField(allow_blank=True)
    response = AnswerResponseOutput()
    correct_response = AnswerResponseOutput(allow_null=True)


class ResultOutput(serializers.Serializer):
    raw = serializers.FloatField(allow_null=True, help_text="null for a survey.")
    max = serializers.IntegerField(help_text="0 for a survey.")
    scaled = serializers.FloatField(allow_null=True,
                                    help_text="raw / max, from 0 to 1; null for a survey.")
    passed = serializers.BooleanField(allow_null=True,
                                      help_text="null for a survey: it is never passed or failed.")
    questions = QuestionResultOutput(many=True)


QUIZ_KINDS = ("scored", "survey")


class AttemptOutput(serializers.ModelSerializer):
    """An attempt without its questions or result (lists)."""

    lesson = serializers.IntegerField(source="context_page_id", allow_null=True)
    quiz = serializers.IntegerField(source="quiz_id")
    kind = serializers.SerializerMethodField(
        help_text="`survey`: every question is a Likert statement; submitting completes it, and "
        "it has no score and no pass or fail (raw_score, scaled_score and passed stay null)."
    )

    class Meta:
        model = Attempt
        fields = [
            "id", "registration", "quiz", "lesson", "number", "kind", "status", "title",
            "pass_mark", "started_at", "submitted_at", "raw_score", "max_score", "scaled_score",
            "passed",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=QUIZ_KINDS))
    def get_kind(self, attempt: Attempt) -> str:
        return "survey" if attempt.survey else "scored"


_RESULT_KEYS = tuple(ResultOutput._declared_fields)
_QUESTION_RESULT_KEYS = tuple(QuestionResultOutput._declared_fields)


def question_result_data(result: dict[str, Any]) -> dict[str, Any]:
    """One question's result (QuestionResult.as_dict() or a stored result's) in the API's keys."""
    return {key: result[key] for key in _QUESTION_RESULT_KEYS}


class AttemptDetailOutput(AttemptOutput):
    """An attempt with its questions (no answer keys), the answers given so far and, once
    submitted, its result.

    Questions and result are plain JSON already (learner_questions() and the stored
    result): they are copied key by key, the keys of QuestionOutput and ResultOutput,
    instead of running a nested serializer over each of their values (a submit's
    response would otherwise cost thousands of field calls).
    """

    questions = serializers.SerializerMethodField()
    answers = serializers.SerializerMethodField()
    result = serializers.SerializerMethodField()

    class Meta(AttemptOutput.Meta):
        fields = [*AttemptOutput.Meta.fields, "questions", "answers", "result"]
        read_only_fields = fields

    @extend_schema_field(QuestionResultOutput(
        many=True, allow_null=True, help_text="While in progress: the questions answered so far "
        "(each answer is final), in the attempt's order, with outcome, feedback and the "
        "correct answer. null once submitted: `result.questions` has every answer."))
    def get_answers(self, attempt: Attempt) -> list[dict[str, Any]] | None:
        if attempt.result is not None:
            return None
        return [question_result_data(result) for result in answer_results(attempt)]

    @extend_schema_field(QuestionOutput(many=True))
    def get_questions(self, attempt: Attempt) -> list[dict[str, Any]]:
        return learner_questions(attempt.questions)

    @extend_schema_field(
        ResultOutput(allow_null=True, help_text="null until the attempt is submitted.")
    )
    def get_result(self, attempt: Attempt) -> dict[str, Any] | None:
        result = attempt.result
        if result is None:
            return None
        out = {key: result[key] for key in _RESULT_KEYS}
        out["questions"] = [question_result_data(question) for question in result["questions"]]
        return out


class AttemptConflictOutput(ErrorOutput):
    attempt = AttemptDetailOutput(help_text="The finished attempt with its stored result.")


class AnswerConflictOutput(ErrorOutput):
    answer = QuestionResultOutput(
        required=False, help_text="`question_already_answered`: the stored (final) answer and "
        "how it scored.")
    attempt = AttemptDetailOutput(
        required=False, help_text="`attempt_already_submitted`: the finished attempt.")


class AnswerRecordedOutput(serializers.Serializer):
    answer = QuestionResultOutput(help_text="How the answer scored, with feedback, the "
                                  "explanation and the correct answer.")
    answered = serializers.IntegerField(help_text="Questions of the attempt answered so far.")
    total = serializers.IntegerField(help_text="Questions in the attempt.")
    attempt = AttemptOutput(help_text="The attempt: `status` is `submitted` (with its score "
                            "and pass or fail) once this was its last question.")


# Courses and lessons -------------------------------------------------------------------------


class CourseProgressOutput(serializers.Serializer):
    lesson_total = serializers.IntegerField()
    lessons_completed = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="Whole percent of lessons completed.")
    started_at = serializers.DateTimeField(source="progress_started_at", allow_null=True)
    completed_at = serializers.DateTimeField(source="progress_completed_at", allow_null=True)


class CourseOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    summary = serializers.CharField()
    estimated_minutes = serializers.IntegerField(
        help_text="About how long the course takes: its lessons' reading time plus time for "
        "their quiz questions (computed from the lessons)."
    )
    progress = CourseProgressOutput(source="*")


class LessonStateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    course = serializers.IntegerField(source="course_pk")
    quiz = serializers.IntegerField(source="quiz_id", allow_null=True)
    state = serializers.ChoiceField(choices=LESSON_STATES)
    opened_at = serializers.DateTimeField(source="progress_opened_at", allow_null=True)
    last_step = serializers.IntegerField(
        source="progress_last_step",
        help_text="The step the learner was last at (0-based; PUT .../position/ saves it).",
    )
    experienced_at = serializers.DateTimeField(source="progress_experienced_at", allow_null=True)
    completed_at = serializers.DateTimeField(source="progress_completed_at", allow_null=True)
    best_scaled_score = serializers.FloatField(allow_null=True)
