"""The framework's content: one criterion per network principle with guidance and a four-level
scale, and the "Being a Co-operative Council" actions. Written for coopnet from the principles and
the two themes of actions the network's Leaders/Co-operative Leads Group identified; the guidance
is ours, not the seeds' sentences.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

LEVEL_NAMES = (
    gettext_noop("Starting"),
    gettext_noop("Developing"),
    gettext_noop("Established"),
    gettext_noop("Leading"),
)

# principle slug -> (criterion, guidance, four level descriptions)
CRITERIA: dict[str, tuple[str, str, tuple[str, str, str, str]]] = {
    "social-partnership": (
        gettext_noop(
            "The council works with residents, enterprises and the voluntary sector as partners"
        ),
        gettext_noop(
            "Look at who sits at the table when priorities are set and whether partners share "
            "risks and rewards, not only consultation."
        ),
        (
            gettext_noop("Partners are consulted on plans the council has already made."),
            gettext_noop("Some services or places have a standing partnership with shared aims."),
            gettext_noop("Partnership agreements with shared outcomes cover most priorities."),
            gettext_noop("Partners co-own the borough's priorities and hold the council to them."),
        ),
    ),
    "democratic-engagement": (
        gettext_noop("Residents of every background take part in decisions"),
        gettext_noop(
            "Consider how people who seldom take part are reached, and whether their views "
            "visibly change decisions."
        ),
        (
            gettext_noop("Engagement is mostly statutory consultation."),
            gettext_noop("Targeted engagement reaches some under-represented groups."),
            gettext_noop("Participatory methods are used regularly and report back what changed."),
            gettext_noop("Residents decide on real budgets and priorities as a matter of course."),
        ),
    ),
    "co-production": (
        gettext_noop("Services are designed and commissioned with the people who use them"),
        gettext_noop(
            "Ask whether service users are equal partners from the start of design to review."
        ),
        (
            gettext_noop("Users are asked for feedback after services are designed."),
            gettext_noop("Some services are redesigned with users in pilot projects."),
            gettext_noop("Co-production is expected in commissioning and resourced."),
            gettext_noop("Co-production is how the council designs and reviews its services."),
        ),
    ),
    "enterprise-and-social-economy": (
        gettext_noop("Co-operatives and social enterprises are helped to start and grow"),
        gettext_noop("Think about advice, finance, premises and markets open to co-operatives."),
        (
            gettext_noop("No specific support for co-operative or social enterprise."),
            gettext_noop("Signposting and occasional grants are available."),
            gettext_noop("A co-operative development offer with advice and finance is in place."),
            gettext_noop(
                "The local co-operative economy is growing with the council's active support."
            ),
        ),
    ),
    "maximising-social-value": (
        gettext_noop("Council spending delivers local social and economic value"),
        gettext_noop(
            "Check whether social value is weighted in contracts and measured after award."
        ),
        (
            gettext_noop("Social value is mentioned in some tenders."),
            gettext_noop("A social value policy sets weightings for larger contracts."),
            gettext_noop("Social value is weighted, measured and reported for most spending."),
            gettext_noop("Anchor institutions share one approach and report the results together."),
        ),
    ),
    "community-leadership": (
        gettext_noop("Councillors act as community connectors and the council as a platform"),
        gettext_noop(
            "Consider training and time for councillors to broker local action, and how the "
            "council hands power to communities."
        ),
        (
            gettext_noop("Councillors' role is mainly casework and committees."),
            gettext_noop("Some councillors are supported to lead community initiatives."),
            gettext_noop("All councillors have training and budgets to support community action."),
            gettext_noop("Communities lead local projects with the council as enabler."),
        ),
    ),
    "new-models-of-meeting-priority-needs": (
        gettext_noop("Co-operative and mutual models are used to meet priority needs"),
        gettext_noop(
            "Look at care, housing, energy and other needs where mutual models give staff and "
            "users a voice."
        ),
        (
            gettext_noop("Mutual models have not been considered."),
            gettext_noop("Options appraisals include co-operative and mutual models."),
            gettext_noop("Several services are delivered through mutual or co-operative models."),
            gettext_noop("Mutual models are the first option considered for new provision."),
        ),
    ),
    "innovation": (
        gettext_noop("The council tries new ways of working with communities"),
        gettext_noop(
            "Ask whether there is room to test ideas, learn from failure and scale what works."
        ),
        (
            gettext_noop("New approaches are rare and ad hoc."),
            gettext_noop("Pilots happen but are seldom evaluated."),
            gettext_noop("Pilots are evaluated and the successful ones are scaled."),
            gettext_noop(
                "Innovation with communities is planned, funded and shared across the network."
            ),
        ),
    ),
    "learning": (
        gettext_noop("What the council learns is captured and shared"),
        gettext_noop(
            "Think about case studies, evaluations, training and taking part in the network."
        ),
        (
            gettext_noop("Learning stays with the people involved."),
            gettext_noop("Some projects are written up and shared."),
            gettext_noop("Case studies and evaluations are shared with the network regularly."),
            gettext_noop(
                "The council leads learning across the network and adopts what others learn."
            ),
        ),
    ),
    "walking-the-talk": (
        gettext_noop("The council runs itself by co-operative values"),
        gettext_noop(
            "Consider openness, staff voice and whether the council's own practices match its "
            "commitments."
        ),
        (
            gettext_noop("Co-operative values are stated but not yet visible in practice."),
            gettext_noop("Some internal practices have changed to reflect the values."),
            gettext_noop("Values shape governance, workforce and procurement decisions."),
            gettext_noop("The council is recognised as an example of co-operative practice."),
        ),
    ),
}

# group -> [(slug, action, guidance)]
ACTIONS: dict[str, list[tuple[str, str, str]]] = {
    "community_wealth_building": [
        (
            "inclusive-economy-charter",
            gettext_noop("Develop an Inclusive Economy Charter"),
            gettext_noop(
                "A charter signed by local employers and institutions, "
                "with commitments to report on."
            ),
        ),
        (
            "progressive-procurement",
            gettext_noop("Promote a progressive procurement policy"),
            gettext_noop(
                "A policy that opens spending to local, co-operative and social enterprises."
            ),
        ),
        (
            "regional-mutual-bank",
            gettext_noop("Support a regional mutual or community bank by investing"),
            gettext_noop(
                "Investment in, or support for, a mutual or community bank serving the region."
            ),
        ),
        (
            "anchor-institutions",
            gettext_noop("Work with anchor institutions to buy and recruit locally"),
            gettext_noop(
                "Shared commitments with hospitals, colleges and others to buy and hire locally."
            ),
        ),
        (
            "rent-and-rates",
            gettext_noop("Regulate rent and rates for local businesses in council property"),
            gettext_noop(
                "Rent and rates policies for council-owned property that favour local businesses."
            ),
        ),
        (
            "living-wage-rebates",
            gettext_noop("Offer business rate rebates to Living Wage Accredited businesses"),
            gettext_noop(
                "A rebate scheme that rewards businesses for becoming Living Wage Accredited."
            ),
        ),
        (
            "local-employment",
            gettext_noop("Champion local employment schemes"),
            gettext_noop("Schemes that connect local residents with local jobs and training."),
        ),
        (
            "insourcing",
            gettext_noop("Make insourcing council services an objective"),
            gettext_noop(
                "A stated objective, with a plan, to bring outsourced services back in house."
            ),
        ),
    ],
    "co_operative_placemaking": [
        (
            "development-strategy",
            gettext_noop("Develop a co-operative development strategy"),
            gettext_noop(
                "An adopted strategy for growing co-operatives in the area, with resources."
            ),
        ),
        (
            "development-network",
            gettext_noop("Establish a co-operative development network"),
            gettext_noop(
                "A network of local co-operatives, advisers and funders that meets and acts."
            ),
        ),
        (
            "participatory-budgeting",
            gettext_noop("Commit to community engagement including participatory budgeting"),
            gettext_noop(
                "Residents deciding how part of the budget is spent, with results reported."
            ),
        ),
        (
            "community-energy",
            gettext_noop("Invest in community production, particularly community energy"),
            gettext_noop(
                "Investment in community-owned energy or production tackling the climate emergency."
            ),
        ),
        (
            "circular-economy",
            gettext_noop("Promote the circular economy"),
            gettext_noop("Repair, reuse and sharing schemes that keep materials and money local."),
        ),
        (
            "worker-co-op-conversion",
            gettext_noop("Support local enterprises to convert into co-operatives"),
            gettext_noop(
                "Advice and finance for businesses converting to co-operative or worker ownership."
            ),
        ),
        (
            "asset-transfer",
            gettext_noop("Have an Asset Transfer policy supporting Community Land Trusts"),
            gettext_noop(
                "A policy for transferring land and buildings to community ownership "
                "and land trusts."
            ),
        ),
    ],
}
