"""GET /api/v1/finance/budgets/ and /api/v1/finance/budgets/<year>/statement/."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
STATEMENT = "/api/v1/finance/budgets/2021/statement/"


def test_the_statement_as_json(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    data = client.get(STATEMENT).json()
    assert data["label"] == "2021/22"
    first = data["columns"][0]
    assert first["income_total"] == "253459.00"
    assert first["balance"] == "47225.00"
    assert first["expenditure_by_code"]["PP"] == "71760.00"
    assert [c["balance"] for c in data["columns"]] == [
        "47225.00",
        "49565.00",
        "55905.00",
        "66245.00",
    ]
    assert [c["projected"] for c in data["columns"]] == [False, False, True, True]
    visits = next(r for r in data["rows"] if r["label"] == "New Member Visits")
    assert visits["amounts"] == [None] * 4
    assert visits["to_be_confirmed"] == [True] * 4
    assert data["assumptions"][2] == "Expenditure held flat."


def test_the_budget_list(client, network_admin, seed_budgets):
    client.force_login(network_admin)
    data = client.get("/api/v1/finance/budgets/").json()
    assert [b["label"] for b in data["results"]] == ["2022/23", "2021/22"]
    assert data["results"][1]["balance"] == "47225.00"
    assert data["results"][1]["statement"].endswith(STATEMENT)


@pytest.mark.parametrize("who", [None, "board_member", "supporter", "officer_a"])
def test_others_are_refused(client, seed_budgets, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(STATEMENT).status_code == 403
    assert client.get("/api/v1/finance/budgets/").status_code == 403


def test_no_writes_and_missing_years(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    assert client.post(STATEMENT, {}).status_code == 405
    assert client.get("/api/v1/finance/budgets/2019/statement/").status_code == 404
