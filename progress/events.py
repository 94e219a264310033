"""Progress events, as Django signals.

Sent by progress/services.py inside the service's transaction, each exactly once
per learner and lesson/course (guarded by a conditional UPDATE ... WHERE
<time> IS NULL that must change a row), so receivers may record without
deduplicating. Receivers must not do slow work (no HTTP).

- ``lesson_experienced(sender=LessonProgress, user, lesson, course, at)``
- ``lesson_completed(sender=LessonProgress, user, lesson, course, at, attempt)``:
  ``attempt`` is the passing attempt, or None for a lesson without a quiz.
- ``course_completed(sender=CourseProgress, user, course, at)``
"""

from django.dispatch import Signal

lesson_experienced = Signal()
lesson_completed = Signal()
course_completed = Signal()
