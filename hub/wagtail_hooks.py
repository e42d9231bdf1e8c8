from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Speaker, Topic


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
