from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .checks import check_all


@login_not_required
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database, the shared cache and the task queue are well, 503 otherwise."""
    checks = check_all()
    healthy = all(c.ok for c in checks)
    body = {
        "status": "ok" if healthy else "failing",
        "checks": {c.name: {"ok": c.ok, "detail": c.detail, **c.facts} for c in checks},
    }
    return JsonResponse(body, status=200 if healthy else 503)
