"""Fixed vocabularies of the hub: kinds of item, audiences, delivery languages."""

from django.utils.translation import gettext_lazy as _

KIND_ARTICLE = "article"
KIND_WEBINAR = "webinar"
KIND_COURSE = "course"
KIND_TALK = "talk"
KIND_TOOL = "tool"
KIND_DEEP_DIVE = "deep-dive"

KINDS = [
    (KIND_ARTICLE, _("Article")),
    (KIND_WEBINAR, _("Webinar")),
    (KIND_COURSE, _("Online course")),
    (KIND_TALK, _("Talk")),
    (KIND_TOOL, _("Tool")),
    (KIND_DEEP_DIVE, _("Deep-dive")),
]

AUDIENCES = [
    ("students", _("Students")),
    ("companies", _("Companies")),
    ("alumni", _("Alumni")),
    ("faculty-partners", _("Faculty and partners")),
]

DELIVERY_LANGUAGES = [("it", _("Italian")), ("en", _("English"))]

WEBINAR_STATUS_OVERRIDES = [
    ("", _("As scheduled")),
    ("cancelled", _("Cancelled")),
    ("postponed", _("Postponed")),
]

COURSE_FORMATS = [("self-paced", _("Self-paced")), ("live", _("Live sessions"))]
COURSE_LEVELS = [
    ("beginner", _("Beginner")),
    ("intermediate", _("Intermediate")),
    ("advanced", _("Advanced")),
]
