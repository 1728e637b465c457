"""The network's library: case studies, publications, news, the packs built from case studies,
and the themes and "Being a Co-operative Council" actions they are tagged with."""

from .case_studies import (
    CaseStudy,
    CaseStudyAttachment,
    CaseStudyDecision,
    CaseStudyImage,
    CaseStudyLink,
    CaseStudySlug,
)
from .packs import CaseStudiesPack
from .publications import NewsPost, Publication, Tag
from .reference import Action, Theme

__all__ = [
    "Action",
    "CaseStudiesPack",
    "CaseStudy",
    "CaseStudyAttachment",
    "CaseStudyDecision",
    "CaseStudyImage",
    "CaseStudyLink",
    "CaseStudySlug",
    "NewsPost",
    "Publication",
    "Tag",
    "Theme",
]
