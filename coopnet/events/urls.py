from django.urls import path

from .views import attendance, bookings, calendars, manage, month, public

app_name = "events"
urlpatterns = [
    path("", public.upcoming, name="upcoming"),
    path("past/", public.past, name="past"),
    path("figures/", public.kpis, name="kpis"),
    path("month/", month.this_month, name="this_month"),
    path("month/<int:year>/<int:month>/", month.month, name="month"),
    path("add/", manage.submit, name="submit"),
    path("mine/", manage.mine, name="mine"),
    path("moderation/", manage.moderation, name="moderation"),
    path("my-calendar/", calendars.my_calendar, name="my_calendar"),
    path("calendar/<str:token>.ics", calendars.private_feed, name="private_feed"),
    path("places/<str:token>/confirm/", bookings.confirm_email, name="confirm_email"),
    path("places/<str:token>/cancel/", bookings.cancel_by_token, name="cancel_by_token"),
    path("<slug:slug>/", public.event, name="event"),
    path("<slug:slug>/edit/", manage.edit, name="edit"),
    path("<slug:slug>/send-for-review/", manage.send_for_review, name="send_for_review"),
    path("<slug:slug>/review/", manage.moderate, name="moderate"),
    path("<slug:slug>/skip-date/", manage.skip_date, name="skip_date"),
    path("<slug:slug>/change-date/", manage.change_date, name="change_date"),
    path("<slug:slug>/book/", bookings.book, name="book"),
    path("<slug:slug>/cancel/", bookings.cancel, name="cancel"),
    path("<slug:slug>/register/", bookings.register, name="register"),
    path("<slug:slug>/attendees.csv", calendars.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/attendance/", attendance.attendance, name="attendance"),
]
