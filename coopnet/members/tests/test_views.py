"""The registry's pages: what visitors, officers and staff see, refusals, and query budgets."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from coopnet.members.models import OrganisationKind, Role
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    category,
)

pytestmark = pytest.mark.django_db


def make_affiliates(n: int) -> list[Any]:
    orgs = []
    for _ in range(n):
        org = OrganisationFactory()
        MembershipFactory(organisation=org, category=category("affiliate"))
        RoleFactory(organisation=org, person=PersonFactory(is_public=True))
        orgs.append(org)
    return orgs


@pytest.mark.parametrize("rows", [5, 50])
def test_directory_costs_the_same_queries_at_5_and_50_rows(
    client, django_assert_max_num_queries, rows
):
    make_affiliates(rows)
    url = reverse("members:directory")
    # page version, filter choices 3, registry version, count, page
    with django_assert_max_num_queries(7):
        response = client.get(url, {"category": "affiliate"})
    assert response.status_code == 200
    assert f"{rows} member organisations" in response.text
    with django_assert_max_num_queries(1):  # the same page again: remembered, version check only
        again = client.get(url, {"category": "affiliate"})
    assert again.content == response.content


@pytest.mark.parametrize("rows", [5, 50])
def test_home_costs_the_same_queries_at_5_and_50_rows(client, django_assert_max_num_queries, rows):
    make_affiliates(rows)
    # headline figures with their coverage and published figures, and what is new in each app
    with django_assert_max_num_queries(15):
        response = client.get("/")
    assert response.status_code == 200


@pytest.mark.parametrize("people", [2, 30])
def test_organisation_page_query_count_does_not_grow_with_people(
    client, django_assert_max_num_queries, people
):
    org = CouncilFactory(la_code="OLD")
    MembershipFactory(organisation=org, category=category("full"))
    for _ in range(people):
        RoleFactory(organisation=org, person=PersonFactory(is_public=True))
    # content version, organisation with its membership, history, public roles, case studies
    with django_assert_max_num_queries(5):
        response = client.get(org.get_absolute_url())
    assert response.status_code == 200


def test_directory_paginates_with_shareable_urls(client):
    make_affiliates(30)
    response = client.get(reverse("members:directory"), {"category": "affiliate", "page": 2})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(response.context["page_obj"].object_list) == 5
    assert "category=affiliate&amp;page=1" in response.text


def test_directory_tells_the_visitor_when_nothing_matches(client, org_a):
    response = client.get(reverse("members:directory"), {"q": "zzz-no-such-name"})
    assert "No organisations match" in response.text


def test_directory_ignores_unknown_filter_values_with_a_message(client, org_a):
    response = client.get(reverse("members:directory"), {"category": "platinum"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_organisation_page_shows_public_people_but_never_private_ones_or_contact_details(
    client, org_a
):
    public = PersonFactory(full_name="Public Person", is_public=True, email="public@example.org")
    private = PersonFactory(full_name="Private Person", is_public=False)
    RoleFactory(organisation=org_a, person=public, title="Leader of the Council")
    RoleFactory(organisation=org_a, person=private)
    response = client.get(org_a.get_absolute_url())
    assert "Public Person" in response.text
    assert "Leader of the Council" in response.text
    assert "Private Person" not in response.text
    assert "public@example.org" not in response.text


def test_organisation_page_shows_membership_history_and_reference_data(client, network_admin):
    org = CouncilFactory(la_code="CRF")
    MembershipFactory(
        organisation=org,
        category=category("full"),
        start=date(2019, 8, 1),
        end=date(2021, 7, 31),
        end_reason="Lapsed",
    )
    MembershipFactory(organisation=org, category=category("full"), start=date(2022, 8, 1))
    response = client.get(org.get_absolute_url())
    # The public sees when the earlier membership ended, never staff's note of why.
    assert "31 July 2021" in response.text
    assert "Lapsed" not in response.text
    assert "Wales" in response.text
    assert "W06000015" in response.text
    client.force_login(network_admin)
    assert "Why it ended (seen by staff only): Lapsed" in client.get(org.get_absolute_url()).text


def test_staffs_note_of_why_a_membership_ended_never_reaches_another_signed_in_person(
    client, network_admin, supporter
):
    org = CouncilFactory(la_code="CRF")
    MembershipFactory(
        organisation=org,
        category=category("full"),
        start=date(2019, 8, 1),
        end=date(2021, 7, 31),
        end_reason="Lapsed",
    )
    client.force_login(network_admin)  # remembered first for staff
    assert "Why it ended (seen by staff only): Lapsed" in client.get(org.get_absolute_url()).text
    client.force_login(supporter)
    page = client.get(org.get_absolute_url()).text
    assert "31 July 2021" in page
    assert "Lapsed" not in page
    client.force_login(network_admin)
    assert "Lapsed" in client.get(org.get_absolute_url()).text


def test_a_hidden_organisation_is_404_to_the_public_but_visible_to_staff(client, network_admin):
    org = OrganisationFactory(is_public=False)
    assert client.get(org.get_absolute_url()).status_code == 404
    client.force_login(network_admin)
    assert client.get(org.get_absolute_url()).status_code == 200


def test_officer_edits_own_profile(client, officer_a, org_a):
    client.force_login(officer_a)
    url = reverse("members:edit", args=[org_a.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"website": "https://oldham.example", "description": "Hello"})
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.description == "Hello"


def test_bad_profile_input_is_refused_with_an_error_summary(client, officer_a, org_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("members:edit", args=[org_a.slug]), {"website": "nope", "email": "x"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert 'href="#id_website"' in response.text
    org_a.refresh_from_db()
    assert org_a.website == ""


def _opened(client, url: str) -> dict[str, str]:
    """The edit form's fields as the page shows them (what a browser would send back)."""
    page = client.get(url).content.decode()
    values = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page))
    for name in ("description", "address"):
        found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
        values[name] = found.group(1).strip() if found else ""
    values.pop("csrfmiddlewaretoken", None)
    return {**dict.fromkeys(("website", "email", "phone"), ""), **values}


