"""A throw-away PostgreSQL 15 server for the benchmark, as scripts/with-postgres.sh starts one."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from loadtest import free_port

BINDIR = Path("/usr/lib/postgresql/15/bin")


class PostgresError(Exception):
    """The PostgreSQL server could not be started."""


def _as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    done = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PostgresError(f"{' '.join(command)}: {done.stderr.strip() or done.stdout.strip()}")


def available() -> bool:
    return (BINDIR / "postgres").exists()


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a server in a temporary directory; yield its DATABASE_URL; stop and remove it."""
    if not available():
        raise PostgresError(f"{BINDIR}/postgres is missing (apt-get install postgresql-15)")
    tmp = Path(tempfile.mkdtemp(prefix="coopnet-bench-pg-"))
    tmp.chmod(0o755)
    if os.getuid() == 0:
        shutil.chown(tmp, "postgres", "postgres")
    port = free_port()
    data = tmp / "data"
    try:
        _as_postgres(
            str(BINDIR / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E",
            "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        _as_postgres(
            str(BINDIR / "pg_ctl"), "-D", str(data), "-l", str(tmp / "server.log"), "-w", "-o",
            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c shared_buffers=256MB -c work_mem=16MB",
            "start",
        )  # fmt: skip
        _as_postgres(str(BINDIR / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                     "postgres", "coopnet")  # fmt: skip
        yield f"postgres://postgres@127.0.0.1:{port}/coopnet"
    finally:
        with suppress(PostgresError):
            _as_postgres(str(BINDIR / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(tmp, ignore_errors=True)
