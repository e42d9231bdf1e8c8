"""What the <head> of a page tells browsers, search engines and social networks about it:
its title, canonical address, language versions and social preview."""

import re
from dataclasses import dataclass

from django.conf import settings

from .structured_data import social_image
from .urls import absolute_url

# A site name an editor typed at the end of an SEO title: "… | MIP Politecnico di Milano".
SEPARATORS = r"\s*[|·\-–—:]\s*"


def without_site_name(title):
    """`title` without the site name an editor typed at its start or end (any case), which
    the document title adds once."""
    name = re.escape(settings.WAGTAIL_SITE_NAME)
    title = re.sub(rf"{SEPARATORS}{name}\s*$", "", (title or "").strip(), flags=re.I)
    return re.sub(rf"^\s*{name}{SEPARATORS}", "", title, flags=re.I).strip()


def document_title(*parts):
    """ "Page · Section · MIP Politecnico di Milano", with the site's name once."""
    name = settings.WAGTAIL_SITE_NAME
    kept = [
        part
        for part in (without_site_name(str(p)) for p in parts if p)
        if part.casefold() != name.casefold()
    ]
    return " · ".join([*dict.fromkeys(kept), name])


@dataclass(frozen=True)
class Head:
    title: str
    document_title: str
    description: str
    canonical: str
    alternates: list
    og_type: str = "website"
    image: object = None  # (absolute URL, width, height) of the social preview, or None


def page_head(request, page, address, subpage=None):
    """The head of `page` at `address`, or of its `subpage`."""
    if subpage is not None:
        title = subpage.title
        parts = (title, subpage.context_title)
        description, image, og_type = subpage.description, subpage.image, subpage.og_type
    else:
        title = without_site_name(page.seo_title) or page.title
        parts = (title,)
        description, image = page.meta_description, page.listing_image
        og_type = getattr(page, "og_type", "website")
    return Head(
        title=title,
        document_title=document_title(*parts),
        description=description,
        canonical=absolute_url(request, address.canonical_url),
        alternates=address.alternates(request),
        og_type=og_type,
        image=social_image(request, image),
    )
