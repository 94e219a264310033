"""Question and choice ids are stored, so every read of a quiz gives the same ids."""

import pytest
from django.core.management import call_command

from quizzes.models import Quiz
from quizzes.snapshot import quiz_questions
from tests.factories import QuizFactory


def _ids(quiz_pk):
    questions = quiz_questions(Quiz.objects.get(pk=quiz_pk))
    return [(q["id"], [c["id"] for c in q["choices"]]) for q in questions]


@pytest.mark.django_db
def test_question_and_choice_ids_are_the_same_on_every_read():
    quiz = QuizFactory()
    assert _ids(quiz.pk) == _ids(quiz.pk)


@pytest.mark.django_db
def test_seeded_quizzes_keep_their_choice_ids_across_reads_and_revisions():
    call_command("seed_course")
    for quiz in Quiz.objects.all():
        assert _ids(quiz.pk) == _ids(quiz.pk)
        live = quiz.live_revision.as_object()
        assert [q["id"] for q in quiz_questions(live)] == [q for q, _ in _ids(quiz.pk)]
