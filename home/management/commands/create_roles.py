from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.demo.roles import EDITORS, TRANSLATORS, build_roles

DEMO_USERS = [
    # username, password, group
    ("editor", "mip-editor-2020", EDITORS),
    ("translator-en", "mip-translator-en-2020", TRANSLATORS["en"]),
    ("translator-it", "mip-translator-it-2020", TRANSLATORS["it"]),
]


class Command(BaseCommand):
    help = (
        "Create the Editors and translators' groups with their permissions; with --demo-users "
        "also one development login per role (DEBUG only). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users", action="store_true", help="Also create and print a login per role."
        )

    def handle(self, *args, demo_users=False, **options):
        groups = build_roles()
        if not demo_users:
            return
        if not settings.DEBUG:
            raise CommandError("Development accounts are for DEBUG environments only.")
        user_model = get_user_model()
        for username, password, group in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.com", "is_staff": False},
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(groups[group])
            self.stdout.write(f"  {username} / {password} ({group})")
