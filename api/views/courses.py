from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from progress.selectors import course_list_for_api, course_overview

from ..schema import error_responses
from ..serializers import CourseOutput, LessonStateOutput
from .base import LearnerAPIView


class CourseListView(LearnerAPIView):
    @extend_schema(
        operation_id="courses_list",
        tags=["courses"],
        responses={200: CourseOutput(many=True), **error_responses(401)},
        description="Published courses in order, each with the learner's progress.",
    )
    def get(self, request):
        courses = course_list_for_api(user=request.user)
        return Response(CourseOutput(courses, many=True).data)


class CourseDetailView(LearnerAPIView):
    class CourseDetailOutput(serializers.Serializer):
        course = CourseOutput()
        lessons = LessonStateOutput(many=True)
        next_lesson = LessonStateOutput(
            allow_null=True, help_text="The first lesson not completed yet; null when all are."
        )

    @extend_schema(
        operation_id="courses_retrieve",
        tags=["courses"],
        responses={200: CourseDetailOutput, **error_responses(401, 404)},
        description="A course with the learner's progress and the state of each lesson.",
    )
    def get(self, request, course_id: int):
        overview = course_overview(user=request.user, course_id=course_id)
        return Response(self.CourseDetailOutput(overview).data)
