"""The hub's routable sub-pages as addresses of their own: the speakers index, each
speaker's page and the two webinar schedules. Each says in its head what it is (title,
description, image, schema.org data), where the same sub-page is in the other language,
and the sitemap lists it with the same equivalents (`home.seo.addresses`)."""

from collections import defaultdict

from django.db.models import Max
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from home.seo.addresses import Address, SubPage
from home.seo.structured_data import image_url
from home.seo.urls import absolute_url
from home.serving.fragments import language_code

from .models import ItemContributor, Speaker, WebinarPage
from .models.index import route_url
from .queries import live_items

SCHEDULES = ("upcoming", "on-demand")


def schedule_words():
    return {
        "upcoming": (
            _("Upcoming webinars"),
            _("The next live KeepONLearning webinars: dates, speakers and how to take part."),
        ),
        "on-demand": (
            _("Webinars on demand"),
            _("Recordings of past KeepONLearning webinars, free to watch whenever suits you."),
        ),
    }


def route_urls(name, *parts_by_language, request=None):
    """The address of route `name` on each version of a hub (`versions`: language code →
    hub page), with the parts of the path that language's version has (a speaker's slug
    there); a language without them has no such sub-page."""

    def urls(versions):
        found = {}
        for code, hub in versions.items():
            if parts_by_language and code not in parts_by_language[0]:
                continue
            parts = [parts[code] for parts in parts_by_language]
            found[code] = route_url(hub, name, *parts, request=request)
        return found

    return urls


def schedule_subpage(hub, request, name):
    title, description = schedule_words()[name]
    return SubPage(
        urls=route_urls(name, request=request),
        title=title,
        description=description,
        image=hub.listing_image,
        context_title=hub.title,
    )


def speakers_subpage(hub, request):
    return SubPage(
        urls=route_urls("speakers", request=request),
        title=_("Speakers"),
        description=_(
            "The faculty, managers and guests who wrote, spoke and taught in KeepONLearning."
        ),
        image=hub.listing_image,
        context_title=hub.title,
    )


def speaker_description(speaker):
    if speaker.bio:
        return Truncator(speaker.bio).chars(200)
    return ", ".join(part for part in (speaker.role, speaker.organisation) if part)


def person_data(speaker, request, url):
    """schema.org Person for a speaker's page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": speaker.name,
        "url": absolute_url(request, url),
    }
    if speaker.organisation:
        data["worksFor"] = {"@type": "Organization", "name": speaker.organisation}
    if speaker.role:
        data["jobTitle"] = speaker.role
    if speaker.bio:
        data["description"] = speaker.bio
    image = image_url(request, speaker.photo, "fill-480x480") if speaker.photo_id else None
    if image:
        data["image"] = image
    return data


def speaker_subpage(hub, speaker, request):
    """The head of a speaker's page; the speaker's page exists in each language the speaker
    has a version in (one query finds them)."""
    slugs = {
        language_code(version.locale_id): version.slug
        for version in speaker.get_translations(inclusive=True)
    }
    return SubPage(
        urls=route_urls("speakers", slugs, request=request),
        title=speaker.name,
        description=speaker_description(speaker),
        image=speaker.photo or hub.listing_image,
        og_type="profile",
        structured_data=[
            person_data(speaker, request, route_url(hub, "speakers", speaker.slug, request=request))
        ],
        context_title=hub.title,
        crumbs=[(_("Speakers"), route_url(hub, "speakers", request=request))],
    )


def speakers_context(hub, request):
    """Every speaker of the hub's language, each with the live items they took part in
    (newest first): four queries whatever their number, their photos' renditions included."""
    items = live_items(hub.locale_id).order_by("-published_at", "-pk")
    contributions = ItemContributor.objects.filter(page__in=items).select_related("page", "speaker")
    by_speaker = defaultdict(list)
    order = {pk: position for position, pk in enumerate(items.values_list("pk", flat=True))}
    for contribution in contributions:
        # An item may still name the speaker's version in another language.
        by_speaker[contribution.speaker.translation_key].append(contribution.page)
    speakers = []
    people = (
        Speaker.objects.filter(locale_id=hub.locale_id)
        .select_related("photo")
        .prefetch_related("photo__renditions")
    )
    for speaker in people:
        pages = sorted(
            {page.pk: page for page in by_speaker.get(speaker.translation_key, [])}.values(),
            key=lambda page: order.get(page.pk, 0),
        )
        speakers.append(
            {
                "speaker": speaker,
                "url": route_url(hub, "speakers", speaker.slug, request=request),
                "items": [(page.get_url(request), page.title) for page in pages],
            }
        )
    return {"speakers": speakers}


def hub_addresses(hub, request, versions):
    """For the sitemap: the schedules, the speakers index and each speaker's page of `hub`
    (in its language), with their equivalents on the hub's other `versions`, and each
    dated by the last publication of what it lists."""
    webinars = WebinarPage.objects.live().filter(locale_id=hub.locale_id)
    latest_webinar = webinars.aggregate(latest=Max("last_published_at"))["latest"]
    language = language_code(hub.locale_id)
    addresses = [
        Address(language, route_urls(name, request=request)(versions), latest_webinar)
        for name in SCHEDULES
    ]
    speakers = list(
        Speaker.objects.filter(locale_id=hub.locale_id).annotate(
            latest=Max("contributions__page__last_published_at")
        )
    )
    keys = [speaker.translation_key for speaker in speakers]
    slugs = defaultdict(dict)
    for version in Speaker.objects.filter(translation_key__in=keys).only(
        "translation_key", "locale_id", "slug"
    ):
        slugs[version.translation_key][language_code(version.locale_id)] = version.slug
    dated = [speaker.latest for speaker in speakers if speaker.latest]
    addresses.append(
        Address(
            language,
            route_urls("speakers", request=request)(versions),
            max(dated) if dated else hub.last_published_at,
        )
    )
    for speaker in speakers:
        urls = route_urls("speakers", slugs[speaker.translation_key], request=request)(versions)
        addresses.append(Address(language, urls, speaker.latest or hub.last_published_at))
    return addresses
