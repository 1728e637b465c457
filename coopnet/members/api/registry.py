"""The registry's read-only API: organisations, memberships and the membership figures.

Every read goes through `selectors`; nothing here writes. Contact details (the emails and telephone
numbers of people and organisations, postal addresses) are never serialised: version 1 is open
data, and the fields below are the whole of what it publishes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coopnet.core.api.fields import IsoDateField, IsoDateFilter, StrictBooleanFilter, as_of_or_today
from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly
from coopnet.core.figures import Figure, Reported
from coopnet.core.periods import current_on_q

from .. import selectors
from ..models import LocalAuthority, Membership, MembershipCategory, Organisation, OrganisationKind

AS_OF_HELP = _("The date to answer for, as YYYY-MM-DD. Defaults to today.")


# --- query parameters ---------------------------------------------------------------------------


@extend_schema_field(
    {
        "type": "string",
        "description": _("Membership category code: full, associate, affiliate or supporter."),
    }
)
class CategoryFilter(django_filters.ModelChoiceFilter):
    """A membership category by its code (full, associate, affiliate, supporter)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", selectors.categories())
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, **kwargs)


class AsOfQuerySerializer(serializers.Serializer[dict[str, Any]]):
    as_of = IsoDateField(required=False, help_text=AS_OF_HELP)


class MembershipStatsQuerySerializer(serializers.Serializer[dict[str, Any]]):
    as_of = IsoDateField(required=False, help_text=AS_OF_HELP)
    compare_to = IsoDateField(
        required=False,
        help_text=_(
            "An earlier date, as YYYY-MM-DD: joiners and leavers are counted between it and as_of."
        ),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["as_of"] = as_of_or_today(attrs.get("as_of"))
        compare_to = attrs.get("compare_to")
        if compare_to is not None and compare_to > attrs["as_of"]:
            raise serializers.ValidationError(
                {
                    "compare_to": [
                        _("The comparison date must be on or before %(as_of)s.")
                        % {"as_of": attrs["as_of"].isoformat()}
                    ]
                }
            )
        return attrs


# --- filters ------------------------------------------------------------------------------------


class OrganisationFilter(django_filters.FilterSet):
    """The public member directory on a date, filtered as the directory page filters it."""

    q = django_filters.CharFilter(help_text=_("Part of the organisation's name."))
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    category = CategoryFilter()
    nation = django_filters.CharFilter(help_text=_("e.g. England, Scotland, Wales."))
    region = django_filters.CharFilter(help_text=_("e.g. North West."))
    as_of = IsoDateFilter(help_text=_("List the members on this date (YYYY-MM-DD); default today."))

    class Meta:
        model = Organisation
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
        """Answer from `selectors.directory`, which is itself the public-only base queryset."""
        data = self.form.cleaned_data
        category: MembershipCategory | None = data.get("category")
        filters = selectors.DirectoryFilters(
            q=data.get("q") or "",
            category=category.code if category else "",
            kind=data.get("kind") or "",
            nation=data.get("nation") or "",
            region=data.get("region") or "",
            on=data.get("as_of"),
        )
        return selectors.directory(filters, as_of_or_today(data.get("as_of")))


class MembershipFilter(django_filters.FilterSet):
    category = CategoryFilter()
    organisation = django_filters.CharFilter(
        field_name="organisation__slug", help_text=_("The organisation's slug.")
    )
    as_of = IsoDateFilter(
        method="filter_as_of", help_text=_("Only memberships current on this date (YYYY-MM-DD).")
    )
    active = StrictBooleanFilter(
        method="filter_active",
        help_text=_("true: only memberships current today; false: only those that are not."),
    )

    class Meta:
        model = Membership
        fields: list[str] = []

    def filter_as_of(
        self, queryset: QuerySet[Membership], name: str, value: date
    ) -> QuerySet[Membership]:
        return queryset.filter(current_on_q(value))

    def filter_active(
        self, queryset: QuerySet[Membership], name: str, value: bool
    ) -> QuerySet[Membership]:
        today = current_on_q(timezone.localdate())
        return queryset.filter(today) if value else queryset.exclude(today)


# --- serializers --------------------------------------------------------------------------------


class LocalAuthoritySerializer(serializers.ModelSerializer[LocalAuthority]):
    org_id = serializers.CharField(
        read_only=True, help_text=_("org-id identifier (GB-LAE, GB-LAS, GB-PLA or GB-LANI).")
    )

    class Meta:
        model = LocalAuthority
        fields = ["code", "gss_code", "official_name", "nation", "region", "population", "org_id"]
        read_only_fields = fields


class CurrentMembershipSerializer(serializers.Serializer[dict[str, Any]]):
    category = serializers.CharField(help_text=_("Category code."))
    category_name = serializers.CharField()
    start = serializers.DateField()


def _current_membership(organisation: Organisation, on: date) -> dict[str, Any] | None:
    """From `directory`'s annotations on a list, or the prefetched memberships on a detail."""
    if hasattr(organisation, "category_code"):
        code = getattr(organisation, "category_code", None)
        if not code:
            return None
        return {
            "category": code,
            "category_name": getattr(organisation, "category_name", ""),
            "start": getattr(organisation, "member_since", None),
        }
    current = next((m for m in organisation.memberships.all() if m.is_current_on(on)), None)
    if current is None:
        return None
    return {
        "category": current.category.code,
        "category_name": current.category.name,
        "start": current.start,
    }


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    web_url = serializers.SerializerMethodField(help_text=_("The organisation's public page."))
    nation = serializers.CharField(read_only=True)
    region = serializers.CharField(read_only=True)
    local_authority = LocalAuthoritySerializer(read_only=True, allow_null=True)
    area_authority = serializers.CharField(
        source="area_authority_id",
        read_only=True,
        allow_null=True,
        help_text=_("Code of the council area a town council or political group belongs to."),
    )
    current_membership = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "kind",
            "website",
            "description",
            "nation",
            "region",
            "local_authority",
            "area_authority",
            "current_membership",
            "url",
            "web_url",
        ]
        read_only_fields = fields

    @extend_schema_field(CurrentMembershipSerializer(allow_null=True))
    def get_current_membership(self, obj: Organisation) -> dict[str, Any] | None:
        current = _current_membership(obj, as_of_or_today(self.context.get("as_of")))
        return CurrentMembershipSerializer(current).data if current else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, obj: Organisation) -> str:
        request: Request | None = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class MembershipHolderSerializer(serializers.Serializer[dict[str, Any]]):
    type = serializers.ChoiceField(choices=["organisation", "person"])
    slug = serializers.CharField()
    name = serializers.CharField()


