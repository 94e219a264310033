"""The "Download for an LMS" action on course pages in the Wagtail admin."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from courses.models import CoursePage

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("lms/courses/<int:course_id>/package/", admin_views.package_download,
             name="lms_package"),
    ]


class DownloadPackageButton(PageMenuItem):
    label = "Download for an LMS"
    icon_name = "download"

    def is_shown(self, user):
        return self.page.live and self.page.permissions_for_user(user).can_edit()

    @property
    def url(self):
        return reverse("lms_package", args=[self.page.pk])


def _buttons(page, user):
    if page.specific_class is CoursePage:
        yield DownloadPackageButton(page=page, priority=35)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    yield from _buttons(page, user)
