"""The index follows the content: after commit, never after a rollback; the rebuild command."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from coopnet.core.models import Principle
from coopnet.core.search import index
from coopnet.core.search.models import SearchEntry, SearchFacet
from coopnet.core.search.registry import REGISTRY, SearchDocument
from coopnet.members.models import Organisation
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def entry_for(organisation: Organisation) -> SearchEntry | None:
    return SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation), object_id=organisation.pk
    ).first()


def facets(entry: SearchEntry) -> set[tuple[str, str]]:
    return set(entry.facets.values_list("name", "value"))


def test_a_member_organisation_is_indexed_once_the_save_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(
            name="Sunrise Housing Co-op", description="Tenants run their own homes."
        )
        MembershipFactory(organisation=organisation, start=date(2019, 8, 1))
    entry = entry_for(organisation)
    assert entry is not None
    assert (entry.kind, entry.title, entry.url) == (
        "organisation",
        "Sunrise Housing Co-op",
        f"/members/{organisation.slug}/",
    )
    assert "Tenants run their own homes." in entry.body
    assert facets(entry) == {
        ("type", "organisation"),
        ("member", organisation.slug),
        ("year", "2019"),
    }


def test_nothing_is_indexed_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
    assert entry_for(organisation) is None
    assert callbacks  # waiting for the commit


def test_a_rolled_back_save_never_reaches_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                organisation = OrganisationFactory(name="Never Was")
                MembershipFactory(organisation=organisation)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert not SearchEntry.objects.filter(title="Never Was").exists()


def test_a_save_undone_by_its_savepoint_is_not_indexed_beside_one_that_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        kept = OrganisationFactory(name="Kept Co-op")
        MembershipFactory(organisation=kept)
        try:
            with transaction.atomic():
                undone = OrganisationFactory(name="Undone Co-op")
                MembershipFactory(organisation=undone)
                raise RuntimeError("this row is refused")
        except RuntimeError:
            pass
    assert entry_for(kept) is not None
    assert not SearchEntry.objects.filter(title="Undone Co-op").exists()


def _index_queries(count: int, django_capture_on_commit_callbacks) -> tuple[int, int]:
    """Save `count` member organisations in one transaction; (entries written, index queries)."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        for n in range(count):
            organisation = OrganisationFactory(name=f"Batch Co-op {n}")
            MembershipFactory(organisation=organisation, start=date(2020, 8, 1))
    with CaptureQueriesContext(connection) as queries:
        for callback in callbacks:
            callback()
    written = SearchEntry.objects.filter(title__startswith="Batch Co-op").count()
    return written, len(queries)


def test_many_saves_in_one_transaction_are_indexed_in_a_few_queries(
    django_capture_on_commit_callbacks,
):
    _index_queries(1, django_capture_on_commit_callbacks)  # content types are remembered
    SearchEntry.objects.filter(title__startswith="Batch Co-op").delete()
    few = _index_queries(5, django_capture_on_commit_callbacks)
    SearchEntry.objects.filter(title__startswith="Batch Co-op").delete()
    many = _index_queries(50, django_capture_on_commit_callbacks)
    assert few[0] == 5
    assert many[0] == 50
    # The same queries for fifty as for five: the refresh is one batch, not one per object.
    assert many[1] == few[1]
    assert many[1] < 20


def test_changes_and_deletes_follow(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Old Name")
        MembershipFactory(organisation=organisation)
    first_id = entry_for(organisation).pk
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "New Name"
        organisation.save()
    assert entry_for(organisation).title == "New Name"
    assert entry_for(organisation).pk == first_id  # updated in place, not written again
    with django_capture_on_commit_callbacks(execute=True):
        organisation.is_public = False
        organisation.save()
    assert entry_for(organisation) is None  # private organisations are not found
    with django_capture_on_commit_callbacks(execute=True):
        organisation.is_public = True
        organisation.save()
    entry_id = entry_for(organisation).pk
    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    assert not SearchEntry.objects.filter(pk=entry_id).exists()
    assert not SearchFacet.objects.filter(entry_id=entry_id).exists()


def test_an_organisation_without_any_membership_is_not_indexed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory()
    assert entry_for(organisation) is None
    with django_capture_on_commit_callbacks(execute=True):
        membership = MembershipFactory(organisation=organisation, start=date(2021, 8, 1))
    assert ("year", "2021") in facets(entry_for(organisation))  # a related save refreshes it
    with django_capture_on_commit_callbacks(execute=True):
        membership.delete()
    assert entry_for(organisation) is None


def test_refresh_refuses_a_model_that_is_not_registered():
    with pytest.raises(LookupError, match="not registered"):
        index.refresh(Principle.objects.first())


def test_an_unknown_facet_is_refused():
    document = SearchDocument(title="t", body="b", url="/x/", facets={"colour": ["red"]})
    with pytest.raises(ValueError, match="Unknown search facet 'colour'"):
        index.write_entry(
            kind="case_study",
            content_type=ContentType.objects.get_for_model(Principle),
            object_id=1,
            document=document,
        )
    assert not SearchEntry.objects.exists()  # nothing half-written


def test_rebuild_writes_everything_again_and_reports_counts():
    organisations = OrganisationFactory.create_batch(3)
    for organisation in organisations:
        MembershipFactory(organisation=organisation)
    OrganisationFactory(is_public=True)  # never a member: not indexed
    SearchEntry.objects.all().delete()
    stale = index.write_entry(
        kind="no_longer_registered",
        content_type=ContentType.objects.get_for_model(Principle),
        object_id=99,
        document=SearchDocument(title="Stale", body="", url="/stale/"),
    )
    out = StringIO()
    call_command("rebuild_search_index", "--batch-size", "2", stdout=out)
    assert "organisation: 3 indexed" in out.getvalue()
    assert "Search index rebuilt: 3 entries" in out.getvalue()
    assert SearchEntry.objects.filter(kind="organisation").count() == 3
    assert not SearchEntry.objects.filter(pk=stale.pk).exists()
    assert SearchFacet.objects.filter(name="type", value="organisation").count() == 3


def test_rebuild_one_kind_and_refusals():
    out = StringIO()
    call_command("rebuild_search_index", "--kind", "organisation", stdout=out)
    assert "organisation: 0 indexed" in out.getvalue()
    with pytest.raises(CommandError, match="Not a searchable kind: nonsense"):
        call_command("rebuild_search_index", "--kind", "nonsense")
    with pytest.raises(CommandError, match="at least 1"):
        call_command("rebuild_search_index", "--batch-size", "0")


def test_core_registers_organisations():
    assert REGISTRY["organisation"].model is Organisation
    assert str(REGISTRY["organisation"].label) == "Organisations"
