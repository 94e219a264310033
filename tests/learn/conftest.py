"""Fixtures for the learner web pages: POST data that answers one question right or wrong."""

import pytest

from learn.forms import CHOICE, match_field, position_field
from quizzes import scoring


def question_post(question: dict, *, correct: bool = True) -> dict:
    """POST data for one question's no-JS form (a full snapshot): answered right (or wrong)."""
    qtype, choices = question["type"], question["choices"]
    if qtype in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE):
        return {CHOICE: next(c["id"] for c in choices if c["correct"] == correct)}
    if qtype == scoring.MULTIPLE_RESPONSE:
        return {CHOICE: [c["id"] for c in choices if c["correct"] == correct]}
    if qtype == scoring.LIKERT:
        return {CHOICE: choices[3]["id"]}
    if qtype == scoring.SEQUENCING:
        n = len(choices)
        return {position_field(c["id"]): str(c["position"] if correct else n + 1 - c["position"])
                for c in choices}
    targets = [t["id"] for t in question["targets"]]
    return {match_field(c["id"]): c["target"] if correct else
            next(t for t in targets if t != c["target"]) for c in choices}


@pytest.fixture
def answer_post():
    return question_post
