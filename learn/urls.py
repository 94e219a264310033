"""The learner's web pages: plain HTML forms over the same services as the API."""

from django.urls import path

from . import views

app_name = "learn"
urlpatterns = [
    path("lessons/<id:lesson_id>/experienced/", views.lesson_experienced,
         name="lesson_experienced"),
    path("lessons/<id:lesson_id>/quiz/start/", views.quiz_start, name="quiz_start"),
    path("attempts/<id:attempt_id>/", views.attempt_result, name="attempt_result"),
    path("attempts/<id:attempt_id>/questions/<id:number>/", views.QuestionView.as_view(),
         name="attempt_question"),
    path("courses/<id:course_id>/certificate/", views.course_certificate,
         name="course_certificate"),
]
