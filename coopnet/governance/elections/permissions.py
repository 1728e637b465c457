"""Who may do what in elections. Views check these; services check them again for writes.

Acting for an organisation (nominating, delegating its vote) and casting its vote depend on the
person's roles on the day; those rules are in `selectors` (acting_organisations, voting_rights).
"""

import rules

from coopnet.accounts.permissions import is_network_admin


@rules.predicate
def election_is_public(user, election) -> bool:
    return election is not None and election.is_public


@rules.predicate
def is_nominee(user, nomination) -> bool:
    person = getattr(user, "person", None) if user is not None and user.is_authenticated else None
    return nomination is not None and person is not None and person.pk == nomination.person_id


@rules.predicate
def made_nomination(user, nomination) -> bool:
    return (
        nomination is not None
        and user is not None
        and user.is_authenticated
        and nomination.nominated_by_id == user.pk
    )


rules.add_perm("elections.manage", is_network_admin)
rules.add_perm("elections.view_nomination", is_network_admin | is_nominee | made_nomination)
rules.add_perm("elections.view_election", is_network_admin | election_is_public)
