"""Property-based tests for quizzes.scoring over random valid quizzes and answers."""

from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizzes.scoring import normalize_answers, score_question, score_quiz

PROPERTY = settings(max_examples=200, deadline=None)

points = st.integers(min_value=1, max_value=10)


def _choice(choice_id, *, correct=False, position=None, target=None):
    return {
        "id": choice_id,
        "text": choice_id,
        "correct": correct,
        "feedback": f"About {choice_id}.",
        "position": position,
        "target": target,
    }


def _question(qtype, choices, points, targets=()):
    return {
        "id": "",
        "type": qtype,
        "prompt": qtype,
        "explanation": "",
        "points": points,
        "choices": choices,
        "targets": [{"id": t, "text": t} for t in targets],
    }


@st.composite
def single_choice(draw):
    n = draw(st.integers(2, 5))
    right = draw(st.integers(0, n - 1))
    choices = [_choice(f"c{i}", correct=i == right) for i in range(n)]
    return _question("single_choice", choices, draw(points))


@st.composite
def true_false(draw):
    value = draw(st.booleans())
    choices = [
        _choice("true", correct=value),
        _choice("false", correct=not value),
    ]
    return _question("true_false", choices, draw(points))


@st.composite
def multiple_response(draw, *, min_correct=0):
    flags = draw(st.lists(st.booleans(), min_size=1, max_size=6))
    if min_correct:
        flags[draw(st.integers(0, len(flags) - 1))] = True
    choices = [_choice(f"c{i}", correct=f) for i, f in enumerate(flags)]
    return _question("multiple_response", choices, draw(points))


@st.composite
def sequencing(draw):
    positions = draw(st.integers(1, 6).flatmap(lambda n: st.permutations(range(1, n + 1))))
    choices = [_choice(f"c{i}", position=p) for i, p in enumerate(positions)]
    return _question("sequencing", choices, draw(points))


@st.composite
def matching(draw):
    targets = [f"t{i}" for i in range(draw(st.integers(1, 6)))]
    n = draw(st.integers(1, 5))
    choices = [_choice(f"c{i}", target=draw(st.sampled_from(targets))) for i in range(n)]
    return _question("matching", choices, draw(points), targets)


@st.composite
def likert(draw):
    choices = [_choice(f"likert_{i}") for i in range(1, draw(st.integers(3, 8)))]
    return _question("likert", choices, 0)


any_question = st.one_of(
    single_choice(), true_false(), multiple_response(), sequencing(), matching(), likert()
)


def quizzes(questions=any_question, *, prefix="q", min_size=1, max_size=4):
    """Lists of questions with distinct ids; choice ids repeat across questions on purpose."""
    return st.lists(questions, min_size=min_size, max_size=max_size).map(
        lambda found: [{**q, "id": f"{prefix}{i}"} for i, q in enumerate(found)]
    )


@st.composite
def subsets(draw, ids):
    """Distinct ids in any order."""
    return draw(st.permutations([choice_id for choice_id in ids if draw(st.booleans())]))


@st.composite
def answer_for(draw, question):
    """Any valid client answer to one question."""
    qid, qtype = question["id"], question["type"]
    ids = [c["id"] for c in question["choices"]]
    if qtype == "multiple_response":
        return {"question": qid, "choices": draw(subsets(ids))}
    if qtype == "sequencing":
        return {"question": qid, "order": draw(st.permutations(ids))}
    if qtype == "matching":
        targets = st.sampled_from([t["id"] for t in question["targets"]])
        return {"question": qid, "matches": {choice_id: draw(targets) for choice_id in ids}}
    return {"question": qid, "choices": [draw(st.sampled_from(ids))]}


@st.composite
def quiz_with_answers(draw, questions=any_question, *, prefix="q", min_size=1):
    found = draw(quizzes(questions, prefix=prefix, min_size=min_size))
    answers = [draw(answer_for(q)) for q in found]
    return found, draw(st.permutations(answers))


def correct_answer(question):
    """The model answer, built from the snapshot independently of the module under test."""
    choices = question["choices"]
    if question["type"] == "sequencing":
        ordered = sorted(choices, key=lambda c: c["position"])
        return {"question": question["id"], "order": [c["id"] for c in ordered]}
    if question["type"] == "matching":
        return {"question": question["id"], "matches": {c["id"]: c["target"] for c in choices}}
    if question["type"] == "likert":
        return {"question": question["id"], "choices": [choices[0]["id"]]}
    return {"question": question["id"], "choices": [c["id"] for c in choices if c["correct"]]}


