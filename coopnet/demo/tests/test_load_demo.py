"""The demo data: honest to the seeds, loaded once however often the command runs."""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command, load_command_class
from django.db.models import Sum

from coopnet.accounts.models import User
from coopnet.accounts.roles import UserRole
from coopnet.core.models import ReportedFigure
from coopnet.demo import seed
from coopnet.demo.loader import password_file
from coopnet.members import selectors
from coopnet.members.models import (
    LocalAuthority,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from coopnet.members.reference import name_lookup
from coopnet.members.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

JULY_2022 = date(2022, 7, 31)
GMCA = "Greater Manchester Combined Authority"


@pytest.fixture(autouse=True)
def _project_root(settings, tmp_path, monkeypatch):
    """Keep .demo-password in a temporary project root; no DEMO_PASSWORD unless a test sets it."""
    settings.BASE_DIR = tmp_path
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def counts(on: date) -> dict[str, int]:
    return {c.code: c.count for c in selectors.category_counts(on)}


def snapshot() -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for model in (Organisation, Person, Role, Membership):
        rows[model.__name__] = sorted(model._default_manager.values_list())
        rows[f"history of {model.__name__}"] = model.history.count()
    rows["figures"] = sorted(ReportedFigure.objects.values_list())
    rows["users"] = sorted(User.objects.values_list("email", "password", "is_staff", "last_login"))
    rows["emails"] = EmailAddress.objects.count()
    return rows


def test_loading_twice_changes_nothing():
    first = run("load_demo")
    before = snapshot()
    second = run("load_demo")
    assert "created" in first
    assert "nothing to change" in second
    assert snapshot() == before


def test_the_registry_counts_the_members_the_review_lists():
    run("load_demo")
    assert counts(JULY_2022)["full"] == 34
    assert counts(date(2022, 10, 1))["full"] == 37  # Hackney, Newham and Trafford joined
    assert counts(date(2022, 10, 1))["associate"] == counts(JULY_2022)["associate"] + 1  # Stoke
    assert counts(JULY_2022)["supporter"] == 21
    assert selectors.individual_supporters_on(JULY_2022).count() == 16


def test_the_headline_counts_gmca_as_a_council_but_not_its_people():
    run("load_demo")
    headline = selectors.headline(JULY_2022)
    assert headline.councils == 34
    assert headline.excluded_combined_authorities == [GMCA]
    principal = Organisation.objects.filter(
        kind=OrganisationKind.PRINCIPAL_COUNCIL, memberships__category__code="full"
    ).filter(memberships__start__lte=JULY_2022)
    expected = LocalAuthority.objects.filter(organisation__in=principal).aggregate(
        total=Sum("population")
    )["total"]
    assert headline.citizens == expected
    assert headline.councils_counted_for_population == 33


def test_councils_link_to_their_local_authority_and_hand_fixes_are_only_for_misses():
    lookup = name_lookup()
    for name in seed.COUNCIL_CODES_BY_HAND:
        assert name.lower() not in lookup, f"{name} matches by name: drop the hand fix"
    run("load_demo")
    by_name = dict(Organisation.objects.values_list("name", "local_authority_id"))
    assert by_name["Barking & Dagenham Council"] == "BDG"
    assert by_name["Oldham Council"] == "OLD"
    assert by_name["Brent Council"] == "BEN"
    assert by_name["Tameside Council"] == "TAM"
    assert by_name["Lewisham Council"] == "LEW"
    assert by_name[GMCA] == "GMCA"
    gmca = Organisation.objects.get(name=GMCA)
    assert gmca.kind == OrganisationKind.COMBINED_AUTHORITY


def test_memberships_say_where_they_come_from_and_that_the_start_is_approximate():
    run("load_demo")
    oldham = Membership.objects.get(organisation__local_authority_id="OLD")
    assert (oldham.start, oldham.start_is_approximate) == (date(2021, 8, 1), True)
    assert "31 July 2022" in oldham.source
    hackney = Membership.objects.get(organisation__local_authority_id="HCK")
    assert hackney.start == date(2022, 9, 25)
    assert hackney.start_is_approximate
    assert not Membership.objects.filter(source="").exists()
    assert not Membership.objects.exclude(end=None).exists()  # no invented end dates


def test_organisations_the_seeds_do_not_call_members_have_no_membership():
    run("load_demo")
    for slug in ("plymouth-city-council", "southampton-city-council", "plymouth-labour-group"):
        assert not Organisation.objects.get(slug=slug).memberships.exists()
    woughton = Organisation.objects.get(slug="woughton-community-council")
    assert woughton.kind == OrganisationKind.LOCAL_COUNCIL
    assert woughton.area_authority_id == "MIK"


def test_published_figures_are_kept_with_their_date_qualifier_and_source():
    run("load_demo")
    figure = ReportedFigure.objects.get
    assert figure(key="members-associate", as_of=JULY_2022).value == 22
    assert figure(key="members-affiliate", as_of=JULY_2022).value == 44
    over = figure(key="case-studies", as_of=JULY_2022)
    assert (over.qualifier, over.value) == ("over", 420)
    assert figure(key="case-studies", as_of=date(2024, 7, 31)).qualifier == ""
    assert figure(key="councils-citizens", as_of=JULY_2022).value == 9_100_000
    assert figure(key="councils-budget", as_of=JULY_2022).value == 15_000_000_000
    assert not ReportedFigure.objects.filter(source="").exists()


def test_people_are_named_without_contact_details():
    run("load_demo")
    taylor = Person.objects.get(slug="sharon-taylor")
    assert taylor.display_name == "Cllr Sharon Taylor OBE"
    assert taylor.is_public
    assert taylor.roles.get().organisation.slug == "stevenage-borough-council"
    downs = Role.objects.get(person__slug="jonathan-downs")
    assert (downs.organisation.local_authority_id, downs.title) == ("OLD", "Corporate Policy Lead")
    assert not Person.objects.exclude(email="").exists()
    assert not Person.objects.exclude(phone="").exists()


def test_a_person_without_public_consent_is_never_loaded_as_public():
    private_slugs = [p.slug for p in (*seed.PEOPLE, *seed.DEMO_PEOPLE) if not p.public]
    # An admin has recorded that a publicly named councillor does not want to be shown.
    PersonFactory(slug="paul-stewart", full_name="Paul Stewart", is_public=False)
    run("load_demo")
    run("load_demo")
    assert len(private_slugs) == 20  # 16 individual supporters, 4 made-up demo people
    assert not Person.objects.filter(slug__in=private_slugs, is_public=True).exists()
    assert not Person.objects.get(slug="paul-stewart").is_public


def test_if_empty_loads_an_empty_database():
    run("load_demo", "--if-empty")
    assert Organisation.objects.count() == len(seed.ORGANISATIONS)


def test_if_empty_skips_a_database_that_holds_organisations():
    OrganisationFactory(name="Somebody's real data")
    output = run("load_demo", "--if-empty")
    assert "not loaded" in output
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Somebody's real data"]
    assert not Person.objects.exists()
    assert not Membership.objects.exists()
    assert not ReportedFigure.objects.exists()
    assert not User.objects.exists()
    assert not password_file().exists()


def test_demo_accounts_prints_every_role_with_the_stored_password(client):
    run("load_demo")
    password = password_file().read_text().strip()
    output = run("demo_accounts")
    for account in seed.DEMO_ACCOUNTS:
        assert str(UserRole(account.role).label) in output
        assert account.email in output
        assert client.login(username=account.email, password=password)
    assert password in output
    assert "http://127.0.0.1:8000/accounts/login/" in output


def test_accounts_have_their_role_and_their_place(client):
    run("load_demo")
    admin = User.objects.get(email="admin@demo.coopnet.test")
    assert (admin.is_staff, admin.is_superuser, admin.is_network_admin) == (True, False, True)
    finance = User.objects.get(email="finance@demo.coopnet.test")
    assert finance.is_staff
    assert finance.has_role(UserRole.FINANCE_OFFICER)
    assert finance.person.roles.get().organisation.local_authority_id == "OLD"
    board = User.objects.get(email="board@demo.coopnet.test")
    assert board.has_role(UserRole.BOARD_MEMBER)
    assert board.person.slug in {p.slug for p in seed.people.EXECUTIVE_OVERSIGHT_COMMITTEE}
    officer = User.objects.get(email="officer@demo.coopnet.test")
    stevenage = Organisation.objects.get(slug="stevenage-borough-council")
    assert officer.has_perm("members.edit_organisation", stevenage)
    affiliate = User.objects.get(email="affiliate@demo.coopnet.test")
    managed = affiliate.person.roles.get(manages_profile=True).organisation
    assert managed.kind == OrganisationKind.AFFILIATE_ORGANISATION
    assert affiliate.has_perm("members.edit_organisation", managed)
    assert User.objects.get(email="supporter@demo.coopnet.test").has_role(UserRole.SUPPORTER)


def test_the_generated_password_is_kept_and_demo_password_overrides_it(monkeypatch, client):
    run("load_demo")
    generated = password_file().read_text().strip()
    assert len(generated) >= 20
    hashes = snapshot()["users"]
    run("load_demo")
    assert password_file().read_text().strip() == generated
    assert snapshot()["users"] == hashes  # not reset on every run
    monkeypatch.setenv("DEMO_PASSWORD", "chosen-demo-password-42")
    run("load_demo")
    output = run("demo_accounts")
    assert "set by DEMO_PASSWORD" in output
    assert "chosen-demo-password-42" not in output
    assert client.login(username="board@demo.coopnet.test", password="chosen-demo-password-42")


def test_demo_accounts_before_loading_says_how_to_create_them():
    output = run("demo_accounts")
    assert "not created yet" in output
    assert "load_demo" in output


def test_the_seed_data_has_one_entry_per_natural_key():
    people = [p.slug for p in (*seed.PEOPLE, *seed.DEMO_PEOPLE)]
    organisations = [o.slug for o in seed.ORGANISATIONS]
    figures = [(f.key, f.as_of, f.source) for f in seed.FIGURES]
    assert len(set(people)) == len(people)
    assert len(set(organisations)) == len(organisations)
    assert len(set(figures)) == len(figures)
    assert len(seed.DEMO_ACCOUNTS) == len(UserRole)
    assert {a.role for a in seed.DEMO_ACCOUNTS} == set(UserRole)


@pytest.mark.parametrize("name", ["load_demo", "demo_accounts"])
def test_the_commands_explain_themselves(name):
    command = load_command_class("coopnet.demo", name)
    assert "demo" in command.create_parser("manage.py", name).format_help()
