"""Insights pages in the Wagtail admin: thin views over the selectors.

Each view validates its filter form (an invalid one is shown again with its
errors, answering 400), asks one selector, and renders the tables and charts;
``?format=csv&table=<slug>`` streams one table as CSV instead. Insights pages
need ``insights.view_insights``; the Learners page (named learners) needs
``insights.view_learner_reports`` ("Learning reports") as well.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Revision

from courses.models import CoursePage
from quizzes.models import Quiz

from . import charts, statistics, tables
from .csv_export import csv_response
from .filters import CourseFilterForm, FilterForm, ItemFilterForm, PulseFilterForm
from .models import VIEW_INSIGHTS, VIEW_LEARNER_REPORTS
from .privacy import min_group_size
from .selectors import funnel, items, learners, pulse
from .sql import reporting_queries


def can_view_insights(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_INSIGHTS))


def can_see_learners(user) -> bool:
    return can_view_insights(user) and (user.is_superuser or user.has_perm(VIEW_LEARNER_REPORTS))


class InsightsView(WagtailAdminTemplateMixin, TemplateView):
    """Shared flow: permission, filter form, report (tables + charts), page or CSV."""

    form_class: type[FilterForm] = FilterForm
    header_icon = "table"
    csv_prefix = "insights"

    def has_permission(self, user) -> bool:
        return can_view_insights(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": f"Insights: {self.page_title}"}]

    def get_form(self):
        return self.form_class(self.request.GET)

    def report(self, form) -> dict:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        with reporting_queries():
            report = self.report(form)
        if request.GET.get("format") == "csv":
            return self.csv(report, request.GET.get("table", ""))
        return self.render_to_response(self.get_context_data(form=form, **report))

    def csv(self, report: dict, slug: str):
        for table in report.get("tables", []):
            if table.slug == slug:
                return csv_response(f"{self.csv_prefix}-{slug}.csv", table.csv_header(),
                                    table.csv_rows())
        raise Http404("No such table.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("format", None)
        query.pop("table", None)
        context.update(minimum=min_group_size(), query=query.urlencode(),
                       can_see_learners=can_see_learners(self.request.user))
        return context


class FunnelView(InsightsView):
    template_name = "insights/funnel.html"
    page_title = "Course funnel"
    form_class = CourseFilterForm
    csv_prefix = "funnel"

    def report(self, form) -> dict:
        course = form.cleaned_data.get("course") or CoursePage.objects.order_by("path").first()
        if course is None:
            return {"tables": []}
        result = funnel.course_funnel(course=course, scope=form.scope())
        return {
            "course": course, "funnel": result, "tables": tables.funnel_tables(result),
            "funnel_chart": charts.funnel_bars(result.lessons, result.stages),
            "weekly_chart": charts.weekly_columns(result.weeks),
        }


class ItemAnalysisView(InsightsView):
    template_name = "insights/items.html"
    page_title = "Item analysis"
    form_class = ItemFilterForm
    csv_prefix = "items"

    def get_form(self):
        quiz = self.quiz = self._chosen_quiz()
        revisions = items.quiz_revisions(quiz) if quiz else []
        return ItemFilterForm(self.request.GET, revisions=revisions)

    def _chosen_quiz(self) -> Quiz | None:
        quizzes = Quiz.objects.order_by("title")
        chosen = self.request.GET.get("quiz", "")
        if chosen.isdigit():
            return quizzes.filter(pk=int(chosen)).first()  # unknown: the form says so
        return quizzes.exclude(live_revision__isnull=True).first()

    def report(self, form) -> dict:
        quiz = form.cleaned_data.get("quiz") or self.quiz
        revision_id = form.cleaned_data.get("revision") or (quiz.live_revision_id if quiz else None)
        revision = Revision.objects.filter(pk=revision_id).first() if revision_id else None
        if quiz is None or revision is None:
            return {"tables": [], "quiz": quiz}
        mode = form.cleaned_data.get("attempts") or "first"
        analysis = items.item_analysis(quiz=quiz, revision=revision, mode=mode,
                                       scope=form.scope())
        report = {"quiz": quiz, "analysis": analysis, "revision": revision,
                  "tables": [] if analysis.is_survey or analysis.suppressed
                  else tables.item_tables(analysis)}
        if report["tables"]:
            report["scatter"] = charts.item_scatter(
                analysis.questions, facility_low=statistics.FACILITY_REVIEW_BELOW,
                facility_high=statistics.FACILITY_REVIEW_ABOVE,
                discrimination_low=statistics.DISCRIMINATION_REVIEW_BELOW)
        report["thresholds"] = {"low": statistics.FACILITY_REVIEW_BELOW,
                                "high": statistics.FACILITY_REVIEW_ABOVE,
                                "discrimination": statistics.DISCRIMINATION_REVIEW_BELOW,
                                "min_sample": statistics.MIN_SAMPLE}
        return report


class PulseView(InsightsView):
    template_name = "insights/pulse.html"
    page_title = "Pulse"
    form_class = PulseFilterForm
    csv_prefix = "pulse"

    def report(self, form) -> dict:
        result = pulse.pulse(current=form.scope(), previous=form.comparison())
        labels = result.statements[0].labels if result.statements else []
        return {"pulse": result, "tables": tables.pulse_tables(result, labels),
                "likert_chart": charts.likert_stacks(result.statements),
                "periods": form.cleaned_data}


class LearnersView(InsightsView):
    """Named learners: only with "Learning reports"."""

    template_name = "insights/learners.html"
    page_title = "Learners"
    form_class = CourseFilterForm
    csv_prefix = "learners"
    per_page = 50

    def has_permission(self, user) -> bool:
        return can_see_learners(user)

    def report(self, form) -> dict:
        course = form.cleaned_data.get("course") or CoursePage.objects.order_by("path").first()
        if course is None:
            return {"rows": None}
        scope = form.scope()
        rows = learners.course_learners(course=course, scope=scope)
        return {"course": course, "rows": rows, "scope": scope}

    def csv(self, report: dict, slug: str):
        if slug != "learners" or report.get("rows") is None:
            raise Http404("No such table.")
        return csv_response("learners.csv", [label for _key, label in learners.COLUMNS],
                            report["rows"].rows())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = kwargs.get("rows")
        if rows is not None:
            page = Paginator(rows, self.per_page).get_page(self.request.GET.get("page"))
            context.update(page_obj=page, columns=learners.COLUMNS)
        return context