@PROPERTY
@given(quiz_with_answers(), st.integers(0, 100), st.booleans())
def test_scaled_score_stays_between_zero_and_one(quiz, pass_mark, all_or_nothing):
    questions, raw_answers = quiz
    answers = normalize_answers(questions, raw_answers)
    result = score_quiz(questions, answers, pass_mark=pass_mark, all_or_nothing=all_or_nothing)
    if result.max == 0:  # only Likert statements: a survey, never scored
        assert (result.raw, result.scaled, result.passed) == (None, None, None)
        return
    assert 0 <= result.scaled <= 1
    assert 0 <= result.raw <= result.max
    assert result.passed == (result.scaled * 100 >= pass_mark)


@PROPERTY
@given(quiz_with_answers(), st.booleans())
def test_score_never_exceeds_points(quiz, all_or_nothing):
    questions, raw_answers = quiz
    answers = normalize_answers(questions, raw_answers)
    for question in questions:
        result = score_question(question, answers[question["id"]], all_or_nothing=all_or_nothing)
        assert isinstance(result.score, Fraction)
        assert 0 <= result.score <= result.points


@PROPERTY
@given(quizzes(), st.integers(0, 100), st.booleans())
def test_all_correct_answers_score_full_marks_and_pass(questions, pass_mark, all_or_nothing):
    raw_answers = [correct_answer(q) for q in questions]
    answers = normalize_answers(questions, raw_answers)
    result = score_quiz(questions, answers, pass_mark=pass_mark, all_or_nothing=all_or_nothing)
    assume(not result.is_survey)
    assert result.scaled == 1
    assert result.passed
    assert {r.outcome for r in result.questions} <= {"correct", "recorded"}
    assert result.raw == sum(q["points"] for q in questions if q["type"] != "likert")


@st.composite
def quiz_with_and_without_likert(draw):
    """A quiz with answers, and the same quiz with likert questions (and answers) mixed in."""
    questions, answers = draw(quiz_with_answers(min_size=0))
    survey, survey_answers = draw(quiz_with_answers(likert(), prefix="likert-q"))
    mixed = draw(st.permutations(questions + survey))
    return (questions, answers), (mixed, answers + survey_answers)


@PROPERTY
@given(quiz_with_and_without_likert(), st.integers(0, 100), st.booleans())
def test_adding_likert_questions_never_changes_the_result(pair, pass_mark, all_or_nothing):
    options = {"pass_mark": pass_mark, "all_or_nothing": all_or_nothing}
    (questions, raw_answers), (mixed_questions, mixed_raw_answers) = pair
    before = score_quiz(questions, normalize_answers(questions, raw_answers), **options)
    mixed_answers = normalize_answers(mixed_questions, mixed_raw_answers)
    after = score_quiz(mixed_questions, mixed_answers, **options)
    assert len(after.questions) > len(before.questions)
    assert (after.raw, after.max, after.scaled, after.passed) == (
        before.raw,
        before.max,
        before.scaled,
        before.passed,
    )


@st.composite
def multiple_response_with_extra_correct_pick(draw):
    question = {**draw(multiple_response(min_correct=1)), "id": "m"}
    correct = [c["id"] for c in question["choices"] if c["correct"]]
    added = draw(st.sampled_from(correct))
    others = [c["id"] for c in question["choices"] if c["id"] != added]
    picks = draw(subsets(others))
    return question, picks, added


@PROPERTY
@given(multiple_response_with_extra_correct_pick(), st.booleans())
def test_adding_a_correct_pick_never_lowers_a_multiple_response_score(case, all_or_nothing):
    question, picks, added = case
    before = normalize_answers([question], [{"question": "m", "choices": picks}])["m"]
    after = normalize_answers([question], [{"question": "m", "choices": [*picks, added]}])["m"]
    assert (
        score_question(question, after, all_or_nothing=all_or_nothing).score
        >= score_question(question, before, all_or_nothing=all_or_nothing).score
    )


@PROPERTY
@given(quiz_with_answers())
def test_all_or_nothing_never_scores_more_than_partial_credit(quiz):
    questions, raw_answers = quiz
    answers = normalize_answers(questions, raw_answers)
    strict = score_quiz(questions, answers, pass_mark=0, all_or_nothing=True)
    lenient = score_quiz(questions, answers, pass_mark=0)
    assert strict.is_survey == lenient.is_survey
    assert strict.is_survey or strict.raw <= lenient.raw
    for hard, soft in zip(strict.questions, lenient.questions, strict=True):
        assert hard.score in (0, hard.points)
        assert hard.score <= soft.score
