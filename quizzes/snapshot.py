"""Turn a quiz's StreamField into plain question dicts: what scoring and the API work on.

Shape (see quizzes/scoring.py): {"id", "type", "prompt", "explanation", "points",
"choices": [{"id", "text", "correct", "feedback", "position", "target"}],
"targets": [{"id", "text"}]}.
Question ids are the StreamField block ids and choice ids the list item ids, so
they stay stable across revisions; true/false choices are "true"/"false"; likert
choices are the scale points "likert_1".."likert_n"; matching targets get an id
derived from their text.
"""

import hashlib


def target_id(text: str) -> str:
    return "t-" + hashlib.sha1(text.strip().casefold().encode()).hexdigest()[:10]


def _choice(id_, text, *, correct=False, feedback="", position=None, target=None) -> dict:
    return {"id": id_, "text": text, "correct": correct, "feedback": feedback or "",
            "position": position, "target": target}


def question_snapshot(block) -> dict:
    """One StreamField child (a bound block with .id, .block_type, .value) as a plain dict."""
    kind, value = block.block_type, block.value
    question = {
        "id": str(block.id),
        "type": kind,
        "prompt": value["prompt"],
        "explanation": value.get("explanation") or "",
        "points": 0 if kind == "likert" else int(value["points"]),
        "choices": [],
        "targets": [],
    }
    if kind in ("single_choice", "multiple_response"):
        question["choices"] = [
            _choice(str(item.id), item.value["text"], correct=bool(item.value["correct"]),
                    feedback=item.value["feedback"])
            for item in value["choices"].bound_blocks
        ]
    elif kind == "true_false":
        truth = bool(value["answer_is_true"])
        question["choices"] = [
            _choice("true", "True", correct=truth, feedback=value["feedback_true"]),
            _choice("false", "False", correct=not truth, feedback=value["feedback_false"]),
        ]
    elif kind == "sequencing":
        question["choices"] = [
            _choice(str(item.id), item.value["text"], feedback=item.value["feedback"],
                    position=int(item.value["position"]))
            for item in value["choices"].bound_blocks
        ]
    elif kind == "matching":
        items = list(value["choices"].bound_blocks)
        question["choices"] = [
            _choice(str(item.id), item.value["text"], feedback=item.value["feedback"],
                    target=target_id(item.value["target"]))
            for item in items
        ]
        seen: dict[str, str] = {}
        for item in items:
            seen.setdefault(target_id(item.value["target"]), item.value["target"].strip())
        question["targets"] = [{"id": key, "text": text} for key, text in sorted(
            seen.items(), key=lambda pair: pair[1].casefold())]
    elif kind == "likert":
        question["choices"] = [
            _choice(f"likert_{n}", label) for n, label in enumerate(value["scale"], start=1)
        ]
    else:  # pragma: no cover - a new block type must be added here and in scoring
        raise ValueError(f"unknown question type {kind!r}")
    return question


def quiz_questions(quiz) -> list[dict]:
    """All questions of a quiz (the row's own fields: for a live quiz, the published revision)."""
    return [question_snapshot(block) for block in quiz.questions]
