"""Keep a launched browser inside what its launches grant, and tell the receivers which launch.

A browser an LMS launched is logged in as the LMS learner; it may reach only
the lessons it was granted (lms/context.py), their quizzes and their results,
plus this app's own pages (Exit, Review) and static files. A request is
matched to a grant by its resolved URL: a `lesson_id` or `attempt_id` in the
URL (learner pages and API alike), or the lesson page's path. Anything else
gets a 403 page (or the API's error shape) pointing back to the lesson.

Within a grant:
- Browse and Review launches are read-only (cmi5 10.2.2: nothing about
  satisfaction is recorded): only safe methods, and this app's Exit.
- After `passed` or `failed` in a cmi5 session (at most one per session,
  cmi5 9.3), starting another attempt needs a new launch.
- Unless settings.CMI5_COPY_TO_LRS, the corporate LRS outbox records nothing.
- Signing out ends every launch of the browser, as Exit does.

Browsers no LMS launched pass through with one session lookup, which
authentication does anyway.
"""

from __future__ import annotations

from contextlib import ExitStack

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse

from api.errors import error_body
from quizzes.models import Attempt
from xapi.outbox import suppressed

from . import context, services
from .models import LmsStatement

__all__ = ["LaunchScopeMiddleware"]

ALWAYS_ALLOWED = frozenset({"logout", "wagtaildocs_serve"})
QUIZ_START = frozenset({"learn:quiz_start", "api:attempt-start"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LaunchScopeMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        granted = context.grants(session) if session is not None else None
        if granted is None:
            return self.get_response(request)
        if not request.user.is_authenticated:  # signed out (or session expired): a plain browser
            session.pop(context.SESSION_KEY, None)
            return self.get_response(request)
        allowed, grant, reason = _decide(request, granted)
        if not allowed:
            request.lms_launch = grant  # the header's Exit, to leave and relaunch
            return _refused(request, granted, reason)
        request.lms_launch = grant
        if request.method == "POST" and request.path_info == reverse("logout"):
            _end_launches(request, granted)
        with ExitStack() as stack:
            stack.enter_context(context.within(grant))
            if grant is not None and not settings.CMI5_COPY_TO_LRS:
                stack.enter_context(suppressed())
            return self.get_response(request)


def _end_launches(request: HttpRequest, granted: list[context.Grant]) -> None:
    """Signing out of a launched browser ends its launches as Exit would (cmi5 terminated)."""
    for grant in granted:
        services.session_exit(session_pk=grant.session_pk, user=request.user)


def _decide(request: HttpRequest, granted: list[context.Grant]
            ) -> tuple[bool, context.Grant | None, str]:
    """(allowed, the grant the request falls under, why not)."""
    path = request.path_info
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True, None, ""
    try:
        match = resolve(path)
    except Resolver404:
        return True, None, ""  # a plain 404
    if match.namespace == "lms":
        public_id = str(match.kwargs.get("session_id", ""))
        return True, next((g for g in granted if g.public_id == public_id), None), ""
    if match.view_name in ALWAYS_ALLOWED:
        return True, None, ""
    grant = _grant_for_match(request, match, granted)
    if grant is None:
        return False, None, "outside"
    if request.method not in SAFE_METHODS:
        if grant.read_only:
            return False, grant, "read_only"
        if match.view_name in QUIZ_START and _judged(grant):
            return False, grant, "judged"
    return True, grant, ""


def _grant_for_match(request, match, granted: list[context.Grant]) -> context.Grant | None:
    by_lesson = {g.lesson_id: g for g in granted}
    if "lesson_id" in match.kwargs:
        return by_lesson.get(int(match.kwargs["lesson_id"]))
    if "attempt_id" in match.kwargs:
        lesson_id = (
            Attempt.objects.filter(pk=match.kwargs["attempt_id"], user=request.user,
                                   context_page_id__in=list(by_lesson))
            .values_list("context_page_id", flat=True).first()
        )
        return by_lesson.get(lesson_id)
    if match.url_name == "wagtail_serve":
        path = request.path_info if request.path_info.endswith("/") else request.path_info + "/"
        return next((g for g in granted if g.path == path), None)
    return None


def _judged(grant: context.Grant) -> bool:
    return grant.kind == "cmi5" and LmsStatement.objects.filter(
        session_id=grant.session_pk, verb__in=("passed", "failed"), defined=True
    ).exists()


HEADINGS = {
    "outside": "Not available in this window",
    "read_only": "This launch is for looking, not recording",
    "judged": "Your result is recorded",
}
MESSAGES = {
    "outside": "This window shows the lesson your learning platform opened. Other pages are "
               "not available here.",
    "read_only": "Your learning platform opened this lesson to look at, not to record: nothing "
                 "you do here is saved.",
    "judged": "Your result for this launch is recorded with your learning platform. To try "
              "the knowledge check again, exit and launch the lesson again from there.",
}


def _refused(request: HttpRequest, granted: list[context.Grant], reason: str) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body(f"launch_{reason}", MESSAGES[reason]), status=403)
    return render(request, "lms/outside_launch.html",
                  {"grants": granted, "heading": HEADINGS[reason], "message": MESSAGES[reason]},
                  status=403)
