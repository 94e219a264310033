"""Answer validation and scoring for quiz attempts, on plain question snapshots.

Rules (all arithmetic in exact Fractions; a credit in [0, 1] is multiplied by the points):
- single_choice and true_false: all or nothing.
- multiple_response: (correct picks - wrong picks) / correct choices, floored at 0; a question
  with no correct choice gives full credit only to an empty answer.
- sequencing: share of item pairs placed in the right relative order (one item: full credit).
- matching: share of items matched to their correct target.
- all_or_nothing=True makes multiple_response, sequencing and matching all or nothing too.
- likert: recorded, never scored (0 raw, 0 max, outcome "recorded").
- A quiz's scaled score is raw / max; passed means scaled * 100 >= pass_mark.
- A survey (every question Likert, so max is 0) has no score and no pass or fail: its
  result's raw, scaled and passed are None; submitting it completes it.
Snapshots are trusted; client answers are not: normalize_answers() validates them first.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

SINGLE_CHOICE = "single_choice"
MULTIPLE_RESPONSE = "multiple_response"
TRUE_FALSE = "true_false"
SEQUENCING = "sequencing"
MATCHING = "matching"
LIKERT = "likert"
QUESTION_TYPES = (SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE, SEQUENCING, MATCHING, LIKERT)
ONE_CHOICE_TYPES = (SINGLE_CHOICE, TRUE_FALSE, LIKERT)

CORRECT = "correct"
PARTIALLY_CORRECT = "partially_correct"
WRONG = "wrong"
RECORDED = "recorded"

Question = Mapping[str, Any]
Answer = dict[str, Any]


class AnswerError(ValueError):
    """A submission that does not fit the quiz; `fields` maps `answers[i].key` to messages."""

    def __init__(self, code: str, detail: str, fields: dict[str, list[str]]) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.fields = fields


def _fail(code: str, field: str, detail: str) -> AnswerError:
    return AnswerError(code, detail, {field: [detail]})


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    outcome: str
    score: Fraction
    points: int
    feedback: list[str]
    explanation: str
    response: dict[str, Any]
    correct_response: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "outcome": self.outcome,
            "score": round(float(self.score), 4),
            "points": self.points,
            "feedback": list(self.feedback),
            "explanation": self.explanation,
            "response": copy.deepcopy(self.response),
            "correct_response": copy.deepcopy(self.correct_response),
        }


@dataclass(frozen=True)
class QuizResult:
    """A quiz's result; raw, scaled and passed are None for a survey (nothing to score)."""

    raw: Fraction | None
    max: int
    scaled: Fraction | None
    passed: bool | None
    questions: tuple[QuestionResult, ...]

    @property
    def is_survey(self) -> bool:
        return self.passed is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "raw": None if self.raw is None else round(float(self.raw), 4),
            "max": self.max,
            "scaled": None if self.scaled is None else round(float(self.scaled), 4),
            "passed": self.passed,
            "questions": [result.as_dict() for result in self.questions],
        }


def is_survey(questions: Sequence[Question]) -> bool:
    """True for a quiz whose questions are all unscored (Likert): a survey, never graded."""
    return all(question["type"] == LIKERT for question in questions)


# Validation ------------------------------------------------------------------------------------


def normalize_answers(questions: Sequence[Question], raw_answers: object) -> dict[str, Answer]:
    """Validate a whole submission; return one normalized answer per question, in quiz order."""
    if not isinstance(raw_answers, list):
        raise _fail("invalid_answer", "answers", "Answers must be a list, one item per question.")
    by_id = {question["id"]: question for question in questions}
    answers: dict[str, Answer] = {}
    for index, item in enumerate(raw_answers):
        where = f"answers[{index}]"
        if not isinstance(item, dict):
            raise _fail("invalid_answer", where, f"Answer {index} must be an object.")
        qid = item.get("question")
        if not isinstance(qid, str):
            detail = f"Answer {index} must name its question with a string 'question'."
            raise _fail("invalid_answer", f"{where}.question", detail)
        if qid not in by_id:
            detail = f"Question '{qid}' is not part of this quiz."
            raise _fail("unknown_question", f"{where}.question", detail)
        if qid in answers:
            detail = f"Question '{qid}' is answered more than once."
            raise _fail("duplicate_answer", f"{where}.question", detail)
        answers[qid] = _normalize_one(by_id[qid], item, f"{where}.")
    for question in questions:
        if question["id"] not in answers:
            detail = f"Question '{question['id']}' has no answer."
            raise _fail("missing_answer", "answers", detail)
    return {question["id"]: answers[question["id"]] for question in questions}


