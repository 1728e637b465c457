"""A newsletter issue sent to N public subscribers (default 50,000), as the site sends it.

Run by `bench/run.py` (or on its own: `python bench/run.py --newsletter-only`) in a child process
against a fresh, migrated benchmark database. It measures:

- the staff's "Send" request (Django's test client, signed in as a network admin): how long it
  takes and how many SQL queries it makes; it only queues the background task (the database task
  backend), so its time must not depend on N;
- the background task (`deliver_newsletter`, run in this process as the worker runs it), with a
  mail backend that renders every message to bytes and drops it: wall time, CPU time, SQL queries
  in all and per batch of 500 (the send is batched: no query per recipient), and the process's
  peak memory (ru_maxrss) against what it held before.

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class RenderingBackend:
    """A mail backend that builds every message's bytes (as SMTP would) and drops them."""

    sent = 0
    octets = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def open(self) -> bool:
        return True

    def close(self) -> None:
        pass

    def send_messages(self, messages: list[Any]) -> int:
        for message in messages:
            RenderingBackend.octets += len(message.message().as_bytes())
            RenderingBackend.sent += 1
        return len(messages)


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(recipients: int) -> dict[str, Any]:
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from coopnet.accounts.models import User
    from coopnet.accounts.roles import UserRole
    from coopnet.engagement import tasks
    from coopnet.engagement.delivery import BATCH_SIZE
    from coopnet.engagement.models import Delivery, Newsletter, Subscriber

    settings.EMAIL_BACKEND = f"{__name__}.RenderingBackend"
    began = time.perf_counter()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{n}@example.org",
                status=Subscriber.Status.SUBSCRIBED,
                origin=Subscriber.Origin.SIGNUP,
                consent_at=now,
                consent_source="benchmark",
                consent_wording="I would like to receive the newsletter.",
            )
            for n in range(recipients)
        ],
        batch_size=2000,
    )
    setup_seconds = round(time.perf_counter() - began, 1)
    admin = User.objects.create_user(email="bench-admin@example.org", password="bench-password")
    admin.groups.add(Group.objects.get(name=UserRole.NETWORK_ADMIN))
    issue = Newsletter.objects.create(
        subject="News from the network",
        body="Our members have been busy.\n\n" * 20,
        segment=Newsletter.Segment.PUBLIC,
    )

    client = Client()
    client.force_login(admin)
    # Staff see the confirmation page before they press Send: that first request in the process
    # loads the URL configuration and templates, which the timed POST should not be charged for.
    client.get(reverse("newsletter:issue_send", args=[issue.pk]))
    with CaptureQueriesContext(connection) as request_queries:
        began = time.perf_counter()
        response = client.post(reverse("newsletter:issue_send", args=[issue.pk]))
        request_ms = round((time.perf_counter() - began) * 1000, 1)
    issue.refresh_from_db()
    queued = DBTaskResult.objects.count()
    if response.status_code != 302 or issue.status != Newsletter.Status.QUEUED or queued != 1:
        raise SystemExit(f"the send was not queued: {response.status_code} {issue.status}")

    rss_before = _rss_mb()
    cpu_before = time.process_time()
    with CaptureQueriesContext(connection) as task_queries:
        began = time.perf_counter()
        tasks.deliver_newsletter.call(newsletter_id=issue.pk)
        task_seconds = round(time.perf_counter() - began, 1)
    issue.refresh_from_db()
    batches = -(-recipients // BATCH_SIZE)
    return {
        "recipients": recipients,
        "subscribers_written_seconds": setup_seconds,
        "send_request_ms": request_ms,
        "send_request_status": response.status_code,
        "send_request_queries": len(request_queries.captured_queries),
        "task_seconds": task_seconds,
        "task_cpu_seconds": round(time.process_time() - cpu_before, 1),
        "messages_per_second": round(recipients / task_seconds, 1) if task_seconds else None,
        "task_queries": len(task_queries.captured_queries),
        "batches": batches,
        "queries_per_batch": round(len(task_queries.captured_queries) / batches, 1),
        "rss_before_task_mb": rss_before,
        "peak_rss_mb": _rss_mb(),
        "sent": issue.sent_count,
        "failed": issue.failed_count,
        "skipped": issue.skipped_count,
        "deliveries": Delivery.objects.filter(newsletter=issue).count(),
        "rendered_messages": RenderingBackend.sent,
        "rendered_mb": round(RenderingBackend.octets / 1e6, 1),
        "status": issue.status,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=50_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    print(json.dumps(run(args.recipients)))


if __name__ == "__main__":
    main()
