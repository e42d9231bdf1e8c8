from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .editors import creation as creation_hooks  # noqa: F401
from .editors import hooks as editors_hooks  # noqa: F401
from .models import FooterContent, NavigationMenu
from .translations import hooks as translations_hooks  # noqa: F401


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["name", "locale"]


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "doc-full"
    list_display = ["name", "locale"]


class SiteChromeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Navigation and footer")
    menu_icon = "site"
    menu_order = 300
    items = (NavigationMenuViewSet, FooterContentViewSet)


register_snippet(SiteChromeViewSetGroup)
