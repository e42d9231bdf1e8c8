"""Dates and times as the editors write them: Italian and British English both put the day
first (31/12/2026) and use the 24-hour clock (18:00), and the times are Italy's
(`TIME_ZONE = "Europe/Rome"`).

Wagtail's own date widgets and settings do almost all of it: `WAGTAIL_DATE_FORMAT` and its
siblings (in the settings) give the format the fields show and the date picker writes,
and the input formats of `config/formats/` make Django read it in both languages (its own
English formats read 01/02/2026 as the 2nd of January). Two things are added here,
through Wagtail's form field overrides:

- the date picker no longer "corrects" a value it cannot read on blur (its
  `validateOnBlur`, on by default, replaced it with the current date and time, so a
  webinar was silently scheduled for "now"): the value stays as typed and the form says
  what it expects;
- the errors name the expected form, with an example, in the editor's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput


class KeepTyped:
    """A Wagtail date widget whose picker leaves what the editor typed alone."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(KeepTyped, AdminDateInput):
    pass


class DateTimeInput(KeepTyped, AdminDateTimeInput):
    pass


class TimeInput(KeepTyped, AdminTimeInput):
    pass


DATE_ERROR = _("Enter a date as day/month/year, for example 31/12/2026.")
DATETIME_ERROR = _(
    "Enter a date and time as day/month/year hours:minutes, for example 31/12/2026 18:00 "
    "(time in Italy)."
)
TIME_ERROR = _("Enter a time as hours:minutes on the 24-hour clock, for example 18:00.")


def install():
    register_form_field_override(
        models.DateField,
        override={"widget": DateInput, "error_messages": {"invalid": DATE_ERROR}},
    )
    register_form_field_override(
        models.DateTimeField,
        override={
            "widget": DateTimeInput,
            "error_messages": {"invalid": DATETIME_ERROR, "overflow": DATETIME_ERROR},
        },
    )
    register_form_field_override(
        models.TimeField,
        override={"widget": TimeInput, "error_messages": {"invalid": TIME_ERROR}},
    )
