from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from progress.selectors import lesson_get_with_state, lesson_quiz_for_learner
from progress.services import lesson_quiz_start

from ..schema import error_responses
from ..serializers import AttemptDetailOutput, AttemptOutput, QuestionOutput
from .base import LearnerAPIView


class LessonQuizView(LearnerAPIView):
    class LearnerQuizOutput(serializers.Serializer):
        id = serializers.IntegerField(source="quiz.id")
        title = serializers.CharField()
        intro = serializers.CharField(allow_blank=True)
        pass_mark = serializers.IntegerField(help_text="Percent needed to pass.")
        max_attempts = serializers.IntegerField(allow_null=True, help_text="null: unlimited.")
        attempts_used = serializers.IntegerField()
        attempts_remaining = serializers.IntegerField(allow_null=True)
        attempt = AttemptOutput(allow_null=True, help_text="The attempt in progress, if any.")
        questions = QuestionOutput(
            many=True, help_text="In the attempt's (shuffled) order when one is in progress."
        )

    @extend_schema(
        operation_id="lessons_quiz_retrieve",
        tags=["quizzes"],
        responses={200: LearnerQuizOutput, **error_responses(401, 404)},
        description="The lesson's quiz for the learner: questions and choices without "
        "correctness, feedback, positions, matches or explanations.",
    )
    def get(self, request, lesson_id: int):
        lesson = lesson_get_with_state(user=request.user, lesson_id=lesson_id)
        quiz = lesson_quiz_for_learner(user=request.user, lesson=lesson)
        return Response(self.LearnerQuizOutput(quiz).data)


class AttemptStartView(LearnerAPIView):
    @extend_schema(
        operation_id="lessons_quiz_attempts_create",
        tags=["quizzes"],
        request=None,
        responses={
            201: AttemptDetailOutput,
            200: AttemptDetailOutput,
            **error_responses(
                401, 403, 404, _403="`attempt_limit_reached`: every allowed attempt is used "
                "(the message gives the limit)."),
        },
        description="Start an attempt at the lesson's quiz (201), or resume the one in "
        "progress (200). The attempt fixes the questions and their order.",
    )
    def post(self, request, lesson_id: int):
        lesson = lesson_get_with_state(user=request.user, lesson_id=lesson_id)
        attempt, created = lesson_quiz_start(user=request.user, lesson=lesson)
        return Response(AttemptDetailOutput(attempt).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
