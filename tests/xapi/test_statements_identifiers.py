"""Actors, activity IRIs, and the timestamp/duration formats."""

from datetime import UTC, datetime, timedelta

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from xapi import statements as st
from xapi import vocabulary as vocab

HOME = "https://touchpoint.example.com"
BASE = "https://touchpoint.example.com/xapi/"
WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
LESSON = st.Activity(f"{BASE}lesson/l1", "Lesson", vocab.ACTIVITY_TYPE_LESSON)


def _actor_json(mode):
    actor = st.actor_for(
        user_id="42", email=" Ann@Example.COM ", name="Ann", mode=mode, homepage=HOME
    )
    statement = st.experienced(actor, LESSON, st.StatementContext(), WHEN)
    BaseXapiStatement.model_validate(statement)
    return {k: v for k, v in statement["actor"].items() if k != "objectType"}


def test_account_mode_sends_only_the_opaque_user_id():
    assert _actor_json("account") == {"account": {"homePage": HOME, "name": "42"}}


def test_mbox_mode_sends_lowercased_mailto_and_name():
    assert _actor_json("mbox") == {"mbox": "mailto:ann@example.com", "name": "Ann"}


def test_mbox_sha1sum_mode_hashes_the_full_mailto_iri():
    # echo -n "mailto:ann@example.com" | sha1sum
    assert _actor_json("mbox_sha1sum") == {
        "mbox_sha1sum": "0a7d8ea2f2ac01afbbf12061eb5324d2c8bb73df"
    }


def test_actor_for_refuses_unknown_mode_and_bad_email():
    with pytest.raises(ValueError, match="unknown actor mode"):
        st.actor_for(user_id="1", email="a@example.com", name="", mode="openid", homepage=HOME)
    with pytest.raises(ValueError, match="not an email"):
        st.actor_for(user_id="1", email="", name="", mode="mbox", homepage=HOME)


def test_actor_needs_exactly_one_identifier():
    with pytest.raises(ValueError, match="exactly one"):
        st.Actor(mbox="mailto:a@example.com", account_homepage=HOME, account_name="1")
    with pytest.raises(ValueError, match="both"):
        st.Actor(account_name="1")


@pytest.mark.parametrize(
    ("kind", "key", "iri"),
    [
        (
            "course",
            "5b0e8f2c-3c1d-4a8e-9f10-2b3c4d5e6f70",
            "course/5b0e8f2c-3c1d-4a8e-9f10-2b3c4d5e6f70",
        ),
        ("lesson", "9a8b", "lesson/9a8b"),
        ("quiz", 12, "quiz/12"),
        ("question", "q_1.v2", "question/q_1.v2"),
    ],
)
def test_activity_iri_is_base_kind_key(kind, key, iri):
    assert st.activity_iri(BASE, kind, key) == f"https://touchpoint.example.com/xapi/{iri}"
    assert st.activity_iri(BASE.rstrip("/"), kind, key) == st.activity_iri(BASE, kind, key)


@pytest.mark.parametrize(
    ("base", "kind", "key"),
    [
        (BASE, "page", "1"),
        (BASE, "lesson", "my lesson"),
        (BASE, "lesson", "a/b"),
        (BASE, "lesson", ""),
        ("touchpoint.example.com/xapi", "lesson", "1"),
    ],
)
def test_activity_iri_refuses_unknown_kind_unsafe_key_relative_base(base, kind, key):
    with pytest.raises(ValueError):
        st.activity_iri(base, kind, key)


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (timedelta(0), "PT0S"),
        (timedelta(milliseconds=4), "PT0S"),
        (timedelta(milliseconds=5), "PT0.01S"),
        (timedelta(seconds=63.25), "PT1M3.25S"),
        (timedelta(seconds=63.256), "PT1M3.26S"),
        (timedelta(seconds=12.345678), "PT12.35S"),
        (timedelta(seconds=59.999), "PT1M"),
        (timedelta(hours=1), "PT1H"),
        (timedelta(hours=1, seconds=1.1), "PT1H1.1S"),
        (timedelta(days=1, hours=1), "PT25H"),
    ],
)
def test_format_duration_rounds_to_hundredths(duration, text):
    assert st.format_duration(duration) == text


def test_format_duration_refuses_negative():
    with pytest.raises(ValueError):
        st.format_duration(timedelta(seconds=-1))


def test_format_timestamp_truncates_to_milliseconds_in_utc():
    assert st.format_timestamp(datetime(2026, 1, 2, 3, 4, 5, 678999, tzinfo=UTC)) == (
        "2026-01-02T03:04:05.678Z"
    )
    assert st.format_timestamp(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == (
        "2026-01-02T03:04:05.000Z"
    )
