"""Reads of funding: each returns a queryset or value with its joins already set."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Model, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from coopnet.core.figures import Figure, Number, Reported, figure_series
from coopnet.core.membership_year import year_end, year_label, year_of, year_start
from coopnet.core.models import Principle
from coopnet.governance.selectors import body_names, people_serving_on
from coopnet.members.models import Membership, Organisation, Person, Role
from coopnet.members.selectors import organisations_managed_by

from .models import (
    Bid,
    BidPartner,
    Decision,
    FollowUpReview,
    ProgressReport,
    Project,
    ReviewAssignment,
    ReviewScore,
    Round,
    Scheme,
)

DEFAULT_REVIEW_BODIES = ("eoc", "vp-board")


def review_body_slugs() -> list[str]:
    """The bodies whose members review bids and meet jointly to decide."""
    return list(getattr(settings, "COOPNET_FUNDING_REVIEW_BODIES", DEFAULT_REVIEW_BODIES))


def review_bodies_label() -> str:
    slugs = review_body_slugs()
    names = body_names(slugs)
    return _(" and ").join(names or slugs)


def reviewers_on(on: date) -> QuerySet[Person]:
    """People serving on the EOC or the V&P Board on a date."""
    return people_serving_on(review_body_slugs(), on)


def rounds() -> QuerySet[Round]:
    return Round.objects.prefetch_related("pots__scheme").order_by("-year")


def round_for_page(year: int) -> Round:
    return Round.objects.prefetch_related("pots__scheme", "criteria").get(year=year)


def schemes() -> QuerySet[Scheme]:
    return Scheme.objects.prefetch_related("rules").order_by("order")


def bid_for_page(pk: int) -> Bid:
    return (
        Bid.objects.select_related(
            "round", "scheme", "lead", "decision__meeting", "decision__agenda_item", "project"
        )
        .prefetch_related(
            "principles",
            "budget_lines",
            "milestones",
            "documents",
            Prefetch(
                "partners",
                queryset=BidPartner.objects.select_related("organisation"),
            ),
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.select_related("reviewer").prefetch_related(
                    "scores__criterion"
                ),
            ),
        )
        .get(pk=pk)
    )


def profile_manager_emails(organisation_id: int, on: date) -> list[str]:
    """Where to write to the people who manage an organisation's profile on a date."""
    roles = Role.objects.managers_of([organisation_id], on=on).select_related("person__user")
    emails = set()
    for role in roles:
        user = role.person.user
        email = (user.email if user else "") or role.person.email
        if email:
            emails.add(email)
    return sorted(emails)


def bid_lead_choices(user: object, *, any_member: bool) -> QuerySet[Organisation]:
    """The organisations a person may name as a bid's lead: those they manage today, and every
    member organisation as well when they may bid for any (`funding.bid_for_any_organisation`)."""
    managed = organisations_managed_by(user)
    if not any_member:
        return managed
    return (
        Organisation.objects.filter(Q(pk__in=managed.values("pk")) | Q(memberships__isnull=False))
        .distinct()
        .order_by("name")
    )


def all_bids() -> QuerySet[Bid]:
    return Bid.objects.select_related("round", "scheme", "lead").order_by("-round__year", "title")


def bids_for_user(organisation_ids: Iterable[int]) -> QuerySet[Bid]:
    return (
        Bid.objects.filter(
            Q(lead_id__in=organisation_ids) | Q(partners__organisation_id__in=organisation_ids)
        )
        .distinct()
        .select_related("round", "scheme", "lead")
        .order_by("-round__year", "title")
    )


def assignments_for(person: Person | None) -> QuerySet[ReviewAssignment]:
    if person is None:
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=person)
        .select_related("bid__round", "bid__scheme", "bid__lead")
        .order_by("-bid__round__year", "bid__title")
    )


@dataclass
class PanelRow:
    bid: Bid
    total: Decimal | None  # mean of the reviewers' totals; None until someone has scored
    reviewers: int
    excluded: int
    decision: Decision | None


@dataclass
class PotLine:
    scheme: Scheme
    pot: Decimal
    budget_changes: Decimal
    asked: Decimal
    awarded: Decimal

    @property
    def available(self) -> Decimal:
        return self.pot + self.budget_changes - self.awarded


@dataclass
class Panel:
    round: Round
    rows: list[PanelRow]
    pots: list[PotLine]
    max_total: int

    @property
    def total(self) -> PotLine | None:
        """All schemes together (None when the round has one pot or none)."""
        if len(self.pots) < 2:
            return None
        return PotLine(
            scheme=self.pots[0].scheme,
            pot=sum((p.pot for p in self.pots), Decimal(0)),
            budget_changes=sum((p.budget_changes for p in self.pots), Decimal(0)),
            asked=sum((p.asked for p in self.pots), Decimal(0)),
            awarded=sum((p.awarded for p in self.pots), Decimal(0)),
        )


