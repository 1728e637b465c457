"""The search page's repeated markup: `{% search_facets results.facets %}` (the filter
checkboxes) and `{% search_hits page_obj.object_list %}` (the results).

A search shows up to twelve values of each of five facets and twenty results; as template markup
that was eight variable lookups per checkbox and seven per result, with two date filters (2.5 ms
of a search for a common word, more than finding the results). Written here once, it is the same
markup (GOV.UK small checkboxes, a list of results) for a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from coopnet.core.search.backends import Hit
from coopnet.core.search.selectors import FacetGroup

register = template.Library()

_OPTION = (
    '<div class="govuk-checkboxes__item">'
    '<input class="govuk-checkboxes__input" id="facet-{0}-{1}" name="{0}" type="checkbox"'
    ' value="{2}"{3}>'
    '<label class="govuk-label govuk-checkboxes__label" for="facet-{0}-{1}">{4} ({5})</label>'
    "</div>"
)
_GROUP = (
    '<div class="govuk-form-group"><fieldset class="govuk-fieldset">'
    '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{}</legend>'
    '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">{}'
    "</div></fieldset></div>"
)
_CHECKED = mark_safe(" checked")


def _options(group: FacetGroup) -> SafeString:
    rows: Iterable[tuple[object, ...]] = (
        (
            group.name,
            number,
            option.value,
            _CHECKED if option.selected else "",
            option.label,
            option.count,
        )
        for number, option in enumerate(group.options, start=1)
    )
    return format_html_join("", _OPTION, rows)


@register.simple_tag
def search_facets(groups: list[FacetGroup]) -> SafeString:
    """One fieldset of checkboxes per facet, each value with its count of results."""
    return mark_safe(  # every part is escaped by format_html
        "".join(format_html(_GROUP, group.legend, _options(group)) for group in groups)
    )


_HIT = (
    '<li class="govuk-!-margin-bottom-6">'
    '<h3 class="govuk-heading-s govuk-!-margin-bottom-1">'
    '<a class="govuk-link" href="{}">{}</a></h3>'
    '<p class="govuk-body-s govuk-!-margin-bottom-1">'
    '<strong class="govuk-tag govuk-tag--grey">{}</strong>{}</p>'
    '<p class="govuk-body">{}</p></li>'
)
_DATE = ' <time datetime="{}">{}</time>'  # a space after the kind, as between words


def _day(hit: Hit) -> SafeString | str:
    if not hit.date:
        return ""
    return format_html(_DATE, hit.date.isoformat(), date_format(hit.date, "j F Y"))


@register.simple_tag
def search_hits(hits: list[Hit]) -> SafeString:
    """Each result: its title (a link, the words marked), its kind, its date, the passage."""
    rows = ((hit.url, hit.title_html, hit.kind_label, _day(hit), hit.snippet_html) for hit in hits)
    return format_html_join("", _HIT, rows)
