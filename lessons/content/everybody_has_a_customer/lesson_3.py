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
            "<p>Ask employees whether their company puts customers first and most say yes. "
            "Ask its customers and many strongly disagree. Both sides are sincere; they are "
            "looking from different places.</p>"
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
            "What does ethnocentrism about customer-centricity mean?",
            explanation=(
                "It is judging how customer-centric we are from inside our own team or "
                "company, instead of from the customer's side."
            ),
            choices=[
                choice(
                    "Judging our customer focus from inside our team",
                    "Right. Like judging the world by your own culture's habits, it takes the "
                    "inside view as the yardstick.",
                    correct=True,
                ),
                choice(
                    "Serving customers from one country better",
                    "The word comes from culture, but here it is about viewpoint: trusting how "
                    "things look from inside.",
                ),
                choice(
                    "Asking customers too often for their view",
                    "That is closer to the remedy. Asking customers is how you escape the "
                    "inside view.",
                ),
            ],
        ),
        true_false(
            "If most of our team feels customer-focused, that is good evidence that we are.",
            answer=False,
            explanation=(
                "Employees often rate their customer focus far higher than customers do. Only "
                "the customer's view settles it."
            ),
            if_true=(
                "Not so. Most employees feel customer-focused while many of their customers "
                "strongly disagree. A feeling from inside is not evidence."
            ),
            if_false=(
                "Right. We see our effort; customers see our results. Only asking and "
                "measuring their view tells you how customer-focused you are."
            ),
        ),
        multiple_response(
            "Which are good ways to check how customer-centric your team really is?",
            explanation=(
                "The remedy is to take the customer's perspective, ask for their view and "
                "measure it."
            ),
            choices=[
                choice(
                    "Ask the people who receive your work",
                    "Yes. A short, specific question gets you the outside view quickly, from "
                    "internal and paying customers alike.",
                    correct=True,
                ),
                choice(
                    "Go through your process as a customer would",
                    "Yes. Taking the customer's seat shows you the waits and confusion that "
                    "are invisible from inside.",
                    correct=True,
                ),
                choice(
                    "Track a measure customers care about",
                    "Yes. Measuring what matters to customers turns opinions into evidence "
                    "you can act on.",
                    correct=True,
                ),
                choice(
                    "Ask the team to rate its own customer focus",
                    "A self-rating is the inside view again. It tells you how the team feels, "
                    "not how customers experience its work.",
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
    ),
}
