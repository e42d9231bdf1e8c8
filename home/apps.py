from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from .review.guard import connect_signals as connect_review_guard
        from .serving import renditions
        from .serving.caching import connect_signals
        from .translations import strings

        connect_signals()
        connect_review_guard()
        strings.connect()
        renditions.install()
