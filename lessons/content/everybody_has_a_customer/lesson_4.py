"""Lesson 4: the priority order (paying customers, internal customers, your own team)."""

from ..builders import (
    choice,
    example,
    figure,
    multiple_response,
    quiz,
    reflection,
    sequencing,
    single_choice,
    takeaway,
    text,
    true_false,
)

LESSON = {
    "slug": "the-priority-order",
    "title": "The priority order",
    "summary": (
        "When interests clash: paying customers first, internal customers second, your own "
        "team third. Why that order pays off, and what the evidence does and doesn't show."
    ),
    "body": [
        text(
            "<h2>Three priorities, in order</h2>"
            "<p>Most days every interest lines up. When they pull apart, ask in this "
            "order:</p>"
            "<ol>"
            "<li><b>The paying customers' best interest.</b> What do I do for them, and what "
            "could I do better?</li>"
            "<li><b>Smooth hand-offs to internal customers.</b> Colleagues need your work on "
            "time, complete and usable.</li>"
            "<li><b>Your own work group and yourself.</b> This matters too. It just comes "
            "third.</li>"
            "</ol>"
        ),
        figure(
            "priority-order.svg",
            alt=(
                "Three numbered bars, each shorter than the one before. 1: paying customers, "
                "their best interest. 2: internal customers, smooth hand-offs. 3: your team "
                "and you, your own work group."
            ),
            caption="When interests clash, ask about them in this order.",
        ),
        example(
            "Month-end in the warehouse",
            "<p>On the last day of the month, a large order is one item short. Shipping it "
            "incomplete would hit the warehouse's target. The team calls the customer "
            "instead, explains, and lets them choose. The customer asks them to wait.</p>"
            "<p>The team misses its number by one order, and keeps a customer who remembers "
            "the call.</p>",
        ),
        text(
            "<h2>When the order flips</h2>"
            "<p>When a team puts its own convenience first, its work slowly turns "
            "self-serving. Rules are written to make the team's life easier. Targets are met "
            "by pushing problems downstream. Each choice looks small and sensible.</p>"
            "<p>Customers feel the pattern even when they can't name it: slow answers, calls "
            "passed from desk to desk, <i>that's not our department</i>. In the long run it "
            "pays off for no one, the team included.</p>"
        ),
        text(
            "<h2>Why nobody notices</h2>"
            "<p>Remember the inside view from the last lesson. From inside, a rule that suits "
            "the team feels reasonable, even customer-friendly. Nobody decides to put "
            "customers last; the order flips one sensible-looking choice at a time.</p>"
            "<p>That is why the order helps: it is a question you can ask out loud. <i>Who "
            "does this rule serve first?</i> If the honest answer is <i>us</i>, check it from "
            "the customer's side.</p>"
        ),
        example(
            "A rule worth rewriting",
            "<p>An engineering team takes change requests only on the first Monday of each "
            "month, because batching suits its planning. Sales support points out that urgent "
            "customer fixes now wait up to five weeks. The team keeps the batch for routine "
            "changes and adds a fast lane for anything a customer is waiting on.</p>",
        ),
        text(
            "<h2>What the evidence shows, and what it doesn't</h2>"
            "<p>Companies that keep customers happier and for longer also tend to be more "
            "profitable. That is a correlation: the two go together. It does not prove that "
            "one causes the other; well-run companies may simply do both.</p>"
            "<p>The link still matters to you. Profit is what funds jobs, budgets and "
            "promotions, and a company that loses its customers soon has less of all "
            "three.</p>"
        ),
        figure(
            "correlation-not-cause.svg",
            alt=(
                "A chart of companies as dots. Those with happier, longer-kept customers tend "
                "to sit higher on profit, so the dots rise from left to right. A note says: "
                "they go together, which is not proof of cause."
            ),
            caption="Happier, longer-kept customers and profit tend to go together: a link, "
            "not a proven cause.",
        ),
        text(
            "<h2>What about \u201cemployees first\u201d?</h2>"
            "<p>Some leaders argue that employees come first, because happy staff serve "
            "customers well. There is truth in that, and it does not contradict the "
            "order.</p>"
            "<p>Looking after your team, with training, tools and a fair workload, is one of "
            "the ways you serve customers. What the order rules out is putting the team's "
            "convenience ahead of customers when the two truly clash.</p>"
        ),
        takeaway(
            "<p>Paying customers first, internal customers second, your team and yourself "
            "third. Caring for your team is part of serving customers, never a reason to put "
            "its convenience first.</p>"
        ),
        reflection(
            "Think of a rule or habit in your team. Who does it serve first: customers, "
            "colleagues or the team itself?"
        ),
    ],
    # Questions in authored order: the sequencing question on the lesson's core idea first.
    "quiz": quiz(
        "Customers, colleagues, you",
        sequencing(
            "Put the three priorities in order, first priority at the top.",
            explanation=(
                "Paying customers first, smooth hand-offs to internal customers second, your "
                "own work group and yourself third."
            ),
            items=[
                (
                    "The paying customers' best interest",
                    "First. Paying customers keep the company going, so their interest is "
                    "where every choice starts.",
                ),
                (
                    "Smooth hand-offs to internal customers",
                    "Second. Colleagues pass your work on towards paying customers, so a "
                    "clean hand-off serves them too.",
                ),
                (
                    "Your own work group and yourself",
                    "Third, which is not unimportant. It is best served by keeping the first "
                    "two ahead of it.",
                ),
            ],
        ),
        single_choice(
            "An order is one item short at month-end. Shipping it now hits your target. What "
            "fits the priority order?",
            explanation=(
                "The customer's interest comes before the team's target, and asking them is "
                "the surest way to serve it."
            ),
            choices=[
                choice(
                    "Call the customer, explain, let them choose",
                    "Right. It puts the customer's interest first and trusts their judgement "
                    "about what they need.",
                    correct=True,
                ),
                choice(
                    "Ship it short so the team hits its target",
                    "That puts the team's number first. The customer may get a partial order "
                    "they can't use, and a second delivery to handle.",
                ),
                choice(
                    "Hold it quietly and ship it complete later",
                    "Better than shipping it short, but the customer is left guessing. Telling "
                    "them turns a delay into a good touchpoint.",
                ),
            ],
        ),
        true_false(
            "Research proves that keeping customers happy causes higher profits.",
            answer=False,
            explanation=(
                "Happier, longer-kept customers and higher profits tend to go together. That "
                "is a correlation, not a proven cause."
            ),
            if_true=(
                "Not quite. The two tend to go together, but that is a correlation: it does "
                "not prove that one causes the other."
            ),
            if_false=(
                "Right. The evidence shows a link, not a cause. The link still matters: "
                "profit funds jobs, budgets and promotions."
            ),
        ),
        single_choice(
            "A manager says \u201cemployees come first\u201d. How does that fit the priority "
            "order?",
            explanation=(
                "Looking after your team is one way of serving customers, not a reason to put "
                "the team's convenience ahead of them."
            ),
            choices=[
                choice(
                    "Cared-for staff serve customers better",
                    "Right. Training, tools and a fair workload help people serve customers. "
                    "What the order rules out is the team's convenience coming first.",
                    correct=True,
                ),
                choice(
                    "It replaces it: staff now rank above customers",
                    "Not so. Happy staff matter because they serve customers well, not as a "
                    "reason to rank the team's convenience above customers.",
                ),
                choice(
                    "It doesn't: staff wellbeing is irrelevant",
                    "It is relevant. Staff who are looked after tend to serve customers "
                    "better, which is why caring for your team is part of the job.",
                ),
            ],
        ),
        multiple_response(
            "Which are signs that a team's priority order has flipped?",
            explanation=(
                "When the order flips, rules and targets start to serve the team rather than "
                "the people it serves."
            ),
            choices=[
                choice(
                    "Rules written mainly to make the team's life easier",
                    "Yes. A rule that suits the team but makes customers or colleagues wait "
                    "puts the third priority first.",
                    correct=True,
                ),
                choice(
                    "Targets met by pushing problems to the next team",
                    "Yes. The number looks good, but the internal customer pays for it, and "
                    "often the paying customer after them.",
                    correct=True,
                ),
                choice(
                    "Batching routine work, with a fast lane for customers",
                    "This one keeps the order. Efficiency for the team is fine as long as "
                    "customers aren't kept waiting for it.",
                ),
            ],
        ),
        shuffle_questions=False,
    ),
}
