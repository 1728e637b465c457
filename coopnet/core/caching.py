"""Public pages for visitors who are not signed in, remembered until the content changes.

A page is keyed by the date, its language, its full path and the public content version
(`coopnet.core.versioning`), which every write to a record public pages show moves on after it
commits, bulk writes included, so a remembered page is never stale. Pages for signed-in people,
pages with a message to show, and pages that carry a CSRF token are never remembered.

A remembered page also tells a front cache (nginx, a CDN) and the browser what it is: an `ETag`
made from the same key, `Cache-Control: public, no-cache` (keep it, but ask again each time) and
`Vary: Cookie, Accept-Language`. A visitor's conditional request whose `If-None-Match` names the
current tag is answered `304 Not Modified` at the cost of the key alone: nothing is rendered or
read from the page cache. Every other response is `private, no-cache`
(`PrivateByDefaultMiddleware`): nothing meant for one person is kept by a shared cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import parse_etags
from django.utils.translation import get_language

from .versioning import public_version

PAGE_CACHE_SECONDS = 3600
_MISSING = "\x00missing"  # a value compute() did not return (caches keep copies: not an object)
T = TypeVar("T")


def public_content_version() -> str:
    """One query: the public content version."""
    return str(public_version())


def remember_public(
    name: str, parts: Iterable[object], compute: Callable[[], T], seconds: int = PAGE_CACHE_SECONDS
) -> T:
    """What `compute()` returns, remembered in this process until public content next changes.

    For reads that depend only on what public pages show (so any change to them moves the public
    version on) and that every viewer may see: the key is `name`, `parts` and the version. Costs
    one query (the version) when remembered."""
    key = f"{name}:{':'.join(map(str, parts))}:{public_version()}"
    value = caches["local"].get(key)
    if value is None:
        value = compute()
        caches["local"].set(key, value, seconds)
    return value


def remember_public_each(
    name: str,
    values: Iterable[str],
    compute: Callable[[list[str]], dict[str, T]],
    seconds: int = PAGE_CACHE_SECONDS,
) -> dict[str, T]:
    """`compute(values)` one value at a time: what `remember_public` is for a read asked for a
    different handful of values each time (the names of the members a search's results concern).

    Each value is remembered in this process, in the language in use, until public content next
    changes; only the values not yet remembered are computed, in one call. A value `compute` does
    not return is remembered as missing and left out. Costs one query (the version) when every
    value is remembered."""
    wanted = list(dict.fromkeys(values))
    if not wanted:
        return {}
    prefix = f"{name}:{get_language()}:{public_version()}:"
    keys = {  # values may come from a URL: hashed, a key is always a valid cache key
        value: prefix + hashlib.blake2s(value.encode(), digest_size=12).hexdigest()
        for value in wanted
    }
    cache = caches["local"]
    kept = cache.get_many(list(keys.values()))
    missing = [value for value in wanted if keys[value] not in kept]
    if missing:
        computed = compute(missing)
        fresh = {keys[value]: computed.get(value, _MISSING) for value in missing}
        cache.set_many(fresh, seconds)
        kept.update(fresh)
    found = ((value, kept[keys[value]]) for value in wanted)
    return {value: result for value, result in found if result != _MISSING}


CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def same_for_everyone(
    request: HttpRequest, name: str, parts: Iterable[object], render: Callable[[], str]
) -> str:
    """A part of a page that is the same for every viewer, signed in or not, remembered until
    public content next changes: what signed-in people get of a public page's remembering.

    The key is the fragment's `name`, the date (pages speak of "today"), the language, the full
    path (filters, page number), `parts` (anything else it depends on) and the public version.
    A fragment carrying a CSRF token belongs to one person and is never remembered. Costs one
    query (the version) when remembered; nothing the fragment reads is queried then. For
    visitors who are not signed in the whole page is remembered (`cache_public_page`), so the
    fragment is simply rendered."""
    if not request.user.is_authenticated:
        return render()
    today = timezone.localdate()
    joined = "|".join(map(str, parts))
    raw = f"{today}|{get_language()}|{request.get_full_path()}|{joined}|{public_version()}"
    key = f"fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    cached = caches["local"].get(key)
    if cached is not None:
        return str(cached)
    content = render()
    if CSRF_FIELD not in content:
        caches["local"].set(key, content, PAGE_CACHE_SECONDS)
    return content


def lazily(**reads: Callable[[], Any]) -> dict[str, Any]:
    """A template's context whose reads run only if the template uses them, each at most once:
    inside a remembered `{% same_for_everyone %}` part they are not run at all."""
    return {name: SimpleLazyObject(read) for name, read in reads.items()}


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0
    )


def page_key(prefix: str, raw: str) -> tuple[str, str]:
    """The page cache key and the `ETag` of a public page whose inputs are `raw`."""
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"{prefix}:{digest}", f'"{digest[:32]}"'


def public_headers(response: HttpResponseBase, etag: str) -> HttpResponseBase:
    """Mark a page that is the same for every visitor: its tag, kept but asked again each time."""
    response["ETag"] = etag
    patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def not_modified(request: HttpRequest, etag: str) -> HttpResponseBase | None:
    """`304 Not Modified` when the visitor's `If-None-Match` names `etag`, else None."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return None
    tags = [tag.removeprefix("W/") for tag in parse_etags(header)]
    if etag in tags or "*" in tags:
        return public_headers(HttpResponseNotModified(), etag)
    return None


def remembered_page(
    request: HttpRequest, prefix: str, raw: str, render: Callable[[], HttpResponse]
) -> HttpResponseBase:
    """The page for `raw` from the page cache, answered 304 when the visitor has it, or rendered
    by `render` and remembered when it is the same for everyone (no cookie, no CSRF token)."""
    key, etag = page_key(prefix, raw)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    cached = caches["local"].get(key)
    if cached is not None:
        content, content_type = cached
        return public_headers(HttpResponse(content, content_type=content_type), etag)
    response = render()
    carries_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
    if response.status_code == 200 and not response.cookies and not carries_token:
        caches["local"].set(key, (response.content, response["Content-Type"]), PAGE_CACHE_SECONDS)
        public_headers(response, etag)
    return response


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        today = timezone.localdate()  # pages speak of "today"
        raw = f"{today}|{get_language()}|{request.get_full_path()}|{public_content_version()}"
        return remembered_page(request, "public-page", raw, lambda: view(request, *args, **kwargs))

    return wrapped
