"""schema.org JSON-LD that every page carries: who publishes it and where it sits."""

import logging

logger = logging.getLogger(__name__)

ORGANISATION = {
    "@type": "CollegeOrUniversity",
    "name": "MIP Politecnico di Milano",
    "url": "https://www.som.polimi.it/",
}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def breadcrumb_list(request, page, ancestors):
    trail = [*ancestors, page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute(request, crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def image_url(request, image, spec="fill-1200x630"):
    """The absolute address of a rendition of `image`, or None when there is no image or
    its original file cannot be read (the page still answers; the `{% image %}` tag treats
    a missing file the same way)."""
    if image is None:
        return None
    try:
        return absolute(request, image.get_rendition(spec).url)
    except OSError:  # Wagtail's SourceImageIOError, an unreadable original
        logger.warning("Image %s: its original file cannot be read", image.pk)
        return None
