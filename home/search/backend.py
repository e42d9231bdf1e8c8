"""Wagtail's database search backend, with each language stemmed by its own rules.

On PostgreSQL the database backend turns text into a tsvector with one text search
configuration (`SEARCH_CONFIG`) for everything. This site has Italian and English pages, so
here each object is indexed with the configuration of its own locale (`italian` for Italian
pages, `english` for English ones) and a query is parsed with the configuration of the
locales it is filtered to: "lavori" finds "lavoro" on Italian pages and "courses" finds
"course" on English ones. A query that is not filtered to one locale (the admin's page
search) is parsed with every language's configuration, so each page matches by the rules of
its own language. Objects without a locale (images, documents) use `SEARCH_CONFIG`.

Other databases (SQLite in development and tests) get Wagtail's database backend unchanged.

Settings, in `WAGTAILSEARCH_BACKENDS["default"]`:
    "BACKEND": "home.search.backend",
    "SEARCH_CONFIG": "italian",
    "LANGUAGE_SEARCH_CONFIGS": {"it": "italian", "en": "english"},
"""

import copy
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models.lookups import Lookup
from django.db.models.sql.where import AND, WhereNode
from wagtail.models import Locale, TranslatableMixin
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


def filtered_locale_ids(where):
    """The locale ids a queryset's filter restricts it to (`locale=…` or `locale__in=…`
    joined by AND), or None when it is not restricted to particular locales."""
    if isinstance(where, Lookup):
        target = getattr(where.lhs, "target", None)
        if target is None or target.attname != "locale_id":
            return None
        if where.lookup_name == "exact":
            values = [where.rhs]
        elif where.lookup_name == "in" and isinstance(where.rhs, list | tuple | set | frozenset):
            values = where.rhs
        else:
            return None
        ids = {getattr(value, "pk", value) for value in values}
        return ids if all(isinstance(pk, int) for pk in ids) else None
    if isinstance(where, WhereNode) and where.connector == AND and not where.negated:
        found = None
        for child in where.children:
            ids = filtered_locale_ids(child)
            if ids is not None:
                found = ids if found is None else found & ids
        return found
    return None


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index the objects of each language in one batch, with that language's configuration."""
        batches = defaultdict(list)
        if issubclass(model, TranslatableMixin):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            for obj in objs:
                config = self.backend.config_for_language(languages.get(obj.locale_id))
                batches[config].append(obj)
        else:
            batches[self.backend.config] = list(objs)
        for config, batch in batches.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, batch)


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """A tuple of configurations: the query matches if it matches by any of them."""
        if not hasattr(self, "_configs"):
            self._configs = backend.configs_for_queryset(self.queryset)
        return self._configs

    def build_tsquery(self, query, config=None):
        build = super().build_tsquery
        configs = config if isinstance(config, tuple) else (config,)
        tsqueries = [build(query, config=each) for each in configs]
        tsqueries = [tsquery for tsquery in tsqueries if tsquery is not None]
        return reduce(or_, tsqueries) if tsqueries else None


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalisedPostgresSearchQueryCompiler
    index_class = LocalisedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))

    def config_for_language(self, language_code):
        if not language_code:
            return self.config
        primary = language_code.split("-")[0]
        return self.language_configs.get(
            language_code, self.language_configs.get(primary, self.config)
        )

    def with_config(self, config):
        """This backend, indexing with one text search configuration."""
        backend = copy.copy(self)
        backend.config = config
        return backend

    def configs_for_queryset(self, queryset):
        if not issubclass(queryset.model, TranslatableMixin):
            return (self.config,)
        locale_ids = filtered_locale_ids(queryset.query.where)
        if locale_ids is None:
            configs = [*self.language_configs.values(), self.config]
        else:
            languages = Locale.objects.filter(pk__in=locale_ids).values_list(
                "language_code", flat=True
            )
            configs = [self.config_for_language(code) for code in languages]
        return tuple(dict.fromkeys(configs)) or (self.config,)


def SearchBackend(params):
    """The backend for the default database, as Wagtail's `database` backend chooses it."""
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return database.SearchBackend(params)