def test_two_editors_who_opened_the_profile_together_keep_both_changes(client, officer_a, org_a):
    org_a.description, org_a.phone = "Old words.", "01632 960000"
    org_a.save()
    client.force_login(officer_a)
    url = reverse("members:edit", args=[org_a.slug])
    first, second = _opened(client, url), _opened(client, url)
    first["description"] = "New words."
    second["phone"] = "01632 960999"
    assert client.post(url, first).status_code == 302
    assert client.post(url, second).status_code == 302
    org_a.refresh_from_db()
    assert (org_a.description, org_a.phone) == ("New words.", "01632 960999")


def test_a_change_over_someone_elses_is_refused_and_nothing_is_lost(client, officer_a, org_a):
    org_a.phone = "01632 960000"
    org_a.save()
    client.force_login(officer_a)
    url = reverse("members:edit", args=[org_a.slug])
    first, second = _opened(client, url), _opened(client, url)
    first["phone"] = "01632 960111"
    second["phone"] = "01632 960222"
    second["description"] = "Also this."
    assert client.post(url, first).status_code == 302
    refused = client.post(url, second)
    assert refused.status_code == 200
    assert "Someone else changed telephone after you opened this page." in refused.text
    org_a.refresh_from_db()
    assert (org_a.phone, org_a.description) == ("01632 960111", "")
    # The page now starts from what is saved: sending it again saves this editor's version.
    again = _opened_from(refused.text)
    assert client.post(url, {**second, "shown": again}).status_code == 302
    org_a.refresh_from_db()
    assert (org_a.phone, org_a.description) == ("01632 960222", "Also this.")


def _opened_from(page: str) -> str:
    found = re.search(r'name="shown"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="shown"', page)
    assert found
    return found.group(1) or found.group(2)


