"""The bundled reference table loads, links combined authorities and can be reloaded."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from coopnet.members.models import LocalAuthority

pytestmark = pytest.mark.django_db


def test_reference_table_is_loaded_by_migration_with_org_ids():
    assert LocalAuthority.objects.count() == 470
    oldham = LocalAuthority.objects.get(code="OLD")
    assert oldham.combined_authority_id == "GMCA"
    assert oldham.org_id == "GB-LAE-OLD"
    assert LocalAuthority.objects.get(code="CRF").org_id == "GB-PLA-CRF"
    assert LocalAuthority.objects.get(code="GLG").org_id == "GB-LAS-GLG"


def test_reloading_restores_edited_rows_and_creates_nothing_twice():
    LocalAuthority.objects.filter(code="OLD").update(population=1)
    out = StringIO()
    call_command("load_local_authorities", stdout=out)
    assert "470 local authorities loaded." in out.getvalue()
    assert LocalAuthority.objects.count() == 470
    assert LocalAuthority.objects.get(code="OLD").population > 200_000
