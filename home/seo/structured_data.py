"""schema.org JSON-LD that every page carries: who publishes it and where it sits."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .urls import absolute_url

logger = logging.getLogger(__name__)

ORGANISATION = {
    "@type": "CollegeOrUniversity",
    "name": "MIP Politecnico di Milano",
    "url": "https://www.som.polimi.it/",
}


def absolute(request, url):
    return absolute_url(request, url)


def breadcrumb_list(request, page, ancestors, subpage=()):
    """The trail to `page`, then to its sub-page along `subpage`, (title, URL) pairs."""
    trail = [(crumb.title, crumb.get_url(request)) for crumb in [*ancestors, page]]
    trail.extend(subpage)
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def image_url(request, image, spec="fill-1200x630"):
    """The absolute address of a rendition of `image`, or None when there is no image or
    its original file cannot be read (the page still answers; the `{% image %}` tag treats
    a missing file the same way)."""
    found = social_image(request, image, spec)
    return found[0] if found else None


def social_image(request, image, spec="fill-1200x630"):
    """(absolute URL, width, height) of the social preview made from `image`, or None."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except OSError:  # Wagtail's SourceImageIOError, an unreadable original
        logger.warning("Image %s: its original file cannot be read", image.pk)
        return None
    return (absolute(request, rendition.url), rendition.width, rendition.height)


def organisation_data(request, organisation, home_url):
    """schema.org `CollegeOrUniversity` from the Site's `OrganisationSettings`."""
    data = {
        "@context": "https://schema.org",
        "@type": "CollegeOrUniversity",
        "@id": absolute(request, "/") + "#organisation",
        "name": organisation.name,
        "url": organisation.website or absolute(request, home_url),
    }
    logo = image_url(request, organisation.logo, "fill-512x512") if organisation.logo_id else None
    if logo:
        data["logo"] = logo
    address = {
        "streetAddress": organisation.street_address,
        "postalCode": organisation.postal_code,
        "addressLocality": organisation.locality,
        "addressCountry": organisation.country,
    }
    if organisation.street_address or organisation.locality:
        data["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v}}
    for key, value in (("telephone", organisation.telephone), ("email", organisation.email)):
        if value:
            data[key] = value
    if organisation.same_as_list:
        data["sameAs"] = organisation.same_as_list
    return data


def website_data(request, home, search_url, organisation_id):
    """schema.org `WebSite` of one language, with the search that search engines may offer
    in their results."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute(request, home.get_url(request)),
        "inLanguage": home.language_code,
        "publisher": {"@id": organisation_id},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(request, search_url) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def home_structured_data(home, request):
    from wagtail.models import Site

    from ..models import OrganisationSettings

    # Read, never made here: Wagtail's `for_request` would create the row, and with it a
    # change to the content while the page renders.
    site = Site.find_for_request(request)
    organisation = OrganisationSettings.objects.filter(site=site).first() or OrganisationSettings()
    with translation.override(home.language_code):
        search_url = reverse("search")
    home_url = home.get_url(request)
    organisation = organisation_data(request, organisation, home_url)
    return [organisation, website_data(request, home, search_url, organisation["@id"])]
