"""Example-based tests for quizzes.scoring: credit rules, outcomes, feedback, pass mark."""

import ast
import json
import sys
from fractions import Fraction
from pathlib import Path

from quizzes import scoring
from quizzes.scoring import score_question, score_quiz


def choice(choice_id, *, correct=False, feedback="", position=None, target=None):
    return {
        "id": choice_id,
        "text": choice_id.upper(),
        "correct": correct,
        "feedback": feedback,
        "position": position,
        "target": target,
    }


def question(qid, qtype, choices, *, points=1, targets=()):
    return {
        "id": qid,
        "type": qtype,
        "prompt": f"Prompt {qid}",
        "explanation": f"Because {qid}.",
        "points": points,
        "choices": list(choices),
        "targets": [{"id": t, "text": t.upper()} for t in targets],
    }


def single(qid="q1", points=1):
    return question(qid, "single_choice", [choice("a", correct=True), choice("b")], points=points)


def multiple(qid="q2", points=3, correct=("a", "b", "c"), wrong=("d", "e")):
    choices = [choice(c, correct=True) for c in correct] + [choice(c) for c in wrong]
    return question(qid, "multiple_response", choices, points=points)


def sequencing(qid="q3", ids=("a", "b", "c", "d"), points=6):
    choices = [choice(c, position=i + 1) for i, c in enumerate(ids)]
    return question(qid, "sequencing", choices, points=points)


def matching(qid="q4", points=4):
    choices = [choice(c, target=f"t{c}") for c in ("a", "b", "c", "d")]
    return question(qid, "matching", choices, points=points, targets=("ta", "tb", "tc", "td"))


def likert(qid="q5"):
    choices = [choice(f"likert_{i}") for i in range(1, 6)]
    return question(qid, "likert", choices, points=0)


def test_single_choice_is_all_or_nothing():
    q = single(points=2)
    right = score_question(q, {"choices": ["a"]})
    wrong = score_question(q, {"choices": ["b"]})
    assert (right.outcome, right.score) == ("correct", 2)
    assert (wrong.outcome, wrong.score) == ("wrong", 0)


def test_true_false_credits_only_the_correct_value():
    q = question("tf", "true_false", [choice("true"), choice("false", correct=True)])
    assert score_question(q, {"choices": ["false"]}).score == 1
    assert score_question(q, {"choices": ["true"]}).score == 0


def test_multiple_response_subtracts_wrong_picks():
    result = score_question(multiple(), {"choices": ["a", "b", "d"]})
    assert result.score == Fraction(1)  # (2 right - 1 wrong) / 3 correct * 3 points
    assert result.outcome == "partially_correct"


def test_multiple_response_credit_is_floored_at_zero():
    result = score_question(multiple(), {"choices": ["a", "d", "e"]})
    assert result.score == 0
    assert result.outcome == "wrong"


def test_multiple_response_all_or_nothing_needs_the_exact_set():
    q = multiple()
    assert score_question(q, {"choices": ["a", "b"]}, all_or_nothing=True).score == 0
    assert score_question(q, {"choices": ["a", "b", "c"]}, all_or_nothing=True).score == 3


def test_multiple_response_without_correct_choices_credits_only_an_empty_answer():
    q = multiple(correct=(), wrong=("d", "e"))
    assert score_question(q, {"choices": []}).outcome == "correct"
    assert score_question(q, {"choices": ["d"]}).outcome == "wrong"


def test_sequencing_credits_pairs_in_right_relative_order():
    result = score_question(sequencing(), {"order": ["b", "a", "c", "d"]})
    assert result.score == Fraction(5, 6) * 6  # 5 of 6 pairs in order
    assert result.outcome == "partially_correct"


def test_sequencing_reversed_scores_zero():
    assert score_question(sequencing(), {"order": ["d", "c", "b", "a"]}).score == 0


def test_sequencing_follows_positions_not_listing_order():
    q = question("s", "sequencing", [choice("x", position=2), choice("y", position=1)])
    assert score_question(q, {"order": ["y", "x"]}).outcome == "correct"
    assert score_question(q, {"order": ["x", "y"]}).outcome == "wrong"


def test_sequencing_with_one_item_gets_full_credit():
    result = score_question(sequencing(ids=("a",), points=2), {"order": ["a"]})
    assert (result.outcome, result.score) == ("correct", 2)


def test_matching_credits_share_of_correct_matches():
    answer = {"matches": {"a": "ta", "b": "tb", "c": "td", "d": "tc"}}
    result = score_question(matching(), answer)
    assert result.score == 2
    assert result.outcome == "partially_correct"


def test_all_or_nothing_applies_to_sequencing_and_matching():
    order = {"order": ["b", "a", "c", "d"]}
    matches = {"matches": {"a": "ta", "b": "tb", "c": "td", "d": "tc"}}
    assert score_question(sequencing(), order, all_or_nothing=True).score == 0
    assert score_question(matching(), matches, all_or_nothing=True).score == 0


def test_likert_is_recorded_never_scored():
    q = likert()
    q["points"] = 5  # even a mis-authored likert question must not count
    result = score_question(q, {"choices": ["likert_4"]})
    assert result.outcome == "recorded"
    assert (result.score, result.points, result.correct_response) == (0, 0, None)
    quiz = score_quiz(
        [single(), q], {"q1": {"choices": ["b"]}, "q5": {"choices": ["likert_4"]}}, pass_mark=50
    )
    assert (quiz.raw, quiz.max) == (0, 1)