def normalize_answer(questions: Sequence[Question], raw_answer: object) -> tuple[Question, Answer]:
    """Validate one answer ({"question": id, ...}); return its question and normalized answer.

    Error fields are named as in the answer object itself (`question`, `choices`, ...).
    """
    if not isinstance(raw_answer, dict):
        raise _fail("invalid_answer", "non_field_errors", "The answer must be an object.")
    qid = raw_answer.get("question")
    if not isinstance(qid, str):
        raise _fail("invalid_answer", "question", "Name the question with a string 'question'.")
    question = next((question for question in questions if question["id"] == qid), None)
    if question is None:
        raise _fail("unknown_question", "question", f"Question '{qid}' is not part of this quiz.")
    return question, _normalize_one(question, raw_answer, "")


def _normalize_one(question: Question, item: dict[str, Any], prefix: str) -> Answer:
    """One answer's value for `question`; error fields are `prefix` + the key at fault."""
    qid, qtype = question["id"], question["type"]
    choice_ids = [choice["id"] for choice in question["choices"]]
    if qtype == MATCHING:
        return {"matches": _matches(question, item.get("matches"), f"{prefix}matches")}
    key = "order" if qtype == SEQUENCING else "choices"
    field = f"{prefix}{key}"
    ids = item.get(key)
    if not isinstance(ids, list) or not all(isinstance(value, str) for value in ids):
        raise _fail("invalid_answer", field, f"'{key}' for question '{qid}' must be a list of ids.")
    for value in ids:
        if value not in choice_ids:
            raise _fail("unknown_choice", field, f"Question '{qid}' has no choice '{value}'.")
    if qtype == SEQUENCING:
        if Counter(ids) != Counter(choice_ids):
            detail = f"The order for question '{qid}' must list each of its items exactly once."
            raise _fail("not_a_permutation", field, detail)
        return {"order": list(ids)}
    if qtype in ONE_CHOICE_TYPES:
        if len(ids) != 1:
            detail = f"Question '{qid}' takes exactly one choice, not {len(ids)}."
            raise _fail("wrong_choice_count", field, detail)
        return {"choices": list(ids)}
    if qtype == MULTIPLE_RESPONSE:
        if len(set(ids)) != len(ids):
            detail = f"The choices for question '{qid}' must not repeat."
            raise _fail("duplicate_choice", field, detail)
        return {"choices": [choice_id for choice_id in choice_ids if choice_id in ids]}
    raise ValueError(f"Question '{qid}' has unsupported type '{qtype}'.")


def _matches(question: Question, matches: object, field: str) -> dict[str, str]:
    qid = question["id"]
    if not isinstance(matches, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in matches.items()
    ):
        detail = f"'matches' for question '{qid}' must map item ids to target ids."
        raise _fail("invalid_answer", field, detail)
    choice_ids = [choice["id"] for choice in question["choices"]]
    target_ids = {target["id"] for target in question["targets"]}
    for choice_id, target_id in matches.items():
        if choice_id not in choice_ids:
            raise _fail("unknown_choice", field, f"Question '{qid}' has no item '{choice_id}'.")
        if target_id not in target_ids:
            raise _fail("unknown_target", field, f"Question '{qid}' has no target '{target_id}'.")
    for choice_id in choice_ids:
        if choice_id not in matches:
            detail = f"Item '{choice_id}' of question '{qid}' is not matched."
            raise _fail("unmatched_item", field, detail)
    return {choice_id: matches[choice_id] for choice_id in choice_ids}


# Scoring ---------------------------------------------------------------------------------------


