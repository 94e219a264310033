"""Wagtail hooks of the learner pages: opening a lesson page is recorded for its learner."""

from wagtail import hooks

from lessons.models import LessonPage
from progress.services import lesson_open


@hooks.register("before_serve_page")
def record_lesson_opened(page, request, serve_args, serve_kwargs):
    """A signed-in learner opening a published lesson (previews never come through here).

    Not in an LMS's Browse or Review launch (lms/middleware.py sets request.lms_launch):
    those record nothing.
    """
    launch = getattr(request, "lms_launch", None)
    if launch is not None and launch.read_only:
        return
    if isinstance(page, LessonPage) and request.user.is_authenticated:
        lesson_open(user=request.user, lesson=page)
