"""The first course, "Everybody Has a Customer", as plain data: one module per lesson.

Written in our own words from the content brief (/work/shared/content/BRIEF.md).
The shape maps 1:1 onto CoursePage, LessonPage (body StreamField) and the Quiz
snippet (questions StreamField); ``manage.py seed_course`` loads it, and the
figures from lessons/content/figures/. Each body block is one idea that fits a
phone screen, because lessons are shown one block per step. The course's lesson
count and duration are computed from the lessons, so no text here states them.
"""

from . import lesson_1, lesson_2, lesson_3, lesson_4, lesson_5, lesson_6, lesson_7

COURSE = {
    "slug": "everybody-has-a-customer",
    "title": "Everybody Has a Customer",
    "summary": (
        "Whatever your role, your work reaches a customer in the end. Short lessons on "
        "seeing that chain, serving it well and improving it from wherever you sit."
    ),
    "learning_objectives": [
        "Explain how every touchpoint, seen or unseen, creates or destroys customer value.",
        "Name the internal and paying customers your own work serves.",
        "Tell the inside view of customer focus from the customer's view, and check it.",
        "Apply the priority order: paying customers, then colleagues, then your own team.",
        "Tell engagement from ambassadorship, and name what you need to serve customers.",
        "Learn from unhappy customers and act on a repeated problem, whatever your role.",
        "Show an improvement in a number leaders watch, and help customer focus last.",
    ],
    "hero_alt": "Abstract banner: overlapping teal and amber circles on a dark navy background",
    "lessons": [
        lesson_1.LESSON,
        lesson_2.LESSON,
        lesson_3.LESSON,
        lesson_4.LESSON,
        lesson_5.LESSON,
        lesson_6.LESSON,
        lesson_7.LESSON,
    ],
}
