"""Staff record the notices published for an arrangement on the site, with their history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.procurement.models import Notice

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Contract notice",
    "reference": "2020/S 064-151234",
    "published_on": "27/03/2020",
    "url": "https://www.find-tender.service.gov.uk/Notice/000001-2020",
}


def _url(arrangement) -> str:
    return reverse("procurement:notices", kwargs={"slug": arrangement.slug})


def test_staff_record_a_notice_and_it_shows_on_the_arrangement(client, arrangement, network_admin):
    client.force_login(network_admin)
    response = client.post(_url(arrangement), GOOD)
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert (notice.reference, notice.published_on) == ("2020/S 064-151234", date(2020, 3, 27))
    page = client.get(arrangement.get_absolute_url()).content.decode()
    assert "2020/S 064-151234" in page
    assert "27 March 2020" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reference": ""}, "This field is required."),
        ({"title": "   "}, "This field is required."),
        ({"published_on": "31/02/2020"}, "Enter a real date, for example 27/03/2020."),
        ({"published_on": "bad"}, "Enter a real date, for example 27/03/2020."),
        ({"url": "not an address"}, "Enter a valid URL."),
    ],
)
def test_a_bad_notice_is_refused_with_the_reason(
    client, arrangement, network_admin, change, message
):
    client.force_login(network_admin)
    response = client.post(_url(arrangement), {**GOOD, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Notice.objects.exists()


def test_a_notice_dated_in_the_future_is_refused(client, arrangement, network_admin):
    client.force_login(network_admin)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(_url(arrangement), {**GOOD, "published_on": f"{tomorrow:%d/%m/%Y}"})
    assert "The publication date must be today or in the past." in response.content.decode()
    assert not Notice.objects.exists()


def test_the_same_reference_twice_is_refused(client, arrangement, network_admin):
    client.force_login(network_admin)
    client.post(_url(arrangement), GOOD)
    response = client.post(_url(arrangement), {**GOOD, "reference": "2020/s 064-151234 "})
    assert "is already recorded" in response.content.decode()
    assert Notice.objects.count() == 1


def test_a_correction_keeps_the_history_and_who_made_it(client, arrangement, network_admin):
    client.force_login(network_admin)
    client.post(_url(arrangement), GOOD)
    notice = Notice.objects.get()
    edit = reverse("procurement:notice_edit", kwargs={"pk": notice.pk})
    response = client.post(edit, {**GOOD, "reference": "2020/S 064-151235"})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.reference == "2020/S 064-151235"
    page = client.get(edit).content.decode()
    assert "2020/S 064-151234" in page  # the first version, in the history
    assert "2020/S 064-151235" in page
    assert page.count(network_admin.full_name) >= 2
    assert notice.history.count() == 2


def test_a_correction_cannot_take_another_notices_reference(client, arrangement, network_admin):
    client.force_login(network_admin)
    client.post(_url(arrangement), GOOD)
    client.post(_url(arrangement), {**GOOD, "reference": "2021/S 001-000001"})
    second = Notice.objects.get(reference="2021/S 001-000001")
    edit = reverse("procurement:notice_edit", kwargs={"pk": second.pk})
    response = client.post(edit, GOOD)
    assert "is already recorded" in response.content.decode()
    second.refresh_from_db()
    assert second.reference == "2021/S 001-000001"


def test_only_staff_record_notices(client, arrangement, officer_a, supplier_user):
    for user in (officer_a, supplier_user):
        client.force_login(user)
        assert client.get(_url(arrangement)).status_code == 403
        assert client.post(_url(arrangement), GOOD).status_code == 403
    client.logout()
    response = client.post(_url(arrangement), GOOD)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not Notice.objects.exists()
