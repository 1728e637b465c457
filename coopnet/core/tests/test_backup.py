"""make backup / make restore: restored into an empty installation, every row and file is back."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from coopnet.core.backup import media_checksums, table_counts
from coopnet.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def quietly(name, *args, **options):
    with open("/dev/null", "w") as out:
        call_command(name, *args, stdout=out, **options)


def test_a_backup_restored_into_an_empty_installation_has_every_row_and_file(tmp_path):
    OrganisationFactory.create_batch(3)
    media = Path(settings.MEDIA_ROOT)
    (media / "governance" / "papers").mkdir(parents=True)
    (media / "governance" / "papers" / "agenda.pdf").write_bytes(b"%PDF-1.4 agenda")
    (media / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    rows_before, files_before = table_counts(), media_checksums(media)
    archive = tmp_path / "backup.tar.gz"

    quietly("backup", output=str(archive))
    assert archive.stat().st_size > 0

    call_command("flush", interactive=False, verbosity=0)  # an empty installation
    for path in [media / "governance" / "papers" / "agenda.pdf", media / "photo.png"]:
        path.unlink()
    assert table_counts()["members_organisation"] == 0

    with open(tmp_path / "restore.txt", "w") as out:
        call_command("restore", str(archive), stdout=out)
    assert (
        "every table's row count and every file's checksum match"
        in (tmp_path / "restore.txt").read_text()
    )
    assert table_counts() == rows_before
    assert media_checksums(media) == files_before


def test_restore_refuses_an_installation_that_is_not_empty(tmp_path, network_admin):
    archive = tmp_path / "backup.tar.gz"
    quietly("backup", output=str(archive))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
