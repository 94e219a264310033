"""Bench URLconf: the product's URLs plus /bench/write/ and /bench/submit-floor/<id>/."""

from django.urls import include, path

from .views import SubmitFloorView, WriteOneRowView

urlpatterns = [
    path("bench/write/", WriteOneRowView.as_view(), name="bench-write"),
    path("bench/submit-floor/<int:attempt_id>/", SubmitFloorView.as_view(),
         name="bench-submit-floor"),
    path("", include("touchpoint.urls")),
]
