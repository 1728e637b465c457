"""Budgets in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver, path

from .api import BudgetListView, BudgetStatementView

urlpatterns: list[URLPattern | URLResolver] = [
    path("finance/budgets/", BudgetListView.as_view(), name="budget-list"),
    path(
        "finance/budgets/<int:year>/statement/",
        BudgetStatementView.as_view(),
        name="budget-statement",
    ),
]
