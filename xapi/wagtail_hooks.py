from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from xapi import views


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_manage_outbox(request.user)


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("xapi/outbox/", views.OutboxView.as_view(), name="xapi_outbox"),
        path("xapi/outbox/requeue/", views.RequeueView.as_view(), name="xapi_outbox_requeue"),
    ]


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        "xAPI outbox", reverse("xapi_outbox"), name="xapi-outbox", icon_name="list-ul", order=1300
    )


@hooks.register("register_permissions")
def register_outbox_permission():
    return Permission.objects.filter(content_type__app_label="xapi", codename="manage_outbox")
