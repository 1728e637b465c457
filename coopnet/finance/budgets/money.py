"""What a budget's cells say: an amount, "to be confirmed" or nothing, read from a spreadsheet or
CSV cell. Built on `coopnet.core.money` (the one parser of typed amounts and the one way amounts
are shown); only the spreadsheet's own words ("TBC", "£-") and cell types are read here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from coopnet.core.money import MAX_AMOUNT, PENNY, ZERO, MoneyError, format_money, parse_money

NIL_WORDS = frozenset({"-", "–", "—", "£-", "£–", "£—", "nil"})
TBC_WORDS = frozenset({"tbc", "to be confirmed", "i'w gadarnhau", "i’w gadarnhau"})
GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
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


def check_amount(amount: Decimal) -> Decimal:
    """The amount to two places; refuses negative amounts and fractions of a penny."""
    if not amount.is_finite():
        raise AmountError(_("Enter an amount in pounds."))
    if amount < 0:
        raise AmountError(_("Amounts cannot be negative."))
    if amount > MAX_AMOUNT:
        raise AmountError(_("Amounts must be less than £10,000,000,000."))
    if amount != amount.quantize(PENNY):
        raise AmountError(_("Amounts have at most two decimal places (pence)."))
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
        return Figure(parse_money(compact))
    except MoneyError:
        pass
    # Refused by the money parser: say why in the budget's words (too many places, too large,
    # or not an amount at all, like "1,00").
    digits = compact.replace("£", "")
    if GROUPED.match(digits):
        digits = digits.replace(",", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise AmountError(_("“%(text)s” is not an amount in pounds.") % {"text": text})
    return Figure(check_amount(amount))
