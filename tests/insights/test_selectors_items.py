"""Item analysis from SQL against numpy over the same stored answers."""

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insights.activity import generate_activity
from insights.filters import Scope
from insights.selectors.items import flagged_quizzes, item_analysis
from quizzes.models import Answer, Attempt
from quizzes.snapshot import quiz_questions


def numpy_item_analysis(attempts, questions):
    """Per scored question: facility, sd, discrimination, efficiency; and alpha, from raw rows."""
    scored = [q for q in questions if q["type"] != "likert"]
    index = {attempt.pk: i for i, attempt in enumerate(attempts)}
    matrix = np.zeros((len(attempts), len(scored)))
    columns = {q["id"]: j for j, q in enumerate(scored)}
    for answer in Answer.objects.filter(attempt__in=attempts).exclude(question_type="likert"):
        matrix[index[answer.attempt_id], columns[answer.question_id]] = answer.score
    totals = np.array([attempt.raw_score for attempt in attempts])
    assert np.allclose(matrix.sum(axis=1), totals)  # the stored total is the sum of the answers
    figures = []
    for j, question in enumerate(scored):
        x, y = matrix[:, j], totals - matrix[:, j]
        cov = np.cov(x, y, ddof=1)[0, 1]
        figures.append({
            "facility": x.mean() / question["points"],
            "sd": x.std(ddof=1),
            "discrimination": 100 * np.corrcoef(x, y)[0, 1],
            "efficiency": 100 * cov / np.cov(np.sort(x), np.sort(y), ddof=1)[0, 1],
        })
    k = len(scored)
    alpha = k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / totals.var(ddof=1))
    return figures, alpha, totals


@pytest.mark.parametrize("mode", ["first", "all"])
def test_item_analysis_matches_numpy_on_the_stored_answers(activity, mode):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz
    attempts = list(Attempt.objects.filter(
        quiz_revision_id=quiz.live_revision_id, status="submitted",
        **({"number": 1} if mode == "first" else {})))
    analysis = item_analysis(quiz=quiz, revision=quiz.live_revision, mode=mode, scope=Scope())
    figures, alpha, totals = numpy_item_analysis(attempts, quiz_questions(quiz))
    assert analysis.attempts == len(attempts) >= 20
    assert len(analysis.questions) == len(figures) == 5  # the Likert statement is not scored
    for row, expected in zip(analysis.questions, figures, strict=True):
        assert row.facility == pytest.approx(expected["facility"])
        assert row.sd == pytest.approx(expected["sd"])
        assert row.discrimination == pytest.approx(expected["discrimination"])
        assert row.efficiency == pytest.approx(expected["efficiency"])
    assert analysis.alpha == pytest.approx(alpha)
    assert analysis.mean_percent == pytest.approx(100 * totals.mean() / analysis.max_score)
    assert analysis.median_percent == pytest.approx(100 * np.median(totals) / analysis.max_score)


def test_item_analysis_never_mixes_revisions(activity):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz
    old_revision = quiz.live_revision
    before = item_analysis(quiz=quiz, revision=old_revision, mode="first", scope=Scope())
    quiz.title = "Revised"
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    generate_activity(learners=15, course=course, weeks=1, seed=8)
    after_old = item_analysis(quiz=quiz, revision=old_revision, mode="first", scope=Scope())
    new = item_analysis(quiz=quiz, revision=quiz.live_revision, mode="first", scope=Scope())
    assert after_old.attempts == before.attempts
    assert 0 < new.attempts <= 15
    assert new.revision_id != old_revision.pk


def test_best_and_last_take_one_attempt_per_learner(activity):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz
    for mode in ("best", "last"):
        analysis = item_analysis(quiz=quiz, revision=quiz.live_revision, mode=mode, scope=Scope())
        assert analysis.attempts == analysis.learners


def test_query_count_does_not_grow_with_learners_or_groups(activity, django_assert_num_queries):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz
    revision = quiz.live_revision

    def queries(scope):
        with CaptureQueriesContext(connection) as captured:
            item_analysis(quiz=quiz, revision=revision, mode="best", scope=scope)
            flagged_quizzes()
        return len(captured)

    small = queries(Scope())
    generate_activity(learners=40, course=course, weeks=8, seed=9)
    assert queries(Scope()) == small
    from django.contrib.auth.models import Group

    assert queries(Scope(group_id=Group.objects.get(name="Sales").pk)) == small
