from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReopeningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reopening"
    verbose_name = _("Nice to MIP You")
