"""What search engines and social networks read: one source of absolute addresses, each
public address with its equivalents in the other language, the sitemap, robots.txt and the
schema.org data of every page."""
