"""Every URL the admin serves, by what it may change and who may use it.

`test_admin_inventory.py` walks the admin's URL patterns (Wagtail's, wagtail-localize's, the
project's) and fails on one that no row below describes, so a view added by an upgrade is
decided on before it ships. Rows are tried in order; the first whose pattern matches the
route wins.

Classes:
  public   changes what visitors see of a page: each is exercised for every role by
           `test_review_paths.py` (the names in `PUBLIC_PATHS`) or `test_review_rule.py`
  draft    changes drafts, revisions, locks, comments, workflow states or translations in
           progress: nothing a visitor sees until a public path publishes it
  content  changes what visitors see outside pages (snippets, media, redirects, promoted
           search results, settings, form submissions)
  admin    the site's administration: superusers only (checked for every role)
  read     shows what the user may see (translators' limits: `test_translators_reading.py`)
  account  the user's own session and account
"""

import re

EVERYONE = "every role"
PAGE_ROLES = "editors, reviewers (reopening section), translators (own language), administrators"
ADMINISTRATORS = "administrators"

# (route pattern, class, who may use it, what it may change)
ROWS = [
    # Pages: the paths to the public site.
    (r"pages/<int:page_id>/edit/$", "public", PAGE_ROLES, "publish, approve, or save a draft"),
    (r"pages/add/.+/<int:parent_page_id>/$", "public", PAGE_ROLES, "create, and publish"),
    (r"pages/<int:page_id>/unpublish/$", "public", PAGE_ROLES, "take a page down"),
    (r"pages/<int:page_id>/delete/$", "public", PAGE_ROLES, "delete a page and its subtree"),
    (r"pages/<int:page_to_move_id>/move/", "public", PAGE_ROLES, "move a page and its subtree"),
    (r"pages/<int:page_to_move_id>/set_position/$", "public", PAGE_ROLES, "reorder siblings"),
    (r"pages/<int:page_id>/copy/$", "public", PAGE_ROLES, "copy, publish or alias copies"),
    (r"pages/<int:page_id>/convert_alias/$", "public", PAGE_ROLES, "alias into a page"),
    (r"pages/<int:page_id>/privacy/$", "public", PAGE_ROLES, "restrict who sees a page"),
    (r"pages/.*revisions/<int:revision_id>/unschedule/$", "public", PAGE_ROLES, "unschedule"),
    (r"pages/workflow/action/", "public", PAGE_ROLES, "approve (publishes) or reject"),
    (r"bulk/<str:app_label>/<str:model_name>/<str:action>/$", "public", PAGE_ROLES, "bulk"),
    (r"api/main/\^pages/<int:pk>/action/", "public", PAGE_ROLES, "the admin API's actions"),
    (r"localize/page/<int:page_id>/convert_to_alias/$", "public", PAGE_ROLES, "alias"),
    (r"localize/update/", "public", PAGE_ROLES, "sync translations, publishing them"),
    (r"reports/translation-status/sync/", "public", PAGE_ROLES, "sync a section"),
    (r"reports/reopening-review/<int:page_id>/reviewed/$", "public", "reviewers", "review date"),
    # Pages: drafts and the work around them.
    (r"pages/<int:page_id>/(lock|unlock)/$", "draft", PAGE_ROLES, "lock"),
    (r"pages/workflow/(collect_action_data|confirm_cancellation)/", "draft", PAGE_ROLES, ""),
    (r"pages/<int:page_id>/revisions/<int:revision_id>/revert/$", "draft", PAGE_ROLES, ""),
    (r"pages/add/.+/preview/$", "draft", PAGE_ROLES, "preview data in the session"),
    (r"pages/<int:page_id>/edit/preview/$", "draft", PAGE_ROLES, "preview data"),
    (r"pages/create/", "draft", PAGE_ROLES, "choose where to create a page"),
    (r"pages/<int:parent_page_id>/add_subpage/$", "read", PAGE_ROLES, ""),
    (r"localize/submit/", "draft", "editors, translators", "a new draft translation"),
    (r"localize/translate/<int:translation_id>/(strings|overrides)/", "draft", "", "segments"),
    (r"localize/translate/<int:translation_id>/pofile/upload/$", "draft", "", "segments"),
    (r"localize/translate/<int:translation_id>/machine_translate/$", "draft", "", "segments"),
    (r"localize/translate/<int:translation_id>/disable/$", "draft", "", "stop syncing"),
    (r"localize/suggestions/.+/accept/$", "draft", "translators", "segments"),
    (r"editing-sessions/", "draft", EVERYONE, "who else is editing"),
    # Content outside pages.
    (r"snippets/(home|hub|reopening)/", "content", "editors, translators (own language)", ""),
    (r"snippets/choose/", "content", "editors, translators (own language)", "choose, create"),
    (r"snippets/$", "read", PAGE_ROLES, ""),
    (r"(images|documents)/", "content", "editors, reviewers, translators", "media"),
    (r"embeds/chooser/", "content", PAGE_ROLES, "embeds"),
    (r"redirects/", "content", "editors, administrators", "redirects"),
    (r"searchpicks/", "content", "editors, administrators", "promoted search results"),
    (r"settings/", "content", ADMINISTRATORS, "site settings"),
    (r"forms/submissions/<int:page_id>/delete/$", "content", ADMINISTRATORS, "submissions"),
    (r"forms/", "read", "editors, administrators", "form submissions"),
    # Administration.
    (r"workflows/task_chooser/", "read", PAGE_ROLES, "task names (creating one needs its right)"),
    (r"(users|groups|sites|locales|collections|workflows)/", "admin", ADMINISTRATORS, ""),
    # Reading.
    (r"reports/", "read", PAGE_ROLES, "reports"),
    (r"localize/reports/", "read", PAGE_ROLES, "wagtail-localize's report (not in the menu)"),
    (r"localize/api/snippets/", "read", PAGE_ROLES, "snippets in the translation editor"),
    (r"localize/translate/<int:translation_id>/(preview|pofile/download)", "read", "", ""),
    (r"localize/suggestions/<int:translation_id>/$", "read", "translators", ""),
    (r"localize/jsi18n/$|jsi18n/$", "read", EVERYONE, "the admin's catalogue"),
    (r"pages/", "read", PAGE_ROLES, "explorer, history, revisions, usage, search"),
    (r"api/main/", "read", PAGE_ROLES, "the admin API's listings"),
    (r"choose-|tag-autocomplete/", "read", PAGE_ROLES, "choosers"),
    (r"block-preview/$", "read", PAGE_ROLES, "block previews"),
    (r"$|\^\.\*/\$$|sprite/$", "read", EVERYONE, "dashboard, not found, icons"),
    (r"failwhale/$|test404/$", "read", EVERYONE, "Wagtail's checks of its error pages"),
    # The person's own account.
    (r"(login|logout|account|password_reset|dismissibles)/", "account", EVERYONE, ""),
]

