"""Lesson 5: from engagement to ambassadorship, with an unscored self-assessment.

The quiz pairs five scored scenario questions on engagement versus ambassadorship with
six Likert statements. The statements ask what the learner knows and has in order to
serve customers (what customers value, tools and information, being heard, the mission,
knowing the neighbouring teams' work, hearing about new products), never "how customer
focused are we": lesson 3 teaches that insiders cannot judge that, and the last scored
question asks the learner to tell the two apart.
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
            "<p><b>Ambassadorship</b> goes a step further. Read the job description of a "
            "payroll clerk, a plant engineer or a regional director in such a company, and "
            "each one says whose value that job ultimately serves. That covers every "
            "department, grade and site, not only sales and service.</p>"
            "<p>It doesn't happen by chance. HR and a customer-experience leader steer it "
            "together, bringing customer value into hiring, onboarding, training and "
            "reviews.</p>"
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
            "<h2>What the research looks at</h2>"
            "<p>Research on ambassadorship has employees rate 20 to 25 statements about "
            "serving customers, then sets their answers beside the value customers say they "
            "get, looking for links between the two. It is not a way to give the company a "
            "single customer-focus score.</p>"
            "<p>Many of the statements are about the person answering: what they know, what "
            "they have to work with and whether anyone listens to them. Those you can judge "
            "from where you sit.</p>"
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
            "<p>The quiz ends with statements to rate from <i>strongly disagree</i> to "
            "<i>strongly agree</i>. Each asks what you know and have in order to serve "
            "customers: what they value, your tools and information, whether you are heard "
            "and what you know of the teams around you.</p>"
            "<p>None asks how customer-focused we are: the inside view can't judge that. Your "
            "ratings are recorded but never scored, and a low one is worth raising with your "
            "manager.</p>"
        ),
        takeaway(
            "<p>Engagement asks whether people are productive, satisfied and aligned. "
            "Ambassadorship makes customer value part of everyone's job, and needs the "
            "knowledge, tools and voice to deliver it.</p>"
        ),
        reflection(
            "Which statement in the self-assessment would you rate lowest? What would raise "
            "it by one point?"
        ),
    ],
    # Scored questions first, then the self-assessment, in authored order.
    "quiz": quiz(
        "Engagement, ambassadorship and you",
        single_choice(
            "Your team tops the engagement survey. A director calls it proof you are "
            "customer-focused. Is it?",
            explanation=(
                "Engagement surveys measure productivity, satisfaction and alignment: "
                "commitment to the organisation. They say little about customer focus."
            ),
            choices=[
                choice(
                    "Not on its own: it shows commitment, not customer focus",
                    "Right. A committed, happy team is a good start, but the survey never "
                    "asked whether people attend to what customers value.",
                    correct=True,
                ),
                choice(
                    "Yes: engaged people serve customers well",
                    "Often, not always. People can be busy, happy and loyal and still "
                    "overlook what customers value; the survey can't tell the difference.",
                ),
                choice(
                    "No: engagement surveys tell us nothing useful",
                    "Too harsh. They show how productive, satisfied and aligned people are, "
                    "which is worth knowing. They just don't measure customer focus.",
                ),
            ],
        ),
        multiple_response(
            "HR wants to move the company from engagement to ambassadorship. Which steps fit?",
            explanation=(
                "Ambassadorship writes customer value into every job, everywhere, and is "
                "steered by HR and a customer-experience leader together."
            ),
            choices=[
                choice(
                    "Say in every job description whom the job serves",
                    "Yes. In every function, grade and site, each job says whose value it "
                    "ultimately serves.",
                    correct=True,
                ),
                choice(
                    "Steer it with a customer-experience leader",
                    "Yes. HR brings the hiring, training and review processes; the "
                    "customer-experience leader brings the customer's side.",
                    correct=True,
                ),
                choice(
                    "Bring customer value into onboarding and reviews",
                    "Yes. What new joiners hear first and what reviews ask about tell people "
                    "what their job is really for.",
                    correct=True,
                ),
                choice(
                    "Run the engagement survey twice a year",
                    "More of the same measure. It would track commitment to the organisation "
                    "more often, not commitment to customers.",
                ),
                choice(
                    "Start with sales and service, where customers are",
                    "Tempting, but ambassadorship covers every function, level and site. "
                    "Most of what customers get is shaped away from the front line.",
                ),
            ],
        ),
        true_false(
            "Maya loves her job, works hard and backs the company's goals. That alone makes "
            "her an ambassador.",
            answer=False,
            explanation=(
                "Loving the job and backing the company is engagement: commitment to the "
                "organisation. An ambassador also commits to its promise and to customers."
            ),
            if_true=(
                "Not yet. That is engagement. An ambassador is also committed to what the "
                "company promises customers, and to what customers need."
            ),
            if_false=(
                "Right. Maya is engaged. She becomes an ambassador when what customers value "
                "and what we promise them are part of how she does her job."
            ),
        ),
        single_choice(
            "Which of these is the work of an ambassador, not just of an engaged employee?",
            explanation=(
                "An ambassador serves the organisation, keeps its promise to customers and "
                "meets the customer's need, all in the same act."
            ),
            choices=[
                choice(
                    "A planner ships an order on the promised day, on budget",
                    "Right. The customer gets what they need, the promise holds and the "
                    "company's interest is kept: all three at once.",
                    correct=True,
                ),
                choice(
                    "An agent gives a discount we don't offer, to please a caller",
                    "Kind to the customer, but it breaks the offer and costs the company. "
                    "One commitment out of three.",
                ),
                choice(
                    "A team hits every internal target while complaints rise",
                    "Committed to the organisation's numbers, but the customer and the "
                    "promise are missing. That is engagement without ambassadorship.",
                ),
                choice(
                    "A seller promises a feature we don't make, to win a deal",
                    "It wins the order and pleases the buyer for now, but the promise is "
                    "one we can't keep. The value proposition is missing.",
                ),
            ],
        ),
        single_choice(
            "Which of these can you judge fairly yourself, without asking any customer?",
            explanation=(
                "You can judge what you know, have and are told. How customer-focused the "
                "team is, only its customers can say (lesson 3)."
            ),
            choices=[
                choice(
                    "Whether I know what our customers value most",
                    "Right. That is about you, and you can judge it. It is the kind of "
                    "statement the self-assessment asks you to rate.",
                    correct=True,
                ),
                choice(
                    "Whether our team is customer-focused",
                    "That is the inside view again. Only the people who receive the team's "
                    "work can tell you how it lands.",
                ),
                choice(
                    "Whether customers find us easy to deal with",
                    "Only customers can say that. Ask them, or look at a measure of their "
                    "experience, such as time to a solution.",
                ),
            ],
        ),
        likert(
            "I know what matters most to the customers my work reaches.",
            explanation=(
                "Serving customers starts with knowing what they value. If you are unsure, "
                "ask a colleague who meets them, or a customer."
            ),
        ),
        likert(
            "When a customer needs something from me, I have the systems and information to "
            "deliver it.",
            explanation=(
                "Good intentions need the right equipment and facts. If something is missing, "
                "name it to your manager: that is a concrete request."
            ),
        ),
        likert(
            "When I suggest a way to serve customers better, someone acts on it or tells me "
            "why not.",
            explanation=(
                "Being heard keeps ideas coming. Tie your next idea to a number leaders "
                "already watch: lesson 7 shows how."
            ),
        ),
        likert(
            "I could say in one sentence what value we set out to give customers.",
            explanation=(
                "A clear mission helps you decide the small things. If you can't say it, ask "
                "your manager to put it in a sentence."
            ),
        ),
        likert(
            "I know enough of the teams next to mine to help a customer without passing "
            "them on.",
            explanation=(
                "Knowing a little of your neighbours' work, often through cross-training, "
                "saves customers from being passed from desk to desk."
            ),
        ),
        likert(
            "I hear about new products and services before customers ask me about them.",
            explanation=(
                "Information should reach you before the customer's question does. If it "
                "doesn't, ask for a short briefing before each launch."
            ),
        ),
        intro=(
            "Five questions on the lesson, then statements about you. The statements are "
            "recorded, never scored."
        ),
        shuffle_questions=False,
    ),
}
