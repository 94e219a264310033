"""Lesson 7: make it count and make it stick.

The second half of what was one lesson ("Listen, measure, and lead from anywhere"): why
to show an improvement in a number leaders already watch (their attention, support and
funding, and something to show for it), then the three steps that make customer focus
last: culture, planning (the building contractor) and institutionalising. A new lesson
with its own slug; lesson 6 keeps the old one.
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
    "slug": "make-it-count-and-make-it-stick",
    "title": "Make it count and make it stick",
    "summary": (
        "Show an improvement in a number leaders already watch, and see what that wins. "
        "Then how culture, planning and everyday processes make customer focus last."
    ),
    "body": [
        text(
            "<h2>Speak the language leaders watch</h2>"
            "<p>Leaders already follow a handful of numbers: how fast orders ship, how many "
            "invoices are disputed, how long customers wait for an answer. Tie your "
            "improvement to one of those.</p>"
            "<p>Compare two reports. <i>We made quoting better</i> is easy to nod at and "
            "forget. Now the other: customers used to wait 12 to 15 days, on average, for an "
            "answer to a quote request; three months later the average was 2 to 3 days. "
            "That one gets read twice.</p>"
        ),
        text(
            "<h2>Why a number works</h2>"
            "<p>A number leaders already track does three things for an improvement. It gets "
            "their <b>attention</b>, because it lands where they are already looking. It "
            "earns their <b>support</b>, because they can see the change is real. And it "
            "opens the way to <b>funding</b> for the next step, because a result is easier "
            "to back than a promise.</p>"
            "<p>So before you change anything, choose the measure the change should move, "
            "and note where it stands today.</p>"
        ),
        text(
            "<h2>What's in it for you</h2>"
            "<p>The same number gives you something real to show for your work. People known "
            "for making customers' experience better gain influence with decision makers, "
            "and a concrete achievement for their CV.</p>"
            "<p>That is not a selfish reason to care. It is the priority order paying off: "
            "serve customers well, and your own interest tends to follow.</p>"
        ),
        figure(
            "a-number-leaders-watch.svg",
            alt=(
                "Two reports of one result. Easy to ignore: we made quoting better. Hard to "
                "ignore: the average wait for a quote fell from 12 to 15 days to 2 to 3 days "
                "within three months. That wins attention, support, funding and something "
                "to show for it."
            ),
            caption=(
                "Put a result in a number leaders already follow, with a before and an "
                "after."
            ),
        ),
        text(
            "<h2>Making it stick: culture</h2>"
            "<p>One good project is a start. Customer focus lasts when three things hold it "
            "up, and the first is culture.</p>"
            "<p>Culture here means every employee, in every interaction, every day: the "
            "call, the invoice, the hand-off. No single speech sets it. Senior managers "
            "reshape it steadily, through what they ask about, praise and make time for, "
            "week after week.</p>"
        ),
        example(
            "Planning, the contractor's way",
            "<p>A good building contractor plans a project's quality, budget and schedule in "
            "detail. Planning, as a step to customer focus, means giving the customer's "
            "experience of the project the same care.</p>"
            "<p>Picture a school extension. Next to the build plan sits a plan for the "
            "school: noisy work outside lesson times, one named person the head can call, a "
            "short update every Friday. How it feels to be the customer is planned, not left "
            "to chance.</p>",
        ),
        text(
            "<h2>Institutionalising: build it in</h2>"
            "<p>The third step makes customer focus part of how work is done, so it doesn't "
            "depend on anyone remembering. Write it into the processes people follow. "
            "Measure it. Then put it in performance reviews and incentives.</p>"
            "<p>The reason is simple: what is measured gets attention. An intention that "
            "lives only on a poster fades; one built into the order process, the review "
            "form and the bonus lasts.</p>"
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
            "<p>Show each improvement in a number leaders already watch: it wins attention, "
            "support and funding, and gives you something to show. Then make customer focus "
            "last through culture, planning and processes that measure and reward it.</p>"
        ),
        reflection(
            "Which number your leaders already watch would your last improvement have "
            "moved? Where does it stand today?"
        ),
    ],
    "quiz": quiz(
        "Count it, then make it last",
        single_choice(
            "Your team now answers warranty claims in 3 days, not 10. Your director gives you "
            "two minutes. What do you lead with?",
            explanation=(
                "Lead with a before and an after on a measure leaders already follow: it is "
                "hard to ignore and easy to back."
            ),
            choices=[
                choice(
                    "Claim reply time before and after, as her report shows it",
                    "Right. It lands where she already looks, shows the change is real, and "
                    "makes the next step easy to back.",
                    correct=True,
                ),
                choice(
                    "A customer's email thanking us for the speed",
                    "A good story to add, but one email can't show how big the change is or "
                    "that it lasts. Lead with the number, then the email.",
                ),
                choice(
                    "How the new process works, step by step",
                    "She'll ask how if the result interests her. Lead with what changed for "
                    "customers, in her terms.",
                ),
                choice(
                    "The team's effort: late nights and a new checklist",
                    "Effort is the inside view. Thank the team, by all means, but a result "
                    "is what wins support for the next step.",
                ),
            ],
        ),
        multiple_response(
            "Lena shows her fix as a drop in disputed invoices, a figure the finance director "
            "reviews monthly. What does that win?",
            explanation=(
                "A number leaders watch wins their attention, support and funding, and gives "
                "the person who did it something concrete to show."
            ),
            choices=[
                choice(
                    "The director's attention, where she already looks",
                    "Yes. A figure she reviews anyway needs no persuading to be seen.",
                    correct=True,
                ),
                choice(
                    "Backing, and perhaps a budget, for the next fix",
                    "Yes. A result is easier to support and fund than a promise.",
                    correct=True,
                ),
                choice(
                    "A result Lena can point to in her own review",
                    "Yes. Being known for improving what customers experience builds "
                    "influence, and belongs on a CV.",
                    correct=True,
                ),
                choice(
                    "Proof that her fix raised the company's profit",
                    "A number shows what moved, not everything it caused. Fewer disputes may "
                    "help profit, but the figure doesn't prove it.",
                ),
            ],
        ),
        single_choice(
            "A team plans a client's office move: budget, schedule, quality checks. What "
            "does planning the client's experience add?",
            explanation=(
                "Planning means giving the customer's experience of a project the same "
                "detailed care as its quality, budget and schedule."
            ),
            choices=[
                choice(
                    "What the client will notice and need at each stage",
                    "Right. Who they call, when they are disrupted, how they hear of "
                    "progress: planned like the rest, not left to chance.",
                    correct=True,
                ),
                choice(
                    "A tighter schedule, so the disruption is shorter",
                    "Shorter helps, but that is the schedule again. Planning the experience "
                    "asks what the client lives through while the work goes on.",
                ),
                choice(
                    "A satisfaction survey once the move is done",
                    "Worth doing, but it measures afterwards. Planning shapes the experience "
                    "before it happens.",
                ),
            ],
        ),
        multiple_response(
            "Last year's customer-first campaign faded within months. What would help the "
            "next one last?",
            explanation=(
                "Institutionalising: build customer focus into the processes people follow, "
                "measure it, and put it in reviews and incentives."
            ),
            choices=[
                choice(
                    "Build the new habits into the steps of the process",
                    "Yes. Built into the process, a habit happens because that is how the work "
                    "is done, not because someone remembered.",
                    correct=True,
                ),
                choice(
                    "Measure the habits and discuss them in reviews",
                    "Yes. What is measured gets attention, and a review is where people see "
                    "what really counts.",
                    correct=True,
                ),
                choice(
                    "Make the habits count towards incentives and bonuses",
                    "Yes. Rewards tell people what the company means, more loudly than "
                    "posters do.",
                    correct=True,
                ),
                choice(
                    "A bolder launch with a slogan people remember",
                    "A launch is a start, but slogans fade. Without processes, measures and "
                    "rewards behind it, this one will too.",
                ),
                choice(
                    "A rousing speech by the chief executive",
                    "Leaders matter, but culture is reshaped steadily, week after week, not "
                    "at one event.",
                ),
            ],
        ),
        true_false(
            "Our customer values are on every wall and in the chief executive's yearly "
            "speech. That makes them our culture.",
            answer=False,
            explanation=(
                "Culture is what every employee does in every interaction, every day, "
                "reshaped steadily by senior managers, not what is written or said once."
            ),
            if_true=(
                "Not so. Words on a wall are an intention. Culture is what people actually "
                "do with customers and colleagues, every day."
            ),
            if_false=(
                "Right. Culture shows in everyday interactions, and leaders shape it by what "
                "they ask about, praise and make time for, week after week."
            ),
        ),
    ),
}