@pytest.mark.parametrize("url_name", ["members:edit", "members:contacts", "members:contact_add"])
def test_officer_of_another_organisation_is_refused(client, officer_b, org_a, url_name):
    client.force_login(officer_b)
    assert client.get(reverse(url_name, args=[org_a.slug])).status_code == 403
    assert (
        client.post(
            reverse(url_name, args=[org_a.slug]), {"full_name": "X", "kind": "officer"}
        ).status_code
        == 403
    )
    assert not Role.objects.filter(organisation=org_a, person__full_name="X").exists()


def test_anonymous_visitor_is_sent_to_sign_in_for_editing(client, org_a):
    response = client.get(reverse("members:edit", args=[org_a.slug]))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_officer_adds_changes_and_ends_a_contact(client, officer_a, org_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("members:contact_add", args=[org_a.slug]),
        {
            "full_name": "Grace Hopper",
            "kind": "invoice_contact",
            "email": "grace@example.org",
            "consent_to_contact": "on",
        },
    )
    assert response.status_code == 302
    role = Role.objects.get(organisation=org_a, person__full_name="Grace Hopper")
    assert role.person.consent_to_contact
    page = client.get(reverse("members:contacts", args=[org_a.slug]))
    assert "grace@example.org" in page.text
    client.post(
        reverse("members:contact_edit", args=[org_a.slug, role.pk]),
        {"full_name": "Grace Hopper", "kind": "voting_contact", "email": "grace@example.org"},
    )
    role.refresh_from_db()
    assert role.kind == "voting_contact"
    client.post(reverse("members:contact_end", args=[org_a.slug, role.pk]), {"confirm": "yes"})
    role.refresh_from_db()
    assert role.end is not None


def test_a_role_of_another_organisation_cannot_be_reached_through_your_own(
    client, officer_a, org_a, org_b
):
    other = RoleFactory(organisation=org_b)
    client.force_login(officer_a)
    url = reverse("members:contact_edit", args=[org_a.slug, other.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(reverse("members:contact_end", args=[org_a.slug, other.pk])).status_code == 404
    )
    other.refresh_from_db()
    assert other.end is None


def test_a_contact_s_language_for_emails_is_recorded_and_shown_again(client, officer_a, org_a):
    client.force_login(officer_a)
    form = client.get(reverse("members:contact_add", args=[org_a.slug]))
    assert "Language for emails" in form.text
    client.post(
        reverse("members:contact_add", args=[org_a.slug]),
        {
            "full_name": "Dai Jones",
            "kind": "invoice_contact",
            "email": "dai@example.org",
            "language": "cy",
        },
    )
    role = Role.objects.get(organisation=org_a, person__full_name="Dai Jones")
    assert role.person.language == "cy"
    edit = client.get(reverse("members:contact_edit", args=[org_a.slug, role.pk]))
    assert '<option value="cy" selected>' in edit.text


def test_contact_end_asks_for_confirmation_before_ending_anything(client, officer_a, org_a):
    role = RoleFactory(organisation=org_a)
    client.force_login(officer_a)
    response = client.get(reverse("members:contact_end", args=[org_a.slug, role.pk]))
    assert response.status_code == 200
    role.refresh_from_db()
    assert role.end is None, "opening the confirmation page ends nothing"


def test_home_shows_headline_and_town_and_parish_count(client, org_a, org_b):
    from coopnet.core.figures import set_coverage

    for key in ("members-full", "members-town-and-parish", "members-associate"):
        set_coverage(key, date(2000, 1, 1))  # the records are complete: computed figures show
    town = OrganisationFactory(kind=OrganisationKind.LOCAL_COUNCIL)
    MembershipFactory(organisation=town, category=category("associate"))
    response = client.get("/")
    words = " ".join(re.sub(r"<[^>]+>", " ", response.text).split())
    assert "2 councils" in words
    assert "including 1 town or parish council" in words


def test_directory_count_follows_the_registry_at_once(client, network_admin):
    from coopnet.members import services

    make_affiliates(3)
    assert "3 member organisations" in client.get(reverse("members:directory")).text
    newcomer = OrganisationFactory()
    services.membership_start(
        holder=newcomer, category=category("affiliate"), start=date(2020, 1, 1), by=network_admin
    )
    assert "4 member organisations" in client.get(reverse("members:directory")).text
    newcomer.is_public = False
    newcomer.save()
    assert "3 member organisations" in client.get(reverse("members:directory")).text


def test_people_whose_role_has_ended_or_not_begun_are_not_listed(client, org_a):
    RoleFactory(
        organisation=org_a, person=PersonFactory(full_name="Past Leader"), end=date(2020, 1, 1)
    )
    RoleFactory(
        organisation=org_a, person=PersonFactory(full_name="Future Chair"), start=date(2099, 1, 1)
    )
    RoleFactory(organisation=org_a, person=PersonFactory(full_name="Current Lead"), start=None)
    page = client.get(org_a.get_absolute_url()).text
    assert "Current Lead" in page
    assert "Past Leader" not in page
    assert "Future Chair" not in page


@pytest.mark.parametrize("contacts", [2, 30])
def test_contacts_page_costs_the_same_queries_at_2_and_30_contacts(
    client, officer_a, org_a, django_assert_max_num_queries, contacts
):
    for _ in range(contacts):
        RoleFactory(organisation=org_a)
    client.force_login(officer_a)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("members:contacts", args=[org_a.slug]))
    assert response.status_code == 200
    assert response.text.count("End role") == contacts + 1  # and the officer's own role


