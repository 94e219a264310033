"""Bench URLconf: the product's URLs plus /bench/write/, the baseline."""

from django.urls import include, path

from .views import WriteOneRowView

urlpatterns = [
    path("bench/write/", WriteOneRowView.as_view(), name="bench-write"),
    path("", include("touchpoint.urls")),
]
