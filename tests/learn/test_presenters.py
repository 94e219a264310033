"""What the learner pages show, from plain snapshots: marks, feedback, when to offer a retry."""

import pytest

from learn.presenters import can_raise_score, has_feedback_step, question_screen
from quizzes.scoring import score_question
from quizzes.selectors import learner_questions


def _choice(id_, text, *, correct=False, feedback=""):
    return {"id": id_, "text": text, "correct": correct, "feedback": feedback,
            "position": None, "target": None}

QUESTION = {"id": "q", "type": "single_choice", "prompt": "Which?", "points": 1,
            "explanation": "Because B.", "targets": [],
            "choices": [_choice("a", "A", feedback="Not A."), _choice("b", "B", correct=True),
                        _choice("c", "C")]}


def screen(result=None):
    return question_screen(question=learner_questions([QUESTION])[0], number=1, total=2,
                           url="/q/1/", next_url="/q/2/", finishes=False, result=result)


def test_an_unanswered_screen_has_no_marks_and_no_feedback():
    unanswered = screen()

    assert unanswered.feedback is None
    assert [(o.text, o.checked, o.mark) for o in unanswered.options] == [
        ("A", False, ""), ("B", False, ""), ("C", False, "")]


def test_a_wrong_answer_is_marked_with_the_right_one_and_its_feedback():
    result = score_question(QUESTION, {"choices": ["a"]}).as_dict()

    answered = screen(result)

    assert [(o.text, o.checked, o.mark) for o in answered.options] == [
        ("A", True, "wrong"), ("B", False, "missed"), ("C", False, "")]
    assert answered.feedback.verdict == "Not quite"
    assert answered.feedback.notes == ["Not A."]
    assert answered.feedback.right_answer == []  # marked in place: "missed"
    assert answered.feedback.explanation == "Because B."


@pytest.mark.parametrize("survey, best, remaining, expected", [
    (False, 0.5, None, True),
    (False, 0.999, 2, True),
    (False, 1.0, None, False),  # never after 100%
    (True, None, None, False),  # never after a survey
    (False, 0.5, 0, False),  # only while attempts remain
])
def test_try_again_only_when_it_can_raise_the_score(survey, best, remaining, expected):
    assert can_raise_score(survey=survey, best_scaled=best,
                           attempts_remaining=remaining) is expected


def test_an_unscored_answer_with_nothing_to_say_has_no_feedback_step():
    recorded = {"outcome": "recorded", "feedback": [], "explanation": ""}

    assert not has_feedback_step(recorded)
    assert has_feedback_step({**recorded, "explanation": "Most people agree."})
    assert has_feedback_step({**recorded, "outcome": "wrong"})


def test_a_missed_order_is_spelled_out():
    question = {"id": "s", "type": "sequencing", "prompt": "Order?", "points": 1,
                "explanation": "", "targets": [],
                "choices": [{**_choice("x", "X"), "position": 2},
                            {**_choice("y", "Y"), "position": 1}]}
    result = score_question(question, {"order": ["x", "y"]}).as_dict()

    answered = question_screen(question=learner_questions([question])[0], number=1, total=1,
                               url="/q/1/", next_url="/r/", finishes=True, result=result)

    assert [(item.text, item.mark) for item in answered.items] == [("X", "wrong"),
                                                                    ("Y", "wrong")]
    assert answered.feedback.right_answer == ["Y", "X"]
    assert answered.continue_label == "See your result"


def test_positions_posted_for_an_order_are_shown_again_as_given():
    from django.http import QueryDict

    from learn.forms import QuestionForm

    question = {"id": "s", "type": "sequencing", "prompt": "Order?", "points": 1,
                "targets": [], "choices": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}]}
    form = QuestionForm(question, QueryDict("position-x=1&position-y=1"))
    assert not form.is_valid()

    shown = question_screen(question=question, number=1, total=1, url="/q/1/",
                            next_url="/r/", finishes=True, form=form)

    assert [(item.id, item.position) for item in shown.items] == [("x", 1), ("y", 1)]
    assert shown.errors == ["Give each item a different position, from 1 to 2."]
