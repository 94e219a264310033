"""Plain values for the learner templates, computed from stored snapshots (no queries).

A question screen (`question_screen`) is built from what a learner may see of a
question (quizzes.selectors.learner_questions) and, once it is answered, from how
that answer scored (QuestionResult.as_dict()): the answer key of a question only
reaches a template after the question is answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizzes import scoring

from .forms import (
    CHOICE,
    CHOOSE_MATCH,
    CHOOSE_ONE,
    CHOOSE_SOME,
    QuestionForm,
    match_field,
    position_field,
)

VERDICTS = {
    scoring.CORRECT: "Correct",
    scoring.PARTIALLY_CORRECT: "Partly correct",
    scoring.WRONG: "Not quite",
    scoring.RECORDED: "Recorded",
}
ICONS = {
    scoring.CORRECT: "✓",
    scoring.PARTIALLY_CORRECT: "◐",
    scoring.WRONG: "✗",
    scoring.RECORDED: "✎",
}
HINTS = {
    scoring.SINGLE_CHOICE: "Choose one answer.",
    scoring.TRUE_FALSE: "True or false?",
    scoring.MULTIPLE_RESPONSE: "Choose all that apply.",
    scoring.SEQUENCING: "Put the items in order, first at the top.",
    scoring.MATCHING: "Choose the match for each item.",
    scoring.LIKERT: "Your own view: there is no right answer, and it is not scored.",
}
# Marks on an answered question's options (CSS classes and the words beside them).
RIGHT, WRONG, MISSED, CHOSEN = "right", "wrong", "missed", "chosen"
MARK_WORDS = {RIGHT: "Your answer", WRONG: "Your answer", MISSED: "Right answer",
              CHOSEN: "Your answer"}
PLACE_WORDS = {RIGHT: "Right place", WRONG: "Wrong place"}  # a sequencing item's mark
# What static/js/quiz.js needs to show an answer the way the templates do.
SCRIPT_WORDS = {
    "verdicts": VERDICTS, "icons": ICONS, "marks": MARK_WORDS, "places": PLACE_WORDS,
    "messages": {
        "choose_one": CHOOSE_ONE, "choose_some": CHOOSE_SOME, "choose_match": CHOOSE_MATCH,
        "offline": "We could not reach the server, so your answer is not saved yet. Check "
                   "your connection, then press the button again.",
        "throttled": "Too many answers at once. Wait {seconds} seconds, then press the "
                     "button again.",
    },
}
LIKERT_ROW_MAX = 7  # on wider screens a scale of up to 7 points is laid out in a row


def percent(scaled: float | None) -> int | None:
    """A 0..1 score as a whole percentage, rounded down so 79.99% never shows as 80%."""
    if scaled is None:
        return None
    return int(scaled * 100 + 1e-9)


def has_feedback_step(result: dict[str, Any]) -> bool:
    """An answer gets a feedback screen unless it is unscored with nothing to say about it."""
    return result["outcome"] != scoring.RECORDED or bool(result["feedback"]
                                                         or result["explanation"])


# A question screen ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """A choice (or, in matching, a target of one item) with the learner's pick and its mark."""

    id: str
    text: str
    dom_id: str
    checked: bool = False
    mark: str = ""  # after answering: right, wrong, missed, chosen (or "")

    @property
    def mark_words(self) -> str:
        return MARK_WORDS.get(self.mark, "")


@dataclass(frozen=True)
class Item:
    """A sequencing item (with its position picker) or a matching item (with its targets)."""

    id: str
    text: str
    field_name: str
    dom_id: str
    position: int = 0  # sequencing: the position shown (1 = first)
    targets: list[Option] = field(default_factory=list)  # matching
    mark: str = ""  # sequencing, after answering: right (in its place) or wrong

    @property
    def mark_words(self) -> str:
        return PLACE_WORDS.get(self.mark, "")


@dataclass(frozen=True)
class Feedback:
    """How one answer scored, in words: what the feedback panel shows."""

    outcome: str
    notes: list[str]
    explanation: str
    right_answer: list[str]  # a missed order (choices and matches are marked in place)

    @property
    def verdict(self) -> str:
        return VERDICTS[self.outcome]

    @property
    def icon(self) -> str:
        return ICONS[self.outcome]


