import copy

from django.http import QueryDict
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from lessons.selectors import lesson_live_get
from lessons.steps import lesson_steps
from progress.selectors import lesson_get_with_state
from progress.services import lesson_experience, lesson_position_save

from ..schema import error_responses
from ..serializers import LessonStateOutput
from ..throttles import PositionRateThrottle
from .base import LearnerAPIView

RICH_TEXT_FORMATS = ["html", "markdown", "db_html", "db_markdown"]


class LessonBlockOutput(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=["text", "image", "video", "takeaway", "example", "reflection", "step_break"]
    )
    id = serializers.CharField()
    value = serializers.JSONField(
        help_text="The block's content as Wagtail's API represents it: rich text as a string "
        "in the requested format, images by id, structs as objects."
    )


class LessonDetailView(LearnerAPIView):
    class LessonQuery(serializers.Serializer):
        rich_text_format = serializers.ChoiceField(
            choices=RICH_TEXT_FORMATS, default="html",
            help_text="How rich text in the body is returned (Wagtail's API formats).",
        )

    class LessonDetailOutput(LessonStateOutput):
        reading_minutes = serializers.IntegerField()
        body = serializers.SerializerMethodField()
        steps = serializers.SerializerMethodField()
        step_total = serializers.IntegerField(
            help_text="The steps' count, plus one for the knowledge check if the lesson has a "
            "published quiz: the last step."
        )

        @extend_schema_field(serializers.ListField(child=serializers.ListField(
            child=serializers.CharField()),
            help_text="The body's block ids, grouped into steps (screens): each block is its "
            "own step unless the author placed step breaks."))
        def get_steps(self, lesson):
            return [[block.id for block in step] for step in lesson_steps(lesson.body)]

        @extend_schema_field(LessonBlockOutput(many=True))
        def get_body(self, lesson):
            # Wagtail's StreamField API representation; its rich text blocks read the
            # format from the request's rich_text_format parameter.
            request = copy.copy(self.context["request"]._request)
            request.GET = QueryDict(mutable=True)
            request.GET["rich_text_format"] = self.context["rich_text_format"]
            return lesson.body.stream_block.get_api_representation(
                lesson.body, context={"request": request}
            )

    @extend_schema(
        operation_id="lessons_retrieve",
        tags=["lessons"],
        parameters=[LessonQuery],
        responses={200: LessonDetailOutput, **error_responses(400, 401, 404)},
        description="A lesson's content and the learner's state. Opening it does not mark it "
        "experienced: POST .../experienced/ when the learner sees it.",
    )
    def get(self, request, lesson_id: int):
        query = self.LessonQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        lesson = lesson_get_with_state(user=request.user, lesson_id=lesson_id)
        context = {"request": request, **query.validated_data}
        return Response(self.LessonDetailOutput(lesson, context=context).data)


class LessonExperienceView(LearnerAPIView):
    @extend_schema(
        operation_id="lessons_experienced_create",
        tags=["lessons"],
        request=None,
        responses={200: LessonStateOutput, **error_responses(401, 404)},
        description="Record that the learner has seen the lesson (idempotent). Completes the "
        "lesson if it has no quiz or its quiz is already passed.",
    )
    def post(self, request, lesson_id: int):
        lesson = lesson_get_with_state(user=request.user, lesson_id=lesson_id)
        lesson_experience(user=request.user, lesson=lesson)
        lesson = lesson_get_with_state(user=request.user, lesson_id=lesson_id)
        return Response(LessonStateOutput(lesson).data)


class LessonPositionView(LearnerAPIView):
    """Where the learner is in a lesson taken in steps, so they resume there (web and mobile)."""

    throttle_classes = [PositionRateThrottle]

    class PositionInput(serializers.Serializer):
        step = serializers.IntegerField(
            min_value=0, help_text="The step the learner is at, 0 for the first."
        )

    class PositionOutput(serializers.Serializer):
        step = serializers.IntegerField()
        step_total = serializers.IntegerField(
            help_text="The lesson's steps: its content steps, then the knowledge check."
        )

    @extend_schema(
        operation_id="lessons_position_update",
        tags=["lessons"],
        request=PositionInput,
        responses={200: PositionOutput, **error_responses(400, 401, 404, 429)},
        description="Remember the step the learner is at (0-based, below the lesson's "
        "step_total); the lesson page opens there next time. Idempotent: send it again "
        "freely. A step the lesson does not have is refused with nothing written.",
    )
    def put(self, request, lesson_id: int):
        lesson = lesson_live_get(lesson_id=lesson_id)
        data = self.PositionInput(data=request.data)
        data.is_valid(raise_exception=True)
        step = lesson_position_save(user=request.user, lesson=lesson,
                                    step=data.validated_data["step"])
        return Response(self.PositionOutput({"step": step, "step_total": lesson.step_total}).data)
