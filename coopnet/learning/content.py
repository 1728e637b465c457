"""The framework's content: one criterion per network principle with guidance and a four-level
scale, and the "Being a Co-operative Council" actions. Written for coopnet from the principles and
the two themes of actions the network's Leaders/Co-operative Leads Group identified; the guidance
is ours, not the seeds' sentences.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as N

LEVEL_NAMES = (N("Starting"), N("Developing"), N("Established"), N("Leading"))

# principle slug -> (criterion, guidance, four level descriptions)
CRITERIA: dict[str, tuple[str, str, tuple[str, str, str, str]]] = {
    "social-partnership": (
        N("The council works with residents, enterprises and the voluntary sector as partners"),
        N("Look at who sits at the table when priorities are set and whether partners share "
          "risks and rewards, not only consultation."),
        (
            N("Partners are consulted on plans the council has already made."),
            N("Some services or places have a standing partnership with shared aims."),
            N("Partnership agreements with shared outcomes cover most priorities."),
            N("Partners co-own the borough's priorities and hold the council to them."),
        ),
    ),
    "democratic-engagement": (
        N("Residents of every background take part in decisions"),
        N("Consider how people who seldom take part are reached, and whether their views "
          "visibly change decisions."),
        (
            N("Engagement is mostly statutory consultation."),
            N("Targeted engagement reaches some under-represented groups."),
            N("Participatory methods are used regularly and report back what changed."),
            N("Residents decide on real budgets and priorities as a matter of course."),
        ),
    ),
    "co-production": (
        N("Services are designed and commissioned with the people who use them"),
        N("Ask whether service users are equal partners from the start of design to review."),
        (
            N("Users are asked for feedback after services are designed."),
            N("Some services are redesigned with users in pilot projects."),
            N("Co-production is expected in commissioning and resourced."),
            N("Co-production is how the council designs and reviews its services."),
        ),
    ),
    "enterprise-and-social-economy": (
        N("Co-operatives and social enterprises are helped to start and grow"),
        N("Think about advice, finance, premises and markets open to co-operatives."),
        (
            N("No specific support for co-operative or social enterprise."),
            N("Signposting and occasional grants are available."),
            N("A co-operative development offer with advice and finance is in place."),
            N("The local co-operative economy is growing with the council's active support."),
        ),
    ),
    "maximising-social-value": (
        N("Council spending delivers local social and economic value"),
        N("Check whether social value is weighted in contracts and measured after award."),
        (
            N("Social value is mentioned in some tenders."),
            N("A social value policy sets weightings for larger contracts."),
            N("Social value is weighted, measured and reported for most spending."),
            N("Anchor institutions share one approach and report the results together."),
        ),
    ),
    "community-leadership": (
        N("Councillors act as community connectors and the council as a platform"),
        N("Consider training and time for councillors to broker local action, and how the "
          "council hands power to communities."),
        (
            N("Councillors' role is mainly casework and committees."),
            N("Some councillors are supported to lead community initiatives."),
            N("All councillors have training and budgets to support community action."),
            N("Communities lead local projects with the council as enabler."),
        ),
    ),
    "new-models-of-meeting-priority-needs": (
        N("Co-operative and mutual models are used to meet priority needs"),
        N("Look at care, housing, energy and other needs where mutual models give staff and "
          "users a voice."),
        (
            N("Mutual models have not been considered."),
            N("Options appraisals include co-operative and mutual models."),
            N("Several services are delivered through mutual or co-operative models."),
            N("Mutual models are the first option considered for new provision."),
        ),
    ),
    "innovation": (
        N("The council tries new ways of working with communities"),
        N("Ask whether there is room to test ideas, learn from failure and scale what works."),
        (
            N("New approaches are rare and ad hoc."),
            N("Pilots happen but are seldom evaluated."),
            N("Pilots are evaluated and the successful ones are scaled."),
            N("Innovation with communities is planned, funded and shared across the network."),
        ),
    ),
    "learning": (
        N("What the council learns is captured and shared"),
        N("Think about case studies, evaluations, training and taking part in the network."),
        (
            N("Learning stays with the people involved."),
            N("Some projects are written up and shared."),
            N("Case studies and evaluations are shared with the network regularly."),
            N("The council leads learning across the network and adopts what others learn."),
        ),
    ),
    "walking-the-talk": (
        N("The council runs itself by co-operative values"),
        N("Consider openness, staff voice and whether the council's own practices match its "
          "commitments."),
        (
            N("Co-operative values are stated but not yet visible in practice."),
            N("Some internal practices have changed to reflect the values."),
            N("Values shape governance, workforce and procurement decisions."),
            N("The council is recognised as an example of co-operative practice."),
        ),
    ),
}

# group -> [(slug, action, guidance)]
ACTIONS: dict[str, list[tuple[str, str, str]]] = {
    "community_wealth_building": [
        ("inclusive-economy-charter", N("Develop an Inclusive Economy Charter"),
         N("A charter signed by local employers and institutions, with commitments to report on.")),
        ("progressive-procurement", N("Promote a progressive procurement policy"),
         N("A policy that opens spending to local, co-operative and social enterprises.")),
        ("regional-mutual-bank", N("Support a regional mutual or community bank by investing"),
         N("Investment in, or support for, a mutual or community bank serving the region.")),
        ("anchor-institutions", N("Work with anchor institutions to buy and recruit locally"),
         N("Shared commitments with hospitals, colleges and others to buy and hire locally.")),
        ("rent-and-rates", N("Regulate rent and rates for local businesses in council property"),
         N("Rent and rates policies for council-owned property that favour local businesses.")),
        ("living-wage-rebates", N("Offer business rate rebates to Living Wage Accredited businesses"),
         N("A rebate scheme that rewards businesses for becoming Living Wage Accredited.")),
        ("local-employment", N("Champion local employment schemes"),
         N("Schemes that connect local residents with local jobs and training.")),
        ("insourcing", N("Make insourcing council services an objective"),
         N("A stated objective, with a plan, to bring outsourced services back in house.")),
    ],
    "co_operative_placemaking": [
        ("development-strategy", N("Develop a co-operative development strategy"),
         N("An adopted strategy for growing co-operatives in the area, with resources.")),
        ("development-network", N("Establish a co-operative development network"),
         N("A network of local co-operatives, advisers and funders that meets and acts.")),
        ("participatory-budgeting", N("Commit to community engagement including participatory budgeting"),
         N("Residents deciding how part of the budget is spent, with results reported.")),
        ("community-energy", N("Invest in community production, particularly community energy"),
         N("Investment in community-owned energy or production tackling the climate emergency.")),
        ("circular-economy", N("Promote the circular economy"),
         N("Repair, reuse and sharing schemes that keep materials and money local.")),
        ("worker-co-op-conversion", N("Support local enterprises to convert into co-operatives"),
         N("Advice and finance for businesses converting to co-operative or worker ownership.")),
        ("asset-transfer", N("Have an Asset Transfer policy supporting Community Land Trusts"),
         N("A policy for transferring land and buildings to community ownership and land trusts.")),
    ],
}
