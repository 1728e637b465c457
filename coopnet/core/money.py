"""Money: `Decimal` to the penny, one parser for every money field and one way to show it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
# The largest amount a money field holds (DecimalField max_digits=12, decimal_places=2).
MAX_AMOUNT = Decimal("9999999999.99")
# "£1,234.56", "1234", "-5.5", "(12.00)" is not accepted: a sign goes in front.
_AMOUNT = re.compile(
    r"^(?P<sign>[-−]?)\s*£?\s*(?P<digits>\d{1,3}(,\d{3})+|\d+)(?P<pence>\.\d{1,2})?$"
)


class MoneyError(ValueError):
    """An amount that cannot be read; the message says why, in the user's language."""


def to_pence(value: Decimal | int | str) -> Decimal:
    """`value` rounded to the penny (half up, as invoices round)."""
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


def parse_money(text: str | Decimal | int | None, *, allow_negative: bool = False) -> Decimal:
    """An amount typed by a person: "£1,234.56", "1234.5" or "3500".

    Refused with a `MoneyError`: empty text, letters, exponents ("1e309"), more than two decimal
    places, misplaced thousands separators ("1,00"), amounts past `MAX_AMOUNT`, and negative
    amounts unless `allow_negative`.
    """
    if isinstance(text, Decimal | int):
        text = str(text)
    raw = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not raw:
        raise MoneyError(_("Enter an amount, like 3,500.00."))
    match = _AMOUNT.match(raw)
    if not match:
        raise MoneyError(
            _("Enter an amount in pounds and pence using numbers only, like 3,500.00.")
        )
    try:
        amount = Decimal(match["digits"].replace(",", "") + (match["pence"] or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise MoneyError(_("Enter an amount, like 3,500.00.")) from None
    if match["sign"]:
        amount = -amount
    if amount > MAX_AMOUNT or amount < -MAX_AMOUNT:
        raise MoneyError(_("Enter an amount of less than £10,000,000,000."))
    if amount < 0 and not allow_negative:
        raise MoneyError(_("Enter an amount of zero or more."))
    return to_pence(amount)


def format_money(amount: Decimal | int | float | None, *, pence: bool = True) -> str:
    """ "£145,000.00" (or "£145,000" without pence); "-£12.50" for a negative amount; "" for None.

    The same in English and Welsh (both write pounds this way).
    """
    if amount is None or amount == "":
        return ""
    value = to_pence(Decimal(str(amount)))
    sign = "-" if value < 0 else ""
    text = f"{abs(value):,.2f}" if pence else f"{abs(value).quantize(Decimal(1), ROUND_HALF_UP):,}"
    return f"{sign}£{text}"
