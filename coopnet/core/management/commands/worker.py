"""The task worker: django-tasks' `db_worker`, which also says it is alive.

A heartbeat thread records the worker in `WorkerHeartbeat` every few seconds, so that `/health/`
and the staff banner can tell a running queue from a stopped one. Before taking tasks it loads
WeasyPrint (`coopnet.core.pdf.warm_up`), so a PDF task does not pay for that. Takes every
`db_worker` option.
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import DatabaseError, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from coopnet.core.health.checks import beat
from coopnet.core.pdf import warm_up

HEARTBEAT_SECONDS = 15


def _heartbeat(worker_id: str, stop: threading.Event) -> None:
    while not stop.wait(HEARTBEAT_SECONDS):
        try:
            beat(worker_id)
        except DatabaseError:
            pass  # the database is away; /health/ reports that on its own
        finally:
            connection.close()


class Command(DbWorkerCommand):
    help = "Run the task worker (emails, PDFs, imports) and record that it is alive."

    def handle(self, *args: Any, **options: Any) -> None:
        beat(options["worker_id"])
        warm_up()  # the first PDF a worker builds would otherwise wait for WeasyPrint to load
        stop = threading.Event()
        thread = threading.Thread(
            target=_heartbeat, args=(options["worker_id"], stop), daemon=True, name="heartbeat"
        )
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
