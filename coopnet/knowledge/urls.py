from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path

from .feeds import NewsAtomFeed, NewsFeed
from .views import case_studies, library, moderation, packs

app_name = "knowledge"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", library.hub, name="hub"),
    path("case-studies/", case_studies.case_study_list, name="case_studies"),
    path("case-studies/new/", case_studies.case_study_new, name="case_study_new"),
    path("case-studies/yours/", case_studies.my_case_studies, name="my_case_studies"),
    path("case-studies/review/", moderation.moderation_queue, name="moderation_queue"),
    path("case-studies/<slug:slug>/", case_studies.case_study_detail, name="case_study"),
    path("case-studies/<slug:slug>/edit/", case_studies.case_study_edit, name="case_study_edit"),
    path(
        "case-studies/<slug:slug>/delete/",
        case_studies.case_study_delete,
        name="case_study_delete",
    ),
    path("case-studies/<slug:slug>/files/", case_studies.case_study_media, name="case_study_media"),
    path(
        "case-studies/<slug:slug>/files/<str:kind>/<int:pk>/remove/",
        case_studies.case_study_media_remove,
        name="case_study_media_remove",
    ),
    path(
        "case-studies/<slug:slug>/submit/", case_studies.case_study_submit, name="case_study_submit"
    ),
    path(
        "case-studies/<slug:slug>/history/",
        case_studies.case_study_history,
        name="case_study_history",
    ),
    path(
        "case-studies/<slug:slug>/review/", moderation.case_study_review, name="case_study_review"
    ),
    path(
        "case-studies/<slug:slug>/unpublish/",
        moderation.case_study_unpublish,
        name="case_study_unpublish",
    ),
    path("publications/", library.publication_list, name="publications"),
    path("publications/<slug:slug>/", library.publication_detail, name="publication"),
    path(
        "publications/<slug:slug>/download/",
        library.publication_download,
        name="publication_download",
    ),
    path("news/", library.news_list, name="news"),
    path("news/feed/rss/", login_not_required(NewsFeed()), name="news_rss"),
    path("news/feed/atom/", login_not_required(NewsAtomFeed()), name="news_atom"),
    path("news/<slug:slug>/", library.news_detail, name="news_post"),
    path("being-a-co-operative-council/", library.council_resources, name="council_resources"),
    path("packs/", packs.pack_list, name="packs"),
    path("packs/new/", packs.pack_new, name="pack_new"),
    path("packs/<int:pk>/", packs.pack_detail, name="pack"),
    path("packs/<int:pk>/download/", packs.pack_download, name="pack_download"),
    path("packs/<int:pk>/publish/", packs.pack_publish, name="pack_publish"),
]
