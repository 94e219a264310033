"""Reading time is computed from the lesson's content: words, images and video seconds."""

import pytest
from wagtail.blocks import StreamValue

from lessons.blocks import LessonStreamBlock
from lessons.reading_time import (
    SECONDS_PER_IMAGE,
    WORDS_PER_MINUTE,
    body_reading_minutes,
    count_words,
    reading_minutes,
    reading_seconds,
)


def body(*blocks):
    """A lesson StreamValue from raw (type, value) pairs, as it is loaded from the database."""
    raw = [{"type": kind, "value": value, "id": str(i)} for i, (kind, value) in enumerate(blocks)]
    return StreamValue(LessonStreamBlock(), raw, is_lazy=True)


def test_count_words_ignores_markup_and_keeps_contractions_and_hyphens():
    assert count_words("<p>The <b>customer’s</b> well-being isn't optional.</p>") == 5


def test_count_words_of_empty_text_is_zero():
    assert count_words("") == 0
    assert count_words("<p> </p>") == 0


@pytest.mark.parametrize(
    ("words", "minutes"),
    [
        (0, 1),
        (1, 1),
        (WORDS_PER_MINUTE, 1),
        (WORDS_PER_MINUTE + 1, 2),
        (3 * WORDS_PER_MINUTE, 3),
        (800, 4),
    ],
)
def test_reading_minutes_from_words_rounds_up_with_a_minimum_of_one(words, minutes):
    assert reading_minutes(words=words) == minutes


def test_reading_seconds_adds_images_and_video():
    assert reading_seconds(words=WORDS_PER_MINUTE, images=2, video_seconds=45) == (
        60 + 2 * SECONDS_PER_IMAGE + 45
    )


def test_images_and_video_can_push_a_lesson_into_the_next_minute():
    assert reading_minutes(words=WORDS_PER_MINUTE) == 1
    assert reading_minutes(words=WORDS_PER_MINUTE, images=1) == 2
    assert reading_minutes(words=0, video_seconds=121) == 3


def test_body_reading_minutes_counts_every_block_type():
    text = " ".join(["word"] * 300)  # 90 s
    value = body(
        ("text", f"<p>{text}</p>"),
        ("image", {"image": 1, "alt_text": "not counted", "caption": "two words"}),  # 10 s + 1 s
        (
            "video",
            {
                "video": "https://example.com/v",
                "title": "not counted",
                "duration_seconds": 120,
                "transcript": "",
            },
        ),  # 120 s
        ("takeaway", {"heading": "Key", "text": "<p>one two three</p>"}),
        ("example", {"title": "Case", "body": "<p>four five</p>"}),
        ("reflection", {"prompt": "six seven eight nine"}),
    )
    # words: 300 + 2 + 1 + 3 + 1 + 2 + 4 = 313 -> 94 s; + 10 s image + 120 s video = 224 s
    assert body_reading_minutes(value) == 4


def test_body_reading_minutes_of_an_empty_body_is_one():
    assert body_reading_minutes(body()) == 1


def test_video_without_duration_adds_nothing():
    value = body(
        (
            "video",
            {
                "video": "https://example.com/v",
                "title": "A video",
                "duration_seconds": None,
                "transcript": "",
            },
        )
    )
    assert body_reading_minutes(value) == 1


def test_body_reading_minutes_needs_no_database_queries(django_assert_num_queries, db):
    value = body(("image", {"image": 999, "alt_text": "x", "caption": ""}))
    with django_assert_num_queries(0):
        assert body_reading_minutes(value) == 1
