"""The sample plan's words: a decision and reason for each opportunity, and a success measure
for each suggested action it takes up, written to fit that opportunity and that action.

Keyed by the seed's opportunity ids; an opportunity missing here (new content) is left
undecided, so the sample never says something that does not fit.
"""

from __future__ import annotations

from lio_planner.domain.enums import Decision

# The front page a board would approve: the CVS's introduction (purpose and priorities, which
# match the decisions below) and the governance block. The dates are set from today.
SAMPLE_INTRODUCTION = """\
This plan sets out how we will respond to the government's Civil Society Strategy, published \
in August 2018. The strategy asks government, local and national, to work with charities, \
community groups and social enterprises as partners, and says they need a strong local support \
system to flourish. Much has changed since 2018, so we have checked each opportunity against \
what is happening in our area now.

Our purpose is to support, develop and speak up for the voluntary and community groups in our \
area, most of them small and run by volunteers. This plan covers the work that goes beyond our \
everyday support to members.

Our priorities for the period are:
- the future of core support for local groups, as our core grant comes up for renewal;
- fairer commissioning and more grant funding, so that small providers are not squeezed out;
- community ownership of the buildings the council plans to dispose of;
- a stronger voice for young people, in our own decisions and in the council's youth offer.

Each action has a named owner, a due date and a measure of success. Trustees review progress \
every six months; the summary shows where things stand, and the opportunities we have set \
aside or not yet decided are listed at the end."""
SAMPLE_APPROVED_BY = "Board of trustees"
SAMPLE_VERSION = "1.0"
SAMPLE_LEAD = "Helen Marsh, chair of trustees"

P, N, X, U = Decision.PURSUE, Decision.NOT_NOW, Decision.NOT_APPLICABLE, Decision.UNDECIDED

# opportunity id -> (decision, reason, success measures for its first suggested actions)
SAMPLE_RESPONSES: dict[str, tuple[Decision, str, tuple[str, ...]]] = {
    "local-support-system": (
        P,
        "Our core grant is up for renewal next year, and this section of the strategy is the "
        "best case we have for it.",
        (
            "One-page summary sent to the council and the integrated care board",
            "Five case studies included in the core grant bid",
        ),
    ),
    "infrastructure-support-models": (
        P,
        "Trustees want options for new income before the core grant is renewed.",
        ("Income summary and options discussed at the trustees' meeting",),
    ),
    "lio-front-door": (
        P,
        "The council's new chief executive asked how to reach community groups more easily.",
        (
            "Offer sent and a meeting held with the chief executive's office",
            "Two forums held, with summaries sent to commissioners",
        ),
    ),
    "system-failure-gap": (
        P,
        "Two members nearly closed last year when a single contract ended early.",
        ("Income figures for us and our members reported to trustees",),
    ),
    "collaborative-commissioning": (
        P,
        "The day services contract is being recommissioned, and the council has asked for ideas.",
        (
            "Workshop held and principles agreed by commissioners",
            "Charter signed by the council and the integrated care board",
        ),
    ),
    "citizen-commissioners": (
        N,
        "The council has no citizen commissioner scheme yet; we will return to this if it starts"
        " one.",
        (),
    ),
    "commissioner-peer-network": (
        P,
        "Our commissioners want to learn from other areas, and we have good local examples to "
        "offer.",
        ("Answer circulated to members in the monthly bulletin",),
    ),
    "public-service-mutuals": (
        X,
        "No public services in our area are being spun out, and no member has asked about the "
        "mutual model.",
        (),
    ),
    "contracts-law-flexibility": (
        P,
        "Small providers keep losing out to large bundled contracts.",
        (
            "Reply received and shared with members",
            "Example sent to NAVCA",
        ),
    ),
    "innovation-partnerships": (
        U,
        "",
        (),
    ),
    "contracts-finder-mystery-shopper": (
        P,
        "Members told us they miss contract opportunities because they do not know where to look.",
        ("Session held with at least 12 member groups attending",),
    ),
    "strategic-supplier-group": (
        X,
        "Few of our members subcontract under national suppliers, so we have little to add.",
        (),
    ),
    "grants-2-0": (
        P,
        "Grants to small groups have fallen every year for five years.",
        (
            "Answers from every commissioner published for members",
            "Requirements proposed to the grants team in writing",
        ),
    ),
    "grant-guidance-and-transparency": (
        N,
        "We will take this up after the council's grants review this autumn.",
        (),
    ),
    "dormant-accounts-financial-inclusion": (
        P,
        "Debt advice groups are our busiest members since living costs rose.",
        ("Directory of money advice groups sent to all members",),
    ),
    "social-investment": (
        N,
        "No member is ready to take on a loan this year.",
        (),
    ),
    "social-impact-bonds": (
        X,
        "No social impact bond is running or planned in our area.",
        (),
    ),
    "social-value-act": (
        U,
        "",
        (),
    ),
    "social-value-wider-use": (
        P,
        "The council is rewriting its asset transfer policy this year.",
        ("Proposal sent to the council's cabinet member",),
    ),
    "demonstrating-social-value": (
        P,
        "We need to show our own worth before asking anyone else to show theirs.",
        (
            "Social value statement published in the annual report",
            "Workshop held, with at least ten statements collected",
        ),
    ),
    "community-assets": (
        P,
        "The council plans to dispose of several community buildings over the next two years.",
        (
            "Map shared with members and the property team",
            "Business case presented to the council",
        ),
    ),
    "place-based-social-action": (
        P,
        "A Big Local area and a new place-based programme both overlap with our members' work.",
        ("Written agreement on who does what in each area",),
    ),
    "community-organisers": (
        N,
        "No organisers are working locally at present.",
        (),
    ),
    "major-incidents": (
        P,
        "Last winter's floods showed how much the council relies on community groups in an "
        "emergency.",
        (
            "Seat agreed on the resilience forum's community group",
            "Emergency list reviewed and up to date",
        ),
    ),
    "volunteering": (
        P,
        "Volunteer numbers have not recovered, and people tell us the forms put them off.",
        (
            "Five new flexible roles advertised",
            "Online form live, with sign-ups counted each month",
        ),
    ),
    "digital-inclusion-and-tech": (
        P,
        "Many small groups and older residents still struggle with basic online tasks.",
        ("Four sessions held, attendance recorded",),
    ),
    "innovation-in-democracy": (
        U,
        "",
        (),
    ),
    "youth-services-guidance": (
        P,
        "The council is reviewing its youth offer this year.",
        ("Comparison sent to the council's youth lead",),
    ),
    "youth-voice": (
        P,
        "Our youth members have asked for a say in how we work.",
        ("Two young people sitting on our grants panel",),
    ),
    "iwill-youth-social-action": (
        N,
        "Our volunteering team is full until the new coordinator starts.",
        (),
    ),
    "youth-employment-dormant-accounts": (
        P,
        "Youth unemployment in two of our wards is twice the county average.",
        ("Map sent to members and the council's employment lead",),
    ),
    "care-leaver-covenant": (
        P,
        "The leaving care team asked us to help find placements.",
        (
            "List of offers sent to the leaving care team",
            "Our own offer in writing to the leaving care team",
        ),
    ),
    "compact-renewal": (
        P,
        "Our local compact has not been reviewed since 2014.",
        ("Compact status reported to trustees and the council",),
    ),
    "local-charters": (
        X,
        "Our area has no parish or town councils.",
        (),
    ),
    "lep-boards-diversity": (
        N,
        "The council is still deciding how to take on the LEP's functions; we will ask again "
        "next year.",
        (),
    ),
}
