"""Learning events of the quiz engine, as Django signals.

Sent by quizzes/services.py inside the service's transaction, so a receiver that
writes rows (the xAPI outbox) commits or rolls back together with the attempt.
Receivers must not do slow work (no HTTP): record, and let a worker deliver.

- ``attempt_started(sender=Attempt, attempt=...)``: a new attempt was created
  (not sent when an in-progress attempt is resumed).
- ``question_answered(sender=Attempt, attempt=..., question=..., answer=..., result=..., at=...)``:
  one question of the attempt was answered and scored (the answer is final).
  ``question`` is its snapshot dict, ``answer`` the normalized answer,
  ``result`` the scoring.QuestionResult, ``at`` the time it was stored. Sent
  once per question: by the per-answer service as each answer arrives, and by
  the whole-attempt submit for each question it answers, before
  ``attempt_submitted``. Optional ``context_parent``, as for ``attempt_submitted``.
- ``attempt_submitted(sender=Attempt, attempt=..., answers=...)``: the attempt is
  finished (its last question answered), its score fields and ``result`` filled
  (a survey, ``attempt.survey``, has no score and ``passed`` None); ``attempt.questions`` is the
  snapshot it was scored against; ``answers`` maps question id to the
  normalized answer (see quizzes.scoring.normalize_answers). Optional
  ``context_parent``: the parent page of ``attempt.context_page`` (e.g. its
  course), sent when the submitting service has it, so receivers need not look
  it up; absent otherwise (receivers must accept both).
"""

from django.dispatch import Signal

attempt_started = Signal()
question_answered = Signal()
attempt_submitted = Signal()
