"""Small builders that keep shipped course content readable as plain data.

Each lesson block is a ``(block_type, value)`` pair in the shape of
lessons.blocks.LessonStreamBlock, each question one in the shape of
quizzes.blocks.QuestionStreamBlock. The one exception is ``figure()``: it names
an SVG file in lessons/content/figures/ instead of an image id, and the
``seed_course`` command swaps in the Wagtail image it loads from that file.
"""

from pathlib import Path

FIGURES_DIR = Path(__file__).resolve().parent / "figures"
LIKERT_SCALE = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
# A knowledge check, not an exam: every shipped quiz has five one-point scored questions, so
# one slip (4 of 5, 80%) still passes and two do not (tests/lessons/test_content_course.py).
PASS_MARK = 80

Block = tuple[str, object]


# Lesson body -------------------------------------------------------------------------------


def text(html: str) -> Block:
    return ("text", html)


def example(title: str, body_html: str) -> Block:
    return ("example", {"title": title, "body": body_html})


def figure(filename: str, *, alt: str, caption: str) -> Block:
    """An image block showing lessons/content/figures/<filename>."""
    return ("image", {"figure": filename, "alt_text": alt, "caption": caption})


def takeaway(html: str) -> Block:
    return ("takeaway", {"heading": "Key takeaway", "text": html})


def reflection(prompt: str) -> Block:
    return ("reflection", {"prompt": prompt})


# Questions ---------------------------------------------------------------------------------


def choice(text: str, feedback: str, *, correct: bool = False) -> dict:
    return {"text": text, "correct": correct, "feedback": feedback}


def single_choice(prompt: str, *, explanation: str, choices: list[dict]) -> Block:
    return ("single_choice", {"prompt": prompt, "explanation": explanation, "points": 1,
                              "choices": choices})


def multiple_response(prompt: str, *, explanation: str, choices: list[dict]) -> Block:
    return ("multiple_response", {"prompt": prompt, "explanation": explanation, "points": 1,
                                  "choices": choices})


def true_false(prompt: str, *, answer: bool, explanation: str, if_true: str,
               if_false: str) -> Block:
    return ("true_false", {"prompt": prompt, "explanation": explanation, "points": 1,
                           "answer_is_true": answer, "feedback_true": if_true,
                           "feedback_false": if_false})


def sequencing(prompt: str, *, explanation: str, items: list[tuple[str, str]]) -> Block:
    """``items`` are (text, feedback) pairs in their correct order."""
    choices = [{"text": item, "position": n, "feedback": feedback}
               for n, (item, feedback) in enumerate(items, start=1)]
    return ("sequencing", {"prompt": prompt, "explanation": explanation, "points": 1,
                           "choices": choices})


def matching(prompt: str, *, explanation: str, pairs: list[tuple[str, str, str]]) -> Block:
    """``pairs`` are (item, its correct match, feedback)."""
    choices = [{"text": item, "target": target, "feedback": feedback}
               for item, target, feedback in pairs]
    return ("matching", {"prompt": prompt, "explanation": explanation, "points": 1,
                         "choices": choices})


def likert(prompt: str, *, explanation: str) -> Block:
    """A statement the learner rates on the agreement scale: recorded, never scored."""
    return ("likert", {"prompt": prompt, "explanation": explanation,
                       "scale": list(LIKERT_SCALE)})


def quiz(title: str, *questions: Block, intro: str = "", shuffle_questions: bool = True) -> dict:
    return {
        "title": title,
        "intro": intro,
        "pass_mark": PASS_MARK,
        "max_attempts": None,
        "shuffle_questions": shuffle_questions,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": list(questions),
    }
