"""Reads for the knowledge hub: each returns its rows with what the page shows already joined,
so a page costs the same number of queries for 2 rows or 2,000."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from coopnet.accounts.models import User
from coopnet.core.caching import remember_public
from coopnet.core.models import Principle
from coopnet.core.selectors import network_principles  # noqa: F401  (the one rule, kept in core)
from coopnet.members.models import Organisation
from coopnet.members.selectors import managed_organisation_ids, organisations_managed_by

from .models import Action, CaseStudy, CaseStudyDecision, NewsPost, Publication, Tag, Theme

RELATED_LIMIT = 4
ORGANISATION_PAGE_LIMIT = 6


def _principles_prefetch() -> Prefetch:
    return Prefetch("principles", queryset=Principle.objects.order_by("order"))


def _for_cards(qs: QuerySet[CaseStudy]) -> QuerySet[CaseStudy]:
    """What a list of case studies shows: the lead member and the principle icons."""
    return qs.select_related("lead_organisation").prefetch_related(_principles_prefetch())


def published_case_studies() -> QuerySet[CaseStudy]:
    return CaseStudy.objects.filter(state=CaseStudy.State.PUBLISHED)


@dataclass(frozen=True)
class CaseStudyFilters:
    """The case study list's filters, as they appear in its (shareable) address."""

    q: str = ""
    principle: str = ""
    theme: str = ""
    action: str = ""
    member: str = ""
    year: int | None = None
    status: str = ""

    @property
    def active(self) -> bool:
        return any(v not in ("", None) for v in self.__dict__.values())


def filter_case_studies(qs: QuerySet[CaseStudy], f: CaseStudyFilters) -> QuerySet[CaseStudy]:
    if f.q.strip():
        qs = qs.filter(Q(title__icontains=f.q.strip()) | Q(summary__icontains=f.q.strip()))
    if f.principle:
        qs = qs.filter(principles__slug=f.principle)
    if f.theme:
        qs = qs.filter(themes__slug=f.theme)
    if f.action:
        qs = qs.filter(actions__slug=f.action)
    if f.member:
        member = Organisation.objects.filter(slug=f.member).values("pk")
        qs = qs.filter(
            Q(lead_organisation__in=member)
            | Q(
                pk__in=CaseStudy.participants.through.objects.filter(
                    organisation__in=member
                ).values("casestudy_id")
            )
        )
    if f.year:
        qs = qs.filter(year=f.year)
    if f.status:
        qs = qs.filter(status=f.status)
    return qs


def case_study_list(filters: CaseStudyFilters) -> QuerySet[CaseStudy]:
    qs = filter_case_studies(published_case_studies(), filters)
    return _for_cards(qs).order_by("-year", "title", "pk")


def case_study_years() -> list[int]:
    return list(
        published_case_studies().order_by("-year").values_list("year", flat=True).distinct()
    )


def case_study_by_slug(slug: str) -> CaseStudy:
    """The case study at this address with its lead member: enough to decide who may see it
    (raises DoesNotExist)."""
    return CaseStudy.objects.select_related("lead_organisation").get(slug=slug)


def case_study_for_page(slug: str) -> CaseStudy:
    """The case study at this address with everything its page shows (raises DoesNotExist)."""
    return (
        CaseStudy.objects.select_related("lead_organisation")
        .prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.order_by("name")),
            _principles_prefetch(),
            "themes",
            Prefetch("actions", queryset=Action.objects.select_related("theme")),
            "links",
            "images",
            "attachments",
        )
        .get(slug=slug)
    )


def current_slug(old_slug: str) -> str | None:
    """Where a former address of a case study now points, if it was one."""
    return CaseStudy.objects.filter(old_slugs__slug=old_slug).values_list("slug", flat=True).first()


def decisions(case_study: CaseStudy) -> QuerySet[CaseStudyDecision]:
    return case_study.decisions.select_related("by")


