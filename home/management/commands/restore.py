from django.core.management.base import BaseCommand, CommandError

from home.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup (a .dump and its -media.tar.gz) into an empty database and media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", help="The mip-<date>.dump file.")
        parser.add_argument(
            "--media", help="The media archive (default: the dump's -media.tar.gz beside it)."
        )

    def handle(self, *args, **options):
        dump = options["dump"]
        media = options["media"] or dump.removesuffix(".dump") + "-media.tar.gz"
        try:
            restore_backup(dump, media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {dump} and {media}.")
