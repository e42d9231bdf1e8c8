from .index import FeaturedItem, HubIndexPage, TopicPage
from .pages import (
    ITEM_PAGE_MODELS,
    ArticlePage,
    CoursePage,
    DeepDivePage,
    HubItemPage,
    ItemContributor,
    TalkPage,
    ToolPage,
    WebinarPage,
)
from .snippets import Audience, Speaker, Topic

__all__ = [
    "ITEM_PAGE_MODELS",
    "ArticlePage",
    "Audience",
    "CoursePage",
    "DeepDivePage",
    "FeaturedItem",
    "HubIndexPage",
    "HubItemPage",
    "ItemContributor",
    "Speaker",
    "TalkPage",
    "ToolPage",
    "Topic",
    "TopicPage",
    "WebinarPage",
]
