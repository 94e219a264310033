"""Lesson 6: listen, measure, and lead from anywhere.

The file clerk's story goes exactly as far as the sources do: the clerk noticed
that many file requests were about misspelled names on contracts, and dealt with
it. How it was fixed and what it saved are not known, so they are not told.
"""

from ..builders import (
    choice,
    example,
    figure,
    multiple_response,
    quiz,
    reflection,
    single_choice,
    takeaway,
    text,
    true_false,
)

LESSON = {
    "slug": "listen-measure-and-lead-from-anywhere",
    "title": "Listen, measure, and lead from anywhere",
    "summary": (
        "Unhappy customers teach the most, anyone can lead an improvement, and numbers make "
        "it spread. Finish with the three steps that make customer focus stick."
    ),
    "body": [
        text(
            "<h2>Unhappy customers teach the most</h2>"
            "<p>Bill Gates is often credited with the line that your most unhappy customers "
            "are your greatest source of learning. A complaint is uncomfortable, but it is "
            "free advice.</p>"
            "<p>Feedback points to problems in the system, quality issues and even ideas for "
            "new products. One complaint may be bad luck. The same complaint ten times is a "
            "pattern, and a pattern can be dealt with at its source.</p>"
        ),
        example(
            "Damaged pumps",
            "<p>Customers kept reporting that shipments of certain pumps arrived damaged. "
            "Engineers looked at the pattern and started a packaging project. Once customers "
            "saw the company act, their ratings of its service and quality rose.</p>",
        ),
        text(
            "<h2>Anyone can lead</h2>"
            "<p>You don't need a title to improve what customers experience. You need to "
            "notice what keeps going wrong, and act on it.</p>"
            "<p>People in back-office and support roles often see problems first, because "
            "they handle the fallout every day: the question that keeps coming back, the form "
            "that is always filled in wrongly. Each one is a clue.</p>"
        ),
        example(
            "The file clerk",
            "<p>A file clerk noticed that many requests for contract files had one thing in "
            "common: names misspelled on the contracts. The clerk dealt with it.</p>"
            "<p>The leadership here is the noticing. Requests arrive one at a time; seeing "
            "that many share a cause is what turns routine work into an improvement.</p>",
        ),
        figure(
            "file-clerk.svg",
            alt=(
                "Three steps. Many requests for contract files arrive. Many are about names "
                "misspelled on the contracts. The file clerk spots the pattern and deals "
                "with it."
            ),
            caption="Requests arrive one by one. Seeing what they share is the leadership.",
        ),
        text(
            "<h2>Speak the language leaders watch</h2>"
            "<p>Tie each improvement to a number leaders already follow. <i>We made quoting "
            "better</i> is easy to ignore. <i>The average time to answer a quote request fell "
            "from 12\u201315 days to 2\u20133 days in three months</i> is not.</p>"
            "<p>A number like that wins leaders' attention, support and funding for the next "
            "step. Before you start, pick the measure the change should move and note where "
            "it stands today.</p>"
        ),
        text(
            "<h2>What's in it for you</h2>"
            "<p>The number also gives you something concrete to show for your work. People "
            "known for improving what customers experience gain influence with decision "
            "makers, and a real achievement for their CV.</p>"
            "<p>That is not a selfish reason to care. It is the priority order paying off: "
            "serve customers well, and your own interest tends to follow.</p>"
        ),
        text(
            "<h2>Making it stick</h2>"
            "<p>One good project is a start. Lasting customer focus takes three steps:</p>"
            "<ol>"
            "<li><b>Culture.</b> Every employee, in every interaction, every day, with senior "
            "managers steadily reshaping it.</li>"
            "<li><b>Planning.</b> Plan the customer's experience of a project in as much "
            "detail as its quality, budget and schedule, as a good building contractor "
            "does.</li>"
            "<li><b>Institutionalising.</b> Build it into the processes people follow, measure "
            "it, and put it in reviews and incentives. What is measured gets attention.</li>"
            "</ol>"
        ),
        figure(
            "making-it-stick.svg",
            alt=(
                "Three steps rising like a staircase. 1, culture: every employee, every day. "
                "2, planning: the customer's experience, planned in detail. 3, "
                "institutionalising: in processes, measured and rewarded."
            ),
            caption="Culture, planning, institutionalising: each step holds up the next.",
        ),
        takeaway(
            "<p>Listen hardest to unhappy customers, act on patterns wherever you sit, show "
            "results in numbers leaders watch, and build customer focus into how work is "
            "planned and rewarded.</p>"
        ),
        reflection(
            "Which complaint or error do you see again and again in your work? What number "
            "would show it getting better?"
        ),
    ],
    "quiz": quiz(
        "Listen, measure, lead",
        single_choice(
            "Why are unhappy customers such a valuable source of learning?",
            explanation=(
                "Their feedback reveals problems in the system, quality issues and product "
                "ideas that are hard to see from inside."
            ),
            choices=[
                choice(
                    "Their complaints point to causes we can fix",
                    "Right. A repeated complaint is a pattern, and a pattern usually has a "
                    "cause you can remove for every customer.",
                    correct=True,
                ),
                choice(
                    "They buy more often than happy customers",
                    "Not on their own. Their value is what they tell us; acting on it is "
                    "what can win them back.",
                ),
                choice(
                    "They show which customers to stop serving",
                    "That misses the point. Complaints usually reveal something in our system "
                    "that affects many customers, not just one.",
                ),
            ],
        ),
        true_false(
            "Only managers can lead improvements to the customer experience.",
            answer=False,
            explanation=(
                "Anyone who notices a repeated problem and acts on it is leading, whatever "
                "their title."
            ),
            if_true=(
                "Not so. A file clerk noticed that many file requests were about misspelled "
                "names on contracts, and dealt with it."
            ),
            if_false=(
                "Right. Leading here means noticing a pattern and acting on it, and anyone "
                "in any role can do that."
            ),
        ),
        single_choice(
            "You cut the time it takes to answer quote requests. How should you report it?",
            explanation=(
                "Tie improvements to numbers leaders already watch, with a before and an "
                "after."
            ),
            choices=[
                choice(
                    "Average reply time fell from 12\u201315 to 2\u20133 days",
                    "Right. A before-and-after figure on a measure leaders already follow is "
                    "hard to ignore and easy to copy.",
                    correct=True,
                ),
                choice(
                    "The team worked very hard on quotes",
                    "Effort is the inside view. Leaders and customers respond to results, so "
                    "show what changed for customers.",
                ),
                choice(
                    "No need: customers will notice anyway",
                    "Customers may notice, but colleagues won't learn from it, and leaders "
                    "won't fund the next step.",
                ),
            ],
        ),
        multiple_response(
            "Why tie an improvement to a number leaders already watch?",
            explanation=(
                "A number leaders watch wins attention, support and funding, and gives the "
                "person who did it something concrete to show."
            ),
            choices=[
                choice(
                    "It wins attention, support and funding",
                    "Yes. Leaders act on what they already measure, so the next step gets "
                    "backing.",
                    correct=True,
                ),
                choice(
                    "It gives you something concrete to show",
                    "Yes. A result in numbers builds influence with decision makers and "
                    "belongs on your CV.",
                    correct=True,
                ),
                choice(
                    "It proves the change raised profits",
                    "A number shows what moved, not everything it caused. Keep claims to what "
                    "the measure shows.",
                ),
            ],
        ),
        multiple_response(
            "Which three steps make customer focus stick?",
            explanation=(
                "Culture, planning and institutionalising: every employee every day, the "
                "customer's experience planned in detail, and measurement tied to reviews "
                "and incentives."
            ),
            choices=[
                choice(
                    "Culture: every employee, every day",
                    "Yes. Senior managers reshape it steadily, and everyone lives it in every "
                    "interaction.",
                    correct=True,
                ),
                choice(
                    "Planning the customer's experience",
                    "Yes. Plan it with the same care as quality, budget and schedule, or "
                    "those will squeeze it out.",
                    correct=True,
                ),
                choice(
                    "Measuring it, with reviews and incentives",
                    "Yes. What gets measured and rewarded gets attention, so this is what "
                    "makes the change last.",
                    correct=True,
                ),
                choice(
                    "A one-off training day with a slogan",
                    "A start at best. Without daily attention, planning and measurement, the "
                    "slogan fades within weeks.",
                ),
            ],
        ),
    ),
}
