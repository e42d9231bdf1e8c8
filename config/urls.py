from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.search.views import search
from home.seo.robots import robots_txt
from home.seo.sitemap import SiteSitemap
from home.serving.health import healthz
from home.serving.media import media
from home.serving.views import language_redirect

handler404 = "home.serving.views.page_not_found"
handler500 = "home.serving.health.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("alerts/", include("reopening.urls")),
    path("", language_redirect, name="language_redirect"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # Renditions from the local media folder, on one machine (`home.serving.media`).
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media, name="media")
    )

urlpatterns += i18n_patterns(
    path(_("search/"), search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
