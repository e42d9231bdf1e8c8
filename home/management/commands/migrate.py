"""Django's `migrate`, telling the project whether the run is faked.

An app taken to zero loses its content first (`home/operations/page_tree.py`), but a faked
run drops no table and must delete nothing; Django's `pre_migrate` signal does not say
whether the run is faked, so this command, which replaces Django's own (an app's command
of the same name does), says it around the run.
"""

from django.core.management.commands.migrate import Command as DjangoMigrate

from home.operations.page_tree import faking


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        with faking(options.get("fake")):
            return super().handle(*args, **options)