# The public rows' paths, as `test_review_paths.py` and `test_review_rule.py` name them.
PUBLIC_PATHS = {
    r"pages/<int:page_id>/edit/$": [
        "edit form: publish",
        "edit form: approve the review",
        "wagtail-localize: translation editor, publish",
    ],
    r"pages/add/.+/<int:parent_page_id>/$": ["create view: publish a new page"],
    r"pages/<int:page_id>/unpublish/$": ["unpublish view"],
    r"pages/<int:page_id>/delete/$": ["delete view"],
    r"pages/<int:page_to_move_id>/move/": ["move view"],
    r"pages/<int:page_to_move_id>/set_position/$": ["explorer: reorder"],
    r"pages/<int:page_id>/copy/$": ["copy view, publishing the copy", "copy view, as an alias"],
    r"pages/<int:page_id>/convert_alias/$": ["convert alias into a page"],
    r"pages/<int:page_id>/privacy/$": ["privacy view"],
    r"pages/.*revisions/<int:revision_id>/unschedule/$": [
        "test_an_editor_cannot_unschedule_a_reviewed_go_live"
    ],
    r"pages/workflow/action/": ["workflow: approve"],
    r"bulk/<str:app_label>/<str:model_name>/<str:action>/$": [
        "bulk publish",
        "bulk unpublish",
        "bulk delete",
        "bulk move",
    ],
    r"api/main/\^pages/<int:pk>/action/": [
        "admin API: publish",
        "admin API: unpublish",
        "admin API: delete",
        "admin API: move",
        "admin API: copy",
        "admin API: create alias",
        "admin API: revert to a revision",
        "admin API: convert alias",
        "test_copy_for_translation_through_the_api_makes_a_draft",
    ],
    r"localize/page/<int:page_id>/convert_to_alias/$": ["wagtail-localize: convert to alias"],
    r"localize/update/": ["wagtail-localize: update translations, publishing"],
    r"reports/translation-status/sync/": ["translations report: section sync, publishing"],
    r"reports/reopening-review/<int:page_id>/reviewed/$": [
        "test_only_publishers_can_mark_a_page_reviewed"
    ],
}


def classify(route):
    for pattern, kind, who, changes in ROWS:
        if re.match(pattern, route):
            return pattern, kind, who, changes
    return None
