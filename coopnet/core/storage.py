"""Where uploaded files are kept: the storage names every file by what its content is.

Whatever saves a file (a service, a form, the back office), the stored name's extension is the
one of the type found in the content (`coopnet.core.uploads.detected_type`), never the one the
uploader typed: a PDF named `paper.html` is stored as `paper.pdf`, a file that is none of the
accepted types as `.bin`. Files are served by `coopnet.core.files` with that type only.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django.core.files.storage import FileSystemStorage

from .uploads import EXTENSIONS, detected_type

UNKNOWN_EXTENSION = "bin"


def named_by_content(name: str, content: Any) -> str:
    """`name` with the extension of the type `content` shows."""
    kind = detected_type(content)
    extension = EXTENSIONS[kind] if kind else UNKNOWN_EXTENSION
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem or 'file'}.{extension}"))


class ContentNamedMixin:
    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        if name is None:
            name = content.name
        if hasattr(content, "read"):
            name = named_by_content(name, content)
        return super().save(name, content, max_length)  # type: ignore[misc]


class ContentNamedFileSystemStorage(ContentNamedMixin, FileSystemStorage):
    """The local disk, under `MEDIA_ROOT`."""


def __getattr__(name: str) -> Any:
    """`ContentNamedS3Storage`, an S3-compatible bucket (`AWS_STORAGE_BUCKET_NAME`).

    Built on first use: boto3 takes about 0.4 s to import, which installations that keep their
    files on disk should not pay at every start.
    """
    if name != "ContentNamedS3Storage":
        raise AttributeError(name)
    from storages.backends.s3 import S3Storage

    storage = type(
        "ContentNamedS3Storage",
        (ContentNamedMixin, S3Storage),
        {"__module__": __name__, "__doc__": "An S3 bucket, files named by their content."},
    )
    globals()[name] = storage
    return storage
