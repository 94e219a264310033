"""Plain values for the learner templates, computed from stored snapshots (no queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizzes import scoring

OUTCOME_LABELS = {
    scoring.CORRECT: "Correct",
    scoring.PARTIALLY_CORRECT: "Partly correct",
    scoring.WRONG: "Not correct",
    scoring.RECORDED: "Your answer is recorded; it is not scored",
}


@dataclass(frozen=True)
class FeedbackRow:
    """One question of a submitted attempt, ready to show: texts instead of ids."""

    number: int
    question_id: str
    type: str
    prompt: str
    outcome: str
    outcome_label: str
    score: float
    points: int
    your_answer: list[str]
    correct_answer: list[str]
    feedback: list[str]
    explanation: str

    @property
    def scored(self) -> bool:
        return self.type != scoring.LIKERT

    @property
    def score_display(self) -> str:
        return f"{self.score:g}"


def _texts(question: dict[str, Any], response: dict[str, Any] | None) -> list[str]:
    """A response ({"choices"}, {"order"} or {"matches"}) in the learner's words."""
    if not response:
        return []
    choices = {choice["id"]: choice["text"] for choice in question["choices"]}
    if "matches" in response:
        targets = {target["id"]: target["text"] for target in question["targets"]}
        return [f"{choices.get(item, item)} → {targets.get(target, target)}"
                for item, target in response["matches"].items()]
    ids = response.get("order", response.get("choices", []))
    return [choices.get(choice_id, choice_id) for choice_id in ids]


def feedback_rows(attempt) -> list[FeedbackRow]:
    """A submitted attempt's per-question feedback, in the order the questions were shown."""
    by_id = {question["id"]: question for question in attempt.questions}
    rows = []
    for number, item in enumerate((attempt.result or {}).get("questions", []), start=1):
        question = by_id[item["question_id"]]
        rows.append(FeedbackRow(
            number=number,
            question_id=item["question_id"],
            type=question["type"],
            prompt=question["prompt"],
            outcome=item["outcome"],
            outcome_label=OUTCOME_LABELS.get(item["outcome"], item["outcome"]),
            score=item["score"],
            points=item["points"],
            your_answer=_texts(question, item["response"]),
            correct_answer=_texts(question, item["correct_response"]),
            feedback=list(item["feedback"]),
            explanation=item["explanation"],
        ))
    return rows


def percent(scaled: float | None) -> int | None:
    """A 0..1 score as a whole percentage, rounded down so 79.99% never shows as 80%."""
    if scaled is None:
        return None
    return int(scaled * 100 + 1e-9)
