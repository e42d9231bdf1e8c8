from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DEV_USERS = [
    # username, password, is_superuser
    ("admin", "mip-admin-2020", True),
]


class Command(BaseCommand):
    help = "Create the development accounts and print their logins (refuses to run with DEBUG off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Development accounts are for DEBUG environments only.")
        user_model = get_user_model()
        for username, password, is_superuser in DEV_USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.com",
                    "is_staff": True,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save()
            self.stdout.write(f"  {username} / {password}")
        call_command("create_roles", demo_users=True, stdout=self.stdout)
