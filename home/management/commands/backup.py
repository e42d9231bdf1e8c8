from django.core.management.base import BaseCommand, CommandError

from home.operations.backup import BackupError, take_backup


class Command(BaseCommand):
    help = "Dump the PostgreSQL database (pg_dump -Fc) and archive the media folder."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="Folder for the two files.")

    def handle(self, *args, **options):
        try:
            dump, media = take_backup(options["to"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Database: {dump}\nMedia: {media}")
