"""Writes of the knowledge hub. Every view, command and task calls these."""

from .case_studies import (
    case_study_create,
    case_study_publish,
    case_study_return,
    case_study_submit,
    case_study_unpublish,
    case_study_update,
)
from .case_study_media import (
    case_study_add_attachment,
    case_study_add_image,
    case_study_add_link,
    case_study_remove_media,
)
from .deleting import case_study_delete
from .packs import pack_build, pack_publish, pack_request
from .publications import news_post_save, publication_for_demo, publication_record_download

__all__ = [
    "case_study_add_attachment",
    "case_study_add_image",
    "case_study_add_link",
    "case_study_create",
    "case_study_delete",
    "case_study_publish",
    "case_study_remove_media",
    "case_study_return",
    "case_study_submit",
    "case_study_unpublish",
    "case_study_update",
    "news_post_save",
    "pack_build",
    "pack_publish",
    "pack_request",
    "publication_for_demo",
    "publication_record_download",
]
