"""Backup and restore of the database and uploaded files, as one archive with a manifest.

An archive (`.tar.gz`) holds:

- `manifest.json`: when it was made, the database vendor, the row count of every table and the
  SHA-256 of every uploaded file;
- `database.sqlite3` (SQLite's online backup, consistent while the site runs) or `database.pgdump`
  (`pg_dump --format=custom`);
- `media/...`: every file under `MEDIA_ROOT`.

`restore` puts both back into an installation whose database is empty (it refuses otherwise,
unless forced), then counts rows and checksums files again and reports any difference, so a
restore is known to be whole. Uploads kept in S3-compatible storage are backed up by the bucket's
own versioning, not here (docs/operations.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"
PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")


class BackupError(Exception):
    """A backup or restore could not be done; the message says why."""


@dataclass
class Report:
    tables: int = 0
    rows: int = 0
    files: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for directory in PG_BIN_DIRS:
        candidate = Path(directory) / name
        if candidate.exists():
            return str(candidate)
    raise BackupError(f"{name} is needed for a PostgreSQL backup and was not found.")


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict[str, Any]) -> list[str]:
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def table_counts(alias: str = "default") -> dict[str, int]:
    """Rows in every table of the database, by table name."""
    conn = connections[alias]
    with conn.cursor() as cursor:
        names = sorted(conn.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(name)}")
            counts[name] = int(cursor.fetchone()[0])
    return counts


def media_checksums(root: Path) -> dict[str, str]:
    sums = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            sums[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(output: Path) -> Report:
    """Write an archive of the database and the uploaded files to `output`."""
    media_root = Path(settings.MEDIA_ROOT)
    counts = table_counts()
    sums = media_checksums(media_root)
    vendor = connection.vendor
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if vendor == "sqlite":
            dump = Path(tmp) / SQLITE_NAME
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        elif vendor == "postgresql":
            dump = Path(tmp) / PG_NAME
            db = connection.settings_dict
            subprocess.run(
                [
                    _pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(dump),
                    *_pg_args(db),
                ],
                check=True,
                env=_pg_env(db),
                capture_output=True,
            )
        else:
            raise BackupError(f"Backups of a {vendor} database are not supported.")
        manifest = {
            "created": timezone.now().isoformat(),
            "vendor": vendor,
            "tables": counts,
            "media": sums,
        }
        with tarfile.open(output, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(dump, arcname=dump.name)
            for rel in sums:
                archive.add(media_root / rel, arcname=f"media/{rel}")
    return Report(tables=len(counts), rows=sum(counts.values()), files=len(sums))


def _is_empty() -> bool:
    tables = connection.introspection.table_names()
    if "accounts_user" not in tables:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accounts_user")
        return int(cursor.fetchone()[0]) == 0


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"The archive holds an unsafe entry: {member.name}")
        members.append(member)
    return members


def restore(archive_path: Path, *, force: bool = False) -> Report:
    """Put the archive's database and files back, then check them against its manifest."""
    if not force and not _is_empty():
        raise BackupError(
            "The database is not empty: restore into an empty installation, or use --force "
            "to replace everything in it."
        )
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(tmp, members=_safe_members(archive), filter="data")
        manifest = json.loads((Path(tmp) / MANIFEST).read_text())
        vendor = connection.vendor
        if manifest["vendor"] != vendor:
            raise BackupError(
                f"The archive holds a {manifest['vendor']} database; this installation uses "
                f"{vendor}."
            )
        if vendor == "sqlite":
            source = sqlite3.connect(Path(tmp) / SQLITE_NAME)
            connection.ensure_connection()
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            db = connection.settings_dict
            connection.close()
            subprocess.run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--exit-on-error",
                    *_pg_args(db),
                    str(Path(tmp) / PG_NAME),
                ],
                check=True,
                env=_pg_env(db),
                capture_output=True,
            )
        extracted = Path(tmp) / "media"
        if extracted.exists():
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(extracted, media_root, dirs_exist_ok=True)
    return verify(manifest)


def verify(manifest: dict[str, Any]) -> Report:
    counts = table_counts()
    sums = media_checksums(Path(settings.MEDIA_ROOT))
    report = Report(tables=len(counts), rows=sum(counts.values()), files=len(sums))
    for table, expected in manifest["tables"].items():
        found = counts.get(table)
        if found != expected:
            report.differences.append(f"table {table}: {expected} rows backed up, {found} now")
    for rel, digest in manifest["media"].items():
        if sums.get(rel) != digest:
            report.differences.append(f"file {rel}: missing or changed")
    return report
