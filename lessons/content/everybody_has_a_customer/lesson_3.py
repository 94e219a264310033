"""Lesson 3: ethnocentrism about customer-centricity (the inside view misleads)."""

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
    "slug": "ethnocentrism-about-customer-centricity",
    "title": "Ethnocentrism about customer-centricity",
    "summary": (
        "Feeling customer-focused is not proof of it. See why the inside view misleads, and "
        "how to look at your work the way customers do."
    ),
    "body": [
        text(
            "<h2>A word worth borrowing</h2>"
            "<p><b>Ethnocentrism</b> means judging the world mainly from the point of view of "
            "your own culture. Your own habits feel normal; everyone else's look odd.</p>"
            "<p>Teams and companies have cultures too. So we tend to judge how "
            "customer-centric we are from inside our own team, by our own yardsticks. Call it "
            "ethnocentrism about customer-centricity.</p>"
        ),
        text(
            "<h2>Feeling focused is not proof</h2>"
            "<p>Put one question to two groups: <i>does this company put customers "
            "first?</i> Inside, nearly everyone says yes. Among its customers, a good many "
            "say a firm no. Neither side is lying; they are looking from different "
            "places.</p>"
            "<p>Inside, we see our effort: the late nights, the careful processes, the good "
            "intentions. Outside, customers see results: how long they waited, whether the "
            "answer was right, whether anyone followed up. Effort they never see counts for "
            "little with them.</p>"
        ),
        figure(
            "inside-and-outside-view.svg",
            alt=(
                "Two views of the same work. The inside view, what we see: our effort, our "
                "processes, our good intentions. The outside view, what customers see: how "
                "long they waited, whether it was right, whether anyone followed up."
            ),
            caption="We judge ourselves by our effort; customers judge us by what reaches them.",
        ),
        example(
            "The proud help desk",
            "<p>An IT help desk closes 95% of tickets within a day and celebrates the figure "
            "every month. Then someone reads users' comments: many tickets were closed because "
            "the person gave up, not because the problem was solved.</p>"
            "<p>The team had measured what was easy to count from the inside. A one-question "
            "survey, <i>Was your problem solved?</i>, changed their picture of themselves, and "
            "then their work.</p>",
        ),
        text(
            "<h2>Expect to be surprised</h2>"
            "<p>When a company asks customers what they think, the answers nearly always "
            "surprise the people inside. That doesn't mean the survey went wrong. It is the "
            "gap between the two views showing itself.</p>"
            "<p>A surprise is useful: it points at exactly what the inside view missed. Treat "
            "it as information, not as an attack.</p>"
        ),
        text(
            "<h2>The remedy: look from outside</h2>"
            "<ul>"
            "<li><b>Take the customer's seat.</b> Go through your own process as a customer "
            "would: place an order, read the invoice, call the help line.</li>"
            "<li><b>Ask them.</b> A short, specific question, then listen to the answer.</li>"
            "<li><b>Measure it.</b> Track something customers care about, such as time to a "
            "solution, and look at it regularly.</li>"
            "</ul>"
            "<p>If you serve colleagues, the same steps work: ask the people who receive your "
            "work how it lands.</p>"
        ),
        example(
            "An outside view in ten minutes",
            "<p>An HR team is sure its onboarding is friendly. A coordinator asks five recent "
            "joiners one question: what confused you in your first week? Four name the same "
            "thing: nobody told them whom to ask about building access. One line in the "
            "welcome email fixes it.</p>",
        ),
        text(
            "<h2>Why this matters next</h2>"
            "<p>The inside view does more than flatter us. It also hides the moment a team "
            "starts putting its own convenience ahead of customers, because from inside, "
            "every small choice looks sensible.</p>"
            "<p>The next lesson shows how that happens, and the order of priorities that "
            "guards against it.</p>"
        ),
        takeaway(
            "<p>Don't grade your own customer focus. Take the customer's seat, ask for their "
            "view and measure it.</p>"
        ),
        reflection(
            "How would the people who receive your work rate it? How could you find out this "
            "month?"
        ),
    ],
    "quiz": quiz(
        "Inside view or outside view?",
        single_choice(
            "At a team meeting: \u201cWe're the most customer-focused team here. Look how "
            "hard we work!\u201d What is going on?",
            explanation=(
                "Ethnocentrism about customer-centricity: judging our customer focus from "
                "inside, by our own yardstick (effort), instead of from the customer's side."
            ),
            choices=[
                choice(
                    "They judge customer focus by their own yardstick",
                    "Right. Effort is what the team sees from inside. Customers judge what "
                    "reaches them, and nobody has asked them.",
                    correct=True,
                ),
                choice(
                    "Team spirit, which customers will feel too",
                    "Team spirit is welcome, but it is not evidence. Customers feel results, "
                    "and they may see those quite differently.",
                ),
                choice(
                    "A fair claim: effort usually shows in results",
                    "Not reliably. Hard work can go into things customers don't value; only "
                    "their view tells you whether it did.",
                ),
            ],
        ),
        true_false(
            "In your team's own survey, 9 in 10 say the team puts customers first. So its "
            "customers most likely agree.",
            answer=False,
            explanation=(
                "How focused a team feels and how its customers see it often differ widely. "
                "Only the customers' view settles it."
            ),
            if_true=(
                "Not so. Insiders tend to rate themselves well above how their customers "
                "rate them. The survey shows how the team feels, not how its work lands."
            ),
            if_false=(
                "Right. We see our effort; customers see our results. Ask them, and measure "
                "what they experience, before you believe the 9 in 10."
            ),
        ),
        multiple_response(
            "Your team wants to know how well its monthly report serves the people who use "
            "it. What would tell you?",
            explanation=(
                "The remedy for the inside view: take the customer's seat, ask them, and "
                "measure something they care about."
            ),
            choices=[
                choice(
                    "Ask a few readers what they use and what they skip",
                    "Yes. A short, specific question gets you the outside view quickly, from "
                    "internal and paying customers alike.",
                    correct=True,
                ),
                choice(
                    "Try to answer a real question with the report yourself",
                    "Yes. Taking the reader's seat shows you the hunting and guessing that "
                    "are invisible when you write it.",
                    correct=True,
                ),
                choice(
                    "Track how often readers come back with questions",
                    "Yes. A measure of what readers experience turns opinions into evidence "
                    "you can act on.",
                    correct=True,
                ),
                choice(
                    "Ask the team how useful it thinks the report is",
                    "That is the inside view again. It tells you how the team feels about its "
                    "report, not how readers get on with it.",
                ),
                choice(
                    "Count the hours that go into preparing it",
                    "Hours measure effort, which readers never see. A report can take days "
                    "and still not answer their question.",
                ),
            ],
        ),
        single_choice(
            "A customer survey surprises your team. What does that most likely show?",
            explanation=(
                "Customer surveys nearly always surprise insiders: the surprise marks the gap "
                "between the inside and the outside view."
            ),
            choices=[
                choice(
                    "The inside view missed something customers notice",
                    "Right. The surprise points at exactly what you couldn't see from "
                    "inside. Treat it as information.",
                    correct=True,
                ),
                choice(
                    "The survey asked the wrong customers",
                    "Possible, but don't reach for it first. Surprise is the normal sign of "
                    "the gap between the two views.",
                ),
                choice(
                    "Customers don't see how hard we work",
                    "True, and beside the point: customers judge results, not effort. Their "
                    "view is the one that counts.",
                ),
            ],
        ),
        single_choice(
            "Your team worked late all week on a customer's order, and it still arrived two "
            "days late. How will they judge it?",
            explanation=(
                "Customers judge what reaches them: when it came, whether it was right, "
                "whether anyone kept them informed. Effort they never see counts for little."
            ),
            choices=[
                choice(
                    "By the late arrival, and by whether we warned them",
                    "Right. They see the result and how we handled it. A call ahead of the "
                    "delay would have been a good touchpoint.",
                    correct=True,
                ),
                choice(
                    "Kindly, once they hear how hard we worked",
                    "Some will sympathise, but the late order is what they had to deal with. "
                    "Effort is the inside view.",
                ),
                choice(
                    "Not at all: one late order is soon forgotten",
                    "No touchpoint is neutral. A late order leaves them liking us a little "
                    "less, unless we handle it well.",
                ),
            ],
        ),
    ),
}
