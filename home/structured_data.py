"""schema.org JSON-LD that every page carries: who publishes it and where it sits."""

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
    if image is None:
        return None
    return absolute(request, image.get_rendition(spec).url)
