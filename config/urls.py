import re

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from coopnet.core.files import media_file
from coopnet.events.views.calendars import feed as events_feed

urlpatterns = [
    path("", include("coopnet.site.urls")),
    path("", include("coopnet.core.urls")),
    path("members/", include("coopnet.members.urls")),
    path("join/", include("coopnet.members.joining.urls")),
    path("finance/budgets/", include("coopnet.finance.budgets.urls")),
    path("finance/", include("coopnet.finance.urls")),
    path("governance/", include("coopnet.governance.urls")),
    path("elections/", include("coopnet.governance.elections.urls")),
    path("funding/", include("coopnet.funding.urls")),
    path("open-data/", include("coopnet.funding.open_data_urls")),
    path("open-data/", include("coopnet.procurement.open_data_urls")),
    path("knowledge/", include("coopnet.knowledge.urls")),
    path("events/", include("coopnet.events.urls")),
    path("events.ics", events_feed, name="events_feed"),
    path("accounts/", include("coopnet.members.invitations.urls", namespace="accounts")),
    path("procurement/", include("coopnet.procurement.urls")),
    path("networks/", include("coopnet.engagement.urls")),
    path("newsletter/", include("coopnet.engagement.newsletter_urls")),
    path("learning/", include("coopnet.learning.urls")),
    path("strategy/", include("coopnet.strategy.urls")),
    path("reports/", include("coopnet.reports.urls")),
    path("accounts/", include("coopnet.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("coopnet.api.urls")),
    # Choosing a language is a harmless preference; without a CSRF token the public pages carry no
    # per-visitor data and can be cached (coopnet.core.caching).
    path("i18n/setlang/", csrf_exempt(login_not_required(set_language)), name="set_language"),
    path("back-office/", admin.site.urls),
]
# Uploaded files: never by path, always through the record that owns them (coopnet.core.files).
urlpatterns.append(
    re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<name>.+)$", media_file, name="media")
)