class MembershipSerializer(serializers.ModelSerializer[Membership]):
    category = serializers.CharField(source="category.code", read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    holder = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = [
            "id",
            "category",
            "category_name",
            "organisation",
            "holder",
            "start",
            "end",
            "start_is_approximate",
            "source",
        ]
        read_only_fields = fields

    @extend_schema_field(MembershipHolderSerializer)
    def get_holder(self, obj: Membership) -> dict[str, Any]:
        if obj.organisation is not None:
            org = obj.organisation
            return {"type": "organisation", "slug": org.slug, "name": org.name}
        assert obj.person is not None
        return {"type": "person", "slug": obj.person.slug, "name": obj.person.display_name}


@extend_schema_field({"type": "number", "nullable": True})
class FigureNumberField(serializers.Field):
    """A count or an amount as a JSON number: 34, 15000000000, 12.5 (null stays null)."""

    def to_representation(self, value: Decimal) -> int | float:
        return int(value) if value == value.to_integral_value() else float(value)


class ReportedFigureSerializer(serializers.Serializer[Reported]):
    value = FigureNumberField()
    qualifier = serializers.CharField(help_text=_('"over" for a figure published as "over 300".'))
    # A field named "source" shadows Field.source (the attribute name) for the type checker only.
    source = serializers.CharField(  # type: ignore[assignment]
        help_text=_("The document that published the figure.")
    )
    note = serializers.CharField()


class FigureSerializer(serializers.Serializer[Figure]):
    key = serializers.CharField(help_text=_('The measure ("members-full", "councils-budget").'))
    computed = FigureNumberField(
        source="computed_or_none",
        allow_null=True,
        help_text=_("Computed from the records; null when the records do not cover the date."),
    )
    covered = serializers.BooleanField(
        help_text=_("Whether the records are complete on the date (see complete_from).")
    )
    complete_from = serializers.DateField(
        allow_null=True,
        help_text=_("The date from which the records of this measure are complete, or null."),
    )
    reported = ReportedFigureSerializer(
        many=True, help_text=_("Every figure the network published for this date, with source.")
    )
    differs = serializers.BooleanField(
        help_text=_("The computed value disagrees with a published one (or two published differ).")
    )


class CategoryCountSerializer(serializers.Serializer[selectors.CategoryCount]):
    code = serializers.CharField()
    name = serializers.CharField()
    count = serializers.IntegerField(
        allow_null=True, help_text=_("Null when the records do not cover the date (see figure).")
    )
    counts_as_member = serializers.BooleanField()
    figure = FigureSerializer(help_text=_("Coverage and the published figures for this count."))


class HeadlineSerializer(serializers.Serializer[selectors.Headline]):
    councils = serializers.IntegerField(
        allow_null=True, help_text=_("Member councils and combined authorities.")
    )
    citizens = serializers.IntegerField(
        allow_null=True,
        help_text=_(
            "Population of the member principal councils (2020 estimates in the UK local "
            "authority reference table); null when populations are not recorded for the date."
        ),
    )
    budget = serializers.DecimalField(
        max_digits=None,
        decimal_places=2,
        coerce_to_string=True,
        allow_null=True,
        help_text=_(
            "Sum of the member councils' annual budgets, in pounds; null until council budgets "
            "are recorded (coverage council-budgets)."
        ),
    )
    councils_with_budget = serializers.IntegerField()
    councils_counted_for_population = serializers.IntegerField()
    excluded_combined_authorities = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Combined authorities counted as councils but not for citizens or budget."),
    )


