"""manage.py generate_activity on the seeded course: consistent, scored by the product's rules."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lessons.content.everybody_has_a_customer import COURSE
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Answer, Attempt
from quizzes.scoring import score_question


@pytest.fixture
def seeded(db):
    call_command("seed_course", stdout=io.StringIO())


def test_generate_activity_fills_the_seeded_course_consistently(seeded):
    out = io.StringIO()
    call_command("generate_activity", "--learners", "40", "--seed", "5", stdout=out)
    assert "Generated 40 learners in 'Everybody Has a Customer'" in out.getvalue()
    users = get_user_model().objects.filter(username__startswith="sim-")
    assert users.count() == 40
    assert not any(user.has_usable_password() for user in users)
    assert all(user.groups.count() >= 2 for user in users)
    submitted = Attempt.objects.filter(status="submitted").prefetch_related("answers")
    assert submitted.count() > 40
    for attempt in submitted:
        by_id = {q["id"]: q for q in attempt.questions}
        answers = list(attempt.answers.all())
        assert len(answers) == len(attempt.questions)
        for answer in answers:
            expected = score_question(by_id[answer.question_id], answer.response,
                                      all_or_nothing=attempt.all_or_nothing)
            assert answer.score == pytest.approx(float(expected.score))
        if attempt.max_score:
            assert attempt.raw_score == pytest.approx(sum(a.score for a in answers))
        else:  # the survey: no score, no pass or fail
            assert attempt.raw_score is None and attempt.passed is None
    assert Answer.objects.filter(question_type="likert").exists()
    for progress in LessonProgress.objects.filter(completed_at__isnull=False,
                                                  lesson__quiz__isnull=False):
        assert progress.passed_attempt_id is not None
    lessons = LessonProgress.objects.values("lesson_id").distinct().count()
    for done in CourseProgress.objects.filter(completed_at__isnull=False):
        assert LessonProgress.objects.filter(user=done.user, completed_at__isnull=False
                                             ).count() == lessons == len(COURSE["lessons"])


def test_generate_activity_needs_a_course(db):
    with pytest.raises(CommandError, match="seed_course"):
        call_command("generate_activity", "--learners", "3")
