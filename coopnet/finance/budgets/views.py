"""Budget pages: the statement (web and PDF), the budgets, their lines, projection, import and
export, and actual against budget. Thin: each parses, calls one service or selector, renders."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.confirmation import confirm_form, confirmation_page
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label, year_of

from . import layout, selectors, services
from .errors import reported_problems
from .forms import AssumptionForm, BudgetForm, ImportForm, LineForm, ProjectionForm, SpendForm
from .models import Budget, BudgetLine, ProjectionAssumption
from .pdf import pdf_response
from .projection import AssumptionSpec, max_years
from .statement import Statement, describe

READ, MANAGE = "budgets.view_statement", "budgets.manage_budgets"
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": layout.XLSX_TYPE}


def _budget(year: int) -> Budget:
    try:
        return selectors.budget_for_year(year)
    except Budget.DoesNotExist as exc:
        raise Http404(_("There is no budget for that year.")) from exc


def _statement(year: int) -> Statement:
    try:
        return selectors.statement_for(year)
    except Budget.DoesNotExist as exc:
        raise Http404(_("There is no budget for that year.")) from exc


def index(request: HttpRequest) -> HttpResponse:
    require(request.user, READ)
    return render(
        request,
        "budgets/index.html",
        {"summaries": selectors.budget_summaries(), "can_manage": request.user.has_perm(MANAGE)},
    )


def statement(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, READ)
    loaded = list(selectors.budgets())
    budget = next((b for b in loaded if b.year == year), None)
    if budget is None:
        raise Http404(_("There is no budget for that year."))
    return render(
        request,
        "budgets/statement.html",
        {
            "statement": selectors.statement_for(year, loaded),
            "budget": budget,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


def statement_pdf(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, READ)
    return pdf_response(_statement(year))


def export(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    require(request.user, MANAGE)
    if fmt not in EXPORT_TYPES:
        raise Http404(_("Budgets export as CSV or XLSX."))
    statement = _statement(year)
    content: str | bytes = (
        layout.write_csv(statement) if fmt == "csv" else layout.write_xlsx(statement)
    )
    response = HttpResponse(content, content_type=EXPORT_TYPES[fmt])
    name = statement.label.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="budget-{name}.{fmt}"'
    return response


def _next_years() -> tuple[list[int], bool]:
    """The years a new budget may be for, and whether it would be the first."""
    latest = Budget.objects.order_by("-year").values_list("year", flat=True).first()
    if latest is not None:
        return [latest + 1], False
    this_year = year_of(timezone.localdate())
    return list(range(this_year + 1, this_year - 11, -1)), True


def create(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    years, first = _next_years()
    form = BudgetForm(request.POST or None, years=years, first=first)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported_problems(form) as outcome:
            budget = services.budget_create(
                year=data["year"],
                by=signed_in_user(request),
                reserve=data["reserve"],
                opening_balance=data.get("opening_balance"),
                notes=data["notes"],
            )
        if outcome.ok:
            messages.success(
                request, _("The %(year)s budget has been created.") % {"year": budget.label}
            )
            return redirect("budgets:edit", year=budget.year)
    return render(request, "budgets/form.html", {"form": form, "heading": _("New budget")})


def edit(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, MANAGE)
    budget = _budget(year)
    first = not Budget.objects.filter(year=year - 1).exists()
    initial = {
        "reserve": budget.reserve,
        "opening_balance": budget.opening_balance,
        "notes": budget.notes,
    }
    form = BudgetForm(request.POST or None, initial=initial, first=first)
    if request.method == "POST" and form.is_valid():
        with reported_problems(form) as outcome:
            services.budget_update(
                budget=budget,
                by=signed_in_user(request),
                reserve=form.cleaned_data["reserve"],
                opening_balance=form.cleaned_data.get("opening_balance"),
                notes=form.cleaned_data["notes"],
            )
        if outcome.ok:
            messages.success(request, _("The budget has been saved."))
            return redirect("budgets:edit", year=year)
    return render(request, "budgets/edit.html", {"form": form, "budget": budget})


def _line(budget: Budget, line_id: int) -> BudgetLine:
    return get_object_or_404(
        BudgetLine.objects.exclude(kind=BudgetLine.Kind.CARRY_FORWARD), pk=line_id, budget=budget
    )


def _line_form_page(
    request: HttpRequest, budget: Budget, line: BudgetLine | None, heading: str
) -> HttpResponse:
    initial = {}
    if line is not None:
        initial = {
            "kind": line.kind,
            "code": line.code,
            "name": line.name,
            "amount": line.amount,
            "to_be_confirmed": line.to_be_confirmed,
            "fee_categories": line.category_codes,
        }
    form = LineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported_problems(form) as outcome:
            services.line_save(
                budget=budget, by=signed_in_user(request), line=line, **form.cleaned_data
            )
        if outcome.ok:
            messages.success(
                request, _("“%(name)s” has been saved.") % {"name": form.cleaned_data["name"]}
            )
            return redirect("budgets:edit", year=budget.year)
    return render(
        request, "budgets/form.html", {"form": form, "heading": heading, "budget": budget}
    )


def line_add(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, MANAGE)
    return _line_form_page(request, _budget(year), None, _("Add a line"))


def line_edit(request: HttpRequest, year: int, line_id: int) -> HttpResponse:
    require(request.user, MANAGE)
    budget = _budget(year)
    return _line_form_page(request, budget, _line(budget, line_id), _("Change a line"))


@require_POST
def line_remove(request: HttpRequest, year: int, line_id: int) -> HttpResponse:
    require(request.user, MANAGE)
    budget = _budget(year)
    line = _line(budget, line_id)
    with reported(request) as outcome:
        services.line_remove(line=line, by=signed_in_user(request))
    if outcome.ok:
        messages.success(request, _("“%(name)s” has been removed.") % {"name": line.name})
    return redirect("budgets:edit", year=year)


def projection(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, MANAGE)
    budget = _budget(year)
    years = range(year + 1, year + max_years() + 1)
    action = request.POST.get("action") if request.method == "POST" else None
    years_form = ProjectionForm(
        request.POST if action == "years" else None,
        years=years,
        initial={"projection_to": budget.projection_to},
    )
    lines = budget.lines.exclude(kind=BudgetLine.Kind.CARRY_FORWARD).order_by("position")
    assumption_form = AssumptionForm(request.POST if action == "add" else None, lines=lines)
    by = signed_in_user(request)
    if action == "years" and years_form.is_valid():
        specs = [AssumptionSpec.of(a) for a in budget.assumptions.all()]
        with reported_problems(years_form) as outcome:
            services.budget_set_projection(
                budget=budget,
                by=by,
                projection_to=years_form.cleaned_data["projection_to"],
                assumptions=specs,
            )
        if outcome.ok:
            messages.success(request, _("The projection has been saved."))
            return redirect("budgets:projection", year=year)
    if action == "add" and assumption_form.is_valid():
        with reported_problems(assumption_form) as outcome:
            services.assumption_add(
                budget=budget, by=by, assumption=AssumptionSpec(**assumption_form.cleaned_data)
            )
        if outcome.ok:
            messages.success(request, _("The assumption has been added."))
            return redirect("budgets:projection", year=year)
    return render(
        request,
        "budgets/projection.html",
        {
            "budget": budget,
            "years_form": years_form,
            "assumption_form": assumption_form,
            "assumptions": [(a, describe(a)) for a in budget.assumptions.all()],
        },
    )


def assumption_remove(request: HttpRequest, year: int, assumption_id: int) -> HttpResponse:
    """Remove a projection assumption, once confirmed on this page."""
    require(request.user, MANAGE)
    assumption = ProjectionAssumption.objects.filter(pk=assumption_id, budget__year=year).first()
    if assumption is None:  # removed already (a second click, or by someone else)
        messages.info(request, _("That assumption had already been removed."))
        return redirect("budgets:projection", year=year)
    form = confirm_form(request)
    if form.is_valid():
        services.assumption_remove(assumption=assumption, by=signed_in_user(request))
        messages.success(request, _("The assumption has been removed."))
        return redirect("budgets:projection", year=year)
    return confirmation_page(
        request,
        form,
        heading=_("Remove this assumption"),
        caption=describe(assumption),
        action=_("Remove assumption"),
        cancel_url=reverse("budgets:projection", args=[year]),
        consequences=[
            _("The projection from the %(year)s budget will no longer include: %(assumption)s.")
            % {"year": year, "assumption": describe(assumption)}
        ],
    )


def import_budget(request: HttpRequest) -> HttpResponse:
    require(request.user, MANAGE)
    existing = list(Budget.objects.order_by("year").values_list("year", flat=True))
    years = sorted({*existing, *_next_years()[0]})
    form = ImportForm(request.POST or None, request.FILES or None, years=years)
    if request.method == "POST" and form.is_valid():
        with reported_problems(form) as outcome:
            budget = services.budget_import(
                content=form.cleaned_data["file"].read(),
                year=form.cleaned_data["year"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(
                request, _("The %(year)s budget has been imported.") % {"year": budget.label}
            )
            return redirect("budgets:statement", year=budget.year)
    return render(request, "budgets/import.html", {"form": form})


def actuals(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, MANAGE)
    try:
        report = selectors.actuals_for(year)
    except Budget.DoesNotExist as exc:
        raise Http404(_("There is no budget for that year.")) from exc
    return render(
        request,
        "budgets/actuals.html",
        {
            "report": report,
            "budget": report.budget,
            "spending": selectors.spending_for(report.budget)[:50],
        },
    )


def spend_add(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, MANAGE)
    budget = _budget(year)
    lines = budget.lines.filter(kind=BudgetLine.Kind.EXPENDITURE).order_by("position")
    form = SpendForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        with reported_problems(form) as outcome:
            services.expenditure_record(by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("The spending has been recorded."))
            return redirect("budgets:actuals", year=year)
    return render(
        request,
        "budgets/form.html",
        {
            "form": form,
            "heading": _("Record spending"),
            "budget": budget,
            "label": year_label(year),
        },
    )
