from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


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


class BudgetError(Exception):
    """A rule of the budget was broken; the problems are for the user, each on its own."""

    def __init__(self, problems: list[Problem] | str) -> None:
        self.problems = [Problem(problems)] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @property
    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]
