"""Running the site for real: backups of the database and the media, and their restore."""
