"""A lesson in steps: one idea per screen on a phone.

The rule: without a step break in the body, each block is its own step; with at
least one, the blocks between breaks share a step (a break at either end, or
two in a row, makes no empty step). The lesson page adds one last step for the
knowledge check when the lesson has a published quiz.

The same rule runs on the page's blocks (to render them) and on the body's raw
JSON (to count steps without loading images or embeds).
"""

from __future__ import annotations

from collections.abc import Sequence

STEP_BREAK = "step_break"


def group_steps(kinds: Sequence[str]) -> list[list[int]]:
    """The positions of the body's blocks in each step, given each block's type in order."""
    if STEP_BREAK not in kinds:
        return [[index] for index in range(len(kinds))]
    steps: list[list[int]] = [[]]
    for index, kind in enumerate(kinds):
        if kind == STEP_BREAK:
            steps.append([])
        else:
            steps[-1].append(index)
    return [step for step in steps if step]


def lesson_steps(body) -> list[list]:
    """The body's blocks (a StreamValue's bound blocks) grouped into steps."""
    blocks = list(body)
    return [[blocks[i] for i in step] for step in group_steps([b.block_type for b in blocks])]


def content_step_count(body) -> int:
    """How many steps the body makes, read from its raw JSON (no queries)."""
    return len(group_steps([block["type"] for block in body.raw_data]))


def step_total(*, content_steps: int, has_quiz: bool) -> int:
    """Screens of the lesson: its content steps, then the knowledge check if there is one."""
    return content_steps + (1 if has_quiz else 0)


def resume_step(*, last_step: int, total: int, completed: bool) -> int:
    """The step a learner opening the lesson starts at (0-based).

    Where they last were, so an interrupted lesson picks up again; from the
    start once the lesson is completed (a review), or if the lesson has since
    lost steps.
    """
    if completed or not 0 <= last_step < total:
        return 0
    return last_step
