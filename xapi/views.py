"""Wagtail admin view of the xAPI outbox: counts, backlog, recent errors, requeue.

For superusers and holders of the `xapi.manage_outbox` permission (assignable
to a group in Settings > Groups). Wagtail's admin URLs also require admin access.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from touchpoint.redaction import redact
from xapi.health import outbox_backlog, outbox_counts, outbox_recent_errors
from xapi.models import OutboxStatement
from xapi.outbox import requeue_rejected

PERMISSION = "xapi.manage_outbox"


def can_manage_outbox(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


class OutboxPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_outbox(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RequeueForm(forms.Form):
    ids = forms.ModelMultipleChoiceField(
        queryset=OutboxStatement.objects.filter(status=OutboxStatement.Status.REJECTED),
        required=False,
    )
    scope = forms.ChoiceField(choices=[("selected", "Selected"), ("all", "All rejected")])


class OutboxView(OutboxPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "xapi/outbox.html"
    page_title = "xAPI outbox"
    header_icon = "list-ul"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        errors = list(outbox_recent_errors())
        for row in errors:  # rows stored before errors were redacted on write
            row.last_error = redact(row.last_error)
        context.update(
            counts=outbox_counts(), backlog=outbox_backlog(), errors=errors,
            retention_days=settings.XAPI_RETENTION_DAYS,
        )
        return context


class RequeueView(OutboxPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = RequeueForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Nothing was requeued: those statements are not rejected.")
            return redirect("xapi_outbox")
        everything = form.cleaned_data["scope"] == "all"
        ids = None if everything else [row.pk for row in form.cleaned_data["ids"]]
        count = requeue_rejected(ids=ids) if everything or ids else 0
        if count:
            messages.success(request, f"Requeued {count} statement(s) for delivery.")
        else:
            messages.warning(request, "Nothing was requeued: select rejected statements first.")
        return redirect("xapi_outbox")
