from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from progress.selectors import learner_progress

from ..schema import error_responses
from ..serializers import CourseOutput, LessonStateOutput
from .base import LearnerAPIView


class ProgressView(LearnerAPIView):
    class ProgressOutput(serializers.Serializer):
        lessons_completed = serializers.IntegerField()
        courses_completed = serializers.IntegerField()
        next_lesson = LessonStateOutput(
            allow_null=True,
            help_text="Continue where you left off: the next lesson in the course the learner "
            "was last active in, else the first lesson not completed; null when all are done.",
        )
        courses = CourseOutput(many=True)

    @extend_schema(
        operation_id="progress_retrieve",
        tags=["progress"],
        responses={200: ProgressOutput, **error_responses(401)},
        description="The learner's progress over every published course.",
    )
    def get(self, request):
        return Response(self.ProgressOutput(learner_progress(user=request.user)).data)
