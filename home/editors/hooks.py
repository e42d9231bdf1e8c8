"""Admin hooks for the editors: the school's colours. The sections add their own dashboard
panels (the hub's webinars needing attention: `hub/dashboard.py`)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def school_colours():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin.css"))
