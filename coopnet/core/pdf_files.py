"""The PDF renderer's only way to read a file (see `coopnet.core.pdf`): the project's static files
and the media storage's own files, by name, up to a size limit, and `data:` URIs; nothing else.

A module of its own so that WeasyPrint is imported only when a document is laid out.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 10 * 1024 * 1024


class Refused(ValueError):
    """A URL the PDF renderer may not read (WeasyPrint logs it and leaves the resource out)."""


def base_url() -> str:
    """What relative URLs in a document are read against: the site's own address, so `/static/…`
    and `/media/…` are the project's files (and links in the PDF lead to the site)."""
    return settings.SITE_URL.rstrip("/") + "/"


def max_resource_bytes() -> int:
    return int(getattr(settings, "COOPNET_PDF_MAX_RESOURCE_BYTES", MAX_RESOURCE_BYTES))


def _name(url: str, prefix: str) -> str | None:
    """The file name `url` asks for under `prefix`, or None when it is not under it."""
    if not url.startswith(prefix):
        return None
    name = unquote(url[len(prefix) :].split("#", 1)[0].split("?", 1)[0])
    parts = name.split("/")
    if not name or "\\" in name or "\x00" in name or any(part in ("", ".", "..") for part in parts):
        raise Refused(f"Not a file name: {url}")
    return name


def _open_static(name: str) -> tuple[IO[bytes], int | None]:
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import staticfiles_storage

    try:  # collected (and, in production, hashed) names
        if staticfiles_storage.exists(name):
            return staticfiles_storage.open(name, "rb"), staticfiles_storage.size(name)
    except (SuspiciousOperation, NotImplementedError, ValueError, OSError):
        pass
    try:  # the project's and its apps' static folders, as `{% static %}` names them
        found = finders.find(name)
    except SuspiciousOperation:
        found = None
    path = Path(found) if isinstance(found, str) else None
    if path is None or not path.is_file():  # not a folder, a device or anything but a file
        raise Refused(f"No static file {name}")
    return path.open("rb"), path.stat().st_size


def _public(name: str) -> bool:
    """A document leaves the site: it may show only an upload the public may see, held by its
    record (coopnet.core.files), never a private one whose name is known."""
    from django.contrib.auth.models import AnonymousUser

    from .files import owner_of

    found = owner_of(name)
    return found is not None and bool(found[1].can_view(AnonymousUser(), found[0]))


def _open_media(name: str) -> tuple[IO[bytes], int | None]:
    if not _public(name):
        raise Refused(f"Not a public media file: {name}")
    try:
        if not default_storage.exists(name):
            raise Refused(f"No media file {name}")
        try:  # on local disk: a file, not a folder or a link to a device
            if not Path(default_storage.path(name)).is_file():
                raise Refused(f"Not a media file: {name}")
        except NotImplementedError:  # remote storage has no paths
            pass
        size: int | None
        try:
            size = default_storage.size(name)
        except (NotImplementedError, OSError):
            size = None
        return default_storage.open(name, "rb"), size
    except SuspiciousOperation as exc:
        raise Refused(f"Not a media file name: {name}") from exc


def read_limited(file: IO[bytes], size: int | None, limit: int, name: str) -> bytes:
    """The file's bytes, refused when it is larger than `limit` (read at most `limit` + 1)."""
    with file:
        if size is not None and size > limit:
            raise Refused(f"{name} is larger than {limit} bytes")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"{name} is larger than {limit} bytes")
    return data


class ProjectFiles(URLFetcher):
    """WeasyPrint's only way to read: static files and media by name, `data:` URIs, nothing else.

    A refusal raises, and WeasyPrint then leaves the image (or stylesheet, or font) out.
    """

    def __init__(self, *, base: str | None = None, limit: int | None = None) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        base = base or base_url()
        self.limit = max_resource_bytes() if limit is None else limit
        self.prefixes = (
            (urljoin(base, settings.STATIC_URL), _open_static),
            (urljoin(base, settings.MEDIA_URL), _open_media),
        )

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)  # the bytes are in the document already
        for prefix, opener in self.prefixes:
            name = _name(url, prefix)
            if name is None:
                continue
            file, size = opener(name)
            body = read_limited(file, size, self.limit, name)
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        raise Refused(f"Not one of the project's files: {url}")
