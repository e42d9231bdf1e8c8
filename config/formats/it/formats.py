# Italian writes dates without a leading zero and, with the names in lower case that our
# catalogue gives them (see home/dates.py): "8 dicembre 2026", "martedì 8 dicembre 2026, 18:00".
# Formats not set here are Django's own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
