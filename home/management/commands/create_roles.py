from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks
from wagtail.users.models import UserProfile

from home.demo.roles import EDITORS, TRANSLATORS, build_roles
from home.extensions import SITE_SETUP
from home.review.rule import REVIEWERS

DEMO_USERS = [
    # username, password, group, language of the admin
    ("editor", "mip-editor-2020", EDITORS, "it"),
    ("reviewer", "mip-reviewer-2020", REVIEWERS, "it"),
    ("translator-en", "mip-translator-en-2020", TRANSLATORS["en"], "en"),
    ("translator-it", "mip-translator-it-2020", TRANSLATORS["it"], "it"),
]


class Command(BaseCommand):
    help = (
        "Create the groups of every role (editors, reviewers, translators) with their permissions "
        "and the reopening review workflow; with --demo-users "
        "also one development login per role (DEBUG only). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users", action="store_true", help="Also create and print a login per role."
        )

    def handle(self, *args, demo_users=False, **options):
        groups = build_roles()
        # What the sections add: the reopening's reviewers and review workflow.
        for setup in hooks.get_hooks(SITE_SETUP):
            groups.update(setup(groups) or {})
        if not demo_users:
            return
        if not settings.DEBUG:
            raise CommandError("Development accounts are for DEBUG environments only.")
        user_model = get_user_model()
        for username, password, group_name, language in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.com", "is_staff": False},
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(groups[group_name])
            profile = UserProfile.get_for_user(user)
            if profile.preferred_language != language:
                profile.preferred_language = language
                profile.save(update_fields=["preferred_language"])
            self.stdout.write(f"  {username} / {password} ({group_name})")
