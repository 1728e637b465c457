"""Who may do what in the knowledge hub. Views check these; services check them again for writes.

- Anyone may read published case studies, public publications and published news.
- Officers who manage an organisation's profile (`Role.objects.managing`, through the members
  app) write case studies for it (as its lead member), see them at every stage, and edit them
  while they are drafts or returned with comments.
- Network admins moderate (publish or return with comments), edit any case study and its
  address, write for any organisation, build Case Studies Packs and publish them as
  publications, publish news, import case studies and keep the library in the back office
  (deleting there is for superusers).
"""

import rules

from coopnet.accounts.permissions import is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed
from coopnet.members.permissions import manages_organisation, manages_some_organisation


@rules.predicate
def manages_lead_member(user, case_study) -> bool:
    return case_study is not None and manages_organisation(user, case_study.lead_organisation)


@rules.predicate
def is_published(user, case_study) -> bool:
    return case_study is not None and case_study.is_published


@rules.predicate
def is_open_for_members(user, case_study) -> bool:
    return case_study is not None and case_study.is_editable_by_members


rules.add_perm("knowledge.write_case_study", is_network_admin | manages_some_organisation)
# obj: the Organisation that would lead the case study.
rules.add_perm("knowledge.write_for", is_network_admin | manages_organisation)
rules.add_perm("knowledge.write_for_any_organisation", is_network_admin)
rules.add_perm("knowledge.view_case_study", is_published | is_network_admin | manages_lead_member)
rules.add_perm(
    "knowledge.change_case_study",
    is_network_admin | (manages_lead_member & is_open_for_members),
)
rules.add_perm("knowledge.change_case_study_address", is_network_admin)


@rules.predicate
def is_author(user, case_study) -> bool:
    return bool(
        case_study is not None and user.is_authenticated and case_study.created_by_id == user.pk
    )


@rules.predicate
def is_unsent_draft(user, case_study) -> bool:
    """A draft never sent for review (once sent it is submitted, then returned or published;
    an unpublished one goes back as returned, so it is never a draft again)."""
    return case_study is not None and case_study.state == case_study.State.DRAFT


# A draft is deleted by its author (while they still manage the lead member) or by staff;
# never once it has been sent for review or published.
rules.add_perm(
    "knowledge.delete_case_study",
    ((is_author & manages_lead_member) | is_network_admin) & is_unsent_draft,
)
rules.add_perm("knowledge.submit_case_study", manages_lead_member | is_network_admin)
rules.add_perm("knowledge.view_case_study_history", manages_lead_member | is_network_admin)
rules.add_perm("knowledge.moderate_case_studies", is_network_admin)
rules.add_perm("knowledge.build_packs", is_network_admin)
rules.add_perm("knowledge.publish_news", is_network_admin)
rules.add_perm("knowledge.import_case_studies", is_network_admin)
rules.add_perm("knowledge.edit_library", is_network_admin)
rules.add_perm("knowledge.delete_from_library", rules.is_superuser)


def _as_case_study(user, item) -> bool:
    return allowed(user, "knowledge.view_case_study", item.case_study)


def _as_publication(user, publication) -> bool:
    return publication.is_public or allowed(user, "knowledge.edit_library")


def register_files() -> None:
    """Who may see each file knowledge keeps (coopnet.core.files): a case study's images and
    attachments as the case study (public once published), a publication's file and cover once
    it is shown on the website, a pack to those who build packs."""
    register_file("knowledge.CaseStudyImage", "image", can_view=_as_case_study)
    register_file("knowledge.CaseStudyAttachment", "file", can_view=_as_case_study)
    register_file("knowledge.Publication", "file", can_view=_as_publication)
    register_file("knowledge.Publication", "cover", can_view=_as_publication)
    register_file(
        "knowledge.CaseStudiesPack",
        "file",
        can_view=lambda user, pack: allowed(user, "knowledge.build_packs"),
    )
