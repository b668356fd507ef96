"""The realistic cases the note builder's tests share: the issue's panel
(Junior Data Analyst, two interviewers, a clarification owed to one of them,
a portfolio link promised to the other), as the page sends it."""

PANEL = {
    "your_name": "Sam Rivera",
    "company": "Northwind Health",
    "role": "Junior Data Analyst",
    "interview_date": "2026-11-17",
    "interview_time": "10:00",
    "interview_type": "panel",
    "interviewers.0.name": "Dr. Maria Chen",
    "interviewers.0.title": "Analytics Manager",
    "interviewers.0.email": "maria.chen@northwind.example",
    "interviewers.0.detail": "how I would check a dashboard's numbers before it goes to the clinics",
    "interviewers.0.clarify": "when you asked about SQL window functions, I gave a short answer; "
    "I use them every week to build patient-cohort reports",
    "interviewers.1.name": "James O'Connor",
    "interviewers.1.title": "Head of Data Engineering",
    "interviewers.1.email": "j.oconnor@northwind.example",
    "interviewers.1.detail": "the move of the reporting pipeline to dbt",
    "interviewers.1.clarify": "As promised, here is the link to my portfolio: https://samrivera.dev/portfolio",
    "discussed": "The new loyalty programme launch and the data it will need",
    "strengths": "in my capstone I built the reporting for a student-run clinic's appointment data, "
    "which taught me to check every figure against its source",
    "fit": "I want to grow as an analyst in healthcare, and your team's focus on clean, trusted reporting "
    "is exactly the work I want to do",
    "signature": "+1 555 0100\nlinkedin.com/in/samrivera",
    "format": "email",
    "tone": "formal",
    "_now": "2026-11-17T18:00",
}

CHEN_EMAIL = """Dear Dr. Chen,

Thank you for meeting with me on Tuesday 17 November to discuss the Junior Data Analyst role at Northwind Health. \
I appreciated your questions about how I would check a dashboard's numbers before it goes to the clinics. \
I also enjoyed discussing the new loyalty programme launch and the data it will need. \
In my capstone I built the reporting for a student-run clinic's appointment data, which taught me to check every \
figure against its source.

When you asked about SQL window functions, I gave a short answer; I use them every week to build patient-cohort \
reports.

I remain very interested in the role and in joining your team. I look forward to hearing about the next steps.

Kind regards,
Sam Rivera
+1 555 0100
linkedin.com/in/samrivera"""

OCONNOR_EMAIL = """Dear James O'Connor,

I am grateful to you for meeting with me on Tuesday 17 November to discuss the Junior Data Analyst role at \
Northwind Health. I valued our exchange about the move of the reporting pipeline to dbt.

As promised, here is the link to my portfolio: https://samrivera.dev/portfolio

I want to grow as an analyst in healthcare, and your team's focus on clean, trusted reporting is exactly the work \
I want to do. I am still very keen to join your team in this role. I look forward to hearing from you.

Kind regards,
Sam Rivera
+1 555 0100
linkedin.com/in/samrivera"""

INFORMATIONAL = {
    "your_name": "Sam Rivera",
    "company": "Northwind Health",
    "interview_date": "2026-11-17",
    "interview_type": "informational",
    "interviewers.0.name": "Priya Natarajan",
    "interviewers.0.title": "Senior Data Scientist",
    "interviewers.0.detail": "which SQL skills hiring managers test first",
    "discussed": "how you moved from nursing into analytics",
    "strengths": "I built a clinic dashboard",
    "fit": "I would be a great analyst",
    "format": "email",
    "tone": "warm",
    "_now": "2026-11-18T09:00",
}

INFORMATIONAL_EMAIL = """Hi Priya,

Thank you so much for taking the time to talk with me on Tuesday 17 November. What you said about which SQL \
skills hiring managers test first was really helpful. I also loved hearing about how you moved from nursing into \
analytics.

I'll let you know how I put your advice to use.

Best wishes,
Sam Rivera"""
