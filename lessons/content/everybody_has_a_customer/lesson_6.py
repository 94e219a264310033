"""Lesson 6: listen to complaints and lead from where you sit.

The first half of what was one lesson, "Listen, measure, and lead from anywhere": its
slug stays here, so existing deployments keep this page, its id and its xAPI IRI.
Numbers leaders watch and making customer focus stick are lesson 7.

The file clerk's story goes exactly as far as the sources do: the clerk noticed that
many file requests were about misspelled names on contracts, and dealt with it. How it
was fixed and what it saved are not known, so they are not told.
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
    "title": "Listen to complaints and lead from where you sit",
    "summary": (
        "Unhappy customers have the most to teach, and you don't need a title to act on "
        "what they tell us. Find the pattern behind a problem that keeps coming back."
    ),
    "body": [
        text(
            "<h2>Unhappy customers teach the most</h2>"
            "<p>Bill Gates is often quoted on this: in his view, the customers who are least "
            "happy with you are the ones you can learn the most from. A complaint is "
            "uncomfortable to hear. It is also advice you didn't have to pay for.</p>"
            "<p>Listen for three kinds of lesson in it: a problem in how our work flows, a "
            "quality issue in what we make or do, and now and then an idea for a product or "
            "service customers wish we offered.</p>"
        ),
        text(
            "<h2>One complaint, or a pattern?</h2>"
            "<p>A single complaint may be bad luck. When several customers report the same "
            "thing, it is a pattern, and a pattern has a cause somewhere in how we work.</p>"
            "<p>Sorting out each case calms one customer at a time. Removing the cause helps "
            "everyone who would have met the problem next, including any who would never "
            "have told us and simply gone elsewhere.</p>"
        ),
        example(
            "Damaged pumps",
            "<p>Customers kept reporting that shipments of certain pumps arrived damaged. "
            "Engineers took the reports together, as one problem, and started a project on "
            "the packaging.</p>"
            "<p>Customers saw the company act on what they had said, and their ratings of "
            "its service and quality went up.</p>",
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
            "<h2>Start where you sit</h2>"
            "<p>Nobody has to give you permission to notice. When the same question, error "
            "or complaint comes back, write it down each time. A handful of dated examples "
            "turns <i>this keeps happening</i> into something people can act on.</p>"
            "<p>If the cause is yours to remove, remove it. If it sits with another team, "
            "take them the examples. Either way, you have started an improvement; the next "
            "lesson shows how to make it count.</p>"
        ),
        takeaway(
            "<p>Listen hardest to unhappy customers. When a problem keeps coming back, look "
            "for its cause and act on it, whatever your role.</p>"
        ),
        reflection(
            "Which complaint, question or error comes back again and again in your work? "
            "Who could remove its cause?"
        ),
    ],
    "quiz": quiz(
        "Listen and lead",
        single_choice(
            "In one month, three customers say our delivery notes don't match what is in "
            "the box. What is the best first move?",
            explanation=(
                "A complaint that repeats is a pattern, and a pattern has a cause. Finding it "
                "helps every customer who would meet the problem next."
            ),
            choices=[
                choice(
                    "Look for what the three cases have in common",
                    "Right. Three of the same is a pattern. Its cause is in how we work, and "
                    "removing it protects the customers who haven't complained yet.",
                    correct=True,
                ),
                choice(
                    "Apologise to each and correct their paperwork",
                    "Needed, but not enough. It settles three cases and leaves the cause in "
                    "place for the next customer.",
                ),
                choice(
                    "Wait and see: three among hundreds is bad luck",
                    "One might be bad luck. The same complaint three times is worth a look, "
                    "and not every unhappy customer tells us.",
                ),
                choice(
                    "Pass it to the complaints team: it's theirs",
                    "They can help, but whoever notices a pattern can start on it. Passing it "
                    "on without the pattern loses the clue.",
                ),
            ],
        ),
        multiple_response(
            "A maker of bike parts reads a year of complaints. What could it learn from them?",
            explanation=(
                "Complaints point to problems in how work flows, to quality issues and to "
                "ideas for what customers wish we offered."
            ),
            choices=[
                choice(
                    "Its order form confuses trade customers",
                    "Yes. A problem in how work flows shows up as the same complaint from "
                    "many customers.",
                    correct=True,
                ),
                choice(
                    "One batch of brake pads wears out too fast",
                    "Yes. A quality issue can reach the company as complaints before any test "
                    "finds it.",
                    correct=True,
                ),
                choice(
                    "Riders want a repair kit it doesn't sell",
                    "Yes. Complaints about what is missing can be ideas for new products or "
                    "services.",
                    correct=True,
                ),
                choice(
                    "Which customers are not worth keeping",
                    "Complaints usually reveal something in our own system that affects many "
                    "customers. Blaming the customer misses the lesson.",
                ),
            ],
        ),
        true_false(
            "Ravi, a warehouse picker, sees the same labelling error on many orders. Acting "
            "on it is his manager's job, not his.",
            answer=False,
            explanation=(
                "Anyone who notices a repeated problem and acts on it is leading, whatever "
                "their title."
            ),
            if_true=(
                "Not so. Ravi has already done the hard part, seeing the pattern. He can fix "
                "it if it is his to fix, or take the examples to whoever owns the cause."
            ),
            if_false=(
                "Right. Noticing the pattern is already leadership, and acting on it is open "
                "to anyone, in any role."
            ),
        ),
        single_choice(
            "Most visitors ask the receptionist for the guest Wi-Fi code. What would leading "
            "from where she sits look like?",
            explanation=(
                "Leading from where you sit: notice what keeps coming back, and remove its "
                "cause rather than handling each case on its own."
            ),
            choices=[
                choice(
                    "Put the code where visitors see it as they arrive",
                    "Right. She saw the pattern and removed its cause: visitors no longer "
                    "need to ask, and she has time for what only she can do.",
                    correct=True,
                ),
                choice(
                    "Answer each visitor as quickly and kindly as she can",
                    "Kind answers matter, but they treat each case on its own. Seeing that "
                    "most visitors ask the same thing is where leadership starts.",
                ),
                choice(
                    "Wait until facilities ask how reception could improve",
                    "Nobody needs to ask first. She sees the pattern every day, so she is "
                    "best placed to act on it.",
                ),
            ],
        ),
        single_choice(
            "Complaints about your team's work have fallen almost to zero. What does that "
            "tell you?",
            explanation=(
                "No complaints is not the same as delighted customers: some unhappy "
                "customers never complain. Keep asking, and aim to delight."
            ),
            choices=[
                choice(
                    "Less than it seems: some unhappy customers just leave",
                    "Right. Silence can mean content customers or quietly lost ones. Ask "
                    "them, and aim to make them glad they dealt with you.",
                    correct=True,
                ),
                choice(
                    "That customers are now delighted with our work",
                    "Not necessarily. Delight is more than having nothing to complain about, "
                    "and some customers never say what bothers them.",
                ),
                choice(
                    "That it's safe to stop asking for feedback",
                    "The opposite. Fewer complaints means fewer free lessons, so you need to "
                    "ask for them.",
                ),
            ],
        ),
    ),
}
