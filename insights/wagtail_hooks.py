"""Insights in the Wagtail admin: its URLs, the "Insights" menu, the home panel, and
its two permissions on the group edit screen."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from insights import views
from insights.selectors.summary import home_summary


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_insights(request.user)


class LearnersMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_see_learners(request.user)


@hooks.register("register_admin_urls")
def register_insights_urls():
    return [
        path("insights/funnel/", views.FunnelView.as_view(), name="insights_funnel"),
        path("insights/items/", views.ItemAnalysisView.as_view(), name="insights_items"),
        path("insights/pulse/", views.PulseView.as_view(), name="insights_pulse"),
        path("insights/learners/", views.LearnersView.as_view(), name="insights_learners"),
    ]


@hooks.register("register_admin_menu_item")
def register_insights_menu():
    menu = Menu(items=[
        InsightsMenuItem("Course funnel", reverse("insights_funnel"), name="insights-funnel",
                         icon_name="list-ol", order=100),
        InsightsMenuItem("Item analysis", reverse("insights_items"), name="insights-items",
                         icon_name="help", order=200),
        InsightsMenuItem("Pulse", reverse("insights_pulse"), name="insights-pulse",
                         icon_name="pick", order=300),
        LearnersMenuItem("Learners", reverse("insights_learners"), name="insights-learners",
                         icon_name="group", order=400),
    ])
    return SubmenuMenuItem("Insights", menu, name="insights", icon_name="table", order=250)


class InsightsHomePanel(Component):
    name = "insights_summary"
    order = 90
    template_name = "insights/home_panel.html"

    def get_context_data(self, parent_context):
        return {"summary": home_summary()}


@hooks.register("construct_homepage_panels")
def add_insights_panel(request, panels):
    if views.can_view_insights(request.user):
        panels.append(InsightsHomePanel())


@hooks.register("register_permissions")
def register_insights_permissions():
    return Permission.objects.filter(content_type__app_label="insights")
