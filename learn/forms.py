"""The quiz as a plain HTML form: POST data in, the service's answers list out.

One field name scheme per question type, all keyed by ids from the attempt's snapshot:
- single_choice, true_false, likert: radio buttons ``q-<question id>`` (value: choice id)
- multiple_response: checkboxes ``q-<question id>`` (values: choice ids)
- sequencing: one position picker per item ``q-<question id>-pos-<item id>`` (values 1..n)
- matching: one select per item ``q-<question id>-match-<item id>`` (value: target id)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from django import forms

from quizzes import scoring

RADIO_TYPES = (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE, scoring.LIKERT)


def answer_field(question_id: str) -> str:
    return f"q-{question_id}"


def position_field(question_id: str, item_id: str) -> str:
    return f"q-{question_id}-pos-{item_id}"


def match_field(question_id: str, item_id: str) -> str:
    return f"q-{question_id}-match-{item_id}"


@dataclass
class QuestionRow:
    """One question as the template renders it: its snapshot, bound fields and errors."""

    number: int
    question: dict[str, Any]
    field: forms.BoundField | None = None
    items: list[tuple[dict[str, Any], forms.BoundField]] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)

    @property
    def type(self) -> str:
        return self.question["type"]

    @property
    def dom_id(self) -> str:
        return f"question-{self.question['id']}"


class QuizAnswersForm(forms.Form):
    """Fields built from an attempt's question snapshot; ``answers`` once valid."""

    def __init__(self, questions: list[dict[str, Any]], *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self._add_fields(question)

    def _add_fields(self, question: dict[str, Any]) -> None:
        qid, qtype, choices = question["id"], question["type"], question["choices"]
        options = [(choice["id"], choice["text"]) for choice in choices]
        if qtype in RADIO_TYPES:
            self.fields[answer_field(qid)] = forms.ChoiceField(
                choices=options, widget=forms.RadioSelect, label=question["prompt"],
                error_messages={"required": "Choose an answer."},
            )
        elif qtype == scoring.MULTIPLE_RESPONSE:
            self.fields[answer_field(qid)] = forms.MultipleChoiceField(
                choices=options, widget=forms.CheckboxSelectMultiple, label=question["prompt"],
                required=False,
            )
        elif qtype == scoring.SEQUENCING:
            positions = [(str(n), str(n)) for n in range(1, len(choices) + 1)]
            for n, choice in enumerate(choices, start=1):
                self.fields[position_field(qid, choice["id"])] = forms.TypedChoiceField(
                    choices=positions, coerce=int, initial=str(n),
                    label=f"Position of “{choice['text']}”",
                    error_messages={"required": "Give this item a position."},
                )
        elif qtype == scoring.MATCHING:
            targets = [("", "Choose a match…")]
            targets += [(target["id"], target["text"]) for target in question["targets"]]
            for choice in choices:
                self.fields[match_field(qid, choice["id"])] = forms.ChoiceField(
                    choices=targets, label=f"Match for “{choice['text']}”",
                    error_messages={"required": "Choose a match for this item."},
                )
        else:
            raise ValueError(f"Question '{qid}' has unsupported type '{qtype}'.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for question in self.questions:
            if question["type"] != scoring.SEQUENCING:
                continue
            names = [position_field(question["id"], c["id"]) for c in question["choices"]]
            if any(name not in cleaned for name in names):
                continue
            if sorted(cleaned[name] for name in names) != list(range(1, len(names) + 1)):
                self.add_error(names[0], f"Give each item a different position, from 1 to "
                                         f"{len(names)}.")
        return cleaned

    @property
    def answers(self) -> list[dict[str, Any]]:
        """The submission in the services' shape; only after ``is_valid()``."""
        return [self._answer(question) for question in self.questions]

    def _answer(self, question: dict[str, Any]) -> dict[str, Any]:
        qid, qtype, data = question["id"], question["type"], self.cleaned_data
        if qtype in RADIO_TYPES:
            return {"question": qid, "choices": [data[answer_field(qid)]]}
        if qtype == scoring.MULTIPLE_RESPONSE:
            return {"question": qid, "choices": list(data[answer_field(qid)])}
        if qtype == scoring.SEQUENCING:
            ids = [choice["id"] for choice in question["choices"]]
            return {"question": qid,
                    "order": sorted(ids, key=lambda cid: data[position_field(qid, cid)])}
        return {"question": qid, "matches": {
            choice["id"]: data[match_field(qid, choice["id"])] for choice in question["choices"]}}

    def rows(self) -> list[QuestionRow]:
        """The questions in presentation order with their bound fields, for the template."""
        rows = []
        for number, question in enumerate(self.questions, start=1):
            row = QuestionRow(number=number, question=question)
            qid = question["id"]
            if question["type"] in (scoring.SEQUENCING, scoring.MATCHING):
                name = position_field if question["type"] == scoring.SEQUENCING else match_field
                row.items = [(c, self[name(qid, c["id"])]) for c in question["choices"]]
                row.items = self._in_chosen_order(question, row.items)
                row.errors = [e for _, bound in row.items for e in bound.errors]
            else:
                row.field = self[answer_field(qid)]
                row.errors = list(row.field.errors)
            rows.append(row)
        return rows

    def _in_chosen_order(self, question, items):
        """Sequencing items sorted by the positions the learner picked (when re-shown)."""
        if question["type"] != scoring.SEQUENCING or not self.is_bound:
            return items

        def chosen(pair):
            try:
                return int(pair[1].value())
            except (TypeError, ValueError):
                return len(items) + 1

        return sorted(items, key=chosen)


class LearnerNameForm(forms.Form):
    """The learner's name for their certificate, asked once when the account has none."""

    first_name = forms.CharField(
        label="First name", max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
        error_messages={"required": "Enter your first name."},
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
    )
