"""Admin hooks for the editors: the morning dashboard and the school's colours."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .panels import WebinarsNeedingAttentionPanel


@hooks.register("construct_homepage_panels")
def add_webinars_needing_attention(request, panels):
    panels.append(WebinarsNeedingAttentionPanel())


@hooks.register("insert_global_admin_css")
def school_colours():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin.css"))
