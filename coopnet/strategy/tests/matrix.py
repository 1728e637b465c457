"""Strategy's part of the permission matrix: public pages for everyone, staff screens for network
admins only."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import OK, Entry, admins_only, everyone

from .factories import strategy


def _slug(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["strategy"].slug}


ENTRIES: dict[str, Entry] = {
    "strategy:list": Entry(everyone(OK)),
    "strategy:strategy": Entry(everyone(OK), _slug),
    "strategy:kpis": Entry(everyone(OK), _slug),
    "strategy:coverage": Entry(admins_only()),
    "strategy:coverage_edit": Entry(admins_only(), lambda c: {"key": "members-full"}),
    "strategy:activity_edit": Entry(admins_only(), lambda c: {"pk": c["strategy_activity"].pk}),
    "strategy:measure_value": Entry(admins_only(), lambda c: {"pk": c["strategy_measure"].pk}),
    "strategy:measure_edit": Entry(admins_only(), lambda c: {"pk": c["strategy_measure"].pk}),
    "strategy:objective_edit": Entry(
        admins_only(), lambda c: {"pk": c["strategy_measure"].objective_id}
    ),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    s = strategy()
    objective = s.objectives.get()
    return {
        "strategy": s,
        "strategy_activity": objective.activities.get(),
        "strategy_measure": objective.measures.first(),
    }
