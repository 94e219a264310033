"""Progress events, as Django signals.

Sent by progress/services.py inside the service's transaction, each exactly once
per learner and lesson/course (decided under the learner's progress row locks;
the course's by a conditional UPDATE ... WHERE completed_at IS NULL that must
change a row), so receivers may record without deduplicating. Receivers must
not do slow work (no HTTP); those that write rows may collect them until the
end of the service (touchpoint/unit_of_work.py).

- ``lesson_experienced(sender=LessonProgress, user, lesson, course, at)``
- ``lesson_completed(sender=LessonProgress, user, lesson, course, at, attempt)``:
  ``attempt`` is the passing attempt, or None for a lesson without a quiz.
- ``course_completed(sender=CourseProgress, user, course, at)``
"""

from django.dispatch import Signal

lesson_experienced = Signal()
lesson_completed = Signal()
course_completed = Signal()
