"""Bench URLconf: the product's URLs plus the baseline endpoint at /bench/write/."""

from django.urls import include, path

from .views import WriteOneRowView

urlpatterns = [
    path("bench/write/", WriteOneRowView.as_view(), name="bench-write"),
    path("", include("touchpoint.urls")),
]
