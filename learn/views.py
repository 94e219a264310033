"""The learner's no-JS pages: thin views over the same services as the API.

Each view checks its input, calls one service or selector, and responds; the
rules (attempt limits, scoring, completion) live in quizzes/ and progress/.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from api.throttles import SubmitRateThrottle
from lessons.models import LessonPage
from lessons.selectors import course_facts
from progress.models import CourseProgress
from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from quizzes.models import Attempt
from quizzes.scoring import AnswerError
from quizzes.selectors import learner_questions
from quizzes.services import AttemptAlreadySubmitted, AttemptLimitReached, QuizNotAvailable

from . import selectors
from .forms import LearnerNameForm, QuizAnswersForm
from .services import learner_name_set
from .throttling import throttled

QUIZ_ANCHOR = "#knowledge-check"


def _lesson_or_404(lesson_id: int) -> LessonPage:
    return get_object_or_404(selectors.live_lessons().select_related("quiz"), pk=lesson_id)


def _invalid(request, lesson, attempt, form, status=400) -> HttpResponse:
    context = {"lesson": lesson, "attempt": attempt, "form": form}
    return render(request, "learn/quiz_invalid.html", context, status=status)


@login_required
@require_POST
def lesson_experienced(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """'I have read this lesson' without JavaScript (the JS module calls the API instead)."""
    lesson = _lesson_or_404(lesson_id)
    lesson_experience(user=request.user, lesson=lesson)
    return redirect(lesson.get_url(request) + QUIZ_ANCHOR)


@login_required
@require_POST
def quiz_start(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Start (or resume) the lesson's knowledge check, then show it on the lesson page."""
    lesson = _lesson_or_404(lesson_id)
    lesson_experience(user=request.user, lesson=lesson)
    try:
        lesson_quiz_start(user=request.user, lesson=lesson)
    except AttemptLimitReached as error:
        context = {"lesson": lesson, "limit": error.limit}
        return render(request, "learn/attempt_limit.html", context, status=403)
    except QuizNotAvailable as error:
        raise Http404("This lesson has no knowledge check.") from error
    return redirect(lesson.get_url(request) + QUIZ_ANCHOR)


@login_required
@require_POST
@throttled(SubmitRateThrottle)
def quiz_submit(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Score the posted answers; a form that does not fit the quiz gets a 400 page."""
    lesson = _lesson_or_404(lesson_id)
    attempt = selectors.attempt_for_lesson(
        user=request.user, lesson=lesson, attempt_id=request.POST.get("attempt"))
    if attempt is None or attempt.is_submitted:
        return _gone(request, lesson, attempt)
    form = QuizAnswersForm(learner_questions(attempt.questions), request.POST)
    if form.is_valid() and _submitted(request, lesson, attempt, form):
        return redirect("learn:attempt_result", attempt_id=attempt.pk)
    return _invalid(request, lesson, attempt, form)


def _submitted(request, lesson, attempt, form) -> bool:
    """Submit through the service; False (with the reason on the form) if it refuses."""
    try:
        lesson_quiz_submit(
            user=request.user, lesson=lesson, attempt_id=attempt.pk, answers=form.answers)
    except AnswerError as error:
        form.add_error(None, error.detail)
        return False
    except AttemptAlreadySubmitted:
        pass  # a double click: the first submission's result stands
    return True


def _gone(request, lesson, attempt) -> HttpResponse:
    """A submitted attempt shows its result; an unknown one is a bad request."""
    if attempt is not None:
        return redirect("learn:attempt_result", attempt_id=attempt.pk)
    return render(request, "learn/quiz_unknown.html", {"lesson": lesson}, status=400)


@login_required
@require_GET
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Score, pass or fail, per-question feedback, retry and the next lesson."""
    try:
        result = selectors.attempt_result(user=request.user, attempt_id=attempt_id)
    except Attempt.DoesNotExist as error:
        raise Http404("No such result.") from error
    if request.GET.get("fragment"):  # the JS module shows just the result on the lesson page
        return render(request, "learn/includes/quiz_result.html", {"result": result, "level": 3})
    return render(request, "learn/attempt_result.html", {"result": result})


@login_required
@require_http_methods(["GET", "POST"])
def course_certificate(request: HttpRequest, course_id: int) -> HttpResponse:
    """The printable completion page: 404 until the learner has completed the course.

    An account without a name is first asked for one (posted back here), so the
    certificate never shows a username.
    """
    try:
        completion = selectors.course_completion(user=request.user, course_id=course_id)
    except CourseProgress.DoesNotExist as error:
        raise Http404("You have not completed this course yet.") from error
    if not request.user.get_full_name() or request.method == "POST":
        return _certificate_name(request, completion)
    facts = course_facts([completion.course])[completion.course.pk]
    context = {"completion": completion, "minutes": facts.minutes}
    return render(request, "learn/certificate.html", context)


def _certificate_name(request: HttpRequest, completion: CourseProgress) -> HttpResponse:
    """Ask for the learner's name; store it and show the certificate."""
    form = LearnerNameForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            learner_name_set(user=request.user, **form.cleaned_data)
            return redirect(request.path)
        except ValidationError as error:
            form.add_error(None, error)
    status = 400 if form.errors else 200
    return render(request, "learn/certificate_name.html",
                  {"completion": completion, "form": form}, status=status)
