from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from progress.services import attempt_answer_with_progress, attempt_submit_with_progress
from quizzes.selectors import attempt_get, attempt_list
from touchpoint.converters import MAX_ID

from ..idempotency import HEADER, idempotent
from ..schema import error_responses
from ..serializers import (
    AnswerConflictOutput,
    AnswerRecordedOutput,
    AttemptDetailOutput,
    AttemptOutput,
)
from ..throttles import AnswerRateThrottle, SubmitRateThrottle
from .base import LearnerAPIView


class AttemptListView(LearnerAPIView):
    class AttemptFilter(serializers.Serializer):
        quiz = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                        help_text="Only attempts at this quiz.")
        lesson = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                          help_text="Only attempts taken in this lesson.")

    @extend_schema(
        operation_id="attempts_list",
        tags=["attempts"],
        parameters=[AttemptFilter],
        responses={200: AttemptOutput(many=True), **error_responses(400, 401)},
        description="The learner's own attempts, newest first.",
    )
    def get(self, request):
        filters = self.AttemptFilter(data=request.query_params)
        filters.is_valid(raise_exception=True)
        attempts = attempt_list(
            user=request.user,
            quiz_id=filters.validated_data.get("quiz"),
            context_page_id=filters.validated_data.get("lesson"),
        )
        return Response(AttemptOutput(attempts, many=True).data)


class AttemptDetailView(LearnerAPIView):
    @extend_schema(
        operation_id="attempts_retrieve",
        tags=["attempts"],
        responses={200: AttemptDetailOutput, **error_responses(401, 404)},
        description="One of the learner's attempts: its questions (no answer keys), the answers "
        "given so far with their outcomes and, once submitted, the result with feedback and "
        "explanations. Anyone else's: 404.",
    )
    def get(self, request, attempt_id: int):
        attempt = attempt_get(user=request.user, attempt_id=attempt_id)
        return Response(AttemptDetailOutput(attempt).data)


class AnswerInput(serializers.Serializer):
    question = serializers.CharField(help_text="The question's id.")
    choices = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="single_choice, true_false, likert: one choice id; multiple_response: ids.",
    )
    order = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="sequencing: every item id, in the learner's order.",
    )
    matches = serializers.DictField(
        child=serializers.CharField(), required=False,
        help_text="matching: item id to target id, for every item.",
    )


IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER, location=OpenApiParameter.HEADER, required=False,
    description="Any unique string (a UUID). A retry with the same key gets the "
    "identical first response; the same key with a different body gets 422.",
)


class AttemptAnswerView(LearnerAPIView):
    throttle_classes = [AnswerRateThrottle]

    @extend_schema(
        operation_id="attempts_answers_create",
        tags=["attempts"],
        request=AnswerInput,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={
            201: AnswerRecordedOutput,
            **error_responses(
                400, 401, 403, 404, 409, 415, 422, 429, conflict=AnswerConflictOutput,
                _409="`question_already_answered` (the body's `answer` is the stored, final "
                "answer and how it scored) or `attempt_already_submitted`.",
            ),
        },
        description="Answer one question of the attempt. The server scores it at once and "
        "returns the outcome, the feedback, the explanation and the correct answer; the answer "
        "is then final. The answer to the attempt's last question finishes it (score, pass or "
        "fail, lesson and course progress). Bad input writes nothing. Throttled per learner "
        "(setting TOUCHPOINT_ANSWER_THROTTLE).",
    )
    def post(self, request, attempt_id: int):
        data = AnswerInput(data=request.data)
        data.is_valid(raise_exception=True)
        answer = dict(data.validated_data)

        def record():
            recorded = attempt_answer_with_progress(
                user=request.user, attempt_id=attempt_id, answer=answer
            )
            output = AnswerRecordedOutput({
                "answer": recorded.result.as_dict(),
                "answered": recorded.answered,
                "total": len(recorded.attempt.questions),
                "attempt": recorded.attempt,
            })
            return Response(output.data, status=status.HTTP_201_CREATED)

        return idempotent(request, record)


class AttemptSubmitView(LearnerAPIView):
    throttle_classes = [SubmitRateThrottle]

    class SubmitInput(serializers.Serializer):
        answers = AnswerInput(many=True, help_text="Exactly one answer per question.")

    @extend_schema(
        operation_id="attempts_submit_create",
        tags=["attempts"],
        request=SubmitInput,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={
            200: AttemptDetailOutput,
            **error_responses(
                400, 401, 403, 404, 409, 415, 422, 429,
                _409="`attempt_already_submitted`: the body carries the attempt and its "
                "stored result; `question_already_answered`: the submission changes an answer "
                "given before (answers are final).",
            ),
        },
        description="Submit every answer at once (for clients that show the whole quiz; "
        "`.../answers/` takes one at a time). The server scores against the attempt's "
        "snapshot and records lesson and course progress. Answers given one at a time before "
        "are final: repeat them. Bad input writes nothing. "
        "Throttled per learner (setting TOUCHPOINT_SUBMIT_THROTTLE).",
    )
    def post(self, request, attempt_id: int):
        data = self.SubmitInput(data=request.data)
        data.is_valid(raise_exception=True)
        answers = [dict(answer) for answer in data.validated_data["answers"]]

        def submit():
            attempt = attempt_submit_with_progress(
                user=request.user, attempt_id=attempt_id, answers=answers
            )
            return Response(AttemptDetailOutput(attempt).data)

        return idempotent(request, submit)
