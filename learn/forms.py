"""One question of an attempt as a plain HTML form: POST data in, the service's answer out.

The no-JS knowledge check shows one question per page; its form has these fields:
- single_choice, true_false, likert: radio buttons ``choice`` (value: a choice id)
- multiple_response: checkboxes ``choice`` (values: choice ids)
- sequencing: one position picker per item ``position-<item id>`` (values 1..n)
- matching: one radio group per item ``match-<item id>`` (value: a target id)
Ids come from the attempt's snapshot; the form knows only what a learner may see
(quizzes.selectors.learner_questions), never an answer key.
"""

from __future__ import annotations

from typing import Any

from django import forms

from quizzes import scoring

RADIO_TYPES = (scoring.SINGLE_CHOICE, scoring.TRUE_FALSE, scoring.LIKERT)
CHOICE = "choice"
CHOOSE_ONE = "Choose an answer."
CHOOSE_SOME = "Choose at least one answer."
CHOOSE_MATCH = "Choose a match for “{item}”."


def position_field(item_id: str) -> str:
    return f"position-{item_id}"


def match_field(item_id: str) -> str:
    return f"match-{item_id}"


class QuestionForm(forms.Form):
    """The fields of one question (a learner_questions() dict); ``answer`` once valid."""

    def __init__(self, question: dict[str, Any], *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", f"q-{question['id']}-%s")
        super().__init__(*args, **kwargs)
        self.question = question
        kind = question["type"]
        options = [(choice["id"], choice["text"]) for choice in question["choices"]]
        if kind in RADIO_TYPES:
            self.fields[CHOICE] = forms.ChoiceField(
                choices=options, error_messages={"required": CHOOSE_ONE})
        elif kind == scoring.MULTIPLE_RESPONSE:
            self.fields[CHOICE] = forms.MultipleChoiceField(
                choices=options, error_messages={"required": CHOOSE_SOME})
        elif kind == scoring.SEQUENCING:
            positions = [(str(n), str(n)) for n in range(1, len(options) + 1)]
            for item_id, text in options:
                self.fields[position_field(item_id)] = forms.TypedChoiceField(
                    choices=positions, coerce=int,
                    error_messages={"required": f"Give “{text}” a position."})
        elif kind == scoring.MATCHING:
            targets = [(target["id"], target["text"]) for target in question["targets"]]
            for item_id, text in options:
                self.fields[match_field(item_id)] = forms.ChoiceField(
                    choices=targets,
                    error_messages={"required": CHOOSE_MATCH.format(item=text)})
        else:
            raise ValueError(f"Question '{question['id']}' has unsupported type '{kind}'.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.question["type"] == scoring.SEQUENCING and not self.errors:
            count = len(self.question["choices"])
            positions = sorted(cleaned[position_field(c["id"])] for c in self.question["choices"])
            if positions != list(range(1, count + 1)):
                raise forms.ValidationError(
                    f"Give each item a different position, from 1 to {count}.")
        return cleaned

    @property
    def answer(self) -> dict[str, Any]:
        """The answer in the services' shape ({"question", "choices" | "order" | "matches"})."""
        question, data = self.question, self.cleaned_data
        qid, kind, items = question["id"], question["type"], question["choices"]
        if kind in RADIO_TYPES:
            return {"question": qid, "choices": [data[CHOICE]]}
        if kind == scoring.MULTIPLE_RESPONSE:
            return {"question": qid, "choices": list(data[CHOICE])}
        if kind == scoring.SEQUENCING:
            order = sorted(items, key=lambda item: data[position_field(item["id"])])
            return {"question": qid, "order": [item["id"] for item in order]}
        return {"question": qid,
                "matches": {item["id"]: data[match_field(item["id"])] for item in items}}

    def messages(self) -> list[str]:
        """Every error, in the order of the fields, for the error summary."""
        messages = list(self.non_field_errors())
        for name in self.fields:
            messages += self.errors.get(name, [])
        return messages


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
