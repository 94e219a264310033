"""Wagtail admin: download a course's LMS package (the action on a course page)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from courses.models import CoursePage

from .package import FORMATS, EmptyCourse, course_package, package_file


def package_download(request: HttpRequest, course_id: int) -> HttpResponse:
    """GET: the choice of formats; GET ?format=...: the file."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not course.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    context = {"course": course, "page": course, "formats": FORMATS}
    try:
        package = course_package(course)
    except EmptyCourse as error:
        return TemplateResponse(request, "lms/admin/package.html", {**context, "error": error},
                                status=409)
    chosen = request.GET.get("format")
    if chosen is None:
        return TemplateResponse(request, "lms/admin/package.html", {**context, "package": package})
    if chosen not in FORMATS:
        return TemplateResponse(request, "lms/admin/package.html",
                                {**context, "package": package,
                                 "error": f"Unknown format {chosen!r}."}, status=400)
    name, content, mime = package_file(package, chosen)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
