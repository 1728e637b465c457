"""Every uploaded file is served one way: by the record that owns it, under that record's rule.

Nothing under `MEDIA_ROOT` is served by path. Each app lists its file fields from its
`AppConfig.ready()` with the rule that says who may see the file:

    from coopnet.core.files import register_file
    register_file("funding.BidDocument", "file", can_view=lambda user, doc: allowed(
        user, "funding.view_bid", doc.bid), prefix="funding/bids/")

A file's address stays `MEDIA_URL` + its stored name (so `{{ record.file.url }}`, the sanitised
story HTML and the PDF renderer agree on it), but the view behind that address finds the record
whose field holds exactly that name, asks its rule, and refuses otherwise: a name that no record
holds is a 404, however it was guessed. Views with a page of their own for a file (a bid's
documents, a meeting's papers) apply the same rule and answer through `file_response`, so every
file leaves with the same headers: the type detected from its content (never its name),
`Content-Disposition`, `nosniff`, no HTML or SVG ever inline.

With `FILES_X_ACCEL_REDIRECT` set (nginx; a prefix such as "/protected-media/" that maps to
`MEDIA_ROOT` in an `internal` location) or `FILES_X_SENDFILE` (Apache's mod_xsendfile), the web
server sends the bytes after the permission check; otherwise they are streamed from storage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

from .guard import refusal as guard_refusal
from .uploads import CONTENT_TYPES, EXTENSIONS, IMAGE_TYPES, PDF, detected_type

Rule = Callable[[Any, Any], bool]


@dataclass(frozen=True)
class FileRule:
    """Who may see the file a model's field holds; `prefix` is where its names start."""

    model: str
    field: str
    can_view: Rule
    prefix: str

    @property
    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)


_RULES: dict[tuple[str, str], FileRule] = {}


def register_file(model: str, field: str, *, can_view: Rule, prefix: str | None = None) -> None:
    """List `model`'s (an "app_label.ModelName") file field `field` with the rule for seeing it.
    `prefix` defaults to the static start of the field's `upload_to`; a callable `upload_to`
    must say it."""
    if prefix is None:
        upload_to = getattr(apps.get_model(model)._meta.get_field(field), "upload_to", None)
        if callable(upload_to) or not upload_to:
            raise ImproperlyConfigured(f"{model}.{field}: give the prefix its names start with")
        prefix = str(upload_to).split("%", 1)[0]
    _RULES[(model.lower(), field)] = FileRule(model, field, can_view, prefix)


def file_rules() -> list[FileRule]:
    return list(_RULES.values())


def rule_for(instance: Model, field: str) -> FileRule | None:
    return _RULES.get((instance._meta.label_lower, field))


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def owner_of(name: str) -> tuple[Model, FileRule] | None:
    """The record whose registered field holds the stored file `name`, with that field's rule."""
    if not _safe_name(name):
        return None
    for rule in _RULES.values():
        if name.startswith(rule.prefix):
            manager = rule.model_class._default_manager
            found = manager.filter(**{rule.field: name}).first()
            if found is not None:
                return found, rule
    return None


def may_view(user: Any, instance: Model, field: str) -> bool:
    """Whether `user` may see the file in `instance.field`: its registered rule says."""
    rule = rule_for(instance, field)
    return rule is not None and bool(rule.can_view(user, instance))


def file_response(
    file: FieldFile, *, filename: str, attachment: bool = False, private: bool = True
) -> HttpResponseBase:
    """The one response for an uploaded file, with the headers every file leaves with.

    The type is read from the content: a PDF or an image may be shown in the browser, anything
    else (or anything the content does not show to be one of the accepted types) is sent as a
    download of `application/octet-stream`. `filename` is given without an extension; the
    detected type's is added.
    """
    if not file:
        raise Http404(_("There is no file here."))
    storage, name = file.storage, str(file.name)
    with storage.open(name, "rb") as handle:
        kind = detected_type(handle)
    content_type = CONTENT_TYPES.get(kind or "", "application/octet-stream")
    inline = kind == PDF or kind in IMAGE_TYPES
    as_attachment = attachment or not inline
    download_name = f"{filename}.{EXTENSIONS[kind]}" if kind else filename

    response: HttpResponseBase
    accel = getattr(settings, "FILES_X_ACCEL_REDIRECT", "")
    if accel or getattr(settings, "FILES_X_SENDFILE", False):
        response = HttpResponse(content_type=content_type)
        if accel:
            response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(name)
        else:
            response["X-Sendfile"] = storage.path(name)
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(download_name)}"
    else:
        response = FileResponse(
            storage.open(name, "rb"),
            content_type=content_type,
            as_attachment=as_attachment,
            filename=download_name,
        )
        if not as_attachment:
            # FileResponse names an inline file only when asked to attach it.
            response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(download_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=3600"
    if kind != PDF:
        # Browsers' PDF viewers do not run in a sandbox; an image needs nothing it could run.
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def refusal(request: HttpRequest) -> HttpResponseBase:
    """`coopnet.core.guard.refusal`, saying that it is a file that is refused."""
    return guard_refusal(request, _("You do not have permission to see this file."))


def serve(request: HttpRequest, instance: Model, field: str, *, filename: str, **kw: Any):
    """A view's answer for `instance.field`: the file, under its registered rule."""
    if not may_view(request.user, instance, field):
        return refusal(request)
    return file_response(getattr(instance, field), filename=filename, **kw)


@login_not_required
def media_file(request: HttpRequest, name: str) -> HttpResponseBase:
    """`MEDIA_URL` + a stored name: the file of the record that holds it, if its rule allows."""
    found = owner_of(name)
    if found is None:
        raise Http404(_("There is no file at this address."))
    instance, rule = found
    if not rule.can_view(request.user, instance):
        return refusal(request)
    from django.contrib.auth.models import AnonymousUser

    public = bool(rule.can_view(AnonymousUser(), instance))
    return file_response(
        getattr(instance, rule.field), filename=PurePosixPath(name).stem, private=not public
    )
