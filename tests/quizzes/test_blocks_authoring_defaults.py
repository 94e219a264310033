"""A new question in the admin starts with the two choices (or items) it needs at least."""

import pytest

from quizzes.blocks import MIN_CHOICES, QuestionStreamBlock


@pytest.mark.parametrize("kind", ["single_choice", "multiple_response", "sequencing", "matching"])
def test_a_new_question_starts_with_the_minimum_number_of_choices(kind):
    block = QuestionStreamBlock().child_blocks[kind]
    choices = block.get_form_state(block.get_default())["choices"]
    assert len(choices) == MIN_CHOICES == block.child_blocks["choices"].meta.min_num


def test_new_sequencing_items_are_numbered_in_order():
    block = QuestionStreamBlock().child_blocks["sequencing"]
    assert [item["position"] for item in block.get_default()["choices"]] == [1, 2]