def score_question(
    question: Question, answer: Answer, *, all_or_nothing: bool = False
) -> QuestionResult:
    """Score one normalized answer (see normalize_answers)."""
    scored = question["type"] != LIKERT
    credit = _credit(question, answer, all_or_nothing) if scored else Fraction(0)
    points = question["points"] if scored else 0
    if not scored:
        outcome = RECORDED
    elif credit == 1:
        outcome = CORRECT
    elif credit == 0:
        outcome = WRONG
    else:
        outcome = PARTIALLY_CORRECT
    return QuestionResult(
        question_id=question["id"],
        outcome=outcome,
        score=credit * points,
        points=points,
        feedback=_feedback(question, answer),
        explanation=question["explanation"],
        response=copy.deepcopy(answer),
        correct_response=_correct_response(question) if scored else None,
    )


def score_quiz(
    questions: Sequence[Question],
    answers: Mapping[str, Answer],
    *,
    pass_mark: int,
    all_or_nothing: bool = False,
) -> QuizResult:
    """Score every question of a quiz from normalized answers keyed by question id."""
    results = tuple(
        score_question(question, answers[question["id"]], all_or_nothing=all_or_nothing)
        for question in questions
    )
    if is_survey(questions):
        return QuizResult(raw=None, max=0, scaled=None, passed=None, questions=results)
    raw = sum((result.score for result in results), Fraction(0))
    maximum = sum(result.points for result in results)
    scaled = raw / maximum
    return QuizResult(
        raw=raw,
        max=maximum,
        scaled=scaled,
        passed=scaled * 100 >= pass_mark,
        questions=results,
    )


def _credit(question: Question, answer: Answer, all_or_nothing: bool) -> Fraction:
    qtype, choices = question["type"], question["choices"]
    if qtype in (SINGLE_CHOICE, TRUE_FALSE):
        picked = [choice for choice in choices if choice["id"] in answer["choices"]]
        return Fraction(bool(picked) and all(choice["correct"] for choice in picked))
    if qtype == MULTIPLE_RESPONSE:
        correct = {choice["id"] for choice in choices if choice["correct"]}
        picked = set(answer["choices"])
        if all_or_nothing or not correct:
            return Fraction(picked == correct)
        hits, misses = len(picked & correct), len(picked - correct)
        return max(Fraction(0), Fraction(hits - misses, len(correct)))
    if qtype == SEQUENCING:
        rank = {choice_id: index for index, choice_id in enumerate(_correct_order(question))}
        order = answer["order"]
        pairs = [(a, b) for i, a in enumerate(order) for b in order[i + 1 :]]
        in_order = sum(rank[a] < rank[b] for a, b in pairs)
        credit = Fraction(in_order, len(pairs)) if pairs else Fraction(1)
    elif qtype == MATCHING:
        matches = answer["matches"]
        good = sum(matches.get(choice["id"]) == choice["target"] for choice in choices)
        credit = Fraction(good, len(choices)) if choices else Fraction(1)
    else:
        raise ValueError(f"Question '{question['id']}' has unsupported type '{qtype}'.")
    return Fraction(int(credit == 1)) if all_or_nothing else Fraction(credit)


def _correct_order(question: Question) -> list[str]:
    indexed = list(enumerate(question["choices"]))
    indexed.sort(key=lambda pair: (pair[1]["position"] is None, pair[1]["position"] or 0, pair[0]))
    return [choice["id"] for _, choice in indexed]


def _correct_response(question: Question) -> dict[str, Any]:
    choices = question["choices"]
    if question["type"] == SEQUENCING:
        return {"order": _correct_order(question)}
    if question["type"] == MATCHING:
        return {"matches": {choice["id"]: choice["target"] for choice in choices}}
    return {"choices": [choice["id"] for choice in choices if choice["correct"]]}


def _feedback(question: Question, answer: Answer) -> list[str]:
    by_id = {choice["id"]: choice for choice in question["choices"]}
    if question["type"] == MATCHING:
        ids = [choice_id for choice_id in by_id if choice_id in answer["matches"]]
    else:
        ids = answer.get("order", answer.get("choices", []))
    return [by_id[choice_id]["feedback"] for choice_id in ids if by_id[choice_id]["feedback"]]
