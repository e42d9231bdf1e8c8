"""Site search: the public search page and the database search backend it runs on."""
