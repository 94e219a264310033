"""Lesson 2: everybody has a customer (internal and paying customers, hand-offs)."""

from ..builders import (
    choice,
    example,
    figure,
    matching,
    quiz,
    reflection,
    single_choice,
    takeaway,
    text,
    true_false,
)

LESSON = {
    "slug": "internal-and-external-customers",
    "title": "Everybody has a customer",
    "summary": (
        "Every job serves a paying customer or serves someone who does. Find your internal "
        "customers and see why each hand-off matters."
    ),
    "body": [
        text(
            "<h2>One idea, every job</h2>"
            "<p>The quality pioneer W. Edwards Deming put it simply: every job either serves "
            "the customer or serves someone who does. There is no third kind.</p>"
            "<p>Try to find an exception. Payroll pays the people who build and ship the "
            "product. The IT help desk keeps laptops running for the people who answer "
            "customers. Even the role furthest from the market exists because, somewhere "
            "down the line, it helps someone serve a customer.</p>"
        ),
        text(
            "<h2>Two kinds of customer</h2>"
            "<p><b>Paying customers</b>, also called external customers, buy our products and "
            "services. Their choices decide whether the company grows.</p>"
            "<p><b>Internal customers</b> are the colleagues who receive your work: the report "
            "you send, the part you machine, the laptop you set up. They need it to do their "
            "own jobs.</p>"
            "<p>Many people have only internal customers. That doesn't make their work matter "
            "less. It makes it a link in a chain.</p>"
        ),
        figure(
            "hand-off-chain.svg",
            alt=(
                "A chain of four steps from top to bottom: your work is handed off to a "
                "colleague, your internal customer; then to the front line, the colleagues who "
                "face customers; then it reaches the paying customer."
            ),
            caption=(
                "Each hand-off passes your work along, good or bad, until it reaches a paying "
                "customer."
            ),
        ),
        text(
            "<h2>Don't drop the baton</h2>"
            "<p>Think of a relay race. Each hand-off can win time or lose it. Pass on work "
            "that is late, incomplete or hard to use, and the next person must fix it before "
            "they can run. Their delay becomes someone else's, until it reaches the people "
            "who face paying customers.</p>"
            "<p>By then nobody remembers where it started, but the customer feels it. A clean "
            "hand-off does the opposite: it gives time back, and that time is often spent on "
            "a customer.</p>"
        ),
        example(
            "The maintenance schedule",
            "<p>Priya plans maintenance for a packaging line and never meets customers. One "
            "week she moves a planned stop so the line can finish a rush order, and tells the "
            "production lead two days ahead instead of on the morning itself.</p>"
            "<p>The shipment leaves on time. The customer never hears of Priya. Her internal "
            "customer, the production lead, knows exactly what she did.</p>",
        ),
        text(
            "<h2>Not just the front line</h2>"
            "<p>A manufacturer of building products once planned to brief only its "
            "customer-facing teams about its customer programme. It is a common instinct, and "
            "it misses most of the chain.</p>"
            "<p>Everyone else, from engineering and finance to the warehouse, shapes what "
            "those teams can promise and deliver. That is why this course is for every "
            "employee, not only the ones who talk to customers.</p>"
        ),
        text(
            "<h2>A test for any role</h2>"
            "<p>Ask of any job, including your own: <i>seen from the paying customer's side, "
            "why is this role worth funding?</i></p>"
            "<p>If the answer comes quickly, you know who your work is really for. If it "
            "doesn't, trace the chain: who uses what you produce, and who uses what they "
            "produce? Follow it far enough and you reach a paying customer. Customer-centric "
            "thinking begins with that answer.</p>"
        ),
        takeaway(
            "<p>Everybody has a customer. If you don't serve a paying customer directly, you "
            "serve a colleague who does, so make every hand-off one they can run with.</p>"
        ),
        reflection(
            "Who receives your work next? What one change would make your hand-off easier "
            "for them to use?"
        ),
    ],
    "quiz": quiz(
        "Who is your customer?",
        single_choice(
            "A new payroll colleague says: \u201cI don't have customers. I just pay "
            "people.\u201d What is the best reply?",
            explanation=(
                "In Deming's terms, every job serves the customer or serves someone who does. "
                "Payroll serves the colleagues it pays."
            ),
            choices=[
                choice(
                    "You serve colleagues who serve customers, so you do",
                    "Right. Payroll is the second kind of job Deming describes: it serves "
                    "the people who build, sell and support.",
                    correct=True,
                ),
                choice(
                    "True: payroll is internal, so customers don't apply",
                    "Internal work still has customers: the colleagues who receive it. Late "
                    "or wrong pay reaches paying customers through them.",
                ),
                choice(
                    "Your customer is your manager, who sets your goals",
                    "Your manager sets priorities, but your customers are the people who "
                    "receive your work: here, every colleague being paid.",
                ),
                choice(
                    "Only if you sometimes help answer customer calls",
                    "Meeting customers isn't the test. Whom your work reaches, and where it "
                    "goes from there, is.",
                ),
            ],
        ),
        matching(
            "Match each role to the customer it serves most directly.",
            explanation=(
                "Most roles serve an internal customer, the colleague who receives the work; "
                "some serve the paying customer directly."
            ),
            pairs=[
                (
                    "Payroll specialist",
                    "Colleagues being paid",
                    "Payroll serves colleagues. People worried about their pay can't give "
                    "customers their full attention.",
                ),
                (
                    "Sales support",
                    "Sellers",
                    "Sales support serves sellers: timely, accurate facts let them make "
                    "promises we can keep.",
                ),
                (
                    "Maintenance technician",
                    "Production operators",
                    "Maintenance serves production: a line that runs is what lets orders "
                    "leave on time.",
                ),
                (
                    "Field service engineer",
                    "Paying customers",
                    "Field service meets paying customers directly, often when their "
                    "equipment has stopped and they are under pressure.",
                ),
            ],
        ),
        true_false(
            "You send planning a weekly stock report. If it is late but accurate, no "
            "customer is affected: planning never meets one.",
            answer=False,
            explanation=(
                "Internal customers are the colleagues who receive your work. A poor "
                "hand-off to them reaches paying customers in the end."
            ),
            if_true=(
                "Not so. Planning is your internal customer. A late report delays their plan, "
                "and the delay travels on until a paying customer feels it."
            ),
            if_false=(
                "Right. Planning receives your work, so it is your customer, and a late "
                "hand-off ripples on towards paying customers."
            ),
        ),
        single_choice(
            "Budgets are tight and your reporting role is under review. Which argument best "
            "shows it is worth funding?",
            explanation=(
                "The test of any role is why it is worth funding, seen from the paying "
                "customer's side, even when the path runs through colleagues."
            ),
            choices=[
                choice(
                    "Sales can quote customers accurately thanks to my figures",
                    "Right. It traces the role to what a paying customer gets, through the "
                    "colleagues it serves. That is the test.",
                    correct=True,
                ),
                choice(
                    "The role is fully booked every week of the year",
                    "Busy isn't the same as valuable. Hours show effort, not what reaches a "
                    "customer.",
                ),
                choice(
                    "Company policy requires these reports each month",
                    "A rule explains why the work exists, not why it's worth paying for. Show "
                    "whom it serves and what they get.",
                ),
                choice(
                    "Similar companies all have a role like this",
                    "Other firms' choices don't show what this role does for our customers. "
                    "Trace the chain to them instead.",
                ),
            ],
        ),
        single_choice(
            "A manufacturer plans to brief only its customer-facing teams on a customer "
            "programme. What is the flaw?",
            explanation=(
                "Everybody has a customer: the teams behind the front line shape what it can "
                "promise and deliver."
            ),
            choices=[
                choice(
                    "Other teams shape what the front line can deliver",
                    "Right. Engineering, finance and the warehouse all feed what customers "
                    "finally get, so they need the message too.",
                    correct=True,
                ),
                choice(
                    "There is none: only they meet customers",
                    "Meeting customers is only the last step. Everyone whose work reaches "
                    "those teams shapes the customer's experience too.",
                ),
                choice(
                    "None, if the other teams are briefed a year later",
                    "Phasing sounds sensible, but the other teams shape what the front line "
                    "can deliver from day one. Leaving them for later leaves most of the "
                    "chain out.",
                ),
            ],
        ),
    ),
}
