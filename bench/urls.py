"""Bench URLconf: the product's URLs plus /bench/write/ and the two submit floors."""

from django.urls import include, path

from .views import IdealSubmitView, MinimalSubmitFloorView, SubmitFloorView, WriteOneRowView

urlpatterns = [
    path("bench/write/", WriteOneRowView.as_view(), name="bench-write"),
    path("bench/submit-floor/<int:attempt_id>/", SubmitFloorView.as_view(),
         name="bench-submit-floor"),
    path("bench/submit-floor-minimal/<int:attempt_id>/", MinimalSubmitFloorView.as_view(),
         name="bench-submit-floor-minimal"),
    path("bench/submit-ideal/<int:attempt_id>/", IdealSubmitView.as_view(),
         name="bench-submit-ideal"),
    path("", include("touchpoint.urls")),
]
