"""Fixtures for the learner web pages: POST data that answers an attempt right or wrong."""

import pytest

from learn.forms import answer_field, match_field, position_field
from quizzes import scoring


def form_data(attempt, *, correct: bool = True) -> dict:
    """POST data for the no-JS quiz form: every question answered right (or wrong)."""
    data = {"attempt": str(attempt.pk)}
    for question in attempt.questions:
        qid, qtype, choices = question["id"], question["type"], question["choices"]
        if qtype in (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE):
            pick = [c for c in choices if c["correct"] == correct][0]
            data[answer_field(qid)] = pick["id"]
        elif qtype == scoring.MULTIPLE_RESPONSE:
            data[answer_field(qid)] = [c["id"] for c in choices if c["correct"] == correct]
        elif qtype == scoring.LIKERT:
            data[answer_field(qid)] = choices[3]["id"]
        elif qtype == scoring.SEQUENCING:
            n = len(choices)
            for choice in choices:
                position = choice["position"] if correct else n + 1 - choice["position"]
                data[position_field(qid, choice["id"])] = str(position)
        elif qtype == scoring.MATCHING:
            targets = [t["id"] for t in question["targets"]]
            for choice in choices:
                wrong = [t for t in targets if t != choice["target"]][0]
                data[match_field(qid, choice["id"])] = choice["target"] if correct else wrong
    return data


@pytest.fixture
def answers_post():
    return form_data
