"""/health/ for a monitor, the worker's heartbeat, and the banner staff see when no worker runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coopnet.core.health.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

BANNER = "No task worker is running"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def db_tasks(settings):
    """The worker works the database queue (the test settings run tasks immediately)."""
    settings.TASKS = DB_TASKS


def waiting_task(age: timedelta) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="coopnet.members.tasks.send_notice_email",
        backend_name="default",
        run_after=timezone.now() - age,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - age)
    return task


def test_healthy_installation_answers_200_with_each_check(client):
    WorkerHeartbeat.objects.create(worker_id="w1", seen_at=timezone.now())
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert body["checks"]["task_queue"]["workers_running"] == 1
    assert response["Cache-Control"].startswith("max-age=0")


def test_tasks_waiting_with_no_worker_is_503(client):
    waiting_task(timedelta(seconds=30))
    response = client.get("/health/")
    assert response.status_code == 503
    queue = response.json()["checks"]["task_queue"]
    assert queue["ok"] is False
    assert "no worker" in queue["detail"]
    assert queue["oldest_waiting_seconds"] >= 30


def test_a_task_waiting_too_long_is_503_even_with_a_worker_seen(client):
    WorkerHeartbeat.objects.create(worker_id="w1", seen_at=timezone.now())
    waiting_task(timedelta(minutes=10))
    response = client.get("/health/")
    assert response.status_code == 503
    assert "waited" in response.json()["checks"]["task_queue"]["detail"]


# The worker closes its database connection when it stops (as a real worker does), which ends a
# test's wrapping transaction on PostgreSQL: these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_command_records_its_heartbeat(db_tasks):
    call_command("worker", batch=True, worker_id="test-worker", verbosity=0)
    beat = WorkerHeartbeat.objects.get(worker_id="test-worker")
    assert timezone.now() - beat.seen_at < timedelta(minutes=1)


@pytest.mark.django_db(transaction=True)
def test_the_worker_loads_weasyprint_before_it_takes_a_task(db_tasks, monkeypatch):
    from coopnet.core.management.commands import worker

    order: list[str] = []
    monkeypatch.setattr(worker, "warm_up", lambda: order.append("warm-up"))
    monkeypatch.setattr(
        worker.DbWorkerCommand, "handle", lambda self, *a, **kw: order.append("tasks")
    )
    call_command("worker", batch=True, worker_id="w1", verbosity=0)
    assert order == ["warm-up", "tasks"]


def test_the_warm_up_lays_out_a_page():
    from coopnet.core.pdf import WARM_UP_HTML, html_document

    assert html_document(WARM_UP_HTML).write_pdf().startswith(b"%PDF")


# The worker closes its database connection when it stops (as a real worker does), which ends a
# test's wrapping transaction on PostgreSQL: these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_staff_see_a_banner_while_no_worker_runs(client, network_admin, db_tasks):
    client.force_login(network_admin)
    assert BANNER in client.get("/accessibility/").content.decode()
    call_command("worker", batch=True, worker_id="w1", verbosity=0)
    assert BANNER not in client.get("/accessibility/").content.decode()


def test_no_banner_when_tasks_run_at_once_without_a_queue(client, network_admin):
    client.force_login(network_admin)
    assert BANNER not in client.get("/accessibility/").content.decode()


def test_the_banner_costs_no_query(client, network_admin, db_tasks, django_assert_num_queries):
    from coopnet.core.health import worker_is_down

    with django_assert_num_queries(0):
        assert worker_is_down()


def test_members_never_see_the_banner(client, officer_a):
    client.force_login(officer_a)
    assert BANNER not in client.get("/accessibility/").content.decode()
