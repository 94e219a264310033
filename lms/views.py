"""Launch, exit and review: the pages an LMS and a launched learner reach.

Thin: each view validates through lms/launch.py and lms/services.py and
responds. A refused launch writes nothing and shows a page (4xx; 502 when the
LMS did not answer) telling the learner to launch again from the LMS.
"""

from __future__ import annotations

import logging
import uuid

from django.contrib.auth import login, logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from learn.presenters import result_rows

from . import context, selectors, services
from .launch import LaunchError
from .models import LaunchSession

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def cmi5_launch(request: HttpRequest, lesson_key: uuid.UUID) -> HttpResponse:
    """The AU's URL: `?endpoint&fetch&actor&registration&activityId` (cmi5 8.1)."""
    return _launch(request, services.cmi5_launch, lesson_key)


@never_cache
@require_GET
def tincan_launch(request: HttpRequest, lesson_key: uuid.UUID) -> HttpResponse:
    """The Tin Can launch: `?endpoint&auth&actor&registration&activity_id`."""
    return _launch(request, services.tincan_launch, lesson_key)


def _launch(request: HttpRequest, start, lesson_key: uuid.UUID) -> HttpResponse:
    try:
        session = start(query=dict(request.GET.lists()), lesson_key=lesson_key)
    except LaunchError as error:
        logger.warning("lms.launch_refused code=%s status=%s detail=%s", error.code,
                       error.status, error.detail, extra={"event": "lms.launch_refused"})
        return render(request, "lms/launch_error.html", {"error": error}, status=error.status)
    login(request, session.learner.user)
    lesson = session.lesson
    context.grant_add(request.session, context.Grant(
        session_pk=session.pk, public_id=str(session.public_id), lesson_id=lesson.pk,
        kind=session.kind, mode=session.mode, path=lesson.get_url(request), title=session.title,
    ))
    if session.mode == LaunchSession.Mode.REVIEW:
        return redirect("lms:review", session_id=session.public_id)
    return redirect(lesson.get_url(request))


@require_POST
def session_exit(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Exit: `terminated`, then back to the LMS's returnURL (or a "lesson closed" page)."""
    grant = getattr(request, "lms_launch", None)
    if grant is None or not request.user.is_authenticated:
        return redirect("lms:closed")  # already exited (a second click) or never launched here
    session = services.session_exit(session_pk=grant.session_pk, user=request.user)
    if not context.grant_remove(request.session, grant.public_id):
        logout(request)  # nothing left to reach in this browser
    return redirect(session.return_url or reverse("lms:closed"))


@require_GET
def session_review(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Review mode (cmi5 10.2.2): the learner's last result, read-only."""
    grant = getattr(request, "lms_launch", None)
    if grant is None:
        raise Http404("This review is not open in this browser.")
    attempt = selectors.last_submitted_attempt(user=request.user, lesson_id=grant.lesson_id)
    return render(request, "lms/review.html", {
        "grant": grant,
        "attempt": attempt,
        "rows": result_rows(attempt) if attempt else [],
    })


@require_GET
def closed(request: HttpRequest) -> HttpResponse:
    return render(request, "lms/closed.html")
