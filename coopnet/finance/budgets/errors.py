from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

from django import forms
from django.utils.translation import gettext as _

from coopnet.core.errors import DomainError, reported


@dataclass(frozen=True)
class Problem:
    """One reason a budget, its projection or an imported file was refused.

    `row` and `column` are the spreadsheet's own (row 1 is the first row, column "A" the first);
    they are empty for a problem that is not about one cell.
    """

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Row %(row)d, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


class BudgetError(DomainError):
    """A rule of the budget was broken; the problems are for the user, each on its own.

    Its `message` is every problem in one line (for a flash message); `messages` lists them, and
    `reported_problems` puts each on the form as an error of its own.
    """

    def __init__(self, problems: list[Problem] | str, *, field: str | None = None) -> None:
        self.problems = [Problem(problems)] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(str(p) for p in self.problems), field=field)

    @property
    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


class reported_problems(reported):
    """`coopnet.core.errors.reported`, with each of a `BudgetError`'s problems on the form as an
    error of its own (an import can be refused for many cells at once)."""

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if isinstance(exc, BudgetError) and isinstance(self.target, forms.BaseForm):
            self.error = exc
            for problem in exc.messages:
                self.target.add_error(None, problem)
            return True
        return super().__exit__(exc_type, exc, tb)