@dataclass(frozen=True)
class QuestionScreen:
    """One question as its screen shows it: unanswered (a form) or answered (with feedback)."""

    number: int
    total: int
    question: dict[str, Any]  # learner_questions() shape: no answer key
    url: str  # the question's address: the form posts here; once answered, its feedback
    next_url: str  # where Continue goes once it is answered
    finishes: bool  # answering it finishes the attempt (Continue then shows the result)
    options: list[Option] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    feedback: Feedback | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.question["id"]

    @property
    def type(self) -> str:
        return self.question["type"]

    @property
    def prompt(self) -> str:
        return self.question["prompt"]

    @property
    def hint(self) -> str:
        return HINTS[self.type]

    @property
    def answered(self) -> bool:
        return self.feedback is not None

    @property
    def multiple(self) -> bool:
        return self.type == scoring.MULTIPLE_RESPONSE

    @property
    def scale(self) -> bool:
        """A Likert scale short enough to lay out in one row (on wider screens)."""
        return self.type == scoring.LIKERT and len(self.options) <= LIKERT_ROW_MAX

    @property
    def check_label(self) -> str:
        return "Continue" if self.type == scoring.LIKERT else "Check answer"

    @property
    def continue_label(self) -> str:
        return "See your result" if self.finishes else "Continue"

    @property
    def positions(self) -> range:
        return range(1, len(self.items) + 1)


def question_screen(
    *,
    question: dict[str, Any],
    number: int,
    total: int,
    url: str,
    next_url: str,
    finishes: bool,
    result: dict[str, Any] | None = None,
    form: QuestionForm | None = None,
) -> QuestionScreen:
    """A question's screen: `question` as learner_questions() gives it; `result` once answered
    (its QuestionResult.as_dict()); `form` a bound QuestionForm to show the learner's input
    again with its errors."""
    picked = _picked(question, result, form)
    prefix = f"q-{question['id']}"
    options, items = [], []
    if question["type"] in (scoring.SEQUENCING, scoring.MATCHING):
        items = _items(question, picked, result, prefix)
    else:
        correct = set(((result or {}).get("correct_response") or {}).get("choices", []))
        options = [
            Option(id=c["id"], text=c["text"], dom_id=f"{prefix}-{CHOICE}-{n}",
                   checked=c["id"] in picked.get("choices", []),
                   mark=_mark(c["id"] in picked.get("choices", []), c["id"] in correct, result))
            for n, c in enumerate(question["choices"], start=1)
        ]
    return QuestionScreen(
        number=number, total=total, question=question, url=url, next_url=next_url,
        finishes=finishes, options=options, items=items,
        feedback=_feedback(question, result) if result else None,
        errors=form.messages() if form is not None and form.is_bound else [],
    )


def _picked(question, result, form) -> dict[str, Any]:
    """The answer to show: the stored one, else what the learner posted (as far as it goes)."""
    if result is not None:
        return result["response"]
    if form is None or not form.is_bound:
        return {}
    data, items = form.data, question["choices"]
    if question["type"] == scoring.SEQUENCING:  # the positions as posted, even if invalid
        positions = {item["id"]: int(value) for item in items
                     if (value := data.get(position_field(item["id"]), "")).isdigit()}
        order = sorted(items, key=lambda item: positions.get(item["id"], len(items) + 1))
        return {"order": [item["id"] for item in order], "positions": positions}
    if question["type"] == scoring.MATCHING:
        return {"matches": {item["id"]: data.get(match_field(item["id"]), "") for item in items}}
    return {"choices": data.getlist(CHOICE)}


def _mark(chosen: bool, correct: bool, result: dict[str, Any] | None) -> str:
    if result is None:
        return ""
    if result["outcome"] == scoring.RECORDED:
        return CHOSEN if chosen else ""
    if chosen:
        return RIGHT if correct else WRONG
    return MISSED if correct else ""


