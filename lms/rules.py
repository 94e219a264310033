"""The cmi5 rules Touchpoint follows, as pure functions on plain values.

- What a lesson is to an LMS (`lesson_kind`, `move_on`, `mastery_score`):
  a lesson whose quiz has a scored question must be completed and passed;
  one without a quiz, or with a survey (Likert statements only), completed.
- Which verb may be sent now (`may_send`, cmi5 9.3 "AU Verb Ordering Rules"):
  no cmi5-defined verb twice in a session; `completed` and `passed` at most
  once per registration; at most one of `passed`/`failed` per session; never
  `failed` after `passed` in the registration.
- How an attempt is judged for the LMS (`judged_verb`, `pass_mark_for`,
  `lms_score`): against LaunchData's masteryScore when the LMS sets one.
- What a learner who already met the criteria gets at a new launch
  (`catch_up`): Touchpoint keeps one account per LMS learner, so a lesson
  completed under an earlier registration is credited to the new one.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Literal

from quizzes.scoring import is_survey

from . import vocabulary as cmi5

__all__ = [
    "COMPLETED",
    "FAILED",
    "PASSED",
    "LessonKind",
    "catch_up",
    "judged_verb",
    "lesson_kind",
    "lms_score",
    "mastery_score",
    "may_send",
    "move_on",
    "pass_mark_for",
]

COMPLETED = "completed"
PASSED = "passed"
FAILED = "failed"

LessonKind = Literal["content", "survey", "scored"]


def lesson_kind(questions: Sequence[dict[str, Any]] | None) -> LessonKind:
    """`scored` for a quiz with a scored question, `survey` for Likert only, `content` without."""
    if not questions:
        return "content"
    return "survey" if is_survey(questions) else "scored"


def move_on(kind: LessonKind) -> str:
    return cmi5.MOVE_ON_COMPLETED_AND_PASSED if kind == "scored" else cmi5.MOVE_ON_COMPLETED


def mastery_score(pass_mark: int) -> Decimal:
    """A quiz's pass mark (a whole percentage) as cmi5's masteryScore: 80 -> 0.8."""
    return (Decimal(pass_mark) / 100).normalize()


def pass_mark_for(mastery: Decimal) -> int:
    """The whole-percent pass mark an attempt stores for a masteryScore (0.8 -> 80).

    Rounded up, so passing locally always meets the masteryScore. Only a
    masteryScore finer than a whole percent (0.8125) can then disagree with the
    learner's page for a score in between; `judged_verb` follows the LMS there.
    """
    return math.ceil(mastery * 100)


def judged_verb(
    *, passed: bool | None, scaled: float | None, pass_mark: int, mastery: Decimal | None
) -> str | None:
    """`passed`, `failed`, or None for an attempt with nothing to judge (a survey).

    The attempt's own verdict when its pass mark is the masteryScore (always,
    once the pass mark follows it); otherwise scaled >= masteryScore (cmi5
    9.3.4/9.3.5: the verb must be consistent with the masteryScore).
    """
    if passed is None or scaled is None:
        return None
    if mastery is None or Decimal(pass_mark) == mastery * 100:
        return PASSED if passed else FAILED
    return PASSED if Decimal(repr(scaled)) >= mastery else FAILED


def lms_score(scaled: float) -> dict[str, float | int]:
    """The score of a passed/failed statement (cmi5 9.5.1: raw an integer within min..max).

    Partial credit makes points fractional, so raw is the whole percentage the
    learner's result page shows (rounded down, 0..100). `scaled` is cut (not
    rounded) to 4 decimals, so it stays on the same side of a masteryScore.
    """
    exact = Decimal(repr(scaled))
    cut = exact.quantize(Decimal("0.0001"), rounding=ROUND_FLOOR)
    percent = int((exact * 100).to_integral_value(rounding=ROUND_FLOOR))
    return {"scaled": float(cut), "raw": percent, "min": 0, "max": 100}


def may_send(verb: str, *, session: Collection[str], registration: Collection[str]) -> bool:
    """Whether a cmi5-defined `verb` may follow those already sent in the session and registration.

    `registration`: verbs sent for this AU in any session of the registration
    (this one included).
    """
    if verb in session:
        return False
    if verb == COMPLETED:
        return COMPLETED not in registration
    if verb == PASSED:
        return PASSED not in registration and FAILED not in session
    if verb == FAILED:
        return PASSED not in registration and PASSED not in session
    return True


def catch_up(
    kind: LessonKind,
    *,
    experienced: bool,
    completed: bool,
    passing_scaled: float | None,
    mastery: Decimal | None,
    registration: Collection[str],
) -> list[str]:
    """Verbs owed at a Normal launch to a learner who met the criteria before this registration.

    `experienced`/`completed`: the lesson's local progress; `passing_scaled`:
    the scaled score of the learner's passing attempt, if any. A survey
    lesson's material includes the survey, so it counts once completed. A
    past pass counts only if it also meets this launch's masteryScore.
    """
    owed = []
    material_done = completed if kind == "survey" else experienced
    if material_done and COMPLETED not in registration:
        owed.append(COMPLETED)
    if (
        kind == "scored"
        and passing_scaled is not None
        and PASSED not in registration
        and (mastery is None or Decimal(repr(passing_scaled)) >= mastery)
    ):
        owed.append(PASSED)
    return owed
