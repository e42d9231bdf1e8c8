"""Dates and times in the editor's language: the admin's date fields read and show the day
first in Italian and in British English, times are Italy's, and a value that cannot be read
is an error naming the expected form, never replaced."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st

from home.editors.dates import DateInput
from hub.models import WebinarPage
from reopening.models import AlertBanner, ReopeningPage

ROME = ZoneInfo("Europe/Rome")


def starts_at_field():
    form_class = WebinarPage.get_edit_handler().get_form_class()
    return form_class.base_fields["starts_at"]


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31/12/2026 18:00", datetime(2026, 12, 31, 18, 0)),
        # Day first in English too: the 1st of February, not the 2nd of January.
        ("01/02/2026 09:30", datetime(2026, 2, 1, 9, 30)),
        ("2026-12-31 18:00", datetime(2026, 12, 31, 18, 0)),
    ],
)
def test_a_date_and_time_typed_day_first_is_read_as_meant(language, typed, expected):
    with translation.override(language), timezone.override(ROME):
        value = starts_at_field().clean(typed)
    assert value == expected.replace(tzinfo=ROME)


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_field_shows_the_day_first_and_its_picker_keeps_what_was_typed(language):
    field = starts_at_field()
    with translation.override(language), timezone.override(ROME):
        shown = field.widget.format_value(datetime(2026, 12, 31, 18, 0, tzinfo=ROME))
        config = field.widget.get_config()
    assert shown == "31/12/2026 18:00"
    assert config["format"] == "d/m/Y H:i"
    assert config["validateOnBlur"] is False


@pytest.mark.parametrize(
    ("language", "words"),
    [("it", "per esempio 31/12/2026 18:00"), ("en", "for example 31/12/2026 18:00")],
)
def test_a_date_that_cannot_be_read_is_an_error_naming_the_form(language, words):
    field = starts_at_field()
    with translation.override(language), pytest.raises(ValidationError) as refused:
        field.clean("31/13/2026 18:00")
    with translation.override(language):
        assert any(words in message for message in refused.value.messages), refused.value


def test_date_only_and_snippet_fields_read_the_day_first_too():
    with translation.override("en"), timezone.override(ROME):
        banner_form = AlertBanner.get_edit_handler().get_form_class()
        assert banner_form.base_fields["starts_at"].clean("02/03/2027 08:00").month == 3
        landing_form = ReopeningPage.get_edit_handler().get_form_class()
        field = landing_form.base_fields["reopening_date"]
        assert isinstance(field.widget, DateInput)
        assert field.clean("02/03/2027") == date(2027, 3, 2)
        assert field.widget.format_value(date(2027, 3, 2)) == "02/03/2027"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["it", "en"]))
def test_any_typed_text_is_read_or_refused_never_a_crash(typed, language):
    """Whatever is typed, the field reads a moment in Italy or names the form it expects."""
    field = starts_at_field()
    with translation.override(language), timezone.override(ROME):
        try:
            value = field.clean(typed)
        except ValidationError as error:
            assert error.messages == [str(field.error_messages["invalid"])] or error.code in (
                "required",
                "overflow",
            )
        else:
            assert value.tzinfo is not None
