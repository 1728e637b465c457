from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

# A worker that wrote no heartbeat for this long is not counted as running.
WORKER_SEEN_WITHIN = timedelta(seconds=getattr(settings, "HEALTH_WORKER_SEEN_WITHIN", 120))
# A task waiting longer than this means the queue is not being worked.
TASK_WAITING_AT_MOST = timedelta(seconds=getattr(settings, "HEALTH_TASK_WAITING_AT_MOST", 300))


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return Check("database", False, f"{type(exc).__name__}: {exc}")
    return Check("database", True, connection.vendor)


def check_cache() -> Check:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", 10)
        ok = cache.get(key) == "ok"
        cache.delete(key)
    except Exception as exc:  # any cache backend error means "not well"
        return Check("cache", False, f"{type(exc).__name__}: {exc}")
    backend = type(caches["default"]).__name__
    return Check("cache", ok, backend if ok else f"{backend}: a value set was not read back")


def _queue_facts() -> dict[str, Any]:
    now = timezone.now()
    seen = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    ).first()
    return {
        "worker_last_seen_seconds": None if seen is None else int((now - seen).total_seconds()),
        "oldest_waiting_seconds": None if oldest is None else int((now - oldest).total_seconds()),
        "workers_running": WorkerHeartbeat.objects.filter(
            seen_at__gte=now - WORKER_SEEN_WITHIN
        ).count(),
    }


def check_task_queue() -> Check:
    try:
        facts = _queue_facts()
    except DatabaseError as exc:
        return Check("task_queue", False, f"{type(exc).__name__}: {exc}")
    waiting = facts["oldest_waiting_seconds"]
    if waiting is not None and waiting > TASK_WAITING_AT_MOST.total_seconds():
        return Check("task_queue", False, f"a task has waited {waiting} s", facts)
    if facts["workers_running"] == 0 and waiting is not None:
        return Check("task_queue", False, "tasks are waiting and no worker is running", facts)
    detail = f"{facts['workers_running']} worker(s) running"
    return Check("task_queue", True, detail, facts)


def check_all() -> list[Check]:
    return [check_database(), check_cache(), check_task_queue()]


WORKER_SEEN_KEY = "health:worker-seen"


def queue_needs_a_worker() -> bool:
    """Tasks wait in the database for a worker (not run at once, as the test settings do)."""
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    return backend.startswith("django_tasks_db.")


def worker_is_down() -> bool:
    """No task worker has been seen recently (so emails and PDFs queued now wait).

    Read from the shared cache, which every heartbeat refreshes: no database query on the pages
    that show staff the banner. With tasks run at once (no queue) nothing waits for a worker."""
    return queue_needs_a_worker() and cache.get(WORKER_SEEN_KEY) is None


def beat(worker_id: str) -> None:
    """Record that `worker_id` is alive now (for /health/, and for the banner through the cache)."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": now})
    cache.set(WORKER_SEEN_KEY, now.isoformat(), int(WORKER_SEEN_WITHIN.total_seconds()))
