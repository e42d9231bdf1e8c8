# The English pages of an Italian school: day before month and the time of Italy on the
# 24-hour clock, as the explicit dates of the templates already write them,
# e.g. "8 December 2026" and "Tuesday 8 December 2026, 18:00". Formats not set here are Django's own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
