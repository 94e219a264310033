"""lessons.steps: how a lesson body is cut into steps, and where a returning learner starts."""

import pytest
from wagtail.blocks import StreamValue

from lessons.blocks import LessonStreamBlock
from lessons.steps import content_step_count, group_steps, lesson_steps, resume_step, step_total


def body(*kinds):
    raw = [{"type": kind, "value": None if kind == "step_break" else f"<p>{i}</p>", "id": str(i)}
           for i, kind in enumerate(kinds)]
    return StreamValue(LessonStreamBlock(), raw, is_lazy=True)


def test_without_step_breaks_each_block_is_a_step():
    assert group_steps(["text", "image", "takeaway"]) == [[0], [1], [2]]


def test_step_breaks_group_the_blocks_between_them():
    kinds = ["text", "image", "step_break", "text", "step_break", "takeaway", "reflection"]
    assert group_steps(kinds) == [[0, 1], [3], [5, 6]]


def test_step_breaks_at_the_ends_or_in_a_row_make_no_empty_step():
    kinds = ["step_break", "text", "step_break", "step_break", "text", "step_break"]
    assert group_steps(kinds) == [[1], [4]]
    assert group_steps(["step_break"]) == []


def test_rendered_steps_and_counted_steps_agree():
    value = body("text", "text", "step_break", "text")
    steps = lesson_steps(value)
    assert [[block.id for block in step] for step in steps] == [["0", "1"], ["3"]]
    assert content_step_count(value) == 2


def test_the_knowledge_check_is_one_more_step():
    assert step_total(content_steps=5, has_quiz=True) == 6
    assert step_total(content_steps=5, has_quiz=False) == 5


@pytest.mark.parametrize(("last_step", "total", "completed", "start"), [
    (3, 8, False, 3),   # interrupted: pick up where they were
    (7, 8, False, 7),   # at the knowledge check
    (3, 8, True, 0),    # completed: a review starts at the top
    (9, 8, False, 0),   # the lesson lost steps since
])
def test_a_returning_learner_resumes_where_they_were_unless_done(last_step, total, completed,
                                                                  start):
    assert resume_step(last_step=last_step, total=total, completed=completed) == start
