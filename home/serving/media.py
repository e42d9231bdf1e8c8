"""Uploaded files on one machine, when no web server in front serves `MEDIA_ROOT`.

WhiteNoise serves only the files it finds when the process starts (the collected static
files), not images uploaded while the site runs; Django's `static()` helper works only with
`DEBUG` and serves every file, originals included. This view serves what visitors may see:

- `images/`: renditions, whose names change with their content, so they are kept for a
  year (`immutable`);
- `original_images/` (the files editors uploaded, at full size) and `documents/` (served by
  Wagtail's document view, which applies their collection's privacy) answer 404, as
  Wagtail advises.

Behind nginx or another proxy, serve `/media/images/` from the folder there with the same
headers and deny the other two; with S3-compatible storage (`AWS_STORAGE_BUCKET_NAME`)
files have their own absolute URLs and this view is not routed.
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

RENDITIONS = "images/"
HIDDEN = ("original_images/", "documents/")
YEAR = 365 * 24 * 3600


def media(request, path):
    if not path.startswith(RENDITIONS) or path.startswith(HIDDEN):
        raise Http404("Not a public file")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
