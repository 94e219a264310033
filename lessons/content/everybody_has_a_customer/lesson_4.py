"""Lesson 4: the priority order (paying customers, internal customers, your own team)."""

from ..builders import (
    choice,
    example,
    figure,
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
            "<p>Line companies up by how happy their customers are and how long they stay, "
            "and profit tends to climb along the same line. That is a correlation: the two "
            "move together. Nobody has shown that one drives the other; well-run companies "
            "may simply be good at both.</p>"
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
                    "Third. It still matters, and it is best served by keeping the first two "
                    "ahead of it.",
                ),
            ],
        ),
        single_choice(
            "A customer asks for invoices split by site. It would cost your team an hour a "
            "month. What fits the priority order?",
            explanation=(
                "The paying customer's interest comes before the team's convenience. The "
                "team's time still matters: make the new task cheap, don't refuse it."
            ),
            choices=[
                choice(
                    "Agree, then look for a way to make that hour shorter",
                    "Right. The customer's interest comes first, and your team's time still "
                    "counts, so make the new task as light as you can.",
                    correct=True,
                ),
                choice(
                    "Explain why our standard format is better for them",
                    "That dresses up the team's convenience as advice. The customer has "
                    "already told you what serves them.",
                ),
                choice(
                    "Agree, once this quarter's targets are met",
                    "It makes the customer wait for the team's numbers: the order flipped, "
                    "one sensible-looking choice at a time.",
                ),
                choice(
                    "Decline politely: the team's workload comes first",
                    "That puts the third priority first. An hour a month is small against "
                    "what the split saves the customer.",
                ),
            ],
        ),
        true_false(
            "A colleague's slide says studies prove that happier customers cause higher "
            "profits. That is what the evidence shows.",
            answer=False,
            explanation=(
                "Happier, longer-kept customers and higher profits tend to go together. That "
                "is a correlation, not a proven cause."
            ),
            if_true=(
                "Not quite. The two move together, but that is a correlation: it does not "
                "prove that one causes the other."
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
                    "It fits: cared-for staff serve customers better",
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
                    "It clashes: the order puts staff last",
                    "A common misreading. The order puts the team's convenience third when "
                    "interests truly clash; looking after staff is a way of serving customers.",
                ),
            ],
        ),
        single_choice(
            "Your team agrees a new rule that saves it time, and everyone inside calls it "
            "sensible. What should come next?",
            explanation=(
                "The inside view (lesson 3) hides the moment the order flips. Ask whom a rule "
                "serves first, then check from the side of those it affects."
            ),
            choices=[
                choice(
                    "Ask whom it serves first; check with those it affects",
                    "Right. From inside, a rule that suits the team always looks sensible. "
                    "The people it affects can tell you whether the order has flipped.",
                    correct=True,
                ),
                choice(
                    "Adopt it: time the team saves is time for customers",
                    "It might be. Or the saving may be pushed onto customers or colleagues. "
                    "Check from their side before you decide.",
                ),
                choice(
                    "Adopt it: if the whole team agrees, it must be fine",
                    "Agreement inside is still the inside view. A team can agree on a rule "
                    "that quietly puts its convenience ahead of customers.",
                ),
                choice(
                    "Ask the manager to approve it first",
                    "Approval still comes from inside. Check with the customers and "
                    "colleagues who will live with the rule.",
                ),
            ],
        ),
        shuffle_questions=False,
    ),
}
