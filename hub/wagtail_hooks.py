from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.extensions import DEMO_CONTENT, HOME_PAGE_SECTIONS

from .dashboard import WebinarsNeedingAttentionPanel
from .home_section import home_page_context
from .models import Speaker, Topic

# KeepONLearning on the home page: figures, upcoming webinars, topics, featured items.
hooks.register(HOME_PAGE_SECTIONS, home_page_context)


@hooks.register("construct_homepage_panels")
def add_webinars_needing_attention(request, panels):
    panels.append(WebinarsNeedingAttentionPanel())


@hooks.register(DEMO_CONTENT, order=10)
def hub_demo(home, scale):
    from . import demo

    return demo.build(home, scale=scale)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale", "sort_order"]
    # Searched in the database by name: the SQLite search index refuses a search limited
    # to fields (500 on the first search), and there are only a few dozen topics.
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    list_display = ["name", "role", "organisation", "locale"]
    search_fields = ["name", "organisation"]
    search_backend_name = None


class KeepONLearningViewSetGroup(SnippetViewSetGroup):
    menu_label = _("KeepONLearning")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (TopicViewSet, SpeakerViewSet)


register_snippet(KeepONLearningViewSetGroup)
