"""The form every page of the site is edited with.

A page's address comes from its title when the editor leaves it empty. Wagtail fills the
slug from the title in the browser, a moment after the last keystroke; a Publish pressed
within that moment posted an empty slug and was refused ("This field is required"). The
model itself already makes a slug from the title when it has none (`Page.full_clean`), so
the form lets an empty slug of a page never published through to it and says nothing.
"""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class PageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and not self.published_once():
            self.fields["slug"].required = False

    def published_once(self):
        """A page that has been public keeps its address unless the editor types a new one:
        emptying the field is refused, as Wagtail refuses it."""
        page = self.instance
        return bool(page.pk and (page.live or page.first_published_at))

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug or self.published_once():
            return slug
        title = self.cleaned_data.get("title") or self.data.get(self.add_prefix("title"), "")
        base = slugify(title, allow_unicode=True)[:230].strip("-")
        if not base or self.parent_page is None:
            # Nothing to make it from: the usual "required" error.
            self.fields["slug"].required = True
            return self.fields["slug"].clean(slug)
        candidate, number = base, 1
        while not Page._slug_is_available(candidate, self.parent_page, self.instance):
            number += 1
            candidate = f"{base}-{number}"
        return candidate
