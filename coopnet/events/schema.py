"""schema.org `Event` for an event page (JSON-LD), so search engines and calendars read it."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from .models import Event

MODE = {
    Event.Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Attendance.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event: Event) -> dict[str, Any]:
    site = settings.SITE_URL.rstrip("/")
    url = site + event.get_absolute_url()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODE[Event.Attendance(event.attendance)],
    }
    if event.summary or event.description_text:
        data["description"] = event.summary or event.description_text[:500]
    locations: list[dict[str, Any]] = []
    if event.is_in_person:
        place: dict[str, Any] = {"@type": "Place", "name": event.venue or event.title}
        if event.address:
            place["address"] = " ".join(event.address.split())
        locations.append(place)
    if event.is_online:
        # The joining link is for registered people only: the page's address stands in.
        locations.append({"@type": "VirtualLocation", "url": url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organiser = event.organiser
    data["organizer"] = {
        "@type": "Organization",
        "name": organiser.name if organiser else settings.NETWORK_NAME,
        "url": site + (organiser.get_absolute_url() if organiser else "/"),
    }
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.image:
        image_url = event.image.url
        if image_url.startswith("/"):
            image_url = site + image_url
        data["image"] = {"@type": "ImageObject", "url": image_url, "description": event.image_alt}
    return data
