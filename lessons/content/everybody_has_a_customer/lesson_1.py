"""Lesson 1: every touchpoint creates or destroys value."""

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
    "slug": "every-touchpoint-creates-or-destroys-value",
    "title": "Every touchpoint creates or destroys value",
    "summary": (
        "Every time a customer meets us, they leave liking us a little more or a little "
        "less. Spot the touchpoints people forget, including the ones behind the scenes."
    ),
    "body": [
        text(
            "<h2>Nothing is neutral</h2>"
            "<p>Each time a customer meets our company, they leave liking us a little more or "
            "a little less. They might meet a person, a product or a document, and only for "
            "two seconds. It still counts.</p>"
            "<p>These moments are <b>touchpoints</b>. Some are obvious, like a sales visit or "
            "a call to the help desk. Most are quiet, and together the quiet ones make up much "
            "of what a customer actually experiences.</p>"
        ),
        text(
            "<h2>The touchpoints people forget</h2>"
            "<ul>"
            "<li><b>The tone of a support call.</b> The fix may be the same; how the customer "
            "felt is what they remember.</li>"
            "<li><b>An invoice</b> that is correct and easy to read, or one that costs "
            "somebody an afternoon.</li>"
            "<li><b>A shipment</b> that arrives complete, undamaged and on time.</li>"
            "<li><b>The logo on your jacket.</b> In public, to strangers, you are the "
            "company.</li>"
            "</ul>"
        ),
        example(
            "Two invoices",
            "<p>Two suppliers sell a customer the same part at the same price. The first "
            "invoice shows the order number, clear lines and a name to call. It is paid in "
            "minutes.</p>"
            "<p>The second shows last month's price. Someone spends an hour chasing it, then "
            "mentions it at the next supplier review. Neither billing team ever met the "
            "customer, yet one made the relationship stronger and the other weaker.</p>",
        ),
        text(
            "<h2>Value that travels through colleagues</h2>"
            "<p>Much of what we do reaches customers through colleagues first.</p>"
            "<ul>"
            "<li><b>Sales support.</b> Sellers can only promise what they know; accurate "
            "facts, in time, make promises we can keep.</li>"
            "<li><b>Finance.</b> Charts that make a trend plain show executives where "
            "customers struggle, so they decide with them in mind.</li>"
            "<li><b>Facilities.</b> Visitors judge us partly by the lobby they walk into, and "
            "colleagues who serve customers all day work better in a cared-for "
            "building.</li>"
            "</ul>"
        ),
        figure(
            "behind-every-touchpoint.svg",
            alt=(
                "Three chains that end at the paying customer: sales support serves sellers, "
                "a finance analyst serves executives, and facilities serves colleagues and "
                "visitors. All three then reach the customer."
            ),
            caption=(
                "Work a customer never sees still reaches them, through the colleagues "
                "you serve."
            ),
        ),
        text(
            "<h2>Delight, not just no complaints</h2>"
            "<p>A customer who doesn't complain is not necessarily a happy one. Trying not to "
            "upset customers is one thing; setting out to make them glad they dealt with us "
            "is another.</p>"
            "<p>The first keeps you out of trouble. The second is what people remember and "
            "tell others about. So ask of your own work: when it reaches a customer, does it "
            "merely avoid a problem, or does it make their day a little easier?</p>"
        ),
        text(
            "<h2>How loyalty ends</h2>"
            "<p>Long relationships feel safe: a supplier kept for ten years, an agency "
            "contract renewed year after year. Yet they do end, and rarely over one big "
            "failure. They end when customers stop feeling cared for, one careless "
            "touchpoint at a time.</p>"
            "<p>A contract does not hold a customer who feels taken for granted. When it is "
            "up for renewal, they remember how we made them feel, whatever the contract "
            "says.</p>"
        ),
        takeaway(
            "<p>Every touchpoint, seen or unseen, creates value or destroys it. You can't opt "
            "out, so choose to create it.</p>"
        ),
        reflection(
            "Name three ways your work creates value for a customer, directly or through a "
            "colleague."
        ),
    ],
    "quiz": quiz(
        "Spot the touchpoints",
        true_false(
            "A correct, routine invoice has no effect on how a customer sees us.",
            answer=False,
            explanation=(
                "Nothing is neutral: every touchpoint, a document included, leaves the "
                "customer liking us a little more or a little less."
            ),
            if_true=(
                "Not so. A clear, correct invoice saves the customer time and builds a little "
                "trust; a wrong one costs both."
            ),
            if_false=(
                "Right. An invoice is a touchpoint like any other. Correct and easy to read, "
                "it adds a little value every time."
            ),
        ),
        multiple_response(
            "A customer places one order with us. Which of these are touchpoints on its way "
            "to them?",
            explanation=(
                "A touchpoint is any moment a customer meets a person, product or document "
                "from us. Work they never meet can still add value, through colleagues."
            ),
            choices=[
                choice(
                    "The agent's tone when they phone about delivery",
                    "Yes. The same answer in a warmer or colder tone leaves a different "
                    "impression, and the tone is what they remember.",
                    correct=True,
                ),
                choice(
                    "An invoice they can match to the order at a glance",
                    "Yes. A document is a touchpoint: clear and correct, it saves them time; "
                    "wrong, it costs them an afternoon.",
                    correct=True,
                ),
                choice(
                    "Our van, in company colours, blocking their gate",
                    "Yes. Whoever drives or wears our logo is the company to the people who "
                    "see them, customers included.",
                    correct=True,
                ),
                choice(
                    "The cost report finance sends to our executives",
                    "Not a touchpoint: the customer never meets it. It can still create value "
                    "indirectly, through the decisions it informs.",
                ),
            ],
        ),
        single_choice(
            "Dana, a finance analyst, never talks to customers. How can her work create "
            "value for them?",
            explanation=(
                "Value often travels through colleagues: analysis that makes a trend plain "
                "helps decision makers act in customers' interest."
            ),
            choices=[
                choice(
                    "Her analysis shows leaders where customers struggle",
                    "Right. When leaders see sooner where customers have trouble, they "
                    "decide faster and better on customers' behalf.",
                    correct=True,
                ),
                choice(
                    "Only indirectly, so it matters less than front-line work",
                    "Indirect isn't lesser. What reaches the front line, including the "
                    "numbers behind decisions, shapes what customers get.",
                ),
                choice(
                    "Only by cutting costs so that prices can fall",
                    "Cost matters, but that view is narrow. Good analysis also shows where to "
                    "invest so customers are served better.",
                ),
            ],
        ),
        single_choice(
            "Which goal creates the most value for customers?",
            explanation=(
                "Setting out to delight customers, not just to avoid upsetting them, is what "
                "they remember and what keeps them."
            ),
            choices=[
                choice(
                    "Make customers glad they dealt with us",
                    "Right. Delight is what customers remember and talk about; avoiding "
                    "complaints is only the floor.",
                    correct=True,
                ),
                choice(
                    "Make sure no customer ever complains",
                    "A fair floor, not the goal. Silence isn't delight: customers can be "
                    "quietly disappointed and leave.",
                ),
                choice(
                    "Do exactly what the contract says",
                    "Contracts don't keep customers. Long relationships end when customers "
                    "stop feeling cared for, whatever the contract says.",
                ),
            ],
        ),
        true_false(
            "A customer with a long contract stays, whatever our service is like.",
            answer=False,
            explanation=(
                "Loyalty rests on customers feeling cared for. Even a relationship of ten "
                "years ends when that feeling goes."
            ),
            if_true=(
                "Not so. A customer who feels taken for granted leaves at the next renewal, "
                "whatever the contract says."
            ),
            if_false=(
                "Right. Long relationships end when customers stop feeling cared for, one "
                "careless touchpoint at a time."
            ),
        ),
    ),
}
