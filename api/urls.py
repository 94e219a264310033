"""The API: /api/v1/ endpoints, the OpenAPI schema and its docs UI."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from .errors import not_found
from .views import attempts, auth, courses, lessons, progress, quizzes

v1 = [
    path("auth/token/", auth.TokenObtainView.as_view(), name="token"),
    path("courses/", courses.CourseListView.as_view(), name="course-list"),
    path("courses/<id:course_id>/", courses.CourseDetailView.as_view(), name="course-detail"),
    path("lessons/<id:lesson_id>/", lessons.LessonDetailView.as_view(), name="lesson-detail"),
    path("lessons/<id:lesson_id>/experienced/", lessons.LessonExperienceView.as_view(),
         name="lesson-experienced"),
    path("lessons/<id:lesson_id>/position/", lessons.LessonPositionView.as_view(),
         name="lesson-position"),
    path("lessons/<id:lesson_id>/quiz/", quizzes.LessonQuizView.as_view(), name="lesson-quiz"),
    path("lessons/<id:lesson_id>/quiz/attempts/", quizzes.AttemptStartView.as_view(),
         name="attempt-start"),
    path("attempts/", attempts.AttemptListView.as_view(), name="attempt-list"),
    path("attempts/<id:attempt_id>/", attempts.AttemptDetailView.as_view(),
         name="attempt-detail"),
    path("attempts/<id:attempt_id>/answers/", attempts.AttemptAnswerView.as_view(),
         name="attempt-answer"),
    path("attempts/<id:attempt_id>/submit/", attempts.AttemptSubmitView.as_view(),
         name="attempt-submit"),
    path("progress/", progress.ProgressView.as_view(), name="progress"),
]

app_name = "api"
urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    re_path(r"^.*$", not_found),
]