# The stats' fields that are figures, and the figure key of each.
HEADLINE_FIGURES = {
    "councils": "councils-members",
    "citizens": "councils-citizens",
    "budget": "councils-budget",
}


class MembershipStatsSerializer(serializers.Serializer[selectors.MembershipStats]):
    as_of = serializers.DateField()
    compare_to = serializers.DateField(allow_null=True)
    categories = CategoryCountSerializer(many=True)
    town_and_parish = serializers.IntegerField(
        allow_null=True,
        help_text=_(
            "Town, parish and community councils, counted inside Associate; null when not covered."
        ),
    )
    members_total = serializers.IntegerField(
        allow_null=True,
        help_text=_("Members, not counting Supporters; null unless every category is covered."),
    )
    headline = HeadlineSerializer()
    figures = FigureSerializer(
        many=True,
        help_text=_(
            "Every figure of the answer with its coverage and the published figures for as_of."
        ),
    )
    joiners = serializers.DictField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_("Per category, holders on as_of who were not on compare_to (with compare_to)."),
    )
    leavers = serializers.DictField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_("Per category, holders on compare_to who are not on as_of (with compare_to)."),
    )

    def to_representation(self, instance: selectors.MembershipStats) -> dict[str, Any]:
        """Every count the records of `as_of` cannot support is null, never a 0 or a part."""
        figs = instance.figures
        data: dict[str, Any] = {
            "as_of": instance.as_of.isoformat(),
            "compare_to": instance.compare_to.isoformat() if instance.compare_to else None,
        }
        data["categories"] = [
            {
                "code": c.code,
                "name": c.name,
                "count": c.count if f.recorded else None,
                "counts_as_member": c.counts_as_member,
                "figure": FigureSerializer(f).data,
            }
            for c, f in instance.category_figures
        ]
        data["town_and_parish"] = _covered_int(figs[selectors.TOWN_AND_PARISH_KEY])
        data["members_total"] = _covered_int(figs["members-total"])
        headline = dict(HeadlineSerializer(instance.headline).data)
        for field, key in HEADLINE_FIGURES.items():
            if not figs[key].recorded:
                headline[field] = None
        data["headline"] = headline
        data["figures"] = FigureSerializer(list(figs.values()), many=True).data  # type: ignore[arg-type]
        if instance.compare_to is not None:
            data["joiners"] = instance.joiners
            data["leavers"] = instance.leavers
        return data


def _covered_int(f: Figure) -> int | None:
    return int(f.computed) if f.recorded and f.computed is not None else None


# --- views --------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary=_("Member organisations on a date"),
        description=_(
            "Public organisations holding a membership on `as_of` (default today), with the "
            "category they hold then. Contact details are never included."
        ),
    ),
    retrieve=extend_schema(
        summary=_("One public organisation"),
        description=_(
            "Any public organisation, member or former member; `current_membership` is the one "
            "held on `as_of` (default today), or null."
        ),
        parameters=[AsOfQuerySerializer],
    ),
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet[Organisation]):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Organisation]:
        # Lists are answered by OrganisationFilter from selectors.directory; this is the base.
        return Organisation.objects.filter(is_public=True)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = AsOfQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            organisation = selectors.organisation_for_page(kwargs["slug"], public_only=True)
        except Organisation.DoesNotExist as exc:
            raise Http404 from exc
        context = {**self.get_serializer_context(), "as_of": query.validated_data.get("as_of")}
        return Response(OrganisationSerializer(organisation, context=context).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Memberships over time"),
        description=_(
            "Organisations' memberships, newest first. Memberships held by individuals are "
            "published only as counts (see the membership statistics)."
        ),
    )
)
class MembershipViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Membership]):
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]

    def get_queryset(self) -> QuerySet[Membership]:
        user = getattr(self.request, "user", None)
        staff = user is not None and user.has_perm("members.manage_registry")
        return selectors.memberships_listing(include_private=staff)


class MembershipStatsView(APIView):
    permission_classes = [PublicReadOnly]

    @extend_schema(
        summary=_("Membership figures on a date"),
        description=_(
            "Counts by category, the town-and-parish count, the members total and the headline "
            "(councils, citizens, budget) on `as_of`; joiners and leavers since `compare_to`. "
            "A count is null where the records do not cover the date (records are complete only "
            "from each measure's `complete_from`); every figure carries its coverage and the "
            "figures the network published for that date, with their sources."
        ),
        parameters=[MembershipStatsQuerySerializer],
        responses=MembershipStatsSerializer,
    )
    def get(self, request: Request) -> Response:
        query = MembershipStatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        stats = selectors.membership_stats_cached(
            query.validated_data["as_of"], query.validated_data.get("compare_to")
        )
        return Response(MembershipStatsSerializer(stats).data)
