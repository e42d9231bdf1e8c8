# Italian writes dates without a leading zero and, with the names in lower case that our
# catalogue gives them (see home/dates.py): "8 dicembre 2026", "martedì 8 dicembre 2026, 18:00".
# Formats not set here are Django's own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
# What editors type in the admin's date fields (WAGTAIL_DATE_FORMAT and its siblings), day
# first in both languages; Django adds the ISO forms (2026-12-31) after these.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%d/%m/%y %H:%M"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M"]
