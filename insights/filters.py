"""The filters every Insights view takes (date range, group), as forms and a plain Scope.

Dates are whole days in the site's time zone, both ends included. A form that
does not validate is shown again with its errors (the view answers 400).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from courses.models import CoursePage
from quizzes.models import Quiz

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


@dataclass(frozen=True)
class Scope:
    """Which activity a figure covers: [start, end) as aware datetimes, and a group."""

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    group_id: int | None = None

    def in_period(self, field: str) -> Q:
        """Q for `field` (a datetime path) inside the period (no bounds: everything)."""
        q = Q()
        if self.start is not None:
            q &= Q(**{f"{field}__gte": self.start})
        if self.end is not None:
            q &= Q(**{f"{field}__lt": self.end})
        return q

    def in_group(self, user_path: str = "user") -> Q:
        return Q(**{f"{user_path}__groups": self.group_id}) if self.group_id else Q()


def day_start(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class FilterForm(forms.Form):
    start = forms.DateField(label="From", required=False, widget=DATE_WIDGET)
    end = forms.DateField(label="To", required=False, widget=DATE_WIDGET)
    group = forms.ModelChoiceField(
        queryset=Group.objects.order_by("name"), required=False,
        empty_label="All learners", label="Group",
        help_text="A department or location (Settings > Groups).",
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError("The start date must be on or before the end date.")
        return cleaned

    def scope(self) -> Scope:
        data = self.cleaned_data
        end = data.get("end")
        return Scope(
            start=day_start(data.get("start")),
            end=day_start(end + dt.timedelta(days=1)) if end else None,
            group_id=data["group"].pk if data.get("group") else None,
        )


class CourseFilterForm(FilterForm):
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.order_by("path"), required=False, empty_label=None,
    )
    field_order = ["course", "start", "end", "group"]


ATTEMPT_CHOICES = [
    ("first", "First attempts"),
    ("best", "Best attempt per learner"),
    ("last", "Last attempt per learner"),
    ("all", "All attempts"),
]


class ItemFilterForm(FilterForm):
    quiz = forms.ModelChoiceField(queryset=Quiz.objects.order_by("title"), required=False,
                                  empty_label=None)
    revision = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="Published revision",
        help_text="Questions change between revisions; figures never mix them.",
    )
    attempts = forms.ChoiceField(choices=ATTEMPT_CHOICES, required=False, initial="first")
    field_order = ["quiz", "revision", "attempts", "start", "end", "group"]

    def __init__(self, *args, revisions: list[Revision] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].choices = [("", "The live revision")] + [
            (revision.pk,
             f"Revision {revision.pk}, {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M}")
            for revision in revisions
        ]


class PulseFilterForm(FilterForm):
    compare_start = forms.DateField(label="Compare with: from", required=False,
                                    widget=DATE_WIDGET)
    compare_end = forms.DateField(label="Compare with: to", required=False, widget=DATE_WIDGET)
    field_order = ["start", "end", "compare_start", "compare_end", "group"]

    DEFAULT_DAYS = 30

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        end = cleaned.get("end") or today
        start = cleaned.get("start") or end - dt.timedelta(days=self.DEFAULT_DAYS - 1)
        if start > end:
            return cleaned
        length = end - start
        compare_end = cleaned.get("compare_end") or start - dt.timedelta(days=1)
        compare_start = cleaned.get("compare_start") or compare_end - length
        if compare_start > compare_end:
            self.add_error("compare_start", "The start date must be on or before the end date.")
        cleaned.update(start=start, end=end, compare_start=compare_start,
                       compare_end=compare_end)
        return cleaned

    def comparison(self) -> Scope:
        data = self.cleaned_data
        return Scope(
            start=day_start(data["compare_start"]),
            end=day_start(data["compare_end"] + dt.timedelta(days=1)),
            group_id=data["group"].pk if data.get("group") else None,
        )
