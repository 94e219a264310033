"""cmi5 profile IRIs and values (cmi5 spec sections 9, 10, 13), in one place.

Verb IRIs shared with the corporate LRS statements live in xapi/vocabulary.py.
"""

from typing import Final

# Course structure (cmi5 13, 14)
COURSE_STRUCTURE_NS: Final = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
TINCAN_NS: Final = "http://projecttincan.com/tincan.xsd"

# moveOn (cmi5 13.1.4): the ones a Touchpoint lesson can have.
MOVE_ON_COMPLETED: Final = "Completed"
MOVE_ON_COMPLETED_AND_PASSED: Final = "CompletedAndPassed"
MOVE_ON_VALUES: Final = frozenset(
    {"NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed"}
)
# Our pages refuse to be framed (X-Frame-Options: DENY): the LMS opens a window or redirects.
LAUNCH_METHOD: Final = "OwnWindow"

# Launch modes (cmi5 10.2.2)
MODE_NORMAL: Final = "Normal"
MODE_BROWSE: Final = "Browse"
MODE_REVIEW: Final = "Review"
LAUNCH_MODES: Final = frozenset({MODE_NORMAL, MODE_BROWSE, MODE_REVIEW})

# State and Agent Profile documents (cmi5 10, 11)
LAUNCH_DATA_STATE_ID: Final = "LMS.LaunchData"
LEARNER_PREFERENCES_PROFILE_ID: Final = "cmi5LearnerPreferences"

# Context (cmi5 9.6)
CATEGORY_CMI5: Final = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CATEGORY_MOVEON: Final = "https://w3id.org/xapi/cmi5/context/categories/moveon"
EXTENSION_SESSION_ID: Final = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
EXTENSION_MASTERY_SCORE: Final = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"

# The xAPI version of every request to an LMS (cmi5 is a profile of xAPI 1.0.3).
XAPI_VERSION: Final = "1.0.3"
