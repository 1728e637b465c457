"""The membership application answers against learning's framework (one framework, versioned),
through joining's registry: the applicant rates against the criterion's described levels, and
staff deciding see the framework's words and the version it was given against."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from coopnet.learning.models import Criterion, Framework
from coopnet.members.errors import MembersError
from coopnet.members.joining import selectors, services
from coopnet.members.tests.joining.helpers import draft

pytestmark = pytest.mark.django_db


def test_the_applicant_rates_against_the_current_frameworks_levels(client, current_framework):
    application = draft()
    principle = selectors.network_principles().first()
    criterion = Criterion.objects.get(framework=current_framework, principle=principle)
    level = criterion.levels.get(score=3)
    url = reverse("joining:principle", args=[application.token, 1])
    page = client.get(url).content.decode()
    assert criterion.title in page
    assert escape(level.description) in page
    response = client.post(url, {"rating": "3", "statement": "We co-produce services."})
    assert response.status_code == 302
    answer = application.assessments.get(principle=principle)
    assert (answer.rating, answer.framework_version) == (3, current_framework.version)


def test_staff_deciding_see_the_level_the_applicant_chose(client, current_framework, network_admin):
    application = draft()
    principle = selectors.network_principles().first()
    services.application_assess(
        application=application, principle=principle, rating=4, statement="Leading the way."
    )
    level = Criterion.objects.get(framework=current_framework, principle=principle).levels.get(
        score=4
    )
    client.force_login(network_admin)
    page = client.get(reverse("joining:application", args=[application.pk])).content.decode()
    assert level.name in page
    assert escape(level.description) in page
    assert "Leading the way." in page


def test_an_answer_keeps_the_version_it_was_given_against(client, current_framework, network_admin):
    application = draft()
    principle = selectors.network_principles().first()
    services.application_assess(
        application=application, principle=principle, rating=2, statement="Starting out."
    )
    old_level = Criterion.objects.get(framework=current_framework, principle=principle).levels.get(
        score=2
    )
    current_framework.is_current = False
    current_framework.save()
    Framework.objects.create(
        version=current_framework.version + 1,
        title="Next",
        published_on=current_framework.published_on,
        is_current=True,
    )
    client.force_login(network_admin)
    page = client.get(reverse("joining:application", args=[application.pk])).content.decode()
    assert escape(old_level.description) in page


def test_a_rating_outside_the_scale_is_refused(current_framework):
    application = draft()
    principle = selectors.network_principles().first()
    with pytest.raises(MembersError, match="levels of the scale"):
        services.application_assess(
            application=application, principle=principle, rating=9, statement="x"
        )


def test_without_a_framework_joining_uses_its_own_scale(db):
    application = draft()
    principle = selectors.network_principles().first()
    answer = services.application_assess(
        application=application, principle=principle, rating=2, statement="Planning."
    )
    assert answer.framework_version is None