def test_survey_has_no_score_and_no_pass_or_fail():
    result = score_quiz([likert()], {"q5": {"choices": ["likert_1"]}}, pass_mark=100)
    assert (result.raw, result.max, result.scaled, result.passed) == (None, 0, None, None)
    assert result.is_survey
    assert result.as_dict()["passed"] is None and result.as_dict()["scaled"] is None


def test_quiz_with_a_scored_question_among_likert_ones_is_scored():
    result = score_quiz(
        [likert(), single()], {"q5": {"choices": ["likert_1"]}, "q1": {"choices": ["a"]}},
        pass_mark=100,
    )
    assert not result.is_survey and result.passed is True


def test_pass_mark_is_inclusive():
    questions = [single("q1"), single("q2")]
    answers = {"q1": {"choices": ["a"]}, "q2": {"choices": ["b"]}}
    assert score_quiz(questions, answers, pass_mark=50).passed is True
    assert score_quiz(questions, answers, pass_mark=51).passed is False


def test_pass_mark_compares_exact_fractions():
    questions = [single("q1"), single("q2"), single("q3")]
    answers = {"q1": {"choices": ["a"]}, "q2": {"choices": ["a"]}, "q3": {"choices": ["b"]}}
    result = score_quiz(questions, answers, pass_mark=67)
    assert result.scaled == Fraction(2, 3)
    assert result.passed is False  # 66.66...% is below 67 even though it rounds to 67


def test_partial_credits_add_up_without_float_drift():
    questions = [multiple(f"m{i}", points=1) for i in range(3)]
    answers = {f"m{i}": {"choices": ["a"]} for i in range(3)}
    result = score_quiz(questions, answers, pass_mark=100)
    assert result.raw == 1
    assert result.scaled == Fraction(1, 3)


def test_quiz_all_or_nothing_reaches_every_question():
    questions = [multiple(), sequencing()]
    answers = {"q2": {"choices": ["a", "b"]}, "q3": {"order": ["b", "a", "c", "d"]}}
    assert score_quiz(questions, answers, pass_mark=0, all_or_nothing=True).raw == 0


def test_feedback_lists_chosen_choices_and_skips_empty_texts():
    q = question(
        "m",
        "multiple_response",
        [
            choice("a", correct=True, feedback="Yes, a."),
            choice("b", correct=True),
            choice("c", feedback="Not c."),
            choice("d", feedback="Not d."),
        ],
    )
    assert score_question(q, {"choices": ["a", "b", "c"]}).feedback == ["Yes, a.", "Not c."]


def test_sequencing_feedback_follows_the_learner_order():
    q = sequencing()
    for item, text in zip(q["choices"], ["A", "B", "", "D"], strict=True):
        item["feedback"] = text
    assert score_question(q, {"order": ["d", "c", "b", "a"]}).feedback == ["D", "B", "A"]


def test_likert_feedback_appears_only_when_written():
    q = likert()
    q["choices"][0]["feedback"] = "Thanks for the honesty."
    assert score_question(q, {"choices": ["likert_1"]}).feedback == ["Thanks for the honesty."]
    assert score_question(q, {"choices": ["likert_2"]}).feedback == []


def test_correct_response_has_the_answer_shape_of_each_type():
    shuffled = question("s", "sequencing", [choice("x", position=2), choice("y", position=1)])
    assert score_question(multiple(), {"choices": []}).correct_response == {
        "choices": ["a", "b", "c"]
    }
    assert score_question(shuffled, {"order": ["x", "y"]}).correct_response == {"order": ["y", "x"]}
    answer = {"matches": {"a": "ta", "b": "ta", "c": "ta", "d": "ta"}}
    assert score_question(matching(), answer).correct_response == {
        "matches": {"a": "ta", "b": "tb", "c": "tc", "d": "td"}
    }


def test_question_result_keeps_response_and_explanation():
    result = score_question(single(), {"choices": ["b"]})
    assert result.response == {"choices": ["b"]}
    assert result.explanation == "Because q1."
    assert result.question_id == "q1"


def test_quiz_result_as_dict_is_json_safe_and_rounded():
    questions = [sequencing("s", ids=("a", "b", "c"), points=1), likert()]
    answers = {"s": {"order": ["b", "a", "c"]}, "q5": {"choices": ["likert_3"]}}
    data = score_quiz(questions, answers, pass_mark=60).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["raw"] == 0.6667
    assert data["max"] == 1
    assert data["scaled"] == 0.6667
    assert data["passed"] is True
    assert data["questions"][0] == {
        "question_id": "s",
        "outcome": "partially_correct",
        "score": 0.6667,
        "points": 1,
        "feedback": [],
        "explanation": "Because s.",
        "response": {"order": ["b", "a", "c"]},
        "correct_response": {"order": ["a", "b", "c"]},
    }
    assert data["questions"][1]["outcome"] == "recorded"
    assert data["questions"][1]["correct_response"] is None


def test_scoring_module_imports_only_the_standard_library():
    tree = ast.parse(Path(scoring.__file__).read_text())
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {name.split(".")[0] for name in imported} <= sys.stdlib_module_names
