"""The cmi5 rules as pure functions, and reading launch parameters and LMS documents."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as s

from lms import rules
from lms.launch import (
    LaunchError,
    normalize_origin,
    parse_cmi5_launch,
    parse_launch_data,
    parse_learner_preferences,
    parse_tincan_launch,
)

SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
ALLOWED = ["https://lms.example.com"]

scaled_scores = s.fractions(min_value=0, max_value=1, max_denominator=60).map(float)
mastery_scores = s.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n) / 10_000)


@given(scaled=scaled_scores, mastery=mastery_scores)
def test_the_verb_and_the_reported_score_agree_with_the_mastery_score(scaled, mastery):
    pass_mark = rules.pass_mark_for(mastery)
    locally_passed = scaled * 100 >= pass_mark
    verb = rules.judged_verb(passed=locally_passed, scaled=scaled, pass_mark=pass_mark,
                             mastery=mastery)
    reported = Decimal(repr(rules.lms_score(scaled)["scaled"]))
    if verb == rules.PASSED:
        assert reported >= mastery
    else:
        assert reported < mastery
    if mastery * 100 == pass_mark:  # a whole-percent masteryScore: the learner's page agrees
        assert (verb == rules.PASSED) == locally_passed


@given(scaled=scaled_scores)
def test_the_reported_raw_score_is_the_whole_percentage_within_min_and_max(scaled):
    score = rules.lms_score(scaled)
    assert isinstance(score["raw"], int) and 0 <= score["raw"] <= 100
    assert score["raw"] == int(Decimal(repr(scaled)) * 100)
    assert (score["min"], score["max"]) == (0, 100)


def test_a_survey_is_never_judged():
    assert rules.judged_verb(passed=None, scaled=None, pass_mark=80, mastery=None) is None


@pytest.mark.parametrize(("verb", "session", "registration", "allowed"), [
    ("completed", set(), set(), True),
    ("completed", set(), {"completed"}, False),
    ("passed", set(), {"failed"}, True),  # passed may follow failed of an earlier session
    ("passed", {"failed"}, {"failed"}, False),  # but at most one of the two per session
    ("passed", set(), {"passed"}, False),
    ("failed", set(), {"passed"}, False),
    ("failed", {"failed"}, {"failed"}, False),
    ("failed", set(), {"failed"}, True),
])
def test_may_send_follows_the_cmi5_ordering_rules(verb, session, registration, allowed):
    assert rules.may_send(verb, session=session, registration=registration) is allowed


@pytest.mark.parametrize(("kind", "state", "registration", "owed"), [
    ("scored", (True, True, 0.9), set(), ["completed", "passed"]),
    ("scored", (True, False, None), set(), ["completed"]),
    ("scored", (True, True, 0.9), {"completed", "passed"}, []),
    ("scored", (True, True, 0.85), set(), ["completed"]),  # the old pass misses 0.9 mastery
    ("survey", (True, False, None), set(), []),  # the survey is not done yet
    ("survey", (True, True, None), set(), ["completed"]),
    ("content", (False, False, None), set(), []),
])
def test_catch_up_credits_what_was_met_before(kind, state, registration, owed):
    experienced, completed, passing = state
    assert rules.catch_up(kind, experienced=experienced, completed=completed,
                          passing_scaled=passing, mastery=Decimal("0.9"),
                          registration=registration) == owed


def query(**values) -> dict[str, list[str]]:
    base = {"endpoint": "https://lms.example.com/xapi", "fetch": "https://lms.example.com/f/1",
            "actor": json.dumps({"account": {"homePage": "https://lms.example.com",
                                             "name": "42"}}),
            "registration": "760E3480-BA55-4991-94B0-01820DBD23A2",
            "activityId": "https://lms.example.com/activities/1"}
    base.update(values)
    return {key: [value] for key, value in base.items() if value is not None}


def test_a_cmi5_launch_is_read_into_canonical_values():
    launch = parse_cmi5_launch(query(), allowed_origins=["HTTPS://LMS.example.com:443/"])
    assert launch.endpoint == "https://lms.example.com/xapi/"
    assert launch.registration == "760e3480-ba55-4991-94b0-01820dbd23a2"
    assert launch.actor == {"objectType": "Agent",
                            "account": {"homePage": "https://lms.example.com", "name": "42"}}


@pytest.mark.parametrize("activity_id", ["no scheme", "https://x.example/a b", ":nothing"])
def test_an_activity_id_that_is_not_an_iri_is_refused(activity_id):
    with pytest.raises(LaunchError) as refused:
        parse_cmi5_launch(query(activityId=activity_id), allowed_origins=ALLOWED)
    assert refused.value.status == 400


def test_a_tincan_actor_in_the_old_array_form_is_accepted():
    launch = parse_tincan_launch(
        {"endpoint": ["https://lms.example.com/lrs/"], "auth": ["Basic abc"],
         "actor": [json.dumps({"name": ["Pat"], "mbox": ["mailto:pat@example.com"]})]},
        allowed_origins=ALLOWED,
    )
    assert launch.actor == {"objectType": "Agent", "mbox": "mailto:pat@example.com",
                            "name": "Pat"}
    assert launch.registration is None and launch.activity_id is None


def launch_data(**changes) -> dict:
    document = {"contextTemplate": {"extensions": {SESSION: "s-1"}}, "launchMode": "Normal",
                "moveOn": "CompletedAndPassed", "masteryScore": Decimal("0.8"),
                "returnURL": "https://lms.example.com/back"}
    document.update(changes)
    return {key: value for key, value in document.items() if value is not None}


def test_launch_data_is_read_with_its_exact_mastery_score():
    data = parse_launch_data(launch_data())
    assert (data.session_id, data.launch_mode, data.mastery_score, data.return_url) == (
        "s-1", "Normal", Decimal("0.8"), "https://lms.example.com/back")


@pytest.mark.parametrize("changes", [
    {"contextTemplate": None},
    {"contextTemplate": {"extensions": {}}},
    {"launchMode": "Practice"},
    {"launchMode": None},
    {"masteryScore": Decimal("1.5")},
    {"masteryScore": "high"},
    {"returnURL": "javascript:alert(1)"},
    {"moveOn": "Sometimes"},
])
def test_launch_data_an_au_cannot_follow_is_refused(changes):
    with pytest.raises(LaunchError) as refused:
        parse_launch_data(launch_data(**changes))
    assert refused.value.code == "invalid_launch_data"


def test_learner_preferences_keep_languages_in_order_and_ignore_junk():
    assert parse_learner_preferences(
        {"languagePreference": "fr-CA, en-US,", "audioPreference": "loud"}
    ).languages == ("fr-CA", "en-US")
    assert parse_learner_preferences(["not", "an", "object"]).languages == ()


@pytest.mark.parametrize(("url", "origin"), [
    ("https://LMS.example.com/x", "https://lms.example.com"),
    ("http://lms.example.com:80/", "http://lms.example.com"),
    ("https://lms.example.com:8443", "https://lms.example.com:8443"),
    ("ftp://lms.example.com", None),
    ("https://", None),
    ("https://lms.example.com:99999/", None),
])
def test_origins_are_compared_in_one_normal_form(url, origin):
    assert normalize_origin(url) == origin
