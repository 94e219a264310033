"""Launch URLs (what the exported packages point at) and the launched learner's own pages."""

from django.urls import path

from . import views

app_name = "lms"
urlpatterns = [
    path("cmi5/lessons/<uuid:lesson_key>/", views.cmi5_launch, name="cmi5_launch"),
    path("tincan/lessons/<uuid:lesson_key>/", views.tincan_launch, name="tincan_launch"),
    path("sessions/<uuid:session_id>/exit/", views.session_exit, name="exit"),
    path("sessions/<uuid:session_id>/review/", views.session_review, name="review"),
    path("closed/", views.closed, name="closed"),
]
