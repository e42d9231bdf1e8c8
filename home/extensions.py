"""Where the sections plug into the site: `home` asks, `hub` and `reopening` answer.

`home` imports neither section app (a test checks it); each section registers functions
under these Wagtail hook names in its own `wagtail_hooks.py`, and `home` calls whatever is
registered. Wagtail's hooks rather than a registry of our own: they are already how the
admin is extended, with an `order` for who comes first.
"""

# fn(request, section) -> alerts to show in the frame of every page (`home/chrome.py`).
SITE_ALERTS = "site_alerts"
# fn(home_page, request) -> dict added to the home page's template context.
HOME_PAGE_SECTIONS = "home_page_sections"
# fn(groups) -> dict of more groups: what a section adds to the site's real roles
# (`create_roles`, the demo). `groups` are those `home.demo.roles` built.
SITE_SETUP = "site_setup"
# fn(home_pages, scale) -> {"menu": [pages for the main menu]}: a section's demo content,
# in hook order (`load_demo_data`).
DEMO_CONTENT = "demo_content"
