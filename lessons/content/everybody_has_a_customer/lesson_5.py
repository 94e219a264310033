"""Lesson 5: from engagement to ambassadorship, with an unscored self-assessment.

The quiz pairs three scored questions on engagement versus ambassadorship with four
Likert statements. The statements ask what the learner knows and has in order to
serve customers (knowledge, tools, information, being heard), never "how customer
focused are we": lesson 3 teaches that insiders cannot judge that.
"""

from ..builders import (
    choice,
    example,
    figure,
    likert,
    multiple_response,
    quiz,
    reflection,
    single_choice,
    takeaway,
    text,
    true_false,
)

LESSON = {
    "slug": "from-engagement-to-ambassadorship",
    "title": "From engagement to ambassadorship",
    "summary": (
        "Engaged is not the same as customer-focused. See what ambassadorship adds, then "
        "check what you know and have in order to serve customers."
    ),
    "body": [
        text(
            "<h2>What engagement surveys measure</h2>"
            "<p>Many companies run a yearly engagement survey. It asks how productive, "
            "satisfied and aligned people are. Those are useful things to know.</p>"
            "<p>But engaged is not the same as customer-focused. People can be busy, happy "
            "and loyal while paying little attention to what customers value. Engagement "
            "surveys rarely ask about that, so they say little about how customer-focused a "
            "company is.</p>"
        ),
        text(
            "<h2>Ambassadorship</h2>"
            "<p><b>Ambassadorship</b> goes further: customer value becomes part of everyone's "
            "job. It is written into job descriptions across all functions, levels and sites, "
            "not only in sales and service.</p>"
            "<p>It doesn't happen by chance. HR and a customer-experience leader steer it "
            "together, bringing customer value into hiring, onboarding, training and reviews. "
            "In finance or facilities, it might be a line in the job description saying whom "
            "the work ultimately serves.</p>"
        ),
        text(
            "<h2>Three commitments at once</h2>"
            "<p>An ambassador is committed to three things at the same time:</p>"
            "<ul>"
            "<li><b>The organisation</b>: its success and its people.</li>"
            "<li><b>Its value proposition</b>: what it promises customers.</li>"
            "<li><b>The customer</b>: what they actually need and value.</li>"
            "</ul>"
            "<p>Engagement covers the first. Ambassadorship needs all three.</p>"
        ),
        figure(
            "engagement-and-ambassadorship.svg",
            alt=(
                "Engagement: productive, satisfied, aligned, committed to the organisation "
                "only. Ambassadorship: customer value in every job, committed to the "
                "organisation, its value proposition and the customer."
            ),
            caption=(
                "Engagement is commitment to the organisation. Ambassadorship is commitment "
                "to all three at once."
            ),
        ),
        text(
            "<h2>What the research links</h2>"
            "<p>Research in this tradition links what employees believe and do to the value "
            "customers perceive. It asks employees to rate 20 to 25 customer focus "
            "statements, such as:</p>"
            "<ul>"
            "<li>My work adds to the value customers get.</li>"
            "<li>Cross-training helps me serve customers better.</li>"
            "<li>The mission for customer value is clear.</li>"
            "<li>New products and services are explained inside the company.</li>"
            "</ul>"
        ),
        example(
            "One low score, one fix",
            "<p>A product team rates statements like these. Nearly everyone agrees their work "
            "matters to customers; few agree that new products are explained inside the "
            "company. Support staff had been learning about new features from customers' "
            "questions.</p>"
            "<p>The team starts a ten-minute briefing for support before each release. "
            "Nobody needed to care more; they needed to know more.</p>",
        ),
        text(
            "<h2>Your self-assessment</h2>"
            "<p>The quiz ends with four statements to rate from <i>strongly disagree</i> to "
            "<i>strongly agree</i>. They ask what you know and have in order to serve "
            "customers: knowledge, tools, information and being heard.</p>"
            "<p>They don't ask how customer-focused we are: the inside view can't judge that. "
            "Your ratings are recorded but never scored, and a low one is worth raising with "
            "your manager.</p>"
        ),
        takeaway(
            "<p>Engagement asks whether people are productive, satisfied and aligned. "
            "Ambassadorship makes customer value part of everyone's job, and needs the "
            "knowledge, tools and voice to deliver it.</p>"
        ),
        reflection(
            "Which of the four statements would you rate lowest? What would raise it by one "
            "point?"
        ),
    ],
    # Scored questions first, then the self-assessment, in authored order.
    "quiz": quiz(
        "Engagement, ambassadorship and you",
        single_choice(
            "What do engagement surveys mainly measure?",
            explanation=(
                "Engagement surveys measure productivity, satisfaction and alignment; they "
                "say little about customer focus."
            ),
            choices=[
                choice(
                    "Productivity, satisfaction and alignment",
                    "Right. Useful to know, but none of the three tells you whether people "
                    "focus on what customers value.",
                    correct=True,
                ),
                choice(
                    "How customer-focused the company is",
                    "That is the gap: engagement surveys rarely ask about customers, so they "
                    "say little about customer focus.",
                ),
                choice(
                    "The value customers perceive",
                    "That takes the customers' own view, or research that links staff "
                    "attitudes to it, as ambassadorship research does.",
                ),
            ],
        ),
        multiple_response(
            "Which are part of ambassadorship?",
            explanation=(
                "Ambassadorship puts customer value into every job, is steered by HR and a "
                "customer-experience leader, and asks for three commitments at once."
            ),
            choices=[
                choice(
                    "Customer value written into every job description",
                    "Yes. Across all functions, levels and sites, not only in sales and "
                    "service.",
                    correct=True,
                ),
                choice(
                    "HR and a customer-experience leader steering it",
                    "Yes. Together they bring customer value into hiring, onboarding, "
                    "training and reviews.",
                    correct=True,
                ),
                choice(
                    "Commitment to the organisation, its promise and the customer",
                    "Yes. All three at once: the organisation, its value proposition and the "
                    "customer.",
                    correct=True,
                ),
                choice(
                    "A higher score on the engagement survey",
                    "Engagement is only the first of the three commitments. A team can score "
                    "high and still overlook customers.",
                ),
            ],
        ),
        true_false(
            "A highly engaged team is always a customer-focused one.",
            answer=False,
            explanation=(
                "Engagement is commitment to the organisation. Customer focus also needs "
                "commitment to its value proposition and to the customer."
            ),
            if_true=(
                "Not so. People can be busy, happy and loyal while paying little attention "
                "to what customers value."
            ),
            if_false=(
                "Right. Engagement helps, but customer focus needs customer value to be part "
                "of the job, which is what ambassadorship adds."
            ),
        ),
        likert(
            "I know what our customers value most.",
            explanation=(
                "Serving customers starts with knowing what they value. If you are unsure, "
                "ask a colleague who meets customers."
            ),
        ),
        likert(
            "I have the tools and resources I need to serve customers.",
            explanation=(
                "Good intentions need tools. If something is missing, name it to your "
                "manager: that is a concrete request."
            ),
        ),
        likert(
            "New products and services are explained to me before customers ask.",
            explanation=(
                "Information should reach you before the customer's question does. If it "
                "doesn't, ask for a short briefing."
            ),
        ),
        likert(
            "Management listens to my ideas for customer value.",
            explanation=(
                "Being heard keeps ideas coming. Tie your next idea to a number leaders "
                "already watch: the next lesson shows how."
            ),
        ),
        intro=(
            "Three questions on the lesson, then four statements about you. The statements "
            "are recorded, never scored."
        ),
        shuffle_questions=False,
    ),
}
