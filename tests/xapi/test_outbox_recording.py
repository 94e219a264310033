"""xapi.outbox via the domain services: what is recorded, when, and how it is serialized."""

import json
import uuid

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from ralph.models.xapi.base.statements import BaseXapiStatement

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from quizzes.scoring import AnswerError
from tests.factories import UserFactory, build_course, likert, single_choice
from tests.xapi.conftest import correct_answers, wrong_answers
from xapi import statements as st
from xapi.models import OutboxStatement
from xapi.tasks import deliver_outbox

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("xapi_settings")]

BASE = "https://touchpoint.example.com/xapi"



def take_lesson(user, lesson, answers=correct_answers):
    lesson_experience(user=user, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    return lesson_quiz_submit(
        user=user, lesson=lesson, attempt_id=attempt.pk, answers=answers(attempt)
    )


def statements(**filters):
    rows = OutboxStatement.objects.filter(**filters).order_by("id")
    return [json.loads(row.payload) for row in rows]


def by_verb(verb):
    return statements(verb=verb)


def test_a_lesson_and_its_quiz_record_every_statement_in_order(learner):
    course, [lesson] = build_course(lessons=1)
    attempt = take_lesson(learner, lesson)
    verbs = list(OutboxStatement.objects.order_by("id").values_list("verb", flat=True))
    n = len(attempt.questions)
    assert n == 6
    assert verbs == ["experienced", "attempted", *["answered"] * n, "passed", "completed",
                     "completed"]
    assert set(OutboxStatement.objects.values_list("status", flat=True)) == {"pending"}
    completed_lesson, completed_course = by_verb("completed")
    assert completed_lesson["object"]["id"] == f"{BASE}/lesson/{lesson.translation_key}"
    assert completed_course["object"]["id"] == f"{BASE}/course/{course.translation_key}"


def test_every_recorded_statement_is_valid_and_stored_canonically(learner):
    _, [lesson] = build_course(lessons=1)
    take_lesson(learner, lesson)
    for row in OutboxStatement.objects.all():
        statement = json.loads(row.payload)
        assert row.payload == st.serialize(statement)  # the exact text delivery re-sends
        assert str(row.statement_id) == statement["id"]
        assert uuid.UUID(statement["id"]).version == 4
        assert "version" not in statement
        assert statement["timestamp"].endswith("Z")
        BaseXapiStatement.model_validate(statement)


def test_actor_is_an_account_named_by_the_user_pk(learner):
    _, [lesson] = build_course(lessons=1, with_quiz=False)
    lesson_experience(user=learner, lesson=lesson)
    [statement] = by_verb("experienced")
    assert statement["actor"] == {
        "account": {"homePage": "https://touchpoint.example.com", "name": str(learner.pk)},
        "objectType": "Agent",
    }
    assert learner.username not in json.dumps(statement)
    assert learner.email not in json.dumps(statement)


def test_mbox_sha1sum_mode_hides_the_email(settings, learner):
    settings.XAPI_ACTOR_MODE = "mbox_sha1sum"
    _, [lesson] = build_course(lessons=1, with_quiz=False)
    lesson_experience(user=learner, lesson=lesson)
    [statement] = by_verb("experienced")
    assert set(statement["actor"]) <= {"mbox_sha1sum", "objectType"}
    assert learner.email not in json.dumps(statement)


def test_timestamps_are_the_event_times(learner):
    _, [lesson] = build_course(lessons=1)
    progress = lesson_experience(user=learner, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    attempt = lesson_quiz_submit(
        user=learner, lesson=lesson, attempt_id=attempt.pk, answers=correct_answers(attempt)
    )
    [experienced] = by_verb("experienced")
    [attempted] = by_verb("attempted")
    [passed] = by_verb("passed")
    assert experienced["timestamp"] == st.format_timestamp(progress.experienced_at)
    assert attempted["timestamp"] == st.format_timestamp(attempt.started_at)
    assert passed["timestamp"] == st.format_timestamp(attempt.submitted_at)
    assert {s["timestamp"] for s in by_verb("answered")} == {passed["timestamp"]}


def test_quiz_statements_carry_the_registration_and_their_context(learner):
    course, [lesson] = build_course(lessons=1)
    attempt = take_lesson(learner, lesson)
    lesson_iri = f"{BASE}/lesson/{lesson.translation_key}"
    course_iri = f"{BASE}/course/{course.translation_key}"
    quiz_iri = f"{BASE}/quiz/{attempt.quiz_id}"
    [attempted] = by_verb("attempted")
    [passed] = by_verb("passed")
    for statement in (attempted, passed):
        assert statement["object"]["id"] == quiz_iri
        assert statement["context"]["registration"] == str(attempt.registration)
        activities = statement["context"]["contextActivities"]
        assert [a["id"] for a in activities["parent"]] == [lesson_iri]
        assert [a["id"] for a in activities["grouping"]] == [course_iri]
        assert statement["context"]["platform"] == "Touchpoint"
        assert statement["context"]["language"] == "en"
    for answered in by_verb("answered"):
        assert answered["context"]["registration"] == str(attempt.registration)
        activities = answered["context"]["contextActivities"]
        assert [a["id"] for a in activities["parent"]] == [quiz_iri]
        assert [a["id"] for a in activities["grouping"]] == [lesson_iri, course_iri]
    [experienced] = by_verb("experienced")
    assert "registration" not in experienced["context"]
    assert [a["id"] for a in experienced["context"]["contextActivities"]["parent"]] == [course_iri]


def test_passed_has_score_success_completion_and_centisecond_duration(learner):
    _, [lesson] = build_course(lessons=1)
    attempt = take_lesson(learner, lesson)
    [passed] = by_verb("passed")
    result = passed["result"]
    assert result["success"] is True and result["completion"] is True
    assert result["score"] == {"raw": attempt.max_score, "min": 0, "max": attempt.max_score,
                               "scaled": 1}
    assert result["duration"] == st.format_duration(attempt.submitted_at - attempt.started_at)
    seconds = result["duration"].rsplit("M", 1)[-1].removeprefix("PT").removesuffix("S")
    assert len(seconds.partition(".")[2]) <= 2


def test_answered_statements_are_interactions_with_responses_and_scores(learner):
    _, [lesson] = build_course(lessons=1)
    attempt = take_lesson(learner, lesson, answers=wrong_answers)
    answered = {s["object"]["id"].rsplit("/", 1)[-1]: s for s in by_verb("answered")}
    assert list(answered) == [q["id"] for q in attempt.questions]
    results = {r["question_id"]: r for r in attempt.result["questions"]}
    for question in attempt.questions:
        statement = answered[question["id"]]
        definition = statement["object"]["definition"]
        assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert statement["result"]["response"]
        if question["type"] == "likert":
            assert definition["interactionType"] == "likert" and "scale" in definition
            assert "score" not in statement["result"] and "success" not in statement["result"]
            continue
        assert "correctResponsesPattern" in definition or question["type"] == "multiple_response"
        score = statement["result"]["score"]
        assert (score["min"], score["max"]) == (0, question["points"])
        assert score["raw"] == results[question["id"]]["score"]
        assert statement["result"]["success"] is (results[question["id"]]["outcome"] == "correct")
    [failed] = by_verb("failed")
    assert failed["result"]["success"] is False
    assert not by_verb("passed") and not by_verb("completed")


def test_a_survey_is_completed_without_success_or_score_and_completes_its_lesson(learner):
    course, [lesson] = build_course(lessons=1, questions=[likert(), likert()], pass_mark=80)
    take_lesson(learner, lesson)
    verbs = list(OutboxStatement.objects.order_by("id").values_list("verb", flat=True))
    assert verbs == ["experienced", "attempted", "answered", "answered", "completed",
                     "completed", "completed"]
    survey, completed_lesson, completed_course = by_verb("completed")
    assert survey["object"]["id"].startswith(f"{BASE}/quiz/")
    assert "success" not in survey["result"] and "score" not in survey["result"]
    assert survey["result"]["completion"] is True
    assert completed_lesson["object"]["id"] == f"{BASE}/lesson/{lesson.translation_key}"
    assert completed_course["object"]["id"] == f"{BASE}/course/{course.translation_key}"
    for statement in by_verb("completed") + by_verb("answered"):
        BaseXapiStatement.model_validate(statement)
    assert not by_verb("passed") and not by_verb("failed")


def test_activity_iris_survive_renaming_and_moving_the_lesson(learner, other_learner):
    course, [lesson] = build_course(lessons=1, with_quiz=False)
    lesson_experience(user=learner, lesson=lesson)
    other_course, _ = build_course(lessons=1, with_quiz=False, index=course.get_parent())
    lesson.title, lesson.slug = "A new title", "a-new-slug"
    lesson.save_revision().publish()
    lesson.move(other_course, pos="last-child")
    lesson.refresh_from_db()
    lesson_experience(user=other_learner, lesson=lesson)
    first, second = by_verb("experienced")
    assert first["object"]["id"] == second["object"]["id"]
    assert second["object"]["definition"]["name"] == {"en": "A new title"}


def test_nothing_is_recorded_when_the_service_rolls_back(learner):
    _, [lesson] = build_course(lessons=1, questions=[single_choice()])
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    before = OutboxStatement.objects.count()
    with pytest.raises(AnswerError):
        lesson_quiz_submit(user=learner, lesson=lesson, attempt_id=attempt.pk, answers=[])
    with pytest.raises(RuntimeError), transaction.atomic():
        lesson_experience(user=learner, lesson=lesson)
        raise RuntimeError("the request failed after the event")
    assert OutboxStatement.objects.count() == before == 1  # only `attempted`


def test_no_delivery_task_is_enqueued_when_the_xapi_worker_polls(
    learner, django_capture_on_commit_callbacks
):
    _, [lesson] = build_course(lessons=1, questions=[single_choice()])
    with django_capture_on_commit_callbacks(execute=True):
        take_lesson(learner, lesson)
    assert OutboxStatement.objects.exists()
    assert not DBTaskResult.objects.filter(task_path=deliver_outbox.module_path).exists()


def test_nothing_is_recorded_when_xapi_is_disabled(settings, learner):
    settings.XAPI_ENABLED = False
    _, [lesson] = build_course(lessons=1)
    take_lesson(learner, lesson)
    assert not OutboxStatement.objects.exists()


def test_a_burst_of_submissions_enqueues_one_delivery_task(
    settings, learner, django_capture_on_commit_callbacks
):
    settings.XAPI_DELIVERY_TASKS = True
    _, lessons = build_course(lessons=2, questions=[single_choice()])
    users = [learner, UserFactory(), UserFactory()]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for user in users:
            for lesson in lessons:
                take_lesson(user, lesson)
    assert callbacks  # delivery is scheduled only after the commit
    waiting = DBTaskResult.objects.filter(task_path=deliver_outbox.module_path, status="READY")
    assert waiting.count() == 1
    assert OutboxStatement.objects.count() == 3 * (2 * 5 + 1)
