"""The first course, "Everybody Has a Customer", as plain data.

Written in our own words from /work/shared/content/BRIEF.md. The shape maps
1:1 onto CoursePage, LessonPage (body StreamField) and the Quiz snippet
(questions StreamField); the ``seed_course`` command loads it.
"""

LIKERT_SCALE = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def _likert(prompt: str) -> tuple[str, dict]:
    return ("likert", {"prompt": prompt, "explanation": "", "scale": list(LIKERT_SCALE)})


LESSON_1 = {
    "slug": "every-touchpoint-creates-or-destroys-value",
    "title": "Every touchpoint creates or destroys value",
    "summary": (
        "Each time a customer meets us, they leave liking us a little more or a little "
        "less. See the touchpoints people forget, and the value you add behind the scenes."
    ),
    "body": [
        (
            "text",
            "<h2>Nothing is neutral</h2>"
            "<p>Every time a customer meets our company, they walk away liking us a little "
            "more or a little less. The meeting might be with a person, a product or a piece "
            "of paper. It might last two seconds. It still counts.</p>"
            "<p>We call these moments <b>touchpoints</b>. Some are obvious: a sales meeting, "
            "a product demo, a call to the help desk. Many are not, and the quiet ones add up "
            "to most of what a customer actually experiences.</p>",
        ),
        (
            "text",
            "<h2>The touchpoints people forget</h2>"
            "<ul>"
            "<li><b>The tone of a support call.</b> The problem may get fixed either way. "
            "Whether the customer felt heard decides how they remember it.</li>"
            "<li><b>An invoice.</b> One that is correct and easy to read saves the customer "
            "time. One with a wrong quantity costs them an afternoon and a little trust.</li>"
            "<li><b>A shipment.</b> Complete, undamaged and on time is what customers "
            "expect. Anything less is what they talk about.</li>"
            "<li><b>The logo on your jacket.</b> Wear company clothing in public and, to "
            "strangers, you are the company. How you drive, queue and speak becomes part of "
            "how they see us.</li>"
            "</ul>",
        ),
        (
            "example",
            {
                "title": "Two invoices",
                "body": (
                    "<p>Two suppliers send a customer the same part at the same price. The "
                    "first invoice has the right order number, clear line items and the name "
                    "of a person to call. The customer's accounts team pays it in minutes.</p>"
                    "<p>The second shows last month's price and no order number. Someone at "
                    "the customer spends an hour chasing it, then mentions it at the next "
                    "supplier review. Nobody in either billing team ever met the customer, "
                    "yet one made the relationship stronger and the other made it weaker.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Value you create behind the scenes</h2>"
            "<p>You do not need to meet a customer to change how they feel about us. A lot "
            "of value travels through colleagues first.</p>"
            "<ul>"
            "<li><b>Sales support</b> that gives sellers accurate facts on time lets them "
            "make promises we can keep.</li>"
            "<li><b>A finance analyst</b> whose charts are clear helps executives see where "
            "customers struggle, and decide better and faster.</li>"
            "<li><b>A clean, well-kept office</b> shapes a visitor's first impression. It "
            "also lifts the mood of the people who go on to serve customers all day.</li>"
            "</ul>"
            "<p>The reverse is just as true. Late facts, muddled numbers and a shabby "
            "reception area each chip away at value, even if nobody ever traces the damage "
            "back to where it started.</p>",
        ),
        (
            "example",
            {
                "title": "The visit that started in the car park",
                "body": (
                    "<p>A prospective customer arrives early for a meeting. The car park signs "
                    "are clear, the reception desk knows she is coming, and the meeting room is "
                    "tidy with a working screen. She mentions none of this afterwards.</p>"
                    "<p>On another visit the signs are missing, nobody expects her and the "
                    "screen will not connect. The product demo is just as good, but she starts "
                    "the meeting ten minutes late and slightly annoyed. The facilities team "
                    "shaped both meetings before a single slide was shown.</p>"
                ),
            },
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Every touchpoint, seen or unseen, either creates value for customers "
                    "or destroys it. Nothing is neutral, so choose to create value.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "Name three ways your work creates value for a customer, directly or "
                    "through a colleague."
                )
            },
        ),
    ],
    "quiz": {
        "title": "Knowledge check: Every touchpoint creates or destroys value",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": True,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": [
            (
                "true_false",
                {
                    "prompt": "A correct, routine invoice has no effect on how a customer sees us.",
                    "explanation": (
                        "Nothing is neutral. A clear, correct invoice saves the customer time "
                        "and quietly builds trust; a confusing one costs both."
                    ),
                    "points": 1,
                    "answer_is_true": False,
                    "feedback_true": (
                        "Not quite. Even a routine invoice is a touchpoint: when it is correct "
                        "and easy to read, the customer's accounts team pays it in minutes and "
                        "thinks a little better of us."
                    ),
                    "feedback_false": (
                        "Right. An invoice is a touchpoint like any other. Getting it right "
                        "and making it easy to read adds a little value every time."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": "Which of these are touchpoints where a customer meets the "
                    "company directly?",
                    "explanation": (
                        "A touchpoint is any moment a customer meets a person, product or "
                        "document from us, including ones we rarely think about."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "The tone of voice on a support call",
                            "correct": True,
                            "feedback": (
                                "Yes. Even when the problem is solved, how the customer was "
                                "spoken to decides how they remember the call."
                            ),
                        },
                        {
                            "text": "A shipment arriving complete and undamaged",
                            "correct": True,
                            "feedback": (
                                "Yes. The delivery is often the moment the customer finally "
                                "holds what they bought; it either confirms their choice or "
                                "undermines it."
                            ),
                        },
                        {
                            "text": "An employee in a company jacket at a football match",
                            "correct": True,
                            "feedback": (
                                "Yes. To the people around them, someone wearing our logo is "
                                "the company, so their behaviour becomes a touchpoint."
                            ),
                        },
                        {
                            "text": "The naming scheme of an internal shared drive",
                            "correct": False,
                            "feedback": (
                                "Customers never see this, so it is not a direct touchpoint. "
                                "It can still matter indirectly if a messy drive slows down "
                                "the colleagues who serve customers."
                            ),
                        },
                    ],
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "A finance analyst never speaks to customers. How can their "
                    "work create customer value?",
                    "explanation": (
                        "Value often travels through colleagues: clear analysis helps "
                        "decision-makers act in customers' interest."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Clear charts help executives make better decisions for "
                            "customers",
                            "correct": True,
                            "feedback": (
                                "Right. When leaders can see clearly where customers "
                                "struggle or where money is best spent, they decide better "
                                "and faster on customers' behalf."
                            ),
                        },
                        {
                            "text": "It can't: only front-line staff create customer value",
                            "correct": False,
                            "feedback": (
                                "Front-line staff are only the last link in the chain. The "
                                "quality of what reaches them, including the numbers behind "
                                "decisions, shapes what customers get."
                            ),
                        },
                        {
                            "text": "Only by cutting costs so that prices can fall",
                            "correct": False,
                            "feedback": (
                                "Cost matters, but it is a narrow view. Good analysis also "
                                "shows where to invest so customers are served better, not "
                                "just more cheaply."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}


LESSON_2 = {
    "slug": "internal-and-external-customers",
    "title": "Everybody has a customer",
    "summary": (
        "Every job serves a paying customer or serves someone who does. Meet your internal "
        "customers and learn why clean hand-offs matter."
    ),
    "body": [
        (
            "text",
            "<h2>A simple idea with a long reach</h2>"
            "<p>The quality pioneer W. Edwards Deming made a point that is easy to say and "
            "hard to forget: every job either serves the customer or serves someone who does. "
            "There is no third kind of job.</p>"
            "<p>Try to find the exception. The payroll team pays the people who build and "
            "ship the product. The IT help desk keeps laptops running for the people who "
            "answer customer emails. Even the role that looks furthest from the market exists "
            "because, somewhere down the line, it helps someone serve a customer.</p>",
        ),
        (
            "text",
            "<h2>Two kinds of customer</h2>"
            "<p><b>External customers</b> pay us. They buy our products and services, and "
            "their choices decide whether the company grows.</p>"
            "<p><b>Internal customers</b> are the colleagues who receive your work: the "
            "report you send, the part you machine, the contract you draft, the laptop you set "
            "up. They depend on it to do their own jobs.</p>"
            "<p>Many people have both kinds. Many have only internal ones. That does not make "
            "their work less important; it makes it part of a chain.</p>",
        ),
        (
            "text",
            "<h2>Don't drop the baton</h2>"
            "<p>Think of a relay race. Every hand-off is a chance to gain time or lose it. "
            "If you pass on work that is late, incomplete or hard to use, the next person has "
            "to fix it before they can move. Their delay becomes someone else's delay, and "
            "eventually it reaches the people who face paying customers. By then nobody "
            "remembers where it started, but the customer feels it.</p>"
            "<p>A clean hand-off does the opposite. It gives the next person time back, and "
            "that time often ends up being spent on a customer.</p>",
        ),
        (
            "example",
            {
                "title": "The maintenance schedule",
                "body": (
                    "<p>Priya plans maintenance for a packaging line and never talks to "
                    "customers. One week she moves a planned stop from Tuesday to Thursday so "
                    "the line can finish a rush order first, and she tells the production lead "
                    "two days ahead instead of on the morning itself.</p>"
                    "<p>Production keeps its promise, the shipment leaves on time, and the "
                    "customer never learns Priya exists. Her internal customer, the production "
                    "lead, knows exactly what she did.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>A test for any role</h2>"
            "<p>Here is a useful question for any job, including your own: <i>seen from the "
            "paying customer's side, why is this role worth funding?</i></p>"
            "<p>If the answer comes quickly, you know who your work is really for. If it is "
            "hard to answer, that is not a reason to worry; it is a reason to trace the chain. "
            "Who uses what you produce? Who uses what they produce? Follow it far enough and "
            "you will reach a paying customer. That answer is where customer-centred thinking "
            "starts.</p>",
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Everybody has a customer. If you don't serve a paying customer "
                    "directly, you serve a colleague who does, so make every hand-off one they "
                    "can run with.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "Who receives your work next? What would make your hand-off to them "
                    "easier to use?"
                )
            },
        ),
    ],
    "quiz": {
        "title": "Knowledge check: Everybody has a customer",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": True,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "Which statement best sums up Deming's idea?",
                    "explanation": (
                        "Deming's point: every job either serves the customer or serves "
                        "someone who does."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Every job serves the customer or serves someone who does",
                            "correct": True,
                            "feedback": (
                                "Right. There is no third kind of job: follow any role's "
                                "work far enough and it reaches a paying customer."
                            ),
                        },
                        {
                            "text": "Only customer-facing jobs really matter to customers",
                            "correct": False,
                            "feedback": (
                                "Customer-facing staff depend on the work of many others. If "
                                "that work is late or wrong, customers feel it too."
                            ),
                        },
                        {
                            "text": "The customer is always right",
                            "correct": False,
                            "feedback": (
                                "That is a different slogan. Deming's idea is about who each "
                                "job serves, not about who wins an argument."
                            ),
                        },
                    ],
                },
            ),
            (
                "matching",
                {
                    "prompt": "Match each role to the customer it serves most directly.",
                    "explanation": (
                        "Most roles serve an internal customer, a colleague who receives the "
                        "work; some serve the paying customer directly."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Payroll specialist",
                            "target": "Employees who expect to be paid correctly and on time",
                            "feedback": (
                                "Payroll's customers are colleagues. People worried about "
                                "their pay cannot give customers their full attention."
                            ),
                        },
                        {
                            "text": "Sales support coordinator",
                            "target": "Sellers who need accurate facts before a meeting",
                            "feedback": (
                                "Sales support serves the sellers. Timely, accurate facts let "
                                "them make promises the company can keep."
                            ),
                        },
                        {
                            "text": "Maintenance technician",
                            "target": "Production operators who need machines that run",
                            "feedback": (
                                "Maintenance serves production. A line that runs reliably is "
                                "what lets orders leave on time."
                            ),
                        },
                        {
                            "text": "Field service engineer",
                            "target": "The paying customer whose equipment has stopped",
                            "feedback": (
                                "Field service meets the paying customer directly, often at "
                                "a stressful moment, so every visit is a touchpoint."
                            ),
                        },
                    ],
                },
            ),
            (
                "true_false",
                {
                    "prompt": "A colleague who receives your work is one of your customers.",
                    "explanation": (
                        "Internal customers are the colleagues who receive your work and "
                        "depend on it to do theirs."
                    ),
                    "points": 1,
                    "answer_is_true": True,
                    "feedback_true": (
                        "Right. They are your internal customer: what you hand them shapes "
                        "what they can pass on, all the way to the paying customer."
                    ),
                    "feedback_false": (
                        "They are, in fact. A colleague who depends on your work is an "
                        "internal customer, and a poor hand-off to them eventually reaches "
                        "paying customers."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "Which question is the best test of whether a role is worth funding?",
                    "explanation": (
                        "Customer-centred thinking starts with the paying customer's view of "
                        "why a role exists."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Why would a paying customer be glad this role exists?",
                            "correct": True,
                            "feedback": (
                                "Right. Seen from the customer's side, the answer shows who "
                                "the work is really for, even if the path runs through "
                                "colleagues."
                            ),
                        },
                        {
                            "text": "How many hours a week does the role work?",
                            "correct": False,
                            "feedback": (
                                "Hours measure effort, not value. A busy role can still add "
                                "little for customers, and a quiet one can add a lot."
                            ),
                        },
                        {
                            "text": "How senior is the person who manages it?",
                            "correct": False,
                            "feedback": (
                                "Seniority tells you about the org chart, not about "
                                "customers. The test is the value that reaches them."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}


LESSON_3 = {
    "slug": "ethnocentrism-about-customer-centricity",
    "title": "Ethnocentrism about customer-centricity",
    "summary": (
        "Feeling customer-focused is not proof of it. Learn why the inside view misleads, "
        "and how to see your work the way customers do."
    ),
    "body": [
        (
            "text",
            "<h2>A word worth borrowing</h2>"
            "<p><b>Ethnocentrism</b> means judging the world mainly from the point of view of "
            "your own culture. Your own customs feel normal; everyone else's look odd.</p>"
            "<p>Teams and companies have cultures too, so the same habit shows up at work. We "
            "judge how customer-centric we are from inside our own team, using our own "
            "yardsticks. Call it ethnocentrism about customer-centricity.</p>",
        ),
        (
            "text",
            "<h2>Feeling focused is not proof</h2>"
            "<p>Ask employees whether their company puts customers first and most will say "
            "yes. Ask that company's customers and many will disagree, often strongly. Both "
            "groups are sincere. They are simply looking from different places.</p>"
            "<p>From the inside, we see our effort: the late nights, the careful processes, "
            "the good intentions. From the outside, customers see only results: how long they "
            "waited, whether the answer was right, whether anyone followed up. Effort that "
            "customers never see counts for little with them.</p>"
            "<p>That gap is why feeling customer-focused is not evidence of being "
            "customer-focused. Judging it from the inside is like marking your own exam: it "
            "is hard to be strict, and easy to miss what you never knew to look for.</p>",
        ),
        (
            "example",
            {
                "title": "The proud help desk",
                "body": (
                    "<p>An IT service team closes 95% of tickets within a day and celebrates "
                    "the number every month. Then someone reads the comments users leave. "
                    "Many tickets were closed because the person stopped replying, not because "
                    "the problem was solved. They did not feel served; they gave up.</p>"
                    "<p>The team had been measuring what was easy to count from the inside. "
                    "Once they added a one-question survey, <i>Was your problem solved?</i>, "
                    "their picture of themselves changed, and so did their work.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>The remedy: look from the outside</h2>"
            "<ul>"
            "<li><b>Take the customer's seat.</b> Walk through your own process as a "
            "customer would: place an order, read the invoice, call the help line.</li>"
            "<li><b>Ask them.</b> Customers will usually tell you what matters if you ask a "
            "short, specific question and listen to the answer.</li>"
            "<li><b>Measure it.</b> Track something customers care about, such as time to a "
            "solution, accuracy, or whether they would recommend you, and look at it "
            "regularly.</li>"
            "</ul>"
            "<p>If you serve colleagues rather than paying customers, the same steps work. "
            "Ask the people who receive your work how it lands for them, and believe the "
            "answer even when it surprises you.</p>",
        ),
        (
            "example",
            {
                "title": "An outside view in ten minutes",
                "body": (
                    "<p>An HR team is sure its onboarding is friendly. A coordinator asks five "
                    "people who joined last quarter one question: what was confusing in your "
                    "first week? Four mention the same thing: nobody told them who to ask about "
                    "building access. A one-line fix to the welcome email solves it.</p>"
                ),
            },
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Don't grade your own customer focus. Let customers do it: take their "
                    "perspective, ask for their view and measure it.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "How would the people who receive your work rate it? How could you find "
                    "out this month?"
                )
            },
        ),
    ],
    "quiz": {
        "title": "Knowledge check: Ethnocentrism about customer-centricity",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": True,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "What does ethnocentrism about customer-centricity mean?",
                    "explanation": (
                        "It is judging how customer-centric we are from inside our own team "
                        "or company, instead of from the customer's side."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Judging our customer focus from inside our own team",
                            "correct": True,
                            "feedback": (
                                "Right. Like judging the world by your own culture's customs, "
                                "it uses the inside view as the yardstick."
                            ),
                        },
                        {
                            "text": "Serving customers from one country better than others",
                            "correct": False,
                            "feedback": (
                                "The word comes from culture, but here it is about "
                                "viewpoint: trusting how things look from inside."
                            ),
                        },
                        {
                            "text": "Asking customers too often for their opinion",
                            "correct": False,
                            "feedback": (
                                "That is closer to the remedy. Asking customers is how you "
                                "escape the inside view."
                            ),
                        },
                    ],
                },
            ),
            (
                "true_false",
                {
                    "prompt": "If most of our team feels customer-focused, that is good "
                    "evidence that we are.",
                    "explanation": (
                        "Employees often rate their customer focus far higher than customers "
                        "do. Only the customer's view settles it."
                    ),
                    "points": 1,
                    "answer_is_true": False,
                    "feedback_true": (
                        "Not quite. Most employees feel customer-focused while many of their "
                        "customers strongly disagree. Feelings from the inside are not "
                        "evidence."
                    ),
                    "feedback_false": (
                        "Right. We see our effort; customers see our results. Only asking and "
                        "measuring their view tells you how customer-focused you are."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": "Which are good ways to check how customer-centric your team "
                    "really is?",
                    "explanation": (
                        "The remedy is to take the customer's perspective, ask for their view "
                        "and measure it."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Ask the people who receive your work a short question",
                            "correct": True,
                            "feedback": (
                                "Yes. A short, specific question gets you the outside view "
                                "quickly, for internal and paying customers alike."
                            ),
                        },
                        {
                            "text": "Walk through your own process as a customer would",
                            "correct": True,
                            "feedback": (
                                "Yes. Taking the customer's seat shows you the waits and "
                                "confusions that are invisible from the inside."
                            ),
                        },
                        {
                            "text": "Track a measure customers care about over time",
                            "correct": True,
                            "feedback": (
                                "Yes. Measuring what matters to customers turns opinions into "
                                "evidence you can act on."
                            ),
                        },
                        {
                            "text": "Ask the team to rate its own customer focus",
                            "correct": False,
                            "feedback": (
                                "A self-rating is the inside view again. It tells you how the "
                                "team feels, not how customers experience its work."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}


LESSON_4 = {
    "slug": "the-priority-order",
    "title": "The priority order",
    "summary": (
        "When interests clash, paying customers come first, internal customers second, and "
        "your own team third. Here is why that order pays off."
    ),
    "body": [
        (
            "text",
            "<h2>Three priorities, in order</h2>"
            "<p>Most days every interest lines up. Sometimes they pull apart, and then it "
            "helps to know which comes first.</p>"
            "<ol>"
            "<li><b>The paying customers' best interest.</b> Ask: what do I do for them, and "
            "what could I do better?</li>"
            "<li><b>Smooth hand-offs to internal customers.</b> The colleagues who receive "
            "your work need it on time, complete and usable.</li>"
            "<li><b>The interest of your own work group and yourself.</b> This matters too. "
            "It just comes third.</li>"
            "</ol>"
            "<p>The order is not about ignoring your own needs. It is about which question "
            "you ask first when you cannot satisfy everyone at once.</p>",
        ),
        (
            "text",
            "<h2>When the order flips</h2>"
            "<p>When a team puts its own convenience first, work slowly becomes self-serving. "
            "Rules get written to make life easier for the team rather than for the people it "
            "serves. Targets get met in ways that push problems downstream. Each choice looks "
            "small and sensible on its own.</p>"
            "<p>Customers notice the pattern even when they can't name it. They feel it as "
            "slow answers, calls passed from desk to desk, and <i>that's not our "
            "department</i>. In the long run it does not pay off for anyone, including the "
            "team that meant well.</p>",
        ),
        (
            "example",
            {
                "title": "Month-end in the warehouse",
                "body": (
                    "<p>A warehouse team is measured on orders shipped per day. On the last "
                    "day of the month, one large order is missing a single item. Shipping it "
                    "incomplete would hit the team's target. Holding it a day would miss the "
                    "target but give the customer everything in one delivery.</p>"
                    "<p>Following the priority order, the team calls the customer, explains "
                    "the choice and lets them decide. The customer asks them to wait. The team "
                    "misses its number by one order and keeps a customer who remembers the "
                    "call.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Why third place is a good place</h2>"
            "<p>Putting yourself third is not self-sacrifice. Companies with above-average "
            "customer satisfaction and retention also tend to earn above-average profits. "
            "Those profits pay for jobs, budgets, training and promotions. Serving customers "
            "well is how a company becomes able to serve its own people well.</p>"
            "<p>So when priorities clash, start with the paying customer, then your "
            "colleagues, then your team. Your own interest is usually better served by that "
            "order than by the reverse.</p>",
        ),
        (
            "example",
            {
                "title": "A rule worth rewriting",
                "body": (
                    "<p>An engineering team accepts change requests only on the first Monday "
                    "of each month, because batching suits its planning. Sales support points "
                    "out that urgent customer fixes now wait up to five weeks. The team keeps "
                    "the monthly batch for routine changes and adds a fast lane for anything a "
                    "customer is waiting on. Planning gets slightly harder; customers stop "
                    "waiting.</p>"
                ),
            },
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Paying customers first, internal customers second, your own team and "
                    "yourself third. Keep that order and the rewards tend to come back "
                    "around.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "Think of a rule or habit in your team. Who does it serve first: "
                    "customers, colleagues or the team itself?"
                )
            },
        ),
    ],
    "quiz": {
        "title": "Knowledge check: The priority order",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": False,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": [
            (
                "sequencing",
                {
                    "prompt": "Put the three priorities in order, first priority at the top.",
                    "explanation": (
                        "Paying customers first, smooth hand-offs to internal customers "
                        "second, your own work group and yourself third."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "What is in the paying customers' best interest",
                            "position": 1,
                            "feedback": (
                                "First. Paying customers keep the company going, so their "
                                "interest is the starting point for every choice."
                            ),
                        },
                        {
                            "text": "Smooth hand-offs to internal customers",
                            "position": 2,
                            "feedback": (
                                "Second. Colleagues who receive your work pass it on towards "
                                "paying customers, so a clean hand-off serves them too."
                            ),
                        },
                        {
                            "text": "The interest of your own work group and yourself",
                            "position": 3,
                            "feedback": (
                                "Third, not last in importance. It is best served by keeping "
                                "the first two in front of it."
                            ),
                        },
                    ],
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "An order is one item short at month-end. Shipping it now "
                    "hits your target. What fits the priority order?",
                    "explanation": (
                        "The customer's interest comes before the team's target, and asking "
                        "them is the surest way to serve it."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Call the customer, explain and let them choose",
                            "correct": True,
                            "feedback": (
                                "Right. It puts the customer's interest first and respects "
                                "their judgement about what they need."
                            ),
                        },
                        {
                            "text": "Ship it incomplete so the team hits its target",
                            "correct": False,
                            "feedback": (
                                "This puts the team's number first. The customer may get a "
                                "partial delivery they cannot use and a second one to handle."
                            ),
                        },
                        {
                            "text": "Hold it quietly and ship it complete next month",
                            "correct": False,
                            "feedback": (
                                "Better than shipping it short, but the customer is left "
                                "guessing. Telling them turns a delay into a good touchpoint."
                            ),
                        },
                    ],
                },
            ),
            (
                "true_false",
                {
                    "prompt": "Putting paying customers first usually costs a company profit "
                    "in the long run.",
                    "explanation": (
                        "Firms with above-average customer satisfaction and retention tend to "
                        "earn above-average profits, which fund jobs and budgets."
                    ),
                    "points": 1,
                    "answer_is_true": False,
                    "feedback_true": (
                        "It tends to work the other way. Companies with above-average "
                        "customer satisfaction and retention also tend to earn above-average "
                        "profits."
                    ),
                    "feedback_false": (
                        "Right. Satisfied customers stay and buy again, and the profit that "
                        "follows pays for jobs, budgets and promotions."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": "Which are signs that a team's priority order has flipped?",
                    "explanation": (
                        "When the order flips, rules and targets start to serve the team "
                        "rather than the people it serves."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Rules written mainly to make the team's life easier",
                            "correct": True,
                            "feedback": (
                                "Yes. A rule that suits the team but makes customers or "
                                "colleagues wait puts the third priority first."
                            ),
                        },
                        {
                            "text": "Targets met by pushing problems to the next team",
                            "correct": True,
                            "feedback": (
                                "Yes. The number looks good, but the internal customer pays "
                                "for it, and often the paying customer after them."
                            ),
                        },
                        {
                            "text": "Batching routine work, with a fast lane for urgent "
                            "customer issues",
                            "correct": False,
                            "feedback": (
                                "This one keeps the order. Efficiency for the team is fine "
                                "as long as customers are not kept waiting for it."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}


LESSON_5 = {
    "slug": "from-engagement-to-ambassadorship",
    "title": "From engagement to ambassadorship",
    "summary": (
        "Engagement is not the same as customer focus. See what ambassadorship adds, then "
        "rate your own customer focus in a short, unscored self-assessment."
    ),
    "body": [
        (
            "text",
            "<h2>What engagement surveys miss</h2>"
            "<p>Many companies run an employee engagement survey every year. It asks how "
            "productive, satisfied and aligned people feel. Those are useful things to "
            "know.</p>"
            "<p>But an engaged workforce is not automatically a customer-focused one. People "
            "can be happy, busy and loyal while paying little attention to what customers "
            "value. Engagement surveys rarely ask about that, so they say little about "
            "it.</p>",
        ),
        (
            "text",
            "<h2>What ambassadorship adds</h2>"
            "<p><b>Ambassadorship</b> takes engagement a step further. Every employee, "
            "whatever their function, level or location, is focused on delivering customer "
            "value and is tasked with it as part of their job description.</p>"
            "<p>That does not happen by chance. In companies that practise it, HR and a "
            "customer experience leader coordinate the effort. They bring customer value into "
            "hiring, onboarding, training and reviews, so it is part of how work is defined "
            "rather than an extra on top.</p>"
            "<p>For someone in facilities, finance or manufacturing, that might mean a line in "
            "the job description about who the work ultimately serves, and a regular "
            "conversation about how well it does.</p>",
        ),
        (
            "text",
            "<h2>Measuring customer focus</h2>"
            "<p>Researchers in this tradition link what employees believe and do to the value "
            "customers actually perceive. They typically ask employees to rate 20 to 25 "
            "customer focus statements, such as:</p>"
            "<ul>"
            "<li>My work contributes to the value customers get.</li>"
            "<li>I know what our customers value most.</li>"
            "<li>I have the tools and resources I need to serve customers.</li>"
            "<li>Management listens to my ideas for creating customer value.</li>"
            "</ul>"
            "<p>Other statements ask whether cross-training helps, whether the mission for "
            "customer value is clear, and whether new products are explained inside the "
            "company. Where employees agree strongly, customers tend to rate the company higher. "
            "Where they don't, the low scores show where to act first.</p>",
        ),
        (
            "example",
            {
                "title": "One low score, one fix",
                "body": (
                    "<p>A product team rates itself on these statements. Almost everyone "
                    "agrees that their work matters to customers, but few agree that new "
                    "products are explained well inside the company. Support staff had been "
                    "learning about new features from customers' questions.</p>"
                    "<p>The team starts a ten-minute briefing for support before each release. "
                    "Nobody needed to care more; they needed to know more.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Your turn</h2>"
            "<p>The check at the end of this lesson is different. It is a short "
            "self-assessment: rate each statement on a five-point scale from <i>strongly "
            "disagree</i> to <i>strongly agree</i>. There are no right answers and no score; "
            "you pass by submitting it.</p>"
            "<p>Answer honestly. The point is to see where you stand today, and where your "
            "manager or team could help you serve customers better.</p>",
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Engagement asks whether people are happy and productive. "
                    "Ambassadorship asks whether everyone, in every role, is focused on "
                    "customer value, and makes it part of the job.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "Which customer focus statement would you rate lowest today? What would "
                    "raise it by one point?"
                )
            },
        ),
    ],
    "quiz": {
        "title": "Self-assessment: Your customer focus",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": False,
        "shuffle_choices": False,
        "all_or_nothing": False,
        "questions": [
            _likert("My work contributes to the value customers get."),
            _likert("I know what our customers value most."),
            _likert("The company is focused on its customers."),
            _likert("Cross-training helps me serve customers better."),
            _likert("Management listens to my ideas for customer value."),
            _likert("Our mission for customer value is clear to me."),
            _likert("New products and services are explained well inside the company."),
            _likert("I have the tools and resources I need to serve customers."),
        ],
    },
}


LESSON_6 = {
    "slug": "listen-measure-and-lead-from-anywhere",
    "title": "Listen, measure, and lead from anywhere",
    "summary": (
        "Complaints are free advice, anyone can fix a cause, and numbers make improvements "
        "spread. Finish with the three steps that make customer focus stick."
    ),
    "body": [
        (
            "text",
            "<h2>Unhappy customers are teachers</h2>"
            "<p>A complaint is uncomfortable, but it is also free advice. Unhappy customers "
            "are the richest source of learning a company has. Their feedback points to "
            "problems in the system, quality issues and even ideas for new products.</p>"
            "<p>One complaint can be bad luck. The same complaint ten times is a pattern, and "
            "patterns can be fixed at the source. So when you hear one, write it down where "
            "others can see it; patterns only show up when complaints are collected.</p>",
        ),
        (
            "example",
            {
                "title": "Damaged pumps",
                "body": (
                    "<p>A manufacturer kept hearing that certain pumps arrived damaged. "
                    "Instead of replacing them one at a time, engineers looked at the pattern "
                    "and started a packaging project. Damage fell, and once customers saw the "
                    "company act on their complaints, their ratings for service and quality "
                    "rose too.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Anyone can lead</h2>"
            "<p>You don't need a title to improve what customers experience. You need to "
            "notice what keeps going wrong and to ask why.</p>"
            "<p>People in back-office and support roles often see problems first, because "
            "they handle the fallout every day: the question that keeps coming back, the form "
            "that is always filled in wrongly, the part that is always reordered. Each one is "
            "a clue. Fixing the cause once is worth more than fixing the symptom a hundred "
            "times.</p>",
        ),
        (
            "example",
            {
                "title": "The file clerk",
                "body": (
                    "<p>A file clerk noticed that many requests for contract files were really "
                    "about names spelled wrongly on the contracts. Rather than keep correcting "
                    "files one by one, the clerk traced the errors back to where names were "
                    "first typed in and got that step fixed. Requests dropped, and customers "
                    "stopped receiving contracts with their names misspelled.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Speak the language leaders watch</h2>"
            "<p>Improvements spread faster when you tie them to numbers leaders already "
            "follow. <i>We made quoting better</i> is easy to ignore. <i>Average response "
            "time to quote requests fell from 12 to 15 days to 2 to 3 days within three "
            "months</i> is hard to ignore, and it shows others what is possible.</p>"
            "<p>Before you start a fix, pick the measure it should move, note where it stands "
            "today, and check it again afterwards.</p>",
        ),
        (
            "text",
            "<h2>Making it stick</h2>"
            "<p>One good project is a start. Making customer focus last takes three "
            "steps:</p>"
            "<ol>"
            "<li><b>Culture.</b> Senior leaders pay attention to customers every day, not "
            "only when there is a crisis.</li>"
            "<li><b>Planning.</b> Plan the customer experience in as much detail as quality, "
            "budget and schedule.</li>"
            "<li><b>Institutionalising.</b> Measure it, and build it into performance reviews "
            "and incentives. What gets measured gets attention.</li>"
            "</ol>"
            "<p>You may not control all three, but you can ask for them, and you can practise "
            "them in your own team starting this week.</p>",
        ),
        (
            "takeaway",
            {
                "heading": "Key takeaway",
                "text": (
                    "<p>Listen hardest to unhappy customers, fix causes rather than symptoms, "
                    "show results in numbers leaders watch, and make customer focus part of "
                    "how work is planned and rewarded.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "prompt": (
                    "Which complaint or error do you see again and again in your work? What "
                    "might be causing it?"
                )
            },
        ),
    ],
    "quiz": {
        "title": "Knowledge check: Listen, measure, and lead from anywhere",
        "pass_mark": 80,
        "max_attempts": None,
        "shuffle_questions": True,
        "shuffle_choices": True,
        "all_or_nothing": False,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "Why are unhappy customers such a valuable source of learning?",
                    "explanation": (
                        "Their feedback reveals systemic problems, quality issues and product "
                        "ideas that are hard to see from the inside."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Their complaints point to problems we can fix at the source",
                            "correct": True,
                            "feedback": (
                                "Right. A repeated complaint is a pattern, and a pattern "
                                "usually has a cause you can remove for every customer."
                            ),
                        },
                        {
                            "text": "They are more likely to buy again than happy customers",
                            "correct": False,
                            "feedback": (
                                "Not on their own. Their value is what they tell us; acting "
                                "on it is what can win them back."
                            ),
                        },
                        {
                            "text": "They show which customers we should stop serving",
                            "correct": False,
                            "feedback": (
                                "That misses the point. Complaints usually reveal something "
                                "in our system that affects many customers, not just one."
                            ),
                        },
                    ],
                },
            ),
            (
                "true_false",
                {
                    "prompt": "Only managers can lead improvements to the customer experience.",
                    "explanation": (
                        "Anyone who notices a repeated problem and fixes its cause is "
                        "leading, whatever their title."
                    ),
                    "points": 1,
                    "answer_is_true": False,
                    "feedback_true": (
                        "Not so. A file clerk who traced misspelled names to where they were "
                        "first typed in improved contracts for every customer."
                    ),
                    "feedback_false": (
                        "Right. Leadership here means noticing a pattern and fixing its "
                        "cause, and anyone in any role can do that."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "You cut the time to answer quote requests. How should you "
                    "report it?",
                    "explanation": (
                        "Tie improvements to numbers leaders already watch, with a before and "
                        "after."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Average reply time fell from 12-15 days to 2-3 days",
                            "correct": True,
                            "feedback": (
                                "Right. A before-and-after figure on a measure leaders "
                                "already follow is hard to ignore and easy to copy."
                            ),
                        },
                        {
                            "text": "The team worked very hard on quoting this quarter",
                            "correct": False,
                            "feedback": (
                                "Effort is the inside view. Leaders and customers respond to "
                                "results, so show what changed for customers."
                            ),
                        },
                        {
                            "text": "Don't report it: the customers will notice anyway",
                            "correct": False,
                            "feedback": (
                                "Customers may notice, but colleagues won't learn from it. "
                                "Reporting the number helps the improvement spread."
                            ),
                        },
                    ],
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": "Which three steps make customer focus stick?",
                    "explanation": (
                        "Culture, planning and institutionalising: daily senior attention, "
                        "detailed planning, and measurement tied to reviews and incentives."
                    ),
                    "points": 1,
                    "choices": [
                        {
                            "text": "Culture: daily attention from senior leaders",
                            "correct": True,
                            "feedback": (
                                "Yes. What leaders pay attention to every day is what the "
                                "organisation learns to care about."
                            ),
                        },
                        {
                            "text": "Planning the customer experience in detail",
                            "correct": True,
                            "feedback": (
                                "Yes. Plan it with the same care as quality, budget and "
                                "schedule, or it will be squeezed out by them."
                            ),
                        },
                        {
                            "text": "Measuring it and building it into reviews and incentives",
                            "correct": True,
                            "feedback": (
                                "Yes. What gets measured and rewarded gets attention, so "
                                "this is what makes the change last."
                            ),
                        },
                        {
                            "text": "A one-off training day with a new slogan",
                            "correct": False,
                            "feedback": (
                                "A good start at best. Without daily attention, planning and "
                                "measurement, the slogan fades within weeks."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}


COURSE = {
    "slug": "everybody-has-a-customer",
    "title": "Everybody Has a Customer",
    "summary": (
        "Whatever your role, your work reaches a customer in the end. Six short lessons on "
        "seeing that chain, serving it well and improving it from wherever you sit."
    ),
    "estimated_minutes": 25,
    "learning_objectives": [
        "Explain how every touchpoint, seen or unseen, creates or destroys customer value.",
        "Name the internal and paying customers your own work serves.",
        "Tell the inside view of customer focus from the customer's view, and check it.",
        "Apply the priority order: paying customers, then colleagues, then your own team.",
        "Rate your own customer focus and pick one point to improve.",
        "Turn a repeated complaint into a measured improvement, whatever your role.",
    ],
    "hero_alt": "Abstract banner: overlapping teal and amber circles on a dark navy background",
    "lessons": [LESSON_1, LESSON_2, LESSON_3, LESSON_4, LESSON_5, LESSON_6],
}