def panel(rnd: Round) -> Panel:
    """All submitted and decided bids of a round with their scores, and totals against the pot."""
    bids = list(
        rnd.bids.exclude(status__in=(Bid.Status.DRAFT, Bid.Status.WITHDRAWN))
        .select_related("scheme", "lead", "decision__meeting", "decision__agenda_item")
        .annotate(
            n_scored=Count(
                "assignments",
                filter=Q(assignments__status=ReviewAssignment.Status.SCORED),
                distinct=True,
            ),
            n_excluded=Count(
                "assignments",
                filter=Q(
                    assignments__status__in=(
                        ReviewAssignment.Status.EXCLUDED,
                        ReviewAssignment.Status.CONFLICT,
                    )
                ),
                distinct=True,
            ),
        )
        .order_by("scheme__order", "title")
    )
    sums = dict(
        ReviewScore.objects.filter(
            assignment__bid__round=rnd, assignment__status=ReviewAssignment.Status.SCORED
        )
        .values_list("assignment__bid_id")
        .annotate(s=Sum("score"))
        .values_list("assignment__bid_id", "s")
    )
    rows = []
    for bid in bids:
        total = Decimal(sums[bid.pk]) / bid.n_scored if bid.n_scored and bid.pk in sums else None
        rows.append(
            PanelRow(
                bid=bid,
                total=total.quantize(Decimal("0.1")) if total is not None else None,
                reviewers=bid.n_scored,
                excluded=bid.n_excluded,
                decision=getattr(bid, "decision", None),
            )
        )
    pots = []
    for pot in rnd.pots.all():
        mine = [r for r in rows if r.bid.scheme_id == pot.scheme_id]
        pots.append(
            PotLine(
                scheme=pot.scheme,
                pot=pot.amount,
                budget_changes=sum(
                    (r.decision.budget_change or Decimal(0) for r in mine if r.decision), Decimal(0)
                ),
                asked=sum((r.bid.amount for r in mine), Decimal(0)),
                awarded=sum(
                    (
                        r.decision.amount or Decimal(0)
                        for r in mine
                        if r.decision and r.decision.is_approval
                    ),
                    Decimal(0),
                ),
            )
        )
    max_total = sum(c.max_score for c in rnd.criteria.all())
    return Panel(round=rnd, rows=rows, pots=pots, max_total=max_total)


# --- public projects --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectFilters:
    member: str = ""
    year: int | None = None
    scheme: str = ""
    status: str = ""
    principle: str = ""


def published_projects() -> QuerySet[Project]:
    return Project.objects.filter(is_published=True)


def project_listing(filters: ProjectFilters) -> QuerySet[Project]:
    qs = published_projects()
    if filters.member:
        qs = qs.filter(
            Q(lead__slug=filters.member)
            | Q(partners__slug=filters.member)
            | Q(participants__slug=filters.member)
        )
    if filters.year:
        qs = qs.filter(round__year=filters.year)
    if filters.scheme:
        qs = qs.filter(scheme__slug=filters.scheme)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.principle:
        qs = qs.filter(principles__slug=filters.principle)
    ids = qs.values("pk")
    return (
        Project.objects.filter(pk__in=ids)
        .select_related("round", "scheme", "lead")
        .prefetch_related(Prefetch("principles", queryset=Principle.objects.order_by("order")))
        .order_by("-round__year", "scheme__order", "title")
    )


def project_member_choices() -> list[tuple[str, str]]:
    """Organisations that led or took part in a published project."""
    projects = published_projects()
    orgs = Organisation.objects.filter(
        Q(projects_led__in=projects)
        | Q(projects_taken_part__in=projects)
        | Q(project_partnerships__in=projects)
    ).distinct()
    return list(orgs.order_by("name").values_list("slug", "name"))


def project_years() -> list[int]:
    return sorted(
        set(published_projects().exclude(round=None).values_list("round__year", flat=True)),
        reverse=True,
    )


def project_for_page(slug: str, *, include_unpublished: bool) -> Project:
    qs = Project.objects.all() if include_unpublished else published_projects()
    return (
        qs.select_related("round", "scheme", "lead", "bid__decision__meeting")
        .prefetch_related(
            Prefetch("principles", queryset=Principle.objects.order_by("order")),
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            Prefetch("participants", queryset=Organisation.objects.order_by("name")),
            "outputs",
            "milestones",
            "payments",
            "reports",
            Prefetch(
                "follow_ups",
                queryset=FollowUpReview.objects.select_related("organisation"),
            ),
        )
        .get(slug=slug)
    )


def projects_with_output(publication: Model) -> QuerySet[Project]:
    """Funded projects that list a publication among their outputs (for its library page)."""
    return Project.objects.filter(outputs__pk=publication.pk).order_by("title")


def reports_to_review() -> QuerySet[ProgressReport]:
    return (
        ProgressReport.objects.filter(status=ProgressReport.Status.SUBMITTED)
        .select_related("project")
        .order_by("due_on")
    )


# --- KPIs -------------------------------------------------------------------------------------


COUNCIL_KINDS = ("principal_council", "combined_authority", "local_council")


