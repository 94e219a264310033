"""Question blocks: one block type per question type, validated at authoring time.

Authoring mistakes (a single-choice question with zero or two correct choices,
duplicate sequencing positions, an unmatched matching item) are caught in the
admin form with a message that says what to fix, never at quiz time.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

LIKERT_SCALE = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
MIN_CHOICES = 2


def _blank_items(**fields) -> list[dict]:
    """A new question's list starts with as many empty items as it needs (MIN_CHOICES)."""
    return [{key: value(n) if callable(value) else value for key, value in fields.items()}
            for n in range(1, MIN_CHOICES + 1)]


def _error(message: str) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(non_block_errors=[ValidationError(message)])


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.TextBlock(
        required=False,
        help_text="Shown after submitting: explain why this choice is right or wrong.",
    )

    class Meta:
        icon = "tick"


class SequenceItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    position = blocks.IntegerBlock(min_value=1, help_text="Correct position, starting at 1.")
    feedback = blocks.TextBlock(required=False)

    class Meta:
        icon = "order"


class MatchItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text="The item the learner matches.")
    target = blocks.CharBlock(
        required=False, max_length=200, help_text="The target it belongs to (its correct match)."
    )
    feedback = blocks.TextBlock(required=False)

    class Meta:
        icon = "link"


class BaseQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text="The question, short enough to read on a phone.")
    explanation = blocks.TextBlock(required=False, help_text="Shown after submitting.")
    points = blocks.IntegerBlock(default=1, min_value=1, max_value=100)


class SingleChoiceQuestionBlock(BaseQuestionBlock):
    choices = blocks.ListBlock(
        ChoiceBlock(), min_num=MIN_CHOICES,
        default=_blank_items(text="", correct=False, feedback=""),
    )

    class Meta:
        icon = "radio-full"
        label = "Single choice"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct != 1:
            raise _error(
                f"A single-choice question needs exactly one correct choice; {correct} are "
                "marked correct. Use a multiple-response question for several right answers."
            )
        return value


class MultipleResponseQuestionBlock(BaseQuestionBlock):
    choices = blocks.ListBlock(
        ChoiceBlock(), min_num=MIN_CHOICES,
        default=_blank_items(text="", correct=False, feedback=""),
    )

    class Meta:
        icon = "tasks"
        label = "Multiple response"

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise _error("Mark at least one choice as correct.")
        return value


class TrueFalseQuestionBlock(BaseQuestionBlock):
    answer_is_true = blocks.BooleanBlock(
        required=False, label="The statement is true", help_text="Leave unticked if it is false."
    )
    feedback_true = blocks.TextBlock(required=False, help_text="Feedback for answering 'True'.")
    feedback_false = blocks.TextBlock(required=False, help_text="Feedback for answering 'False'.")

    class Meta:
        icon = "check"
        label = "True / false"


class SequencingQuestionBlock(BaseQuestionBlock):
    choices = blocks.ListBlock(
        SequenceItemBlock(), min_num=MIN_CHOICES, label="Items",
        default=_blank_items(text="", position=lambda n: n, feedback=""),
    )

    class Meta:
        icon = "order"
        label = "Sequencing"

    def clean(self, value):
        value = super().clean(value)
        positions = [item["position"] for item in value["choices"]]
        duplicates = sorted({p for p in positions if positions.count(p) > 1})
        if duplicates:
            listed = ", ".join(str(p) for p in duplicates)
            raise _error(f"Each item needs its own position; position {listed} is used twice.")
        if sorted(positions) != list(range(1, len(positions) + 1)):
            raise _error(f"Number the positions 1 to {len(positions)} without gaps.")
        return value


class MatchingQuestionBlock(BaseQuestionBlock):
    choices = blocks.ListBlock(
        MatchItemBlock(), min_num=MIN_CHOICES, label="Items",
        default=_blank_items(text="", target="", feedback=""),
    )

    class Meta:
        icon = "link"
        label = "Matching"

    def clean(self, value):
        value = super().clean(value)
        unmatched = [item["text"] for item in value["choices"] if not item["target"].strip()]
        if unmatched:
            raise _error(
                f"Every item needs a match; “{unmatched[0]}” has none. "
                "Give it the target it belongs to."
            )
        return value


class LikertQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text="A statement the learner rates. Never scored.")
    explanation = blocks.TextBlock(required=False)
    scale = blocks.ListBlock(
        blocks.CharBlock(max_length=60), min_num=2, max_num=10, default=LIKERT_SCALE
    )

    class Meta:
        icon = "list-ul"
        label = "Likert (survey, unscored)"


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_response = MultipleResponseQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    sequencing = SequencingQuestionBlock()
    matching = MatchingQuestionBlock()
    likert = LikertQuestionBlock()

    class Meta:
        min_num = 1



# A new quiz starts with one single-choice question and its two empty choices.
# (A list, not a callable: Django would hand a callable default to the admin form
# unnormalized.)
NEW_QUIZ_QUESTIONS = [
    ("single_choice", {"prompt": "", "explanation": "", "points": 1,
                       "choices": _blank_items(text="", correct=False, feedback="")}),
]