def _items(question, picked, result, prefix) -> list[Item]:
    by_id = {item["id"]: item for item in question["choices"]}
    correct = (result or {}).get("correct_response") or {}
    if question["type"] == scoring.SEQUENCING:
        order = picked.get("order") or list(by_id)
        right = correct.get("order", [])
        return [
            Item(id=item_id, text=by_id[item_id]["text"], field_name=position_field(item_id),
                 dom_id=f"{prefix}-{position_field(item_id)}",
                 position=picked.get("positions", {}).get(item_id, n),
                 mark="" if result is None else
                 RIGHT if n <= len(right) and right[n - 1] == item_id else WRONG)
            for n, item_id in enumerate(order, start=1)
        ]
    matches, right = picked.get("matches", {}), correct.get("matches", {})
    items = []
    for n, item in enumerate(question["choices"], start=1):
        name = match_field(item["id"])
        targets = [
            Option(id=target["id"], text=target["text"], dom_id=f"{prefix}-{name}-{m}",
                   checked=matches.get(item["id"]) == target["id"],
                   mark=_mark(matches.get(item["id"]) == target["id"],
                              right.get(item["id"]) == target["id"], result))
            for m, target in enumerate(question["targets"], start=1)
        ]
        items.append(Item(id=item["id"], text=item["text"], field_name=name,
                          dom_id=f"{prefix}-item-{n}", targets=targets))
    return items


def _feedback(question: dict[str, Any], result: dict[str, Any]) -> Feedback:
    # The right choices and matches are marked in place; an order is spelled out here.
    missed = (question["type"] == scoring.SEQUENCING
              and result["outcome"] not in (scoring.CORRECT, scoring.RECORDED))
    return Feedback(
        outcome=result["outcome"],
        notes=list(result["feedback"]),
        explanation=result["explanation"],
        right_answer=answer_texts(question, result["correct_response"]) if missed else [],
    )


def answer_texts(question: dict[str, Any], response: dict[str, Any] | None) -> list[str]:
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


# A finished attempt --------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    """One question of a finished attempt, ready to show: texts instead of ids."""

    number: int
    prompt: str
    type: str
    outcome: str
    score: float
    points: int
    your_answer: list[str]
    right_answer: list[str]
    notes: list[str]
    explanation: str

    @property
    def scored(self) -> bool:
        return self.outcome != scoring.RECORDED

    @property
    def verdict(self) -> str:
        return VERDICTS[self.outcome]

    @property
    def icon(self) -> str:
        return ICONS[self.outcome]

    @property
    def ordered(self) -> bool:
        return self.type == scoring.SEQUENCING

    @property
    def score_display(self) -> str:
        return f"{round(self.score, 2):g}"


def result_rows(attempt) -> list[ResultRow]:
    """A finished attempt's questions with the learner's answers, in the order they were shown."""
    by_id = {question["id"]: question for question in attempt.questions}
    rows = []
    for number, item in enumerate((attempt.result or {}).get("questions", []), start=1):
        question = by_id[item["question_id"]]
        missed = item["outcome"] not in (scoring.CORRECT, scoring.RECORDED)
        rows.append(ResultRow(
            number=number,
            prompt=question["prompt"],
            type=question["type"],
            outcome=item["outcome"],
            score=item["score"],
            points=item["points"],
            your_answer=answer_texts(question, item["response"]),
            right_answer=answer_texts(question, item["correct_response"]) if missed else [],
            notes=list(item["feedback"]),
            explanation=item["explanation"],
        ))
    return rows


@dataclass(frozen=True)
class QuizIntro:
    """What the knowledge check's card says before it is started."""

    question_count: int
    pass_mark: int
    max_attempts: int | None
    intro: str
    survey: bool


def quiz_intro(*, kinds: list[str], pass_mark: int, max_attempts: int | None,
               intro: str) -> QuizIntro:
    """The card's facts, from the question types and settings of the quiz."""
    return QuizIntro(question_count=len(kinds), pass_mark=pass_mark, max_attempts=max_attempts,
                     intro=intro, survey=bool(kinds) and all(k == scoring.LIKERT for k in kinds))


def can_raise_score(*, survey: bool, best_scaled: float | None,
                    attempts_remaining: int | None) -> bool:
    """Offer "Try again" only when another attempt could raise the learner's best score."""
    if survey or attempts_remaining == 0:
        return False
    return best_scaled is None or percent(best_scaled) < 100