@dataclass
class SchemeKpi:
    projects: int
    councils: int
    full_members_taking_part: int
    percent: Decimal | None
    reported_projects: Reported | None = None
    reported_councils: Reported | None = None
    reported_percent: Reported | None = None
    # What may be said of each (coopnet.core.figures): computed only where the projects are
    # recorded completely for the year, beside every figure published for its 31 July.
    projects_figure: Figure | None = None
    councils_figure: Figure | None = None
    percent_figure: Figure | None = None


@dataclass
class YearKpi:
    year_end: date
    full_members: int
    by_scheme: dict[str, SchemeKpi]

    @property
    def label(self) -> str:
        return year_label(year_of(self.year_end))


REPORTED_KEYS = {
    "lab": ("policy-labs", "policy-labs-councils", "policy-labs-participation-percent"),
    "prototype": (
        "policy-prototypes",
        "policy-prototypes-councils",
        "policy-prototypes-participation-percent",
    ),
}


def _counts_in(project: Project, start: date, end: date, today: date) -> bool:
    """A project counts in a membership year when it was funded in that year's round, its
    report was launched in it, or it was under way during it."""
    if project.round is not None and project.round.year == end.year:
        return True
    if project.report_launched_on and start <= project.report_launched_on <= end:
        return True
    first, last = project.active_years(today)
    return bool(first and last and first <= end and last >= start)


def kpis(year_ends: list[date], today: date) -> list[YearKpi]:
    """Labs and Prototypes by membership year (1 Aug - 31 Jul), from projects and the registry."""
    projects = list(
        Project.objects.select_related("round", "scheme").prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.only("pk", "kind"))
        )
    )
    result = []
    for end in year_ends:
        start = year_start(year_of(end))
        full = set(
            Membership.objects.current_on(end)
            .filter(category__code="full", organisation__isnull=False)
            .values_list("organisation_id", flat=True)
        )
        by_scheme = {}
        for kind in REPORTED_KEYS:
            mine = [
                p for p in projects if p.scheme.kind == kind and _counts_in(p, start, end, today)
            ]
            councils = {o.pk for p in mine for o in p.participants.all() if o.kind in COUNCIL_KINDS}
            taking_part = councils & full
            percent = (
                (Decimal(len(taking_part)) * 100 / len(full)).quantize(Decimal("1"))
                if full
                else None
            )
            by_scheme[kind] = SchemeKpi(
                projects=len(mine),
                councils=len(councils),
                full_members_taking_part=len(taking_part),
                percent=percent,
            )
        result.append(YearKpi(year_end=end, full_members=len(full), by_scheme=by_scheme))
    _through_coverage(result)
    return result


def _known(
    values: dict[date, Number | None],
) -> Callable[[list[date]], dict[date, Number | None]]:
    return lambda covered: {d: values[d] for d in covered}


def _through_coverage(years: list[YearKpi]) -> None:
    """Set each count's Figure (coverage rule, published figures) and its first published one."""
    computed: dict[str, dict[date, Number | None]] = {}
    for y in years:
        for kind, keys in REPORTED_KEYS.items():
            k = y.by_scheme[kind]
            for key, value in zip(keys, (k.projects, k.councils, k.percent), strict=True):
                computed.setdefault(key, {})[y.year_end] = value
    series = figure_series(
        {key: _known(values) for key, values in computed.items()},
        [y.year_end for y in years],
    )
    for y in years:
        for kind, keys in REPORTED_KEYS.items():
            k = y.by_scheme[kind]
            k.projects_figure, k.councils_figure, k.percent_figure = (
                series[key][y.year_end] for key in keys
            )
            k.reported_projects, k.reported_councils, k.reported_percent = (
                f.reported[0] if f.reported else None
                for f in (k.projects_figure, k.councils_figure, k.percent_figure)
            )


def kpi_years(today: date) -> list[date]:
    """Year ends from the first round (or reported figure) up to the current membership year."""
    first_round = Round.objects.order_by("year").values_list("year", flat=True).first()
    current = year_of(today)
    # A round is named by the calendar year its membership year ends in.
    first = min(first_round - 1 if first_round else current, 2021)
    return [year_end(y) for y in range(first, current + 1)]


def recent_projects(limit: int = 3) -> list[Project]:
    """The latest published funded projects (for the home page): newest round first."""
    qs = published_projects().select_related("round", "scheme", "lead")
    return list(qs.order_by(F("awarded_on").desc(nulls_last=True), "-round__year", "-pk")[:limit])


def reviews_to_do(person: Person | None) -> QuerySet[ReviewAssignment]:
    """Bids the person has been asked to review and has not yet scored or declined."""
    return assignments_for(person).filter(status=ReviewAssignment.Status.ASSIGNED)


def reports_due_for(organisation_ids: Iterable[int]) -> QuerySet[ProgressReport]:
    """Progress and final reports the lead organisations owe: due, or sent back for changes."""
    return (
        ProgressReport.objects.filter(
            project__lead_id__in=list(organisation_ids),
            status__in=[ProgressReport.Status.DUE, ProgressReport.Status.CHANGES_REQUESTED],
        )
        .select_related("project")
        .order_by("due_on", "pk")
    )
