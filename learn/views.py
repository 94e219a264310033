"""The learner's no-JS pages: thin views over the same services as the API.

Each view checks its input, calls one service or selector, and responds; the
rules (attempt limits, scoring, completion) live in quizzes/ and progress/.
The knowledge check runs one question per page: a question's address shows its
form until it is answered and its feedback after (static/js/quiz.js answers
through the API instead and shows the feedback in place).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from api.throttles import AnswerRateThrottle
from lessons.models import LessonPage
from lessons.selectors import course_facts
from progress.models import CourseProgress
from progress.services import attempt_answer_with_progress, lesson_experience, lesson_quiz_start
from quizzes.models import Attempt
from quizzes.scoring import AnswerError, normalize_answer
from quizzes.selectors import learner_questions
from quizzes.services import (
    AttemptAlreadySubmitted,
    AttemptLimitReached,
    QuestionAlreadyAnswered,
    QuizNotAvailable,
)

from . import selectors
from .forms import LearnerNameForm, QuestionForm
from .presenters import SCRIPT_WORDS, QuestionScreen, has_feedback_step, question_screen
from .services import learner_name_set
from .throttling import throttled

QUIZ_ANCHOR = "#knowledge-check"


def _lesson_or_404(lesson_id: int) -> LessonPage:
    return get_object_or_404(selectors.live_lessons().select_related("quiz"), pk=lesson_id)


def question_url(attempt_id: int, number: int) -> str:
    return reverse("learn:attempt_question", args=[attempt_id, number])


def _where_to(answers: selectors.AttemptAnswers) -> str:
    """The attempt's first unanswered question, or its result once every one is answered."""
    attempt = answers.attempt
    unanswered = answers.unanswered
    if unanswered:
        return question_url(attempt.pk, unanswered[0])
    return reverse("learn:attempt_result", args=[attempt.pk])


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
    """Start (or resume) the lesson's knowledge check at its first unanswered question."""
    lesson = _lesson_or_404(lesson_id)
    lesson_experience(user=request.user, lesson=lesson)
    try:
        attempt, _ = lesson_quiz_start(user=request.user, lesson=lesson)
    except AttemptLimitReached as error:
        context = {"lesson": lesson, "limit": error.limit}
        return render(request, "learn/attempt_limit.html", context, status=403)
    except QuizNotAvailable as error:
        raise Http404("This lesson has no knowledge check.") from error
    return redirect(_where_to(selectors.attempt_answers(user=request.user,
                                                        attempt_id=attempt.pk)))


def _answers_or_404(request: HttpRequest, attempt_id: int) -> selectors.AttemptAnswers:
    try:
        return selectors.attempt_answers(user=request.user, attempt_id=attempt_id)
    except Attempt.DoesNotExist as error:
        raise Http404("No such attempt.") from error


def _screen(answers: selectors.AttemptAnswers, number: int, *, then: list[int],
            form: QuestionForm | None = None) -> QuestionScreen:
    """Question `number`; its Continue leads to `then[0]` (next still to answer) or the result."""
    attempt = answers.attempt
    return question_screen(
        question=learner_questions([answers.question(number)])[0],
        number=number, total=answers.total, url=question_url(attempt.pk, number),
        next_url=(question_url(attempt.pk, then[0]) if then
                  else reverse("learn:attempt_result", args=[attempt.pk])),
        finishes=not then, result=answers.result(number), form=form,
    )


def _question_page(request, answers, number, *, form=None, status=200) -> HttpResponse:
    """The question's page; an unanswered one carries the questions after it still to answer
    (in <template>s: quiz.js shows them without a reload)."""
    later = [n for n in answers.unanswered if n != number]
    screen = _screen(answers, number, then=later, form=form)
    upcoming = [] if screen.answered else [
        _screen(answers, n, then=later[index + 1:]) for index, n in enumerate(later)]
    context = {"answers": answers, "attempt": answers.attempt, "lesson": answers.lesson,
               "screen": screen, "upcoming": upcoming, "words": SCRIPT_WORDS}
    return render(request, "learn/question_page.html", context, status=status)


@method_decorator(login_required, name="dispatch")
class QuestionView(View):
    """GET: a question's form (or, once answered, its feedback); POST: answer it (final)."""

    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
        answers = _answers_or_404(request, attempt_id)
        if answers.question(number) is None:
            raise Http404("No such question.")
        if answers.result(number) is None and number != (answers.unanswered or [0])[0]:
            return redirect(_where_to(answers))  # one at a time, in order
        return _question_page(request, answers, number)

    @method_decorator(throttled(AnswerRateThrottle))
    def post(self, request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
        answers = _answers_or_404(request, attempt_id)
        question = answers.question(number)
        if question is None:
            raise Http404("No such question.")
        form = QuestionForm(learner_questions([question])[0], request.POST)
        if form.is_valid():
            try:
                recorded = attempt_answer_with_progress(
                    user=request.user, attempt_id=attempt_id, answer=form.answer)
            except AnswerError as error:
                form.add_error(None, error.detail)
            except (QuestionAlreadyAnswered, AttemptAlreadySubmitted):
                return _answered_before(request, answers, number, form.answer)
            else:
                return redirect(_after(request, attempt_id, number, recorded.result.as_dict()))
        return _question_page(request, answers, number, form=form, status=400)


def _after(request, attempt_id: int, number: int, result: dict) -> str:
    """Where an answer leads: its feedback, or (nothing to say) on to the next question."""
    if has_feedback_step(result):
        return question_url(attempt_id, number)
    return _where_to(selectors.attempt_answers(user=request.user, attempt_id=attempt_id))


def _answered_before(request, answers, number, answer) -> HttpResponse:
    """A repeated post of the stored answer (a double click) shows its feedback; any other
    answer to an answered question is refused: an answer is final."""
    fresh = selectors.attempt_answers(user=request.user, attempt_id=answers.attempt.pk)
    stored = fresh.result(number)
    _, posted = normalize_answer(fresh.attempt.questions, answer)
    if stored is not None and stored["response"] == posted:
        return redirect(question_url(fresh.attempt.pk, number))
    context = {"answers": fresh, "lesson": fresh.lesson, "number": number,
               "question_url": question_url(fresh.attempt.pk, number)}
    return render(request, "learn/question_answered.html", context, status=409)


@login_required
@require_GET
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """A finished attempt's result; an attempt in progress resumes at its next question."""
    try:
        result = selectors.attempt_result(
            user=request.user, attempt_id=attempt_id,
            launched=getattr(request, "lms_launch", None) is not None)
    except Attempt.DoesNotExist:
        return redirect(_where_to(_answers_or_404(request, attempt_id)))
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
