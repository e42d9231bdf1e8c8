"""Response headers that the Mozilla HTTP Observatory looks for and Django does not set."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path):
    return path.startswith("/admin/")


def is_preview(request):
    """Wagtail's preview and moderation views render a page through a dummy request."""
    return getattr(request, "is_dummy", False)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxed policy Wagtail's admin needs on `/admin/`,
    plus `Permissions-Policy` and `Cross-Origin-Resource-Policy` on every response.

    The public policy allows scripts only from this site's files (no inline script and no
    nonce, so a cached copy means what it says to every visitor it is served to); the admin
    keeps `object-src 'none'` and its own `frame-ancestors` even though it allows Wagtail's
    inline scripts.

    A preview is the public page rendered for the admin: Wagtail runs it through the whole
    middleware stack as a dummy request to the page's public address, and the admin shows it
    in a frame of its own. It keeps the public policy (the page's own scripts and styles
    only) but may be framed by this site, which the public pages may not.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if is_preview(request):
            return PolicyParts(config=settings.PREVIEW_CONTENT_SECURITY_POLICY, nonce=parts.nonce)
        if is_admin_path(request.path_info):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY, nonce=parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_preview(request):
            # Django's clickjacking middleware (below this one) said DENY, for a public page.
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
