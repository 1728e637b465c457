"""Whether a bid may be submitted: the scheme's rules for its round, checked as data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coopnet.governance.selectors import appointments_representing
from coopnet.members.models import Membership, Role

from .models import Bid, Scheme, SchemeRule

LIVE_STATUSES = (
    Bid.Status.SUBMITTED,
    Bid.Status.APPROVED,
    Bid.Status.APPROVED_WITH_CONDITIONS,
)


def money(value: Decimal) -> str:
    return "£" + number_format(value, 2 if value % 1 else 0, force_grouping=True)


def months_between(start: date, end: date) -> float:
    """Calendar months from start to end (a day counts as a thirtieth of a month)."""
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30


def member_categories(organisation_ids: list[int], on: date) -> dict[int, set[str]]:
    rows = (
        Membership.objects.current_on(on)
        .filter(organisation_id__in=organisation_ids, category__counts_as_member=True)
        .values_list("organisation_id", "category__code")
    )
    result: dict[int, set[str]] = {}
    for org_id, code in rows:
        result.setdefault(org_id, set()).add(code)
    return result


def rule_or_problem(bid: Bid) -> tuple[SchemeRule | None, str]:
    scheme: Scheme = bid.scheme
    rule = scheme.rule_for(bid.round.year)
    if rule is None:
        return None, _("%(scheme)s has no rules for %(year)s.") % {
            "scheme": _(scheme.name),
            "year": bid.round.year,
        }
    return rule, ""


def _content_problems(bid: Bid) -> list[str]:
    problems = []
    missing = [
        label
        for label, value in (
            (_("a summary"), bid.summary),
            (_("the problem"), bid.problem),
            (_("the approach"), bid.approach),
            (_("the outputs"), bid.outputs),
        )
        if not value.strip()
    ]
    if missing:
        problems.append(_("Add %(parts)s.") % {"parts": ", ".join(missing)})
    if not bid.principles.exists():
        problems.append(_("Say which principles the project addresses."))
    if bid.amount <= 0:
        problems.append(_("Say how much the bid asks for."))
    elif bid.budget_total != bid.amount:
        problems.append(
            _("The budget lines add up to %(total)s, not the %(amount)s asked for.")
            % {"total": money(bid.budget_total), "amount": money(bid.amount)}
        )
    if not (bid.starts_on and bid.ends_on):
        problems.append(_("Give the planned start and end dates."))
    elif bid.ends_on <= bid.starts_on:
        problems.append(_("The planned end must be after the start."))
    if not bid.milestones.exists():
        problems.append(_("Add at least one milestone to the timeline."))
    return problems


def _lead_problems(bid: Bid, rule: SchemeRule, on: date) -> list[str]:
    if bid.led_by_network:
        if not rule.network_may_lead:
            return [
                _("The network itself cannot lead a %(scheme)s.") % {"scheme": _(bid.scheme.name)}
            ]
        return []
    assert bid.lead is not None
    codes = member_categories([bid.lead.pk], on).get(bid.lead.pk, set())
    if rule.lead_must_be_full_member and "full" not in codes:
        return [
            _("A %(scheme)s must be led by a Full member; %(lead)s is not one.")
            % {"scheme": _(bid.scheme.name), "lead": bid.lead.name}
        ]
    if rule.lead_must_be_member and not codes:
        return [_("%(lead)s is not a member of the network.") % {"lead": bid.lead.name}]
    return []


def _partner_problems(bid: Bid, rule: SchemeRule, on: date) -> list[str]:
    partners = list(bid.partners.select_related("organisation"))
    problems = []
    if rule.one_locality and partners:
        problems.append(
            _("A %(scheme)s works in one locality, so it has no partner organisations.")
            % {"scheme": _(bid.scheme.name)}
        )
    if rule.partners_must_be_members and partners:
        cats = member_categories([p.organisation_id for p in partners], on)
        for p in partners:
            if p.organisation_id not in cats:
                problems.append(
                    _("%(partner)s is not a member of the network.")
                    % {"partner": p.organisation.name}
                )
    for p in partners:
        if p.confirmed_at is None:
            problems.append(
                _("%(partner)s has not confirmed its part yet.") % {"partner": p.organisation.name}
            )
    return problems


def _scheme_problems(bid: Bid, rule: SchemeRule) -> list[str]:
    problems = []
    if bid.amount > rule.cap:
        problems.append(
            _(
                "A %(scheme)s in the %(year)s round may ask for at most %(cap)s; "
                "this bid asks for %(amount)s."
            )
            % {
                "scheme": _(bid.scheme.name),
                "year": bid.round.year,
                "cap": money(rule.cap),
                "amount": money(bid.amount),
            }
        )
    if rule.one_locality and not bid.locality.strip():
        problems.append(_("Name the one locality the project works in."))
    if bid.starts_on and bid.ends_on and (rule.min_months or rule.max_months):
        months = months_between(bid.starts_on, bid.ends_on)
        low, high = rule.min_months or 0, rule.max_months or 999
        if not low <= months <= high:
            problems.append(
                _("A %(scheme)s must take between %(low)s and %(high)s months.")
                % {"scheme": _(bid.scheme.name), "low": low, "high": high}
            )
    return problems


def one_per_round_problem(bid: Bid) -> str:
    others = Bid.objects.filter(round=bid.round, status__in=LIVE_STATUSES).exclude(pk=bid.pk)
    others = (
        others.filter(led_by_network=True) if bid.led_by_network else others.filter(lead=bid.lead)
    )
    if bid.led_by_network or not others.exists():
        return ""
    return _(
        "%(lead)s already leads a bid in the %(year)s round; each member leads at most one."
    ) % {
        "lead": bid.lead.name if bid.lead else "",
        "year": bid.round.year,
    }


def eligibility_problems(bid: Bid, on: date) -> list[str]:
    """Every reason the bid may not be submitted on `on` (an empty list: it may)."""
    rule, problem = rule_or_problem(bid)
    if rule is None:
        return [problem]
    problems = _content_problems(bid)
    problems += _lead_problems(bid, rule, on)
    problems += _partner_problems(bid, rule, on)
    problems += _scheme_problems(bid, rule)
    if problem := one_per_round_problem(bid):
        problems.append(problem)
    return problems


def organisations_of(person_id: int, on: date) -> set[int]:
    """Organisations a person works for or represents on a date (roles and appointments)."""
    roles = Role.objects.current_on(on).filter(person_id=person_id)
    seats = appointments_representing(person_id, on)
    return set(roles.values_list("organisation_id", flat=True)) | set(
        seats.values_list("organisation_id", flat=True)
    )
