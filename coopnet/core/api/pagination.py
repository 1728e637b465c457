"""Page-number pagination shared by every list in the API."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class ApiPagination(PageNumberPagination):
    """`?page=N`, 50 rows a page by default, 1 to 200 with `?page_size=`: any other page size
    is an error naming the parameter, not quietly replaced by the default."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        given = request.query_params.get(self.page_size_query_param, "")
        if given == "":
            return self.page_size
        if not given.isdigit() or not 1 <= int(given) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: _("Give a whole number of rows from 1 to %(max)s.")
                    % {"max": self.max_page_size}
                }
            )
        return int(given)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
        return parameters
