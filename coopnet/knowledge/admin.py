"""The back office for the library: publications, news and blog posts, tags, themes and the
Being a Co-operative Council actions. Network admins view, add and change; deleting is for
superusers. Case studies are moderated on the site (knowledge:moderation_queue), packs built there
too (knowledge:packs)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from coopnet.accounts.requests import signed_in_user
from coopnet.core.guard import allowed

from . import services
from .models import Action, NewsPost, Publication, Tag, Theme
from .richtext import TAGS, missing_alt, sanitise


class NetworkAdminsEdit:
    """Network admins may view, add and change; only superusers delete."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return allowed(request.user, "knowledge.edit_library")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allowed(request.user, "knowledge.edit_library")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allowed(request.user, "knowledge.edit_library")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allowed(request.user, "knowledge.edit_library")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allowed(request.user, "knowledge.delete_from_library")


@admin.register(Publication)
class PublicationAdmin(NetworkAdminsEdit, SimpleHistoryAdmin):
    list_display = ("title", "kind", "published_on", "is_public", "download_count")
    list_filter = ("kind", "is_public")
    search_fields = ("title", "summary", "slug")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("organisations", "principles", "themes")
    readonly_fields = ("download_count",)


@admin.register(Theme)
class ThemeAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ("name", "slug", "is_council_theme", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Action)
class ActionAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ("name", "theme", "order")
    list_filter = ("theme",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class NewsPostForm(forms.ModelForm):
    class Meta:
        model = NewsPost
        fields = (
            "kind",
            "title",
            "slug",
            "summary",
            "body_html",
            "authors",
            "tags",
            "published_at",
        )
        help_texts = {
            "body_html": _("HTML using only these tags: %(tags)s. Every image needs alt text.")
            % {"tags": ", ".join(sorted(TAGS))}
        }

    def clean_body_html(self) -> str:
        body = self.cleaned_data["body_html"]
        if missing_alt(sanitise(body).html):
            raise forms.ValidationError(_('Every image needs alt text (alt="...").'))
        return body


@admin.register(NewsPost)
class NewsPostAdmin(NetworkAdminsEdit, SimpleHistoryAdmin):
    form = NewsPostForm
    list_display = ("title", "kind", "published_at")
    list_filter = ("kind", "tags")
    search_fields = ("title", "summary", "body_text")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("authors", "tags")

    def save_model(self, request: HttpRequest, obj: NewsPost, form: Any, change: bool) -> None:
        services.news_post_save(post=obj, by=signed_in_user(request))
