"""Amounts in pounds: reading them from a cell or a form, and writing them the one way every
page, PDF, file and API answer shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
NIL_WORDS = frozenset({"-", "–", "—", "£-", "£–", "£—", "nil"})
TBC_WORDS = frozenset({"tbc", "to be confirmed", "i'w gadarnhau", "i’w gadarnhau"})
NUMBER = re.compile(r"^\(?-?£?-?\s*[\d,]*\.?\d*\)?$")


@dataclass(frozen=True)
class Figure:
    """What one cell of a budget says: an amount, "to be confirmed", or nothing at all."""

    amount: Decimal | None = None
    to_be_confirmed: bool = False

    @property
    def value(self) -> Decimal:
        """What the cell counts for in a total."""
        return self.amount if self.amount is not None else ZERO

    @property
    def is_blank(self) -> bool:
        return self.amount is None and not self.to_be_confirmed

    def text(self) -> str:
        if self.to_be_confirmed:
            return _("TBC")
        return "" if self.amount is None else format_money(self.amount)


class AmountError(ValueError):
    """The text is not an amount the budget accepts; the message says why."""


def format_money(amount: Decimal) -> str:
    amount = amount.quantize(PENNY)
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


def check_amount(amount: Decimal) -> Decimal:
    """The amount to two places; refuses negative amounts and fractions of a penny."""
    if not amount.is_finite():
        raise AmountError(_("Enter an amount in pounds."))
    if amount < 0:
        raise AmountError(_("Amounts cannot be negative."))
    if amount != amount.quantize(PENNY):
        raise AmountError(_("Amounts have at most two decimal places (pence)."))
    if amount >= Decimal("10000000000"):
        raise AmountError(_("Amounts must be less than £10,000,000,000."))
    return amount.quantize(PENNY)


def parse_figure(raw: object) -> Figure:
    """A cell as a spreadsheet or CSV file gives it: a number, "£1,500.00", "£-" (nil), "TBC",
    or nothing. Raises AmountError."""
    if raw is None:
        return Figure()
    if isinstance(raw, bool):
        raise AmountError(_("“%(text)s” is not an amount in pounds.") % {"text": raw})
    if isinstance(raw, int | float | Decimal):
        return Figure(check_amount(Decimal(str(raw))))
    text = " ".join(str(raw).split())
    if not text:
        return Figure()
    if text.lower() in TBC_WORDS:
        return Figure(to_be_confirmed=True)
    if text.replace(" ", "") in NIL_WORDS:
        return Figure(ZERO)
    compact = text.replace(" ", "")
    if not NUMBER.match(compact) or not any(c.isdigit() for c in compact):
        raise AmountError(_("“%(text)s” is not an amount in pounds.") % {"text": text})
    if "-" in compact or compact.startswith("("):
        raise AmountError(_("Amounts cannot be negative."))
    try:
        amount = Decimal(compact.replace("£", "").replace(",", ""))
    except InvalidOperation as exc:
        raise AmountError(_("“%(text)s” is not an amount in pounds.") % {"text": text}) from exc
    return Figure(check_amount(amount))