def _shared(through: Any, column: str, ids: list[int]) -> Any:
    """How many of `ids` a case study shares, as a subquery on a many-to-many table."""
    counted = (
        through.objects.filter(casestudy_id=OuterRef("pk"), **{f"{column}__in": ids})
        .order_by()
        .values("casestudy_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def related_case_studies(case_study: CaseStudy, limit: int = RELATED_LIMIT) -> list[CaseStudy]:
    """Published case studies sharing the most principles, themes and members with this one
    (`rank_related`), remembered until public content next changes: ranking reads every
    candidate, so it grows with the library, and every input is public (a published case study's
    relations and the published library)."""
    return remember_public(
        "related-case-studies", (case_study.pk, limit), lambda: rank_related(case_study, limit)
    )


def rank_related(case_study: CaseStudy, limit: int = RELATED_LIMIT) -> list[CaseStudy]:
    """Published case studies sharing the most principles, themes and members with this one.

    Two queries: the ranked case studies (the shared counts are subqueries on the many-to-many
    tables' indexes), and their principles for the icons. The ids to compare come from the
    page's own prefetched relations.
    """
    principles = [p.pk for p in case_study.principles.all()]
    themes = [t.pk for t in case_study.themes.all()]
    members = [case_study.lead_organisation_id, *(o.pk for o in case_study.participants.all())]
    participants = CaseStudy.participants.through
    candidates = (
        Q(
            pk__in=CaseStudy.principles.through.objects.filter(principle_id__in=principles).values(
                "casestudy_id"
            )
        )
        | Q(
            pk__in=CaseStudy.themes.through.objects.filter(theme_id__in=themes).values(
                "casestudy_id"
            )
        )
        | Q(lead_organisation_id__in=members)
        | Q(pk__in=participants.objects.filter(organisation_id__in=members).values("casestudy_id"))
    )
    qs = (
        published_case_studies()
        .filter(candidates)
        .exclude(pk=case_study.pk)
        .annotate(
            score=_shared(CaseStudy.principles.through, "principle_id", principles)
            + _shared(CaseStudy.themes.through, "theme_id", themes)
            + 2 * _shared(participants, "organisation_id", members)
        )
        .order_by("-score", "-year", "title")
    )
    return list(_for_cards(qs)[:limit])


def case_studies_for(organisation: Organisation) -> QuerySet[CaseStudy]:
    """Published case studies an organisation led or took part in, newest first (for its page).

    Ready for `knowledge/_organisation_case_studies.html`; slice it there (the include shows the
    first ORGANISATION_PAGE_LIMIT and links to the full, filtered list).
    """
    led = CaseStudy.objects.filter(lead_organisation=organisation).order_by().values("pk")
    took_part = CaseStudy.participants.through.objects.filter(organisation=organisation)
    # one set of ids from two indexes: "led OR took part" as an OR would read every case study
    ids = led.union(took_part.order_by().values("casestudy_id"))
    return _for_cards(published_case_studies().filter(pk__in=ids)).order_by("-year", "title")


def lead_member_choices(
    user: User, *, any_organisation: bool, keep: Organisation | None = None
) -> QuerySet[Organisation]:
    """The organisations a user may name as a case study's lead member: those they manage today
    (`organisations_managed_by`), or every organisation when they may write for any
    (`knowledge.write_for_any_organisation`); `keep` (the current lead) stays among them."""
    if any_organisation:
        return Organisation.objects.order_by("name")
    managed = organisations_managed_by(user)
    if keep is None:
        return managed
    return Organisation.objects.filter(Q(pk__in=managed.values("pk")) | Q(pk=keep.pk)).order_by(
        "name"
    )


def my_case_studies(user: User) -> QuerySet[CaseStudy]:
    """Every case study, at any stage, of the organisations the user manages today."""
    return (
        CaseStudy.objects.filter(lead_organisation_id__in=managed_organisation_ids(user))
        .select_related("lead_organisation")
        .order_by("-updated_at")
    )


def moderation_queue() -> QuerySet[CaseStudy]:
    return (
        CaseStudy.objects.filter(state=CaseStudy.State.SUBMITTED)
        .select_related("lead_organisation")
        .order_by("submitted_at", "pk")
    )


def themes() -> QuerySet[Theme]:
    return Theme.objects.order_by("order")


def actions() -> QuerySet[Action]:
    return Action.objects.select_related("theme").order_by("theme__order", "order")


def council_themes() -> QuerySet[Theme]:
    """The Being a Co-operative Council themes, each action with its published case studies
    counted (two queries)."""
    counted = Action.objects.annotate(
        published=Count("case_studies", filter=Q(case_studies__state=CaseStudy.State.PUBLISHED))
    ).order_by("order")
    return (
        Theme.objects.filter(is_council_theme=True)
        .order_by("order")
        .prefetch_related(Prefetch("actions", queryset=counted))
    )


# --- publications and news -------------------------------------------------------------------


def publications_by_title() -> QuerySet[Publication]:
    """Every publication, public or not, by title (for choosing a funded project's outputs)."""
    return Publication.objects.order_by("title")


def publication_list(kind: str = "") -> QuerySet[Publication]:
    qs = Publication.objects.filter(is_public=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-published_on", "title")


def publication_for_page(slug: str) -> Publication:
    return (
        Publication.objects.filter(is_public=True)
        .prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            _principles_prefetch(),
            "themes",
        )
        .get(slug=slug)
    )


# Apps whose records list a publication among their outputs (funding: funded projects) register
# a reader here from their AppConfig.ready(), so the library never imports them.
_OUTPUT_READERS: list[Callable[[Publication], Iterable[Any]]] = []


def register_publication_users(reader: Callable[[Publication], Iterable[Any]]) -> None:
    """`reader(publication)` returns the records (with `title` and an address) that list the
    publication as an output; called from another app's `AppConfig.ready()`."""
    if reader not in _OUTPUT_READERS:
        _OUTPUT_READERS.append(reader)


def projects_for(publication: Publication) -> list[Any]:
    """What lists this publication among its outputs (funded projects), from the apps that
    registered a reader; none when no app did."""
    return [record for reader in _OUTPUT_READERS for record in reader(publication)]


def published_news(kind: str = "", tag: str = "") -> QuerySet[NewsPost]:
    qs = NewsPost.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
    if kind:
        qs = qs.filter(kind=kind)
    if tag:
        qs = qs.filter(tags__slug=tag)
    return qs.prefetch_related("authors", "tags").order_by("-published_at", "-pk")


def news_post_for_page(slug: str) -> NewsPost:
    return published_news().get(slug=slug)


def tag_named(slug: str) -> Tag | None:
    return Tag.objects.filter(slug=slug).first() if slug else None


RECENT_LIMIT = 3


def recent_case_studies(limit: int = RECENT_LIMIT) -> list[CaseStudy]:
    """The latest published case studies (for the hub and the home page), newest first."""
    qs = _for_cards(published_case_studies()).order_by(
        F("published_at").desc(nulls_last=True), "-pk"
    )
    return list(qs[:limit])


def recent_news(limit: int = RECENT_LIMIT) -> list[NewsPost]:
    return list(published_news()[:limit])


def recent_publications(limit: int = RECENT_LIMIT) -> list[Publication]:
    return list(publication_list()[:limit])
