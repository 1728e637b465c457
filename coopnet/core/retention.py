"""Retention rules for what the framework itself keeps: ended sessions and finished background
tasks (a task's arguments can carry an email address)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .personal_data import register_retention, words

TASK_DAYS = 30


def _ended_sessions(now: datetime) -> QuerySet:
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=now)


def _finished_tasks(now: datetime) -> QuerySet:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(finished_at__lt=now - timedelta(days=TASK_DAYS))


def register_core_retention() -> None:
    register_retention(
        "core.sessions",
        title=_("Signed-in sessions"),
        keep=_("until they end"),
        due=_ended_sessions,
    )
    register_retention(
        "core.finished_tasks",
        title=_("Finished background tasks"),
        keep=words(gettext_noop("%(days)d days after they finish"), days=TASK_DAYS),
        due=_finished_tasks,
    )
