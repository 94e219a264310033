"""xAPI vocabulary used by Touchpoint: verbs, activity types, interaction types.

IRIs from the ADL vocabulary (adlnet/xapi-authored-profiles, `adl/`); display
maps are the ADL English labels.
"""

from typing import Final

LanguageMap = dict[str, str]

# Verbs (xAPI Data 2.4.3)
VERB_EXPERIENCED_ID: Final = "http://adlnet.gov/expapi/verbs/experienced"
VERB_EXPERIENCED_DISPLAY: Final[LanguageMap] = {"en-US": "experienced"}
VERB_ATTEMPTED_ID: Final = "http://adlnet.gov/expapi/verbs/attempted"
VERB_ATTEMPTED_DISPLAY: Final[LanguageMap] = {"en-US": "attempted"}
VERB_ANSWERED_ID: Final = "http://adlnet.gov/expapi/verbs/answered"
VERB_ANSWERED_DISPLAY: Final[LanguageMap] = {"en-US": "answered"}
VERB_PASSED_ID: Final = "http://adlnet.gov/expapi/verbs/passed"
VERB_PASSED_DISPLAY: Final[LanguageMap] = {"en-US": "passed"}
VERB_FAILED_ID: Final = "http://adlnet.gov/expapi/verbs/failed"
VERB_FAILED_DISPLAY: Final[LanguageMap] = {"en-US": "failed"}
VERB_COMPLETED_ID: Final = "http://adlnet.gov/expapi/verbs/completed"
VERB_COMPLETED_DISPLAY: Final[LanguageMap] = {"en-US": "completed"}
# Session verbs of cmi5 (cmi5 9.3.2, 9.3.8), sent only to an LMS that launched a lesson.
VERB_INITIALIZED_ID: Final = "http://adlnet.gov/expapi/verbs/initialized"
VERB_INITIALIZED_DISPLAY: Final[LanguageMap] = {"en-US": "initialized"}
VERB_TERMINATED_ID: Final = "http://adlnet.gov/expapi/verbs/terminated"
VERB_TERMINATED_DISPLAY: Final[LanguageMap] = {"en-US": "terminated"}

# Activity types (xAPI Data 2.4.4.1, ADL activity types)
ACTIVITY_TYPE_COURSE: Final = "http://adlnet.gov/expapi/activities/course"
ACTIVITY_TYPE_LESSON: Final = "http://adlnet.gov/expapi/activities/lesson"
ACTIVITY_TYPE_ASSESSMENT: Final = "http://adlnet.gov/expapi/activities/assessment"
ACTIVITY_TYPE_INTERACTION: Final = "http://adlnet.gov/expapi/activities/cmi.interaction"

# Interaction types (xAPI Data 2.4.4.1 "Interaction Activities"); only the
# ones our question types map to.
INTERACTION_TRUE_FALSE: Final = "true-false"
INTERACTION_CHOICE: Final = "choice"
INTERACTION_SEQUENCING: Final = "sequencing"
INTERACTION_MATCHING: Final = "matching"
INTERACTION_LIKERT: Final = "likert"

# Our quiz question types -> xAPI interactionType.
QUESTION_TYPE_TO_INTERACTION: Final[dict[str, str]] = {
    "single_choice": INTERACTION_CHOICE,
    "multiple_response": INTERACTION_CHOICE,
    "true_false": INTERACTION_TRUE_FALSE,
    "sequencing": INTERACTION_SEQUENCING,
    "matching": INTERACTION_MATCHING,
    "likert": INTERACTION_LIKERT,
}

# Response pattern delimiters (xAPI Data 2.4.4.1, correctResponsesPattern).
RESPONSE_ITEM_DELIMITER: Final = "[,]"
RESPONSE_PAIR_DELIMITER: Final = "[.]"

# Kinds used in our activity IRIs: {XAPI_ACTIVITY_BASE}/{kind}/{stable key}.
ACTIVITY_KINDS: Final = frozenset({"course", "lesson", "quiz", "question"})
