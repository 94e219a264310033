from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from progress.services import attempt_submit_with_progress
from quizzes.selectors import attempt_get, attempt_list
from touchpoint.converters import MAX_ID

from ..idempotency import HEADER, idempotent
from ..schema import error_responses
from ..serializers import AttemptDetailOutput, AttemptOutput
from ..throttles import SubmitRateThrottle
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
        description="One of the learner's attempts: its questions (no answer keys) and, once "
        "submitted, the result with feedback and explanations. Anyone else's: 404.",
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


class AttemptSubmitView(LearnerAPIView):
    throttle_classes = [SubmitRateThrottle]

    class SubmitInput(serializers.Serializer):
        answers = AnswerInput(many=True, help_text="Exactly one answer per question.")

    @extend_schema(
        operation_id="attempts_submit_create",
        tags=["attempts"],
        request=SubmitInput,
        parameters=[OpenApiParameter(
            HEADER, location=OpenApiParameter.HEADER, required=False,
            description="Any unique string (a UUID). A retry with the same key gets the "
            "identical first response; the same key with a different body gets 422.",
        )],
        responses={
            200: AttemptDetailOutput,
            **error_responses(
                400, 401, 403, 404, 409, 415, 422, 429,
                _409="`attempt_already_submitted`: the body carries the attempt and its "
                "stored result.",
            ),
        },
        description="Submit every answer at once; the server scores against the attempt's "
        "snapshot and records lesson and course progress. Bad input writes nothing. "
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
