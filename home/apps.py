from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import pre_migrate

        from .editors import dates
        from .operations.page_tree import before_migrate
        from .review.guard import connect_signals as connect_review_guard
        from .serving import renditions
        from .serving.caching import connect_signals
        from .translations import strings

        connect_signals()
        connect_review_guard()
        strings.connect()
        renditions.install()
        dates.install()
        # Once per migrate (sent for every app; this one's is enough).
        pre_migrate.connect(before_migrate, sender=self, dispatch_uid="remove_content_of_zero")