@pytest.mark.parametrize("organisations", [1, 20])
def test_dashboard_costs_the_same_queries_whatever_one_looks_after(
    client, officer_a, django_assert_max_num_queries, organisations
):
    person = officer_a.person
    for _ in range(organisations - 1):
        RoleFactory(person=person, organisation=OrganisationFactory(), manages_profile=True)
    client.force_login(officer_a)
    # the organisations one looks after, and one query for each app's panel or list of actions
    with django_assert_max_num_queries(13):
        response = client.get(reverse("site:dashboard"))
    assert response.text.count("edit profile") == organisations


def test_directory_sorts_names_without_regard_to_case(client):
    for name in ("beacon Co-operative", "Abbey Co-op", "Zeta Mutual", "acorn Trust"):
        org = OrganisationFactory(name=name)
        MembershipFactory(organisation=org, category=category("affiliate"))
    html = client.get(reverse("members:directory")).content.decode()
    positions = [html.index(n) for n in ("Abbey Co-op", "acorn Trust", "beacon Co-operative")]
    assert positions == sorted(positions)
    assert html.index("beacon Co-operative") < html.index("Zeta Mutual")


def test_the_region_filter_offers_only_the_chosen_nations_regions(client):
    for code in ("OLD", "KIR", "CRF"):
        council = CouncilFactory(la_code=code)
        MembershipFactory(organisation=council, category=category("full"))
    everything = client.get(reverse("members:directory")).content.decode()
    assert '<option value="North West"' in everything
    assert '<option value="Wales"' in everything
    wales = client.get(reverse("members:directory"), {"nation": "Wales"}).content.decode()
    assert '<option value="Wales"' in wales
    assert '<option value="North West"' not in wales
    assert '<option value="Yorkshire and The Humber"' not in wales
    # a region left from another nation is dropped, and the nation's members are listed
    mixed = client.get(
        reverse("members:directory"), {"nation": "Wales", "region": "North West"}
    ).content.decode()
    assert "City of Cardiff Council" in mixed
    assert "Oldham Metropolitan Borough Council" not in mixed


def test_region_names_are_in_welsh_on_the_welsh_directory(client):
    council = CouncilFactory(la_code="KIR")
    MembershipFactory(organisation=council, category=category("full"))
    client.cookies["django_language"] = "cy"
    html = client.get(reverse("members:directory")).content.decode()
    assert "Swydd Efrog a&#x27;r Humber" in html
