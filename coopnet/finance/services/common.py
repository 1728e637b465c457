from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction

from coopnet.core.money import MoneyError, parse_money

from ..errors import FinanceError


def queue(task: Any, **kwargs: Any) -> None:
    """Enqueue a task once the transaction has committed."""
    send: Callable[[], Any] = lambda: task.enqueue(**kwargs)  # noqa: E731
    transaction.on_commit(send)


def checked_amount(
    value: Decimal | str, *, field: str = "amount", allow_negative: bool = False
) -> Decimal:
    """An amount read with the one money parser; a refusal names the form field at fault."""
    try:
        return parse_money(value, allow_negative=allow_negative)
    except MoneyError as exc:
        raise FinanceError(str(exc), field=field) from exc
