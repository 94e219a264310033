"""Stored Idempotency-Key responses are deleted once old enough; a late retry stays safe."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from api.models import IdempotencyKey
from tests.api.test_api_submit import start, submit

pytestmark = pytest.mark.django_db


def age(key: str, hours: float) -> None:
    IdempotencyKey.objects.filter(key=key).update(
        created_at=timezone.now() - timedelta(hours=hours)
    )


def test_clear_idempotency_keys_deletes_only_keys_past_the_setting(
    settings, api, course, answer_sheet
):
    settings.TOUCHPOINT_IDEMPOTENCY_KEY_HOURS = 48
    _, [first, second] = course
    for lesson, key in ((first, "old"), (second, "new")):
        attempt = start(api, lesson)
        response = submit(api, attempt, answer_sheet(attempt), **{"Idempotency-Key": key})
        assert response.status_code == 200
    age("old", 49)
    out = StringIO()
    call_command("clear_idempotency_keys", stdout=out)
    assert "deleted 1 key(s)" in out.getvalue()
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]


def test_a_retry_after_its_key_is_cleared_gets_the_stored_result_as_409(
    api, course, answer_sheet, assert_error
):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    answers = answer_sheet(attempt)
    first = submit(api, attempt, answers, **{"Idempotency-Key": "late"})
    age("late", 72)
    call_command("clear_idempotency_keys", "--hours", "24", stdout=StringIO())
    retry = submit(api, attempt, answers, **{"Idempotency-Key": "late"})
    body = assert_error(retry, 409, "attempt_already_submitted")
    assert body["attempt"]["result"] == first.json()["result"]


def test_clear_idempotency_keys_refuses_zero_hours():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("clear_idempotency_keys", "--hours", "0")
