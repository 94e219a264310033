"""Estimated reading time of a lesson, computed from its content (never typed in)."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
SECONDS_PER_IMAGE = 10
SECONDS_PER_QUESTION = 30  # reading a quiz question, answering it and its feedback

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def count_words(html_or_text: str) -> int:
    return len(_WORD.findall(strip_tags(html_or_text)))


def reading_seconds(*, words: int, images: int = 0, video_seconds: int = 0) -> int:
    return math.ceil(words * 60 / WORDS_PER_MINUTE) + images * SECONDS_PER_IMAGE + video_seconds


def reading_minutes(*, words: int, images: int = 0, video_seconds: int = 0) -> int:
    """Whole minutes, at least 1."""
    seconds = reading_seconds(words=words, images=images, video_seconds=video_seconds)
    return max(1, math.ceil(seconds / 60))


def body_reading_minutes(body) -> int:
    """Reading time of a lesson StreamField value (works on raw JSON, no queries)."""
    words = images = video_seconds = 0
    for block in body.raw_data:
        value = block["value"]
        if block["type"] == "image":
            images += 1
            words += count_words(value.get("caption") or "")
        elif block["type"] == "video":
            video_seconds += int(value.get("duration_seconds") or 0)
        elif isinstance(value, str):
            words += count_words(value)
        elif isinstance(value, dict):
            words += sum(count_words(v) for v in value.values() if isinstance(v, str))
        # anything else (a step break) has no words
    return reading_minutes(words=words, images=images, video_seconds=video_seconds)


def course_minutes(*, lesson_minutes: list[int], questions: int) -> int:
    """A course's duration: its lessons' reading minutes plus time for their quizzes' questions."""
    return sum(lesson_minutes) + math.ceil(questions * SECONDS_PER_QUESTION / 60)
